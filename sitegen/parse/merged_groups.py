"""Two headline blocks printed together and merged into one group: divide the group when the
body it matched is really two articles run together, each block covering its own half
(:func:`split_merged_group`, asked by :func:`.assign.split_bodies`)."""
from __future__ import annotations

from typing import Callable, Iterator

from . import cohesion
from .bigrams import bigram_set, side_grams
from .cut_points import can_cut
from .headlines import STACK_TITLES, Group, Unit, opens_statement
from .resume import Body
from .paragraphs import Para
from .text import Vocabulary


SPLIT_MIN = 0.4  # each part of a divided headline block must match its own text this well
SPLIT_RATIO = 0.3  # ... and the other part's text at most this share of that
SPLIT_PARAS = 2  # paragraphs in each part: one paragraph quoting a headline is no article
SPLIT_SHIFT = 0.05  # where cohesion across the cut is below this (the words change) ...
SPLIT_MIN_SHIFT = 0.2  # ... this bound replaces SPLIT_MIN


def split_merged_group(body: Body, group: Group, vocab: Vocabulary) -> list[Group] | None:
    """Two headline blocks printed together (several headlines grouped after several
    bodies) whose units all matched one body best were merged into one group; when that
    body is really two articles run together, each block matches its own half. Returns
    the two blocks when some sentence-final paragraph boundary divides the body so that
    each block covers its half well (≥ SPLIT_MIN, or SPLIT_MIN_SHIFT where the words
    change across the boundary: lexical cohesion below SPLIT_SHIFT) and the other half
    clearly worse (≤ SPLIT_RATIO of that), else None. Content of both halves decides,
    never how strongly a single line matches: a kicker matching the lead stays with its
    headline."""
    paras = body.paras
    n = len(paras)
    units = group.units
    # more titles than one head stack prints: two stacks, so a one-paragraph brief may
    # be one of the two articles (each block then a whole stack)
    stacks = sum(not u.label for u in units) > STACK_TITLES
    least = 1 if stacks else SPLIT_PARAS
    cuts = [i for i in range(least, n - least + 1) if can_cut(paras, i)]
    if not cuts or len(cuts) > 60 or len(units) > 6:
        return None
    divisions = list(_divisions(units, STACK_TITLES if stacks else len(units)))
    if not divisions:
        return None
    best = None
    floor = _floors(paras, vocab)
    # each half's bigrams among the blocks' (all a coverage reads)
    grams = frozenset().union(*(bigram_set(t) for _s, ta, tb in divisions for t in (ta, tb)))
    sides = [(i, a, b) for i, (a, b) in zip(cuts, side_grams([p.parts() for p in paras], cuts, grams))]
    for s, ta, tb in divisions:
        for i, left, right in sides:
            for x, y in ((ta, tb), (tb, ta)):
                own1, own2 = vocab.coverage(x, left), vocab.coverage(y, right)
                oth1, oth2 = vocab.coverage(y, left), vocab.coverage(x, right)
                # (the floor last: it measures cohesion, which the other tests mostly spare)
                if oth1 > SPLIT_RATIO * own2 or oth2 > SPLIT_RATIO * own1 or min(own1, own2) < floor(i):
                    continue
                score = own1 + own2 - oth1 - oth2
                if best is None or score > best[0]:
                    best = (score, s)
    if best is None:
        return None
    s = best[1]
    return [Group(list(units[:s]), region=group.region), Group(list(units[s:]), region=group.region)]


def _divisions(units: list[Unit], most: int) -> Iterator[tuple[int, str, str]]:
    """The ways to divide a group's units in two blocks worth trying: (units in the
    first block, its text, the second's text). A block of subtitles only, or one of
    labels and subtitles only, heads no article; neither block holds more than ``most``
    titles (labels aside); a title ending on a verb announcing a statement (…批示指出)
    stays with the title under it, which says what was stated."""
    for s in range(1, len(units)):
        a, b = units[:s], units[s:]
        if all(u.subtitle for u in b) or all(u.subtitle or u.label for u in a) or opens_statement(a[-1].text) \
                or max(sum(not u.label for u in x) for x in (a, b)) > most:
            continue
        ta = "".join(u.text for u in a if not u.label) or "".join(u.text for u in a)
        tb = "".join(u.text for u in b if not u.label) or "".join(u.text for u in b)
        yield s, ta, tb


def _floors(paras: list[Para], vocab: Vocabulary) -> Callable[[int], float]:
    """The least coverage of its half a block needs for a cut before paragraph ``i``:
    SPLIT_MIN_SHIFT where the words change across the cut, else SPLIT_MIN. The cohesion
    is measured at a boundary the first time it is asked for (few candidate cuts get
    that far; measuring every boundary of every body took ~5 % of the parse)."""
    parts = [p.parts() for p in paras]
    grams: list[frozenset[str]] = []
    known: dict[int, float] = {}

    def floor(i: int) -> float:
        if i not in known:
            if not grams:
                grams.extend(cohesion.topic_grams(p, vocab) for p in parts)
            at_i = [k == i for k in range(len(parts))]
            shifted = any(g.similarity < SPLIT_SHIFT for g in cohesion.gaps(parts, vocab, at_i, grams=grams))
            known[i] = SPLIT_MIN_SHIFT if shifted else SPLIT_MIN
        return known[i]
    return floor
