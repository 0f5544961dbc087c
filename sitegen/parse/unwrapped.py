"""Runs of lines set one paragraph per line with no blank line between them (a clean
export: every paragraph on one line, every headline line on its own line).

Print wraps prose at a column: a hard-wrapped run's inner lines stop at the column's
width, mostly in mid-sentence, and only a paragraph's last line ends a sentence. A run
whose lines are not wrapped at any column shows the opposite: its long lines run to any
length (tens to hundreds of characters) and nearly all of them end a sentence. There every
line is a unit of its own — a paragraph or a title — and joining lines is wrong: such a
run is cut into one block per line, as if each line had a blank line after it.
"""
from __future__ import annotations

import bisect
import operator

from . import lines as L
from .text import ends_sentence

_WIDTH = operator.attrgetter("width")
#: Lines at least this wide (cells) are read as prose for the test: a title line or a
#: byline is shorter, a paragraph of one sentence or more is seldom shorter.
_PROSE_WIDTH = 16.0
#: The fewest such lines a run needs before its line ends say anything.
_FEWEST_PROSE = 4
#: Share of those lines that must end a sentence: a wrapped run's inner lines seldom do
#: (a quarter at most, on the default pages), an unwrapped run's prose lines nearly all
#: do, its title lines (16-45 cells) do not.
_ENDS_SHARE = 0.5
#: Share of those lines that may reach the run's measure (its widest line, less two
#: cells): in a wrapped run most inner lines do, in an unwrapped one few do (a quarter
#: at most).
_AT_MEASURE_SHARE = 0.5


def is_unwrapped(block: list[L.Line]) -> bool:
    """The run is set one paragraph per line, not hard-wrapped at a column (module doc).
    (The measure is read first, from the widths alone: it turns down a wrapped run, most
    runs of a page, before any line's end is looked at.)"""
    if len(block) < _FEWEST_PROSE + 1:
        return False
    widths = sorted(map(_WIDTH, block))
    prose = len(widths) - bisect.bisect_left(widths, _PROSE_WIDTH)
    if prose < _FEWEST_PROSE:
        return False
    # (counted over all lines: when the measure is under the prose width, every prose
    # line reaches it anyway, and the run is turned down as it would be)
    at_measure = len(widths) - bisect.bisect_left(widths, widths[-1] - 2.0)
    if at_measure >= _AT_MEASURE_SHARE * prose:
        return False
    ends = sum(1 for ln in block if ln.width >= _PROSE_WIDTH and ends_sentence(ln.text))
    return ends >= _ENDS_SHARE * prose


def unwrap_blocks(blocks: list[list[L.Line]]) -> list[list[L.Line]]:
    """``blocks`` with every unwrapped run (:func:`is_unwrapped`) cut into one block per
    line; other blocks as they are (the same list when there is none)."""
    if not any(map(is_unwrapped, blocks)):
        return blocks
    out: list[list[L.Line]] = []
    for block in blocks:
        if is_unwrapped(block):
            out.extend([ln] for ln in block)
        else:
            out.append(block)
    return out
