"""Assemble :class:`~sitegen.models.Article` and :class:`~sitegen.models.Leftover`
records from bodies, regions and headline assignments.

Every element of the seed ends up in exactly one output field: an article's
kicker/headline/subtitle/byline/dateline, a paragraph or subhead, a continuation
marker, or a leftover (caption, banner, fragment, headline).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article, Block, Leftover, ParseResult, ParseWarning
from . import lines as L
from .assign import Assignment, Scorer, SpanIndex, assign, group_loose, pair_leftovers, split_bodies
from .blocks import Element, build_elements
from .blockorder import block_units, order_block
from .blocksplit import resegment
from .complete import cut_at_shifts, fill
from .doubts import reasons, signals
from .headlines import Group, build_groups, roles
from .resume import Body, rejoin
from .segment import segment
from .text import forget_page_texts


@dataclass
class Extras:
    """What regions contribute to a body besides its headline."""

    bylines: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    markers_before: list[str] = field(default_factory=list)
    markers_after: list[str] = field(default_factory=list)
    subheads_before: list[Element] = field(default_factory=list)


def _continued(bodies: list[Body], span_index: SpanIndex, attach: list) -> set[int]:
    """Bodies that continue an article from elsewhere (a 上接… marker before or in them)."""
    marked = {span_index.neighbours(line)[1] for _d, fld, _v, line in attach if fld == "marker_before"}
    return marked | {i for i, b in enumerate(bodies) if b.paras and b.paras[0].start_marker}


def parse_text(name: str, text: str) -> ParseResult:
    """Parse one seed's text into articles and leftovers (see package docstring)."""
    try:
        return _parse_page(name, text)
    finally:
        forget_page_texts()


def _parse_page(name: str, text: str) -> ParseResult:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    elements = build_elements(text)
    layout = segment(elements)
    bodies = rejoin(layout)
    leftovers: list[Leftover] = []
    warnings: list[ParseWarning] = []
    extras: dict[int, Extras] = {}

    def extra(i: int) -> Extras:
        return extras.setdefault(i, Extras())

    def leftover(kind: str, el_text: str, line: int) -> None:
        if el_text.strip():
            leftovers.append(Leftover(name, kind, el_text, line))

    # -- regions: peel off datelines, markers, bylines, enumerators, captions -------
    # (direction, field, text, line): attached to the body before/after ``line`` once
    # the final bodies are known.
    attach: list[tuple[str, str, str, int]] = []
    region_elements: list[list[Element]] = []
    for region in layout.regions:
        els = list(region.elements)
        if not els:
            continue
        rest: list[Element] = []
        for k, el in enumerate(els):
            if el.kind == "dateline" and region.before is not None and all(
                    e.kind in ("dateline", "caption") for e in els[:k]):
                attach.append(("prev", "dateline", L.dateline_text(el.text), el.line))
            elif el.kind == "marker":
                if "上接" in el.text or ("接" in el.text and "转" not in el.text):
                    attach.append(("next", "marker_before", el.text, el.line))
                else:
                    attach.append(("prev", "marker_after", el.text, el.line))
            elif el.kind == "enum" and region.after is not None and all(
                    e.kind in ("enum", "marker") for e in els[k:]):
                attach.append(("next", "subhead", el.text, el.line))
            elif el.kind == "byline" and k == len(els) - 1 and region.after is not None:
                attach.append(("next", "byline", L.strip_bullet(el.text)[0], el.line))
            elif el.kind == "caption":
                leftover("caption", el.text, el.line)
            elif el.kind in ("fragment", "enum", "dateline", "marker", "para"):
                leftover("fragment", el.text, el.line)
            else:
                rest.append(el)
        if rest:
            region_elements.append(rest)
    for body in bodies:
        emb: list[Element] = []
        for el in body.embedded:
            if el.kind == "caption":
                leftover("caption", el.text, el.line)
            elif el.kind in ("title", "heading", "byline"):
                emb.append(el)
            else:
                leftover("fragment", el.text, el.line)
        if emb:
            region_elements.append(emb)
    region_elements.sort(key=lambda els: els[0].line)

    # -- headline groups ------------------------------------------------------------
    structural: list[list[Group]] = []
    for r, els in enumerate(region_elements):
        groups, _loose = build_groups(els, r)
        structural.append(groups)

    grams_cache: dict[tuple[str, ...], set[str]] = {}  # see assign.Scorer

    def content_groups(current: list[Body]) -> tuple[list[Group], list]:
        scorer = Scorer(current, layout.vocab, grams_cache)
        out: list[Group] = []
        banners = []
        for groups in structural:
            merged, ban = group_loose(groups, scorer)
            out.extend(g for g in merged if g.units or g.bylines)
            banners.extend(ban)
        return out, banners

    def assigned(current: list[Body], groups: list[Group]) -> tuple[Scorer, Assignment]:
        """The page's headline groups matched to ``current`` bodies, left-over headlines paired."""
        scorer = Scorer(current, layout.vocab, grams_cache)
        result = assign(groups, scorer)
        pair_leftovers(result, scorer)
        return scorer, result

    def completed(current: list[Body], scorer: Scorer, result: Assignment):
        """Continued bodies marked, unmatched bodies filled, and the block order tried:
        (span index, marked bodies, the block-ordered assignment or None)."""
        span_index = SpanIndex(current)
        marked = _continued(current, span_index, attach)
        fill(result, scorer, marked)
        return span_index, marked, order_block(structural, current, scorer, result, len(marked))

    groups, banners = content_groups(bodies)
    for _ in range(3):
        split = split_bodies(bodies, groups, layout.vocab, grams_cache)
        if split is None:
            break
        bodies = split
        groups, banners = content_groups(bodies)
    # extras were keyed by body index before splitting: re-key by first line
    scorer, result = assigned(bodies, groups)
    for _ in range(2):  # headlines left over: articles run together?
        cut = cut_at_shifts(bodies, result, layout.vocab)
        if cut is None:
            break
        bodies = cut
        groups, banners = content_groups(bodies)
        scorer, result = assigned(bodies, groups)
    span_index, marked, ordered = completed(bodies, scorer, result)
    recut = resegment(structural, bodies, layout.vocab) if ordered and not marked else None
    if recut is not None:  # the page follows its headline block: bodies re-cut to it
        bodies = recut
        groups, banners = content_groups(bodies)
        scorer, result = assigned(bodies, groups)
        span_index, marked, ordered = completed(bodies, scorer, result)
    if ordered is not None:  # all headlines in one block, in the bodies' order
        result = ordered
        placed = {id(x) for g in result.by_body.values() for u in g.units for x in (u, u.of)}
        banners = [u for u in block_units(structural) if id(u) not in placed]

    for unit in banners:
        leftover("banner", unit.text, unit.line)
    for g in result.unassigned:
        for u in g.units:
            leftover("headline", u.text, u.line)
        for b, ln in zip(g.bylines, g.byline_lines):
            leftover("fragment", b, ln)
        if g.units:
            warnings.append(ParseWarning(name, g.line, f"headline {g.text[:20]!r} matched no body"))

    # -- attach region extras to the final bodies ---------------------------------
    for direction, fld, value, line in attach:
        before, after = span_index.neighbours(line)
        target = before if direction == "prev" else after
        if target is None:
            leftover("fragment", value, line)
            continue
        ex = extra(target)
        if fld == "dateline":
            ex.datelines.append(value)
        elif fld == "marker_before":
            ex.markers_before.append(value)
        elif fld == "marker_after":
            ex.markers_after.append(value)
        elif fld == "subhead":
            ex.subheads_before.append(Element("enum", [L.Line(line, value)]))
        elif fld == "byline":
            ex.bylines.append(value)

    # -- doubts: what the decisions above were unsure of ---------------------------------
    doubts = signals(bodies, result, scorer, layout.vocab, marked, leftovers)

    # -- articles -----------------------------------------------------------------------
    articles: list[Article] = []
    for pos, body in enumerate(bodies, start=1):
        ex = extras.get(pos - 1, Extras())
        group = result.by_body.get(pos - 1)
        kicker = headline = subtitle = None
        bylines = list(ex.bylines)
        if group is not None:
            kicker, headline, subtitle = roles(group)
            bylines_group = list(group.bylines)
        else:
            bylines_group = []
            warnings.append(ParseWarning(name, body.line, "body without headline"))
        markers = list(ex.markers_before)
        blocks: list[Block] = [Block("subhead", el.text, el.line) for el in ex.subheads_before]
        dateline = None
        byline_bracket = None
        body_paras = [p for p in body.paras]
        credit = L.closing_credit(body_paras[-1].raw) if len(body_paras) > 1 else None
        if credit is not None:  # a credit printed on its own after the story: its byline
            bylines.append(credit)
            body_paras.pop()
        first_para = True
        for p in body_paras:
            raw = p.raw
            if p.subhead:
                blocks.append(Block("subhead", raw, p.line))
                continue
            m = L.START_MARKER_RE.match(raw)
            if m:
                markers.append(m.group(0).strip())
                raw = raw[m.end():]
            m = L.end_marker_match(raw)
            end_marker = None
            if m:
                end_marker = m.group(0).strip()
                raw = raw[: m.start()]
            if first_para:
                d, b, rest = L.split_dateline(raw)
                if d is not None:
                    dateline, byline_bracket, raw = d, b, rest
            raw = raw.strip()
            if raw:
                blocks.append(Block("paragraph", raw, p.line))
                first_para = False
            if end_marker:
                markers.append(end_marker)
        markers.extend(ex.markers_after)
        byline_parts = [b for b in [byline_bracket] if b] + bylines + bylines_group
        byline = byline_parts[0] if byline_parts else None
        for extra_b in byline_parts[1:]:
            leftovers.append(Leftover(name, "fragment", extra_b, body.line))
        datelines = ([dateline] if dateline else []) + ex.datelines
        if datelines:
            dateline = datelines[0]
            for d in datelines[1:]:
                leftovers.append(Leftover(name, "fragment", d, body.line))
        articles.append(Article(
            seed=name, position=pos, kicker=kicker, headline=headline, subtitle=subtitle,
            byline=byline, dateline=dateline, blocks=tuple(blocks), markers=tuple(markers),
            line=body.line, doubts=tuple(reasons(doubts[pos - 1])),
        ))
    leftovers.sort(key=lambda x: x.line)
    return ParseResult(tuple(articles), tuple(leftovers), tuple(warnings))

