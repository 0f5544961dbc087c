"""First-load weight of article pages: the page plus every stylesheet and script it references.

    python bench/page_weight.py                  # build seeds/ into a temporary directory, report
    python bench/page_weight.py SITE_DIR         # report on a site already built
    python bench/page_weight.py SITE_DIR --top 5 # also list the five heaviest articles

For each ``articles/*.html`` it adds the page's bytes to those of every ``<link
rel="stylesheet" href>`` and ``<script src>`` in it (what a browser fetches before it can show
and run the page; files loaded later, such as the gloss popup's code and the article's gloss
file on first tap, are not counted). Sizes are raw (uncompressed; the strict reading of the
≤ 30 KB budget of issue 22) and gzip -9 (what GitHub Pages sends). Prints the max and median
of both and how many articles are over the budget.
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BUDGET = 30 * 1024


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.refs.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])


def first_load(page: Path, site: Path) -> dict[str, bytes]:
    """The page and the files it references at first load, by site path."""
    html = page.read_bytes()
    parser = _Refs()
    parser.feed(html.decode("utf-8"))
    files = {page.relative_to(site).as_posix(): html}
    for ref in parser.refs:
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            raise ValueError(f"{page}: external reference {ref!r}")
        path = (page.parent / unquote(parts.path)).resolve()
        files[path.relative_to(site.resolve()).as_posix()] = path.read_bytes()
    return files


def weigh(site: Path) -> list[tuple[str, int, int, dict[str, int]]]:
    """(page, raw bytes, gzip bytes, raw bytes per file) for every article page of ``site``."""
    gz: dict[str, int] = {}
    out = []
    for page in sorted((site / "articles").glob("*.html")):
        files = first_load(page, site)
        raw = sum(map(len, files.values()))
        zipped = 0
        for name, data in files.items():
            if name not in gz or name.startswith("articles/"):
                gz[name] = len(gzip.compress(data, 9, mtime=0))
            zipped += gz[name]
        out.append((page.relative_to(site).as_posix(), raw, zipped, {k: len(v) for k, v in files.items()}))
    return out


def report(rows: list, top: int = 0) -> str:
    raws = [r[1] for r in rows]
    gzs = [r[2] for r in rows]
    heaviest = max(rows, key=lambda r: r[1])
    lines = [
        f"articles: {len(rows)}",
        f"raw:  max {max(raws) / 1024:.1f} KB  median {statistics.median(raws) / 1024:.1f} KB",
        f"gzip: max {max(gzs) / 1024:.1f} KB  median {statistics.median(gzs) / 1024:.1f} KB",
        f"over {BUDGET // 1024} KB raw: {sum(r > BUDGET for r in raws)}",
        f"heaviest: {heaviest[0]} = " + " + ".join(f"{k} {v / 1024:.1f}" for k, v in heaviest[3].items()),
    ]
    for name, raw, zipped, _ in sorted(rows, key=lambda r: -r[1])[:top]:
        lines.append(f"  {raw / 1024:6.1f} KB raw  {zipped / 1024:5.1f} KB gzip  {name}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", nargs="?", type=Path, help="a built site (default: build seeds/ into a temporary directory)")
    ap.add_argument("--top", type=int, default=0, help="list the N heaviest articles")
    args = ap.parse_args(argv)
    if args.site is not None:
        rows = weigh(args.site)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "sitegen", "build", "-q", "--out", tmp], cwd=REPO, check=True,
                           capture_output=True)
            rows = weigh(Path(tmp))
    print(report(rows, args.top))
    return 1 if any(r[1] > BUDGET for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
