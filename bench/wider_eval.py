"""What each habit of ``tests/relayout_wider.py`` costs the parser: the same articles, scored
on the pages printed without the habit and with it alone.

    .venv/bin/python bench/wider_eval.py [--pages 30] [--rng 1,2,3,4,5] [--pool seeds|pd1998]
        [--habits page_header,...] [--verbose]

A wider page is the default page plus its habits (each draws from its own RNG; the gold's
articles are the same), so an article's outcome without and with one habit differs by what
that habit did. Per habit: the articles it marked, and their recall / headline (lenient) /
lead / paragraph count without → with it. The page-level habits (``page_header``,
``editor_footer``, ``dense_lines``) mark every article of their page. ``--verbose`` lists
the articles the habit broke (tuning sets only, as for ``parse_eval.py -v``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import relayout  # noqa: E402
import relayout_pool  # noqa: E402


def right(o) -> tuple[bool, bool, bool, bool]:
    """(found and whole, headline, lead, paragraph count) of one outcome."""
    return o.exact, o.headline is not False, o.lead, o.paras


def pct(hits: int, n: int) -> float:
    return round(100.0 * hits / n, 1) if n else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--rng", default="1,2,3,4,5")
    ap.add_argument("--pool", choices=relayout_pool.POOLS, default="seeds")
    ap.add_argument("--habits", default="all", help="comma-separated habits (default: each of them)")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    try:
        habits = sorted(relayout.wider_.habits_of(args.habits))
        stories = relayout_pool.pool_stories(args.pool)
    except (ValueError, relayout_pool.PoolMissing) as exc:
        print(exc, file=sys.stderr)
        return 2
    seeds = [int(s) for s in args.rng.split(",") if s.strip()]

    def outcomes(wider) -> dict[tuple[str, str], object]:
        out = {}
        for seed in seeds:
            pages = relayout.make_pages(args.pages, seed, stories, harsh=True, wider=wider)
            out.update({(o.page, o.id): o for o in relayout.evaluate(pages).outcomes})
        return out

    base = outcomes(False)
    print(f"{'habit':16} {'articles':>8}   {'recall':>13} {'headline':>13} {'lead':>13} {'paragraphs':>13}")
    for habit in habits:
        marked = {k: o for k, o in outcomes(habit).items() if habit in o.features}
        before = [right(base[k]) for k in marked]
        after = [right(o) for o in marked.values()]
        cols = [f"{pct(sum(b[i] for b in before), len(before)):>5} → {pct(sum(a[i] for a in after), len(after)):>5}"
                for i in range(4)]
        print(f"{habit:16} {len(marked):>8}   " + " ".join(f"{c:>13}" for c in cols))
        if args.verbose:
            for k, o in marked.items():
                lost = [n for n, b, a in zip(("seg", "head", "lead", "paras"), right(base[k]), right(o)) if b and not a]
                if lost:
                    print(f"   BROKE {k[0]} {k[1]} {','.join(lost)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
