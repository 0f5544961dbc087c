"""Headline regions → headline groups → kicker / headline / subtitle.

A *unit* is one title element (a run of headline lines with no blank line inside), a
markdown heading, or the —— subtitle part of a title element. Units become *groups*
(one article's headline block):

* a byline printed under headline lines closes their group and belongs to it;
* a unit starting with —— is the subtitle of the unit before it;
* one unit of one line printed after a byline-closed group, with no byline of its own,
  is that group's series label / kicker (e.g. a column name under the author line; a
  run of several lines there is headlines, not a label, and so is a markdown heading);
* other adjacent units are grouped by content later (:mod:`.assign`).

Roles inside a group (kicker / headline / subtitle): :mod:`.title_roles`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from . import lines as L
from .blocks import Element
from .text import visual_width

SUBTITLE_PREFIXES = ("——", "—", "--", "－－")
STACK_TITLES = 3  # titles one head stack prints at most: kicker, headline, subtitle (a page fact, not tuned)

# Generic page/section names printed as banners ("要闻", "综合新闻", "国际·时评"): never an
# article's kicker or headline, whatever words a body shares with them.
SECTION_NAMES = frozenset("""
要闻 综合 综合新闻 新闻 国内 国内新闻 国际 国际新闻 地方 地方新闻 本地新闻 时评 评论 言论 观点 理论
经济 财经 社会 民生 文化 体育 科技 教育 法治 健康 副刊 专版 专题 特刊 视点 关注 深度 广告 头版 封面
""".split())


# a title ending on a verb that announces a statement (…座谈时强调, …批示指出) is the kicker
# over the title that says what was stressed: it is never the headline of a stack
_OPENING = re.compile(r"(强调|指出|表示|认为|透露|表明|时(说|要求|提出|希望))$")

def opens_statement(text: str) -> bool:
    """Does this title end on a verb announcing a statement (…时强调, …批示指出)?"""
    return _OPENING.search(text.rstrip()) is not None


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
    """Units of a title/heading element; a line starting with —— starts a subtitle unit,
    one opening with a bracketed label a unit of its own."""
    if el.kind == "heading":
        return [Unit(el.text, el.line, 1, heading=True)]
    units: list[Unit] = []
    current: list[L.Line] = []
    for ln in el.lines:
        # a —— line starts a subtitle; a line opening with a bracketed label (【基层一线】…)
        # starts a head of its own: a label is printed over its headline, never at the
        # end of another title
        if current and current[-1].text.endswith("—") and ln.text.startswith("—"):
            pass  # a —— broken over two lines (…锲而不舍— / —三论…) joins them, starts nothing
        elif current and (ln.text.startswith(SUBTITLE_PREFIXES) or LEADING_LABEL.match(ln.text.lstrip())):
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
    # headline, often two headline lines printed run together), or a markdown heading (# …:
    # the export marks a headline so, never a column name)
    if pending and len(pending) == 1 and pending[0].n_lines == 1 and not pending[0].heading \
            and groups and groups[-1].closed and groups[-1].units and not is_section_name(pending[0].text) \
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
    """The units a byline closes: the last one, the units its subtitles hang from, and a
    title ending on a verb announcing a statement right over them (…批示指出: the kicker
    of the headline that says what was stated, never a head of its own)."""
    take = [pending[-1]]
    k = len(pending) - 2
    while k >= 0 and take[0].subtitle:
        take.insert(0, pending[k])
        k -= 1
    if k >= 0 and opens_statement(pending[k].text) and not opens_statement(take[0].text):
        take.insert(0, pending[k])
    return take


def is_short_label(text: str) -> bool:
    """A line that is one bracketed section label (【今日聚焦】): a short name, no clause mark."""
    return LEADING_LABEL.fullmatch(text.strip()) is not None
