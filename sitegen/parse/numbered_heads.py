"""Numbered section heads inside a story (一、三级联动破壁垒 / （二）加强经贸往来).

Papers number the sections of a long piece with a Chinese ordinal and a 、 or in brackets,
and print each such head on a line or two of its own, between a finished paragraph and the
next one. A head names its section: it carries no sentence (no 。！？ in it, nothing closed
after it) and at most two clauses. A numbered item of prose (二、各方在友好……交换意见。)
carries sentences and is read as prose before this is asked; one cut by a column break
before its sentence ends (七、各方重申支持多边主义,支持国际贸易规则,…,将为此) runs clause
after clause."""
from __future__ import annotations

import re

from .text import ends_sentence, visual_width

#: A head names its section in a phrase or two; prose runs clause after clause (an
#: enumeration's 、 is not counted: a head may list its section's topics).
_CLAUSE, MAX_CLAUSES = "，,；;", 1
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\s*\S")


def numbered_head(texts: list[str], prev_lines: list[str]) -> bool:
    """Is a chunk of ``texts`` (one or two lines, read as no prose already) a numbered section
    head printed after a finished sentence (the last of ``prev_lines``, the text above)?
    Where the text above shows the column's measure (two lines or more), the head ends short
    of it: a numbered item of prose cut by a column break fills its last line."""
    if len(texts) > 2 or not prev_lines or not ends_sentence(prev_lines[-1]) \
            or _NUMBERED.match(texts[0]) is None or len("".join(texts)) > 40:
        return False
    if sum("".join(texts).count(ch) for ch in _CLAUSE) > MAX_CLAUSES:
        return False  # clause after clause: a numbered item of prose cut by a column break
    measure = max(visual_width(t) for t in prev_lines) if len(prev_lines) >= 2 else None
    return measure is None or visual_width(texts[-1].rstrip()) < measure - 1.5
