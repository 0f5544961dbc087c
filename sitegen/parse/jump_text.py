"""Text between a 上接 and a 下转 marker: the middle of a story jumped across pages.

A story continued from another page (上接第N版) has its headline on its first page. When
such a piece holds a short title and the text under that title runs on to a 下转 marker
with no headline printed after it, that text cannot be a story of its own: a story that
starts on this page prints its headline on one side of its text, and the only title on
either side is the one above it. If that title sums up the text above it (so that it
would not head the text below), it is a subhead of the continued story, not a headline
printed after the text above (:func:`.segment._is_subhead_region` asks this).
"""
from __future__ import annotations

from . import lines as L
from .blocks import PASSED_OVER, Element
from .paragraphs import Para

_TITLES = ("title", "heading", "ambiguous")


def opens_continued(para: Para, titles: list[Element]) -> bool:
    """Does the piece opened by ``para`` under ``titles`` continue a story from another
    page (a 上接 marker on its own line just above it, or opening its first paragraph)?"""
    if para.start_marker:
        return True
    return bool(titles) and titles[-1].kind == "marker" and bool(L.START_MARKER_RE.match(titles[-1].text.strip()))


def runs_to_jump_end(nodes: list[Para | Element], k: int) -> bool:
    """Does the text from node ``k`` on run, with no title between, to a 下转 marker that
    no title follows (the page ends, or text or a marker comes next; a credit printed
    under the marker is the story's own)?"""
    ended = False
    for node in nodes[k:]:
        if isinstance(node, Para):
            if ended and L.closing_credit(node.raw) is None:
                return True
            if node.end_marker:
                ended = True
            continue
        if getattr(node, "embedded", False) or node.kind in PASSED_OVER:
            continue
        if node.kind == "marker":
            if "转" in node.text and not L.START_MARKER_RE.match(node.text.strip()):
                ended = True
                continue
            return ended
        if node.kind in _TITLES or not ended:
            return False
        return ended
    return ended

