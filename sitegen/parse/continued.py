"""Stories continued from another page (上接第N版…) printed without a headline.

A story jumped from another page either repeats a headline over its continuation (a
jump headline) or goes without one. A line that the page prints on the other side of its
body than the page's headlines are printed on theirs (above the body where every other
headline follows its body, or the reverse), and whose words the continued body hardly
holds, is not a jump headline but a banner, a running title or a neighbour's line printed
next to the continuation: the continuation goes without, and the line is left over
(issue 18: a headline the paper never printed). The words' bar is the block order's
(:data:`.blockorder.CONTINUED_FIT`); a short jump headline on the page's side is kept,
however few of its words the body holds (a continuation's headline may be a short one).
"""
from __future__ import annotations

from .assign import Assignment, Scorer
from .blockorder import CONTINUED_FIT
from .headlines import Group


def _side(group: Group, body: int, scorer: Scorer) -> str | None:
    """"above" when ``group`` is printed right before ``body``, "below" right after it."""
    before, after = scorer.spans.neighbours(group.line)
    return "above" if after == body else "below" if before == body else None


def unhead_continued(result: Assignment, scorer: Scorer, continued: set[int]) -> list[int]:
    """Headline groups taken off the continued bodies they are printed against the page's
    side of, whose words the body does not hold (coverage below CONTINUED_FIT), moved to
    ``result.unassigned``: the bodies unheaded."""
    dropped: list[int] = []
    for body in sorted(continued):
        group = result.by_body.get(body)
        if group is None or not group.units or scorer.content(group.match_text, body) >= CONTINUED_FIT:
            continue
        side = _side(group, body, scorer)
        others = {_side(g, b, scorer) for b, g in result.by_body.items() if b != body and g.units}
        if side is None or not others or None in others or side in others:
            continue
        del result.by_body[body]
        result.items.pop(body, None)
        result.unassigned.append(group)
        dropped.append(body)
    return dropped
