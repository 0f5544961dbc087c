"""Cut two stories run together where the glue doubt (:mod:`.doubt_glue`) finds them, when
the page's headlines agree (issue 18).

The doubt weighs one body against its own headline: the body's deepest vocabulary valley
falls where a story may start, and the headline's words are nearly all on one side of
it. Cut on that alone, the story cut off gets no headline, or on a page whose headlines
are printed in one block the wrong one (measured in s9-glue: recall up, headline down).
So the cut must also explain the page's headlines: the body is cut, the page's headlines
are assigned again (:meth:`.place.Placer.assigned`: content first, then left-over blocks
paired with their neighbours), and the cut is kept only where a headline now heads the
piece cut off and covers its words (≥ HEADED) while the other piece keeps the body's own
headline. Where no headline of the page fits the piece, the body stays whole and keeps
its doubt: a maintainer decides (``[[split]]`` in corrections.toml).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Generic, TypeVar

from .assign import Assignment, Scorer
from .bigrams import bigram_set
from .complete import cut_once, cut_sides
from .doubt_glue import Boundary, boundary
from .resume import Body
from .text import Vocabulary

# the headline given to the piece cut off covers its words this well (the assignment's own
# floor, assign.MIN_ASSIGN: a headline paired by position alone is no evidence)
HEADED = 0.2

P = TypeVar("P", bound=tuple)  # what ``assigned`` gives: (scorer, assignment, banners)


@dataclass
class Glued(Generic[P]):
    """What :func:`cut_glued` decided: the bodies cut and their assignment (None: nothing
    was cut), and every boundary it looked for on the way, by body and headline (for the
    doubt, :func:`.doubt_glue.glue`, not to look again)."""

    cut: tuple[list[Body], P] | None
    found: list[Boundary] = field(default_factory=list)


def cut_glued(bodies: list[Body], placed: P, assigned: Callable[[list[Body]], P]) -> Glued[P]:
    """``bodies`` cut where two stories run together and a headline of the page heads the
    story cut off, with ``assigned`` of them (the page's headlines assigned to bodies:
    (scorer, assignment, banners), ``placed`` that of ``bodies``). (The headline for the
    story cut off may be one the page left over, or one it gave another body for want of
    a better one.)"""
    found = []
    return Glued(_cut_glued(bodies, placed, assigned, found), found)


def _cut_glued(bodies: list[Body], placed: P, assigned: Callable[[list[Body]], P],
               found: list[Boundary]) -> tuple[list[Body], P] | None:
    """:func:`cut_glued`'s cut, or None; each boundary looked for added to ``found``."""
    scorer, result, banners = placed
    texts = [g.match_text for g in (*result.by_body.values(), *result.unassigned) if g.units]
    texts += [u.text for u in banners]
    words = _WordIndex(texts)
    cuts = {}
    for i, head in result.by_body.items():
        # (cheap tests first: a headline sharing no bigram with the body covers none of it,
        # and a piece covers a headline at most as well as the whole body)
        own = head.match_text
        others = [t for t in words.sharing(scorer.grams[i]) if t != own and scorer.content(t, i) >= HEADED]
        at = boundary(bodies[i], own, scorer, i) if others else None
        if others:
            found.append(Boundary(bodies[i], own, at))
        if at is not None and _fits_a_piece(others, bodies[i], at, scorer.vocab):
            cuts[i] = at
    if not cuts:
        return None
    pieces = cut_once(bodies, cuts)
    again = assigned(pieces)
    kept = {}
    for i, at in cuts.items():
        j = i + sum(1 for k in cuts if k < i)  # the first piece's index among ``pieces``
        if _both_headed(j, result.by_body[i].match_text, again[1], again[0]):
            kept[i] = at
    if kept == cuts:
        return pieces, again
    fewer = cut_once(bodies, kept)
    return None if fewer is None else (fewer, assigned(fewer))


class _WordIndex:
    """The page's headline texts by the bigrams they hold, to find those that share a
    bigram with a body without testing each: a page of thousands of briefs made testing
    every headline against every body quadratic (most of its parse). A page of FEW
    headlines or fewer tests each (cheaper there than the index: +0.4 % instructions)."""

    FEW = 48

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.sets = [bigram_set(t) for t in texts]
        self.at: dict[str, list[int]] = {}  # bigram -> positions in ``texts`` of those holding it
        if len(texts) > self.FEW:
            for k, grams in enumerate(self.sets):
                for g in grams:
                    self.at.setdefault(g, []).append(k)
        self.grams = frozenset(self.at)

    def sharing(self, grams: frozenset[str]) -> list[str]:
        """The texts holding one of ``grams`` or more, in their order (repeats kept)."""
        if len(self.texts) <= self.FEW:
            return [t for t, own in zip(self.texts, self.sets) if not own.isdisjoint(grams)]
        found = {k for g in self.grams.intersection(grams) for k in self.at[g]}
        return [self.texts[k] for k in sorted(found)]


def _fits_a_piece(texts: list[str], body: Body, at: int, vocab: Vocabulary) -> bool:
    """Does one of the headlines ``texts`` cover a piece of ``body`` cut before paragraph
    ``at`` HEADED or more (the test :func:`_both_headed` makes after the assignment)?"""
    sides = cut_sides(body.paras, at)
    return any(vocab.coverage(t, side) >= HEADED for t in texts for side in sides)


def _both_headed(j: int, own: str, result: Assignment, scorer: Scorer) -> bool:
    """Does one of the pieces ``j`` and ``j + 1`` keep the headline ``own`` while a
    headline covering the other piece HEADED or more heads it?"""
    heads = [result.by_body.get(k) for k in (j, j + 1)]
    if any(h is None for h in heads):
        return False
    for k, (h, other) in enumerate(((heads[0], heads[1]), (heads[1], heads[0]))):
        if h.match_text == own and scorer.content(other.match_text, j + 1 - k) >= HEADED:
            return True
    return False
