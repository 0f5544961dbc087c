"""One page convention for pages whose headlines are printed between the bodies: every
headline right before its body, or every headline right after it (issue 18: "body A,
headline A, body B, headline B", page after page).

Content alone (:func:`.assign.assign`) may give a headline printed after body A to body
B when B shares a few more of its words; the page as a whole says otherwise. So the
page is explained three ways: by content, with each headline block heading the body
printed right after it, and with each heading the body printed right before it. A
convention is adopted when it explains the words of the page about as well as content
does (the same margin per article as the block order of :mod:`.blockorder`), the better
convention when both do. A page whose headlines follow no one convention (some before,
some after their bodies) explains its words worse under either, and keeps the content
assignment.
"""
from __future__ import annotations

from .assign import Assignment, Scorer
from .blockorder import HEADED, MARGIN
from .headlines import Group, is_section_name

MIN_GROUPS = 2  # one headline block is no evidence of a convention


def _explained(result: Assignment, scorer: Scorer) -> float:
    return sum(scorer.content(g.match_text, b) + HEADED for b, g in result.by_body.items())


def _by_convention(groups: list[Group], scorer: Scorer, after: bool) -> Assignment | None:
    """Each group to the body printed right after it (``after``) or right before it; None
    when some group has no such body, lies inside a body, or shares its body with another
    (then the page does not follow that convention throughout)."""
    out = Assignment()
    for g in groups:
        before, nxt = scorer.spans.neighbours(g.line)
        body = nxt if after else before
        if body is None or before == nxt or body in out.by_body:
            return None
        out.by_body[body] = g
    return out


def _groups(current: Assignment) -> list[Group]:
    return sorted([g for g in current.by_body.values() if g.units]
                  + [g for g in current.unassigned if g.units and not is_section_name(g.text)],
                  key=lambda g: g.line)


def conventions(scorer: Scorer, current: Assignment) -> list[tuple[bool, Assignment]]:
    """The page read by each convention that can read it, however well it explains the
    words: (headlines after their bodies?, assignment), for self-doubt to compare."""
    groups = _groups(current)
    if len(groups) < MIN_GROUPS:
        return []
    return [(after, found) for after in (True, False)
            if (found := _by_convention(groups, scorer, after)) is not None]


def by_convention(scorer: Scorer, current: Assignment) -> Assignment | None:
    """The assignment of the page's convention when one explains the page about as well as
    ``current`` (the content assignment), else None."""
    groups = _groups(current)
    if len(groups) < MIN_GROUPS:
        return None
    now = _explained(current, scorer)
    best: tuple[float, Assignment] | None = None
    for after in (True, False):
        found = _by_convention(groups, scorer, after)
        if found is None:
            continue
        total = _explained(found, scorer)
        if total >= now - MARGIN * len(groups) and (best is None or total > best[0]):
            best = (total, found)
    if best is None:
        return None
    out = best[1]
    if out.by_body == current.by_body:
        return None
    taken = {id(g) for g in out.by_body.values()} | {id(g) for g in out.unassigned}
    out.unassigned += [g for g in current.unassigned if id(g) not in taken]  # bylines printed alone, section names
    return out
