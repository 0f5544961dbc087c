"""The search index's documents made from the site's views (``render/search_docs``): with the
change set, the documents of unchanged articles at their old numbers are not made again, and
the files that show only such documents are handed back unmade (the last build's), while
every file is still what a build without a memo makes."""
from __future__ import annotations

import pytest

import sitegen.render.search_docs as search_docs
import sitegen.render.search_shards as shards
from sitegen.render.sample import sample_site
from sitegen.render.views import SiteViews


@pytest.fixture
def made(monkeypatch):
    """Small layers, shards and chunks (7 sample articles: an older layer of 4, chunks of 2);
    the permalinks of the documents made."""
    monkeypatch.setattr(shards, "LAYER", 4)
    monkeypatch.setattr(shards, "SHARD_TARGET", 1000)
    monkeypatch.setattr(shards, "CHUNK", 2)
    paths: list[str] = []
    real = search_docs.search_document
    monkeypatch.setattr(search_docs, "search_document", lambda ev, number: paths.append(ev.path) or real(ev, number))
    return paths


def _files(views, memo, changed):
    return search_docs.search_files(views.newest, views.theme_list, memo, changed)


def _texts(files) -> dict[str, str]:
    return {path: text() if callable(text) else text for path, text in files}


def test_without_a_change_set_every_file_is_made(made):
    views = SiteViews(sample_site())
    files = _files(views, shards.SearchMemo("v"), None)
    assert all(isinstance(text, str) for _, text in files)
    assert sorted(made) == sorted(ev.path for ev in views.entries)


def test_nothing_changed_makes_no_document_and_carries_the_older_shards_and_the_chunks(made):
    memo = shards.SearchMemo("v")
    before = _texts(_files(SiteViews(sample_site()), memo, None))
    made.clear()
    files = _files(SiteViews(sample_site()), memo, set())
    assert made == []
    unmade = {path for path, text in files if callable(text)}
    assert unmade == {p for p in before if p.startswith(("search/a", "search/d"))}
    assert _texts(files) == before


def test_a_changed_article_makes_its_document_and_its_chunk_again(made):
    memo = shards.SearchMemo("v")
    _files(SiteViews(sample_site()), memo, None)
    site = sample_site()
    views = SiteViews(site)
    oldest = views.newest[::-1]
    first = oldest[0]
    first.headline.zh = "新的标题"  # the oldest article's headline, as a new parse would give it
    made.clear()
    files = _files(views, memo, {first.path})
    assert sorted(made) == sorted([first.path, oldest[1].path])  # its document; its chunk's other row
    made_files = {path for path, text in files if isinstance(text, str)}
    assert "search/d0.js" in made_files and "search/d1.js" not in made_files
    assert _texts(files) == dict(shards.shard_files([search_docs.search_document(ev, {
        tv.slug: i for i, tv in enumerate(views.theme_list)}) for ev in oldest],
        [(tv.theme.name_en, tv.theme.name_zh) for tv in views.theme_list]))


def test_a_document_whose_theme_moved_to_another_number_is_made_again(made):
    memo = shards.SearchMemo("v")
    before = _texts(_files(SiteViews(sample_site()), memo, None))
    views = SiteViews(sample_site())
    first, second = memo.places[1][:2]
    memo.places = (memo.places[0], [second, first, *memo.places[1][2:]])  # as if numbered the other way
    made.clear()
    files = _files(views, memo, set())
    assert {ev.path for ev in views.entries if ev.theme.slug in (first, second)} <= set(made)  # and their chunks' others
    assert _texts(files) == before
