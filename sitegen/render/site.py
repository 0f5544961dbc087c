"""Render a :class:`~sitegen.models.DigestSite` into site pages (bytes).

Every link is relative (a ``root`` prefix per page depth), so the site works
under a sub-path such as ``https://user.github.io/repo/`` and from disk.
Seed text is only ever passed to templates as data with autoescaping on; it
is never compiled as a template.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from sitegen.parallel import chunks, job_count, share_map
from sitegen.state import tree_digest
from sitegen.models import DigestEntry, DigestSite, Page, Tag, Theme, Translation

from . import lists, search_shards, sitemap
from .minify import minified
from .recency import newest_first
from .strings import install as install_strings
from .util import (
    ZH_CHARS_PER_MINUTE,
    absolute,
    base_path,
    clean_slug,
    han_count,
    minutes_for,
    href,
    iso_date,
    iso_datetime,
    root_for,
    safe_site_path,
    shorten,
)

# Rendering code takes part in page keys, so a change to it re-renders every page.
_CODE_VERSION = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
).hexdigest()

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


def _pair(zh: str | None, tr: Translation | None) -> Pair:
    if tr is None:
        return Pair(zh or None, None, "pending" if zh else None)
    text = tr.text if tr.status != "pending" else None
    status = tr.status if text else "pending"
    return Pair(zh or tr.source or None, text or None, status if (zh or tr.source) else None, tr.model)


@dataclass
class EntryView:
    entry: DigestEntry
    path: str
    href: str
    index: int
    headline: Pair
    headline_is_fallback: bool
    kicker: Pair
    subtitle: Pair
    lead: Pair
    body: list = field(default_factory=list)  # blocks after the lead paragraph
    theme: "ThemeView | None" = None
    tags: list = field(default_factory=list)
    related: list = field(default_factory=list)
    prev: "EntryView | None" = None
    next: "EntryView | None" = None
    chars: int = 0
    minutes: int = 1

    @property
    def article(self):
        return self.entry.article

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
    def translated(self) -> bool:
        """False while the English name is pending: ``theme.name_en`` then repeats the Chinese
        (see ``_theme_view``), and a heading shows that text once, as Chinese."""
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


class _CompiledTemplates(BytecodeCache):
    """Compiled template code, kept in this process for every environment that
    ``make_environment`` makes (all have the same options, which the code depends on).
    One entry per template file, with a checksum of the source it was compiled from: an
    edited template is compiled again and replaces its entry (``sitegen serve`` rebuilds in
    one process). Forked workers inherit the entries."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, object]] = {}  # bucket key -> (source checksum, code)

    def load_bytecode(self, bucket) -> None:
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket) -> None:
        self.codes[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _CompiledTemplates()


def prepare(templates_dir: Path) -> None:
    """Compile the templates now (~0.06 s), e.g. while the seeds are parsed: renderers
    made later in this process, and their forked workers, then find them compiled. A
    template that does not compile is left for the render to report."""
    env = make_environment(Path(templates_dir))
    for name in env.list_templates(extensions=("html", "xml")):
        try:
            env.get_template(name)
        except Exception:  # noqa: BLE001, S112 - reported, with its location, when it is rendered
            continue


def make_environment(templates_dir: Path) -> Environment:
    """Templates are the project's own files; seed text only ever arrives as autoescaped
    data and is never compiled, so no sandbox is needed (it cost ~30% of render time)."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build: no stat() of the file on every look-up.
        auto_reload=False,
    )
    install_strings(env, templates_dir)
    return env


#: Macros of ``_macros.html`` that pages call many times with the same arguments: an
#: article's card on the index, its theme page and each of its tag pages; its headline in
#: other articles' related and previous/next links. Templates call them as globals, which
#: render each distinct call once per process and reuse the HTML.
MEMOISED_MACROS = ("card", "headline")


def _arg_key(value):
    """A macro argument as part of a memo key: plain values as they are, objects by identity."""
    return value if value is None or isinstance(value, (str, int, float)) else id(value)


def memoised_macros(env: Environment, template: str = "_macros.html",
                    names: tuple[str, ...] = MEMOISED_MACROS) -> dict[str, object]:
    """``{name: memoised macro}`` for the named macros of ``template`` ({} without it).

    A macro's output depends only on its arguments (macros see no page context), so equal
    calls give equal HTML. Objects (entry views) are told apart by identity: the renderer
    keeps them alive while it renders."""
    from jinja2 import TemplateNotFound

    try:
        module = env.get_template(template).module
    except TemplateNotFound:
        return {}
    out = {}
    for name in names:
        macro = getattr(module, name, None)
        if macro is None:
            continue
        cache: dict[tuple, object] = {}

        def memoised(*args, _macro=macro, _cache=cache, **kwargs):
            key = tuple(map(_arg_key, args))
            if kwargs:
                key += tuple(sorted((k, _arg_key(v)) for k, v in kwargs.items()))
            html = _cache.get(key)
            if html is None:
                html = _cache[key] = _macro(*args, **kwargs)
            return html

        out[name] = memoised
    return out


class PageSink(Protocol):
    """Where rendered pages go (``sitegen.write.SiteWriter`` is one)."""

    def write(self, page: Page) -> None:
        """Store ``page`` (may be called in a forked worker process)."""

    def adopt(self, path: str) -> None:
        """Count ``path`` as stored: a worker process wrote it with ``write``."""


@dataclass
class RenderResult:
    """What an incremental render made: new pages, pages unchanged since ``previous``
    (to carry over from the old site), and every page's dependency key."""

    pages: list[Page]
    unchanged: list[str]
    keys: dict[str, str]
    made: int = 0


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def _card_key(ev: "EntryView") -> str:
    """Digest of what a link or card to ``ev`` shows on another page. Memoised on the view
    (views do not change once built): an article's card is in about a dozen other pages'
    keys, which then hold its 64-digit digest instead of repeating the card's texts."""
    key = ev.__dict__.get("_card_key")
    if key is None:
        key = ev.__dict__["_card_key"] = _digest((ev.href, ev.headline, ev.lead, ev.minutes, ev.theme.slug,
                                                  ev.theme.theme.name_en, ev.theme.theme.name_zh))
    return key


class _Renderer:
    def __init__(self, site: DigestSite, templates_dir: Path, static_dir: Path,
                 previous: dict[str, str] | None = None, sink=None):
        self.site = site
        self.info = site.info
        self.env = make_environment(templates_dir)
        self.env.globals.update(memoised_macros(self.env))
        self.static_dir = static_dir
        self.pages: dict[str, bytes] = {}
        self.sink = sink  # when set, each page goes straight to it instead of being kept
        self.made: set[str] = set()
        # Incremental rendering: pages whose key equals ``previous[path]`` are not rendered.
        self.previous = previous
        self.keys: dict[str, str] = {}
        self.unchanged: list[str] = []
        if previous is not None:
            globals_ = dataclasses.replace(self.info, build_date="")
            self._global_key = _digest((tree_digest([Path(templates_dir)], Path(templates_dir)), globals_, site.pending_note,
                                        ZH_CHARS_PER_MINUTE, _CODE_VERSION,
                                        [(p.path, p.title) for p in site.pages]))  # every page lists them
        self._build_views()

    # ------------------------------------------------------------------ views
    def _build_views(self) -> None:
        site = self.site
        self.themes: dict[str, ThemeView] = {}
        for th in site.themes:
            self._theme_view(th)
        self.tags: dict[str, TagView] = {}
        self.entries: list[EntryView] = []
        self.by_permalink: dict[str, EntryView] = {}
        for i, e in enumerate(site.entries):
            a = e.article
            path = safe_site_path(e.permalink)
            if path in self.by_permalink:
                raise ValueError(f"duplicate permalink {path!r}")
            hl = _pair(a.headline, e.english.headline)
            fallback = False
            if not hl.zh:
                fallback = True
                hl = excerpt_pair(a)
            lead_pair = _pair(a.lead, e.english.lead)
            blocks = list(a.blocks)
            for j, b in enumerate(blocks):
                if b.kind == "paragraph":
                    if b.text == a.lead:
                        blocks = blocks[:j] + blocks[j + 1 :]
                    break
            ev = EntryView(
                entry=e,
                path=path,
                href=href(path),
                index=i,
                headline=hl,
                headline_is_fallback=fallback,
                kicker=_pair(a.kicker, e.english.kicker),
                subtitle=_pair(a.subtitle, e.english.subtitle),
                lead=lead_pair,
                body=blocks,
                chars=(chars := han_count(a.body_text)),
                minutes=minutes_for(chars),
            )
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
            self.entries.append(ev)
            self.by_permalink[path] = ev
        for i, ev in enumerate(self.entries):
            ev.prev = self.entries[i - 1] if i > 0 else None
            ev.next = self.entries[i + 1] if i + 1 < len(self.entries) else None
            rel = []
            for p in ev.entry.grouping.related:
                r = self.by_permalink.get(p)
                if r is not None and r is not ev and r not in rel:
                    rel.append(r)
            ev.related = rel
        self.theme_list = [tv for tv in self.themes.values() if tv.entries]
        self.tag_list = sorted(
            (tv for tv in self.tags.values() if tv.entries), key=lambda t: (-len(t.entries), t.slug)
        )
        self.newest = newest_first(self.entries)

    def _theme_view(self, th: Theme) -> ThemeView:
        slug = clean_slug(th.slug)
        if not th.name_en:  # untranslated theme name: show the Chinese one rather than nothing
            th = dataclasses.replace(th, name_en=th.name_zh)
        if slug not in self.themes:
            path = f"themes/{slug}.html"
            self.themes[slug] = ThemeView(th, slug, path, href(path))
        return self.themes[slug]

    def _tag_view(self, t: Tag) -> TagView:
        slug = clean_slug(t.slug)
        if slug not in self.tags:
            known = self.site.tag_names.get(t.slug)
            tag = known if known is not None else t
            path = f"tags/{slug}.html"
            self.tags[slug] = TagView(tag, slug, path, href(path))
        return self.tags[slug]

    # -------------------------------------------------------------- rendering
    def common(self, path: str, **kw) -> dict:
        ctx = {
            "info": self.info,
            "site": self.site,
            "path": path,
            "root": root_for(path),
            "canonical": absolute(self.info.base_url, path),
            "base_url": self.info.base_url,
            "pending_note": self.site.pending_note,
            "themes": self.theme_list,
            "tags": self.tag_list,
            "entries": self.entries,
            "rate": ZH_CHARS_PER_MINUTE,
            "build_date": iso_date(self.info.build_date) if self.info.build_date else "",
            "html_base": None,
            "md_pages": [{"href": root_for(path) + href(p.path), "title": p.title,
                          "url": absolute(self.info.base_url, p.path)} for p in self.site.pages],
        }
        ctx.update(kw)
        return ctx

    def page(self, path: str, template: str, key=None, **kw) -> None:
        """Render ``template`` to ``path``. ``key`` (a callable) lists everything the page
        shows besides the site-wide settings; with it, an unchanged page is skipped."""
        if not self._unchanged(path, template, key):
            self.add(path, self._render(path, template, **kw))

    def _unchanged(self, path: str, template: str, key) -> bool:
        digest = self._page_key(path, template, key)
        if digest is not None and self.previous.get(path) == digest:
            self.unchanged.append(path)
            return True
        return False

    def _page_key(self, path: str, template: str, key) -> str | None:
        """The page's dependency digest (recorded in ``keys``), or None when not keyed."""
        safe_site_path(path)
        if key is None or self.previous is None:
            return None
        digest = self.keys[path] = _digest((self._global_key, template, key()))
        return digest

    def _render(self, path: str, template: str, **kw) -> str:
        return self.env.get_template(template).render(self.common(path, **kw))

    def _do_job(self, i: int, in_worker: bool) -> tuple[str, str | None, str, bytes | None]:
        """Key, skip or render page ``i`` of ``_jobs``: (path, key, outcome, content).
        In a worker with a sink, the page is written there and then (outcome "written")
        instead of being sent back to the parent."""
        path, template, key, kw = self._jobs[i]
        digest = self._page_key(path, template, key)
        if digest is not None and self.previous.get(path) == digest:
            return path, digest, "unchanged", None
        # A job without a template makes its content itself (the data files).
        data = (kw() if template is None else self._render(path, template, **kw())).encode("utf-8")
        if in_worker and self.sink is not None:
            self.sink.write(Page(path, data))
            return path, digest, "written", None
        return path, digest, "made", data

    def _take(self, outcome: tuple[str, str | None, str, bytes | None]) -> None:
        path, digest, how, data = outcome
        if digest is not None:
            self.keys[path] = digest
        if how == "unchanged":
            self.unchanged.append(path)
        elif how == "written":
            self._claim(path)
            self.sink.adopt(path)
        else:
            self.add(path, data)

    def _many(self, jobs: list[tuple[str, str, object, object]], meanwhile=None) -> None:
        """Render many keyed pages (articles, themes, tags: most of the site), skipping
        unchanged ones, over the machine's cores when there are enough of them: this process
        takes the pages in chunks from the front (article pages), forked helpers from the back
        (tag pages), until they meet; a helper keys, renders and writes its pages and reports
        what it did. Each side thus reuses its own memoised headlines or cards, and writes
        into its own folder: in turn, both rendered the same cards and queued for the same
        folder's lock (render 0.47-0.55 s, now 0.40-0.44 s at 1,000 articles).
        Each job is (path, template, key callable, context callable) or, for a file that is not
        a template, (path, None, None, content callable). ``meanwhile`` runs in
        this process first, while the helpers start on the pages."""
        self._jobs = jobs
        if len(jobs) < PARALLEL_PAGES:
            if meanwhile is not None:
                meanwhile()
            for i in range(len(jobs)):
                self._take(self._do_job(i, in_worker=False))
            return
        for name in dict.fromkeys(template for _, template, _, _ in jobs if template):
            self.env.get_template(name)  # compiled once, here, rather than in every helper
        parent = os.getpid()

        def chunk(indices) -> list | None:
            if os.getpid() == parent:  # this process's pages are taken (written) at once
                for i in indices:
                    self._take(self._do_job(i, in_worker=False))
                return None
            return [self._do_job(i, in_worker=True) for i in indices]

        try:
            # Small chunks: the data files are single jobs of ~0.1 s each, the pages ~0.3 ms.
            for part in share_map(chunk, chunks(range(len(jobs)), job_count() * 16), min_items=2,
                                  meanwhile=meanwhile):
                for outcome in part or ():
                    self._take(outcome)
        finally:
            self._jobs = []

    # Keys hold the records themselves: ``_digest`` takes the repr of the whole key once
    # (a repr nested in a key was escaped a second time: half the time of keying a page).
    @staticmethod
    def _article_key(ev: "EntryView") -> tuple:
        return (
            ev.entry, ev.theme.theme, [t.tag for t in ev.tags],
            _card_key(ev.prev) if ev.prev else None, _card_key(ev.next) if ev.next else None,
            [_card_key(r) for r in ev.related],
        )

    def _claim(self, path: str) -> None:
        if path in self.made:
            raise ValueError(f"two pages want {path!r}")
        self.made.add(path)

    def add(self, path: str, content: str | bytes) -> None:
        self._claim(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if self.sink is not None:
            self.sink.write(Page(path, data))
        else:
            self.pages[path] = data

    def render(self, meanwhile=None, extra_files=()) -> list[Page]:
        """Render the site; ``meanwhile`` (the caller's own work) runs in this process
        after the site-wide files, while the workers render. ``extra_files``: keyed files
        other stages make, (path, key callable, content callable), made first."""
        # The two data files are the largest single jobs: first, so that this process does them
        # as soon as its site-wide files are made, while the helpers start at the other end.
        jobs: list[tuple[str, str | None, object, object]] = [
            ("digest.json", None, None, self._digest_json),
        ]
        # Other stages' files next, in this process: their per-word work (gloss entries) is
        # then done once, not again in each helper.
        jobs += [(path, None, key, content) for path, key, content in extra_files]
        jobs += [(ev.path, "article.html", lambda ev=ev: self._article_key(ev),
                 lambda ev=ev: dict(e=ev, title=ev.title_text, description=ev.description))
                for ev in self.entries]
        list_jobs = self._list_jobs()
        self._list_paths = [job[0] for job in list_jobs]
        jobs += list_jobs
        # The site-wide files are made here while the workers render the keyed pages.
        def site_files_then_callers_work() -> None:
            self._site_files()
            if meanwhile is not None:
                meanwhile()

        self._many(jobs, meanwhile=site_files_then_callers_work)
        return [Page(p, self.pages[p]) for p in sorted(self.pages)]

    def _list_jobs(self) -> list:
        """Every page of every theme, tag and the archive (newest first), and of the tag index."""
        return lists.site_list_jobs(self.theme_list, self.tag_list, self.newest, _card_key)

    def _site_files(self) -> None:
        """Index, search, about, 404, feeds, assets: one of each per site."""
        latest = self.newest[:HOME_LATEST]
        on_top = {ev.path for ev in latest}  # not shown twice: each theme's newest after those
        self.page("index.html", "index.html", title=self.info.title, description=self._site_description(),
                  latest=latest, theme_newest=[
                      (tv, [ev for ev in newest_first(tv.entries) if ev.path not in on_top][:HOME_PER_THEME])
                      for tv in self.theme_list])
        self.page("search.html", "search.html", title="Search",
                  description="Search headlines, leads, themes and tags in Chinese and English.")
        self.page("about.html", "about.html", title="About this digest",
                  description="How the digest is made: sources, machine and reviewed translations, reading time.")
        bp = base_path(self.info.base_url) if self.info.base_url else None
        self.page("404.html", "404.html", title="Page not found", description="This page does not exist.",
                  html_base=bp)
        self._feeds()
        self._search_files()
        self._static()
        if "gloss-messages.js" in self.env.list_templates(extensions=("js",)):  # the reading aid's messages
            self.add("static/gloss-messages.js",
                     minified(".js", self.env.get_template("gloss-messages.js").render().encode("utf-8")))
        self.add(".nojekyll", b"")
        self._markdown_pages()

    def _markdown_pages(self) -> None:
        """``pages/*.md`` (``sitegen.pages``), each in the site's layout (``page.html``)."""
        from markupsafe import Markup

        from sitegen.pages import PageError

        if self.site.pages and "page.html" not in self.env.list_templates():
            raise PageError(f"{self.site.pages[0].source}: Markdown pages need the template page.html "
                            "among the templates")
        for p in self.site.pages:
            if p.path in self.made:
                raise PageError(f"{p.source}: the site already has a page {p.path}; rename the file")
            self.page(p.path, "page.html", title=p.title, description=p.description or p.title,
                      page_html=Markup(p.html))

    def _site_description(self) -> str:
        n = len(self.entries)
        return (f"{n} articles from Chinese newspaper pages with English headlines and leads, "
                f"grouped into {len(self.theme_list)} themes.")

    def _dates(self, ev: EntryView) -> tuple[str, str]:
        """(published, updated) of an article: from the build's article history, else the build date."""
        built = iso_datetime(self.info.build_date)
        return iso_datetime(ev.entry.published) if ev.entry.published else built, \
            iso_datetime(ev.entry.updated) if ev.entry.updated else built

    def _feeds(self) -> None:
        info = self.info
        feed_id = info.base_url or ("urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sitegen-feed:" + info.title)))
        entries = []
        for ev in self.newest[:FEED_LIMIT]:
            published, updated = self._dates(ev)
            title, title_lang = ev.feed_title
            entries.append({
                "e": ev,
                "id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sitegen:" + ev.path)),
                "url": absolute(info.base_url, ev.path) or ev.href,
                "title": title, "title_lang": title_lang, "published": published, "updated": updated,
            })
        # The feed changed when its latest entry did, not whenever the site was rebuilt.
        latest = max((self._dates(ev)[1] for ev in self.entries), default=iso_datetime(info.build_date))
        ctx = dict(
            feed_id=feed_id,
            updated=latest,
            self_url=absolute(info.base_url, "feed.xml") or "feed.xml",
            home_url=absolute(info.base_url, "index.html") or "index.html",
            items=entries,
        )
        self.add("feed.xml", self.env.get_template("feed.xml").render(self.common("feed.xml", **ctx)))
        urls = []
        if info.base_url:
            # An article page changes with its content; a list page when an article it shows
            # does (dated as its list: the latest change, an upper bound for a numbered page).
            day = {e.path: self._dates(e)[1][:10] for e in self.entries}
            urls = ([(absolute(info.base_url, "index.html"), latest[:10])]
                    + [(absolute(info.base_url, e.path), day[e.path]) for e in self.entries]
                    + [(absolute(info.base_url, p), latest[:10]) for p in self._list_paths]
                    + [(absolute(info.base_url, "about.html"), "")])
        for path, text in sitemap.sitemap_files(
                urls, lambda path, part: self.env.get_template("sitemap.xml").render(self.common(
                    # the Markdown pages (md_pages) are listed in the first part only
                    path, urls=part, **({} if path in ("sitemap.xml", "sitemap-1.xml") else {"md_pages": []}))),
                lambda path, locs: self.env.get_template("sitemap-index.xml").render(
                    self.common(path, sitemaps=locs, lastmod=latest[:10])),
                lambda path: absolute(info.base_url, path)):
            self.add(path, text)
        robots = "User-agent: *\nAllow: /\n"
        if info.base_url:
            robots += f"Sitemap: {absolute(info.base_url, 'sitemap.xml')}\n"
        self.add("robots.txt", robots)

    def _digest_json(self) -> str:
        """``digest.json``: every article's texts, translations, theme, tags and links."""
        info = self.info
        articles = []
        for ev in self.entries:
            a = ev.article
            articles.append({
                "permalink": ev.path,
                "url": absolute(info.base_url, ev.path) or None,
                "seed": a.seed,
                "position": a.position,
                "line": a.line,
                "headline": ev.headline.to_json() if not ev.headline_is_fallback else _pair(None, ev.entry.english.headline).to_json(),
                "excerpt": ev.headline_is_fallback,  # printed without a headline
                "published": self._dates(ev)[0],
                "updated": self._dates(ev)[1],
                "kicker": ev.kicker.to_json(),
                "subtitle": ev.subtitle.to_json(),
                "lead": ev.lead.to_json(),
                "byline": a.byline,
                "dateline": a.dateline,
                "subheads": a.subheads,
                "chars": ev.chars,
                "reading_minutes": ev.minutes,
                "theme": {"slug": ev.theme.slug, "name_en": ev.theme.theme.name_en, "name_zh": ev.theme.theme.name_zh},
                "tags": [{"slug": t.slug, "zh": t.tag.zh, "en": t.tag.en} for t in ev.tags],
                "related": [r.path for r in ev.related],
                "key_terms": [{"zh": k.zh, "pinyin": k.pinyin, "gloss": k.gloss, "tag": k.tag}
                              for k in ev.entry.key_terms],
                "previous": ev.prev.path if ev.prev else None,
                "next": ev.next.path if ev.next else None,
            })
        digest = {
            "schema": "sitegen-digest/1",
            "site": {
                "title": info.title, "title_zh": info.title_zh, "base_url": info.base_url or None,
                "build_date": info.build_date or None, "version": info.version or None,
                "pending_note": self.site.pending_note,
                "key_terms_note": "key_terms: dictionary glosses (CC-CEDICT, pinyin by pypinyin), not translations",
            },
            "themes": [{"slug": t.slug, "name_en": t.theme.name_en, "name_zh": t.theme.name_zh,
                        "automatic": t.theme.automatic, "page": t.path,
                        "articles": [e.path for e in t.entries]} for t in self.theme_list],
            "tags": [{"slug": t.slug, "zh": t.tag.zh, "en": t.tag.en, "page": t.path,
                      "articles": [e.path for e in t.entries]} for t in self.tag_list],
            "articles": articles,
        }
        # Compact: json's C encoder only runs without ``indent`` (3x faster on a big digest).
        return json.dumps(digest, ensure_ascii=False, separators=(",", ":")) + "\n"

    def _search_files(self) -> None:
        """``search/``: the client-side search index of headlines (with kicker and subtitle),
        leads, theme and tag names, in Chinese and in every English there is, newest first,
        in shards that the search page loads as a query needs them."""
        number = {tv.slug: i for i, tv in enumerate(self.theme_list)}
        docs = [{
            "u": ev.href, "hz": ev.headline.zh or "", "he": ev.headline.en or "",
            "k": " ".join(t for p in (ev.kicker, ev.subtitle) for t in (p.zh, p.en) if t),
            "lz": ev.lead.zh or "", "le": ev.lead.en or "", "ti": number[ev.theme.slug],
            "tn": f"{ev.theme.theme.name_en} {ev.theme.theme.name_zh}",
            "tg": " ".join(t for tv in ev.tags for t in (tv.tag.zh, tv.tag.en) if t),
        } for ev in self.newest]
        themes = [(tv.theme.name_en, tv.theme.name_zh) for tv in self.theme_list]
        for path, text in search_shards.shard_files(docs, themes):
            self.add(path, text)

    def _static(self) -> None:
        d = Path(self.static_dir)
        if not d.is_dir():
            return
        for f in sorted(p for p in d.rglob("*") if p.is_file()):
            rel = f.relative_to(d).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            self.add("static/" + rel, minified(rel, f.read_bytes()))


FEED_LIMIT = 200  # Atom entries: the digest's newest articles
HOME_LATEST = 6  # newest articles on the home page
HOME_PER_THEME = 3  # and each theme's newest

PARALLEL_PAGES = 200  # fewer pages than this render in-process


def render_site(site: DigestSite, templates_dir: Path, static_dir: Path) -> list[Page]:
    """Render every file of the site: HTML pages, assets, feeds, data. Deterministic."""
    return _Renderer(site, Path(templates_dir), Path(static_dir)).render()


def render_changed(site: DigestSite, templates_dir: Path, static_dir: Path,
                   previous: dict[str, str], sink=None, meanwhile=None, extra_files=()) -> RenderResult:
    """Render only the pages whose inputs changed since the render that produced the
    page keys ``previous`` (``{}`` renders everything). Article, theme and tag pages are
    keyed by the data they show; index, search, feeds and data files are always made.

    With ``sink`` (a :class:`PageSink`, such as ``sitegen.write.SiteWriter``), pages are
    handed over as they are made and not kept: ``RenderResult.pages`` is then empty and
    ``made`` counts them. Pages rendered in forked workers are written by the workers
    (``sink.write`` in the child) and reported to the parent's sink with ``sink.adopt``.

    ``meanwhile``: a callable of the caller's, run in this process while the workers
    render (or before rendering when there are no workers), so it costs no extra time.

    ``extra_files``: (path, key callable, content callable) of files that other stages make
    (the gloss files), made only when their key changed, at the front of the job list (this
    process takes jobs from that end, the forked helpers from the other)."""
    renderer = _Renderer(site, Path(templates_dir), Path(static_dir), previous=previous, sink=sink)
    pages = renderer.render(meanwhile, extra_files)
    return RenderResult(pages, renderer.unchanged, renderer.keys, made=len(renderer.made))
