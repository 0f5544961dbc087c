"""Editors' notes: the paper's own words set before a story (编者按, 编者的话) or after it
(编后, 编后语, 编后记), apart from the reporter's text.

Papers print an editor's note as a paragraph (boxed, in another type) opened by its label:
``【编者按】``, ``〔编者按〕``, ``编者按：``, ``编者的话``, or the label on a line of its own with
the note under it; an afterword likewise with ``编后``. No story's own paragraph opens with
these words followed by a colon, a closing bracket or nothing: they name a genre of the
editors, the way 本报讯 names a dispatch. So the label and the paragraph it opens are one
piece that belongs to no story's body (GUIDE.md has no field for it: it is kept as a leftover
of its own kind, every character kept), and it is a boundary: a note opens a story and an
afterword closes one, so no paragraph runs on across it (reading does not pass over it as it
does over a photo caption). Whether the text around it is prose or headline is read as if
it were not there (:func:`.chunks.classify_chunks` passes over it): a headline block printed
above a note is still a headline block.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text import ends_sentence

if TYPE_CHECKING:
    from .blocks import Element

#: The element and leftover kind of an editor's note or afterword.
EDITOR_NOTE = "editor_note"

#: A note's label, bracketed or not, after an optional bullet: 编者按, 编者按语, 编者的话,
#: 编者注, 编后, 编后语, 编后记, 编辑手记.
_LABEL = r"(?:编者(?:按语?|的话|注)|编后(?:语|记)?|编辑手记)"
_BULLET = r"[■□●◆◇▲△★☆▌|｜]?\s*"
#: The label opening a paragraph: closed by a bracket, or followed by a colon or a space.
_OPENS = re.compile(rf"^{_BULLET}(?:[【〔［\[（(〈《]\s*{_LABEL}\s*[】〕］\]）)〉》]|{_LABEL}\s*[：:]|{_LABEL}[\s\u3000]+)")
#: The label alone on its line (the note printed under it).
_ALONE = re.compile(rf"^{_BULLET}(?:[【〔［\[（(〈《]\s*{_LABEL}\s*[】〕］\]）)〉》]|{_LABEL})\s*[：:]?$")
#: The element kinds a note's text may have been read as (before its chunks are classified).
_TEXT_KINDS = ("chunk", "para", "ambiguous", "title", "fragment")


_GATE = re.compile("编(?:者|后|辑手记)")  # (opens with a literal: fast to search for)


def page_may_note(text: str) -> bool:
    """Whether a page may hold a note's label at all."""
    return _GATE.search(text) is not None


def opens_note(text: str) -> bool:
    """``text`` opens with an editor's note label and goes on with the note."""
    if "编" not in text[:6]:
        return False
    t = text.strip()
    return bool(_OPENS.match(t)) and not _ALONE.match(t)


def is_label_alone(text: str) -> bool:
    return "编" in text[:6] and bool(_ALONE.match(text.strip()))


def mark_editor_notes(elements: list[Element]) -> None:
    """Elements that are an editor's note, its label and the paragraph it opens (or the
    paragraph under a label printed alone), get the kind ``EDITOR_NOTE``."""
    for k, el in enumerate(elements):
        if el.kind not in _TEXT_KINDS:
            continue
        first = el.lines[0].text if el.lines else ""
        if "编" not in first[:6]:
            continue  # (most elements: answered without joining their lines)
        if opens_note(el.text) or (len(el.lines) > 1 and is_label_alone(first)):
            el.kind = EDITOR_NOTE  # (a label on its own line, the note's lines under it)
        elif is_label_alone(el.text) and k + 1 < len(elements):
            nxt = elements[k + 1]
            if nxt.kind in _TEXT_KINDS and ends_sentence(nxt.text):
                el.kind = nxt.kind = EDITOR_NOTE
