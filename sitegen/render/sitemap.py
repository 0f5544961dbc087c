"""The sitemap, split as the protocol asks (https://www.sitemaps.org/protocol.html): at most
50,000 URLs a file; past that, ``sitemap.xml`` becomes a sitemap index of ``sitemap-1.xml``,
``sitemap-2.xml``, … (so robots.txt and bookmarks keep pointing at ``sitemap.xml``)."""
from __future__ import annotations

from typing import Callable, Sequence

URLS_PER_FILE = 50_000


def sitemap_files(urls: Sequence[str], urlset: Callable[[str, Sequence[str]], str],
                  index: Callable[[str, list[str]], str], absolute: Callable[[str], str],
                  limit: int = URLS_PER_FILE) -> list[tuple[str, str]]:
    """``[(path, xml)]``: one urlset when ``urls`` fit in one file, else an index and the
    parts. ``urlset(path, urls)`` and ``index(path, sitemap_urls)`` render the XML;
    ``absolute(path)`` is a site path's absolute URL."""
    if len(urls) <= limit:
        return [("sitemap.xml", urlset("sitemap.xml", urls))]
    parts = [(f"sitemap-{n + 1}.xml", urls[i:i + limit]) for n, i in enumerate(range(0, len(urls), limit))]
    out = [("sitemap.xml", index("sitemap.xml", [absolute(path) for path, _ in parts]))]
    out += [(path, urlset(path, part)) for path, part in parts]
    return out
