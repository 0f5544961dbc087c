"""``digest.json`` from the last build's records (issue 23): a record whose key is unchanged is
copied from the last file, and the bytes are always those of a digest made from scratch."""
from __future__ import annotations

import contextlib
import dataclasses

import pytest

from sitegen.models import Tag
from sitegen.render import digest_json as dj
from sitegen.render.sample import sample_site
from sitegen.render.views import SiteViews


class _Made(list):
    """The permalinks whose records a build made rather than copied from the last file."""
    counting = True

    @contextlib.contextmanager
    def paused(self):
        self.counting = False
        try:
            yield
        finally:
            self.counting = True


_PAGE_KEY: dict = {"key": None}  # what ``_digest`` hands digest_json as the pages' keys (the fixture ``page_key``)


@pytest.fixture
def made(monkeypatch, page_key) -> _Made:
    monkeypatch.setitem(_PAGE_KEY, "key", page_key)
    paths = _Made()
    record = dj._record

    def counting(info, ev, published, updated):
        if paths.counting:
            paths.append(ev.path)
        return record(info, ev, published, updated)

    monkeypatch.setattr(dj, "_record", counting)
    return paths


def _article_page_key(ev) -> str:
    """An article page's key as the renderer makes it (``_Renderer._page_key``), the
    site-wide part (render code, templates, settings) left out."""
    from sitegen.render.keys import article_key, key_digest

    return key_digest(("site-wide", "article.html", article_key(ev)))


@pytest.fixture(autouse=True, params=["own keys", "page keys"])
def page_key(request):
    """Each test twice: records keyed by ``digest_json`` itself, and by the article pages'
    keys as the renderer hands them over."""
    return _article_page_key if request.param == "page keys" else None


def _digest(site, tmp_path, version="v1") -> bytes:
    """A build's ``digest.json`` of ``site``: the memo loaded, the file written, the memo kept."""
    memo = dj.DigestMemo.load(tmp_path / "cache", tmp_path)
    data = dj.digest_json(SiteViews(site), memo, version, _PAGE_KEY["key"])
    memo.site_file.write_bytes(data)
    (tmp_path / "cache").mkdir(exist_ok=True)
    memo.save(tmp_path / "cache")
    return data


def _fresh(site, made: _Made) -> bytes:
    """``digest.json`` made without a memo (its records do not count as made)."""
    with made.paused():
        return dj.digest_json(SiteViews(site))


def _retitled(site, i: int, headline: str):
    e = site.entries[i]
    entry = dataclasses.replace(e, article=dataclasses.replace(e.article, headline=headline))
    return dataclasses.replace(site, entries=site.entries[:i] + (entry,) + site.entries[i + 1:])


def test_unchanged_records_are_copied_and_the_bytes_are_a_fresh_digests(tmp_path, made, page_key):
    site = sample_site()
    assert _digest(site, tmp_path) == _fresh(site, made)
    n = len(site.entries)
    made.clear()
    assert _digest(site, tmp_path) == _fresh(site, made)
    assert made[:n] == []  # every record copied

    changed = _retitled(site, 2, "新的标题")
    made.clear()
    assert _digest(changed, tmp_path) == _fresh(changed, made)
    target = SiteViews(site).entries[2]
    if page_key is None:
        assert made[:n] == [target.path]
    else:  # keyed by the pages, which show the card (headline) of the article: theirs too
        cards = {ev.path for ev in SiteViews(site).entries if target.path in
                 [r.path for r in (ev.prev, ev.next, *ev.related) if r is not None]}
        assert target.path in made[:n] and set(made[:n]) <= cards | {target.path}


def test_what_a_record_shows_besides_its_entry_moves_its_key(tmp_path, made):
    site = sample_site()
    _digest(site, tmp_path)
    n = len(site.entries)
    # the build date, which undated articles show as their dates
    later = dataclasses.replace(site, info=dataclasses.replace(site.info, build_date="2025-05-01T06:00:00Z"))
    made.clear()
    assert _digest(later, tmp_path) == _fresh(later, made)
    assert len(made) == sum(1 for e in site.entries if not (e.published and e.updated)) > 0
    # an article dropped: its neighbours' previous / next and the related links to it
    fewer = dataclasses.replace(later, entries=later.entries[:1] + later.entries[2:])
    made.clear()
    assert _digest(fewer, tmp_path) == _fresh(fewer, made)
    assert 0 < len(made) < n - 1
    # a tag's name as the site shows it (from the site's tag names, not the entry's)
    tag = SiteViews(fewer).tag_list[0]
    renamed = dataclasses.replace(fewer, tag_names={**fewer.tag_names, tag.slug: Tag(tag.slug, "新名", "New name")})
    made.clear()
    assert _digest(renamed, tmp_path) == _fresh(renamed, made)
    assert sorted(made) == sorted(ev.path for ev in tag.entries)


def test_another_code_or_an_altered_file_makes_every_record_again(tmp_path, made):
    site = sample_site()
    _digest(site, tmp_path)
    n = len(site.entries)
    made.clear()
    assert _digest(site, tmp_path, "v2") == _fresh(site, made)
    assert len(made) == n
    altered = _fresh(site, made).replace(b'"position":1', b'"position":7')
    (tmp_path / "digest.json").write_bytes(altered)
    made.clear()
    assert _digest(site, tmp_path, "v2") == _fresh(site, made)
    assert len(made) == n
    (tmp_path / "digest.json").unlink()
    made.clear()
    assert _digest(site, tmp_path, "v2") == _fresh(site, made)
    assert len(made) == n


def test_a_broken_memo_is_an_empty_one(tmp_path, made):
    site = sample_site()
    _digest(site, tmp_path)
    (tmp_path / "cache" / dj.MEMO_NAME).write_bytes(b"not a memo")
    assert dj.DigestMemo.load(tmp_path / "cache", tmp_path).parts == {}
    made.clear()
    assert _digest(site, tmp_path) == _fresh(site, made)
    assert len(made) == len(site.entries)


def test_a_record_linking_to_a_dropped_article_is_made_again(tmp_path, made):
    """Its entry still names the dropped article among its related ones; only the links the
    site shows (related articles that are on the site) say the record changed."""
    site = sample_site()
    entries = site.entries
    far = [(i, j) for i, e in enumerate(entries) for j, f in enumerate(entries)
           if f.permalink in e.grouping.related and abs(i - j) > 1 and j not in (0, len(entries) - 1)]
    assert far
    i, j = far[0]
    _digest(site, tmp_path)
    fewer = dataclasses.replace(site, entries=entries[:j] + entries[j + 1:])
    made.clear()
    assert _digest(fewer, tmp_path) == _fresh(fewer, made)
    assert SiteViews(site).entries[i].path in made
