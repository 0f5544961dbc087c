"""A kicker (引题) left over above its own headline joins that headline while the page's
headlines are grouped and counted.

A kicker is the short line printed over a headline: a series name (民营经济高质量发展一线
观察·企业家风采), an occasion or a theme (聚焦现代化与全球化). It names what the story
belongs to rather than what it says, so it often shares (almost) no words with the story
and the content assignment leaves it over as a headline of its own. Left over, it is
counted as one more headline than the page has bodies, which is what the count rules read
as a story run into another (:mod:`.grouped`, :func:`.complete.cut_at_shifts`).

The print ties it to its headline: it stands right above the headline unit (a blank line
at most between them, no body and no other headline between), carries no byline, ends on
no full stop, and covers no body of the page as a headline would — a left-over headline
of a story run into another body covers that body's words. Such a unit joins the group
of the headline under it, as its kicker.
"""
from __future__ import annotations

from dataclasses import replace

from .assign import Assignment, Scorer
from .headlines import LEADING_LABEL, Group, Unit, is_section_name

KICKER_COVER = 0.15  # a kicker covers the story under its headline less than this ...
KICKER_RATIO = 0.5  # ... and at most this share of what the headline covers (tuning 1-5)
KICKER_RIVAL = 0.6  # a line covering another body this share of what that body's headline covers is a rival headline
KICKER_GAP = 1  # blank lines at most between a kicker and the headline under it
KICKER_LINES = 2  # printed lines at most of a kicker
_CLOSED = tuple("。！？!?")  # a line ending on these closes a sentence: a quote or a caption, no kicker


def kickers_over(result: Assignment, scorer: Scorer, banners: list[Unit] = ()) -> None:
    """Left-over one-unit groups of ``result`` printed right above the first unit of a
    headline group that heads a body join that group as its kicker (see the module)."""
    spare = [g for g in result.unassigned if _kicker_like(g)]
    if not spare:
        return
    lines = sorted({u.line for g in [*result.by_body.values(), *result.unassigned] for u in g.units}
                   | {u.line for u in banners})
    heads = {g.units[0].line: b for b, g in result.by_body.items() if g.units}
    joined: set[int] = set()
    for g in spare:
        unit = g.units[0]
        below = next((x for x in lines if x > unit.line), None)
        b = heads.get(below) if below is not None else None
        if b is None or below - (unit.line + unit.n_lines) > KICKER_GAP \
                or any(i not in result.by_body for i in scorer.candidates(unit.line)):
            continue  # (a body nearby without a headline: the line may well be its headline)
        head = result.by_body[b]
        if head.units[0].kicker or head.units[0].label or LEADING_LABEL.match(head.units[0].text) \
                or id(head) in joined or scorer.spans.neighbours(unit.line) != scorer.spans.neighbours(below):
            continue  # (a bracketed label opens a headline block: nothing is printed over it)
        own = scorer.content(unit.text, b)
        if own >= KICKER_COVER or own > KICKER_RATIO * scorer.content(head.match_text, b) \
                or _rivals(unit, b, result, scorer):
            continue
        result.by_body[b] = replace(head, units=[replace(unit, kicker=True, loose=False), *head.units])
        joined.add(id(result.by_body[b]))
        result.unassigned = [x for x in result.unassigned if x is not g]


def _kicker_like(g: Group) -> bool:
    """Could this left-over group be a kicker: one unit of at most KICKER_LINES lines, no
    byline, no subtitle or heading mark, no bracketed label (a label opens a headline of
    its own), no section name, no closing full stop?"""
    if len(g.units) != 1 or g.bylines:
        return False
    u = g.units[0]
    text = u.text.strip()
    return 0 < u.n_lines <= KICKER_LINES and bool(text) and not (
        u.subtitle or u.heading or text.endswith(_CLOSED) or LEADING_LABEL.match(text) or is_section_name(text))


def _rivals(unit: Unit, b: int, result: Assignment, scorer: Scorer) -> bool:
    """Does ``unit`` cover a nearby body other than ``b`` nearly as well as that body's own
    headline does (KICKER_RIVAL of it, and at least KICKER_COVER)? Then it is rather
    that story's headline printed out of order than a kicker."""
    for i in scorer.candidates(unit.line):
        if i == b:
            continue
        theirs = scorer.content(result.by_body[i].match_text, i) if i in result.by_body else 0.0
        if scorer.content(unit.text, i) >= max(KICKER_COVER, KICKER_RIVAL * theirs):
            return True
    return False


MIN_UNDER = 0.05  # a banner line under a head shares this much with its story to join that head


def titles_under(result: Assignment, banners: list[Unit], scorer: Scorer) -> list[Unit]:
    """A banner title printed right under the last unit of a head (a blank line at most,
    no body, headline or other banner between), sharing some words with that head's
    story (≥ MIN_UNDER) and more than with any other nearby body, joins that head: the
    headline under its kicker, or a subtitle, left alone between the heads of two
    stories printed together. Returns the banners left."""
    if not banners:
        return banners
    lines = sorted({u.line for g in [*result.by_body.values(), *result.unassigned] for u in g.units}
                   | {u.line for u in banners})
    lasts = {g.units[-1].line + g.units[-1].n_lines: b for b, g in result.by_body.items() if g.units}
    taken: set[int] = set()
    for unit in banners:
        above = next((x for x in reversed(lines) if x < unit.line), None)
        b = next((lasts[x] for x in (unit.line, unit.line - 1) if x in lasts), None)
        if b is None or above != result.by_body[b].units[-1].line or unit.subtitle \
                or LEADING_LABEL.match(unit.text) or is_section_name(unit.text) \
                or scorer.spans.neighbours(unit.line) != scorer.spans.neighbours(above):
            continue
        own = scorer.content(unit.text, b)
        if own < MIN_UNDER or any(scorer.content(unit.text, i) >= own for i in scorer.candidates(unit.line) if i != b):
            continue
        head = result.by_body[b]
        result.by_body[b] = replace(head, units=[*head.units, unit])
        taken.add(id(unit))
    return [u for u in banners if id(u) not in taken]
