"""Where a tight run of title lines may break into two titles, by the print alone.

A wrapped title fills its measure and may break anywhere, even inside a word; a title's
last line ends where its words end. So a line break can end a title when the line under
it is wider (:func:`title_starts`), or when it falls between whole words and not after a
word that leads on (:func:`clean_break`). Which of the possible breaks is taken is left
to the reader of the lines (:mod:`.headlines`, :mod:`.lead_titles`).
"""
from __future__ import annotations

from typing import Collection, Sequence

from .chunks import BOUND_END
from .text import visual_width, word_across

# a printed line ending in one of these goes on in the line under it (a clause cut, not a title's end)
GOES_ON = "，、：；,:;（(《“‘—·"



def goes_on(line: str) -> bool:
    """Does the printed ``line`` end on a clause mark, so that it goes on below?"""
    return line.rstrip().endswith(tuple(GOES_ON))


def clean_break(prev: str, line: str) -> bool:
    """The break between ``prev`` and ``line`` could end a title, whatever the widths: no
    word of jieba's runs across it (上海合作组织政党论 / 坛 … is a wrap) and ``prev`` ends
    on no character a title cannot end on (``chunks.BOUND_END``: …能源为 / 前提)."""
    end = prev.rstrip()
    return bool(end) and end[-1] not in BOUND_END and not word_across(end, line)


def title_starts(prev: str, line: str) -> bool:
    """``line`` under ``prev`` (which ends on no clause mark) starts a title: it is wider
    than ``prev`` (a wrapped line fills the measure) or it opens a quotation (a quoted
    title, 引语标题, printed on lines of its own)."""
    return visual_width(line) > visual_width(prev) + 1 or line.lstrip().startswith(("“", "「"))


def narrow_title_starts(parts: Sequence[str], cuts: Collection[int]) -> list[int]:
    """Where a title set in larger type starts inside a tight run of lines: two or more
    lines wrapped at one measure (the last maybe shorter), narrower than the line over
    them and ended by a cut in ``cuts`` (the line under them is wider), after a clean
    break (:func:`clean_break`).
    A main title between a kicker and a subtitle in smaller type wraps at fewer
    characters than both (… 与马兴瑞一道共商对口支援大计 / 在新起点上全力把 / 对口援疆做得更好
    / 出席对口支援工作座谈会…); one title wrapped over lines of one width has no such block."""
    widths = [visual_width(p) for p in parts]
    found = []
    for k in range(1, len(parts) - 1):
        if k in cuts or goes_on(parts[k - 1]) or widths[k - 1] <= widths[k] + 1:
            continue
        j = k + 1  # lines at the measure, the last of them maybe shorter
        while j < len(parts) and j not in cuts and widths[j - 1] == widths[k] and widths[j] <= widths[k]:
            j += 1
        if j - k >= 2 and j in cuts and clean_break(parts[k - 1], parts[k]):
            found.append(k)
    return found
