"""Screenshots of the reading aid: the gloss popup on desktop (light, dark) and the bottom
sheet on a phone, and pinyin over the headline and lead.

    python tests/browser/gloss_screenshots.py SITE_DIR OUT_DIR

SITE_DIR is a site built from the repo's seeds (``sitegen build --out SITE_DIR``); it is
served under /repo/. Writes gloss-desktop.png, gloss-desktop-dark.png, gloss-phone.png,
gloss-pinyin.png and gloss-zh.png (pinyin in 中文 mode), the viewport only.
"""
from __future__ import annotations

import base64
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import PREFIX, free_port, make_driver, serve  # noqa: E402

PHRASE = "为保障口岸"


def show_popup(d, url: str, dark: bool, offset: int = 3) -> None:
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    d.get(url)
    d.execute_script("localStorage.removeItem('sitegen-pinyin')")
    d.get(url)
    x, y = d.execute_script("""
        var els = document.querySelectorAll('.zh-body p');
        for (var i = 0; i < els.length; i++) { var t = els[i].firstChild, k = t.data.indexOf(arguments[0]);
          if (k < 0) continue; els[i].scrollIntoView({block: 'center'});
          var r = document.createRange(); r.setStart(t, k + arguments[1]); r.setEnd(t, k + arguments[1] + 1);
          var q = r.getBoundingClientRect(); return [q.left + q.width / 2, q.top + q.height / 2]; }""", PHRASE, offset)
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    a = ActionBuilder(d)
    a.pointer_action.move_to_location(int(x), int(y)).click()
    a.perform()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(d, 5).until(lambda d: d.execute_script(
        "var p = document.querySelector('.gloss-pop'); return p && !p.hidden"))


def save(d, out: Path) -> None:
    out.write_bytes(base64.b64decode(d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]))


def main(argv: list[str]) -> int:
    site, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    article = next(p for p in sorted((site / "articles").glob("*.html"))
                   if PHRASE in p.read_text(encoding="utf-8")).relative_to(site).as_posix()
    port = free_port()
    httpd = serve(site, port)
    url = f"http://127.0.0.1:{port}{PREFIX}{article}"
    try:
        d = make_driver(1280, 800)
        try:
            show_popup(d, url, dark=False)
            save(d, out / "gloss-desktop.png")
            show_popup(d, url, dark=True, offset=1)
            save(d, out / "gloss-desktop-dark.png")
            d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
            d.get(url)
            d.find_element("css selector", '[data-gloss-set="pinyin"]').click()
            from selenium.webdriver.support.ui import WebDriverWait

            WebDriverWait(d, 5).until(lambda d: d.execute_script("return document.querySelectorAll('h1 ruby').length"))
            d.execute_script("document.querySelector('h1').scrollIntoView()")
            save(d, out / "gloss-pinyin.png")
            # The same in 中文 mode: the tools speak Chinese.
            d.execute_script("localStorage.setItem('sitegen-lang', 'zh')")
            d.get(url)
            WebDriverWait(d, 5).until(lambda d: d.execute_script("return document.querySelectorAll('h1 ruby').length"))
            d.execute_script("document.querySelector('h1').scrollIntoView()")
            save(d, out / "gloss-zh.png")
            d.execute_script("localStorage.removeItem('sitegen-lang')")
            d.find_element("css selector", '[data-gloss-set="pinyin"]').click()
        finally:
            d.quit()
        d = make_driver(390, 800, mobile=True)
        try:
            show_popup(d, url, dark=False)
            save(d, out / "gloss-phone.png")
        finally:
            d.quit()
    finally:
        httpd.shutdown()
    print(f"gloss screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
