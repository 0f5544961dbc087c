"""Subheads found by the parse, against the gold of pages written by ``bench/parse_eval.py --out DIR``:
how many articles with two subheads or more have all of them right (whitespace and half-width
punctuation aside). ``python3 bench/subhead_eval.py DIR [FEATURE]`` (FEATURE: only the
articles the gold marks so, e.g. numbered_subhead)."""
from __future__ import annotations

import glob
import json
import sys


def norm(s: str) -> str:
    return "".join(s.split()).replace(",", "，").replace("(", "（").replace(")", "）").replace(":", "：")


def main(argv: list[str]) -> int:
    out, feature = argv[0], (argv[1] if len(argv) > 1 else None)
    tot = ok = 0
    for d in sorted(glob.glob(out + "/*/")):
        parsed = json.load(open(d + "parsed.json", encoding="utf-8"))["articles"]
        for gf in sorted(glob.glob(d + "gold/*.json")):
            g = json.load(open(gf, encoding="utf-8"))
            for a in g["articles"]:
                if len(a["subheads"]) < 2 or (feature and feature not in a["features"]):
                    continue
                tot += 1
                got = [p for p in parsed if p["seed"] == g["seed"]
                       and norm(p["lead"] or "")[:15] == norm(a["lead"])[:15]]
                if got and [norm(x) for x in got[0]["subheads"]] == [norm(x) for x in a["subheads"]]:
                    ok += 1
    print(f"{ok}/{tot} articles with all subheads right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
