"""Render a :class:`~sitegen.models.DigestSite` into site pages (bytes).

Every link is relative (a ``root`` prefix per page depth), so the site works
under a sub-path such as ``https://user.github.io/repo/`` and from disk.
Seed text is only ever passed to templates as data with autoescaping on; it
is never compiled as a template.

The parts: ``views`` (what the templates show), ``templating`` (the Jinja2 environment),
``keys`` (page keys of incremental builds), ``lists`` (paginated list pages), ``feeds``
(feed, sitemaps, robots.txt), ``digest_json`` and ``search_shards`` (data files). This
module makes the job list and runs it over the cores.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from jinja2 import TemplateError

from sitegen.parallel import chunks, job_count, share_map
from sitegen.state import tree_digest
from sitegen.models import DigestSite, Page

from . import lists
from .changed import Outline, dirty_pages, outline, to_run
from .digest_json import digest_json
from .feeds import feed_files
from .keys import article_key, card_key, entry_digest, key_digest, plain
from .minify import minified
from .recency import newest_first
from .result import RenderResult
from .search_docs import search_files
from .templating import make_environment, memoised_macros, render_error
from .util import ZH_CHARS_PER_MINUTE, absolute, base_path, href, iso_date, root_for, safe_site_path
from .views import SiteViews

# Rendering code takes part in page keys, so a change to it re-renders every page.
_CODE_VERSION = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
).hexdigest()


class _Renderer:
    def __init__(self, site: DigestSite, templates_dir: Path, static_dir: Path,
                 previous: dict[str, str] | None = None, sink=None, search_memo=None, digest_memo=None,
                 changes=None, card_memo=None):
        self.site = site
        self.search_memo = search_memo  # what the last build's search index left (search_shards.SearchMemo)
        self.digest_memo = digest_memo  # where the last digest.json's records are (digest_json.DigestMemo)
        self.info = site.info
        self.templates_dir = templates_dir
        self.env = make_environment(templates_dir)
        try:
            self.env.globals.update(memoised_macros(self.env))
        except TemplateError as exc:
            raise render_error(exc, templates_dir, "every page") from None
        self.env.cache.clear()  # templates loaded from now on see those globals (make_globals)
        self.card_memo = None  # the cards of the last builds (``card_memo``), by the site-wide key
        if card_memo is not None and previous is not None and "card" in self.env.globals:
            self.card_memo = card_memo
        self.static_dir = static_dir
        self.pages: dict[str, bytes] = {}
        self.sink = sink  # when set, each page goes straight to it instead of being kept
        self.made: set[str] = set()
        # Incremental rendering: pages whose key equals ``previous[path]`` are not rendered.
        self.previous = previous
        self.keys: dict[str, str] = {}
        self.unchanged: list[str] = []
        self.outline: tuple = ()
        if previous is not None:
            globals_ = dataclasses.replace(self.info, build_date="")
            self._global_key = key_digest((tree_digest([Path(templates_dir)], Path(templates_dir)), plain(globals_),
                                           site.pending_note, ZH_CHARS_PER_MINUTE, _CODE_VERSION,
                                           [(p.path, p.title) for p in site.pages]))  # every page lists them
            if self.card_memo is not None:
                self.env.globals["card"] = self.card_memo.wrap(self.env.globals["card"], self._global_key)
        views = self.views = SiteViews(site)
        self.entries, self.theme_list, self.tag_list, self.newest = \
            views.entries, views.theme_list, views.tag_list, views.newest
        # With a change set (``sitegen.changes.ChangeSet``) and the last build's outline, only the
        # pages that show something changed are keyed; the others are carried (``changed``).
        old = Outline.from_plain(changes.baseline.render, self._global_key) \
            if changes is not None and not changes.everything and previous else None
        self.dirty = dirty_pages(views, changes, old) if old else None
        self.changed_files = changes.files if old else frozenset()

    # -------------------------------------------------------------- rendering
    def common(self, path: str, **kw) -> dict:
        ctx = {
            "info": self.info,
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
        # An article page's key is made once: digest.json asks for it first (any other path
        # is keyed afresh, so that two jobs for one path still meet in ``_claim``); its path
        # was checked when it was keyed.
        digest = self.keys.get(path) if template == "article.html" else None
        if digest is not None:
            return digest
        safe_site_path(path)
        if key is None or self.previous is None:
            return None
        digest = self.keys[path] = key_digest((self._global_key, template, key()))
        return digest

    def _article_page_key(self, ev) -> str | None:
        """The key of ``ev``'s page (as its job in ``render`` makes it), for ``digest.json``'s
        record, which shows nothing the page does not besides its dates; kept for the job."""
        return self._page_key(ev.path, "article.html", lambda: article_key(ev))

    def _render(self, path: str, template: str, **kw) -> str:
        try:
            return self.env.get_template(template).render(self.common(path, **kw))
        except TemplateError as exc:  # a template that does not compile, or fails on this page
            raise render_error(exc, self.templates_dir, path) from None

    def _do_job(self, i: int, in_worker: bool) -> tuple[str, str | None, str, bytes | None]:
        """Key, skip or render page ``i`` of ``_jobs``: (path, key, outcome, content).
        In a worker with a sink, the page is written there and then (outcome "written")
        instead of being sent back to the parent."""
        path, template, key, kw = self._jobs[i]
        digest = self._page_key(path, template, key)
        if digest is not None and self.previous.get(path) == digest:
            return path, digest, "unchanged", None
        # A job without a template makes its content itself (the data files), as text or bytes.
        data = kw() if template is None else self._render(path, template, **kw())
        data = data.encode("utf-8") if isinstance(data, str) else data
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

    def _many(self, jobs: list[tuple[str, str, object, object]], meanwhile=None, own: int = 0) -> None:
        """Render many keyed pages (articles, themes, tags: most of the site), skipping
        unchanged ones, over the machine's cores when there are enough of them: this process
        takes the pages in chunks from the front (article pages), forked helpers from the back
        (tag pages), until they meet; a helper keys, renders and writes its pages and reports
        what it did. Each side thus reuses its own memoised headlines or cards, and writes
        into its own folder: in turn, both rendered the same cards and queued for the same
        folder's lock (render 0.47-0.55 s, now 0.40-0.44 s at 1,000 articles).
        Each job is (path, template, key callable, context callable) or, for a file that is not
        a template, (path, None, None, content callable). ``meanwhile`` runs in
        this process first, while the helpers start on the pages. The first ``own`` jobs are
        this process's alone: the helpers stop short of them."""
        self._jobs = jobs
        if len(jobs) < PARALLEL_PAGES:
            if meanwhile is not None:
                meanwhile()
            for i in range(len(jobs)):
                self._take(self._do_job(i, in_worker=False))
            return
        for name in dict.fromkeys(template for _, template, _, _ in jobs if template):
            try:
                self.env.get_template(name)  # compiled once, here, rather than in every helper
            except TemplateError as exc:
                raise render_error(exc, self.templates_dir, f"the pages of {name}") from None
        parent = os.getpid()

        def chunk(indices) -> list | None:
            if os.getpid() == parent:  # this process's pages are taken (written) at once
                for i in indices:
                    self._take(self._do_job(i, in_worker=False))
                return None
            # A helper reports its pages and the cards it made for them (kept for the next build).
            return [self._do_job(i, in_worker=True) for i in indices], self._fresh_cards()

        try:
            # Small chunks: the data files are single jobs of ~0.1 s each, the pages ~0.3 ms.
            parts = chunks(range(len(jobs)), job_count() * 16)
            for part in share_map(chunk, parts, min_items=2, meanwhile=meanwhile,
                                  front_only=sum(1 for p in parts if p and p.start < own)):
                if part is not None:
                    outcomes, cards = part
                    for outcome in outcomes:
                        self._take(outcome)
                    if cards:
                        self.card_memo.add(cards)
        finally:
            self._jobs = []

    def _fresh_cards(self) -> dict:
        return self.card_memo.take_fresh() if self.card_memo is not None else {}

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
            ("digest.json", None, None, lambda: digest_json(
                self.views, self.digest_memo, _CODE_VERSION, self._article_page_key,
                self.dirty and (lambda ev: ev.path not in self.dirty.articles))),
        ]
        # Other stages' files next, in this process only: their per-word work (the dictionary's
        # words, cut from every article, each article's gloss file made on the way) is then done
        # once; a helper reaching the gloss files first used to cut those articles again.
        dirty, carried = self.dirty, []
        jobs += to_run([(path, None, key, content) for path, key, content in extra_files],
                       dirty and self.changed_files.__contains__, self.previous, carried)
        own = len(jobs)
        jobs += to_run([(ev.path, "article.html", lambda ev=ev: article_key(ev),
                         lambda ev=ev: dict(e=ev, title=ev.title_text, description=ev.description))
                        for ev in self.entries], dirty and dirty.articles.__contains__, self.previous, carried)
        list_jobs = self._list_jobs(carried)
        jobs += list_jobs
        self.keys.update((path, self.previous[path]) for path in carried)
        self.unchanged += carried
        if self.previous is not None:
            # Keyed pages: every changed article's digest and card key (memoised on its view; the
            # others' are the last build's) made before the helpers fork, so that no process
            # makes them again: digest.json's records here and the pages' keys need them.
            for ev in self.entries:
                if dirty is None or ev.path in dirty.cards:
                    entry_digest(ev), card_key(ev)
        # The site-wide files are made here while the workers render the keyed pages.
        def site_files_then_callers_work() -> None:
            self._site_files()
            if meanwhile is not None:
                meanwhile()

        self._many(jobs, meanwhile=site_files_then_callers_work, own=own)
        if self.previous is not None:
            self.outline = outline(self.views, self._global_key).to_plain()  # every article's card key
            if self.card_memo is not None:
                self.card_memo.keep_only({card_key(ev) for ev in self.entries})
        return [Page(p, self.pages[p]) for p in sorted(self.pages)]

    def _list_jobs(self, carried: list[str]) -> list:
        """Every page of every theme, tag and the archive (newest first), and of the tag index
        (with a change set, those that show something changed; the others go to ``carried``).
        Every list page's path, in order, goes to ``_list_paths`` (the sitemap lists them)."""
        dirty, previous, paths = self.dirty, self.previous, []
        jobs = lists.site_list_jobs(
            self.theme_list, self.tag_list, self.newest, card_key,
            dirty and (lambda front, page: page.path not in previous or dirty.list_page(front, page)), paths,
            dirty and (lambda front, found: dirty.quiet_list(front) and all(p in previous for p in found)))
        keyed = {job[0] for job in jobs}
        carried += [path for path in paths if path not in keyed]
        self._list_paths = paths + [job[0] for job in jobs if job[1] == "tags.html"]
        return jobs

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
        for path, text in feed_files(self.views, self._list_paths, self._render):
            self.add(path, text)
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

    def _search_files(self) -> None:
        """``search/``: the client-side search index of headlines (with kicker and subtitle),
        leads, theme and tag names, in Chinese and in every English there is, oldest first,
        in shards that the search page loads as a query needs them (``search_docs``). A file
        whose bytes are those of the last build is carried over (a day changes few of them);
        with a change set, one that is surely the last build's is not even made."""
        changed = self.dirty.cards if self.dirty else None
        for path, text in search_files(self.newest, self.theme_list, self.search_memo, changed):
            if callable(text):
                if path in self.previous:
                    self.keys[path] = self.previous[path]
                    self.unchanged.append(path)
                    continue
                text = text()
            if not self._unchanged(path, None, lambda: text):
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


HOME_LATEST = 6  # newest articles on the home page
HOME_PER_THEME = 3  # and each theme's newest

PARALLEL_PAGES = 200  # fewer pages than this render in-process


def render_site(site: DigestSite, templates_dir: Path, static_dir: Path) -> list[Page]:
    """Render every file of the site: HTML pages, assets, feeds, data. Deterministic."""
    return _Renderer(site, Path(templates_dir), Path(static_dir)).render()


def render_changed(site: DigestSite, templates_dir: Path, static_dir: Path,
                   previous: dict[str, str], sink=None, meanwhile=None, extra_files=(),
                   search_memo=None, digest_memo=None, changes=None, card_memo=None) -> RenderResult:
    """Render only the pages whose inputs changed since the render that produced the
    page keys ``previous`` (``{}`` renders everything). Article, theme and tag pages are
    keyed by the data they show; index, feeds and data files are always made, and the search
    index's files carried over where their bytes did not change.

    With ``sink`` (a :class:`~sitegen.render.result.PageSink`, such as ``sitegen.write.SiteWriter``), pages are
    handed over as they are made and not kept: ``RenderResult.pages`` is then empty and
    ``made`` counts them. Pages rendered in forked workers are written by the workers
    (``sink.write`` in the child) and reported to the parent's sink with ``sink.adopt``.

    ``meanwhile``: a callable of the caller's, run in this process while the workers
    render (or before rendering when there are no workers), so it costs no extra time.

    ``extra_files``: (path, key callable, content callable) of files that other stages make
    (the gloss files), made only when their key changed, at the front of the job list (this
    process takes jobs from that end, the forked helpers from the other).

    ``search_memo``: what the last build's search index left (``search_shards.SearchMemo``),
    which the render replaces with this build's; ``digest_memo`` likewise for ``digest.json``'s
    records (``digest_json.DigestMemo``).

    ``changes``: what changed since the render that made ``previous`` (``sitegen.changes.ChangeSet``):
    only the pages that show something changed are keyed, the others carried over with their
    keys (``changed``); ``RenderResult.outline`` is then what the next build compares with.

    ``card_memo``: the article cards of the last builds (``card_memo.CardMemo``): a list page
    renders only the cards not in it, and the memo gains them."""
    renderer = _Renderer(site, Path(templates_dir), Path(static_dir), previous=previous, sink=sink,
                         search_memo=search_memo, digest_memo=digest_memo, changes=changes,
                         card_memo=card_memo)
    pages = renderer.render(meanwhile, extra_files)
    return RenderResult(pages, renderer.unchanged, renderer.keys, made=len(renderer.made),
                        outline=renderer.outline)
