"""The paginated list pages: each theme's and each tag's articles, the archive of every
article, and the tag index; as render jobs for the site renderer.

A job is ``(path, template, key, context)``: ``key()`` lists what the page shows (its
articles' cards, its links to other pages), so that an incremental build re-renders a page
only when that changed; ``context()`` gives the template its variables.
"""
from __future__ import annotations

from typing import Callable, Sequence

from .keys import plain
from .pagination import ListPage, page_paths, paginate, ranked_pages

THEME_PAGE = 20  # articles per theme page (the front page: 20 to 39, the newest)
TAG_PAGE = 20  # articles per tag page
ARCHIVE_PAGE = 100  # rows per archive page
TAG_INDEX_PAGE = 300  # tags per page of the tag index, most used first

Job = tuple[str, str, Callable[[], object], Callable[[], dict]]


def _links(p: ListPage) -> tuple:
    return tuple(link.path if link else None for link in (p.newer, p.older, p.newest, p.oldest))


def page_key(record, p: ListPage, card_key: Callable) -> tuple:
    """What a list page shows: its record (theme or tag), its articles' cards, its links and
    place; the list's length only on the front page (numbered pages do not show it)."""
    return (record, p.path, p.number, p.first, p.last, p.total if p.is_front else None,
            _links(p), [card_key(e) for e in p.items])


#: Which pages of a list show something changed: (the list's front page, a page) -> bool.
#: The others are carried over from the last build (``sitegen.render.changed``).
Dirty = Callable[[str, ListPage], bool]


#: Whether no page of a list shows anything changed: (the list's front page, its pages' paths)
#: -> bool. Such a list is not even paginated (most lists on a day's update).
Quiet = Callable[[str, list], bool]


def list_jobs(front: str, template: str, newest: Sequence, per_page: int, record,
              card_key: Callable, context: Callable[[ListPage], dict],
              dirty: Dirty | None = None, paths: list[str] | None = None, quiet: Quiet | None = None) -> list[Job]:
    """Jobs for every page of one list (a theme's or a tag's, newest first). ``record``: the
    list's theme or tag (a record, keyed by its fields) or a name. With ``dirty``, only the
    pages it names get a job; ``paths``, if given, gets every page's path; with ``quiet``
    saying so, the list has no job."""
    if quiet is not None:
        found = page_paths(front, len(newest), per_page)
        if quiet(front, found):
            if paths is not None:
                paths.extend(found)
            return []
    record = record if isinstance(record, str) else plain(record)
    pages = paginate(front, newest, per_page)
    if paths is not None:
        paths.extend(p.path for p in pages)
    if dirty is not None:
        pages = [p for p in pages if dirty(front, p)]
    return [(p.path, template, lambda p=p: page_key(record, p, card_key), lambda p=p: context(p))
            for p in pages]


def titled(title: str, p: ListPage) -> str:
    """A numbered page's title names its page (search results and tabs tell them apart)."""
    return title if p.is_front else f"{title} · page {p.number}"


def described(front: str, what: str, p: ListPage) -> str:
    """A list page's meta description: ``front`` on the front page; on a numbered page only
    what it shows (not the list's length, which would change the page with every new article)."""
    return front if p.is_front else f"Articles {p.first}–{p.last} {what}, in order of appearance."


def tag_index_jobs(tags: Sequence, context: Callable[[ListPage], dict]) -> list[Job]:
    """The tag index, most used first, ``TAG_INDEX_PAGE`` tags a page."""
    return [(p.path, "tags.html",
             lambda p=p: (p.path, p.number, p.numbered, _links(p),
                          [(t.slug, plain(t.tag), len(t.entries)) for t in p.items]),
             lambda p=p: context(p))
            for p in ranked_pages("tags/index.html", tags, TAG_INDEX_PAGE)]


def newest_in_each(newest: Sequence) -> dict[int, list]:
    """Each theme's and tag's articles newest first (by ``id`` of its view), taken in one pass
    over ``newest`` (every article view, newest first; a view names its theme once and each
    tag once): the order ``recency.newest_first`` gives each list, without ~1,400 sorts."""
    lists: dict[int, list] = {}
    for ev in newest:
        lists.setdefault(id(ev.theme), []).append(ev)
        for tv in ev.tags:
            lists.setdefault(id(tv), []).append(ev)
    return lists


def site_list_jobs(themes: Sequence, tags: Sequence, newest: Sequence, card_key: Callable,
                   dirty: Dirty | None = None, paths: list[str] | None = None, quiet: Quiet | None = None
                   ) -> list[Job]:
    """Jobs for every page of every theme (``ThemeView``), every tag (``TagView``, most used
    first), the archive (``newest``: every article view, newest first) and the tag index.
    ``dirty``, ``paths``, ``quiet``: as ``list_jobs`` (the tag index is always keyed, and not
    in ``paths``)."""
    jobs: list[Job] = []
    newest_of = newest_in_each(newest)
    for tv in themes:
        name = f"{tv.theme.name_en} ({tv.theme.name_zh})" if tv.translated else tv.theme.name_zh
        jobs += list_jobs(
            tv.path, "theme.html", newest_of[id(tv)], THEME_PAGE, tv.theme, card_key,
            lambda pg, tv=tv, name=name: dict(
                t=tv, pg=pg, title=titled(tv.title, pg),
                description=described(f"{pg.total} articles on {name}.", f"on {name}", pg)), dirty, paths, quiet)
    for tv in tags:
        name = tv.tag.zh + (f" ({tv.tag.en})" if tv.tag.en else "")
        jobs += list_jobs(
            tv.path, "tag.html", newest_of[id(tv)], TAG_PAGE, tv.tag, card_key,
            lambda pg, tv=tv, name=name: dict(
                t=tv, pg=pg, title=titled(f"Tag {name}", pg),
                description=described(f"{pg.total} articles tagged {name}.", f"tagged {name}", pg)), dirty, paths, quiet)
    jobs += list_jobs(
        "archive.html", "archive.html", newest, ARCHIVE_PAGE, "archive", card_key,
        lambda pg: dict(pg=pg, title=titled("Archive", pg),
                        description=described(f"All {pg.total} articles of the digest, newest first.",
                                              "of the digest", pg)), dirty, paths)
    jobs += tag_index_jobs(tags, lambda pg: dict(
        pg=pg, title=titled("All tags", pg),
        description=f"All {len(tags)} tags of the digest, by number of articles."))
    return jobs
