"""Which pages show something changed, from the build's change set (``sitegen.changes``).

The render keys only those pages; every other page's key is carried over from the last
manifest as it stands, in bulk. What a page shows of an article is its entry (its own page,
its ``digest.json`` record) or its card (a link or list row: ``keys.card_key``), and both
follow from the entry. So from the articles whose entry may have changed (``C``):

- an article page is keyed when its article is in ``C``, when its previous or next article
  is another than in the last build, or when it links (previous, next, related) to one in
  ``C``;
- a theme's or tag's list is keyed whole when an article of ``C`` is or was in it, or one
  left the site that was in it (its pages may shift); the archive always is;
- a theme's or tag's record (its names as shown) that changed puts its articles in ``C``.

Articles outside ``C`` take their entry digest and card key from the last build's outline
(``Outline``) instead of making them again; the outline is what the next build compares with.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from .keys import card_key, entry_digest, known_keys, plain
from .util import clean_slug
from .views import SiteViews


@dataclass
class Outline:
    """What a render showed: what every page shows (``site_key``: the render's global key),
    the articles in digest order, the themes' and tags' records as shown (by slug), and each
    article's card key and entry digest (by permalink)."""

    site_key: str
    order: list[str]
    themes: dict[str, tuple]
    tags: dict[str, tuple]
    cards: dict[str, str]
    entries: dict[str, str]

    def to_plain(self) -> tuple:
        return (self.site_key, self.order, self.themes, self.tags, self.cards, self.entries)

    @classmethod
    def from_plain(cls, value, site_key: str) -> "Outline | None":
        """The outline kept as ``value``, if it was made with this ``site_key`` (else None)."""
        if not isinstance(value, tuple) or len(value) != 6 or value[0] != site_key:
            return None
        return cls(*value)


def outline(views: SiteViews, site_key: str) -> Outline:
    """This render's outline (every article's card key and entry digest made or taken)."""
    return Outline(site_key, [ev.path for ev in views.entries],
                   {slug: plain(tv.theme) for slug, tv in views.themes.items() if tv.entries},
                   {slug: plain(tv.tag) for slug, tv in views.tags.items() if tv.entries},
                   {ev.path: card_key(ev) for ev in views.entries},
                   {ev.path: entry_digest(ev) for ev in views.entries})


@dataclass
class Dirty:
    """The pages to key this build: ``articles`` (permalinks of article pages), ``cards``
    (articles whose card may differ: list pages showing them), ``lists`` (list front pages
    whose every page is keyed); ``shown``: the lists showing a changed card."""

    articles: set[str]
    cards: set[str]
    lists: set[str]
    shown: set[str]  # the front pages of the lists that show a changed card

    def list_page(self, front: str, page) -> bool:
        """Whether a list page is keyed (``lists.Dirty``)."""
        return front in self.lists or any(ev.path in self.cards for ev in page.items)

    def quiet_list(self, front: str) -> bool:
        """Whether no page of a list is keyed (``list_page`` says no to each)."""
        return front not in self.lists and front not in self.shown


def _fronts(theme: str, tags) -> list[str]:
    """The front pages of a theme's and tags' lists, by their slugs as grouping gives them."""
    return [f"themes/{clean_slug(theme)}.html", *(f"tags/{clean_slug(t)}.html" for t in tags)]


def _with_records(views: SiteViews, articles: frozenset[str], old: Outline) -> tuple[set[str], set[str]]:
    """(the articles whose entry or card may differ, the lists whose record differs): besides
    ``articles``, those new on the site and those of a theme or tag whose record (its names
    as shown) is another than in ``old``; that record is on each page of its list."""
    changed, lists = set(articles), set()
    changed.update(ev.path for ev in views.entries if ev.path not in old.cards)  # new on the site
    for records, views_of, record in ((old.themes, views.themes, attrgetter("theme")),
                                      (old.tags, views.tags, attrgetter("tag"))):
        for slug, view in views_of.items():
            if view.entries and records.get(slug) != plain(record(view)):
                changed.update(ev.path for ev in view.entries)
                lists.add(view.path)
    return changed, lists


def _neighbours(order: list[str]) -> dict[str, tuple]:
    """Each article's (previous, next) in ``order``."""
    return dict(zip(order, zip([None, *order[:-1]], [*order[1:], None])))


def _article_pages(views: SiteViews, changed: set[str], order: list[str]) -> set[str]:
    """The article pages to key: the changed articles', and those whose previous or next article
    is another than in the last build's ``order``, or that link to a changed article.

    Links to related articles are looked up in the grouping's list (``isdisjoint``, at C
    speed), which holds every related article a page shows (and may name more): a page may be
    keyed for nothing, never skipped wrongly."""
    now = [ev.path for ev in views.entries]
    pages = set(changed)
    if now != order:
        was = _neighbours(order)
        pages.update(p for p, pair in _neighbours(now).items() if was.get(p) != pair)
    place = {p: i for i, p in enumerate(now)}
    for p in changed:
        i = place.get(p)
        if i is not None:
            pages.update(now[max(i - 1, 0):i + 2])
    pages.update(ev.path for ev in views.entries if not changed.isdisjoint(ev.entry.grouping.related))
    return pages


def dirty_pages(views: SiteViews, changes, old: Outline) -> Dirty:
    """The pages that may show something changed, from the change set (``changes``: its
    articles, its dates, the last build's grouping outlines) and the last render's outline
    (``old``). Takes the entry digests and card keys of the other articles from ``old``.

    A list is keyed whole when an article may have entered, left or moved in it: one new,
    removed, dated anew, or whose theme or tags moved (the last build's and this one's lists);
    and when its record changed. In any other list, the pages showing a changed card."""
    changed, lists = _with_records(views, changes.articles, old)
    cards, digests = old.cards, old.entries
    for ev in views.entries:
        if ev.path not in changed:
            known_keys(ev, cards[ev.path], digests[ev.path])
    groupings, by_permalink = changes.baseline.groupings, views.by_permalink
    removed = set(old.order).difference(by_permalink)
    lists.add("archive.html")
    for p in changed | removed:
        ev, was = by_permalink.get(p), groupings.get(p)
        now = (ev.entry.grouping.theme.slug, tuple(t.slug for t in ev.entry.grouping.tags)) if ev else None
        if ev is None or was is None or p in changes.dates or was[:2] != now:
            if was is not None:
                lists.update(_fronts(*was[:2]))
            if ev is not None:
                lists.update(_fronts(*now))
    shown = set()
    for p in changed:
        ev = by_permalink.get(p)
        if ev is not None:
            shown.add(ev.theme.path)
            shown.update(tv.path for tv in ev.tags)
    return Dirty(_article_pages(views, changed, old.order), changed, lists, shown)


def to_run(jobs: list, dirty, previous: dict[str, str], carried: list[str]) -> list:
    """Of the render's ``jobs`` ((path, …) tuples), those to run: all without a change set
    (``dirty`` None), else those whose path ``dirty`` names or the last build (``previous``
    page keys) did not key; the others' paths go to ``carried``."""
    if not dirty:
        return jobs
    carried.extend(job[0] for job in jobs if not dirty(job[0]) and job[0] in previous)
    return [job for job in jobs if dirty(job[0]) or job[0] not in previous]
