"""sitegen serve: loopback only, live reload injected at response time, rebuild on change,
a failed rebuild keeps the last good site, Ctrl-C stops cleanly. Every wait is bounded."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitegen.config import Config, load_config, with_overrides
from sitegen.models import Page
from sitegen.progress import Reporter
from sitegen.serve import RELOAD_PATH, RELOAD_SCRIPT_PATH, DevServer, snapshot, watched_paths
from sitegen.write import write_site

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 20.0


def wait_for(predicate, timeout: float = TIMEOUT, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


def get(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8"), dict(e.headers)


def counter(base: str) -> int:
    return json.loads(get(base + RELOAD_PATH.lstrip("/"))[1])["build"]


def fake_build(config: Config, reporter=None, **_):
    """Stands in for sitegen.build.build: the seed's text becomes the index page."""
    texts = []
    for seed in sorted(config.seeds_dir.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        if "BROKEN" in text:
            raise ValueError(f"{seed.name}:1: cannot parse")
        texts.append(text.strip())
    pages = [
        Page("index.html", f"<!doctype html><html><head><title>{config.title}</title></head>"
                           f"<body><h1>{' | '.join(texts)}</h1></body></html>\n".encode()),
        Page("404.html", b"<html><body>not here</body></html>"),
        Page("style.css", b"body{}"),
        Page("a/index.html", b"<p>dir index</p>"),
    ]
    write_site(pages, config.out_dir)
    return object()


@pytest.fixture
def tiny_project(tmp_path) -> Config:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text("第一版\n", encoding="utf-8")
    for name in ("templates", "static", "dictionary"):
        (tmp_path / name).mkdir()
    return Config(root=tmp_path).resolved()


@pytest.fixture
def server(tiny_project):
    srv = DevServer(tiny_project, port=0, reporter=Reporter(0), poll_seconds=0.1, build=fake_build)
    srv.start()
    yield srv
    srv.stop()


def bump(path: Path, text: str) -> None:
    """Rewrite a file and make sure its mtime moves even on coarse-grained file systems."""
    old = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(old + 2_000_000_000, old + 2_000_000_000))


def test_serves_the_site_on_loopback_with_reload_script(server, tiny_project):
    assert server.url.startswith("http://127.0.0.1:")
    assert server._httpd.server_address[0] == "127.0.0.1"
    status, body, headers = get(server.url)
    assert status == 200
    assert "第一版" in body
    assert RELOAD_PATH in body
    assert body.index(RELOAD_PATH) < body.index("</body>")  # injected before </body>
    assert int(headers["Content-Length"]) == len(body.encode("utf-8"))
    on_disk = (tiny_project.out_dir / "index.html").read_text(encoding="utf-8")
    assert RELOAD_PATH not in on_disk  # nothing injected into the built files

    status, css, _ = get(server.url + "style.css")
    assert (status, css) == (200, "body{}")
    status, body, _ = get(server.url + "a/")
    assert status == 200 and "dir index" in body and RELOAD_PATH in body
    status, body, _ = get(server.url + "nope.html")
    assert status == 404 and "not here" in body
    assert counter(server.url) == 1
    assert f'<script src="{RELOAD_SCRIPT_PATH}?b=1"></script>' in get(server.url)[1]
    status, script, headers = get(server.url + RELOAD_SCRIPT_PATH.lstrip("/"))
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert RELOAD_PATH in script and "location.reload()" in script


def test_rebuilds_when_a_seed_changes(server, tiny_project):
    assert counter(server.url) == 1
    bump(tiny_project.seeds_dir / "one.txt", "第二版\n")
    wait_for(lambda: counter(server.url) == 2)
    assert "第二版" in get(server.url)[1]
    # A new seed file counts as a change too.
    bump(tiny_project.seeds_dir / "two.txt", "另一篇\n")
    wait_for(lambda: counter(server.url) == 3)
    assert "另一篇" in get(server.url)[1]


@pytest.mark.parametrize("rel", ["templates/base.html", "static/site.css", "themes.toml", "sitegen.toml",
                                 "dictionary/user_dict.txt"])
def test_every_input_is_watched(server, tiny_project, rel):
    bump(tiny_project.root / rel, 'title = "x"\n' if rel == "sitegen.toml" else "x\n")
    wait_for(lambda: counter(server.url) == 2)


def test_failed_rebuild_keeps_the_last_good_site(server, tiny_project):
    bump(tiny_project.seeds_dir / "one.txt", "BROKEN\n")
    wait_for(lambda: json.loads(get(server.url + RELOAD_PATH.lstrip("/"))[1])["error"])
    data = json.loads(get(server.url + RELOAD_PATH.lstrip("/"))[1])
    assert data["build"] == 1
    assert "one.txt:1: cannot parse" in data["error"]
    status, body, _ = get(server.url)
    assert status == 200 and "第一版" in body  # still the last good site
    bump(tiny_project.seeds_dir / "one.txt", "修好了\n")
    wait_for(lambda: counter(server.url) == 2)
    assert "修好了" in get(server.url)[1]
    assert json.loads(get(server.url + RELOAD_PATH.lstrip("/"))[1])["error"] is None


def test_config_change_is_read_again_keeping_command_line_overrides(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text("第一版\n", encoding="utf-8")
    other = tmp_path / "other-seeds"
    other.mkdir()
    (other / "x.txt").write_text("命令行种子\n", encoding="utf-8")
    (tmp_path / "sitegen.toml").write_text('title = "Old"\n', encoding="utf-8")
    config = with_overrides(load_config(tmp_path / "sitegen.toml"), seeds_dir=other, out_dir=tmp_path / "pub")
    srv = DevServer(config, port=0, reporter=Reporter(0), poll_seconds=0.1, build=fake_build)
    srv.start()
    try:
        assert "<title>Old</title>" in get(srv.url)[1]
        bump(tmp_path / "sitegen.toml", 'title = "New"\n')
        wait_for(lambda: counter(srv.url) == 2)
        body = get(srv.url)[1]
        assert "<title>New</title>" in body
        assert "命令行种子" in body  # --seeds survived the reload
        assert srv.config.out_dir == tmp_path / "pub"
        # A broken config is a failed build: reported, last good site kept.
        bump(tmp_path / "sitegen.toml", "title = 5\n")
        wait_for(lambda: json.loads(get(srv.url + RELOAD_PATH.lstrip("/"))[1])["error"])
        assert "'title'" in json.loads(get(srv.url + RELOAD_PATH.lstrip("/"))[1])["error"]
        assert "<title>New</title>" in get(srv.url)[1]
    finally:
        srv.stop()


def test_output_directory_is_not_watched(tiny_project):
    inside = tiny_project.seeds_dir / "out"
    config = Config(**{**tiny_project.__dict__, "out_dir": inside})
    (inside / "x").mkdir(parents=True)
    (inside / "x" / "page.html").write_text("x")
    (tiny_project.seeds_dir / ".one.txt.swp").write_text("x")
    snap = snapshot(watched_paths(config), exclude=inside)
    assert str(tiny_project.seeds_dir / "one.txt") in snap
    assert not any(p.startswith(str(inside)) for p in snap)
    assert not any(p.endswith(".swp") for p in snap)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_port_in_use_is_reported(tiny_project, capsys):
    from sitegen.serve import serve

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        status = serve(tiny_project, port, Reporter(1))
    assert status == 1
    assert f"cannot serve on 127.0.0.1:{port}" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_serve_builds_rebuilds_and_stops_on_ctrl_c(tmp_path):
    """The real build end to end, in a subprocess stopped with SIGINT (Ctrl-C)."""
    seed_text = (REPO / "seeds").glob("*.txt")
    first = sorted(seed_text)[0]
    (tmp_path / "seeds").mkdir()
    shutil.copy(first, tmp_path / "seeds" / first.name)
    (tmp_path / "sitegen.toml").write_text(
        "[paths]\n"
        f'templates = "{(REPO / "templates").as_posix()}"\n'
        f'static = "{(REPO / "static").as_posix()}"\n'
        f'themes = "{(REPO / "themes.toml").as_posix()}"\n'
        f'dictionary = "{(REPO / "dictionary").as_posix()}"\n',
        encoding="utf-8",
    )
    load_config(tmp_path / "sitegen.toml")  # valid
    port = free_port()
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(tmp_path / "argos"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        def up():
            if proc.poll() is not None:
                raise AssertionError(f"serve exited early:\n{proc.stdout.read()}")
            try:
                return counter(base) >= 1
            except (OSError, json.JSONDecodeError):  # not listening yet (URLError is an OSError)
                return False

        wait_for(up)  # the first build (jieba, the translation stack) takes a few seconds
        status, body, _ = get(base)
        assert status == 200 and RELOAD_PATH in body
        assert RELOAD_PATH not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
        before = counter(base)
        seed = tmp_path / "seeds" / first.name
        added = "新增一段用于测试重建。"
        assert not any(added in p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
        bump(seed, seed.read_text(encoding="utf-8") + f"\n\n{added}\n")
        wait_for(lambda: counter(base) > before)
        pages = [p for p in (tmp_path / "site").rglob("*.html") if added in p.read_text(encoding="utf-8")]
        assert pages, "the rebuilt site does not contain the new paragraph"
        rel = pages[0].relative_to(tmp_path / "site").as_posix()
        status, body, _ = get(base + rel)
        assert status == 200 and added in body
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
            raise AssertionError(f"serve did not stop on Ctrl-C within {TIMEOUT} s:\n{output}")
    assert proc.returncode == 0, output
    assert "Traceback" not in output, output
    assert f"at http://127.0.0.1:{port}/" in output


CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def _browser_missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return "headless Chromium is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the Python package selenium is not installed"
    return None


@pytest.mark.browser
@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_browser_reloads_the_page_after_a_rebuild(server, tiny_project):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(options=opts, service=Service(str(CHROMEDRIVER)))
    try:
        driver.set_page_load_timeout(TIMEOUT)
        driver.get(server.url)
        assert "第一版" in driver.find_element("tag name", "h1").text
        driver.execute_script("window.__stale = true;")  # gone once the page reloads
        bump(tiny_project.seeds_dir / "one.txt", "第二版\n")
        wait_for(lambda: driver.execute_script("return window.__stale !== true && document.readyState === 'complete'"))
        assert "第二版" in driver.find_element("tag name", "h1").text
    finally:
        driver.quit()
