"""The rendered sample site in headless Chromium, served under a sub-path (/repo/)."""
from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from .harness import open_page

pytestmark = pytest.mark.browser

ARTICLE = "articles/000-d20dbdfb-01.html"
HOSTILE_ARTICLE = "articles/002-bdb5e167-01.html"


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.mark.parametrize("page", ["index.html", ARTICLE, "themes/diplomacy.html", "tags/sco.html",
                                  "tags/index.html", "search.html?q=%E6%96%B0%E7%96%86", "about.html"])
def test_page_loads_without_console_errors(driver, served_site, page):
    base, _ = served_site
    driver.get_log("browser")  # drain
    open_page(driver, base + page)  # loaded (readyState "complete"), or the wait fails
    # the stylesheet applied (not a 404 page served as CSS)
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    assert severe_logs(driver) == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v and tag != "base":
                self.urls.append(v)


def test_crawl_finds_no_broken_link(served_site):
    base, _ = served_site
    seen, queue, broken, pages = set(), [base + "index.html", base + "404.html"], [], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as r:
                body, ctype = r.read(), r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            broken.append((url, e.code))
            continue
        if "html" not in ctype:
            continue
        pages += 1
        p = _Links()
        p.feed(body.decode("utf-8"))
        for u in p.urls:
            absu = urljoin(url, u).split("#", 1)[0].split("?", 1)[0]
            if absu.startswith(base):
                queue.append(absu)
            else:
                assert urlsplit(absu).netloc != urlsplit(base).netloc, f"{url}: {u} escapes /repo/"
    assert broken == []
    assert pages >= 20 and len(seen) >= 25


def test_injected_script_does_not_run(driver, served_site):
    from selenium.common.exceptions import NoAlertPresentException

    base, _ = served_site
    driver.get_log("browser")
    driver.get(base + HOSTILE_ARTICLE)
    assert driver.execute_script("return document.documentElement.dataset.pwned") is None
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    h1 = driver.find_element("css selector", "h1 .h-zh").text
    assert '<script>document.documentElement.dataset.pwned="script"</script>{{ 7*7 }}' in h1
    open_page(driver, base + "search.html?q=" + "%E4%B8%8A%E5%90%88")  # 上合: hits the hostile headline
    assert driver.execute_script("return document.documentElement.dataset.pwned") is None
    assert "<script>" in driver.find_element("id", "search-results").text


def test_language_switch_is_remembered(driver, served_site):
    base, _ = served_site
    driver.get(base + "index.html")
    driver.execute_script("localStorage.clear()")
    driver.get(base + "index.html")
    assert driver.execute_script("return document.documentElement.dataset.lang") == "both"
    driver.find_element("css selector", "[data-set-lang=zh]").click()
    assert driver.execute_script("return document.documentElement.dataset.lang") == "zh"
    driver.get(base + ARTICLE)
    assert driver.execute_script("return document.documentElement.dataset.lang") == "zh"
    assert not driver.find_element("css selector", ".lead .t-en").is_displayed()
    assert driver.find_element("css selector", ".lead .t-zh").is_displayed()
    assert driver.find_element("css selector", "[data-set-lang=zh]").get_attribute("aria-pressed") == "true"
    driver.find_element("css selector", "[data-set-lang=en]").click()
    assert not driver.find_element("css selector", ".lead .t-zh").is_displayed()
    assert driver.find_element("css selector", ".lead .t-en").is_displayed()
    driver.get(base + "articles/001-2a0e67fa-02.html")  # pending: the Chinese stays visible
    assert driver.find_element("css selector", "h1 .h-zh").is_displayed()
    driver.execute_script("localStorage.clear()")


def test_side_by_side_then_stacked(served_site):
    from .harness import make_driver

    base, _ = served_site
    for width, mobile, side_by_side in ((1280, False, True), (390, True, False)):
        d = make_driver(width, 900, mobile)
        try:
            d.get(base + ARTICLE)
            zh = d.find_element("css selector", ".lead .t-zh").rect
            en = d.find_element("css selector", ".lead .t-en").rect
            assert (abs(zh["y"] - en["y"]) < 2 and en["x"] > zh["x"]) is side_by_side, (width, zh, en)
            assert d.execute_script("return document.documentElement.scrollWidth") <= width + 1
        finally:
            d.quit()


def test_search_finds_chinese_and_english(driver, served_site):
    base, _ = served_site
    open_page(driver, base + "search.html?q=" + "%E4%B8%AD%E6%AC%A7%E7%8F%AD%E5%88%97")  # 中欧班列
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results a")]
    assert links == [base + "articles/000-d20dbdfb-02.html"]
    box = driver.find_element("id", "q")
    box.clear()
    box.send_keys("consensus")
    driver.find_element("css selector", "form.search button").click()
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results a")]
    assert links == [base + ARTICLE]
    box.clear()
    box.send_keys("疆")  # one character: matched inside bigrams
    driver.find_element("css selector", "form.search button").click()
    assert len(driver.find_elements("css selector", "#search-results a")) >= 2


def test_404_page_works_at_any_depth(driver, served_site):
    base, _ = served_site
    driver.get(base + "articles/no/such/page.html")
    assert "Page not found" in driver.title
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    home = driver.find_element("link text", "All articles by theme").get_attribute("href")
    assert home == base + "index.html"
    driver.find_element("link text", "All articles by theme").click()
    assert driver.current_url == base + "index.html"


def test_site_works_from_disk(driver, served_site):
    _, out = served_site
    driver.get((out / "index.html").as_uri())
    driver.find_element("css selector", ".card-title a").click()
    assert driver.current_url.startswith((out / "articles").as_uri())
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    open_page(driver, (out / "search.html").as_uri() + "?q=%E5%8F%A3%E5%B2%B8")  # 口岸; the index loads from a .js file
    hits = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results a")]
    # a headline match ranks above a lead match
    assert hits == [(out / "articles/001-2a0e67fa-01.html").as_uri(), (out / "articles/000-d20dbdfb-02.html").as_uri()]


CONTRAST_JS = r"""
function parse(c) { const m = c.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
function bg(el) { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor); if (c.a > 0.5) return c; }
  return parse(getComputedStyle(document.documentElement).backgroundColor || "rgb(255,255,255)"); }
const bad = [];
for (const el of document.querySelectorAll("body *")) {
  if (!el.offsetParent && getComputedStyle(el).position !== "fixed") continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const cs = getComputedStyle(el);
  if (cs.visibility === "hidden") continue;
  const fg = parse(cs.color), b = bg(el);
  const l1 = lum(fg), l2 = lum(b), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
  const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
  if (ratio < need) bad.push(el.tagName + "." + el.className + " " + ratio.toFixed(2) + " " + el.textContent.trim().slice(0, 30));
}
return bad;
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_aa_in_both_schemes(driver, served_site, scheme):
    base, _ = served_site
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        for page in ("index.html", ARTICLE, "articles/001-2a0e67fa-02.html", "search.html?q=%E5%8F%A3%E5%B2%B8"):
            open_page(driver, base + page)
            dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
            assert dark is (scheme == "dark")
            assert driver.execute_script(CONTRAST_JS) == [], (scheme, page)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def results(driver):
    """(link text, found-in line) of each search result."""
    return [(li.find_element("css selector", "a").text, li.find_element("css selector", ".found").text)
            for li in driver.find_elements("css selector", "#search-results li")]


def test_english_search_finds_theme_and_tag_names_and_says_where(driver, served_site):
    base, _ = served_site
    open_page(driver, base + "search.html?q=diplomacy")
    found = results(driver)
    assert len(found) == 2 and all(where == "Found in theme" for _, where in found), found
    open_page(driver, base + "search.html?q=Xinjiang")
    found = dict(results(driver))
    assert len(found) == 4 and set(found.values()) == {"Found in tag"}, found
    open_page(driver, base + "search.html?q=econ")  # a prefix: "Economy & trade"; "Border-port economy …"
    assert [w for _, w in results(driver)] == ["Found in headline, theme", "Found in theme"]
    open_page(driver, base + "search.html?q=consensus")  # the English headline
    assert [w for _, w in results(driver)] == ["Found in headline"]


def test_pending_in_search_results_is_a_badge_not_link_text(driver, served_site):
    base, _ = served_site
    open_page(driver, base + "search.html?q=%E6%A3%89%E8%8A%B1")  # 棉花: a pending headline
    (li,) = driver.find_elements("css selector", "#search-results li")
    assert "Translation pending" not in li.find_element("css selector", "a").text
    badge = li.find_element("css selector", ".pending")
    assert badge.text == "Translation pending"
    assert badge.find_elements("xpath", "ancestor::a") == []
    assert "underline" not in badge.value_of_css_property("text-decoration-line")


def test_chinese_mode_hides_pending_badges_on_cards(driver, served_site):
    base, _ = served_site
    driver.get(base + "index.html")
    badges = driver.find_elements("css selector", ".card .pending")
    assert len(badges) == 2 and all(b.is_displayed() for b in badges)
    driver.find_element("css selector", "[data-set-lang=zh]").click()
    try:
        assert not any(b.is_displayed() for b in driver.find_elements("css selector", ".card .pending"))
        assert all(m.text.endswith("分钟") for m in driver.find_elements("css selector", ".card .meta"))  # 约 N 分钟
    finally:
        driver.execute_script("localStorage.clear()")


def test_theme_chip_counts_stay_with_their_chip_on_a_phone(built_site):
    """The repository's seeds: their themes have long names, which wrap at 390 px."""
    from .harness import make_driver

    base, _ = built_site
    d = make_driver(390, 900, mobile=True)
    try:
        d.get(base + "index.html")
        for li in d.find_elements("css selector", ".toc li"):
            chip = li.find_element("css selector", "a").rect
            count = li.find_element("css selector", ".count").rect
            # beside the chip, on its line: not wrapped below it
            assert count["x"] >= chip["x"] + chip["width"] and count["y"] < chip["y"] + chip["height"], (chip, count)
    finally:
        d.quit()
