"""Outputs checked in under ``tests/expected/``, so that a change in what the parser or the
templates make is reviewed as a diff (as Pelican keeps whole expected sites):

- ``parse/<seed>.json``: ``sitegen parse SEED --json`` of each of the repository's seeds, without
  corrections (what the parser alone makes of them);
- ``sample-site/``: the pages of ``sitegen.render.sample.sample_site()`` (fixed dates, no
  translations pending), without ``static/``, which is the project's own files minified.

After a deliberate change, rewrite them and review the diff:

    .venv/bin/python tests/expected_outputs.py && git diff --stat tests/expected
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXPECTED = REPO / "tests" / "expected"
PARTS = ("parse", "sample-site")
REWRITE = ".venv/bin/python tests/expected_outputs.py"


def parse_outputs() -> dict[str, bytes]:
    from sitegen.parse import parse_seed
    from sitegen.seeds import read_seeds

    seeds = read_seeds(sorted(p for p in (REPO / "seeds").iterdir() if p.suffix in (".txt", ".md"))).seeds
    out = {}
    for seed in seeds:
        result = parse_seed(seed)
        data = {"articles": [a.to_json() for a in result.articles],
                "leftovers": [left.to_json() for left in result.leftovers]}
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        out[f"parse/{Path(seed.name).stem}.json"] = text.encode("utf-8")
    return out


def sample_site_outputs() -> dict[str, bytes]:
    from sitegen.render.sample import sample_site
    from sitegen.render.site import render_site

    pages = render_site(sample_site(), REPO / "templates", REPO / "static")
    return {f"sample-site/{p.path}": p.content for p in pages if not p.path.startswith("static/")}


def outputs() -> dict[str, bytes]:
    return {**parse_outputs(), **sample_site_outputs()}


def on_disk() -> dict[str, bytes]:
    return {p.relative_to(EXPECTED).as_posix(): p.read_bytes()
            for part in PARTS for p in sorted((EXPECTED / part).rglob("*")) if p.is_file()}


def rewrite() -> int:
    made = outputs()
    for part in PARTS:
        shutil.rmtree(EXPECTED / part, ignore_errors=True)
    for rel, content in made.items():
        path = EXPECTED / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return len(made)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    print(f"wrote {rewrite()} files under {EXPECTED.relative_to(REPO)}; review them with `git diff tests/expected`")
