"""Self-doubt: short reasons, per article, why the parser may have got it wrong.

Computed where the parser decided, from what it decided with (no second parse):

* a topic shift inside the body — two stories run together: the lexical cohesion across
  some paragraph boundary (:mod:`.cohesion`) is near nothing, and far below the body's
  usual cohesion;
* a weak headline ↔ body match, or a headline matching another body about as well;
* a body with no headline that does not say it continues from another page — or that
  says so while a headline on the page went to no article.

``signals`` measures, ``reasons`` words the measures past their thresholds. The
thresholds were tuned on generated pages (RNG 1-3 of tests/relayout.py, harsh profile)
and checked on others; bench/parse_eval.py reports how many wrong and right articles
carry a doubt.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import cohesion
from .assign import Assignment, Scorer
from .headlines import Group, roles
from .resume import Body
from .text import Vocabulary, joined_bigram_set

SHIFT = 0.015  # cohesion across a paragraph boundary below this ...
SHIFT_RATIO = 0.3  # ... and below this share of the body's median cohesion: a topic shift
WEAK = 0.25  # headline coverage by its body below this: a weak match
# weaker evidence of both kinds together: a lesser shift and a loose headline match
SHIFT_2, SHIFT_RATIO_2, LOOSE = 0.025, 0.5, 0.4
RIVAL = 0.8  # another nearby body covering the headline this share as well ...
RIVAL_MIN = 0.3  # ... and at least this well: an ambiguous match
WINDOW, WINDOW_PARAS = cohesion.WINDOW, cohesion.MAX_PARAS  # text compared each side of a boundary
RIVALS = 4  # bodies printed nearest the headline that may rival its body
SPANS = 0.3  # both sides of a shift covering the headline this well: one story changing subject


@dataclass
class Signals:
    """What the parser knew about one body when it decided."""

    shift: float | None = None  # lowest cohesion across a paragraph boundary (None: < 2 sides)
    shift_typical: float = 0.0  # median cohesion across the body's boundaries
    shift_line: int = 0  # first line after the lowest boundary
    headline: str | None = None
    match: float | None = None  # coverage of the headline by its body (None: no headline)
    rival: float = 0.0  # best coverage of the headline by another nearby body
    rival_line: int = 0
    continuation: bool = False  # starts with a continuation marker (上接第N版)
    stray_line: int = 0  # a headline on the page that went to no article (0: none)
    shift_index: int = 0  # paragraphs (subheads aside) before the lowest boundary
    # the headline's coverage by the text before and after that boundary (None: no headline)
    head_sides: tuple[float, float] | None = None


def signals(bodies: list[Body], result: Assignment, scorer: Scorer, vocab: Vocabulary,
            continuations: set[int], stray_lines: list[int]) -> list[Signals]:
    """Signals for every body. ``continuations``: indices of bodies with a start marker;
    ``stray_lines``: lines of headlines that went to no article."""
    stray = min(stray_lines, default=0)
    out = [Signals(continuation=i in continuations, stray_line=stray) for i in range(len(bodies))]
    for i, body in enumerate(bodies):
        _cohesion(body, out[i], vocab)
        group = result.by_body.get(i)
        if group is not None:
            _headline(i, group, bodies, scorer, out[i])
            _headline_sides(body, group, vocab, out[i])
    return out


def _cohesion(body: Body, s: Signals, vocab: Vocabulary) -> None:
    paras = [p for p in body.paras if not p.subhead]
    if len(paras) < 3:  # one boundary is its own median: never a shift by the ratio test
        return
    found = cohesion.gaps([p.parts() for p in paras], vocab, window=WINDOW, max_paras=WINDOW_PARAS)
    gap = cohesion.deepest(found)
    if gap is not None:
        sims = sorted(g.similarity for g in found)
        s.shift, s.shift_typical, s.shift_line = gap.similarity, sims[len(sims) // 2], paras[gap.index].line
        s.shift_index = gap.index


def _headline_sides(body: Body, group: Group, vocab: Vocabulary, s: Signals) -> None:
    """How well each side of the topic shift covers the headline: a story that only changes
    subject (a feature's next vignette) keeps its headline's words on both sides; two stories
    run together leave one side with few of them."""
    if s.shift is None:
        return
    paras = [p for p in body.paras if not p.subhead]
    before = joined_bigram_set([t for p in paras[:s.shift_index] for t in p.parts()])
    after = joined_bigram_set([t for p in paras[s.shift_index:] for t in p.parts()])
    s.head_sides = (vocab.coverage(group.match_text, before), vocab.coverage(group.match_text, after))


def _headline(i: int, group: Group, bodies: list[Body], scorer: Scorer, s: Signals) -> None:
    s.headline = roles(group)[1]
    text = group.match_text
    s.match = scorer.content(text, i)
    near = sorted(scorer.candidates(group.line), key=lambda b: abs(bodies[b].line - group.line))
    for b in near[:RIVALS + 1]:
        if b != i:
            c = scorer.content(text, b)
            if c > s.rival:
                s.rival, s.rival_line = c, bodies[b].line


def _headline_spans(s: Signals) -> bool:
    """The headline's words are found on both sides of the shift: one story, not two."""
    return s.head_sides is not None and min(s.head_sides) >= SPANS


def reasons(s: Signals) -> list[str]:
    """The doubts worth telling a maintainer, short, most telling first."""
    out: list[str] = []
    shifts = s.shift is not None and s.shift < SHIFT and s.shift < SHIFT_RATIO * s.shift_typical \
        and not _headline_spans(s)
    if shifts:
        out.append(f"the topic shifts at line {s.shift_line}: two articles run together?")
    if s.match is None:
        if not s.continuation:
            out.append("no headline found for this body")
        elif s.stray_line:
            out.append(f"no headline, and the headline at line {s.stray_line} went to no article")
        return out
    if s.match < WEAK:
        out.append(f"the headline shares few words with the body ({s.match:.2f})")
    elif not shifts and s.match < LOOSE and s.shift is not None and s.shift < SHIFT_2 \
            and s.shift < SHIFT_RATIO_2 * s.shift_typical and not _headline_spans(s):
        out.append(f"the topic shifts at line {s.shift_line} and the headline fits loosely "
                   f"({s.match:.2f}): two articles run together?")
    if s.rival >= RIVAL_MIN and s.rival >= RIVAL * s.match:
        out.append(f"the headline fits the article at line {s.rival_line} about as well")
    return out
