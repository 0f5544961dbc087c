"""Lighthouse ≥ 95 in performance, accessibility, best practices and SEO on the index and an article.

Needs Node with the npm package ``lighthouse`` (found as $LIGHTHOUSE, on PATH, or in
/opt/lh/node_modules/.bin) and Debian's chromium. Skipped with the reason otherwise.

Also a script for any rendered site:  python tests/browser/test_lighthouse.py SITE_DIR [PAGE ...]
(the site should have been built with base_url http://127.0.0.1:PORT/repo/ for exact canonical
links; PORT defaults to 8765, set $LH_PORT to change it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import CHROMIUM, PREFIX, free_port, serve  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLD = 0.95


def lighthouse_bin() -> str | None:
    for cand in (os.environ.get("LIGHTHOUSE"), shutil.which("lighthouse"), "/opt/lh/node_modules/.bin/lighthouse"):
        if cand and Path(cand).exists():
            return cand
    return None


def run_lighthouse(url: str, form_factor: str = "mobile") -> tuple[dict, list[str]]:
    """Category scores (0..1) and the failing audits' ids, for one URL."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [lighthouse_bin(), url, "--output=json", f"--output-path={out}", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
        if form_factor == "desktop":
            cmd.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
        subprocess.run(cmd, check=True, env=env, timeout=240, capture_output=True)
        report = json.loads(out.read_text())
    scores = {k: report["categories"][k]["score"] for k in CATEGORIES}
    failing = sorted(
        f"{a['id']} ({a['score']})" for a in report["audits"].values()
        if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric")
    )
    return scores, failing


@pytest.fixture(scope="module")
def lighthouse_site(tmp_path_factory):
    if lighthouse_bin() is None:
        pytest.skip("the npm package lighthouse is not installed (npm install -g lighthouse)")
    from sitegen.render.sample import write_sample

    port = free_port()
    base = f"http://127.0.0.1:{port}{PREFIX}"
    out = tmp_path_factory.mktemp("lh-site")
    write_sample(out, base)
    httpd = serve(out, port)
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("form_factor", ["mobile", "desktop"])
@pytest.mark.parametrize("page", ["index.html", "articles/000-d20dbdfb-01.html"])
def test_lighthouse_scores(lighthouse_site, page, form_factor):
    scores, failing = run_lighthouse(lighthouse_site + page, form_factor)
    print(page, form_factor, scores)
    low = {k: v for k, v in scores.items() if v is None or v < THRESHOLD}
    assert not low, f"{page} ({form_factor}): {low}; failing audits: {failing}"


def main(argv: list[str]) -> int:
    site = Path(argv[1])
    pages = argv[2:] or ["index.html", sorted((site / "articles").glob("*.html"))[0].relative_to(site).as_posix()]
    port = int(os.environ.get("LH_PORT", "8765"))
    httpd = serve(site, port)
    worst = 1.0
    try:
        for page in pages:
            for ff in ("mobile", "desktop"):
                scores, failing = run_lighthouse(f"http://127.0.0.1:{port}{PREFIX}{page}", ff)
                worst = min([worst] + [s or 0 for s in scores.values()])
                print(f"{page} [{ff}]: " + ", ".join(f"{k} {round((v or 0) * 100)}" for k, v in scores.items()))
                if failing:
                    print("   below 0.9: " + ", ".join(failing))
    finally:
        httpd.shutdown()
    return 0 if worst >= THRESHOLD else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
