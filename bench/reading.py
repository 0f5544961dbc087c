"""What a reader downloads, on a bench corpus: page sizes and the first search.

    python bench/reading.py 1000                 # build nN/site-reading, report sizes and search
    python bench/reading.py 10000 --query 经济 --query economy
    LIGHTHOUSE=/path/to/lighthouse python bench/reading.py 1000 --lighthouse

Uses the corpus and prefilled translation memory of ``bench/run.py`` (under
``$SITEGEN_BENCH_DIR``, default /tmp/sitegen-bench; made when missing), builds the site once
into ``nN/site-reading`` and reports:

- the largest HTML page, the number over 150 KB, the home page, the biggest theme and tag pages;
- for each query, what the search page downloads to show its first results, measured in
  headless Chromium from disk (file://): the page and every script, stylesheet and shard it
  loaded (``performance`` resource entries), by the files' sizes;
- with ``--lighthouse``: Lighthouse (mobile) performance of the home page, the biggest theme
  page, the biggest tag page and a search, served over HTTP under /repo/.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests" / "browser"))

import run as bench  # noqa: E402

LIMIT = 150 * 1024


def build(work: Path) -> Path:
    site = work / "site-reading"
    memory = work / "memory.json"
    if not (work / "memory.pristine.json").is_file():
        bench.ensure_memory(work)
    shutil.copyfile(work / "memory.pristine.json", memory)
    config = bench.write_config(work, out="site-reading", name="reading.toml")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "build", "--config", str(config), "-q"], cwd=work, check=True,
                   capture_output=True)
    print(f"built {site} in {time.perf_counter() - t:.1f} s")
    return site


def sizes(site: Path) -> dict:
    html = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    def biggest(prefix: str) -> tuple[str, int]:
        cands = [(k, v) for k, v in html.items()
                 if k.startswith(prefix) and k != "tags/index.html" and not k.startswith("tags/page/")]
        return max(cands, key=lambda kv: kv[1]) if cands else ("", 0)
    largest = max(html.items(), key=lambda kv: kv[1])
    return {
        "html_pages": len(html),
        "largest": largest,
        "over_150KB": sorted(k for k, v in html.items() if v > LIMIT),
        "home": html["index.html"],
        "tag_index": html.get("tags/index.html", 0),
        "biggest_theme": biggest("themes/"),
        "biggest_tag": biggest("tags/"),
        "search_files": sum(1 for _ in (site / "search").glob("*.js")),
        "search_total": sum(p.stat().st_size for p in (site / "search").glob("*.js")),
    }


def first_search(site: Path, query: str) -> dict:
    """Bytes the search page loads from disk to show the first results for ``query``."""
    from harness import CHROMIUM, CHROMEDRIVER
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        driver.get((site / "search.html").as_uri() + "?q=" + quote(query))
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return document.querySelectorAll('#search-results li').length > 0"
                                       " || /\\d|没有|No /.test(document.getElementById('search-status').textContent)"))
        time.sleep(0.3)
        # Every file the page loaded: itself, its stylesheets, icon and scripts, including the
        # shard scripts search.js added (resource timing has no entries for file:// loads).
        urls = driver.execute_script(
            "return [location.href].concat([].map.call(document.querySelectorAll("
            "'script[src], link[rel=stylesheet], link[rel=icon]'), function (e) { return e.src || e.href; }))")
        found = driver.execute_script("return document.querySelectorAll('#search-results li').length")
        status = driver.execute_script("return document.getElementById('search-status').textContent")
    finally:
        driver.quit()
    files = sorted({Path(unquote(urlsplit(u).path)) for u in urls})
    total = sum(f.stat().st_size for f in files if f.is_file())
    shards = [f.name for f in files if f.parent.name == "search"]
    return {"query": query, "bytes": total, "files": len(files), "search_files": shards,
            "results_shown": found, "status": " ".join(status.split())}


def lighthouse(site: Path, pages: list[str]) -> dict:
    from harness import PREFIX, free_port, serve
    from test_lighthouse import lighthouse_bin, run_lighthouse

    if lighthouse_bin() is None:
        return {"skipped": "no lighthouse (set $LIGHTHOUSE)"}
    port = free_port()
    httpd = serve(site, port)
    out = {}
    try:
        for page in pages:
            scores, failing = run_lighthouse(f"http://127.0.0.1:{port}{PREFIX}{page}", "mobile")
            out[page] = {k: round((v or 0) * 100) for k, v in scores.items()}
            print(page, out[page], "below 0.9:", ", ".join(failing) or "none", flush=True)
    finally:
        httpd.shutdown()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--query", action="append", help="default: 经济, economy, 发展")
    ap.add_argument("--lighthouse", action="store_true")
    ap.add_argument("--no-build", action="store_true", help="measure the site built last time")
    args = ap.parse_args()
    work = bench.ensure_corpus(args.n, args.seed)
    site = work / "site-reading" if args.no_build else build(work)
    report = {"n": args.n, "sizes": sizes(site)}
    report["search"] = [first_search(site, q) for q in (args.query or ["经济", "economy", "发展"])]
    if args.lighthouse:
        s = report["sizes"]
        pages = ["index.html", s["biggest_theme"][0], s["biggest_tag"][0],
                 "search.html?q=" + quote((args.query or ["经济"])[0])]
        report["lighthouse_mobile"] = lighthouse(site, pages)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
