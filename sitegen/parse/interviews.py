"""Interviews: a story printed as questions and answers, each question a paragraph opened by
the asker (记者：…？, 本报记者：…？, 问：…？, 主持人：…？, Q:…?).

A question is the interviewer's half of the story's prose, printed as a paragraph of its own,
often short: read alone it looks like a subhead or a headline (one short line, no full stop),
and wrapped, its first line (记者　这项工作是怎么开展) like a byline (记者 and names). What tells
it from both: a headline or a subhead is nobody's utterance, so none is attributed to an asker
with a colon; and it is a question, ending in a question mark. A byline names people: names
are two to four characters (five with a ·), parted by spaces; the run after the asker's tag
in a question is a sentence, longer than any name, unbroken.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text import CLOSERS, SENTENCE_END

if TYPE_CHECKING:
    from .blocks import Element

#: The asker's tag opening a question: with a colon, or (记者 only: its bold tag, a space) a
#: space and then at least six characters unbroken (more than any name a byline lists).
_ASKER = re.compile(
    r"^[■□●◆▲▌]?\s*(?:"
    r"(?:(?:本报|新华社|本台|央视|人民日报|本刊)?(?:特约)?记者|问|Q|主持人|提问)\s*[：:]"
    r"|(?:(?:本报|新华社|本台|本刊)?记者)[\s\u3000]+(?=[\u4e00-\u9fff]{6}))")
#: The characters an asker's tag can open with (the rest of the lines are not read).
_FIRST = frozenset("■□●◆▲▌本新央人记问Q主提特 \u3000")
#: The most lines a question takes (wrapped in a narrow column).
MAX_LINES = 4
#: A question ends with a question mark, or a full stop when it is a request (请介绍一下。).
_QUESTION_END = "？?。"


#: Whether a page may hold an asker's tag at a line's start at all (one search of its text).
_ANY_ASKER = re.compile(r"(?m)^\s*" + _ASKER.pattern[1:])


#: Searches that each open with a literal (fast to search for), one of which any page holding
#: an asker's tag answers; only such a page is searched for a tag at a line's start.
_GATES = [re.compile(p) for p in (r"记者[：:]", r"记者[ \u3000]+[\u4e00-\u9fff]{6}", r"问[：:]", r"Q[：:]",
                                  r"主持人[：:]", r"提问[：:]")]


def page_may_ask(text: str) -> bool:
    return any(g.search(text) for g in _GATES) and _ANY_ASKER.search(text) is not None


def opens_with_asker(text: str) -> bool:
    return text[:1] in _FIRST and bool(_ASKER.match(text.strip()))


def ends_question(text: str) -> bool:
    core = text.rstrip().rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in _QUESTION_END


def is_question(parts) -> bool:
    """A paragraph (its chunks' texts, ``parts``) that is an interview's question."""
    return bool(parts) and opens_with_asker(parts[0]) and ends_question(parts[-1])


def question_lines(texts: list[str]) -> set[int]:
    """The indices of a block's lines (``texts``) that are an interview's question: from a
    line opening with an asker's tag to the line that ends the question, at most
    ``MAX_LINES`` lines, no other sentence ended before it."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        if not opens_with_asker(text):
            continue
        for j in range(i, min(i + MAX_LINES, len(texts))):
            core = texts[j].rstrip().rstrip(CLOSERS + " ")
            if ends_question(texts[j]):
                out.update(range(i, j + 1))
                break
            if core and core[-1] in SENTENCE_END:
                break
    return out


def mark_questions(elements: list[Element]) -> None:
    """A chunk read as a headline line that is an asker's question is a paragraph."""
    for el in elements:
        if el.kind in ("title", "ambiguous") and opens_with_asker(el.text) and ends_question(el.text):
            el.kind = "para"
