"""Headline regions → headline groups → kicker / headline / subtitle.

A *unit* is one title element (a run of headline lines with no blank line inside), a
markdown heading, or the —— subtitle part of a title element. Units become *groups*
(one article's headline block):

* a byline printed under headline lines closes their group and belongs to it;
* a unit starting with —— is the subtitle of the unit before it;
* one unit of one line printed after a byline-closed group, with no byline of its own,
  is that group's series label / kicker (e.g. a column name under the author line; a
  run of several lines there is headlines, not a label);
* other adjacent units are grouped by content later (:mod:`.assign`).

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

import math
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from . import lines as L
from .blocks import Element
from .lead_titles import kicker_cut, kicker_over, subtitle_cut, subtitle_under
from .text import visual_width
from .title_breaks import clean_break, goes_on, narrow_title_starts, title_starts

SUBTITLE_PREFIXES = ("——", "—", "--", "－－")
STACK_TITLES = 3  # titles one head stack prints at most: kicker, headline, subtitle (a page fact, not tuned)

# Generic page/section names printed as banners ("要闻", "综合新闻", "国际·时评"): never an
# article's kicker or headline, whatever words a body shares with them.
SECTION_NAMES = frozenset("""
要闻 综合 综合新闻 新闻 国内 国内新闻 国际 国际新闻 地方 地方新闻 本地新闻 时评 评论 言论 观点 理论
经济 财经 社会 民生 文化 体育 科技 教育 法治 健康 副刊 专版 专题 特刊 视点 关注 深度 广告 头版 封面
""".split())


def is_section_name(text: str) -> bool:
    """A generic section/page name, alone or a few joined with ·/spaces, with 版/新闻 tails."""
    parts = [p for p in text.replace("·", " ").replace("•", " ").replace("／", " ").split() if p]
    if not parts or len(text) > 12:
        return False
    for p in parts:
        p = p.rstrip("版")
        if p not in SECTION_NAMES and not (p.endswith("新闻") and p[:-2] in SECTION_NAMES):
            return False
    return True


def is_bracket_label(text: str) -> bool:
    """A line that is all one bracketed label: 【节日专题】, 〔观察〕, [视点]. It is the
    kicker of the headline printed after it, never a headline itself."""
    text = text.strip()
    return len(text) >= 3 and text[0] in "【〔[［" and text[-1] in "】〕]］"


# a section label printed in front of a headline's words, on its line or the line above
# (【节日专题】春茶…): brackets round a short name with no clause mark in it
LEADING_LABEL = re.compile(r"[【〔\[［][^【】〔〕\[\]［］，。；！？,;!?]{1,12}[】〕\]］]")


@dataclass
class Unit:
    text: str
    line: int
    n_lines: int
    subtitle: bool = False
    heading: bool = False
    label: bool = False  # series label printed after the byline
    kicker: bool = False  # printed over a byline-closed head whose words it carries
    loose: bool = True  # not yet tied to neighbours
    parts: tuple[str, ...] = ()  # the printed lines, when there are several
    of: "Unit | None" = None  # the unit this one is a piece of (see blockorder)


@dataclass
class Group:
    units: list[Unit]
    bylines: list[str] = field(default_factory=list)
    byline_lines: list[int] = field(default_factory=list)
    closed: bool = False  # ended by a byline
    region: int = 0  # index of the region (order of appearance)

    @property
    def line(self) -> int:
        return self.units[0].line if self.units else (self.byline_lines[0] if self.byline_lines else 0)

    @property
    def text(self) -> str:
        return "".join(u.text for u in self.units)

    @property
    def match_text(self) -> str:
        """The words to match against bodies: without series labels (column names)."""
        units = self.units  # (one unit: its text, label or not; ~40,000 calls a pass, most of one)
        return units[0].text if len(units) == 1 else "".join(u.text for u in units if not u.label) or self.text


def element_units(el: Element) -> list[Unit]:
    """Units of a title/heading element; a line starting with —— starts a subtitle unit."""
    if el.kind == "heading":
        return [Unit(el.text, el.line, 1, heading=True)]
    units: list[Unit] = []
    current: list[L.Line] = []
    for ln in el.lines:
        if ln.text.startswith(SUBTITLE_PREFIXES) and current:
            units.append(_unit(current))
            current = []
        current.append(ln)
    if current:
        units.append(_unit(current))
    for u in units:
        u.subtitle = u.text.startswith(SUBTITLE_PREFIXES)
    return units


def _unit(lines: list[L.Line]) -> Unit:
    texts = tuple(x.text for x in lines)
    return Unit("".join(texts), lines[0].no, len(lines), parts=texts if len(texts) > 1 else ())


def _close_by_byline(groups: list[Group], pending: list[Unit], el: Element,
                     region: int) -> list[Unit]:
    """A byline ``el`` closes the head printed since the last group (or joins the group it
    follows); returns the units still pending (none)."""
    body, _ = L.strip_bullet(el.text)
    if pending and is_section_name(pending[-1].text):
        # a section name over a byline is the page's banner, not the head the
        # byline closes: the byline opens the story below
        for u in pending:
            groups.append(Group([u], region=region))
        groups.append(Group([], [body], [el.line], closed=True, region=region))
        return []
    if pending:
        # the byline closes the units printed since the last blank-line group:
        # take the last unit (plus its subtitle units) as this group
        take = _last_headline_units(pending)
        rest = pending[: len(pending) - len(take)]
        for u in rest:
            groups.append(Group([u], region=region))
        for u in take:
            u.loose = False
        groups.append(Group(take, [body], [el.line], closed=True, region=region))
        return []
    if groups and groups[-1].closed:
        groups[-1].bylines.append(body)
        groups[-1].byline_lines.append(el.line)
    else:
        groups.append(Group([], [body], [el.line], closed=True, region=region))
    return pending


def build_groups(elements: list[Element], region: int) -> tuple[list[Group], list[Unit]]:
    """Structural groups (byline-closed) and loose units of one region, in order.

    Returns (groups, loose): a group holds units tied together by structure; ``loose``
    units are left for content-based grouping. Both keep printing order via ``line``.
    """
    groups: list[Group] = []
    pending: list[Unit] = []
    column = {}  # id(unit) -> the local column width of its element
    for el in elements:
        if el.kind in ("title", "heading"):
            for unit in element_units(el):
                column[id(unit)] = el.width
                if unit.subtitle and pending:
                    pending.append(unit)
                elif unit.subtitle and groups and not groups[-1].closed:
                    groups[-1].units.append(unit)
                else:
                    pending.append(unit)
        elif el.kind == "byline":
            pending = _close_by_byline(groups, pending, el, region)
    # one unit right after a byline-closed group, with no byline of its own: a label, unless
    # it is as wide as the column or wider (a series label is a short name; such a line is a
    # headline, often two headline lines printed run together)
    if pending and len(pending) == 1 and pending[0].n_lines == 1 and groups and groups[-1].closed \
            and groups[-1].units and not is_section_name(pending[0].text) \
            and visual_width(pending[0].text) < column.get(id(pending[0]), math.inf):
        unit = pending[0]
        unit.label = True
        unit.loose = False
        groups[-1].units.append(unit)
        pending = []
    for u in pending:
        groups.append(Group([u], region=region))
    # units following a subtitle in the same pending run
    merged: list[Group] = []
    for g in groups:
        if merged and not g.closed and g.units and g.units[0].subtitle and not merged[-1].closed:
            merged[-1].units.extend(g.units)
        else:
            merged.append(g)
    loose = [u for g in merged if not g.closed for u in g.units]
    return merged, loose


LABEL_OWN = 0.2  # a label line's coverage of the body below it that makes it that body's headline


def unlabel(groups: list[Group], cover: Callable[[str, int], tuple[float, float]]) -> list[Group]:
    """A line printed after a byline-closed group is its series label, unless it opens the
    next story's head: its words are those of the body printed below it (coverage
    ≥ LABEL_OWN, more than twice its coverage of the body above), while the group's own
    headline reads as the head of the body above (a headline printed after its body, its
    byline under it, then the next story's headline over that story). Such a line becomes
    a group of its own. So does a line whose words are those of the body printed right
    above it (coverage ≥ LABEL_OWN) more than twice the head's own and the body below's: a
    story's headline printed after its body, under the next story's head. Bracketed labels
    (【…】) printed over the head are kickers by print and take no part.
    ``cover(text, line)``: coverage of ``text`` on the bodies printed right before and
    right after ``line``. The groups given are not changed."""
    out: list[Group] = []
    for g in groups:
        labels = [u for u in g.units if u.label and not is_bracket_label(u.text)]
        head = "".join(u.text for u in g.units if not u.label and not is_bracket_label(u.text))
        if not g.closed or len(labels) != 1 or not head:
            out.append(g)
            continue
        lab = labels[0]
        lb, la = cover(lab.text, lab.line)
        hb, ha = cover(head, lab.line)
        if (la >= LABEL_OWN and la > 2 * lb and hb > ha) or (lb >= LABEL_OWN and lb > 2 * max(la, hb)):
            out.append(replace(g, units=[u for u in g.units if u is not lab]))
            out.append(Group([replace(lab, label=False, loose=True)], region=g.region))
        else:
            out.append(g)
    return out


def _last_headline_units(pending: list[Unit]) -> list[Unit]:
    take = [pending[-1]]
    k = len(pending) - 2
    while k >= 0 and take[0].subtitle:
        take.insert(0, pending[k])
        k -= 1
    return take


def is_short_label(text: str) -> bool:
    """A line that is one bracketed section label (【今日聚焦】): a short name, no clause mark."""
    return LEADING_LABEL.fullmatch(text.strip()) is not None


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


# a title ending on a verb that announces a statement (…座谈时强调, …批示指出) is the kicker
# over the title that says what was stressed: it is never the headline of a stack
_OPENING = re.compile(r"(强调|指出|表示|认为|透露|表明|时(说|要求|提出|希望))$")


def opens_statement(text: str) -> bool:
    """Does this title end on a verb announcing a statement (…时强调, …批示指出)?"""
    return _OPENING.search(text.rstrip()) is not None


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
