"""Hostile and broken input through the whole build: text stays text, paths stay inside
the site, interrupted builds leave the previous site intact."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.build import BuildError, build
from sitegen.config import Config
from sitegen.progress import Reporter
from sitegen.state import BuildState

HOSTILE_BODY = """本报讯（记者 王五）<script>alert("xss")</script>今天，某地召开会议，研究<img src=x onerror=alert(1)>部署
工作，会议要求{{ 7*7 }}落实{% for x in range(3) %}责任{% endfor %}，链接javascript:alert(2)。

会议指出，要<b>加强</b>统筹协调，确保各项任务落到实处，取得实效。

某地召开会议<script>document.title="pwned"</script>部署工作
"""


def hostile_project(tmp_path: Path, project: Config, name: str = "hostile.txt") -> Config:
    for seed in project.seeds_dir.glob("*"):
        seed.unlink()
    (project.seeds_dir / name).write_text(HOSTILE_BODY, encoding="utf-8")
    return project


def all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_html_and_template_syntax_in_seeds_render_as_text(tmp_path, project):
    config = hostile_project(tmp_path, project)
    build(config, reporter=Reporter(0))
    html = all_html(config.out_dir)
    assert "&lt;script&gt;" in html or "&lt;script" in html
    assert 'alert("xss")</script>' not in html
    assert "<img src=x onerror" not in html
    assert "onerror=alert(1)>" not in html
    assert "{{ 7*7 }}" in html  # shown literally, never evaluated
    assert "落实49" not in html
    assert 'href="javascript:' not in html.lower()
    digest = (config.out_dir / "digest.json").read_text(encoding="utf-8")
    json.loads(digest)  # still valid JSON
    for js in config.out_dir.rglob("*.js"):
        assert "</script>" not in js.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["第 1 版 人民日报.txt", "a..b..txt", "a" * 200 + ".txt", "x y z.txt"])
def test_odd_seed_names_give_safe_paths_inside_the_site(tmp_path, project, name):
    config = hostile_project(tmp_path, project, name)
    build(config, reporter=Reporter(0))
    site = config.out_dir.resolve()
    files = [p for p in site.rglob("*") if p.is_file()]
    assert files
    for f in files:
        assert f.resolve().is_relative_to(site)
        rel = f.relative_to(site).as_posix()
        assert rel.isascii() and " " not in rel and len(f.name) < 120, rel
    # nothing was written next to the site
    assert {p.name for p in config.out_dir.parent.iterdir() if p.name.startswith(".site")} <= {
        ".site.cache", ".site.cache.lock"}


def test_concurrent_build_is_refused(project):
    with BuildState(project.out_dir).lock():
        with pytest.raises(BuildError, match="another build"):
            build(project, reporter=Reporter(0))


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_build_killed_at_random_points_leaves_a_whole_site(tmp_path, project):
    (project.root / "sitegen.toml").write_text("", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    cmd = [sys.executable, "-m", "sitegen", "build", "-q", "--clean"]
    subprocess.run(cmd, cwd=project.root, env=env, check=True, timeout=300)
    good = _snapshot(project.out_dir)
    assert "index.html" in good
    rng = random.Random(1234)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=project.root, env=env)
    proc.wait(timeout=300)
    full = time.monotonic() - started
    for _ in range(6):
        proc = subprocess.Popen(cmd, cwd=project.root, env=env)
        time.sleep(rng.uniform(0.05, full))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        # Either the old site or a complete new one: same file set, every page whole.
        now = _snapshot(project.out_dir)
        assert set(now) == set(good)
        memory = project.memory_path
        if memory.exists():
            json.loads(memory.read_text(encoding="utf-8"))
    # and the next build recovers from any debris
    subprocess.run(cmd, cwd=project.root, env=env, check=True, timeout=300)
    assert set(_snapshot(project.out_dir)) == set(good)
    leftovers = [p.name for p in project.out_dir.parent.iterdir() if ".site.tmp" in p.name or ".site.old" in p.name]
    assert leftovers == []
