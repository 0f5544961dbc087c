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
from typing import Sequence

from ..models import Leftover
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
EDGE_WINDOW = 600  # characters of a body compared with a paragraph at its edge
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
    # a printed line of the headline that fits another nearby body better than this one:
    # (its coverage by that body minus by this one, that body's first line, the line's text)
    piece_rival: tuple[float, int, str] = (0.0, 0, "")
    # the body's last paragraph against the rest of the body and the next body's opening
    # (cosine of bigram sets), and its line; the same for the first paragraph and the
    # previous body's close. None: no such neighbour or too little text.
    # the printed headline line (of several) that shares fewest words with the body:
    # (its coverage by the body, its text)
    piece_min: tuple[float, str] | None = None
    opens_mid: bool = False  # the body's first paragraph opens mid-sentence
    near_title: int = 0  # a headline or banner left to no article, printed next to the body
    tail: tuple[float, float, int] | None = None
    head: tuple[float, float, int] | None = None


def signals(bodies: list[Body], result: Assignment, scorer: Scorer, vocab: Vocabulary,
            continuations: set[int], leftovers: Sequence[Leftover]) -> list[Signals]:
    """Signals for every body. ``continuations``: indices of bodies with a start marker;
    ``leftovers``: what the page left to no article so far (headlines that went to no
    article, banners)."""
    stray = min((x.line for x in leftovers if x.kind == "headline"), default=0)
    out = [Signals(continuation=i in continuations, stray_line=stray,
                   opens_mid=bool(b.paras) and b.paras[0].opens_mid) for i, b in enumerate(bodies)]
    _titles_near(bodies, [x.line for x in leftovers if x.kind in ("headline", "banner")], out)
    _edges(bodies, vocab, out)
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


def _titles_near(bodies: list[Body], lines: list[int], out: list[Signals]) -> None:
    """Lines of titles left to no article printed between a body and its neighbours."""
    if not lines:
        return
    spans = [(min(f for f, _l in b.spans), max(la for _f, la in b.spans)) if b.spans else (b.line, b.line)
             for b in bodies]
    for i, (first, last) in enumerate(spans):
        lo = max((la for f, la in spans if la < first), default=0)
        hi = min((f for f, la in spans if f > last), default=1 << 30)
        near = [ln for ln in lines if lo < ln < first or last < ln < hi]
        if near:
            out[i].near_title = min(near, key=lambda ln: min(abs(ln - first), abs(ln - last)))


def _edges(bodies: list[Body], vocab: Vocabulary, out: list[Signals]) -> None:
    """Where one body meets the next, does the paragraph on each side of the boundary
    read more like its own body or like the neighbour? Measured for the last paragraph of
    every body and the first of every body."""
    common = vocab.common()
    texts = [[p for p in b.paras if not p.subhead] for b in bodies]
    grams = [[joined_bigram_set(p.parts()) - common for p in ps] for ps in texts]

    def window(gs: list[set[str]], ps, order) -> set[str]:
        acc: set[str] = set()
        n = 0
        for k in order:
            acc |= gs[k]
            n += len(ps[k].raw)
            if n >= EDGE_WINDOW:
                break
        return acc

    for i in range(len(bodies) - 1):
        a, b, ga, gb = texts[i], texts[i + 1], grams[i], grams[i + 1]
        if len(a) < 2 or not b:
            continue
        last = ga[-1]
        own = window(ga, a, range(len(a) - 2, -1, -1))
        nxt = window(gb, b, range(len(b)))
        out[i].tail = (_cos(last, own), _cos(last, nxt), a[-1].line)
    for i in range(1, len(bodies)):
        a, b, ga, gb = texts[i], texts[i - 1], grams[i], grams[i - 1]
        if len(a) < 2 or not b:
            continue
        first = ga[0]
        own = window(ga, a, range(1, len(a)))
        prev = window(gb, b, range(len(b) - 1, -1, -1))
        out[i].head = (_cos(first, own), _cos(first, prev), a[0].line)


def _cos(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


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
    others = [b for b in near[:RIVALS + 1] if b != i]
    for b in others:
        c = scorer.content(text, b)
        if c > s.rival:
            s.rival, s.rival_line = c, bodies[b].line
    pieces = [t for u in group.units if not u.label for t in (u.parts or (u.text,))]
    if len(pieces) > 1:
        for t in pieces:
            own = scorer.content(t, i)
            if s.piece_min is None or own < s.piece_min[0]:
                s.piece_min = (own, t)
            for b in others:
                d = scorer.content(t, b) - own
                if d > s.piece_rival[0]:
                    s.piece_rival = (d, bodies[b].line, t)


def _headline_spans(s: Signals) -> bool:
    """The headline's words are found on both sides of the shift: one story, not two."""
    return s.head_sides is not None and min(s.head_sides) >= SPANS


def _shift(s: Signals) -> str | None:
    if s.shift is not None and s.shift < SHIFT and s.shift < SHIFT_RATIO * s.shift_typical \
            and not _headline_spans(s):
        return f"the topic shifts at line {s.shift_line}: two articles run together?"
    return None


def _no_headline(s: Signals) -> str | None:
    if s.match is not None:
        return None
    if not s.continuation:
        return "no headline found for this body"
    if s.stray_line:
        return f"no headline, and the headline at line {s.stray_line} went to no article"
    return None


def _weak(s: Signals) -> str | None:
    if s.match is not None and s.match < WEAK:
        return f"the headline shares few words with the body ({s.match:.2f})"
    return None


def _loose_shift(s: Signals) -> str | None:
    if s.match is not None and WEAK <= s.match < LOOSE and _shift(s) is None \
            and s.shift is not None and s.shift < SHIFT_2 \
            and s.shift < SHIFT_RATIO_2 * s.shift_typical and not _headline_spans(s):
        return (f"the topic shifts at line {s.shift_line} and the headline fits loosely "
                f"({s.match:.2f}): two articles run together?")
    return None


def _rival(s: Signals) -> str | None:
    if s.match is not None and s.rival >= RIVAL_MIN and s.rival >= RIVAL * s.match:
        return f"the headline fits the article at line {s.rival_line} about as well"
    return None


# (name, rule), most telling first; a rule returns its reason or None
RULES = (("shift", _shift), ("no_headline", _no_headline), ("weak", _weak),
         ("loose_shift", _loose_shift), ("rival", _rival))


def fired(s: Signals) -> list[tuple[str, str]]:
    """(rule name, reason) of every rule that fires on ``s``."""
    return [(name, r) for name, rule in RULES if (r := rule(s)) is not None]


def reasons(s: Signals) -> list[str]:
    """The doubts worth telling a maintainer, short, most telling first."""
    return [r for _name, r in fired(s)]
