"""Paginated lists (themes, tags, archive, tag index), the home page's bounds, and pages that
stay the same when a new article arrives (sitegen/render/pagination.py, lists.py)."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from sitegen.render import lists, render_changed, render_site
from sitegen.render.pagination import page_path, paginate, ranked_pages
from sitegen.render.sample import sample_site
from sitegen.render.sitemap import sitemap_files

REPO = Path(__file__).resolve().parent.parent
TEMPLATES, STATIC = REPO / "templates", REPO / "static"


def test_pages_are_cut_from_the_oldest_end():
    items = list(range(47))  # 0 is the oldest
    pages = paginate("themes/x.html", items[::-1], 10)
    assert [p.path for p in pages] == ["themes/x.html"] + [f"themes/x/page/{n}.html" for n in (3, 2, 1)]
    front, p3, p2, p1 = pages
    assert front.items == list(range(46, 29, -1)) and (front.first, front.last) == (31, 47)  # 17 newest
    assert p1.items == list(range(9, -1, -1)) and (p1.first, p1.last) == (1, 10)
    assert p3.items == list(range(29, 19, -1))
    # rel=prev is the newer neighbour, rel=next the older one
    assert front.newer is None and front.older.path == "themes/x/page/3.html" and front.oldest.path == p1.path
    assert p3.newer.path == "themes/x.html" and p3.older.path == p2.path and p3.newest.path == "themes/x.html"
    assert p2.newer.path == p3.path and p2.older.path == p1.path and p2.oldest is None  # older is page 1
    assert p1.older is None and p1.newer.path == p2.path
    # every item on exactly one page
    assert sorted(i for p in pages for i in p.items) == items


def test_a_new_item_changes_only_the_front_page():
    before = {p.path: p.items for p in paginate("t.html", list(range(45))[::-1], 10)}
    after = {p.path: p.items for p in paginate("t.html", list(range(46))[::-1], 10)}
    assert set(before) == set(after)
    assert [path for path in before if before[path] != after[path]] == ["t.html"]
    # a full page more: a new numbered page appears, the old ones stay as they were
    grown = {p.path: p.items for p in paginate("t.html", list(range(50))[::-1], 10)}
    assert set(grown) - set(before) == {"t/page/4.html"}
    assert all(grown[path] == before[path] for path in before if path != "t.html")


def test_short_lists_have_one_page():
    assert [len(p.items) for p in paginate("a.html", range(19), 10)] == [19]
    assert [p.path for p in paginate("a.html", [], 10)] == ["a.html"]
    with pytest.raises(ValueError):
        paginate("a.html", [1], 0)


def test_ranked_pages_and_paths():
    pages = ranked_pages("tags/index.html", range(7), 3)
    assert [p.path for p in pages] == ["tags/index.html", "tags/page/2.html", "tags/page/3.html"]
    assert [p.items for p in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert pages[0].newer is None and pages[0].older.path == "tags/page/2.html"
    assert pages[1].newer.path == "tags/index.html" and pages[2].older is None
    assert page_path("archive.html", 2) == "archive/page/2.html" and page_path("archive.html", 0) == "archive.html"


def test_sitemap_splits_past_the_limit():
    def urlset(path, urls):
        return f"{path}:{','.join(urls)}"

    def index(path, locs):
        return f"index:{','.join(locs)}"

    urls = [f"https://x/{i}" for i in range(5)]
    assert sitemap_files(urls, urlset, index, lambda p: "https://x/" + p, limit=5) == [("sitemap.xml", urlset("sitemap.xml", urls))]
    files = dict(sitemap_files(urls, urlset, index, lambda p: "https://x/" + p, limit=2))
    assert files["sitemap.xml"] == "index:https://x/sitemap-1.xml,https://x/sitemap-2.xml,https://x/sitemap-3.xml"
    assert files["sitemap-3.xml"] == "sitemap-3.xml:https://x/4"


def big_site(copies: int, extra: int = 0):
    """The sample digest repeated ``copies`` times (then ``extra`` more articles: the newest)."""
    site = sample_site("https://user.github.io/repo/")
    entries = [dataclasses.replace(e, permalink=e.permalink.replace(".html", f"-{k}.html"))
               for k in range(copies) for e in site.entries]
    entries += [dataclasses.replace(e, permalink=e.permalink.replace(".html", f"-new{k}.html"))
                for k, e in enumerate(site.entries[:extra])]
    return dataclasses.replace(site, entries=tuple(entries))


def links(html: bytes) -> list[str]:
    return re.findall(r'href="([^"]+)"', html.decode())


@pytest.fixture(scope="module")
def big_pages():
    return {p.path: p.content for p in render_site(big_site(30), TEMPLATES, STATIC)}


def test_theme_pages_link_their_neighbours(big_pages):
    site = big_site(30)
    count = sum(1 for e in site.entries if e.grouping.theme.slug == "diplomacy")
    numbered = count // lists.THEME_PAGE - 1
    assert numbered >= 2
    front = big_pages["themes/diplomacy.html"].decode()
    assert f'<link rel="next" href="../themes/diplomacy/page/{numbered}.html">' in front
    assert 'rel="prev"' not in front
    top = big_pages[f"themes/diplomacy/page/{numbered}.html"].decode()
    assert '<link rel="prev" href="../../../themes/diplomacy.html">' in top
    assert f'<link rel="next" href="../../../themes/diplomacy/page/{numbered - 1}.html">' in top
    assert "Page 1" in big_pages["themes/diplomacy/page/1.html"].decode()
    assert "第 1 页" in big_pages["themes/diplomacy/page/1.html"].decode()
    # every article of the theme is on exactly one of its pages, each page at most 2 × per page
    shown = []
    for path, html in big_pages.items():
        if path == "themes/diplomacy.html" or path.startswith("themes/diplomacy/page/"):
            cards = re.findall(r'<h2 class="card-title"><a href="[./]*(articles/[^"]+)"', html.decode())
            assert len(cards) < 2 * lists.THEME_PAGE
            shown += cards
    assert sorted(shown) == sorted(e.permalink for e in site.entries if e.grouping.theme.slug == "diplomacy")


def test_home_page_is_bounded_and_newest_first(big_pages):
    site = big_site(30)
    home = big_pages["index.html"].decode()
    cards = re.findall(r'<h3 class="card-title"><a href="(articles/[^"]+)"', home)
    themes = {e.grouping.theme.slug for e in site.entries}
    assert len(cards) <= 6 + 3 * len(themes) < len(site.entries)
    assert cards[0] == site.entries[-1].permalink  # the newest first
    assert "archive.html" in links(big_pages["index.html"]) and "More in this theme" in home
    assert "本主题更多文章" in home
    assert "archive/page/1.html" in big_pages  # the archive is paginated too


def test_sitemap_lists_every_list_page(big_pages):
    sitemap = big_pages["sitemap.xml"].decode()
    for path in big_pages:
        if path.endswith(".html") and ("/page/" in path or path.startswith(("themes/", "archive"))):
            assert f"<loc>https://user.github.io/repo/{path}</loc>" in sitemap, path


def test_one_new_article_rewrites_only_the_pages_that_show_it():
    """An incremental render after one new article (the newest): its page, its neighbour's,
    the front pages of its theme, tags and the archive, and the always-made site files.
    No numbered page, and no page of another theme, is made again."""
    old = render_changed(big_site(30), TEMPLATES, STATIC, {})
    new = render_changed(big_site(30, extra=1), TEMPLATES, STATIC, old.keys)
    made = {p.path for p in new.pages}
    article = big_site(30, extra=1).entries[-1]
    assert article.permalink in made
    keyed = set(new.keys)
    remade_lists = {p for p in made & keyed if p.startswith(("themes/", "tags/", "archive"))}
    theme = article.grouping.theme.slug
    tags = {t.slug for t in article.grouping.tags}
    assert f"themes/{theme}.html" in remade_lists and "archive.html" in remade_lists
    assert not {p for p in remade_lists if "/page/" in p and not p.startswith("tags/page/")}
    for p in remade_lists:
        if p.startswith("themes/"):
            assert p == f"themes/{theme}.html", p
        elif p.startswith("tags/") and p not in ("tags/index.html",) and "/page/" not in p:
            assert p[len("tags/"):-len(".html")] in tags, p
    # unrelated pages were carried over untouched
    assert {f"themes/{t}.html" for t in ("economy-trade", "local-life", "diplomacy") if t != theme} <= set(new.unchanged)


def test_every_link_of_a_paginated_site_resolves(big_pages):
    """Pager links, rel=prev/next, archive and tag-index pages: relative, under any sub-path."""
    from test_render import parse, resolve

    checked = 0
    for path, content in big_pages.items():
        if not path.endswith(".html"):
            continue
        doc = parse(content)
        for tag, url in doc.urls:
            target = resolve(path, url, doc.base)
            if target is not None:
                assert target in big_pages, f"{path}: {tag} {url!r} -> {target} missing"
                checked += 1
    assert checked > 5_000 and any("/page/" in p for p in big_pages)


def test_numbered_pages_are_byte_identical_after_a_new_article(big_pages):
    """Keys aside, what a numbered page shows does not depend on the list's length (its
    description included): the same bytes before and after a new article."""
    after = {p.path: p.content for p in render_site(big_site(30, extra=1), TEMPLATES, STATIC)}
    numbered = [p for p in big_pages if "/page/" in p and not p.startswith("tags/page/")]
    assert len(numbered) > 10
    assert [p for p in numbered if after.get(p) != big_pages[p]] == []


def test_newest_is_first_appearance_then_reading_order():
    """With a recorded first appearance (issue 21's ``DigestEntry.published``) that decides;
    articles that appeared together go later-in-reading-order first; one without a date
    appears in this build, so it is among the newest."""
    from types import SimpleNamespace as NS

    from sitegen.render.recency import newest_first

    views = [NS(name=n, entry=NS(published=p)) for n, p in
             [("a", "2025-01-02T00:00:00Z"), ("b", "2025-01-01T00:00:00Z"), ("c", "2025-01-02T00:00:00Z"), ("d", "")]]
    assert [v.name for v in newest_first(views)] == ["d", "c", "a", "b"]
    plain = [NS(name=n, entry=NS()) for n in "xyz"]  # no first appearance recorded: reading order
    assert [v.name for v in newest_first(plain)] == ["z", "y", "x"]


def test_each_list_newest_first_in_one_pass_is_the_lists_own_order():
    """``lists.newest_in_each`` (one pass over the site's newest-first views) gives every theme
    and tag the order ``newest_first`` gives its own list, with dates mixed so that first
    appearance and reading order disagree, and one article never dated."""
    from sitegen.render.recency import newest_first
    from sitegen.render.views import SiteViews

    site = big_site(6)
    dates = ["2025-03-0%dT00:00:00Z" % (1 + (i * 7) % 5) for i in range(len(site.entries) - 1)] + [""]
    site = dataclasses.replace(site, entries=tuple(dataclasses.replace(e, published=d)
                                                   for e, d in zip(site.entries, dates)))
    views = SiteViews(site)
    each = lists.newest_in_each(views.newest)
    counts = len(views.theme_list), len(views.tag_list)  # (views in an assertion: a huge repr)
    assert counts == (3, 5)
    for tv in views.theme_list + views.tag_list:
        shown, own = [ev.path for ev in each[id(tv)]], [ev.path for ev in newest_first(tv.entries)]
        assert shown == own, tv.slug
    # the dates matter: some list's newest-first order is not its reading order reversed
    assert any([ev.path for ev in each[id(tv)]] != [ev.path for ev in reversed(tv.entries)]
               for tv in views.theme_list)
