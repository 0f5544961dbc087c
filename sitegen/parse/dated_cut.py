"""Cut a body that the page itself says holds two stories: it opens with a dateline and
is closed by another, or its story's credit closes a paragraph with more text after it
(issue 18).

A news story prints its dateline once: either at its start (新华社广州１月１８日电, 本报讯,
本报北京４月３日电 …) or, in brackets, after its last sentence (（新华社福州１月１４日电）).
A body that opens with one and is closed by a bracketed one therefore holds two stories,
the first dated at its start, the second at its end: the second story starts at a
boundary where a story may start (:func:`.cut_points.can_cut`), the one where the
vocabulary shifts most (:func:`.cohesion.gaps`). The page's headlines are then assigned
again to the pieces: the piece cut off gets the headline the page holds for it, or none
when the page prints none (a reader is better served by two stories, one without a
headline, than by one story drifting into another under either's headline).

A story's credit, likewise, is printed once, in brackets after its last sentence
(…表示感谢。（谢文）): text after a paragraph so closed, past a boundary where a story may
start, is another story's, and the body is cut there (:func:`credit_cut`).

A dateline quoted in prose (据新华社北京…电, 新华社…电称) opens no paragraph and stands in no
bracket of its own, so it never counts: only a paragraph opening with a dateline
(:data:`.lines.DATELINE_START_RE`, as :attr:`.paragraphs.Para.hard_start` reads it),
a dateline line printed right above the body, and a bracketed dateline printed alone
after the body do.
"""
from __future__ import annotations

from typing import Sequence

from . import cohesion
from . import lines as L
from .cut_points import can_cut
from .resume import Body
from .text import Vocabulary


def _last_line(body: Body) -> int:
    return max(p.chunks[-1].lines[-1].no for p in body.paras)


def closed_bodies(bodies: Sequence[Body], closing: Sequence[int]) -> set[int]:
    """Indices of the bodies that a bracketed dateline printed alone at line in ``closing``
    closes: the body whose text ends last before it (no other body's text between)."""
    if not closing or not bodies:
        return set()
    ends = sorted((_last_line(b), i) for i, b in enumerate(bodies))
    out = set()
    for d in closing:
        before = [i for end, i in ends if end < d]
        if before:
            out.add(before[-1])
    return out


def opened_bodies(bodies: Sequence[Body], opening: Sequence[int]) -> set[int]:
    """Indices of the bodies opening with a dateline: their first paragraph starts with one,
    or a dateline line in ``opening`` is printed right above them (the first body after it)."""
    out = {i for i, b in enumerate(bodies) if L.DATELINE_START_RE.match(b.paras[0].raw)}
    starts = sorted((b.line, i) for i, b in enumerate(bodies))
    for d in opening:
        after = [i for line, i in starts if line > d]
        if after:
            out.add(after[0])
    return out


def dated_cut(body: Body, vocab: Vocabulary) -> int | None:
    """Index of the paragraph where the second story of ``body`` starts: of the boundaries
    where a story may start, the first after a paragraph closed by a credit (…。（谢文）) or
    else the one of least cohesion; None when there is none or when the body holds a
    subhead."""
    paras = body.paras
    if any(p.subhead for p in paras):
        return None  # a title inside may be the second story's headline, read as a subhead: the
        # cut belongs there, which this cut cannot give it (the body keeps its doubts)
    allowed = [False] + [can_cut(paras, k) for k in range(1, len(paras))]
    cands = [k for k, ok in enumerate(allowed) if ok]
    if not cands:
        return None
    credited = [k for k in cands if ends_with_credit(paras[k - 1].raw)]
    if credited:  # the first story's credit closes its text: the second starts after it
        return credited[0]
    if len(cands) == 1:
        return cands[0]
    found = cohesion.gaps([p.parts() for p in paras], vocab, allowed)
    if not found:
        return None
    return min(found, key=lambda g: g.similarity).index


def ends_with_credit(raw: str) -> bool:
    """Does a paragraph end with its story's credit, in brackets after its last sentence
    (…表示感谢。（谢文）, …高质量发展。(记者 李华))?"""
    return (L.end_credit_at(raw) or 0) > 0


def credit_cut(body: Body) -> int | None:
    """Index of the first paragraph after one closed by its story's credit, at a boundary
    where a story may start; None when there is none or when the body holds a subhead (a
    story's credit may stand above a box it prints under a label: 相关链接)."""
    paras = body.paras
    if len(paras) < 2:
        return None
    found = next((k for k in range(1, len(paras)) if ends_with_credit(paras[k - 1].raw)), None)
    if found is None or any(p.subhead for p in paras):
        return None
    return next((k for k in range(found, len(paras)) if ends_with_credit(paras[k - 1].raw)
                 and can_cut(paras, k)), None)


def cut_dated(bodies: list[Body], opening: Sequence[int], closing: Sequence[int],
              vocab: Vocabulary) -> dict[int, int]:
    """Cuts (body index -> paragraph index) of the bodies that hold two stories by their
    print: a credit closing a paragraph with more text after it (:func:`credit_cut`), or a
    dateline at each end (lines ``opening`` / ``closing`` of datelines printed alone)."""
    cuts = {}
    for i, body in enumerate(bodies):
        at = credit_cut(body)
        if at is not None:
            cuts[i] = at
    closed = closed_bodies(bodies, closing)
    for i in closed & opened_bodies(bodies, opening) if closed else ():
        at = dated_cut(bodies[i], vocab) if i not in cuts else None
        if at is not None:
            cuts[i] = at
    return cuts
