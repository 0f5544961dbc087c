"""Helpers shared by the browser tests and scripts: a /repo/ sub-path server and a Chromium driver."""
from __future__ import annotations

import functools
import http.server
import io
import shutil
import socket
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
PREFIX = "/repo/"


def missing_browser() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent (apt-get install -y chromium chromium-driver)"
    if not CHROMEDRIVER.exists():
        return f"{CHROMEDRIVER} is absent (apt-get install -y chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the Python package selenium is not installed (pip install selenium)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` at /repo/ only, and /repo/404.html for anything missing (as GitHub Pages does)."""

    def __init__(self, *args, directory: str, **kw):
        self.site_root = Path(directory)
        super().__init__(*args, directory=directory, **kw)

    def log_message(self, *args):  # keep pytest output clean
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            self.send_error(404, "outside the site prefix")
            return None
        self.path = "/" + self.path[len(PREFIX):]
        local = Path(self.translate_path(self.path))
        if local.is_dir() and (local / "index.html").exists():
            local = local / "index.html"
        if not local.exists():
            body = (self.site_root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve(directory: Path, port: int):
    handler = functools.partial(SubpathHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    return httpd


def make_driver(width: int = 1280, height: int = 900, mobile: bool = False, javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={width},{height}", "--allow-file-access-from-files"):
        opts.add_argument(a)
    if mobile:
        opts.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "mobile": True, "touch": True}})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=opts, service=Service(str(CHROMEDRIVER)))


def settled(driver, timeout: float = 15.0):
    """Wait until the page has loaded and, on the search page, its query has been answered
    (the status names a count or says none was found): shards and document chunks are
    scripts added on the fly, which a busy machine may run after the load event."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "if (document.readyState !== 'complete') return false;"
        "var s = document.getElementById('search-status');"
        "if (!s || !new URLSearchParams(location.search).get('q')) return true;"
        "return /\\d|No |没有/.test(s.textContent)"))


def open_page(driver, url: str):
    driver.get(url)
    settled(driver)
