"""axe-core (Deque's accessibility engine, from npm) in headless Chromium on the sample site —
index, an article, an excerpt, a theme, a tag, search with results, 404 and about — and on
pages of the repository's seeds built; light and dark; 1280 and 390 px wide. Any violation of any rule axe runs by default fails.

Skipped without axe-core or the browser; under CI=true those fail instead (tests/clients.py)."""
from __future__ import annotations

import pytest

from clients import axe_js

pytestmark = pytest.mark.browser

#: Pages of the sample site (every translation state, a hostile article) ...
PAGES = ["index.html", "articles/000-d20dbdfb-01.html", "articles/002-bdb5e167-02.html",
         "themes/diplomacy.html", "tags/sco.html", "search.html?q=xinjiang", "no/such/page.html", "about.html"]
#: ... and of the repository's seeds built (long theme names, real excerpts, all pending).
BUILT_PAGES = ["index.html", "articles/002_bdb5e1677ee91c80-03.html", "themes/economy.html",
               "search.html?q=economy"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then(r => done(r.violations.map(v =>
  v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "))),
  e => done(["axe failed: " + e]));
"""


@pytest.fixture(scope="module")
def axe_source():
    return axe_js().read_text(encoding="utf-8")


def run_axe(driver, url: str, source: str) -> list[str]:
    driver.get(url)
    driver.execute_script(source)
    driver.set_script_timeout(60)
    return driver.execute_async_script(RUN_AXE)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violation(driver, served_site, built_site, axe_source, scheme, width):
    urls = [served_site[0] + p for p in PAGES] + [built_site[0] + p for p in BUILT_PAGES]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        found = {}
        for url in urls:
            violations = run_axe(driver, url, axe_source)
            assert driver.execute_script("return innerWidth") == width
            assert "Page not found" not in driver.title or "no/such" in url, url
            if violations:
                found[url] = violations
        assert found == {}
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_axe_reports_a_violation(driver, served_site, axe_source, tmp_path):
    """The check can fail: the region rule fires on text outside every landmark, as the
    translation note was before it became an aside."""
    base, site = served_site
    page = site / "axe-probe.html"
    page.write_text((site / "about.html").read_text(encoding="utf-8").replace(
        '<aside class="note-pending"', '<div class="note-pending"').replace("</div></aside>", "</div></div>"))
    try:
        violations = run_axe(driver, base + "axe-probe.html", axe_source)
    finally:
        page.unlink()
    assert [v.split(" ")[0] for v in violations] == ["region"], violations
