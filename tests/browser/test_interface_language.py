"""The interface in the reader's language (issue 25): 中文, Both and English modes in headless Chromium."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "articles/000-d20dbdfb-01.html"
PAGES = ["index.html", ARTICLE, "articles/001-2a0e67fa-02.html", "themes/diplomacy.html", "tags/sco.html",
         "tags/index.html", "search.html?q=%E6%96%B0%E7%96%86", "about.html", "no/such/page.html"]
HTML_LANG = {"zh": "zh-Hans", "both": "en", "en": "en"}

#: Texts that are not interface strings: the articles' own texts (Chinese originals, English
#: translations; they follow the translation status), names with one form only, names kept as
#: they are (translate="no": sitegen, Atom, seed files), each switch button's own language name,
#: and the about page's body (its own text; the interface strings around it are checked).
CONTENT = ", ".join([
    ".t-zh", ".t-en", ".zh-only", ".lead-zh", ".zh-body", ".keep", ".byline > span[lang]",
    "code", "[translate=no]", "[data-set-lang]", ".prose[lang=en]",
])

VISIBLE_TEXT = r"""
const skip = arguments[0], out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n; (n = walker.nextNode());) {
  const text = n.textContent.trim(), el = n.parentElement;
  if (!text || el.closest(skip)) continue;
  if (!el.checkVisibility({checkVisibilityCSS: true})) continue;
  out.push(text);
}
return out;
"""

HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")


def open_in_mode(driver, url: str, mode: str) -> None:
    driver.get(url)
    driver.execute_script("localStorage.setItem('sitegen-lang', arguments[0])", mode)
    driver.get(url)


@pytest.fixture
def clean_storage(driver, served_site):
    yield
    driver.get(served_site[0] + "index.html")
    driver.execute_script("localStorage.clear()")


@pytest.mark.parametrize("mode", ["zh", "en", "both"])
def test_each_mode_speaks_one_language(driver, served_site, clean_storage, mode):
    base, _ = served_site
    for page in PAGES:
        open_in_mode(driver, base + page, mode)
        html = driver.execute_script("const h = document.documentElement; return [h.lang, h.dataset.lang]")
        assert html == [HTML_LANG[mode], mode], page
        texts = driver.execute_script(VISIBLE_TEXT, CONTENT)
        assert texts, page
        joined = " | ".join(texts)
        if mode == "zh":
            assert [t for t in texts if LATIN.search(t)] == [], page
            assert HAN.search(joined), page
        elif mode == "en":
            assert [t for t in texts if HAN.search(t)] == [], page
            assert LATIN.search(joined), page
        else:  # Both: headings in both languages, the rest in English
            assert HAN.search(joined) and LATIN.search(joined), page
        label = driver.execute_script("return document.querySelector('.site-nav').getAttribute('aria-label')")
        assert label == ("网站导航" if mode == "zh" else "Site"), page
        if not page.startswith("articles/"):  # an article's title is its headline (content)
            title = driver.title
            assert not (LATIN if mode == "zh" else HAN if mode == "en" else re.compile("^$")).search(title), page


def test_both_mode_pairs_headings_and_keeps_the_rest_english(driver, served_site, clean_storage):
    base, _ = served_site
    open_in_mode(driver, base + ARTICLE, "both")
    assert driver.find_element("id", "h-lead").text.split() == ["LEAD", "导语"]  # .section-label is uppercase
    assert driver.find_element("css selector", ".site-nav").text.split() == ["Themes", "Tags", "Search", "About"]
    assert driver.find_element("css selector", ".reading").text.startswith(tuple("0123456789"))
    assert "min read" in driver.find_element("css selector", ".reading").text


def test_switching_changes_the_whole_page_at_once(driver, served_site, clean_storage):
    base, _ = served_site
    open_in_mode(driver, base + "index.html", "en")
    nav = driver.find_element("css selector", ".site-nav")
    assert nav.text.split() == ["Themes", "Tags", "Search", "About"]
    driver.find_element("css selector", "[data-set-lang=zh]").click()
    assert nav.text.split() == ["主题", "标签", "搜索", "关于"]
    assert driver.execute_script("return document.documentElement.lang") == "zh-Hans"
    assert driver.title == "新闻摘要"
    assert driver.find_element("css selector", ".toc li a").text == "外交"
    # the switch keeps each language's name in that language
    buttons = [b.text for b in driver.find_elements("css selector", "[data-set-lang]")]
    assert buttons == ["中文", "双语", "English"]
    driver.find_element("css selector", "[data-set-lang=en]").click()
    assert driver.find_element("css selector", ".toc li a").text == "Diplomacy"
    assert driver.title == "Xinjiang & China Press Digest"
    driver.find_element("css selector", "[data-set-lang=both]").click()
    assert driver.title == "Xinjiang & China Press Digest · 新闻摘要"
    driver.find_element("css selector", "[data-set-lang=en]").click()
    assert [b.text for b in driver.find_elements("css selector", "[data-set-lang]")] == ["中文", "Both", "English"]
    driver.get(base + "search.html?q=%E6%96%B0%E7%96%86")  # remembered; the script's messages follow it
    assert re.fullmatch(r"\d+ articles? found\.", driver.find_element("id", "search-status").text)
    driver.find_element("css selector", "[data-set-lang=zh]").click()
    assert re.fullmatch(r"找到 \d+ 篇文章。", driver.find_element("id", "search-status").text)


HIDDEN_FORMS = r"""
const mode = document.documentElement.dataset.lang, bad = [];
for (const el of document.querySelectorAll(".i-zh, .i-en")) {
  const shown = mode === "both" ? !el.classList.contains("i-alt") : el.classList.contains("i-" + mode);
  const display = getComputedStyle(el).display;
  if (shown === (display === "none")) bad.push(el.outerHTML.slice(0, 80));
}
return bad;
"""


@pytest.mark.parametrize("mode", ["zh", "en", "both"])
def test_the_other_form_is_display_none_not_just_invisible(driver, served_site, clean_storage, mode):
    """A screen reader reads what is not display:none: the form not shown must be display:none."""
    base, _ = served_site
    for page in ("index.html", ARTICLE):
        open_in_mode(driver, base + page, mode)
        assert driver.execute_script(HIDDEN_FORMS) == [], (mode, page)


LAYOUT_SHIFT = r"""
const done = arguments[arguments.length - 1];
let total = 0, count = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) { total += e.value; count++; }
}).observe({type: "layout-shift", buffered: true});
const flip = arguments[0];
requestAnimationFrame(() => requestAnimationFrame(() => {
  if (flip) document.documentElement.dataset.lang = flip;
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done([total, count]), 200)));
}));
"""


@pytest.mark.parametrize("mode", ["zh", "en"])
def test_saved_choice_applies_before_first_paint_without_layout_shift(driver, served_site, clean_storage, mode):
    base, _ = served_site
    driver.set_script_timeout(10)
    for page in ("index.html", ARTICLE):
        open_in_mode(driver, base + page, mode)
        total, count = driver.execute_async_script(LAYOUT_SHIFT, None)
        assert (total, count) == (0, 0), (mode, page)
        # the measurement sees a late change of mode: what applying the choice after the first paint would cost
        total, _ = driver.execute_async_script(LAYOUT_SHIFT, "both")
        assert total > 0.01, (mode, page)


def test_without_javascript_pages_show_both_mode(served_site):
    """The no-JS default: Both mode, <html lang="en">, headings paired, the rest English."""
    from .harness import make_driver

    base, _ = served_site
    d = make_driver(javascript=False)
    try:
        d.get(base + ARTICLE)
        html = d.find_element("tag name", "html")
        assert (html.get_attribute("lang"), html.get_attribute("data-lang")) == ("en", "both")
        assert "on" not in d.find_element("css selector", ".langswitch").get_attribute("class").split()  # no script ran
        assert d.find_element("css selector", ".site-nav").text.split() == ["Themes", "Tags", "Search", "About"]
        assert d.find_element("id", "h-lead").text.split() == ["LEAD", "导语"]
        assert d.title.startswith("凝聚共识 共促发展 — Building consensus")
    finally:
        d.quit()
