"""Why the parser read a page as it did, for a maintainer deciding on a correction
(``sitegen parse FILE --explain``): the decision tables behind the result, as NLTK's
TextTiling ``demo_mode`` returns its intermediate scores.

* Headline × body: each headline group (and each headline line left as a banner) against
  the bodies it could head, with the score the assignment ranks pairs by
  (:meth:`.assign.Scorer.pair_score`), and the pairs the page kept: by that ranking, or by a
  later rule (filling, the page's convention, the block order).
* Cuts: for each body as the layout gave it, the paragraph boundaries where an article
  may start (:func:`.cut_points.can_cut`) with the lexical cohesion across them
  (:func:`.cohesion.gaps`, the page's vocabulary by stories, as the cut at a vocabulary
  shift and the doubts read it), and whether an article of the result starts there.
* Each article's doubts (their reasons name the lines they fired on).

Collected only on demand (:func:`.build.parse_explained`), after the page was parsed,
from the placement's public parts: the default parse does not pay for it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Article
from . import cohesion
from .assign import Scorer
from .cut_points import can_cut
from .place import Placement
from .resume import Body
from .text import Vocabulary


@dataclass(frozen=True)
class Pair:
    """One headline against one body: the body's first line and the assignment's score."""

    body_line: int
    score: float
    chosen: bool  # the page kept this pair
    by_score: bool = False  # kept by the score ranking (not by a later rule: filling, convention, block order)


@dataclass(frozen=True)
class HeadRow:
    """A headline group (``kind`` "headline") or a headline line that heads no body
    ("banner") and its candidate bodies, best score first."""

    line: int
    text: str
    kind: str
    pairs: tuple[Pair, ...]


@dataclass(frozen=True)
class Cut:
    """A boundary inside a body: the line after it, the cohesion across it (None: not
    measured, e.g. a cut inside a paragraph) and whether an article starts there."""

    line: int
    cohesion: float | None
    cut: bool


@dataclass(frozen=True)
class BodyCuts:
    """A body as the layout gave it (lines ``line``–``last``) and its candidate cuts."""

    line: int
    last: int
    cuts: tuple[Cut, ...]


@dataclass(frozen=True)
class ArticleNote:
    line: int
    headline: str | None
    doubts: tuple[str, ...]


@dataclass(frozen=True)
class PageExplain:
    """One page's decision tables (see the module docstring)."""

    seed: str
    heads: tuple[HeadRow, ...]
    bodies: tuple[BodyCuts, ...]
    articles: tuple[ArticleNote, ...]
    block_order: bool  # the headlines were placed in the order of their block, not by score
    recut_by: tuple[str, ...] = ()  # the placement's rules that cut the bodies, in order (RECUTS)


# the placement's readings (:class:`.place.Reading`) that a rule cutting the bodies left behind
RECUTS = {"split": "headlines dividing a body (assign.split_bodies)",
          "cut": "a left-over headline at a vocabulary shift, or a headline block counting one story more "
                 "(complete.cut_at_shifts, grouped.cut_at_groups)",
          "unheaded": "a story without a headline run into a headed one (complete.cut_off_unheaded)",
          "recut": "the bodies re-cut to the page's headline block (blocksplit.resegment)",
          "block_lines": "one body given the lines of several headlines of the block (blocklines.recut_body)"}


def explain_page(seed: str, given: list[Body], placed: Placement, vocab: Vocabulary,
                 articles: tuple[Article, ...]) -> PageExplain:
    """The tables of a parsed page: ``given``, the bodies the layout gave (before any
    cut); ``placed``, the final placement; ``vocab``, the page's vocabulary by stories."""
    return PageExplain(
        seed, tuple(head_rows(placed)), tuple(body_cuts(given, placed.bodies, vocab)),
        tuple(ArticleNote(a.line, a.headline, a.doubts) for a in articles), bool(placed.result.items),
        tuple(r.name for r in placed.readings if r.name in RECUTS))


def head_rows(placed: Placement) -> list[HeadRow]:
    """Every headline group and banner of the page against its candidate bodies."""
    scorer, result = placed.scorer, placed.result
    chosen = {id(g): i for i, g in result.by_body.items()}
    ranked = _ranked(placed)
    rows = []
    for g in [*result.by_body.values(), *result.unassigned]:
        if g.units:
            i = chosen.get(id(g))
            own = i is not None and bool({id(u) for u in g.units} & ranked.get(scorer.bodies[i].line, set()))
            rows.append(_row("headline", g.text, g.match_text, g.line, all(u.heading for u in g.units),
                             (i, own), scorer))
    rows += [_row("banner", u.text, u.text, u.line, u.heading, (None, False), scorer) for u in placed.banners]
    return sorted(rows, key=lambda r: (r.line, r.kind))


def _ranked(placed: Placement) -> dict[int, set[int]]:
    """The units the score ranking put on each body (by its first line): the placement's
    last content reading (:class:`.place.Reading`), before the later rules."""
    last = next((r for r in reversed(placed.readings) if r.name == "content" and r.by_body is not None), None)
    if last is None or last.by_body is None:
        return {}
    return {last.bodies[i].line: {id(u) for u in g.units} for i, g in last.by_body.items()}


def _row(kind: str, shown: str, text: str, line: int, heading: bool, kept: tuple[int | None, bool],
         scorer: Scorer) -> HeadRow:
    body, own = kept
    bodies = set(scorer.candidates(line)) | ({body} if body is not None else set())
    pairs = [Pair(scorer.bodies[i].line, scorer.pair_score(text, line, i, heading), i == body, i == body and own)
             for i in bodies]
    return HeadRow(line, shown, kind, tuple(sorted(pairs, key=lambda p: (-p.score, p.body_line))))


def body_cuts(given: list[Body], final: list[Body], vocab: Vocabulary) -> list[BodyCuts]:
    """For each body the layout gave, the cohesion at each boundary where an article may
    start, and the cuts the parser made in it (also where no cohesion was measured)."""
    starts = {b.line for b in final}
    out = []
    for body in given:
        idx = [k for k, p in enumerate(body.paras) if not p.subhead]
        found = cohesion.gaps([body.paras[k].parts() for k in idx], vocab) if len(idx) > 1 else []
        rows = {body.paras[idx[g.index]].line: Cut(body.paras[idx[g.index]].line, g.similarity,
                                                   body.paras[idx[g.index]].line in starts)
                for g in found if can_cut(body.paras, idx[g.index])}
        spans = body.spans or [(body.line, body.paras[-1].line)]
        for line in starts - rows.keys():
            if line != body.line and any(a <= line <= b for a, b in spans):
                rows[line] = Cut(line, None, True)
        out.append(BodyCuts(body.line, max(b for _a, b in spans), tuple(sorted(rows.values(), key=lambda c: c.line))))
    return out
