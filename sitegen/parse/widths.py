"""Printed width of text in full-width cells (the parser's measure of a line against its
column)."""
from __future__ import annotations

import functools
import re
import unicodedata


class _CellWidths(dict):
    """Character -> printed width, filled on first sight (the parser asks millions of times)."""

    def __missing__(self, ch: str) -> float:
        width = self[ch] = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5
        return width


_CELL_WIDTHS = _CellWidths()


#: Characters that are wide (East Asian width W or F) without asking: CJK ideographs,
#: CJK punctuation (not U+303F, which is narrow), full-width forms. Most of a line.
_SURELY_WIDE = re.compile("[\u4e00-\u9fff\u3000-\u303e\uff01-\uff60\uffe0-\uffe6]+")
#: A character not among them (about a third of a page's lines have one).
_NOT_SURELY_WIDE = re.compile("[^\u4e00-\u9fff\u3000-\u303e\uff01-\uff60\uffe0-\uffe6]")


def all_wide(text: str) -> bool:
    """Is every character of ``text`` surely one full cell wide (Han, full-width forms and
    marks)? Such a line's width is its count of characters: no half-width digit or letter
    makes it fall short of the measure it was set to."""
    return not _NOT_SURELY_WIDE.search(text)


def cell_width(text: str) -> float:
    """Printed width in full-width cells: CJK and full-width forms count 1, ASCII 0.5.
    (Whole and half cells add up exactly in any order: the runs of surely wide characters
    count 1 each, the rest are looked up — or counted, when they are all ASCII, as most
    lines' rest is: half a cell each.) Not memoised: for a text measured once, as each line
    of a page is when its :class:`.lines.Line` is made (a memo's miss cost a third of making
    the page's lines)."""
    if not _NOT_SURELY_WIDE.search(text):
        return len(text)  # (a line of Han and full-width punctuation only: most lines)
    rest = _SURELY_WIDE.sub("", text)
    if rest and rest.isascii():
        return (len(text) - len(rest)) + 0.5 * len(rest)
    return (len(text) - len(rest)) + sum(map(_CELL_WIDTHS.__getitem__, rest))


@functools.lru_cache(maxsize=1024)  # line checks ask for the width of the same line in turn
def visual_width(text: str) -> float:
    """:func:`cell_width`, memoised for texts asked for in turn."""
    return cell_width(text)
