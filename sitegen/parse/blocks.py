"""Seed text → a flat sequence of typed elements.

Rules, in order:

1. Lines are grouped into *blocks*: runs of non-blank lines (a blank line is either a
   paragraph break or a column break — decided later).
2. Special lines are cut out of blocks as their own elements: markdown headings,
   continuation markers printed alone, bylines, datelines printed alone, photo credits
   (…摄), one- or two-character scraps, enumerators such as "（三）", and the page's own
   running head and editors' line (:mod:`.page_lines`).
   (Before 4: an editor's note, 编者按 / 编后, is an element of its own: :mod:`.editor_notes`.)
3. The remaining runs of text lines are split into *chunks* where a line ends a
   sentence (。！？…) and is visibly shorter than the column (a paragraph that ends
   without a blank line after it).
4. Each chunk is classified as ``para`` (prose) or ``title`` (headline/subhead line):
   see :func:`.chunks.classify_chunk`. The column width used for "short" is estimated locally
   from neighbouring multi-line blocks; where there are none (one paragraph per line)
   the width is infinite and different rules apply.
5. Text lines directly above a byline in the same block are headline lines; a
   sentence among them is a photo caption (byline-under-headline layout).
6. A photo credit extends back over the narrow caption text above it, and over the
   sentence or two set off by a blank line right above it in its block (the caption under
   a photo set into the column, however wide its lines).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import lines as L
from . import page_lines as PL
from .page_lines import EDITORS_FIRST
from .block_titles import (mark_closing_headlines, mark_closing_titles, mark_heading_subtitles,
                           mark_opening_headline)
from .chunks import classify_chunks
from .editor_notes import mark_editor_notes, page_may_note
from .closing_run_in import mend_bracket_tails
from .interviews import mark_questions, page_may_ask, question_lines
from .photo_captions import is_other_credit, mark_captions, page_may_credit, page_may_point
from .columns import column_widths
from .pull_quotes import mark_pull_quotes
from .unwrapped import unwrap_blocks
from .text import (
    CLOSERS,
    SENTENCE_END,
    ends_closed_for_title,
    ends_sentence,
    is_han,
    joined_texts,
    visual_width,
)


@dataclass
class Element:
    """A typed piece of the seed in reading order."""

    kind: str  # para | title | heading | byline | dateline | marker | caption | fragment | enum | running_head | editors
    lines: list[L.Line]
    gap_before: bool = True  # a blank line (or file start) precedes it
    level: int = 0  # markdown heading level
    width: float = math.inf  # local column width
    first_in_block: bool = True
    text_override: str | None = None  # e.g. heading text without '#'
    # (lines, count, text when last joined by joined_texts: a class default, not a field)
    _text_memo = (None, -1, "")

    @property
    def text(self) -> str:
        if self.text_override is not None:
            return self.text_override
        lines, n, text = self._text_memo
        if lines is self.lines and n == len(lines):
            return text
        return joined_texts(self, self.lines, "_text_memo")

    @property
    def line(self) -> int:
        return self.lines[0].no if self.lines else 0

    @property
    def max_width(self) -> float:
        return max((ln.width for ln in self.lines), default=0.0)


#: Kinds of text set into a story apart from its run of paragraphs and belonging to none of
#: them: a photo caption, a pull-quote (:mod:`.pull_quotes`). Reading passes over them.
INSETS = ("caption", "pull_quote")
#: What reading passes over between two elements: insets, stray fragments and the page's own
#: lines (running head, editors' line: :mod:`.page_lines`) — printed there, part of neither.
PASSED_OVER = (*INSETS, "fragment", *PL.PAGE_LINE_KINDS)


def split_blocks(text: str) -> list[list[L.Line]]:
    """Runs of non-blank lines, each line stripped and numbered from 1."""
    blocks: list[list[L.Line]] = []
    current: list[L.Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            current.append(L.Line(no, stripped))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _plain_prose(line: L.Line) -> bool:
    """Most lines are prose, and prose carries sentence punctuation, which no heading,
    marker, credit, dateline, byline, enumerator or fragment line (``_line_kind``) can: a
    line that has it, is wider than a fragment and neither starts with # （ ( nor ends with
    摄 ） ) is none of them."""
    t = line.text
    return t[0] not in "#（(" and t[-1] not in "摄）)" and line.width > 2 and bool(L.SENTENCE_PUNCT_RE.search(t))


def _special_kind(line: L.Line) -> str | None:
    if line.width <= 9 and L.is_sidebar_label(line.text):
        return "enum"  # a sidebar's label heads a part of the story it stands by, as （三） does
    if _plain_prose(line):
        # (an editors' line has a colon: 本版责编：张伟)
        return PL.EDITORS if line.text[0] in EDITORS_FIRST and PL.is_editors_line(line.text) else None
    return _line_kind(line)


def _line_kind(line: L.Line) -> str | None:
    t = line.text
    if L.md_heading(t):
        return "heading"
    if L.is_marker_line(t):
        return "marker"
    if L.is_photo_credit(t):
        return "credit"
    if PL.is_running_head(t):
        return PL.RUNNING_HEAD
    if PL.is_editors_line(t):
        return PL.EDITORS
    if L.is_dateline_line(t):
        return "dateline"
    if L.is_byline(t):
        return "byline"
    if L.ENUM_LINE_RE.match(t):
        return "enum"
    if L.is_fragment_line(t):
        return "fragment"
    return None


def _read_inserts(text: str, blocks: list[list[L.Line]], kinds: list[list[str | None]]) -> None:
    """Lines of what a paper sets into a story, read where the page may hold them at all (a
    search of its text each): a caption's credit other than 摄 (图为……。 新华社发:
    :mod:`.photo_captions`), read before anything but a heading, a marker or a 摄 credit;
    an interview's question, text and not a byline (:mod:`.interviews`)."""
    if page_may_credit(text):
        for bi, block in enumerate(blocks):
            for i, line in enumerate(block):
                if kinds[bi][i] not in ("heading", "marker", "credit") and is_other_credit(line.text):
                    kinds[bi][i] = "credit"
    if page_may_ask(text):
        for bi, block in enumerate(blocks):
            for i in question_lines([ln.text for ln in block]):
                kinds[bi][i] = None


def _split_paragraph_ends(run: list[L.Line], width: float, fill: float = math.inf,
                          after: L.Line | None = None) -> list[list[L.Line]]:
    """Split a run of text lines where a short line ends a sentence: shorter than the
    column by more than a cell, and than the width prose lines are filled to (a full
    line that stops half a cell early because the next character did not fit is not
    a paragraph end, nor one that stops short because the opening mark starting the next
    line could not end it: :func:`.lines.opener_moved_down`); and where a full line ending
    a sentence is followed by an indented one (:func:`_indented_after`; ``after`` is the
    line printed after the run)."""
    chunks: list[list[L.Line]] = [[]]
    short = min(width, fill) - 1.0
    last = len(run) - 1
    for idx, line in enumerate(run):
        chunks[-1].append(line)
        if idx < last and ((line.width < short and ends_sentence(line.text)
                            and not L.opener_moved_down(line, run[idx + 1], width))
                           or line.text[-1] in _FULL_STOP_OR_CLOSER
                           and _indented_after(line, run[idx + 1], run[idx + 2] if idx + 2 < len(run) else after,
                                               fill)):
            chunks.append([])
    return [c for c in chunks if c]


def _indented_after(line: L.Line, nxt: L.Line, following: L.Line | None, fill: float) -> bool:
    """``nxt`` opens a paragraph under a full line that ends a sentence with a full stop:
    ``nxt`` runs on (it ends open) yet stops one to three characters short of the width
    prose lines are filled to. A paragraph's first line is set in from the column's edge
    (the dump drops the indent, not its width); a line inside a paragraph fills the
    column. Only read where the width is exact and has no other cause: ``nxt`` all
    full-width characters (half-width digits and marks make a line's width uncertain),
    and the text after it (``following``) not opening with a quotation mark or bracket,
    which moves down to the next line with its word and leaves this one short."""
    return (line.text.rstrip(CLOSERS)[-1:] in _FULL_STOP and fill - 3.0 <= nxt.width <= fill - 1.0
            and nxt.width == len(nxt.text) and not ends_sentence(nxt.text)
            and (following is None or following.text[:1] not in _OPENERS))


def _next_text_line(blocks: list[list[L.Line]], kinds: list[list[str | None]], bi: int) -> L.Line | None:
    """The first line printed after block ``bi``, past photo credits (a caption set
    inside a column); ``kinds``: each line's ``_special_kind``."""
    return next((blocks[j][0] for j in range(bi + 1, len(blocks)) if kinds[j][0] != "credit"), None)


#: Marks that end a sentence and nothing less (not ；, which ends a clause of a list).
_FULL_STOP = "。！？!?"
#: The last character of a line after which :func:`_indented_after` may hold.
_FULL_STOP_OR_CLOSER = _FULL_STOP + CLOSERS
#: Marks that move down to the next line with the word they open.
_OPENERS = "“‘「『（(《〈【\"'"


def _heading_elements(line: L.Line, gap: bool, first: bool) -> list[Element]:
    level, title = L.md_heading(line.text)  # type: ignore[misc]
    # A trailing 2-3 character name after a space is the author's byline ("… 钟声").
    head, _, tail = title.rpartition(" ")
    if head and 2 <= len(tail) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in tail) and visual_width(head) >= 6:
        return [
            Element("heading", [line], gap, level=level, first_in_block=first, text_override=head.strip()),
            Element("byline", [L.Line(line.no, tail)], False, first_in_block=False),
        ]
    return [Element("heading", [line], gap, level=level, first_in_block=first, text_override=title)]


def _fragment_read(kinds: list[str | None], block: list[L.Line], i: int, in_run: bool) -> str | None:
    """Line ``i``'s kind, a "fragment" read again in its place: the short last line of a
    wrapped paragraph ("动。") or title ("根基") under a run of text, or the end of a sentence
    carried over a column break ("4%。") with the next paragraph under it, is text (None),
    not a stray scrap."""
    kind = kinds[i]
    if kind != "fragment":
        return kind
    text = block[i].text
    if in_run and (any(ch in text for ch in SENTENCE_END + CLOSERS) or all(is_han(ch) for ch in text.strip())):
        return None
    if i == 0 and i + 1 < len(block) and text.rstrip(CLOSERS)[-1:] in SENTENCE_END and kinds[i + 1] is None:
        return None
    return kind


def build_elements(text: str) -> list[Element]:
    """The element sequence of a seed (see module docstring)."""
    blocks = unwrap_blocks(split_blocks(text))
    widths, fills, own_fills = column_widths(blocks)
    kinds = [list(map(_special_kind, block)) for block in blocks]  # (each line's read once)
    _read_inserts(text, blocks, kinds)
    mend_bracket_tails(blocks, kinds)
    elements: list[Element] = []
    at_top = True  # nothing but a name printed above (a column name over the page: 时评)
    for bi, (block, width, fill, own_fill) in enumerate(zip(blocks, widths, fills, own_fills)):
        measure = width
        if len(block) >= 5:
            # a long block shows its own column (articles on a page may differ in width):
            # its paragraph ends are read against the width its own lines are filled to,
            # not against a narrower column of the stories around it
            fill = own_fill
            measure = max(width, fill)
        block_elems: list[Element] = []
        run: list[L.Line] = []

        def flush_run(after: L.Line | None) -> None:
            if not run:
                return
            for chunk in _split_paragraph_ends(run, measure, fill, after):
                block_elems.append(Element("chunk", list(chunk), False, width=width))
            run.clear()

        for i, line in enumerate(block):
            kind = _fragment_read(kinds[bi], block, i, bool(run))
            if kind is None:
                run.append(line)
                continue
            flush_run(line)
            if kind == "heading":
                block_elems.extend(_heading_elements(line, False, False))
            else:
                block_elems.append(Element(kind, [line], False, width=width))
        flush_run(_next_text_line(blocks, kinds, bi))
        for k, el in enumerate(block_elems):
            el.gap_before = k == 0
            el.first_in_block = k == 0
            el.width = measure
        _mark_byline_headlines(block_elems)
        mark_heading_subtitles(block_elems)
        _merge_credits(block_elems)
        elements.extend(block_elems)
        if at_top:
            mark_opening_headline(block_elems)
        at_top = at_top and _name_only(block_elems)
    if blocks:
        mark_closing_headlines(block_elems)
        mark_closing_titles(block_elems, elements[:len(elements) - len(block_elems)])
    _classify(text, elements)
    return elements


def _name_only(block: list[Element]) -> bool:
    """Does the block hold only a short name printed alone over the page (a column name
    such as 时评, read as a fragment), no story? The page's head block under it is still at
    the page's top."""
    return all(el.kind == "fragment" for el in block)


def _classify(text: str, elements: list[Element]) -> None:
    """The chunks read as prose or titles, and what a paper sets into a story among them:
    editors' notes (read first: the text around one is classified as if it were not there),
    interview questions, photo captions and pull-quotes."""
    if page_may_note(text):
        mark_editor_notes(elements)
    classify_chunks(elements)
    if page_may_ask(text):
        mark_questions(elements)
    if page_may_point(text):
        mark_captions(elements)
    _extend_captions(elements)
    mark_pull_quotes(elements)


def _mark_byline_headlines(block: list[Element]) -> None:
    """Text directly above a byline in the same block is a headline; a sentence
    there is a photo caption ("朵朵鲜花争奇斗艳。" / headline / ●author)."""
    for k, el in enumerate(block):
        if el.kind != "byline" or k == 0:
            continue
        j = k - 1
        while j >= 0 and block[j].kind == "chunk":
            chunk = block[j]
            if ends_closed_for_title(chunk.lines[-1].text):
                chunk.kind = "caption"
            else:
                chunk.kind = "title"
            j -= 1


def _merge_credits(block: list[Element]) -> None:
    """A photo credit absorbs a byline-looking line right above it ("■ 新华社记者" / "张三 摄")."""
    k = 0
    while k < len(block):
        el = block[k]
        if el.kind == "credit" and k > 0 and block[k - 1].kind == "byline":
            prev = block.pop(k - 1)
            el.lines = prev.lines + el.lines
            el.gap_before = prev.gap_before
            el.first_in_block = prev.first_in_block
            k -= 1
        k += 1


#: The longest caption text set off above its credit (a sentence or two under a photo).
SET_OFF_CAPTION = 60


def _set_off_caption(prev: Element, credit: Element) -> bool:
    """Text set off from the column by a blank line above it and closed by a photo credit
    right under it, in one block, is the caption under a photo set into the column: a
    sentence or two, however wide its lines are set. A story's prose runs on past a credit
    (the photo interrupts it, the text resumes below); a paragraph ending a sentence right
    over a credit, with nothing else in its block, is what is printed under the photo."""
    return (not credit.first_in_block and prev.first_in_block and prev.kind in ("para", "ambiguous", "title")
            and len(prev.lines) <= 4 and len(prev.text) <= SET_OFF_CAPTION
            and prev.text.rstrip(CLOSERS)[-1:] in "。！？!?…")


def _extend_captions(elements: list[Element]) -> None:
    """Turn credit lines into captions and pull narrow caption text above them in.

    A pure credit ("贺长山 摄", no sentence punctuation) takes the preceding prose
    blocks that are clearly narrower than the column (≤ 0.7 of it) — a photo caption
    set in a narrow box — stopping at anything else.
    """
    for k, el in enumerate(elements):
        if el.kind != "credit":
            continue
        el.kind = "caption"
        body, _ = L.strip_bullet(el.text)
        if any(ch in body for ch in "，。,"):
            continue
        if k > 0 and _set_off_caption(elements[k - 1], el):
            elements[k - 1].kind = "caption"
            continue
        j = k - 1
        while j >= 0:
            prev = elements[j]
            if prev.kind not in ("para", "ambiguous", "title") or math.isinf(prev.width):
                break
            if prev.max_width > 0.7 * prev.width and not (
                    j == k - 1 and not el.first_in_block and prev.kind == "para" and len(prev.lines) >= 2
                    and all(ln.width < prev.width - 2 for ln in prev.lines)):
                # (text set right on the credit line, none of it filled to the column,
                # is the caption of a box only a little narrower than a narrow column)
                break
            if prev.kind == "title" and j < k - 1 and elements[j + 1].kind == "caption":
                # a headline above the caption box ends it
                break
            if prev.kind == "title":
                break
            prev.kind = "caption"
            j -= 1
