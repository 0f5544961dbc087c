"""One head group's titles and their roles: kicker / headline / subtitle (split out of
:mod:`.headlines`, which builds the groups).

Roles inside a group: —— units (and what follows them) are the subtitle; a series
label after the byline, or a bracketed section label (【…】, also in front of a unit's
words), is the kicker; among the remaining units the one right before the subtitle, else
the only one marked as a heading (# …), else the one with the most lines (in a stack of three or more, not the first or the last), is
the headline and earlier units are the kicker, later ones the subtitle. A group that is one
tight run of lines is first cut where a line is narrower than the next and ends on no
clause mark (:func:`split_stack`), when that yields a whole stack of three titles or more;
a run that one such break divides in two, a wrapped side showing its measure, is a headline
over its subtitle unless the lead says kicker over headline (:func:`split_pair`).
"""
from __future__ import annotations

from dataclasses import replace

from .headlines import LEADING_LABEL, Group, Unit, is_bracket_label, opens_statement
from .lead_titles import kicker_cut, kicker_over, subtitle_cut, subtitle_under
from .text import visual_width
from .title_breaks import clean_break, goes_on, narrow_title_starts, title_starts


def split_label(unit: Unit) -> list[Unit]:
    """A unit opening with a bracketed section label and going on with other words
    (【节日专题】春茶市场升温): the label as a unit of its own, then the words; other units
    as they are."""
    m = None if unit.subtitle else LEADING_LABEL.match(unit.text)
    if m is None or m.end() == len(unit.text):
        return [unit]
    label, rest = unit.text[: m.end()], unit.text[m.end():]
    parts = unit.parts
    if parts and parts[0] == label:  # the label printed on a line of its own
        parts = parts[1:]
    elif parts and parts[0].startswith(label):  # glued onto the first line: the rest of it
        parts = (parts[0][len(label):], *parts[1:])
    n = max(1, len(parts)) if unit.parts else unit.n_lines
    return [replace(unit, text=label, n_lines=1, parts=(), label=True),
            replace(unit, text=rest, n_lines=n, parts=parts if len(parts) > 1 else ())]


def split_stack(unit: Unit) -> list[Unit]:
    """A tight run of title lines holding a whole 引题 / 主题 / 副题 stack: cut it where a line
    is shorter than the next and ends on no clause mark. A wrapped line fills the measure,
    so a line narrower than the one under it ended its title. Only a cut into three or
    more titles is kept (two are read as one unit, as before); otherwise ``[unit]``."""
    parts = unit.parts
    if unit.subtitle or len(parts) < 3:
        return [unit]
    cuts = {k for k in range(1, len(parts)) if not goes_on(parts[k - 1]) and title_starts(parts[k - 1], parts[k])}
    cuts |= set(narrow_title_starts(parts, cuts))
    pieces: list[list[str]] = [[parts[0]]]
    for k, line in enumerate(parts[1:], 1):
        if k in cuts:
            pieces.append([])
        pieces[-1].append(line)
    if len(pieces) < 3:
        return [unit]
    return [replace(unit, text="".join(p), n_lines=len(p), parts=tuple(p) if len(p) > 1 else ())
            for p in pieces]


def split_pair(unit: Unit, lead: str = "") -> list[Unit]:
    """A tight run of title lines that the print divides into two titles: one break where
    the line over it ends on no clause mark and the line under it is wider, with one side
    wrapped over two lines or more, so that it shows its measure (a wrapped title fills
    its measure: lines at one width over a wider line ended their title; lines wrapped
    wider than the one line over them are set in other type). A one-line title over a
    wider one-line title shows no measure: a headline in two halves is printed so too
    (凝聚共识 / 同心共筑命运共同体). The upper title is the headline over its subtitle,
    unless the lead says it is the kicker (:func:`.lead_titles.kicker_over`); otherwise
    ``[unit]``."""
    parts = unit.parts
    if unit.subtitle or len(parts) < 3:
        return [unit]
    cuts = [k for k in range(1, len(parts)) if not goes_on(parts[k - 1]) and title_starts(parts[k - 1], parts[k])]
    if len(cuts) != 1:
        return [unit]
    upper, lower = parts[:cuts[0]], parts[cuts[0]:]
    if not (_measured(upper) or _measured(lower)):
        return [unit]
    kicker = bool(lead) and kicker_over("".join(upper), "".join(lower), lead)
    return [replace(unit, text="".join(p), n_lines=len(p), parts=tuple(p) if len(p) > 1 else (),
                    kicker=kicker and i == 0, subtitle=not kicker and i == 1)
            for i, p in enumerate((upper, lower))]


def _measured(lines: tuple[str, ...]) -> bool:
    """Lines of one title wrapped at one measure: two or more, all but the last at one width."""
    widths = [visual_width(t) for t in lines[:-1]]
    return len(lines) >= 2 and max(widths) - min(widths) <= 1 and visual_width(lines[-1]) <= widths[0] + 1


def split_open(unit: Unit) -> list[Unit]:
    """A tight run of title lines whose line ends on a verb announcing a statement
    (…座谈时强调) with more lines after it: cut after that line, the kicker over the title
    that says what was stressed; otherwise ``[unit]``."""
    parts = unit.parts
    cut = next((k + 1 for k, line in enumerate(parts[:-1]) if opens_statement(line)), None)
    if unit.subtitle or cut is None:
        return [unit]
    return [replace(unit, text="".join(p), n_lines=len(p), parts=tuple(p) if len(p) > 1 else ())
            for p in (parts[:cut], parts[cut:])]


def _split_by_lead(unit: Unit, lead: str, dash_below: bool = False) -> list[Unit]:
    """A tight run of title lines cut in two where the lead's words say so, at a line
    ending on no clause mark and either narrower than the line under it
    (:func:`.title_breaks.title_starts`) or broken where a title can end
    (:func:`.title_breaks.clean_break`: a kicker often fills the measure as the headline
    does, or is the wider line): a kicker over the headline the lead reports
    (:func:`.lead_titles.kicker_cut`), else a headline the lead reports over a subtitle it
    hardly does (:func:`.lead_titles.subtitle_cut`). With a —— subtitle printed below
    (``dash_below``) the subtitle's place is taken: two titles above it are kicker and
    headline either way. Otherwise ``[unit]``."""
    parts = unit.parts
    cuts = [k for k in range(1, len(parts)) if not goes_on(parts[k - 1])
            and (title_starts(parts[k - 1], parts[k]) or clean_break(parts[k - 1], parts[k]))]
    if unit.subtitle:
        return [unit]
    cut, sub = kicker_cut(parts, cuts, lead), None
    if cut is None:
        cut = sub = subtitle_cut(parts, cuts, lead)
    if cut is None:
        return [unit]
    sub = None if dash_below else sub
    return [replace(unit, text="".join(p), n_lines=len(p), parts=tuple(p) if len(p) > 1 else (),
                    kicker=k == 0 and sub is None, subtitle=k == 1 and sub is not None)
            for k, p in enumerate((unit.parts[:cut], unit.parts[cut:]))]


def _inner(n: int) -> range:
    """Where a group's headline may stand among ``n`` units with no —— subtitle: in a
    stack of three or more title units the main title is printed between a kicker above
    and a subtitle below (引题 / 主题 / 副题), so not first or last; with fewer, anywhere."""
    return range(1, n - 1) if n >= 3 else range(n)


def roles(group: Group, lead: str = "") -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subtitle) of a group; a bracketed label in front of a unit's words
    is part of the kicker (:func:`split_label`). ``lead``: the first paragraph of the body
    the group heads, which tells a kicker over two titles (:mod:`.lead_titles`)."""
    labels, kicker_units, head, subtitle_units = role_units(group, lead)
    if head is None:
        return None, "".join(u.text for u in labels) or None, None
    kicker = "".join(u.text for u in labels + kicker_units) or None
    subtitle = "".join(u.text for u in subtitle_units) or None
    return kicker, head.text, subtitle


def role_units(group: Group, lead: str = "") -> tuple[list[Unit], list[Unit], Unit | None, list[Unit]]:
    """The units of a group by role: (labels, the kicker's other units, the headline's unit
    or None when the group holds only labels, the subtitle's units); see :func:`roles`."""
    units = [piece for u in group.units for piece in split_label(u)]
    labels = [u for u in units if u.label or is_bracket_label(u.text)]
    label_ids = {id(u) for u in labels}
    units = [u for u in units if id(u) not in label_ids]
    if len(units) == 1:
        units = split_stack(units[0])
    if len(units) == 1:
        units = split_open(units[0])
    if len(units) == 1 and lead:
        units = _split_by_lead(units[0], lead)
    if len(units) == 1:
        units = split_pair(units[0], lead)
    elif len(units) > 1 and lead and all(u.subtitle for u in units[1:]):
        units = _split_by_lead(units[0], lead, dash_below=True) + units[1:]
    if not units:
        return labels, [], None, []
    sub_at = next((i for i, u in enumerate(units) if u.subtitle), None)
    main = units if sub_at is None else units[:sub_at]
    subs = [] if sub_at is None else units[sub_at:]
    if not main:
        main, subs = subs[:1], subs[1:]
    marked = [i for i, u in enumerate(main) if u.heading]
    if sub_at is not None:
        h = len(main) - 1
    elif len(marked) == 1:  # the one line the dump marks as a heading (# …) is the title
        h = marked[0]
    elif len(main) == 2 and lead and kicker_over(main[0].text, main[1].text, lead):
        h = 1
    elif len(main) == 2 and lead and not (main[0].kicker or opens_statement(main[0].text)) \
            and subtitle_under(main[0].text, main[1].text, lead):
        h = 0
    else:
        h = max(_inner(len(main)), key=lambda i: (i + 1 == len(main) or not opens_statement(main[i].text),
                                                  not main[i].kicker, main[i].n_lines, -i))
    return labels, main[:h], main[h], main[h + 1:] + subs
