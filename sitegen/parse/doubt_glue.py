"""Self-doubt for two stories run together where one ends a sentence and the next begins
after a blank line (issue 18): the commonest boundary error, which the whole-body
``halves`` cue (:mod:`.doubt_cues`) misses when the two stories share a subject.

A blank line after a finished sentence is no cut on its own: a column break inside one
story prints the same. Only the boundary where the body's words change most (its deepest
lexical-cohesion valley, :mod:`.cohesion`, as in Hearst's TextTiling) is weighed, and
only when a story may start there. Two measures must agree for a doubt:

* the valley is deep: cohesion across it below VALLEY of the body's median;
* the body's headline is found on one side of it (coverage ≥ OWN_SIDE) and hardly on
  the other side (at most FAR_SHARE of that), which holds FAR_CHARS characters or more:
  a headline sums up its whole story, and a part of a story that long shares its words.

Measured on the tuning pages (RNG 1-5, 100 pages each) as wrong / right articles newly
doubted: default 1 / 3, pool 8 / 2 (with none of the headline's words on the other side:
0 / 1 and 5 / 1; without the valley test 2 / 1 and 5 / 9). Tried and
dropped: a deep valley on a page that left a headline to no article (the page's count
saying a story lost its own): 0 wrong / 10 right newly doubted on the deciding sets.
"""
from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

from . import cohesion
from .assign import Assignment, Scorer
from .cut_points import can_cut
from .bigrams import bigram_set
from .complete import cut_sides
from .resume import Body
from .text import Vocabulary, joined_bigram_set

# the valley: cohesion across it below this share of the body's median (RNG 1-5, 100 pages:
# 0.4 caught 4 wrong articles and no right one on the pool, 0.5 5 and 1, 0.7 5 and 6)
VALLEY = 0.5
# the headline covers one side of the valley this well (coverage of its words) ...
OWN_SIDE = 0.3
# ... and the other side, this long at least (characters), hardly: chosen on RNG 1-5 (100
# pages, without the valley test): at 150 it doubted 36 right articles for 5 wrong on the
# default pages, at 200 1 for 2
FAR_CHARS = 200
# "hardly": at most this share of the first side's coverage (0: none of the headline's
# words; 0.2 on RNG 1-5, 100 pages: +1 / +3 wrong and +3 / +1 right articles doubted, default /
# pool; on the deciding pool 101-105 +1 wrong and +1 right, elsewhere no change)
FAR_SHARE = 0.2


@dataclass(frozen=True)
class Boundary:
    """What :func:`boundary` answered for ``body`` under ``headline``: the index of the
    paragraph where two stories may run together, or None. The placement asks first
    (:mod:`.glue_cut`) and hands its answers on in the page's record
    (:attr:`.place.Placement.boundaries`), so the doubt does not ask again for a body it
    left as it was."""

    body: Body
    headline: str
    at: int | None


def glue(bodies: list[Body], grams: list[list[set[str]]], result: Assignment, scorer: Scorer,
         known: Sequence[Boundary] = ()) -> list[int]:
    """For every body, the first line after the boundary where two stories may run
    together, or 0. ``grams``: the topic bigrams of each body's paragraphs, subheads
    aside (:func:`.cohesion.topic_grams`, as :mod:`.doubts` has them); ``known``: answers
    already found for some of these bodies (the same body object, the same headline)."""
    answers = {(id(k.body), k.headline): k for k in known}
    out = []
    for i, body in enumerate(bodies):
        head = result.by_body.get(i)
        if head is None:
            out.append(0)
            continue
        k = answers.get((id(body), head.match_text))
        found = k.at if k is not None and k.body is body else boundary(body, head.match_text, scorer, i, grams[i])
        out.append(0 if found is None else body.paras[found].line)
    return out


def boundary(body: Body, headline: str, scorer: Scorer, i: int,
             grams: list[set[str]] | None = None) -> int | None:
    """Index of the paragraph of ``body`` (``i`` for ``scorer``) where two stories may run
    together under ``headline``, or None. ``grams``: the topic bigrams of its paragraphs,
    subheads aside, when known (:func:`.cohesion.topic_grams`)."""
    if not _may_be_one_sided(body, headline, scorer, i):
        return None
    vocab = scorer.vocab
    if grams is None:
        grams = [cohesion.topic_grams(p.parts(), vocab) for p in body.paras if not p.subhead]
    at = _valley(body, grams, vocab)
    return at if at is not None and _zero_side(body, at, headline, vocab) else None


def _valley(body: Body, grams: list[set[str]], vocab: Vocabulary) -> int | None:
    """Index of the paragraph after the body's deepest valley when it is deep (below
    VALLEY of the median) and a story may start there (a finished sentence, then a blank
    line), else None. ``grams``: the topic bigrams of its paragraphs, subheads aside."""
    paras = body.paras
    idx = [k for k, p in enumerate(paras) if not p.subhead]
    if len(idx) < 2:
        return None
    found = cohesion.gaps([paras[k].parts() for k in idx], vocab, grams=grams)
    deepest = cohesion.deepest(found)
    if deepest is None:
        return None
    sims = sorted(g.similarity for g in found)
    at = idx[deepest.index]
    if deepest.similarity >= VALLEY * sims[len(sims) // 2]:
        return None
    return at if paras[at].chunks[0].gap_before and can_cut(paras, at) else None


def _may_be_one_sided(body: Body, headline: str, scorer: Scorer, i: int) -> bool:
    """Can :func:`_zero_side` hold at any boundary where a story may start? (A cheap
    bound, tested before the valley is looked for: the near side covers the headline at
    most as well as the whole body, and a far side at least as well as the shortest
    opening or closing run of paragraphs FAR_CHARS long that ends at such a boundary, read
    part by part; ``i``: the body's index for ``scorer``.)"""
    paras = body.paras
    if len(paras) < 3:  # one or two boundaries: none below VALLEY of the median
        return False
    whole = scorer.content(headline, i) if not any(p.subhead for p in paras) else \
        scorer.vocab.coverage(headline, joined_bigram_set([t for p in paras for t in p.parts()]))
    if whole < OWN_SIDE:
        return False
    before = [0]
    for p in paras:
        before.append(before[-1] + len(p.raw))
    total = before[-1]
    may = lambda k: paras[k].chunks[0].gap_before and can_cut(paras, k)  # noqa: E731
    opening = next((k for k in range(1, len(paras)) if before[k] >= FAR_CHARS and may(k)), None)
    closing = next((k for k in range(len(paras) - 1, 0, -1) if total - before[k] >= FAR_CHARS and may(k)), None)
    runs = ([paras[:opening]] if opening else []) + ([paras[closing:]] if closing else [])
    # each part's bigrams, without those across parts: a lower bound of the run's coverage
    return any(scorer.vocab.coverage(headline, _InAny([bigram_set(t) for p in run for t in p.parts()]))  # type: ignore[arg-type]
               <= FAR_SHARE * whole for run in runs)


class _InAny:
    """Membership in any of several sets, without building their union (a headline's
    dozen bigrams are looked up in a run's few paragraphs)."""

    def __init__(self, sets: list[frozenset[str]]):
        self.sets = sets

    def __contains__(self, gram: object) -> bool:
        return any(map(operator.contains, self.sets, repeat(gram)))  # (looked up in C)


def _zero_side(body: Body, at: int, headline: str, vocab: Vocabulary) -> bool:
    """Does ``headline`` cover one side of the cut before paragraph ``at`` at least
    OWN_SIDE while the other side, FAR_CHARS long or more, covers at most FAR_SHARE of
    that?"""
    before = sum(len(p.raw) for p in body.paras[:at])
    after = sum(len(p.raw) for p in body.paras[at:])
    if max(before, after) < FAR_CHARS:
        return False
    left, right = cut_sides(body.paras, at)
    a, b = vocab.coverage(headline, left), vocab.coverage(headline, right)
    return (b <= FAR_SHARE * a and a >= OWN_SIDE and after >= FAR_CHARS) or \
        (a <= FAR_SHARE * b and b >= OWN_SIDE and before >= FAR_CHARS)


def reason(line: int) -> str | None:
    """The doubt's words for a maintainer (``line``: from :func:`glue`)."""
    if not line:
        return None
    return (f"the words change most before line {line}, and the headline's words are nearly all on one "
            "side of it: two articles run together?")
