"""Title lines ending open between two stories that no rule of :mod:`.chunks` reads as
titles because no dateline, byline or 上接 marker follows them (issue 18: a headline read as
a paragraph glues the two stories around it). Prose ending open is a column cut off at its
foot: it fills its last line to the column's measure and runs on into text that goes on
with its sentence. Lines after a finished sentence that fill no column, or carry no
clause mark at all, are a headline; so is a line running far past the columns around it,
which neither prose nor an in-body subhead (set inside its story's column) ever does."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .text import ends_sentence, opens_mid_sentence, visual_width
from .widths import all_wide

if TYPE_CHECKING:
    from .blocks import Element

# "far past" a column: wider than this share of it, plus a cell (as :mod:`.chunks` reads an
# inner line of a chunk far wider than its column); a headline a cell or two wider than the
# column it closes is left to the content's reading
FAR_PAST = 1.4


def _after_sentence(prev: Element | None) -> bool:
    """Is ``prev`` prose whose last line finishes a sentence?"""
    return prev is not None and prev.kind in ("chunk", "para", "ambiguous") \
        and ends_sentence(prev.lines[-1].text)


def _opens_sentence(nxt: Element | None) -> bool:
    """Is ``nxt`` prose of two lines or more that does not open mid-sentence?"""
    return nxt is not None and nxt.kind in ("chunk", "para") and len(nxt.lines) >= 2 \
        and not opens_mid_sentence(nxt.text)


def fits_no_column(el: Element, prev: Element | None, nxt: Element | None, clause_marks: int) -> bool:
    """A single line ending open, set apart between a finished sentence and prose opening a
    sentence, wider than the column of the text above it and short of that of the text
    below it: a headline (printed after the story above or before the one below, 美以芬太尼
    为借口滥施关税,纯属“内病外治” between two stories set at different measures). Prose
    ending open is a column cut off at its foot, and a column break falls after a line
    filled to the column's measure; this line was filled to neither."""
    if len(el.lines) != 1 or clause_marks > 2 or math.isinf(el.width) or prev is None or nxt is None:
        return False
    if len(prev.lines) < 2 or not _after_sentence(prev) or not _opens_sentence(nxt):
        return False
    above = max(ln.width for ln in prev.lines)
    below = max(ln.width for ln in nxt.lines)
    line = el.lines[0].width
    # (wider than the column above, which half-width digits and marks cannot make a full
    # line; short of the one below, which they can, so that side alone is no evidence)
    return max(above, el.width) + 1.5 < line < below - 1.5


def short_of_columns(el: Element, prev: Element | None, nxt: Element | None, clause_marks: int) -> bool:
    """A single line ending open, set apart between a finished sentence and prose opening a
    sentence, all of full-width characters, with no clause mark, and more than two cells short
    of both the column above and the column below: a headline (虚假繁荣不良债权种祸根呆账积聚日本银行难运作
    between two stories set at one measure). A column's lines are filled to its measure but
    for a paragraph's last, which ends a sentence; a line cut off by a column break is a
    full one. A line of full-width characters only is exactly as wide as its characters, so
    no half-width digit explains the shortfall (as :func:`fits_no_column` must allow)."""
    if len(el.lines) != 1 or clause_marks or math.isinf(el.width) or prev is None or nxt is None:
        return False  # (no clause mark: a line cut off mid-clause, …各方资源，为帮 / 扶车间…, has one)
    if len(prev.lines) < 2 or not _after_sentence(prev) or not _opens_sentence(nxt):
        return False
    text = el.lines[0].text.strip()
    if not all_wide(text):
        return False
    above = max(ln.width for ln in prev.lines[:-1])
    below = max(ln.width for ln in nxt.lines[:-1])
    return el.lines[0].width < min(above, below, el.width) - 2.5


def bare_lines_short(el: Element, prev: Element | None, texts: list[str], joined: str,
                     clause_marks: int) -> bool:
    """Two or three lines after a finished sentence, with no clause mark and no sentence
    end, the last one stopping well short of the column: a headline wrapped at the column
    (地区防止返贫帮扶政策和农村低收入人口常 / 态化帮扶政策衔接并轨试点工作“齐步走” / 让每个
    低收入家庭都感受到温暖). Nothing runs on into them from above; prose stops short of the
    column only where its paragraph ends, on a sentence end, and a column cut off at its
    foot fills its last line."""
    if len(texts) > 3 or clause_marks or math.isinf(el.width) or visual_width(joined) > 80:
        return False
    return _after_sentence(prev) and el.lines[-1].width < 0.8 * el.width


def bare_line_between_sentences(prev: Element | None, nxt: Element | None, joined: str,
                                clause_marks: int) -> bool:
    """One paragraph per line: a line of 50 to 100 cells with no clause mark and no
    sentence end, between a finished sentence and a paragraph that opens one, is a headline
    (two headline lines run together, 地区防止返贫…试点工作“齐步走”让每个低收入家庭都感受到
    温暖). Prose breaks its clauses well within 40 characters and ends its paragraph on a
    sentence end; a paragraph cut off at a column's foot goes on where its sentence goes
    on, not at a sentence's start."""
    if clause_marks or visual_width(joined) > 100 or not _after_sentence(prev):
        return False
    return nxt is not None and nxt.kind in ("chunk", "para") and not opens_mid_sentence(nxt.text)


def past_both_columns(el: Element, nxt: Element | None, clause_marks: int) -> bool:
    """Does the line ``el``, with no clause mark, run far past its column and the column of
    the text under it (``nxt``)? Prose never runs past the column it is set in, nor
    does a column cut off at its foot: such a line is a headline set across columns, also
    over text that opens mid-sentence (the rest of a story it interrupts)."""
    if clause_marks or math.isinf(el.width) or nxt is None or len(nxt.lines) < 2:
        return False
    return el.lines[0].width > FAR_PAST * max(el.width, max(ln.width for ln in nxt.lines)) + 1


def runs_past_columns(el: Element, above: Element, below: Element) -> bool:
    """Does the title ``el`` run far past the columns of the prose ``above`` and ``below``
    it (two lines or more each)? A subhead is set inside its story's column; a line wider
    than the columns around it is a headline set across them, printed between two
    stories (孟富林当选安徽省人大常委会主任回良玉当选安徽省省长 over a 13-character column)."""
    if len(above.lines) < 2 or len(below.lines) < 2:
        return False
    return el.max_width > FAR_PAST * max(ln.width for ln in (*above.lines, *below.lines)) + 1
