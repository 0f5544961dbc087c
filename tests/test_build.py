"""End to end: the real seeds through every stage into a site whose links all work."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.build import BuildError, build
from sitegen.progress import Reporter


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def internal_targets(site: Path, page: Path) -> list[tuple[str, Path]]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    out = []
    for link in parser.links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith("#") or link.startswith("mailto:"):
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if link.endswith("/") or target.is_dir():
            target = target / "index.html"
        out.append((link, target))
    return out


@pytest.fixture
def built(project):
    result = build(project, reporter=Reporter(0))
    return project, result


def test_build_makes_every_page_and_no_link_is_broken(built):
    config, result = built
    site = config.out_dir
    assert result.articles >= 20
    for name in ("index.html", "404.html", ".nojekyll", "digest.json"):
        assert (site / name).exists(), name
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    articles = digest["articles"]
    assert len(articles) == result.articles
    permalinks = [a["permalink"] for a in articles]
    assert len(set(permalinks)) == len(permalinks)
    for a in articles:
        assert re.fullmatch(r"articles/[a-z0-9_-]+\.html", a["permalink"]), a["permalink"]
        assert (site / a["permalink"]).is_file()
    assert list((site / "themes").glob("*.html")), "no theme pages"
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served for any path by GitHub Pages: its links are root-based
        for link, target in internal_targets(site, page):
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif not target.resolve().is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site)} -> {link} (outside the site)")
    assert broken == []


def test_article_page_shows_chinese_and_marks_pending_english(built):
    config, result = built
    site = config.out_dir
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    first = next(a for a in digest["articles"] if a["headline"]["zh"])
    html = (site / first["permalink"]).read_text(encoding="utf-8")
    assert first["headline"]["zh"] in html
    assert 'lang="zh-Hans"' in html
    # No model is installed in tests: the page says the English is pending.
    assert result.pending > 0
    assert re.search(r"(?i)translation pending|awaiting translation", html)


def test_noop_rebuild_does_nothing_and_a_changed_seed_rebuilds(built):
    config, first = built
    index = config.out_dir / "index.html"
    before = index.stat().st_mtime_ns
    second = build(config, reporter=Reporter(0))
    assert second.skipped
    assert index.stat().st_mtime_ns == before

    seed = sorted(config.seeds_dir.glob("*.txt"))[-1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 新增一段测试正文。\n", encoding="utf-8")
    third = build(config, reporter=Reporter(0))
    assert not third.skipped
    assert third.parsed == 1  # the other seeds come from the parse cache
    assert third.unchanged > third.articles // 2  # most article pages are carried over
    assert index.stat().st_mtime_ns > before
    clean = build(config, reporter=Reporter(0), clean=True)
    assert clean.parsed == len(list(config.seeds_dir.glob("*.txt"))) and clean.unchanged == 0


def test_a_seed_edited_while_a_build_runs_is_built_by_the_next(built, monkeypatch):
    """The seeds' digest an incremental build leaves for the next one is taken before its
    parse reads them: a seed edited after that is not mistaken for built."""
    import sitegen.build as build_module

    config, _ = built
    seed = sorted(config.seeds_dir.glob("*.txt"))[-1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 新增一段测试正文。\n", encoding="utf-8")
    group_stage = build_module.group_stage

    def edit_then_group(*args, **kwargs):  # after the parse: as if edited while the build ran
        seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 又一段测试正文。\n", encoding="utf-8")
        return group_stage(*args, **kwargs)

    monkeypatch.setattr(build_module, "group_stage", edit_then_group)
    assert build(config, reporter=Reporter(0)).parsed == 1
    monkeypatch.setattr(build_module, "group_stage", group_stage)
    after = build(config, reporter=Reporter(0))
    assert not after.skipped and after.parsed == 1
    assert build(config, reporter=Reporter(0)).skipped


def test_incremental_site_equals_a_clean_build(project, tmp_path):
    """Carrying pages over must give exactly the site a full build gives."""
    from datetime import datetime, timezone

    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    build(project, reporter=Reporter(0), build_date=when)
    seed = sorted(project.seeds_dir.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 某地召开会议，部署上合组织论坛筹备工作。\n", encoding="utf-8")
    changed = build(project, reporter=Reporter(0), build_date=when)
    assert changed.unchanged > 0
    incremental = {p.relative_to(project.out_dir): p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    build(project, reporter=Reporter(0), build_date=when, clean=True)
    full = {p.relative_to(project.out_dir): p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    assert incremental.keys() == full.keys()
    assert [k for k in full if incremental[k] != full[k]] == []


def test_failed_build_leaves_previous_site(built):
    config, _ = built
    snapshot = {p.relative_to(config.out_dir): p.read_bytes() for p in config.out_dir.rglob("*") if p.is_file()}
    broken = config.templates_dir / "base.html"
    if not broken.exists():
        broken = next(config.templates_dir.glob("*.html"))
    broken.write_text("{% if %}", encoding="utf-8")
    with pytest.raises(Exception):
        build(config, reporter=Reporter(0), clean=True)
    after = {p.relative_to(config.out_dir): p.read_bytes() for p in config.out_dir.rglob("*") if p.is_file()}
    assert after == snapshot


def test_noop_rebuild_loads_no_heavy_library(built):
    """A no-op rebuild answers from the fingerprint alone: it must not pay for importing the
    template engine, numpy or the segmenter and its dictionary (~0.3 s of a cold start)."""
    import subprocess
    import sys

    config, _ = built
    code = (
        "import sys\n"
        "from sitegen.cli import main\n"
        "rc = main(['build', '-q'])\n"
        "heavy = sorted(m for m in ('jinja2', 'numpy', 'rjieba', 'jieba', 'sitegen.parse.assign',\n"
        "                           'sitegen.group.core', 'sitegen.render.site') if m in sys.modules)\n"
        "print(rc, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=config.root, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "0 []", out.stdout + out.stderr  # 0 and nothing heavy: a no-op


def test_command_line_exit_status_and_messages_survive_the_fast_exit(project, tmp_path):
    """`python -m sitegen` leaves with os._exit after the command: the status, every message
    and every file must still be there."""
    import subprocess
    import sys

    ok = subprocess.run([sys.executable, "-m", "sitegen", "build", "--clean"], cwd=project.root,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "wrote " in ok.stdout + ok.stderr and "files to" in ok.stdout + ok.stderr
    assert (project.out_dir / "index.html").is_file() and (project.out_dir / "digest.json").is_file()
    bad = subprocess.run([sys.executable, "-m", "sitegen", "build", "--seeds", str(tmp_path / "missing")],
                         cwd=project.root, capture_output=True, text=True)
    assert bad.returncode == 1  # a content error; 2 is for usage errors (argparse)
    assert bad.stderr.startswith("error: ") and "missing" in bad.stderr


def test_rebuild_with_every_seed_cached_still_groups(built):
    """A change outside the seeds (here the taxonomy) parses nothing: the grouping set-up
    that normally runs while seeds parse must still happen, and the new taxonomy apply."""
    config, first = built
    themes = config.themes_path
    themes.write_text(themes.read_text(encoding="utf-8").replace(
        'name_en = "', 'name_en = "Renamed ', 1), encoding="utf-8")
    again = build(config, reporter=Reporter(0))
    assert not again.skipped and again.parsed == 0 and again.articles == first.articles
    digest = json.loads((config.out_dir / "digest.json").read_text(encoding="utf-8"))
    assert any(t["name_en"].startswith("Renamed ") for t in digest["themes"])


def test_build_raises_collector_thresholds_and_restores_them(tmp_path):
    """The cycle collector runs less often during a build and is set back afterwards,
    also when the build fails."""
    import gc

    from sitegen.build import BUILD_GC_THRESHOLDS, collector_thresholds

    before = gc.get_threshold()
    with collector_thresholds():
        assert gc.get_threshold() == BUILD_GC_THRESHOLDS
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError):
        with collector_thresholds((5_000, 5, 5)):
            assert gc.get_threshold() == (5_000, 5, 5)
            raise RuntimeError("failed build")
    assert gc.get_threshold() == before



def test_memory_is_locked_from_the_parse_until_translated(project, monkeypatch):
    """The translation memory is locked and loaded while the seeds parse (off the build's
    serial path) and unlocked once translated, before the pages render; a build that fails
    in between unlocks it, and a build refuses a memory that another build holds, leaving
    the previous site as it was."""
    import sitegen.build as build_module
    import sitegen.render as render_module
    from sitegen.group import TaxonomyError
    from sitegen.translate.memory import MemoryLock, MemoryLocked

    lock_file = Path(str(project.memory_path) + ".lock")
    seen = []
    group_stage, render_changed = build_module.group_stage, render_module.render_changed

    def grouping(*args, **kwargs):
        seen.append(("group", lock_file.exists()))
        return group_stage(*args, **kwargs)

    def rendering(*args, **kwargs):
        seen.append(("render", lock_file.exists()))
        return render_changed(*args, **kwargs)

    monkeypatch.setattr(build_module, "group_stage", grouping)
    monkeypatch.setattr(render_module, "render_changed", rendering)
    build(project, reporter=Reporter(0))
    assert seen == [("group", True), ("render", False)]
    assert not lock_file.exists()

    good = project.themes_path.read_text(encoding="utf-8")
    project.themes_path.write_text("[[theme]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError):
        build(project, reporter=Reporter(0), clean=True)
    assert not lock_file.exists()
    project.themes_path.write_text(good, encoding="utf-8")
    build(project, reporter=Reporter(0), clean=True)
    snapshot = {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    with MemoryLock(project.memory_path), pytest.raises(MemoryLocked, match="translation memory"):
        build(project, reporter=Reporter(0), clean=True)  # the lock is another build's
    assert {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()} == snapshot
    assert build(project, reporter=Reporter(0), clean=True).articles > 0


def test_corrupt_article_history_stops_the_build_and_is_left_alone(project):
    project.history_path.parent.mkdir(parents=True, exist_ok=True)
    project.history_path.write_text('{"version": 1, "articles": {\n  "a.html": {', encoding="utf-8")
    with pytest.raises(BuildError, match=r"history\.json:2:\d+: corrupt article history"):
        build(project, reporter=Reporter(0))
    assert project.history_path.read_text(encoding="utf-8").endswith('"a.html": {')


def test_an_incremental_build_that_drops_pages_equals_a_clean_build_and_leaves_old_files_alone(project, tmp_path):
    """The last site's pages are linked into the new tree ahead (``SiteWriter.carry_ahead``):
    pages a build no longer has are gone with their folders, and a page rendered again is a
    new file, never written through a link into the last site's file."""
    from datetime import datetime, timezone

    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    build(project, reporter=Reporter(0), build_date=when)
    out = project.out_dir
    held = tmp_path / "held"
    held.mkdir()
    before = {}
    for i, page in enumerate(sorted(out.rglob("*.html"))):
        os.link(page, held / str(i))
        before[str(i)] = page.read_bytes()
    seeds = sorted(project.seeds_dir.glob("*.txt"))
    seeds[0].unlink()
    seeds[1].write_text(seeds[1].read_text(encoding="utf-8") + "\n\n本报讯 某地召开会议，部署论坛筹备工作。\n",
                        encoding="utf-8")
    changed = build(project, reporter=Reporter(0), build_date=when)
    assert changed.unchanged > 0 and changed.rendered > 0
    assert {p.name: p.read_bytes() for p in held.iterdir()} == before

    def tree(root):
        return ({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()},
                {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()})

    incremental = tree(out)
    build(project, reporter=Reporter(0), build_date=when, clean=True)
    assert incremental == tree(out)
    assert [p.name for p in out.parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name] == []
