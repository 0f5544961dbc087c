"""Text that runs on across a break: a line's last words and the first words of the text
printed after it that make one word (…协会副秘 | 书长…), a number and its unit (…１月１４ |
日选举…), or a count and the noun it counts (…送还一顶 | 帽子，…). No headline ends inside a
word or between a number and what it counts, so a line that runs on so is a line of the text
it runs into, cut by a column break.

:func:`runs_on` is the test (the doubts read it too: :mod:`.doubt_heads`);
:func:`retitled_lines_run_on` makes such headline-looking lines prose again.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lines as L
from .blocks import PASSED_OVER
from .text import word_spanning


if TYPE_CHECKING:
    from .blocks import Element

# a word across the break this long is no chance pair of characters (新农人|为深入 → 人为);
# a shorter one counts when the body's first clause is this short (…精神纽 | 带，…)
RUN_WORD, RUN_CLAUSE = 3, 2
_CLAUSE = re.compile(r"[，,、；;。！？!?：:（(“”]")
NUMBER_END = re.compile(r"[0-9０-９]$")  # a number cut from its unit (…１月１４ | 日…)
NUMBER_UNITS = tuple("日月年号时分秒万亿%％")
# a number and its measure word, the noun they count cut off (…送还一顶 | 帽子，…): no headline
# ends so; counted when the body's first clause is that short noun (RUN_CLAUSE)
_COUNTED_END = re.compile(r"[一二两三四五六七八九十百千万几数0-9０-９][个只顶条件位名家项次张本台辆座所种批块套份]$")


def runs_on(head: str, opening: str) -> str | None:
    """What runs on from a headline's last words ``head`` into a body's ``opening``: the
    word across the break, the number and its unit, the counted noun, or None (see the module's docstring)."""
    head, opening = head.rstrip(), opening.lstrip()
    if NUMBER_END.search(head) and opening.startswith(NUMBER_UNITS):
        return head[-2:] + opening[0]
    if _COUNTED_END.search(head):
        clause = _CLAUSE.search(opening)
        if clause is not None and 0 < clause.start() <= RUN_CLAUSE:
            return head[-2:] + opening[:clause.start()]  # …送还一顶 | 帽子，…
    word = word_spanning(head, opening)
    if word is None:
        return None
    clause = _CLAUSE.search(opening)
    return word if len(word) >= RUN_WORD or (clause is not None and clause.start() <= RUN_CLAUSE) else None


def retitled_lines_run_on(elements: list[Element]) -> None:
    """Headline lines (``title``, not a markdown heading) whose last line runs on into the
    paragraph printed right under them, past photo captions and scraps, become prose
    (``para``): the first lines of that paragraph, cut off by a column break. A paragraph
    opened by a dateline or a 上接 marker starts a story where it says: nothing runs on
    into it."""
    for k, el in enumerate(elements):
        if el.kind != "title":
            continue
        j = k + 1
        while j < len(elements) and elements[j].kind in PASSED_OVER:
            j += 1
        if j == len(elements) or elements[j].kind != "para":
            continue
        text = elements[j].text
        if L.START_MARKER_RE.match(text) or L.DATELINE_START_RE.match(text):
            continue
        if runs_on(el.lines[-1].text, text):
            el.kind = "para"
