"""Self-doubt from disagreement between readings of the page (:mod:`.doubts`).

On its way to the final articles the placement (:mod:`.place`) decides against other
readings of the page: the bodies before they were split or cut, the headlines as their
words alone assign them before the block order or a page convention took over, the
other convention. Where such a reading gives an article other boundaries, or another
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
    # (line, True: the other reading starts a new story there / False: runs the story on
    # to that line, reading); the last reading that cuts the article otherwise
    cut: tuple[int, bool, str] | None = None


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
    return out


def _head(d: Disagreement, i: int, alt, result: Assignment, scorer: Scorer, name: str) -> None:
    own = result.by_body.get(i)
    if (alt.match_text if alt else None) == (own.match_text if own else None):
        return
    margin = (scorer.content(alt.match_text, i) if alt else 0.0) - (scorer.content(own.match_text, i) if own else 0.0)
    if d.head is None or margin > d.head[0]:
        d.head = (margin, alt.line if alt else 0, name)


def _cut(k: frozenset[int], owner: dict[int, int], other: list[frozenset[int]],
         name: str) -> tuple[int, bool, str]:
    lines = sorted(k)
    first = owner.get(lines[0])
    for ln in lines[1:]:
        if owner.get(ln) != first:
            return ln, True, name
    extra = sorted(other[first] - k) if first is not None else []
    return (extra[0] if extra else lines[0]), False, name


def reason_head(d: Disagreement, own: float | None) -> str:
    margin, line, name = d.head  # type: ignore[misc]
    if not line:
        return f"read {HOW[name]}, it has no headline"
    return (f"read {HOW[name]}, its headline is the one at line {line} "
            f"({margin + (own or 0.0):.2f} against {own or 0.0:.2f})")


def reason_cut(d: Disagreement) -> str:
    line, starts, name = d.cut  # type: ignore[misc]
    what = "a new story starts at line" if starts else "the story runs on to line"
    return f"read {HOW[name]}, {what} {line}"
