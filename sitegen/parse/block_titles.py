"""Titles read from a block of the page by what is printed around them (split out of
:mod:`.blocks`): a line under a markdown heading, the lines after a byline in the page's
last block, one line after a byline in its first block (headlines printed together at
the page's end or top). A story's text has sentences; these lines have none."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import lines as L
from .text import SENTENCE_END, ends_closed_for_title, ends_sentence, visual_width

if TYPE_CHECKING:
    from .blocks import Element


def mark_heading_subtitles(block: list[Element]) -> None:
    """One line printed right under a markdown heading, last in its block, with no sentence
    end in it, is the heading's subtitle (# 主题 / 副题): a story's first paragraph under
    its heading carries sentences."""
    if len(block) >= 2 and block[-2].kind == "heading" and block[-1].kind == "chunk":
        el = block[-1]
        if len(el.lines) == 1 and _no_sentence(el, el.text):
            el.kind = "title"


def mark_closing_headlines(block: list[Element]) -> None:
    """The page's last block, when a headline closed by a byline opens it: the text printed
    after the byline in that block, with no sentence in it, is more headlines (the page's
    headlines printed together at its end, one of them with its byline); a story's text
    under its byline has sentences."""
    k = next((k for k, el in enumerate(block) if el.kind == "byline"), None)
    if k is None or k == 0 or block[k - 1].kind != "title":
        return
    for el in block[k + 1:]:
        if el.kind == "chunk" and _no_sentence(el, el.lines[-1].text):
            el.kind = "title"


CLOSING_TITLE_LINES = 3  # a last block of this many lines with no sentence is titles


def mark_closing_titles(block: list[Element], above: list[Element]) -> None:
    """The page's last block, when it holds no byline and no sentence at all over
    CLOSING_TITLE_LINES lines or more, and the text printed above it (``above``: the
    elements before the block) finishes its sentence or is jumped to another page (下转):
    the block is the page's headlines printed together at its end (kicker / headline /
    subtitle lines run together), not a story. A story's text ends its sentences; a story
    cut off above at a column break and going on in the block would read as it does."""
    if any(el.kind not in ("chunk", "title") for el in block) or not any(el.kind == "chunk" for el in block):
        return
    text_above = [el for el in above if el.kind in ("para", "chunk")]
    if text_above and not ends_sentence(text_above[-1].lines[-1].text):
        return
    if sum(len(el.lines) for el in block) < CLOSING_TITLE_LINES:
        return
    if all(el.kind == "title" or _no_sentence(el, el.lines[-1].text) for el in block):
        for el in block:
            el.kind = "title"


def mark_opening_headline(block: list[Element]) -> None:
    """The page's first block, when a headline closed by a byline opens it: one line after
    the byline, last in the block, narrower than the column and with no sentence in it, is
    another headline (the page's headlines printed together at its top). A story's text
    under its byline has sentences, and a line of it cut off by a column break runs the
    column's full width."""
    k = next((k for k, el in enumerate(block) if el.kind == "byline"), None)
    if k is None or k == 0 or block[k - 1].kind != "title" or k + 2 != len(block) \
            or any(ch.isdigit() for ch in block[k].text):
        return  # (a byline names people: a line with a number in it is another title)
    el = block[-1]
    if el.kind == "chunk" and len(el.lines) == 1 and _no_sentence(el, el.text) \
            and visual_width(el.text.strip()) < el.width - 1:
        el.kind = "title"


def _no_sentence(el: Element, last: str) -> bool:
    """``el`` holds no sentence: no sentence end in it, ``last`` (its text's end) not closed
    as a sentence, and no dateline."""
    return (not any(ch in el.text for ch in SENTENCE_END) and not ends_closed_for_title(last)
            and not L.split_dateline(el.text)[0])
