"""Assemble :class:`~sitegen.models.Article` and :class:`~sitegen.models.Leftover`
records from bodies, regions and headline assignments.

Every element of the seed ends up in exactly one output field: an article's
kicker/headline/subtitle/byline/dateline, a paragraph or subhead, a continuation
marker, or a leftover (caption, banner, fragment, headline).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..models import HEADLESS_BODY, Article, Block, Leftover, ParseResult, ParseWarning
from . import lines as L
from .box_labels import box_start
from .assign import SpanIndex, story_grams
from .blocks import INSETS, Element, build_elements
from .doubt_heads import byline_text, credit_lead, cut_above
from .doubt_layout import box_after, box_label, under_prose
from .doubt_fits import two_datelines
from .doubts import reasons, signals
from .doubt_subhead import measure as first_subheads
from .explain import PageExplain, explain_page
from .headlines import Group, build_groups
from .title_roles import roles
from .editor_notes import EDITOR_NOTE
from .page_lines import PAGE_LINE_KINDS
from .place import Placement, Placer
from .resume import Body, rejoin_read
from .paragraphs import Para
from .segment import Layout, Region, segment
from .subhead_heads import retitled
from .text import forget_page_texts


@dataclass
class Extras:
    """What regions contribute to a body besides its headline."""

    bylines: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    markers_before: list[str] = field(default_factory=list)
    markers_after: list[str] = field(default_factory=list)
    subheads_before: list[Element] = field(default_factory=list)
    opening_dateline: str | None = None  # printed on its own line above the body
    closing_datelines: list[str] = field(default_factory=list)  # of ``datelines``, those printed in brackets


def parse_text(name: str, text: str) -> ParseResult:
    """Parse one seed's text into articles and leftovers (see package docstring)."""
    try:
        return _parse_page(name, text)
    finally:
        forget_page_texts()


def parse_explained(name: str, text: str) -> tuple[ParseResult, PageExplain]:
    """``parse_text`` and the page's decision tables (:mod:`.explain`), gathered after the
    parse: only this path pays for them."""
    tables: list[PageExplain] = []
    try:
        result = _parse_page(name, text, tables)
    finally:
        forget_page_texts()
    return result, tables[0]


def _closing_datelines(layout) -> list[int]:
    """Lines of the datelines printed alone in brackets (（新华社福州１月１４日电）): a
    story's closing dateline, printed under its last sentence."""
    return [el.line for region in layout.regions for el in region.elements
            if el.kind == "dateline" and el.text.lstrip().startswith(("（", "("))]


def _parse_page(name: str, text: str, tables: list[PageExplain] | None = None) -> ParseResult:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    layout = segment(build_elements(text))
    page = _Page(name)
    bodies, runners = rejoin_read(layout)
    bodies = given = _lone_credits(retitled(bodies, layout))
    region_elements, attach = page.peel(layout, bodies)
    structural = [build_groups(els, r)[0] for r, els in enumerate(region_elements)]
    continue_lines = [line for _d, fld, _v, line in attach if fld == "marker_before"]
    vocab = layout.vocab.by_stories(story_grams(bodies))  # the page's words, once
    datelines = ([line for _d, fld, _v, line in attach if fld == "opening_dateline"],
                 _closing_datelines(layout))
    placed = Placer(structural, vocab, continue_lines, datelines).place(bodies)
    page.unplaced(placed)
    extras = page.attached(attach, placed.span_index)
    # doubts: what the decisions above were unsure of
    doubts = signals(placed.bodies, placed.result, placed.scorer, vocab, placed.continued, page.leftovers,
                     placed.readings, runners, placed.boundaries)
    bodies = _opening_credits(placed.bodies, extras)
    page_lines = text.split("\n")
    spans = [span for body in bodies for span in body.spans]
    for k, (s, body) in enumerate(zip(doubts, bodies)):  # a credit still opening a body is its lead
        s.credit_lead = credit_lead(ps := [p for p in body.paras if not p.subhead])
        ex = extras.get(k, Extras())
        s.two_datelines = two_datelines(ps, ex.opening_dateline, ex.closing_datelines)
        s.cut_above = cut_above(ps, page_lines)
        s.under_prose = None if s.cut_above else under_prose(ps, page_lines, spans)
    labels = [box_label(body, [el.text for el in extras[k].subheads_before] if k in extras else ())
              for k, body in enumerate(bodies)]
    for s, box in zip(doubts, box_after(bodies, [k in placed.result.by_body for k in range(len(bodies))], labels)):
        s.box_after = box
    for s, lone in zip(doubts, first_subheads(bodies, {i: g.match_text for i, g in placed.result.by_body.items()})):
        s.first_sub = lone
    articles = [page.article(pos, body, placed.result.by_body.get(pos - 1), extras.get(pos - 1, Extras()),
                             tuple(reasons(doubts[pos - 1])))
                for pos, body in enumerate(bodies, start=1)]
    for k, art in enumerate(articles):  # the byline is known only now: a doubt when it holds the lead's words
        if (s := doubts[k]).byline_text is None and (found := byline_text(art.byline)) is not None:
            s.byline_text = found
            articles[k] = replace(art, doubts=tuple(reasons(s)))
    page.leftovers.sort(key=lambda x: x.line)
    result = ParseResult(tuple(articles), tuple(page.leftovers), tuple(page.warnings))
    if tables is not None:  # parse_explained
        tables.append(explain_page(name, given, placed, vocab, result.articles))
    return result


class _Page:
    """What one page's parse collects besides its articles: leftovers and warnings."""

    def __init__(self, name: str):
        self.name = name
        self.leftovers: list[Leftover] = []
        self.warnings: list[ParseWarning] = []

    def leftover(self, kind: str, el_text: str, line: int) -> None:
        if el_text.strip():
            self.leftovers.append(Leftover(self.name, kind, el_text, line))

    def peel(self, layout, bodies: list[Body]) -> tuple[list[list[Element]], list[tuple[str, str, str, int]]]:
        """Regions' datelines, markers, bylines, enumerators and captions peeled off:
        (the headline-like elements of each region and of each body, in page order;
        (direction, field, text, line) to attach to the body before/after ``line`` once
        the final bodies are known)."""
        attach: list[tuple[str, str, str, int]] = []
        region_elements: list[list[Element]] = []
        for region in layout.regions:
            els = list(region.elements)
            rest: list[Element] = []
            for k, el in enumerate(els):
                if el.kind == "dateline" and region.before is not None and all(
                        e.kind in ("dateline", "caption") for e in els[:k]) \
                        and not _opens_next(layout, region, els, k):
                    closing = el.text.lstrip().startswith(("（", "("))  # bracketed: it closes a story
                    attach.append(("prev", "closing_dateline" if closing else "dateline", L.dateline_text(el.text),
                                   el.line))
                elif el.kind == "dateline" and region.after is not None \
                        and all(e.kind == "byline" for e in els[k + 1:]) \
                        and not el.text.lstrip().startswith(("（", "(")):
                    # under a headline, right above a body (or above the byline over it),
                    # not bracketed (a closing dateline is): the dateline that opens the
                    # story below
                    attach.append(("next", "opening_dateline", L.dateline_text(el.text), el.line))
                elif el.kind == "marker":
                    if "上接" in el.text or ("接" in el.text and "转" not in el.text):
                        attach.append(("next", "marker_before", el.text, el.line))
                    else:
                        attach.append(("prev", "marker_after", el.text, el.line))
                elif el.kind == "enum" and region.after is not None and all(
                        e.kind in ("enum", "marker") for e in els[k:]):
                    attach.append(("next", "subhead", el.text, el.line))
                elif el.kind == "byline" and k == len(els) - 1 and region.after is not None and not _author_of_head(els, k):
                    attach.append(("next", "byline", L.strip_bullet(el.text)[0], el.line))
                elif el.kind in INSETS or el.kind in PAGE_LINE_KINDS or el.kind == EDITOR_NOTE:
                    self.leftover(el.kind, el.text, el.line)
                elif el.kind in ("fragment", "enum", "dateline", "marker", "para"):
                    self.leftover("fragment", el.text, el.line)
                else:
                    rest.append(el)
            if rest:
                region_elements.append(rest)
        for body in bodies:
            emb: list[Element] = []
            for el in body.embedded:
                if el.kind in INSETS:
                    self.leftover(el.kind, el.text, el.line)
                elif el.kind in ("title", "heading", "byline"):
                    emb.append(el)
                elif el.kind in PAGE_LINE_KINDS or el.kind == EDITOR_NOTE:
                    self.leftover(el.kind, el.text, el.line)
                else:
                    self.leftover("fragment", el.text, el.line)
            if emb:
                region_elements.append(emb)
        region_elements.sort(key=lambda els: els[0].line)
        return region_elements, attach

    def unplaced(self, placed: Placement) -> None:
        """Banners and headline groups that head no body become leftovers."""
        for unit in placed.banners:
            self.leftover("banner", unit.text, unit.line)
        for g in placed.result.unassigned:
            for u in g.units:
                self.leftover("headline", u.text, u.line)
            for b, ln in zip(g.bylines, g.byline_lines):
                self.leftover("fragment", b, ln)
            if g.units:
                self.warnings.append(ParseWarning(self.name, g.line, f"headline {g.text[:20]!r} matched no body"))

    def attached(self, attach: list[tuple[str, str, str, int]], span_index: SpanIndex) -> dict[int, Extras]:
        """Region extras given to the final bodies they were printed next to."""
        extras: dict[int, Extras] = {}
        for direction, fld, value, line in attach:
            before, after = span_index.neighbours(line)
            target = before if direction == "prev" else after
            if target is None:
                self.leftover("fragment", value, line)
                continue
            ex = extras.setdefault(target, Extras())
            if fld in ("dateline", "closing_dateline"):
                ex.datelines.append(value)
                if fld == "closing_dateline":
                    ex.closing_datelines.append(value)
            elif fld == "opening_dateline":
                ex.datelines.insert(0, value)
                ex.opening_dateline = value
            elif fld == "marker_before":
                ex.markers_before.append(value)
            elif fld == "marker_after":
                ex.markers_after.append(value)
            elif fld == "subhead":
                ex.subheads_before.append(Element("enum", [L.Line(line, value)]))
            elif fld == "byline":
                ex.bylines.append(value)
        return extras

    def article(self, pos: int, body: Body, group: Group | None, ex: Extras, doubts: tuple[str, ...]) -> Article:
        """The article of ``body`` (at ``pos`` on the page), headed by ``group``."""
        kicker = headline = subtitle = None
        bylines = list(ex.bylines)
        if group is not None:
            kicker, headline, subtitle = roles(group, next((p.raw for p in body.paras if not p.subhead), ""))
        else:
            self.warnings.append(ParseWarning(self.name, body.line, HEADLESS_BODY))
        body_paras = list(body.paras)
        at = box_start(body_paras)  # a box under the story's text: the credit is above it
        at = len(body_paras) if at is None else at
        credit = L.closing_credit(body_paras[at - 1].raw) if at > 1 else None
        if credit is not None:  # a credit printed on its own after the story: its byline
            bylines.append(credit)
            body_paras.pop(at - 1)
        text = _body_text(body_paras, ex.opening_dateline)
        blocks = [Block("subhead", el.text, el.line) for el in ex.subheads_before] + text.blocks
        markers = ex.markers_before + text.markers + ex.markers_after
        byline_parts = [b for b in [text.byline] if b] + bylines + (list(group.bylines) if group else [])
        for extra_b in byline_parts[1:]:
            self.leftovers.append(Leftover(self.name, "fragment", extra_b, body.line))
        datelines = ([text.dateline] if text.dateline else []) + ex.datelines
        for d in datelines[1:]:
            self.leftovers.append(Leftover(self.name, "fragment", d, body.line))
        return Article(
            seed=self.name, position=pos, kicker=kicker, headline=headline, subtitle=subtitle,
            byline=byline_parts[0] if byline_parts else None, dateline=datelines[0] if datelines else None,
            blocks=tuple(blocks), markers=tuple(markers), line=body.line, doubts=doubts,
        )


def _author_of_head(els: list[Element], k: int) -> bool:
    """An author line that names no reporter (□周德武, 本报评论员: no 记者/通讯员) printed right under a headline line,
    with no blank line between them, is that headline's author: it stays in the headline's
    group and goes wherever the headline goes (a headline may be printed after its story),
    instead of being handed to the body printed below."""
    el = els[k]
    return (k > 0 and not el.gap_before and els[k - 1].kind in ("title", "heading")
            and "记者" not in el.text and "通讯员" not in el.text)


def _lone_credits(bodies: list[Body]) -> list[Body]:
    """A body that is nothing but a bracketed credit (（本报记者 张三）) is no article: it
    closes the story printed right before it, whose last paragraph it becomes (and, as
    such, that article's byline). A credit printed before every body stays as it is."""
    out = list(bodies)
    for body in bodies:
        if len(body.paras) != 1 or body.paras[0].subhead or L.closing_credit(body.paras[0].raw) is None:
            continue
        before = [b for b in out if b is not body and b.spans and b.spans[-1][1] < body.line]
        if not before:
            continue
        prev = max(before, key=lambda b: b.spans[-1][1])
        k = out.index(prev)
        out[k] = replace(prev, paras=[*prev.paras, *body.paras], spans=[*prev.spans, *body.spans])
        out.remove(body)
    return out


def _opening_credits(bodies: list[Body], extras: dict[int, Extras]) -> list[Body]:
    """A body that opens with a paragraph that is only a bracketed credit, with more text
    after it: the credit is no lead. Naming a role (（记者 张三）) it is the byline of the
    story it opens; bare names (（张三 李四）) are the closing credit of the story printed
    before, when that one ends without its own. The bodies given are not changed."""
    out = list(bodies)
    for i, body in enumerate(bodies):
        paras = body.paras
        if len(paras) < 2 or paras[0].subhead or paras[1].subhead:
            continue
        credit = L.closing_credit(paras[0].raw)
        if credit is None:
            continue
        prev = bodies[i - 1].paras if i else []
        to_prev = (not L.names_role(credit) and len(prev) > 1 and L.closing_credit(prev[-1].raw) is None)
        target = extras.setdefault(i - 1 if to_prev else i, Extras())
        if to_prev:
            target.bylines.append(credit)
        else:
            target.bylines.insert(0, credit)
        out[i] = replace(body, paras=paras[1:])
    return out


def _opens_next(layout: Layout, region: Region, els: list[Element], k: int) -> bool:
    """Is the bare dateline ``els[k]``, last of its region, over a text that opens with the
    reporters' bracket? (新华社银川１月３０日电 / （记者秦凤桐、周健伟）宁夏…: the bracket
    follows its story's dateline, so the dateline opens that text, whatever is above it.)"""
    if region.after is None or k != len(els) - 1 or els[k].text.lstrip().startswith(("（", "(")):
        return False
    paras = layout.pieces[region.after].paras
    return bool(paras) and L.opening_credit(paras[0].raw) is not None


@dataclass
class _Text:
    blocks: list[Block]
    markers: list[str]
    dateline: str | None
    byline: str | None  # a byline in brackets after the dateline


def _body_text(paras: list[Para], opening: str | None = None) -> _Text:
    """Paragraphs and subheads of a body, its continuation markers, and the dateline
    (with a bracketed byline) that opens its first paragraph; or, under the ``opening``
    dateline printed on its own line above the body, the reporter's bracket opening the
    first paragraph (本报哈尔滨１月５日电 / （记者董伟）伴着…)."""
    out = _Text([], [], None, None)
    first_para = True
    for p in paras:
        raw = p.raw
        if p.subhead:
            out.blocks.append(Block("subhead", raw, p.line))
            continue
        m = L.START_MARKER_RE.match(raw)
        if m:
            out.markers.append(m.group(0).strip())
            raw = raw[m.end():]
        m = L.end_marker_match(raw)
        end_marker = None
        if m:
            end_marker = m.group(0).strip()
            raw = raw[: m.start()]
        if first_para:
            d, b, rest = L.split_dateline(raw)
            if d is not None:
                out.dateline, out.byline, raw = d, b, rest
            elif opening is not None:
                _, b, rest = L.split_dateline(opening + raw)
                if b is not None and ("记者" in b or "通讯员" in b):
                    out.byline, raw = b, rest
        raw = raw.strip()
        if raw:
            out.blocks.append(Block("paragraph", raw, p.line))
            first_para = False
        if end_marker:
            out.markers.append(end_marker)
    return out
