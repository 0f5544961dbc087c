"""How the printed lines of a headline block hang together (:mod:`.blockorder`, issue 18).

A block's lines are cut into runs, one per story's head; these tests say where a run cannot
be cut (a headline wrapped inside a word, a line opened by a dash, a line after one left open
by its punctuation or announcing a statement, the line after a bracketed label) and where a
new head must start (after a dash deck), and join a unit's line pieces back into one unit.
"""
from __future__ import annotations

from .chunks import BOUND_END
from .headlines import SUBTITLE_PREFIXES, Group, Unit, is_bracket_label, opens_statement
from .text import is_han, is_word


def dash_line(item: Group) -> bool:
    """Is the item a line opened by a dash (——…), the subtitle of the line above it?"""
    return bool(item.units) and item.units[0].text.lstrip().startswith(SUBTITLE_PREFIXES)


OPEN_END = set("、，,：:；;（(“‘《—")


def open_end(item: Group) -> bool:
    """Does the item's last line end on punctuation that leaves it open (、，：…)?"""
    return bool(item.units) and not item.bylines and item.units[-1].text.rstrip()[-1:] in OPEN_END


def inside_word(before: Group, after: Group) -> bool:
    """Do two line pieces of one printed unit break inside a word (外长第|六次, 政党论|坛:
    the two characters across the break form a dictionary word while the first line's
    last two do not, or the first line ends in a character that cannot end a headline)?
    Then they are one headline wrapped onto two lines."""
    if len(before.units) != 1 or len(after.units) != 1:
        return False
    a, b = before.units[0], after.units[0]
    if a.of is None or a.of is not b.of or b.line != a.line + 1:
        return False
    end, start = a.text.rstrip(), b.text.lstrip()
    if end[-1:] in BOUND_END:
        return True
    return len(end) >= 2 and bool(start) and all(is_han(ch) for ch in end[-2:] + start[0]) \
        and is_word(end[-1] + start[0]) and not is_word(end[-2:])


def joined_units(units: list[Unit]) -> list[Unit]:
    """Consecutive line pieces of one unit back into one unit (the unit itself when all
    of its lines are there)."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if u.of is not None and prev is not None and (prev.of is u.of or prev is u.of) \
                and not (u.label or prev.label):
            text = prev.text + u.text
            whole = text == u.of.text
            out[-1] = u.of if whole else Unit(text, prev.line, prev.n_lines + 1, subtitle=prev.subtitle,
                                                parts=(prev.parts or (prev.text,)) + (u.text,), of=u.of)
        else:
            out.append(u.of if u.of is not None and not u.of.parts[1:] else u)
    return out


def label_items(items: list[Group]) -> list[bool]:
    """Which items are bracketed labels (【…】), which head the item printed after them."""
    return [all(is_bracket_label(u.text) for u in g.units) and not g.bylines for g in items]


def announces(item: Group) -> bool:
    """Does the item end on a verb announcing a statement (…批示指出, …时强调)? It is the
    kicker of the headline printed under it, which says what was stated."""
    return bool(item.units) and not item.bylines and opens_statement(item.units[-1].text)


def inside_items(items: list[Group]) -> list[bool]:
    """For each item, whether it goes on the headline of the item above it: a headline
    wrapped inside a word, a line opened by a dash (the subtitle of the line above), a
    line after one left open by its punctuation (、，：…) or announcing a statement."""
    inside = [False] + [inside_word(items[b - 1], items[b]) for b in range(1, len(items))]
    return [k > 0 and (inside[k] or dash_line(items[k]) or open_end(items[k - 1]) or announces(items[k - 1]))
            for k in range(len(items))]


def printed_unit(item: Group) -> Unit | None:
    """The printed unit the item's last line is a piece of (the unit itself when whole)."""
    if not item.units:
        return None
    u = item.units[-1]
    return u.of or u


def after_deck(items: list[Group]) -> list[bool]:
    """For each item, whether a headline must start there: the item above ends on a dash
    deck (——…, the subtitle under its headline) and the item is a new printed title, not
    a dash line itself nor a line of the same deck wrapped. A head stack prints its kicker
    over the headline and its dash deck last, under it: in a block of several heads, what
    follows a dash deck is the next story's head (its kicker or headline), never more of
    the head the deck closes."""
    out = [False] * len(items)
    for k in range(1, len(items)):
        prev, item = items[k - 1], items[k]
        if not prev.units or not item.units or dash_line(item):
            continue
        last = printed_unit(prev)
        if last is not None and last.subtitle and last.text.lstrip().startswith(SUBTITLE_PREFIXES) \
                and printed_unit(item) is not last:
            out[k] = True
    return out


def no_cut_before(items: list[Group]) -> list[bool]:
    """For each item, whether a headline cannot start there: it goes on the headline of
    the item above it (:func:`inside_items`), or the item above is a bracketed label."""
    labels, inside = label_items(items), inside_items(items)
    return [k > 0 and (inside[k] or labels[k - 1]) for k in range(len(items))]
