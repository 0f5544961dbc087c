"""The reading aid in headless Chromium (issue 22): tap a word for its dictionary gloss.

The seeds are built into a site (real glosses: CC-CEDICT, pypinyin, grouping's segmenter)
and served under /repo/ as GitHub Pages would; one page is also opened from disk.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import Config
from sitegen.gloss import gloss_path
from sitegen.progress import Reporter

from .harness import PREFIX, free_port, make_driver, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
POP = "var p = document.querySelector('.gloss-pop'); return p && !p.hidden ? p.innerText : null"


@pytest.fixture(autouse=True)
def own_console_log(driver):
    """The browser is shared by the session: each test here checks only its own pages' errors,
    not those an earlier module left (the axe test's deliberate 404 page, say)."""
    driver.get_log("browser")


@pytest.fixture(scope="module")
def gloss_site(tmp_path_factory):
    """(base_url, site_dir): the seeds built into a site served at /repo/."""
    root = tmp_path_factory.mktemp("gloss-project")
    for name in ("seeds", "templates", "static", "dictionary"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "themes.toml", root / "themes.toml")
    config = Config(root=root).resolved()
    build(config, reporter=Reporter(verbosity=0))
    out = config.out_dir
    port = free_port()
    httpd = serve(out, port)
    yield f"http://127.0.0.1:{port}{PREFIX}", out
    httpd.shutdown()
    httpd.server_close()


def page_with(site, phrase: str) -> str:
    for p in sorted((site / "articles").glob("*.html")):
        if phrase in p.read_text(encoding="utf-8"):
            return p.relative_to(site).as_posix()
    raise AssertionError(f"no article shows {phrase!r}")


def point_at(driver, phrase: str, offset: int, selector: str = ".zh-body p, .lead .t-zh, .story-head .t-zh"):
    """Scroll the first ``phrase`` into view; the viewport point of its ``offset``-th character."""
    return driver.execute_script("""
        var els = document.querySelectorAll(arguments[2]);
        for (var i = 0; i < els.length; i++) {
          var t = els[i].firstChild;
          if (!t || t.nodeType !== 3) continue;
          var k = t.data.indexOf(arguments[0]);
          if (k < 0) continue;
          els[i].scrollIntoView({block: 'center'});
          var r = document.createRange(); r.setStart(t, k + arguments[1]); r.setEnd(t, k + arguments[1] + 1);
          var q = r.getBoundingClientRect();
          return [q.left + q.width / 2, q.top + q.height / 2];
        }
        return null;""", phrase, offset, selector)


def tap(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y)).click()
    actions.perform()
    ActionChains(driver).reset_actions()


def wait_for(driver, script: str, timeout: float = 15.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))


def severe_errors(driver, allow: str = "") -> list:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and not (allow and allow in e["message"])]


def open_gloss(driver, url: str, phrase: str, offset: int) -> str:
    driver.get(url)
    driver.execute_script("try { localStorage.removeItem('sitegen-pinyin'); } catch (e) {}")
    x, y = point_at(driver, phrase, offset)
    tap(driver, x, y)
    return wait_for(driver, POP)


def test_tapping_kouan_shows_pinyin_and_port(driver, gloss_site):
    base, site = gloss_site
    text = open_gloss(driver, base + page_with(site, "为保障口岸高效畅通"), "为保障口岸", 3)
    assert "口岸" in text and "kǒu àn" in text and "port" in text
    assert "not a translation" in text
    live = driver.execute_script("return document.querySelector('.gloss-live').textContent")
    assert live.startswith("口岸, kǒu àn: a port")  # what screen readers announce
    assert severe_errors(driver) == []


def test_polyphones_are_read_in_context(driver, gloss_site):
    base, site = gloss_site
    # 一行 (yī xíng, "the party") in 陈吉宁一行走进…: not 行走, not háng.
    text = open_gloss(driver, base + page_with(site, "陈吉宁一行走进"), "陈吉宁一行走进", 4)
    head = text.split("\n")
    assert "一行" in text and any(line.strip().startswith("yī xíng") for line in head), text
    assert "delegation" in text
    # 长期 (cháng qī), where 长 alone reads zhǎng.
    text = open_gloss(driver, base + page_with(site, "成员国长期睦邻"), "成员国长期睦邻", 3)
    assert "cháng qī" in text and "long term" in text


def test_a_name_the_hmm_found_shows_as_a_name_not_its_characters(driver, gloss_site):
    """陈勇森 (no dictionary has it): "name" with its pinyin, not "Chen + brave + forest"."""
    base, site = gloss_site
    text = open_gloss(driver, base + page_with(site, "副主任陈勇森介绍说"), "副主任陈勇森介绍说", 4)
    assert "陈勇森" in text and "Chén Yǒng sēn" in text and "name" in text, text
    assert "brave" not in text and driver.execute_script("return document.querySelector('.gloss-pop .gp-parts')") is None
    assert severe_errors(driver) == []


def test_popup_closes_on_escape_and_outside_tap(driver, gloss_site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    base, site = gloss_site
    url = base + page_with(site, "为保障口岸高效畅通")
    assert open_gloss(driver, url, "为保障口岸", 3)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert driver.execute_script(POP) is None
    x, y = point_at(driver, "为保障口岸", 4)
    tap(driver, x, y)
    assert "kǒu àn" in wait_for(driver, POP)
    # A tap on the page outside any word (the left margin) closes it.
    tap(driver, 5, y)
    assert driver.execute_script(POP) is None


def test_keyboard_gloss_mode_and_focus(driver, gloss_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, site = gloss_site
    driver.get(base + page_with(site, "为保障口岸高效畅通"))
    toggle = driver.find_element(By.CSS_SELECTOR, '[data-gloss-set="words"]')
    toggle.send_keys(Keys.ENTER)
    wait_for(driver, "return document.querySelectorAll('button.gw').length > 50")
    assert toggle.get_attribute("aria-pressed") == "true"
    word = driver.execute_script(
        "return Array.from(document.querySelectorAll('.zh-body button.gw')).find(b => b.textContent === '口岸')")
    word.send_keys(Keys.ENTER)
    text = wait_for(driver, POP)
    assert "kǒu àn" in text
    assert driver.execute_script("return document.activeElement.className") == "gloss-pop"  # focus moved in
    assert driver.execute_script("return document.querySelector('.gloss-pop').getAttribute('role')") == "dialog"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.execute_script(POP) is None
    assert driver.execute_script("return document.activeElement.textContent") == "口岸"  # focus back on the word


def test_pinyin_toggle_is_remembered(driver, gloss_site):
    from selenium.webdriver.common.by import By

    base, site = gloss_site
    url = base + page_with(site, "为保障口岸高效畅通")
    driver.get(url)
    driver.execute_script("localStorage.removeItem('sitegen-pinyin')")
    driver.get(url)
    assert driver.execute_script("return document.querySelectorAll('h1 ruby').length") == 0
    driver.find_element(By.CSS_SELECTOR, '[data-gloss-set="pinyin"]').click()
    wait_for(driver, "return document.querySelectorAll('h1 ruby').length > 0")
    rt = driver.execute_script("return Array.from(document.querySelectorAll('.lead ruby rt')).map(r => r.textContent)")
    assert "kǒu" in rt and "àn" in rt  # 口岸 in the lead, one syllable over each character
    driver.get(url)  # remembered across pages, like the language switch
    wait_for(driver, "return document.querySelectorAll('h1 ruby').length > 0")
    assert driver.execute_script("return document.querySelectorAll('.zh-body ruby').length") == 0  # headline and lead only
    driver.find_element(By.CSS_SELECTOR, '[data-gloss-set="pinyin"]').click()
    assert driver.execute_script("return document.querySelectorAll('ruby').length") == 0
    assert driver.execute_script("return localStorage.getItem('sitegen-pinyin')") == "off"


def test_page_without_its_gloss_file_reads_normally(driver, gloss_site, tmp_path):
    base, site = gloss_site
    path = page_with(site, "为保障口岸高效畅通")
    gloss = site / gloss_path(path)
    saved = gloss.read_bytes()
    gloss.unlink()
    # The session's browser may hold the file from an earlier test's visit (heuristic HTTP
    # caching: the local server sends Last-Modified, no Cache-Control), and then never asks.
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    try:
        driver.get(base + path)
        before = driver.execute_script("return document.querySelector('.zh-body').textContent")
        x, y = point_at(driver, "为保障口岸", 3)
        tap(driver, x, y)
        wait_for(driver, "return document.querySelector('.gloss-hint').textContent.indexOf('not available') >= 0")
        assert driver.execute_script(POP) is None
        assert driver.execute_script("return document.querySelector('.zh-body').textContent") == before
        assert severe_errors(driver, allow="glosses/") == []  # only the missing file itself
    finally:
        gloss.write_bytes(saved)


SHARDS_LOADED = ("return Array.from(document.querySelectorAll('script[src*=\"/glosses/words/\"]'))"
                 ".map(s => +s.src.split('/').pop().split('.')[0]).sort((a, b) => a - b)")


def test_a_tap_loads_the_shard_of_its_word(driver, gloss_site):
    """Entries are in the site-wide dictionary's shards, loaded as taps need them: a word
    whose shard is not loaded yet, and a name whose parts are in two more."""
    from sitegen.gloss.shards import SHARDS, shard_of

    base, site = gloss_site
    url = base + page_with(site, "为保障口岸高效畅通")
    assert "kǒu àn" in open_gloss(driver, url, "为保障口岸", 3)
    assert driver.execute_script(SHARDS_LOADED) == [shard_of("口岸", SHARDS)]
    assert shard_of("高效", SHARDS) != shard_of("口岸", SHARDS)
    x, y = point_at(driver, "为保障口岸高效", 5)
    tap(driver, x, y)
    text = wait_for(driver, "var p = document.querySelector('.gloss-pop');"
                            "return p && !p.hidden && p.innerText.indexOf('高效') >= 0 ? p.innerText : null")
    assert "gāo xiào" in text and "efficient" in text
    assert driver.execute_script(SHARDS_LOADED) == sorted({shard_of(w, SHARDS) for w in ("口岸", "高效")})
    # A name CC-CEDICT lacks: its parts are explained, from their own shards.
    x, y = point_at(driver, "塔克什肯口岸", 1, ".story-head h1 .t-zh")
    tap(driver, x, y)
    text = wait_for(driver, "var p = document.querySelector('.gloss-pop');"
                            "return p && !p.hidden && p.innerText.indexOf('塔克什肯口岸') >= 0 ? p.innerText : null")
    assert "Tǎ kè shén kěn kǒu àn" in text and "name" in text
    assert "塔克什肯 Tǎ kè shén kěn" in text and "口岸 kǒu àn a port" in text
    assert set(driver.execute_script(SHARDS_LOADED)) == {shard_of(w, SHARDS) for w in
                                                         ("口岸", "高效", "塔克什肯口岸", "塔克什肯")}
    assert severe_errors(driver) == []


def test_a_missing_shard_says_glosses_are_unavailable(driver, gloss_site):
    from sitegen.gloss.shards import SHARDS, shard_of, shard_path

    base, site = gloss_site
    shard = site / shard_path(shard_of("畅通", SHARDS))
    saved = shard.read_bytes()
    shard.unlink()
    try:
        driver.get(base + page_with(site, "为保障口岸高效畅通"))
        x, y = point_at(driver, "为保障口岸高效畅通", 7)
        tap(driver, x, y)
        wait_for(driver, "return document.querySelector('.gloss-hint').textContent.indexOf('not available') >= 0")
        assert driver.execute_script(POP) is None
        assert severe_errors(driver, allow="glosses/words/") == []  # only the missing file itself
    finally:
        shard.write_bytes(saved)


def test_works_from_disk(driver, gloss_site):
    _, site = gloss_site
    path = site / page_with(site, "为保障口岸高效畅通")
    text = open_gloss(driver, path.as_uri(), "为保障口岸", 3)
    assert "kǒu àn" in text


def test_bottom_sheet_on_phones_in_dark(gloss_site):
    base, site = gloss_site
    d = make_driver(390, 800, mobile=True)
    try:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        text = open_gloss(d, base + page_with(site, "为保障口岸高效畅通"), "为保障口岸", 3)
        assert "kǒu àn" in text
        box = d.execute_script("""var r = document.querySelector('.gloss-pop').getBoundingClientRect();
            return [r.left, r.right, r.bottom, window.innerWidth, window.innerHeight,
                    getComputedStyle(document.querySelector('.gloss-pop')).position]""")
        left, right, bottom, width, height, position = box
        assert position == "fixed" and left == 0 and abs(right - width) < 1 and abs(bottom - height) < 1
    finally:
        d.quit()


def test_digest_json_labels_key_terms_as_glosses(gloss_site):
    _, site = gloss_site
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    assert "not translations" in digest["site"]["key_terms_note"]
    assert all(a["key_terms"] for a in digest["articles"] if a["headline"]["zh"])
