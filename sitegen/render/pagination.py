"""Split a long list (a theme's articles, a tag's, the archive) into pages with stable URLs.

Lists are shown newest first, but their pages are cut from the *oldest* end: page 1 holds
the list's first ``per_page`` items ever, page 2 the next ones, and so on; the list's own
address (``themes/economy.html``) shows the newest items, between ``per_page`` and
``2 * per_page - 1`` of them (the items past the last full page ride along with the newest
full one). A new article therefore changes the list's front page only, and an older page
changes only when one of its own articles does: ``themes/economy/page/3.html`` shows the
same articles from one build to the next (an incremental build re-renders what changed),
and a link to it stays a link to those articles.

Pages link to their neighbours with ``rel="prev"`` (newer) and ``rel="next"`` (older).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .util import href


@dataclass
class Link:
    path: str
    href: str
    number: int  # 0: the list's front page (the newest items)


@dataclass
class ListPage:
    """One page of a paginated list. ``items`` are newest first."""

    path: str
    number: int  # 0 for the front page, else 1 (oldest) .. ``numbered`` (newest archive page)
    numbered: int  # how many numbered (archive) pages the list has
    items: list = field(default_factory=list)
    first: int = 1  # position of the oldest item shown, counting the list's items from its oldest
    last: int = 0
    total: int = 0
    newer: Link | None = None  # rel="prev"
    older: Link | None = None  # rel="next"
    newest: Link | None = None  # the list's front page, from an archive page
    oldest: Link | None = None  # page 1, from the front page and archive pages past 2

    @property
    def is_front(self) -> bool:
        return self.number == 0


def page_path(front: str, number: int) -> str:
    """``themes/economy.html`` → ``themes/economy/page/3.html`` (number 0: the front page)."""
    if number == 0:
        return front
    stem = front[: -len(".html")] if front.endswith(".html") else front
    if stem.endswith("/index"):  # tags/index.html → tags/page/2.html
        stem = stem[: -len("/index")]
    return f"{stem}/page/{number}.html"


def _link(front: str, number: int) -> Link:
    path = page_path(front, number)
    return Link(path, href(path), number)


def page_paths(front: str, total: int, per_page: int) -> list[str]:
    """The paths of ``paginate``'s pages of a list of ``total`` items, in its order."""
    numbered = max(0, total // per_page - 1)
    return [front, *(page_path(front, n) for n in range(numbered, 0, -1))]


def paginate(front: str, newest_first: Sequence, per_page: int) -> list[ListPage]:
    """The pages of a list whose front page is at ``front``; ``newest_first`` is the whole
    list, newest item first. The front page comes first, then the numbered pages, newest
    first. A list of fewer than ``2 * per_page`` items has only its front page."""
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    items = list(newest_first)
    total = len(items)
    numbered = max(0, total // per_page - 1)  # full pages from the oldest, but the newest full one
    oldest_first = items[::-1]
    pages: list[ListPage] = []
    front_start = numbered * per_page  # index (from the oldest) of the front page's oldest item
    pages.append(ListPage(front, 0, numbered, oldest_first[front_start:][::-1], front_start + 1, total, total))
    for n in range(numbered, 0, -1):
        lo, hi = (n - 1) * per_page, n * per_page
        pages.append(ListPage(page_path(front, n), n, numbered, oldest_first[lo:hi][::-1], lo + 1, hi, total))
    for p in pages:
        if p.number == 0:
            p.older = _link(front, numbered) if numbered else None
            p.oldest = _link(front, 1) if numbered > 1 else None
        else:
            p.newer = _link(front, p.number + 1 if p.number < numbered else 0)
            p.older = _link(front, p.number - 1) if p.number > 1 else None
            p.newest = _link(front, 0)
            p.oldest = _link(front, 1) if p.number > 2 else None
    return pages


def ranked_pages(front: str, ranked: Sequence, per_page: int) -> list[ListPage]:
    """Plain pages of a ranked list (the tag index, most used first): page 1 is ``front``,
    then ``…/page/2.html`` and on. ``newer``/``older`` here mean previous/next in rank."""
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    items = list(ranked)
    count = max(1, -(-len(items) // per_page))
    pages = []
    for i in range(count):
        path = front if i == 0 else page_path(front, i + 1)
        pages.append(ListPage(path, i + 1, count, items[i * per_page:(i + 1) * per_page],
                              i * per_page + 1, min(len(items), (i + 1) * per_page), len(items)))
    for i, p in enumerate(pages):
        if i > 0:
            prev = pages[i - 1]
            p.newer = Link(prev.path, href(prev.path), prev.number)
        if i + 1 < count:
            nxt = pages[i + 1]
            p.older = Link(nxt.path, href(nxt.path), nxt.number)
    return pages
