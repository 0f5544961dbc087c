"""The files that tell other programs about the site: the Atom feed, the sitemaps and
``robots.txt``."""
from __future__ import annotations

import uuid
from typing import Callable, Sequence

from . import sitemap
from .util import absolute, iso_datetime
from .views import SiteViews, entry_dates

FEED_LIMIT = 200  # Atom entries: the digest's newest articles

#: ``render(path, template, **context)``: a template rendered as the page ``path``.
Render = Callable[..., str]


def feed_files(views: SiteViews, list_paths: Sequence[str], render: Render) -> list[tuple[str, str]]:
    """(path, text) of ``feed.xml``, the sitemap files and ``robots.txt``. ``list_paths``:
    the site's list pages (themes, tags, archive), listed in the sitemap."""
    info = views.site.info
    feed_id = info.base_url or ("urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sitegen-feed:" + info.title)))
    entries = []
    for ev in views.newest[:FEED_LIMIT]:
        published, updated = entry_dates(info, ev)
        title, title_lang = ev.feed_title
        entries.append({
            "e": ev,
            "id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sitegen:" + ev.path)),
            "url": absolute(info.base_url, ev.path) or ev.href,
            "title": title, "title_lang": title_lang, "published": published, "updated": updated,
        })
    # The feed changed when its latest entry did, not whenever the site was rebuilt.
    latest = max((entry_dates(info, ev)[1] for ev in views.entries), default=iso_datetime(info.build_date))
    out = [("feed.xml", render(
        "feed.xml", "feed.xml",
        feed_id=feed_id,
        updated=latest,
        self_url=absolute(info.base_url, "feed.xml") or "feed.xml",
        home_url=absolute(info.base_url, "index.html") or "index.html",
        items=entries,
    ))]
    urls = []
    if info.base_url:
        # An article page changes with its content; a list page when an article it shows
        # does (dated as its list: the latest change, an upper bound for a numbered page).
        day = {e.path: entry_dates(info, e)[1][:10] for e in views.entries}
        urls = ([(absolute(info.base_url, "index.html"), latest[:10])]
                + [(absolute(info.base_url, e.path), day[e.path]) for e in views.entries]
                + [(absolute(info.base_url, p), latest[:10]) for p in list_paths]
                + [(absolute(info.base_url, "about.html"), "")])
    out += sitemap.sitemap_files(
        urls, lambda path, part: render(
            # the Markdown pages (md_pages) are listed in the first part only
            path, "sitemap.xml", urls=part, **({} if path in ("sitemap.xml", "sitemap-1.xml") else {"md_pages": []})),
        lambda path, locs: render(path, "sitemap-index.xml", sitemaps=locs, lastmod=latest[:10]),
        lambda path: absolute(info.base_url, path))
    robots = "User-agent: *\nAllow: /\n"
    if info.base_url:
        robots += f"Sitemap: {absolute(info.base_url, 'sitemap.xml')}\n"
    out.append(("robots.txt", robots))
    return out
