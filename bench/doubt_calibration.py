"""Calibrate the parser's self-doubt (sitegen/parse/doubts.py) against generated gold.

    .venv/bin/python bench/doubt_calibration.py [--rng 1,2,3,4,5] [--pages 30] [--classic] [--pool NAME] [--wider [HABIT,...]]
        [--set NAME=VALUE ...] [--list wrong|right|both] [--fit SHARE] [--fit-signs SHARE]

Generates pages with tests/relayout.py (harsh profile unless --classic), parses them,
keeps every parsed article's doubt signals (``doubts.Signals``), and labels the article
right or wrong against the generator's gold (right: exactly some gold article's body,
headline and lead). It prints, per doubt rule, how many wrong and right articles it
fires on and how many wrong ones it alone catches, then the totals: wrong articles
doubted / right articles doubted (issue 18 aims at ≥ 80 % / ≤ 15 %), also by kind of
error, and how many of the seeds' articles (all parsed right) carry a doubt; then the wrong
articles no doubt catches by a finer kind read off the page's gold (``error_kind``: two
stories glued, a body cut short or run over, a start no story has, a neighbour's headline, a
headline missing, a lead), the list to work from when looking for new cues. Weighted
cues (doubts.CUES) count where they are part of a doubt. ``--set HALVES=0.03`` overrides a threshold of doubts.py for this run, so a new
threshold can be tried without editing the code; the signals are measured once, the
rules re-applied. ``--fit 0.1`` fits the weights of the weighted cues on these pages
(logistic regression, then the cut that doubts at most 10 % of the right articles) and
prints them as ``--set`` options to preview and copy into doubts.py; ``--fit-signs 0.013``
fits the graded weak signs of doubt_score.py the same way (weights per unit, threshold). Tune (and fit) on
some RNG seeds, then report on fresh ones without retuning.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import relayout  # noqa: E402
import relayout_pool  # noqa: E402
from sitegen.parse import build, doubt_score, doubts  # noqa: E402


@contextmanager
def recorded_signals():
    """Inside: every doubt signal the parse measures (``build.signals``, one per body = one
    per article) is appended to the yielded list; the parse's own function is put back after."""
    recorded: list[doubts.Signals] = []
    measure = build.signals

    def recording(*args, **kwargs):
        out = measure(*args, **kwargs)
        recorded.extend(out)
        return out

    build.signals = recording
    try:
        yield recorded
    finally:
        build.signals = measure


def collect(seeds: list[int], pages: int, harsh: bool,
            pool: str = "seeds", wider=False) -> list[tuple[str, dict, doubts.Signals]]:
    """(error, article record, signals) for every parsed article; error "" when right, and
    the record of a wrong one gains its ``error_kind``. ``pool``: the stories the pages are
    laid out from (tests/relayout_pool.py); ``wider``: the habits of tests/relayout_wider.py
    (False, or what ``relayout_wider.habits_of`` takes)."""
    stories = relayout_pool.pool_stories(pool)
    scorer = relayout.load_scorer()
    rows = []
    with recorded_signals() as recorded:
        for seed in seeds:
            recorded.clear()
            laid_out = relayout.make_pages(pages, seed, stories, harsh=harsh, wider=wider)
            golds = {f"{page.name}.txt": page.gold["articles"] for page in laid_out}
            ev = relayout.evaluate(laid_out)
            arts = ev.parsed["articles"]
            assert len(arts) == len(recorded) == len(ev.errors), (len(arts), len(recorded))
            for error, art in zip(ev.errors, arts):
                if error:
                    art["error_kind"] = error_kind(error, art, golds[art["seed"]], scorer)
            rows.extend(zip(ev.errors, arts, recorded))
            recorded.clear()
    return rows


def error_kind(error: str, art: dict, golds: list[dict], scorer) -> str:
    """What is wrong with a wrong parsed article ``art``, read off its page's gold stories:
    "glued" (its body holds another story's opening), "start off" (no story opens where it
    opens), "cut short" / "runs over" (it stops before its story's end / goes past it),
    "neighbour's headline", "headline missing", "headline" (other headline errors), "lead"."""
    body, block = scorer.body_of(art), scorer.headline_block(art)
    opens = {gi: body.find(scorer.norm(g["first"])[:20]) for gi, g in enumerate(golds)}
    if any(pos > 0 for pos in opens.values()):
        return "glued"
    own = next((golds[gi] for gi, pos in opens.items() if pos == 0), None)
    if own is None:
        return "start off"
    if error == "body":
        return "runs over" if scorer.norm(own["last"]) in body else "cut short"
    if error == "headline":
        if any(g is not own and g.get("headline") and scorer.norm(g["headline"]) in block for g in golds):
            return "neighbour's headline"
        return "headline missing" if scorer.norm(own.get("headline")) not in block else "headline"
    return error


def seed_signals(seeds_dir: Path = REPO / "seeds") -> list[doubts.Signals]:
    """The doubt signals of every article of the seeds (all parsed right: see the gold)."""
    from sitegen.parse import parse_text

    with recorded_signals() as recorded:
        for path in sorted(seeds_dir.glob("*.txt")):
            parse_text(path.name, path.read_text(encoding="utf-8"))
    return list(recorded)


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def report(rows, listing: str | None) -> tuple[float, float]:
    wrong = [r for r in rows if r[0]]
    right = [r for r in rows if not r[0]]
    fires = [[n for n, _ in doubts.fired(s)] for _e, _a, s in rows]
    print(f"{'rule':14} {'wrong':>7} {'right':>7} {'only on wrong':>14}")
    for name in [n for n, _r in doubts.RULES] + [n for n, _w, _c in doubts.CUES] + [doubts.JOINT]:
        w = sum(name in f for (e, _a, _s), f in zip(rows, fires) if e)
        r = sum(name in f for (e, _a, _s), f in zip(rows, fires) if not e)
        alone = sum(f == [name] for (e, _a, _s), f in zip(rows, fires) if e)
        print(f"{name:14} {w:7} {r:7} {alone:14}")
    wd = sum(bool(f) for (e, _a, _s), f in zip(rows, fires) if e)
    rd = sum(bool(f) for (e, _a, _s), f in zip(rows, fires) if not e)
    print(f"doubted: {pct(wd, len(wrong))} of {len(wrong)} wrong articles, "
          f"{pct(rd, len(right))} of {len(right)} right ones")
    kinds = Counter(e for e, _a, _s in wrong)
    caught = Counter(e for (e, _a, _s), f in zip(rows, fires) if e and f)
    print("wrong by kind (doubted/all): " + ", ".join(
        f"{k} {caught[k]}/{n}" for k, n in kinds.most_common()))
    missed = Counter(a.get("error_kind", e) for (e, a, _s), f in zip(rows, fires) if e and not f)
    print("wrong and not doubted, by what is wrong: " + (", ".join(
        f"{k} {n}" for k, n in missed.most_common()) or "none"))
    if listing:
        for (e, a, s), f in zip(rows, fires):
            if (listing in ("wrong", "both") and e and not f) or \
                    (listing in ("right", "both") and not e and f):
                print(f"  {'WRONG ' + a.get('error_kind', e) if e else 'RIGHT'} {a['seed']}:{a['line']} "
                      f"{(a.get('headline') or '-')[:24]} fired={f} {s}")
    return (100.0 * wd / len(wrong) if wrong else 0.0, 100.0 * rd / len(right) if right else 0.0)


def fit_weights(rows, right_share: float, l2: float = 5.0) -> dict[str, float]:
    """Weights of the weighted cues (doubts.CUES), fitted on ``rows``: a logistic
    regression (Newton steps, L2 penalty ``l2``) of "wrong" on which cues are present,
    over the articles no rule doubts on its own; then the cut that doubts at most
    ``right_share`` of the right articles (rules included), and the weights scaled so
    that the cut is doubts.SCORE."""
    cues = [c for _n, _w, c in doubts.CUES]
    data = [([1.0 if c(s) is not None else 0.0 for c in cues] + [1.0], 1.0 if e else 0.0)
            for e, _a, s in rows if not any(rule(s) is not None for _n, rule in doubts.RULES)]
    d = len(cues) + 1
    b = [0.0] * d
    for _ in range(30):
        grad = [l2 * b[j] if j < d - 1 else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and j < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for x, y in data:
            p = 1.0 / (1.0 + math.exp(-sum(bj * xj for bj, xj in zip(b, x))))
            for i in range(d):
                grad[i] += (p - y) * x[i]
                for j in range(d):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hess, grad)
        b = [bj - sj for bj, sj in zip(b, step)]
    right = [(s, any(rule(s) is not None for _n, rule in doubts.RULES)) for e, _a, s in rows if not e]
    scores = sorted({sum(bj for bj, c in zip(b, cues) if c(s) is not None) for s, hard in right if not hard})
    allowed = right_share * len(right) - sum(hard for _s, hard in right)
    cut = next((t for t in scores if t > 0 and sum(
        1 for s, hard in right if not hard and sum(bj for bj, c in zip(b, cues) if c(s) is not None) >= t)
        <= allowed), max(scores, default=0.0) + 1.0)
    return {w: round(bj / cut * doubts.SCORE, 2) for (_n, w, _c), bj in zip(doubts.CUES, b)}


def fit_signs(rows, right_share: float, l2: float = 1.0) -> tuple[dict[str, float], float]:
    """Weights of the graded weak signs (sitegen/parse/doubt_score.py) fitted on ``rows``:
    a logistic regression (Newton steps, L2 penalty ``l2`` on standardised values) of
    "wrong" on the signs' values, over the articles nothing else doubts; then the threshold
    at which at most ``right_share`` of all right articles gain the doubt. Returns the weights per
    unit of each sign and the threshold, as doubt_score.py holds them."""
    found = [(e, s, [n for n, _r in doubts.fired(s)]) for e, _a, s in rows]
    score_free = [(e, doubt_score.measures(s)) for e, s, f in found if f in ([], [doubts.JOINT])]
    names = list(doubt_score.WEIGHTS)
    xs = [[m[k] for k in names] for _e, m in score_free]
    ys = [1.0 if e else 0.0 for e, _m in score_free]
    mean = [sum(col) / len(col) for col in zip(*xs)]
    sd = [max((sum((v - mu) ** 2 for v in col) / len(col)) ** 0.5, 1e-9) for col, mu in zip(zip(*xs), mean)]
    z = [[(v - mu) / d for v, mu, d in zip(x, mean, sd)] + [1.0] for x in xs]
    d = len(names) + 1
    b = [0.0] * d
    for _ in range(25):
        grad = [l2 * b[j] if j < d - 1 else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and j < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for x, y in zip(z, ys):
            p = 1.0 / (1.0 + math.exp(-sum(bj * xj for bj, xj in zip(b, x))))
            for i in range(d):
                grad[i] += (p - y) * x[i]
                for j in range(d):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        b = [bj - sj for bj, sj in zip(b, _solve(hess, grad))]
    weights = {k: bj / sdj for k, bj, sdj in zip(names, b, sd)}
    right = sorted((sum(weights[k] * m[k] for k in names) for e, m in score_free if not e), reverse=True)
    n_right = sum(1 for e, _a, _s in rows if not e)
    # just above the score of the first right article past the share: ties stay undoubted
    return weights, right[min(int(right_share * n_right), len(right) - 1)] + 1e-6


def _solve(a: list[list[float]], v: list[float]) -> list[float]:
    """x with a·x = v (Gaussian elimination with partial pivoting; a is small)."""
    n = len(v)
    m = [row[:] + [v[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rng", default="1,2,3,4,5", help="comma-separated RNG seeds")
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--classic", action="store_true", help="classic layouts only")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a threshold of sitegen/parse/doubts.py")
    ap.add_argument("--fit", type=float, metavar="SHARE",
                    help="fit the cue weights on these pages, doubting at most SHARE (0.1) of the "
                         "right articles, and print them as --set options (fit on tuning pages only)")
    ap.add_argument("--fit-signs", type=float, metavar="SHARE",
                    help="fit the weights and threshold of the graded weak signs (doubt_score.py) on "
                         "these pages, the threshold doubting SHARE (0.01) more of the right articles")
    ap.add_argument("--list", choices=("wrong", "right", "both"),
                    help="list wrong articles not doubted / right ones doubted, with their signals")
    ap.add_argument("--pool", choices=relayout_pool.POOLS, default="seeds",
                    help="the stories laid out (tests/relayout_pool.py): the seeds' or another paper's")
    ap.add_argument("--wider", nargs="?", const="all", default=None, metavar="HABIT,...",
                    help="with the habits of tests/relayout_wider.py too, all or the ones named "
                         "('both': the pages without them and with all of them, counted together)")
    args = ap.parse_args(argv)
    if relayout.load_scorer() is None:
        print(f"scorer not found: {relayout.SCORER}", file=sys.stderr)
        return 2
    try:
        widths = [False, relayout.wider_.habits_of("all")] if args.wider == "both" else \
            [relayout.wider_.habits_of(args.wider) if args.wider else False]
        rows = [row for wider in widths for row in collect(
            [int(x) for x in args.rng.split(",") if x.strip()], args.pages, not args.classic, args.pool, wider)]
    except (relayout_pool.PoolMissing, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    seeds = seed_signals()
    saved = {}
    try:
        for item in args.set:
            name, _, value = item.partition("=")
            if not hasattr(doubts, name):
                ap.error(f"doubts.py has no threshold {name}")
            saved.setdefault(name, getattr(doubts, name))
            setattr(doubts, name, type(saved[name])(value))
        report(rows, args.list)
        if args.fit is not None:
            weights = fit_weights(rows, args.fit)
            print("fitted: " + " ".join(f"--set {w}={v}" for w, v in weights.items()))
        if args.fit_signs is not None:
            signs, threshold = fit_signs(rows, args.fit_signs)
            print("fitted signs: " + " ".join(f"{k}={v:.4g}" for k, v in signs.items())
                  + f" threshold={threshold:.3f}")
        doubted = [s for s in seeds if doubts.fired(s)]
        print(f"seeds: {len(doubted)} of {len(seeds)} articles doubted "
              f"({sum(s.match is not None for s in doubted)} of {sum(s.match is not None for s in seeds)} "
              "with a headline)")
    finally:
        for name, value in saved.items():  # the parser's own thresholds again
            setattr(doubts, name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
