"""A body cut by the lines of a headline block the block order gave it (issue 18, kind 2).

When the page's block holds fewer groups than bodies, its lines are aligned one by one
(:mod:`.blockorder`), and one body may be given the lines of several headlines printed
with no blank line between them: ``recut_body`` weighs every way to divide those lines
into two or three headlines and the body into as many parts, at boundaries where the
words change (lexical cohesion) between finished sentences, and cuts only when each
headline explains its own part clearly and the neighbouring part clearly worse.
"""
from __future__ import annotations

import itertools

from . import cohesion
from .assign import COHESION_COST, CUT_COST, EMISSION_WEIGHT
from .blockjoins import no_cut_before
from .blockorder import merged_text
from .blockruns import CUT_OWN, CUT_RATIO, LINES_SHIFT, Run, in_page_order, rebuild
from .cut_points import can_cut
from .headlines import STACK_TITLES, Group
from .resume import Body
from .text import Vocabulary

SOLE_OWN = 0.1  # ... or this well, when no other headline's words are on its side nor its own on theirs
NEAR = 2  # paragraphs a cut at such a shift may move to where the headlines' words place it
MAX_LINES, MAX_SPLIT, MAX_PARAS, MAX_CUTS = 8, 3, 90, 30  # headline lines, articles, paragraphs, cut points


def recut_body(items: list[Group], body: Body, vocab: Vocabulary) -> list[tuple[Body, list[Group]]] | None:
    """``body`` cut into several articles, one for each run of ``items`` (the headline
    lines the block order gave it, printed together with no blank line between them)
    when each run explains its own part of the body clearly: (piece, its items) in page
    order; None when it stays whole.

    A new story starts where the words change (lexical cohesion) between finished
    sentences; of two such cuts the headlines explain as well, the one where the words
    change most (COHESION_COST). A cut found there may move a paragraph or two to where
    the headlines' words place it (:func:`_best_division`). When no such cut divides the
    body and its lines hold more titles than one head stack prints (STACK_TITLES), the
    body holds that many stacks' stories at least, and related stories need not change
    their words where they meet: every boundary between finished sentences where a story
    may start is weighed then (after a blank line or at a shift: stories are set apart on
    the page, a story's own paragraphs need not be), for as many stories as the stacks say."""
    m, n = len(items), len(body.paras)
    if not 2 <= m <= MAX_LINES or not in_page_order(body) or not 2 <= n <= MAX_PARAS:
        return None
    sims = {g.index: g.similarity for g in cohesion.gaps([p.parts() for p in body.paras], vocab)}
    blank = [p.chunks[0].gap_before for p in body.paras]
    shifts = to_blank_lines({i for i, s in sims.items() if s < LINES_SHIFT}, blank)
    starts = {i for i in range(1, n) if blank[i] or i in shifts}
    found = _best_division(items, body, vocab, shifts, MAX_SPLIT, starts,
                           {i: COHESION_COST * s for i, s in sims.items() if i in shifts})
    titles = _titles(items)
    if found is None and titles > STACK_TITLES:
        found = _best_division(items, body, vocab, starts, -(-titles // STACK_TITLES))
    if found is None:
        return None
    bounds, lines = found
    pieces = rebuild([body], list(body.paras), [0] * n, bounds)
    return [(piece, items[a:b]) for piece, a, b in zip(pieces, lines, lines[1:])]


def _best_division(items: list[Group], body: Body, vocab: Vocabulary, at: set[int], most: int,
                   near: set[int] = frozenset(), cost: dict[int, float] | None = None,
                   ) -> tuple[list[int], list[int]] | None:
    """The best division of ``body`` into 2 to ``most`` articles at boundaries ``at``
    (where a sentence ends), each headed by a run of ``items``: (paragraph bounds, item
    bounds), or None when no division explains its cuts (:func:`_division_score`).

    Each cut of the best division may then move to a boundary of ``near`` up to NEAR
    paragraphs away when the division explains the body better there: cohesion compares
    windows of several paragraphs, so where two stories meet it may fall a paragraph or
    two off the boundary, or not at all when the second story opens with a paragraph in
    words the page shares, while each headline's words stop where its story stops. The
    number of stories stays what the cohesion's cuts said. ``cost``: what a cut at a
    boundary costs besides (of two cuts the headlines explain as well, the one where the
    words change most)."""
    m, n = len(items), len(body.paras)
    cuts = [i for i in sorted(at) if can_cut(body.paras, i)][:MAX_CUTS]
    if not cuts:
        return None
    runs: dict[tuple[int, int], Run] = {}

    def run(a: int, b: int) -> Run:
        if (a, b) not in runs:
            runs[(a, b)] = Run(merged_text(items[a:b]), vocab, body.paras)
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
                if score is not None and cost:
                    score -= sum(cost.get(i, 0.0) for i in inner)
                if score is not None and (best is None or score > best[0]):
                    best = (score, bounds, lines)
    if best is None:
        return None
    _, bounds, lines = best
    chosen = [run(a, b) for a, b in zip(lines, lines[1:])]
    single = [[run(i, i + 1) for i in range(a, b)] for a, b in zip(lines, lines[1:])]
    score = _division_score(chosen, bounds, single)  # (a move is judged by the headlines' words)
    for k in range(1, len(bounds) - 1):
        for q in range(bounds[k] - NEAR, bounds[k] + NEAR + 1):
            if q in near and bounds[k - 1] < q < bounds[k + 1] and can_cut(body.paras, q) \
                    and _moves_to_its_headline(chosen[k - 1], chosen[k], bounds[k], q):
                moved = bounds[:k] + [q] + bounds[k + 1:]
                s = _division_score(chosen, moved, single)
                if s is not None and s > score:
                    score, bounds = s, moved
    return bounds, lines


def _moves_to_its_headline(before: Run, after: Run, at: int, to: int) -> bool:
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


def _division_score(chosen: list[Run], bounds: list[int], single: list[list[Run]]) -> float | None:
    """Score of a body divided at ``bounds`` among the headline runs ``chosen`` (in order),
    or None when some cut is not explained: each side's headline must cover its own side
    (CUT_OWN) and clearly better than the other side's headline does (CUT_RATIO).

    A run's words taken as one text cover its side less when one of its lines is only
    partly found there (洮北：花海织锦 / 花卉产业奏响振兴协奏曲): such a run still covers
    its side when its best line does and none of its lines (``single``: each run's lines
    alone) is found better on another side. Otherwise a short line that fits won its side
    alone and pushed the rest of its headline onto the next story. A headline whose words
    are found on its own side only, and no other headline's there, explains its side from
    SOLE_OWN on (:func:`_sole`)."""
    sides = list(zip(bounds, bounds[1:]))
    share = [r.cover(p, q) for r, (p, q) in zip(chosen, sides)]
    own = list(share)
    for k, (xs, (p, q)) in enumerate(zip(single, sides)):
        if own[k] < CUT_OWN and len(xs) > 1 and all(
                x.cover(p, q) >= max(x.cover(p2, q2) for p2, q2 in sides) for x in xs):
            own[k] = max(x.cover(p, q) for x in xs)
    if any(o < CUT_OWN and not (o >= SOLE_OWN and _sole(chosen, sides, k)) for k, o in enumerate(own)):
        return None
    for k in range(1, len(chosen)):
        before, after = sides[k - 1], sides[k]
        if chosen[k].cover(*before) > CUT_RATIO * own[k - 1] or chosen[k - 1].cover(*after) > CUT_RATIO * own[k]:
            return None
    affinity = sum(sum(r.emission[p:q]) for r, (p, q) in zip(chosen, sides))
    lines = sum(x.cover(p, q) for xs, (p, q) in zip(single, sides) for x in xs)
    return lines + EMISSION_WEIGHT * affinity - CUT_COST * (len(chosen) - 1)


def _sole(chosen: list[Run], sides: list[tuple[int, int]], k: int) -> bool:
    """Are the words of headline ``k`` found on its own side only, and no other
    headline's words on that side? Then the headline explains its side though it holds few
    of its story's words (a kicker printed on its line, 民营经济…·企业家风采田睿：…)."""
    p, q = sides[k]
    return all(r.cover(p, q) == 0 and chosen[k].cover(*side) == 0
               for j, (r, side) in enumerate(zip(chosen, sides)) if j != k)


def to_blank_lines(shifts: set[int], blank: list[bool]) -> set[int]:
    """Boundaries where a new story may start: the shifts, and next to a shift printed
    with no blank line before it, a neighbouring boundary printed with one. The words
    are compared over windows of several paragraphs, so the lowest cohesion may fall a
    paragraph away from where the stories meet; stories are set apart by a blank line
    where the paragraphs inside them are not (``blank[i]``: a blank line before
    paragraph i). The headlines' coverage still decides which cut is taken."""
    near = {i + d for i in shifts if not blank[i] for d in (-1, 1)}
    return shifts | {j for j in near if 0 < j < len(blank) and blank[j]}
