"""What the templates show: views of the digest's articles, themes and tags, with the
links between them (theme, tags, related, previous/next) resolved, and their texts paired
Chinese with English."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.models import DigestEntry, DigestSite, Tag, Theme, Translation

from .recency import newest_first
from .util import clean_slug, href, iso_datetime, minutes_for, safe_site_path, shorten

STATUS_LABEL = {
    "machine": "Machine translation",
    "reviewed": "Reviewed translation",
    "pending": "Translation pending",
}


@dataclass
class Pair:
    """A Chinese text and its English rendering, as shown side by side."""

    zh: str | None
    en: str | None
    status: str | None  # machine | reviewed | pending | None (no source text)
    model: str | None = None

    @property
    def label(self) -> str:
        return STATUS_LABEL.get(self.status or "", "")

    @property
    def pending(self) -> bool:
        return bool(self.zh) and not self.en

    def to_json(self) -> dict:
        return {"zh": self.zh, "en": self.en, "status": self.status, "model": self.model}


def pair(zh: str | None, tr: Translation | None) -> Pair:
    if tr is None:
        return Pair(zh or None, None, "pending" if zh else None)
    text = tr.text if tr.status != "pending" else None
    status = tr.status if text else "pending"
    return Pair(zh or tr.source or None, text or None, status if (zh or tr.source) else None, tr.model)


class _Made:
    """A view's field made on first read from its entry (``maker(view)`` gives the values of
    ``names``, in order, made together) and kept in the view's ``__dict__``: a day's render at
    10,000 articles shows ~1,300 pages and search documents, and making every article's
    texts (pairs, body without its lead) for the others cost ~0.2 s."""

    def __init__(self, maker, names: tuple[str, ...], i: int):
        self.maker, self.names, self.i = maker, names, i

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, view, owner=None):
        if view is None:
            return self
        values = self.maker(view)
        view.__dict__.update(zip(self.names, values))
        return values[self.i]


def _made(maker, *names: str) -> list[_Made]:
    return [_Made(maker, names, i) for i in range(len(names))]


def _headline(ev: "EntryView") -> tuple:
    """(headline, headline_is_fallback): an excerpt's title when the source has none."""
    a, e = ev.entry.article, ev.entry
    hl = pair(a.headline, e.english.headline)
    return (excerpt_pair(a), True) if not hl.zh else (hl, False)


def _lead_and_body(ev: "EntryView") -> tuple:
    """(lead, body): the lead beside its English, and the blocks without the lead paragraph."""
    a, e = ev.entry.article, ev.entry
    lead = a.lead
    blocks = list(a.blocks)
    for j, b in enumerate(blocks):
        if b.kind == "paragraph":
            if b.text == lead:
                blocks = blocks[:j] + blocks[j + 1 :]
            break
    return pair(lead, e.english.lead), blocks


def _reading(ev: "EntryView") -> tuple:
    chars = ev.entry.article.han_chars
    return chars, minutes_for(chars)


@dataclass
class EntryView:
    """An article as its pages show it. Its links (theme, tags, related, previous and next)
    are set when the site's views are made; its texts (headline, kicker, subtitle, lead, body,
    reading time) are made from its entry when first read (``_Made``)."""

    entry: DigestEntry
    path: str
    href: str
    index: int
    theme: "ThemeView | None" = None
    tags: list = field(default_factory=list)
    related: list = field(default_factory=list)
    prev: "EntryView | None" = None
    next: "EntryView | None" = None

    headline, headline_is_fallback = _made(_headline, "headline", "headline_is_fallback")
    kicker, = _made(lambda ev: (pair(ev.entry.article.kicker, ev.entry.english.kicker),), "kicker")
    subtitle, = _made(lambda ev: (pair(ev.entry.article.subtitle, ev.entry.english.subtitle),), "subtitle")
    lead, body = _made(_lead_and_body, "lead", "body")
    chars, minutes = _made(_reading, "chars", "minutes")

    @property
    def article(self):
        """The raw record, for Python callers (keys, digest.json); templates read the flat
        fields below (tests/test_render_views.py holds them to it)."""
        return self.entry.article

    # What an article page shows of its raw records, read-only: all of it is in ``entry``,
    # so the page's key (``keys.article_key``, via ``entry_digest``) moves with it.
    @property
    def byline(self) -> str | None:
        return self.entry.article.byline

    @property
    def dateline(self) -> str | None:
        return self.entry.article.dateline

    @property
    def markers(self) -> tuple[str, ...]:
        return self.entry.article.markers

    @property
    def seed(self) -> str:
        return self.entry.article.seed

    @property
    def position(self) -> int:
        return self.entry.article.position

    @property
    def key_terms(self) -> tuple:
        return self.entry.key_terms

    @property
    def title_text(self) -> str:
        """Plain title for <title> and meta."""
        if self.headline_is_fallback:
            return excerpt_title(self.article)
        parts = [p for p in (self.headline.zh, self.headline.en) if p]
        return " — ".join(parts) or "Untitled article"

    @property
    def feed_title(self) -> tuple[str, str]:
        """(text, language) of the feed entry's title: the English headline once translated
        (an excerpt's title is English), else the Chinese one."""
        if self.headline.en:
            return self.headline.en, "en"
        return self.headline.zh or excerpt_title(self.article), "zh-Hans"

    @property
    def description(self) -> str:
        text = self.lead.en or self.lead.zh or self.headline.en or self.headline.zh or ""
        # Search results cut a description by width: a Chinese character is as wide as two Latin ones.
        return shorten(text, 155 if text and text in (self.lead.en, self.headline.en) else 78)


def excerpt_pair(article) -> Pair:
    """The title of an article printed without a headline (a continuation fragment, which may
    start mid-sentence): it says what it is and where it comes from, in both languages."""
    stem = Path(article.seed).stem
    return Pair(f"摘录：{stem} 第{article.position}篇", f"Excerpt: {stem}, article {article.position}", None)


def excerpt_title(article) -> str:
    return f"Excerpt · 摘录: {Path(article.seed).stem}, article {article.position}"


@dataclass
class ThemeView:
    theme: Theme
    slug: str
    path: str
    href: str
    entries: list = field(default_factory=list)

    @property
    def name_en(self) -> str:
        return self.theme.name_en

    @property
    def name_zh(self) -> str:
        return self.theme.name_zh

    @property
    def automatic(self) -> bool:
        return self.theme.automatic

    @property
    def translated(self) -> bool:
        """False while the English name is pending: ``theme.name_en`` then repeats the Chinese
        (see ``SiteViews._theme_view``), and a heading shows that text once, as Chinese."""
        return self.theme.name_en != self.theme.name_zh

    @property
    def title(self) -> str:
        return f"{self.theme.name_en} · {self.theme.name_zh}" if self.translated else self.theme.name_zh


@dataclass
class TagView:
    tag: Tag
    slug: str
    path: str
    href: str
    entries: list = field(default_factory=list)

    @property
    def label_en(self) -> str:
        return self.tag.en or ""

    @property
    def en(self) -> str | None:
        return self.tag.en

    @property
    def zh(self) -> str:
        return self.tag.zh


class SiteViews:
    """Every article, theme and tag of ``site`` as the templates show them: ``entries`` in
    digest order, ``newest`` first, ``theme_list`` (themes with articles), ``tag_list``
    (most used first), and ``by_permalink``."""

    def __init__(self, site: DigestSite):
        self.site = site
        # Each theme's and tag's view by its slug as given, so that the slug of each of
        # ~80,000 mentions at 10,000 articles is not cleaned again (0.2 s).
        self._theme_of: dict[Theme, ThemeView] = {}
        self._tag_of: dict[str, TagView] = {}
        self.themes: dict[str, ThemeView] = {}
        for th in site.themes:
            self._theme_view(th)
        self.tags: dict[str, TagView] = {}
        self.entries: list[EntryView] = []
        self.by_permalink: dict[str, EntryView] = {}
        for i, e in enumerate(site.entries):
            ev = self._entry_view(i, e)
            if ev.path in self.by_permalink:
                raise ValueError(f"duplicate permalink {ev.path!r}")
            self._file(ev)
            self.entries.append(ev)
            self.by_permalink[ev.path] = ev
        self._link_entries()
        self.theme_list = [tv for tv in self.themes.values() if tv.entries]
        self.tag_list = sorted(
            (tv for tv in self.tags.values() if tv.entries), key=lambda t: (-len(t.entries), t.slug)
        )
        self.newest = newest_first(self.entries)

    @staticmethod
    def _entry_view(i: int, e: DigestEntry) -> EntryView:
        """The ``i``-th entry's view (its texts are made when first read)."""
        path = safe_site_path(e.permalink)
        return EntryView(entry=e, path=path, href=href(path), index=i)

    def _file(self, ev: EntryView) -> None:
        """File ``ev`` under its theme and its tags (a tag once, however often named)."""
        e = ev.entry
        ev.theme = self._theme_view(e.grouping.theme)
        ev.theme.entries.append(ev)
        seen = set()
        for t in e.grouping.tags:
            tv = self._tag_view(t)
            if tv.slug in seen:
                continue
            seen.add(tv.slug)
            tv.entries.append(ev)
            ev.tags.append(tv)

    def _link_entries(self) -> None:
        """Previous / next in digest order, and related articles that are on the site."""
        for i, ev in enumerate(self.entries):
            ev.prev = self.entries[i - 1] if i > 0 else None
            ev.next = self.entries[i + 1] if i + 1 < len(self.entries) else None
            rel: dict[str, EntryView] = {}  # by path: comparing views field by field cost 0.1 s at 10,000
            for p in ev.entry.grouping.related:
                r = self.by_permalink.get(p)
                if r is not None and r is not ev and r.path not in rel:
                    rel[r.path] = r
            ev.related = list(rel.values())

    def _theme_view(self, th: Theme) -> ThemeView:
        view = self._theme_of.get(th)
        if view is None:
            view = self._theme_of[th] = self._new_theme_view(th)
        return view

    def _new_theme_view(self, th: Theme) -> ThemeView:
        slug = clean_slug(th.slug)
        if not th.name_en:  # untranslated theme name: show the Chinese one rather than nothing
            th = dataclasses.replace(th, name_en=th.name_zh)
        if slug not in self.themes:
            path = f"themes/{slug}.html"
            self.themes[slug] = ThemeView(th, slug, path, href(path))
        return self.themes[slug]

    def _tag_view(self, t: Tag) -> TagView:
        view = self._tag_of.get(t.slug)
        if view is None:
            view = self._tag_of[t.slug] = self._new_tag_view(t)
        return view

    def _new_tag_view(self, t: Tag) -> TagView:
        slug = clean_slug(t.slug)
        if slug not in self.tags:
            known = self.site.tag_names.get(t.slug)
            tag = known if known is not None else t
            path = f"tags/{slug}.html"
            self.tags[slug] = TagView(tag, slug, path, href(path))
        return self.tags[slug]


def entry_dates(info, ev: EntryView) -> tuple[str, str]:
    """(published, updated) of an article: from the build's article history, else the build date."""
    built = iso_datetime(info.build_date)
    return iso_datetime(ev.entry.published) if ev.entry.published else built, \
        iso_datetime(ev.entry.updated) if ev.entry.updated else built
