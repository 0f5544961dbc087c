"""Self-doubt from disagreement between readings of the page (:mod:`.doubts`).

On its way to the final articles the placement (:mod:`.place`) decides against other
readings of the page: the bodies before they were split or cut, the headlines as their
words alone assign them before the block order or a page convention took over, the
other convention; and, on a page whose headlines are all printed in one block, the
block's alignment with one line at the edge of a headline moved to the neighbouring
article. Where such a reading gives an article other boundaries, or another
headline that fits its body about as well, the parser was unsure of exactly that
article, and the reading says what the alternative would be. Nothing is parsed again:
the readings are what the placement computed anyway.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .assign import Assignment, Scorer
from .place import Reading
from .resume import Body

# how each reading reads the page, for the reasons
HOW = {
    "split": "before its body was split by headlines",
    "cut": "before its body was cut where the words change",
    "unheaded": "before a story without headline was cut off",
    "content": "by the words alone",
    "recut": "before the bodies were re-cut to the headline block",
    "block_lines": "before the block's headlines were split over bodies",
    "after": "with every headline after its body",
    "before": "with every headline before its body",
}


@dataclass
class Disagreement:
    """Where the readings decided against differ from the final one on one article."""

    # (coverage of the body by the other reading's headline minus by its own headline, line
    # of that headline (0: none), reading); the reading whose headline fits best
    head: tuple[float, int, str] | None = None
    # (line, what the other reading does there: "new" starts a new story inside this one,
    # "on" runs this story on to it, "from" starts this story earlier, at it; reading):
    # the last reading that cuts the article otherwise
    cut: tuple[int, str, str] | None = None
    # (coverage of the body that would get the line minus of the body it heads now, the
    # line, first line of the article it heads now, of the one it would head): the line
    # at the edge of this article's headline from a block, or of its neighbour's, moved
    edge: tuple[float, int, int, int] | None = None


def _key(body: Body) -> frozenset[int]:
    return frozenset(c.line for p in body.paras for c in p.chunks)


def compare(bodies: list[Body], result: Assignment, scorer: Scorer,
            readings: Sequence[Reading]) -> list[Disagreement]:
    """The disagreement of ``readings`` with the final ``bodies`` and ``result``, per body."""
    keys = [_key(b) for b in bodies]
    out = [Disagreement() for _ in bodies]
    for reading in readings:
        other = [_key(b) for b in reading.bodies]
        index = {k: j for j, k in enumerate(other)}
        owner = {ln: j for j, k in enumerate(other) for ln in k}
        for i, k in enumerate(keys):
            j = index.get(k)
            if j is None:
                out[i].cut = _cut(k, owner, other, reading.name)
            elif reading.by_body is not None:
                _head(out[i], i, reading.by_body.get(j), result, scorer, reading.name)
    if result.items:
        _edges(bodies, result, scorer, out)
    return out


def _edges(bodies: list[Body], result: Assignment, scorer: Scorer, out: list[Disagreement]) -> None:
    """The block alignment with one edge line moved (the line first or last under a
    headline of several lines, to the neighbouring article in block order): how much
    better the body it would go to covers it than the body it heads now."""
    items = result.items
    order = sorted(items, key=lambda j: bodies[j].line)
    for a, b in zip(order, order[1:]):
        moves = []
        if len(items[a]) > 1:  # a's last line to b
            moves.append(items[a][-1])
        if len(items[b]) > 1:  # b's first line to a
            moves.append(items[b][0])
        for g in moves:
            own, other = (a, b) if g is items[a][-1] else (b, a)
            there = scorer.content(g.match_text, other)
            if there <= 0.0:  # a line sharing no words with the other body is no evidence it heads it
                continue
            margin = there - scorer.content(g.match_text, own)
            for i in (a, b):
                if out[i].edge is None or margin > out[i].edge[0]:
                    out[i].edge = (margin, g.line, bodies[own].line, bodies[other].line)


def _head(d: Disagreement, i: int, alt, result: Assignment, scorer: Scorer, name: str) -> None:
    own = result.by_body.get(i)
    if (alt.match_text if alt else None) == (own.match_text if own else None):
        return
    margin = (scorer.content(alt.match_text, i) if alt else 0.0) - (scorer.content(own.match_text, i) if own else 0.0)
    if d.head is None or margin > d.head[0]:
        d.head = (margin, alt.line if alt else 0, name)


def _cut(k: frozenset[int], owner: dict[int, int], other: list[frozenset[int]],
         name: str) -> tuple[int, str, str]:
    lines = sorted(k)
    first = owner.get(lines[0])
    for ln in lines[1:]:
        if owner.get(ln) != first:
            return ln, "new", name
    extra = sorted(other[first] - k) if first is not None else []
    if not extra:
        return lines[0], "new", name
    before = [ln for ln in extra if ln < lines[0]]
    return (before[0], "from", name) if before else (extra[0], "on", name)


def reason_head(d: Disagreement, own: float | None) -> str:
    margin, line, name = d.head  # type: ignore[misc]
    if not line:
        return f"read {HOW[name]}, it has no headline"
    return (f"read {HOW[name]}, its headline is the one at line {line} "
            f"({margin + (own or 0.0):.2f} against {own or 0.0:.2f})")


def reason_edge(d: Disagreement) -> str:
    margin, line, now, other = d.edge  # type: ignore[misc]
    return (f"the block's headline line {line} may head the article at line {other}, "
            f"not the one at line {now} ({margin:+.2f})")


def reason_cut(d: Disagreement) -> str:
    line, what, name = d.cut  # type: ignore[misc]
    told = {"new": "a new story starts at line", "on": "the story runs on to line",
            "from": "the story starts at line"}[what]
    return f"read {HOW[name]}, {told} {line}"
