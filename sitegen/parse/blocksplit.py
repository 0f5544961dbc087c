"""Bodies re-cut to fit a page's headline block (issue 18: the count of headlines in a
block bounds and suggests the number of bodies).

On a page whose headlines are all printed together in one block (top or end), in the
order of the bodies they head, the page's paragraphs are divided into as many articles
as the block holds headlines: contiguous runs of the block's items go, in order, to
contiguous runs of paragraphs (dynamic programming). A run of paragraphs scores the
words its headline finds in it (the coverage of :mod:`.assign`, plus the paragraph by
paragraph affinity that places a cut), minus a cost for every cut inside a body (only
between finished sentences, as :func:`.cut_points.can_cut` allows) and for every body
boundary the run swallows. The bodies are re-cut only when the best division differs
from the bodies the layout gave; otherwise nothing changes. A body continuing a story
from another page (上接…) may open with a segment that takes no headline: the longest such
segment the headlines leave unexplained, cut only where the words change as well (with
such bodies the count of headlines no longer fixes the count of stories).


One body given the lines of several headlines by the block order is cut by them in
:mod:`.blocklines`.
"""
from __future__ import annotations

from functools import lru_cache

from . import cohesion
from . import lines as L
from .assign import COHESION_COST, CUT_COST, EMISSION_WEIGHT
from .blockruns import CUT_OWN, CUT_RATIO, LINES_SHIFT, Run, in_page_order, rebuild
from .cut_points import can_cut
from .blockjoins import no_cut_before
from .blockorder import block_items, block_lines, merged_text
from .headlines import Group
from .resume import Body
from .paragraphs import Para
from .text import Vocabulary

MERGE_COST = 0.25  # a body boundary of the layout inside one article
MAX_RUN = 3  # items of the block in one article's headline block
ROUNDS = 4  # divisions tried, each without the cuts its predecessor could not explain
MAX_ITEMS, MAX_PARAS = 16, 90  # beyond this the page is left as the layout cut it


def resegment(structural: list[list[Group]], bodies: list[Body], vocab: Vocabulary,
              continued: frozenset[int] = frozenset()) -> list[Body] | None:
    """Bodies re-cut to the block's headlines, or None when the page has no such block,
    some body is not one run of the page (its lines in order, no other body printed
    between them: a story and the credit under its 下转 line are one), or the division
    changes nothing.
    ``continued``: indices of bodies that continue an article from elsewhere (上接…): the
    story such a body opens may go without a headline of the block (its headline may be
    on another page), and a story run into it is cut off where a headline of the block
    explains it and the words change."""
    items, by_line = block_items(structural, bodies), False
    if items is None:  # one group: its printed lines, which may be more than its headlines
        items, by_line = block_lines(structural, bodies), True
    if items is None or len(items) > MAX_ITEMS:
        return None
    most = len(items) - sum(no_cut_before(items))  # headlines at most
    if most < max(2, len(bodies)):
        return None  # (fewer headlines than bodies: some headline was not recognised)
    ranked = sorted(range(len(bodies)), key=lambda i: bodies[i].line)
    order = [bodies[i] for i in ranked]
    if not all(_one_run(b, order) for b in order) or any(
            a.spans[-1][1] >= b.spans[0][0] for a, b in zip(order, order[1:])):
        return None
    return _recut(items, order, vocab, {k for k, i in enumerate(ranked) if i in continued}, by_line)


def _recut(items: list[Group], order: list[Body], vocab: Vocabulary,
           headless: set[int] = frozenset(), by_line: bool = False) -> list[Body] | None:
    """The paragraphs of ``order`` (bodies in page order) divided among runs of ``items``,
    the story opening each body of ``headless`` (indices into ``order``) allowed to go
    without one; None when the division changes nothing. ``by_line``: the items are the
    printed lines of one block (a headline may take several, so their count does not
    say how many stories there are)."""
    paras = [p for b in order for p in b.paras]
    owner = [k for k, b in enumerate(order) for _ in b.paras]
    n = len(paras)
    if n > MAX_PARAS or n < 2:
        return None
    starts = {0} | {i for i in range(1, n) if owner[i] != owner[i - 1]}
    fixed = {i: i + len(order[owner[i]].paras) for i in starts if owner[i] in headless}
    cuts = {i for i in range(1, n) if i not in starts
            and can_cut(order[owner[i]].paras, i - _first(owner, i))}
    cost: dict[int, float] = {}
    if fixed or by_line:  # continued bodies may go without a headline, or a headline take
        # several lines: the block's count no longer says how many stories there are, so
        # a cut needs the words to change there as well; of two such cuts the headlines
        # explain as well, the one where the words change most (COHESION_COST)
        sims = _cohesion(order, vocab)
        cuts &= {i for i, s in sims.items() if s < LINES_SHIFT}
        cost = {i: COHESION_COST * sims[i] for i in cuts}
    m = len(items)
    # (a headline goes on past a wrapped word, a dash subtitle, an open end, a label, a
    # kicker announcing a statement: as the block order reads them)
    joined = no_cut_before(items) + [False]
    longest = MAX_RUN + 1 if by_line else MAX_RUN  # lines: kicker, two headline lines, subtitle
    # lines sharing no words with the page (a kicker, a column name) head no story of
    # their own and do not dilute the lines they are printed with
    decor = [by_line and Run(it.match_text, vocab, paras).cover(0, n) == 0 for it in items]
    runs = {(a, b): Run(merged_text([it for it, d in zip(items[a:b], decor[a:b]) if not d]), vocab, paras)
            for a in range(m) for b in range(a + 1, min(m, a + longest) + 1)
            if not joined[a] and not joined[b] and not all(decor[a:b])}
    for _ in range(ROUNDS):
        found = _divide(runs, m, n, starts, cuts, fixed, _hard_starts(paras, starts, fixed), cost)
        if found is None:
            return None
        bounds, chosen = found
        wrong = _unexplained_cuts(runs, bounds, chosen, cuts)
        if not wrong:
            break
        cuts -= wrong
    else:
        return None
    if set(bounds[1:]) == (starts - {0}) | {n}:
        return None
    return rebuild(order, paras, owner, bounds)


def _hard_starts(paras: list[Para], starts: set[int], continued: dict[int, int]) -> set[int]:
    """Body starts no article runs on across: one whose first paragraph opens with a
    dateline (新华社北京１月２６日电…, 本报讯), which opens a story and is printed nowhere
    inside one; one that continues a story from another page (上接…: ``continued``, its
    start -> end), where the story's text on this page begins; and one right after a
    paragraph closed by a 下转 marker, where the text above jumps to another page and
    nothing more of it is printed here."""
    return {i for i in starts if i and (L.DATELINE_START_RE.match(paras[i].raw) or i in continued
                                         or paras[i - 1].end_marker)}


def _divide(runs: dict, m: int, n: int, starts: set[int], cuts: set[int], fixed: dict[int, int],
            hard: set[int] = frozenset(), cost: dict[int, float] | None = None):
    """The best division: (segment bounds from 0 to n, the item run of each segment).
    The first segment of a body in ``fixed`` (its first paragraph -> the one after its
    last) may go without a headline (None); no segment swallows a start in ``hard``; a
    cut at ``q`` costs CUT_COST and ``cost[q]``."""
    cost = cost or {}
    ends = starts | cuts | {n}

    @lru_cache(maxsize=None)
    def best(a: int, p: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score of items[a:] over paras[p:]: segments (q, a, b) chosen."""
        top: tuple[float, tuple[tuple[int, int, int], ...]] = (float("-inf"), ())
        for q in range(fixed.get(p, p), p, -1):  # the continued story without a headline
            # (tried first and longest first: it keeps what no headline explains)
            if q in ends:
                rest, tail = best(a, q)
                if rest > top[0]:
                    top = (rest, ((q, -1, -1),) + tail)
        if a == m:
            return (0.0, ()) if p == n else top
        for b in range(a + 1, m + 1):
            run = runs.get((a, b))
            if run is None:
                continue
            merged = 0
            found: set[int] = set()  # the run's bigrams found in paras[p:q], grown with q
            cover = affinity = 0.0
            for q in range(p + 1, n + 1):
                new = run.hits[q - 1] - found
                if new:
                    found |= new
                    cover += run.covered(new)
                affinity += run.emission[q - 1]
                if q - 1 > p and (q - 1) in starts:
                    if q - 1 in hard:
                        break
                    merged += 1  # the segment swallows a body boundary
                if q not in ends:
                    continue
                rest, tail = best(b, q)
                if rest == float("-inf"):
                    continue
                s = cover + EMISSION_WEIGHT * affinity \
                    - MERGE_COST * merged - (CUT_COST + cost.get(q, 0.0) if q in cuts else 0.0) + rest
                if s > top[0]:
                    top = (s, ((q, a, b),) + tail)
        return top

    total, segs = best(0, 0)
    if total == float("-inf"):
        return None
    return [0, *(q for q, _a, _b in segs)], [None if a < 0 else (a, b) for _q, a, b in segs]


def _unexplained_cuts(runs: dict, bounds: list[int], chosen: list[tuple[int, int] | None],
                      cuts: set[int]) -> set[int]:
    """Cuts inside a body where the headlines on either side do not each explain their own
    side clearly (CUT_OWN) and clearly better than the other one does (CUT_RATIO)."""
    wrong = set()
    for k in range(1, len(chosen)):
        q = bounds[k]
        if q not in cuts:
            continue
        before, after = (bounds[k - 1], q), (q, bounds[k + 1])
        if chosen[k - 1] is None:  # a story cut off a continued one: its headline must
            # cover it, and the continued story clearly worse
            right = runs[chosen[k]]
            own_r = right.cover(*after)
            if own_r < CUT_OWN or right.cover(*before) > CUT_RATIO * own_r:
                wrong.add(q)
            continue
        left, right = runs[chosen[k - 1]], runs[chosen[k]]
        own_l, own_r = left.cover(*before), right.cover(*after)
        if min(own_l, own_r) < CUT_OWN or right.cover(*before) > CUT_RATIO * own_l \
                or left.cover(*after) > CUT_RATIO * own_r:
            wrong.add(q)
    return wrong


def _cohesion(order: list[Body], vocab: Vocabulary) -> dict[int, float]:
    """The lexical cohesion at each paragraph boundary inside a body, by page paragraph
    index (bodies ``order`` in page order)."""
    out: dict[int, float] = {}
    first = 0
    for body in order:
        out.update((first + g.index, g.similarity) for g in cohesion.gaps([p.parts() for p in body.paras], vocab))
        first += len(body.paras)
    return out


def _first(owner: list[int], i: int) -> int:
    """Index in the page's paragraphs of the first paragraph of paragraph i's body."""
    while i > 0 and owner[i - 1] == owner[i]:
        i -= 1
    return i


def _one_run(body: Body, bodies: list[Body]) -> bool:
    """Is ``body`` one run of the page: its spans in page order with no other body's
    text printed between them?"""
    if not in_page_order(body):
        return False
    lo, hi = body.spans[0][0], body.spans[-1][1]
    return not any(other is not body and any(a <= hi and b >= lo for a, b in other.spans)
                   for other in bodies)
