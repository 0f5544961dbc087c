"""Corrections on re-laid-out pages: what a maintainer reaches by writing ``corrections.toml``
entries from the scorer's complaints.

    .venv/bin/python bench/corrections_eval.py [--pages 40] [--rng 7] [--out DIR]

Generates ``--pages`` pages with ``tests/relayout.py`` (RNG seed ``--rng``), scores the parse
per layout (the page's headline placement and whether it is hard-wrapped), then turns the
differences between gold and parse into entries, as a maintainer reading ``sitegen parse``
beside the printed page would, in rounds (segmentation first, then headlines):

* a gold article that no parsed article starts with → ``[[split]]`` where it is printed
  (its dateline, credit and continuation marker included);
* a parsed article that starts no gold article → ``[[join]]`` onto the one before;
* a found article whose headline is wrong → ``[[headline]]`` with the gold headline, which the
  correction takes from wherever the page prints it.

It prints recall / headline / lead per layout before and after, the worst layout's figures,
the entries by kind and the characters lost or duplicated (must be 0). With ``--out`` it
writes ``seeds/``, ``gold/`` and ``corrections.toml`` there: ``sitegen build`` and
``sitegen check`` in that directory show the corrected articles.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import relayout  # noqa: E402

import sitegen.parse  # noqa: E402
from sitegen.corrections import CorrectionError, Corrections, parse_corrections  # noqa: E402
from sitegen.parse.anchors import norm, norm_map  # noqa: E402
from sitegen.parse.correct import apply_corrections  # noqa: E402

START_MARKER = re.compile(r"\((?:上接|接)第?[^()]{0,8}?版\)$")
BULLETS = "□■●"
ROUNDS = 4


def layout_of(features: list[str]) -> str:
    head = next((f for f in features if f.startswith("head_") and f.count("_") == 1), "head_?")
    return f"{head}/{'clean' if 'clean' in features else 'wrapped'}"


@contextmanager
def corrected(corrections: Corrections):
    """``relayout.evaluate`` (which parses with ``sitegen.parse.parse_text``) with the entries applied."""
    plain = sitegen.parse.parse_text

    def parse_text(name: str, text: str):
        return apply_corrections(plain(name, text), text, corrections.for_seed(name))

    with mock.patch.object(sitegen.parse, "parse_text", parse_text):
        yield


def evaluate(pages, corrections: Corrections):
    with corrected(corrections):
        return relayout.evaluate(pages)


def scores(outcomes) -> dict:
    def pct(a, b):
        return round(100.0 * a / b, 1) if b else 100.0
    heads = [o.headline for o in outcomes if o.headline is not None]  # found, with a printed headline
    return {"articles": len(outcomes),
            "recall": pct(sum(o.exact for o in outcomes), len(outcomes)),
            "headline": pct(sum(heads), len(heads)),
            "lead": pct(sum(o.lead for o in outcomes), len(outcomes))}


def by_layout(ev) -> dict[str, dict]:
    groups = defaultdict(list)
    for o in ev.outcomes:
        groups[layout_of(o.features)].append(o)
    return {k: scores(v) for k, v in sorted(groups.items())}


# -- from complaints to entries ---------------------------------------------------------------

def _unique_prefix(text: str, pool: list[str], start: int = 10) -> str:
    """The shortest prefix of ``text`` (from ``start`` characters) that begins no other of ``pool``."""
    for n in range(min(start, len(text)), len(text) + 1):
        p = text[:n]
        if sum(s.startswith(p) for s in pool) <= 1:
            return p
    return text


def _printed_start(page_text: str, gold: dict) -> tuple[int, int] | None:
    """Where gold article ``gold`` starts on the page (in the normalised text): its first
    words, walked back over the credit, dateline and continuation marker printed just before
    them on the same line."""
    page_norm, where = norm_map(page_text)
    first = norm(gold["first"])
    # (a caption printed in a column break may cut the first words short)
    at = next((page_norm.find(first[:n]) for n in (len(first), 12, 8, 5) if page_norm.count(first[:n]) == 1), -1)
    if at < 0:
        return None
    line_start = page_text.rfind("\n", 0, where[at]) + 1
    first_at = at
    at = _walk_back(page_norm, at, gold)
    while where[at] < line_start:  # what is printed on the line before is another thing
        at += 1
    return at, first_at


def _walk_back(page_norm: str, at: int, gold: dict) -> int:
    pieces = []
    if gold.get("byline"):
        pieces += [norm(f"（{gold['byline']}）"), norm(gold["byline"])]
    if gold.get("dateline"):
        pieces.append(norm(gold["dateline"]))
    moved = True
    while moved:
        moved = False
        for piece in pieces:
            if piece and page_norm[:at].endswith(piece):
                at -= len(piece)
                pieces.remove(piece)
                moved = True
                break
        m = START_MARKER.search(page_norm[:at])
        if m:
            at, moved = m.start(), True
        if at and page_norm[at - 1] in BULLETS:
            at -= 1
    return at


def _anchor_at(page_norm: str, at: int, end: int = 0) -> str:
    """The shortest text from ``at`` (to ``end`` at least) that occurs once on the page."""
    for n in range(max(10, end - at), len(page_norm) - at + 1):
        a = page_norm[at:at + n]
        if page_norm.count(a) == 1:
            return a
    return page_norm[at:]


def _toml(kind: str, seed: str, **keys: str | None) -> str:
    lines = [f"[[{kind}]]", f'seed = "{seed}"']
    lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in keys.items() if v]
    return "\n".join(lines) + "\n"


def _headline_ok(scorer, gold: dict, article: dict) -> bool:
    block = scorer.norm("".join(gold.get(k) or "" for k in ("kicker", "headline", "subtitle")))
    got = scorer.headline_block(article)
    return bool(scorer.norm(gold["headline"]) in got and got and got in block)


def complaints(page, articles: list[dict], scorer) -> list[str]:
    """TOML entries for one page, from the differences between its gold and its parse:
    segmentation first; headlines once the page has no segmentation complaint left."""
    seed = f"{page.name}.txt"
    page_norm = norm(page.text)
    golds = page.gold["articles"]
    pairs = scorer.match(golds, articles)
    paired = {pi: gi for gi, pi in pairs.items()}
    bodies = [norm("".join(a["paragraphs"])) for a in articles]
    start = [_unique_prefix(b, bodies) for b in bodies]
    head_texts = {norm(g.get(k)): gi for gi, g in enumerate(golds) for k in ("kicker", "headline", "subtitle")
                  if g.get(k)}
    entries: list[str] = []
    split = set()  # gold articles given a split this round: their pieces are joined next round
    for gi, g in enumerate(golds):
        pi = pairs.get(gi)
        last = norm(g["last"])
        if pi is None:  # no article starts where this one is printed
            found = _printed_start(page.text, g)
            if found is not None:  # quoted from its dateline or credit into its first words
                at, first_at = found
                entries.append(_toml("split", seed, at=_anchor_at(page_norm, at, first_at + 6)))
                split.add(gi)
        elif (not bodies[pi].endswith(last) and not any(b.endswith(last) for b in bodies)
              and any(last in b for b in bodies) and page_norm.count(last) == 1):
            # another text is glued on after this article's end (here or where it continues)
            body = next(b for b in bodies if last in b)
            rest = body[body.find(last) + len(last):]
            at = next((page_norm.find(rest[:n]) for n in range(10, len(rest) + 1)
                       if page_norm.count(rest[:n]) == 1), -1)
            if at >= 0:
                entries.append(_toml("split", seed, at=_anchor_at(page_norm, at)))
    for pi, body in enumerate(bodies):  # a piece of an article that starts none
        if pi in paired or not body or body in head_texts:
            continue
        owner = next((gi for gi, g in enumerate(golds) if body.endswith(norm(g["last"]))), None)
        if owner is None or owner in split:
            continue
        if owner in pairs and pairs[owner] != pi:
            entries.append(_toml("join", seed, at=start[pi], to=start[pairs[owner]]))
        elif owner not in pairs and pi > 0:  # its start is cut off: it continues the one before
            entries.append(_toml("join", seed, at=start[pi], to=start[pi - 1]))
    if entries:
        return entries
    wanted: set[int] = set()
    for pi, gi in paired.items():  # headlines
        g = golds[gi]
        if g.get("headline_found", True) and g.get("headline") and not _headline_ok(scorer, g, articles[pi]):
            wanted.add(gi)
            got = [norm(articles[pi].get(k)) for k in ("kicker", "headline", "subtitle")]
            wanted.update(head_texts[t] for t in got if t in head_texts)  # their owners claim them
    for pi, body in enumerate(bodies):  # an "article" that is only a headline text
        if pi not in paired and body in head_texts:
            wanted.add(head_texts[body])
    for gi in sorted(wanted):
        g = golds[gi]
        if gi in pairs and g.get("headline_found", True) and g.get("headline"):
            entries.append(_toml("headline", seed, article=start[pairs[gi]], text=g["headline"],
                                 kicker=g.get("kicker"), subtitle=g.get("subtitle")))
    return entries


def write_corrections(pages, scorer) -> tuple[str, Corrections, list[str]]:
    """Entries in rounds until the scorer has no more complaints (or ROUNDS rounds)."""
    per_page: dict[str, list[str]] = {p.name: [] for p in pages}
    refused: list[str] = []
    corrections = Corrections()
    for _ in range(ROUNDS):
        ev = evaluate(pages, corrections)
        grouped = defaultdict(list)
        for art in ev.parsed["articles"]:
            grouped[art["seed"]].append(art)
        added = 0
        for page in pages:
            for entry in complaints(page, grouped[f"{page.name}.txt"], scorer):
                if entry in per_page[page.name] or entry in refused:
                    continue
                if _fits(page, per_page[page.name] + [entry]):
                    per_page[page.name].append(entry)
                    added += 1
                else:
                    refused.append(entry)
        if not added:
            break
        text = "\n".join(e for p in pages for e in per_page[p.name])
        corrections = parse_corrections(text)
    text = "\n".join(e for p in pages for e in per_page[p.name])
    return text, parse_corrections(text), refused


def _fits(page, entries: list[str]) -> bool:
    """The page's entries apply without error (a maintainer would see the error and rewrite
    the entry; here it is counted as refused)."""
    name = f"{page.name}.txt"
    try:
        apply_corrections(sitegen.parse.parse_text(name, page.text), page.text,
                          parse_corrections("\n".join(entries)).for_seed(name))
    except CorrectionError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--rng", type=int, default=7)
    ap.add_argument("--out", help="write seeds/, gold/ and corrections.toml here")
    args = ap.parse_args(argv)
    scorer = relayout.load_scorer()
    if scorer is None:
        print(f"scorer not found: {relayout.SCORER}", file=sys.stderr)
        return 2
    pages = relayout.make_pages(args.pages, args.rng, relayout.load_stories())
    before = evaluate(pages, Corrections())
    text, corrections, refused = write_corrections(pages, scorer)
    after = evaluate(pages, corrections)
    b, a = by_layout(before), by_layout(after)
    print(f"rng {args.rng}, {args.pages} pages, {len(before.outcomes)} gold articles")
    print(f"{'layout':22} {'articles':>8}  {'recall':>13} {'headline':>13} {'lead':>13}")
    for layout, s in b.items():
        t = a[layout]
        print(f"{layout:22} {s['articles']:>8}  " + " ".join(
            f"{s[k]:>5} → {t[k]:>5}" for k in ("recall", "headline", "lead")))
    worst = min(b, key=lambda k: (b[k]["recall"], b[k]["headline"]))
    kinds = Counter(type(c).__name__.lower() for c in corrections.items)
    total_b, total_a = scores(before.outcomes), scores(after.outcomes)
    print(f"all layouts: recall {total_b['recall']} → {total_a['recall']}, headline {total_b['headline']} → "
          f"{total_a['headline']}, lead {total_b['lead']} → {total_a['lead']}")
    print(f"worst layout before corrections: {worst}: recall {b[worst]['recall']} → {a[worst]['recall']}, "
          f"headline {b[worst]['headline']} → {a[worst]['headline']}")
    print(f"entries: {len(corrections.items)} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}); "
          f"{len(refused)} refused as not fitting the page; characters lost {after.lost}, "
          f"duplicated {after.duplicated}")
    if args.out:
        out = Path(args.out)
        relayout.write_pages(pages, out)
        (out / "corrections.toml").write_text(text, encoding="utf-8")
        print(f"wrote {out}/seeds, {out}/gold and {out}/corrections.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
