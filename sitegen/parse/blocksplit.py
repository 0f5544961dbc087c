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

When the block holds fewer groups than bodies, its lines are aligned one by one
(:mod:`.blockorder`), and one body may be given the lines of several headlines printed
with no blank line between them: ``recut_body`` weighs every way to divide those lines
into two or three headlines and the body into as many parts, at boundaries where the
words change (lexical cohesion) between finished sentences, and cuts only when each
headline explains its own part clearly and the neighbouring part clearly worse.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

from . import cohesion
from . import lines as L
from .assign import CUT_COST, EMISSION_WEIGHT
from .cut_points import can_cut
from .blockorder import block_items, block_lines, merged_text, no_cut_before
from .headlines import STACK_TITLES, Group
from .resume import Body
from .paragraphs import Para
from .text import Vocabulary, joined_bigram_set

MERGE_COST = 0.25  # a body boundary of the layout inside one article
CUT_OWN = 0.3  # a cut inside a body: each side's headline covers its side this well ...
CUT_RATIO = 0.5  # ... and the other side's headline covers it at most this share of that
MAX_RUN = 3  # items of the block in one article's headline block
ROUNDS = 4  # divisions tried, each without the cuts its predecessor could not explain
MAX_ITEMS, MAX_PARAS = 16, 90  # beyond this the page is left as the layout cut it
LINES_SHIFT = 0.05  # cohesion across a cut inside one body below this (see .cohesion)
NEAR = 2  # paragraphs a cut at such a shift may move to where the headlines' words place it
MAX_LINES, MAX_SPLIT, MAX_CUTS = 8, 3, 30  # one body's headline lines, articles, cut points weighed


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


def recut_body(items: list[Group], body: Body, vocab: Vocabulary) -> list[tuple[Body, list[Group]]] | None:
    """``body`` cut into several articles, one for each run of ``items`` (the headline
    lines the block order gave it, printed together with no blank line between them)
    when each run explains its own part of the body clearly: (piece, its items) in page
    order; None when it stays whole.

    A new story starts where the words change (lexical cohesion) between finished
    sentences. When no such cut divides the body and its lines hold more titles than one
    head stack prints (STACK_TITLES), the body holds that many stacks' stories at least,
    and related stories need not change their words where they meet: every boundary
    between finished sentences is weighed then, for as many stories as the stacks say."""
    m, n = len(items), len(body.paras)
    if not 2 <= m <= MAX_LINES or not _in_page_order(body) or not 2 <= n <= MAX_PARAS:
        return None
    shifts = {g.index for g in cohesion.gaps([p.parts() for p in body.paras], vocab)
              if g.similarity < LINES_SHIFT}
    shifts = _to_blank_lines(shifts, [p.chunks[0].gap_before for p in body.paras])
    blank = [p.chunks[0].gap_before for p in body.paras]
    starts = {i for i in range(1, n) if blank[i] or i in shifts}
    found = _best_division(items, body, vocab, shifts, MAX_SPLIT, starts)
    titles = _titles(items)
    if found is None and titles > STACK_TITLES:
        found = _best_division(items, body, vocab, starts, -(-titles // STACK_TITLES))
    if found is None:
        return None
    bounds, lines = found
    pieces = _rebuild([body], list(body.paras), [0] * n, bounds)
    return [(piece, items[a:b]) for piece, a, b in zip(pieces, lines, lines[1:])]


def _best_division(items: list[Group], body: Body, vocab: Vocabulary, at: set[int],
                   most: int, near: set[int] = frozenset()) -> tuple[list[int], list[int]] | None:
    """The best division of ``body`` into 2 to ``most`` articles at boundaries ``at``
    (where a sentence ends), each headed by a run of ``items``: (paragraph bounds, item
    bounds), or None when no division explains its cuts (:func:`_division_score`).

    Each cut of the best division may then move to a boundary of ``near`` up to NEAR
    paragraphs away when the division explains the body better there: cohesion compares
    windows of several paragraphs, so where two stories meet it may fall a paragraph or
    two off the boundary, or not at all when the second story opens with a paragraph in
    words the page shares, while each headline's words stop where its story stops. The
    number of stories stays what the cohesion's cuts said."""
    m, n = len(items), len(body.paras)
    cuts = [i for i in sorted(at) if can_cut(body.paras, i)][:MAX_CUTS]
    if not cuts:
        return None
    runs: dict[tuple[int, int], _Run] = {}

    def run(a: int, b: int) -> _Run:
        if (a, b) not in runs:
            runs[(a, b)] = _Run(merged_text(items[a:b]), vocab, body.paras)
        return runs[(a, b)]

    best: tuple[float, list[int], list[int]] | None = None
    starts = [h for h, joined in enumerate(no_cut_before(items)) if h and not joined]  # (as :func:`_titles`)
    for k in range(2, min(m, MAX_SPLIT, most) + 1):
        for heads in itertools.combinations(starts, k - 1):
            lines = [0, *heads, m]
            chosen = [run(a, b) for a, b in zip(lines, lines[1:])]
            single = [[run(i, i + 1) for i in range(a, b)] for a, b in zip(lines, lines[1:])]
            for inner in itertools.combinations(cuts, k - 1):
                bounds = [0, *inner, n]
                score = _division_score(chosen, bounds, single)
                if score is not None and (best is None or score > best[0]):
                    best = (score, bounds, lines)
    if best is None:
        return None
    score, bounds, lines = best
    chosen = [run(a, b) for a, b in zip(lines, lines[1:])]
    single = [[run(i, i + 1) for i in range(a, b)] for a, b in zip(lines, lines[1:])]
    for k in range(1, len(bounds) - 1):
        for q in range(bounds[k] - NEAR, bounds[k] + NEAR + 1):
            if q in near and bounds[k - 1] < q < bounds[k + 1] and can_cut(body.paras, q) \
                    and _moves_to_its_headline(chosen[k - 1], chosen[k], bounds[k], q):
                moved = bounds[:k] + [q] + bounds[k + 1:]
                s = _division_score(chosen, moved, single)
                if s is not None and s > score:
                    score, bounds = s, moved
    return bounds, lines


def _moves_to_its_headline(before: _Run, after: _Run, at: int, to: int) -> bool:
    """Moving a cut from paragraph ``at`` to ``to`` between the stories headed by
    ``before`` and ``after``, does every paragraph it passes over go to the headline whose
    words it holds at least as much? (A paragraph of the first story, holding its words,
    stays with it however well the move scores.)"""
    if to < at:
        return all(after.emission[i] >= before.emission[i] for i in range(to, at))
    return all(before.emission[i] >= after.emission[i] for i in range(at, to))


def _titles(items: list[Group]) -> int:
    """How many titles a block's printed lines hold: a line starts one unless it goes on
    the title above it (a word wrapped, a dash subtitle, an open end, after a label)."""
    return len(items) - sum(no_cut_before(items))


def _division_score(chosen: list[_Run], bounds: list[int], single: list[list[_Run]]) -> float | None:
    """Score of a body divided at ``bounds`` among the headline runs ``chosen`` (in order),
    or None when some cut is not explained: each side's headline must cover its own side
    (CUT_OWN) and clearly better than the other side's headline does (CUT_RATIO).

    A run's words taken as one text cover its side less when one of its lines is only
    partly found there (洮北：花海织锦 / 花卉产业奏响振兴协奏曲): such a run still covers
    its side when its best line does and none of its lines (``single``: each run's lines
    alone) is found better on another side. Otherwise a short line that fits won its side
    alone and pushed the rest of its headline onto the next story."""
    sides = list(zip(bounds, bounds[1:]))
    share = [r.cover(p, q) for r, (p, q) in zip(chosen, sides)]
    own = list(share)
    for k, (xs, (p, q)) in enumerate(zip(single, sides)):
        if own[k] < CUT_OWN and len(xs) > 1 and all(
                x.cover(p, q) >= max(x.cover(p2, q2) for p2, q2 in sides) for x in xs):
            own[k] = max(x.cover(p, q) for x in xs)
    if min(own) < CUT_OWN:
        return None
    for k in range(1, len(chosen)):
        before, after = sides[k - 1], sides[k]
        if chosen[k].cover(*before) > CUT_RATIO * own[k - 1] or chosen[k - 1].cover(*after) > CUT_RATIO * own[k]:
            return None
    affinity = sum(sum(r.emission[p:q]) for r, (p, q) in zip(chosen, sides))
    lines = sum(x.cover(p, q) for xs, (p, q) in zip(single, sides) for x in xs)
    return lines + EMISSION_WEIGHT * affinity - CUT_COST * (len(chosen) - 1)


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
    if fixed or by_line:  # continued bodies may go without a headline, or a headline take
        # several lines: the block's count no longer says how many stories there are, so
        # a cut needs the words to change there as well
        cuts &= _shifts(order, vocab)
    m = len(items)
    # (a headline goes on past a wrapped word, a dash subtitle, an open end, a label, a
    # kicker announcing a statement: as the block order reads them)
    joined = no_cut_before(items) + [False]
    longest = MAX_RUN + 1 if by_line else MAX_RUN  # lines: kicker, two headline lines, subtitle
    # lines sharing no words with the page (a kicker, a column name) head no story of
    # their own and do not dilute the lines they are printed with
    decor = [by_line and _Run(it.match_text, vocab, paras).cover(0, n) == 0 for it in items]
    runs = {(a, b): _Run(merged_text([it for it, d in zip(items[a:b], decor[a:b]) if not d]), vocab, paras)
            for a in range(m) for b in range(a + 1, min(m, a + longest) + 1)
            if not joined[a] and not joined[b] and not all(decor[a:b])}
    for _ in range(ROUNDS):
        found = _divide(runs, m, n, starts, cuts, fixed, _dated(paras, starts))
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
    return _rebuild(order, paras, owner, bounds)


def _dated(paras: list[Para], starts: set[int]) -> set[int]:
    """Body starts whose first paragraph opens with a dateline (新华社北京１月２６日电…,
    本报讯): a dateline opens a story and is printed nowhere inside one, so no article runs
    on across such a boundary."""
    return {i for i in starts if i and L.DATELINE_START_RE.match(paras[i].raw)}


def _divide(runs: dict, m: int, n: int, starts: set[int], cuts: set[int], fixed: dict[int, int],
            dated: set[int] = frozenset()):
    """The best division: (segment bounds from 0 to n, the item run of each segment).
    The first segment of a body in ``fixed`` (its first paragraph -> the one after its
    last) may go without a headline (None); no segment swallows a start in ``dated``."""
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
                    if q - 1 in dated:
                        break
                    merged += 1  # the segment swallows a body boundary
                if q not in ends:
                    continue
                rest, tail = best(b, q)
                if rest == float("-inf"):
                    continue
                s = cover + EMISSION_WEIGHT * affinity \
                    - MERGE_COST * merged - (CUT_COST if q in cuts else 0.0) + rest
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


def _shifts(order: list[Body], vocab: Vocabulary) -> set[int]:
    """Page paragraph indices (bodies ``order`` in page order) where the words change
    within a body (lexical cohesion below LINES_SHIFT)."""
    out: set[int] = set()
    first = 0
    for body in order:
        out |= {first + g.index for g in cohesion.gaps([p.parts() for p in body.paras], vocab)
                if g.similarity < LINES_SHIFT}
        first += len(body.paras)
    return out


def _first(owner: list[int], i: int) -> int:
    """Index in the page's paragraphs of the first paragraph of paragraph i's body."""
    while i > 0 and owner[i - 1] == owner[i]:
        i -= 1
    return i


class _Run:
    """Coverage of one headline text by runs of paragraphs, computed incrementally."""

    def __init__(self, text: str, vocab: Vocabulary, paras: list[Para]):
        grams = list(dict.fromkeys(g for g in _grams(text)))
        self.weights = [vocab.idf(g) for g in grams]
        self.total = sum(self.weights) or 1.0
        sets = [joined_bigram_set(p.parts()) if not p.subhead else set() for p in paras]
        self.hits = [frozenset(k for k, g in enumerate(grams) if g in s) for s in sets]
        self.emission = [sum(self.weights[k] for k in h) / self.total for h in self.hits]

    def cover(self, p: int, q: int) -> float:
        found: set[int] = set()
        for h in self.hits[p:q]:
            found |= h
        return self.covered(found)

    def covered(self, found: set[int] | frozenset[int]) -> float:
        return sum(self.weights[k] for k in found) / self.total


def _grams(text: str) -> frozenset[str]:
    return joined_bigram_set([text])


def _rebuild(order: list[Body], paras: list[Para], owner: list[int], bounds: list[int]) -> list[Body]:
    out: list[Body] = []
    for a, b in zip(bounds, bounds[1:]):
        part = paras[a:b]
        first_body = order[owner[a]]
        starts_body = a == 0 or owner[a - 1] != owner[a]
        nb = Body(list(part), first_body.start if starts_body else "split")
        spans: list[tuple[int, int]] = []
        for k in dict.fromkeys(owner[a:b]):
            mine = [p for p, o in zip(part, owner[a:b]) if o == k]
            whole = len(mine) == len(order[k].paras)
            spans.extend(order[k].spans if whole else _within(order[k].spans, mine[0].line,
                                                               mine[-1].chunks[-1].lines[-1].no))
            if mine[0] is order[k].paras[0]:
                nb.embedded.extend(order[k].embedded)
        nb.spans = spans
        out.append(nb)
    return out


def _within(spans: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` between lines ``first`` and ``last``."""
    return [(max(a, first), min(b, last)) for a, b in spans if b >= first and a <= last]


def _to_blank_lines(shifts: set[int], blank: list[bool]) -> set[int]:
    """Boundaries where a new story may start: the shifts, and next to a shift printed
    with no blank line before it, a neighbouring boundary printed with one. The words
    are compared over windows of several paragraphs, so the lowest cohesion may fall a
    paragraph away from where the stories meet; stories are set apart by a blank line
    where the paragraphs inside them are not (``blank[i]``: a blank line before
    paragraph i). The headlines' coverage still decides which cut is taken."""
    near = {i + d for i in shifts if not blank[i] for d in (-1, 1)}
    return shifts | {j for j in near if 0 < j < len(blank) and blank[j]}


def _in_page_order(body: Body) -> bool:
    """Are the body's spans printed one after another down the page (a story and the
    credit printed on its own under it, a 下转 line between them), so that a cut between
    its paragraphs leaves each part its own lines?"""
    return bool(body.spans) and all(a[1] < b[0] for a, b in zip(body.spans, body.spans[1:]))


def _one_run(body: Body, bodies: list[Body]) -> bool:
    """Is ``body`` one run of the page: its spans in page order with no other body's
    text printed between them?"""
    if not _in_page_order(body):
        return False
    lo, hi = body.spans[0][0], body.spans[-1][1]
    return not any(other is not body and any(a <= hi and b >= lo for a, b in other.spans)
                   for other in bodies)
