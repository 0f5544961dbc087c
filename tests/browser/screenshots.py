"""Full-page screenshots of a rendered site at phone (390px) and desktop (1280px) widths.

    python tests/browser/screenshots.py SITE_DIR OUT_DIR [ARTICLE_PATH]

SITE_DIR is a rendered site (``sitegen build --out SITE_DIR``, or the sample:
``python -m sitegen.render.sample SITE_DIR``). It is served under /repo/ like
GitHub Pages would. Writes index-{phone,desktop}.png, article-{phone,desktop}.png, article-desktop-dark.png,
search-{phone,desktop}.png (an English search) in the default (Both) mode, {index,article}-desktop-{zh,en}.png
in the 中文 and English modes, index-phone-zh.png and, when the site has an article printed without a
headline, excerpt-phone.png (pages taller than 2400px are cut there; the mode shots at 1600px).
"""
from __future__ import annotations

import base64
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import PREFIX, free_port, make_driver, serve  # noqa: E402


def shoot(driver, url: str, out: Path, width: int, max_height: int = 2400, dark: bool = False,
          mode: str = "both") -> None:
    """``mode``: the reading mode saved as a reader's choice before the page loads (zh, both, en)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    driver.get(url)
    driver.execute_script("localStorage.setItem('sitegen-lang', arguments[0])", mode)
    driver.get(url)
    h = min(driver.execute_script("return document.documentElement.scrollHeight"), max_height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": h, "deviceScaleFactor": 1, "mobile": width < 600})
    png = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": h, "scale": 1}})
    out.write_bytes(base64.b64decode(png["data"]))
    driver.execute_script("localStorage.removeItem('sitegen-lang')")


def excerpt_of(site: Path) -> str | None:
    """An article printed without a headline, if the site has one (from digest.json)."""
    import json

    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    return next((a["permalink"] for a in digest["articles"] if not a["headline"]["zh"]), None)


def main(argv: list[str]) -> int:
    site, out = Path(argv[1]), Path(argv[2])
    article = argv[3] if len(argv) > 3 else sorted((site / "articles").glob("*.html"))[0].relative_to(site).as_posix()
    excerpt = excerpt_of(site)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    httpd = serve(site, port)
    base = f"http://127.0.0.1:{port}{PREFIX}"
    try:
        for width, name in ((390, "phone"), (1280, "desktop")):
            d = make_driver(width, 900, mobile=width < 600)
            try:
                shoot(d, base + "index.html", out / f"index-{name}.png", width)
                shoot(d, base + article, out / f"article-{name}.png", width)
                shoot(d, base + "search.html?q=diplomacy", out / f"search-{name}.png", width, 1400)
                if name == "desktop":
                    shoot(d, base + article, out / "article-desktop-dark.png", width, 1000, dark=True)
                    for mode in ("zh", "en"):
                        shoot(d, base + "index.html", out / f"index-desktop-{mode}.png", width, 1600, mode=mode)
                        shoot(d, base + article, out / f"article-desktop-{mode}.png", width, 1600, mode=mode)
                else:
                    shoot(d, base + "index.html", out / "index-phone-zh.png", width, mode="zh")
                    if excerpt:
                        shoot(d, base + excerpt, out / "excerpt-phone.png", width, 1400)
            finally:
                d.quit()
    finally:
        httpd.shutdown()
    if shutil.which("pngquant"):  # optional: ~3x smaller files for the README
        for png in sorted(out.glob("*.png")):
            subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--output", str(png), "256", "--", str(png)],
                           check=False)
    print(f"screenshots of {site} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
