"""A story's closing credit run on at the end of its last paragraph.

Papers close a story with who wrote it or where it was filed, in brackets under its last
sentence: （记者 王伟）, （本报记者 张三 李四）, （新华社北京3月5日电）. Many print the bracket on
a line of its own; as many run it on after the last sentence, in the same line (……发展。
（记者 王伟）), and a text dump keeps it there: it is then read with the paragraph, as
printed (the gold of the pd1998 pool keeps ……表示感谢。（谢文） so). Either way a credit closes
its story: what follows it starts another (:func:`run_in_credit` tells the segmenter), and
when a narrow column breaks the bracket across two lines, its second line (华盛顿１月２４日电）)
is the rest of the paragraph, not a dateline of its own (:func:`mend_bracket_tails`).
"""
from __future__ import annotations

import re

from . import lines as L

#: The closing bracket a run-in credit ends with, and the stops a sentence ends with before it.
_CLOSE = ("）", ")")
_OPEN = "（("
_STOPS = "。！？!?”」’"
#: Characters of the pointers prose puts in brackets, in no name a credit gives bare.
_NOT_NAMES = frozenset("图表见附详注页版稿续完")
#: A credit of reporters from several houses, parted by 、: 中央人民广播电台记者刘振英、新华社记者张宿堂.
_PARTS = re.compile(r"[、，,]")
_CREDIT_PART = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:记者|通讯员)[\s\u3000]*[\u4e00-\u9fff·]{2,5}"
                          r"(?:[\s\u3000]+[\u4e00-\u9fff·]{2,5})*$")


def run_in_credit(text: str) -> tuple[str, str, str] | None:
    """``(paragraph without it, field, value)`` for a paragraph closed by a run-in credit
    (field ``byline`` or ``dateline``), else None."""
    if not text[-4:].rstrip().endswith(_CLOSE):  # (most paragraphs: answered without a copy)
        return None
    text = text.rstrip()
    at = max(text.rfind(o) for o in _OPEN)
    if at <= 0 or text[at - 1] not in _STOPS:
        return None
    bracket, rest = text[at:], text[:at].rstrip()
    if bracket[1:-1].strip().endswith(("电", "讯")):  # 通讯员 names a role: only a dateline ends so
        if L.is_dateline_line(bracket):
            return rest, "dateline", L.dateline_text(bracket)
        return None
    credit = L.closing_credit(bracket)
    if credit is not None and not L.names_role(credit) and not _NOT_NAMES.isdisjoint(credit):
        return None  # a pointer in brackets (见下图, 附表, 详见第2版), not bare names
    if credit is None and all(_CREDIT_PART.match(part.strip()) for part in _PARTS.split(bracket[1:-1])):
        credit = bracket[1:-1].strip()
    return (rest, "byline", credit) if credit is not None else None


def _left_open(text: str) -> bool:
    """Whether a line opens a bracket it does not close (its last one)."""
    at = max(text.rfind(o) for o in _OPEN)
    return at >= 0 and not any(c in text[at:] for c in _CLOSE)


def mend_bracket_tails(blocks: list[list[L.Line]], kinds: list[list[str | None]]) -> None:
    """A line read as a dateline or a byline (华盛顿１月２４日电）, 通讯员 张三）) that closes a
    bracket opened at the end of the prose line right above it is the rest of that bracket,
    wrapped: a credit run on after a story's last sentence and broken across two lines. It is
    read as prose with the line above (``kinds`` set to None), where :func:`run_in_credit`
    finds the credit whole."""
    for bi, block in enumerate(blocks):
        for i in range(1, len(block)):
            if kinds[bi][i] not in ("dateline", "byline") or kinds[bi][i - 1] is not None:
                continue
            text = block[i].text.strip()
            if text.endswith(_CLOSE) and not any(o in text for o in _OPEN) and _left_open(block[i - 1].text):
                kinds[bi][i] = None
