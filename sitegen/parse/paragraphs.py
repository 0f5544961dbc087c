"""Paragraphs: the chunks of text a page prints, joined across column breaks.

A paragraph that ends without sentence punctuation (and without a 下转 marker) continues
in the next paragraph, skipping photo captions and scraps in between. If the next paragraph
visibly starts mid-sentence ("表示，…", "、…") the join may also skip headlines: the headline
was printed inside the paragraph. A scrap closing a sentence ("能。") right after a paragraph
left open is that paragraph's last characters, carried over a column break.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import NamedTuple

from . import lines as L
from .bigrams import page_memo
from .blocks import PASSED_OVER, Element
from .text import ends_sentence, is_han, joined_texts, opens_mid_sentence

_TEXT = operator.attrgetter("text")


@dataclass
class Para:
    """A body paragraph made of one or more chunks joined across column breaks."""

    chunks: list[Element]
    subhead: bool = False
    # (the chunks, their count and their text or texts when last read: class defaults, no
    # fields; the rules ask for ``raw`` ~700 times a page and for ``parts`` ~450 times)
    _raw_memo = (None, -1, "")
    _parts_memo = (None, -1, ())

    @property
    def raw(self) -> str:
        # Paragraphs grow by appending chunks; a chunk's text is fixed once the elements are built.
        chunks, n, raw = self._raw_memo
        if chunks is self.chunks and n == len(chunks):
            return raw
        return joined_texts(self, self.chunks, "_raw_memo")

    def parts(self) -> tuple[str, ...]:
        """The chunks' texts (``raw`` is their concatenation): bigram sets are composed from
        the chunks', which the page vocabulary has read already. Memoised like ``raw``, hence
        a tuple."""
        chunks, n, parts = self._parts_memo
        if chunks is self.chunks and n == len(chunks):
            return parts
        parts = tuple(map(_TEXT, self.chunks))
        self._parts_memo = (self.chunks, len(self.chunks), parts)
        return parts

    @property
    def line(self) -> int:
        return self.chunks[0].line

    @property
    def start_marker(self) -> str | None:
        m = L.START_MARKER_RE.match(self.raw)
        return m.group(0).strip() if m else None

    @property
    def end_marker(self) -> str | None:
        return _edges(self.raw).end_marker

    @property
    def hard_start(self) -> bool:
        return _edges(self.raw).hard_start

    @property
    def open_end(self) -> bool:
        if self.subhead:
            return False
        edges = _edges(self.raw)
        return not edges.end_marker and not edges.closed

    @property
    def opens_mid(self) -> bool:
        return _edges(self.raw).opens_mid


class _Edges(NamedTuple):
    """How a paragraph's text starts and ends, as the rules ask (each ~3 times a paragraph)."""

    end_marker: str | None  # the 下转 marker closing it, stripped
    closed: bool  # it ends a sentence (:func:`.text.ends_sentence`)
    hard_start: bool  # it opens with a continuation marker or a dateline: a story's start
    opens_mid: bool  # it starts mid-sentence (:func:`.text.opens_mid_sentence`)


@page_memo
def _edges(raw: str) -> _Edges:
    """The :class:`_Edges` of a paragraph's text, read once a page."""
    m = L.end_marker_match(raw)
    return _Edges(m.group(0).strip() if m else None, ends_sentence(raw),
                  bool(L.START_MARKER_RE.match(raw) or L.DATELINE_START_RE.match(raw)), opens_mid_sentence(raw))


def _skippable(el: Element, opening: bool) -> bool:
    if el.kind in PASSED_OVER:
        return True
    if opening and el.kind in ("title", "heading", "enum"):
        return True
    return False


def join_paragraphs(elements: list[Element]) -> list[Para | Element]:
    """Join column-broken chunks into paragraphs; other elements pass through.

    Elements skipped over by a join get ``embedded = True``.
    """
    nodes: list[Para | Element] = []
    for el in elements:
        if _sentence_tail(el, nodes[-1] if nodes else None):
            el.kind = "para"
            nodes[-1].chunks.append(el)  # type: ignore[union-attr]
            continue
        if el.kind != "para":
            nodes.append(el)
            continue
        opening = opens_mid_sentence(el.text)
        hard = bool(L.START_MARKER_RE.match(el.text) or L.DATELINE_START_RE.match(el.text))
        target: Para | None = None
        skipped: list[Element] = []
        if not hard:
            j = len(nodes) - 1
            while j >= 0:
                node = nodes[j]
                if isinstance(node, Para):
                    if node.open_end:
                        target = node
                    break
                if opening and node.kind == "title" and len(node.lines) == 1 \
                        and (node.width == math.inf or 0.8 * node.width <= node.max_width <= node.width + 1.5):
                    # a one-line "title" as wide as the column before a paragraph that
                    # starts mid-sentence was really the start of that sentence (one
                    # running past the column is a headline set across columns)
                    para = Para([node])
                    nodes[j] = para
                    target = para
                    break
                if _skippable(node, opening):
                    skipped.append(node)
                    j -= 1
                    continue
                break
        if target is not None:
            for s in skipped:
                s.embedded = True  # type: ignore[attr-defined]
            target.chunks.append(el)
        else:
            nodes.append(Para([el]))
    return nodes


def _sentence_tail(el: Element, prev: Para | Element | None) -> bool:
    """Is the scrap ``el`` ("能。") the last characters of the sentence left open by the
    paragraph right before it, carried over a column break?"""
    return el.kind == "fragment" and isinstance(prev, Para) and prev.open_end \
        and ends_sentence(el.text) and any(is_han(ch) for ch in el.text)
