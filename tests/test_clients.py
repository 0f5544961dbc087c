"""The built site as real clients read it: the Nu Html Checker (HTML and CSS) and feedparser.
Missing clients skip here and fail under CI=true (see clients.py); .ci/run installs them."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from clients import copy_of_the_project, findings, nu_check, site_files, unavailable
from sitegen.build import build
from sitegen.config import Config
from sitegen.progress import Reporter

BASE = "https://user.github.io/repo/"
T1 = datetime(2025, 5, 1, 8, 0, tzinfo=timezone.utc)
T2 = datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc)
T3 = datetime(2025, 7, 3, 10, 45, tzinfo=timezone.utc)


def feedparser():
    try:
        import feedparser as fp
    except ImportError:
        unavailable("the Python package feedparser is not installed (pip install -e '.[test]')")
    return fp


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Config:
    """The repository's inputs, copied, with no translation memory and no article history:
    every article appears for the first time."""
    return copy_of_the_project(tmp_path_factory.mktemp("clients"), BASE)


@pytest.fixture(scope="module")
def built(project) -> Path:
    build(project, reporter=Reporter(0), build_date=T1)
    return project.out_dir


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    from sitegen.render.sample import write_sample

    out = tmp_path_factory.mktemp("sample")
    write_sample(out, BASE)
    return out


def test_nu_html_checker_finds_nothing_in_the_built_and_the_sample_site(built, sample):
    """Every page, stylesheet and icon of both sites: 0 errors, 0 warnings."""
    files = site_files(built) + site_files(sample)
    # the whole site: every article page of the seeds' build, its other pages, the stylesheet
    articles = len(json.loads((built / "digest.json").read_text(encoding="utf-8"))["articles"])
    assert sum(f.parent.name == "articles" and f.suffix == ".html" for f in files) >= articles >= 20
    assert sum(f.suffix == ".html" for f in files) > articles + 20 and any(f.suffix == ".css" for f in files)
    messages = nu_check(files)
    assert findings(messages) == []


def test_nu_html_checker_reports_what_it_finds(tmp_path):
    """The check can fail: an invalid page, an unknown CSS property and a warning are all found."""
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></p>")
    (tmp_path / "bad.css").write_text("a{line-clamp:2}\n")
    (tmp_path / "warn.html").write_text("<!doctype html><html lang=en><title>x</title><section><p>no heading</section>")
    found = "\n".join(findings(nu_check(sorted(tmp_path.iterdir()))))
    assert "bad.html" in found and "line-clamp" in found and "warn.html" in found and "warning" in found


def entries_by_link(feed: bytes) -> dict:
    parsed = feedparser().parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {e.link: e for e in parsed.entries}


def test_feedparser_reads_the_sample_feed_with_every_translation_state(sample):
    entries = entries_by_link((sample / "feed.xml").read_bytes())
    assert len(entries) == 7
    langs = {e.title_detail.language for e in entries.values()}
    assert langs == {"en", "zh-Hans"}  # translated headlines in English, pending ones in Chinese
    hostile = entries[BASE + "articles/002-bdb5e167-01.html"]
    assert "<script>" not in hostile.summary and "&lt;script&gt;" in hostile.summary  # text, never markup


def test_feedparser_reads_the_feed_and_each_text_says_its_language(built):
    entries = entries_by_link((built / "feed.xml").read_bytes())
    assert len(entries) == 26
    for link, e in entries.items():
        assert e.updated == e.published == "2025-05-01T08:00:00Z", link
        lang = e.title_detail.language
        # No model here: a headline is Chinese; an article printed without one is an excerpt.
        assert (lang, e.title.startswith("Excerpt: ")) in {("zh-Hans", False), ("en", True)}, (link, e.title)
        assert e.summary_detail.type == "application/xhtml+xml"
    excerpts = sorted(e.title for e in entries.values() if e.title.startswith("Excerpt: "))  # feed: newest first
    assert excerpts == ["Excerpt: 002_bdb5e1677ee91c80, article 2", "Excerpt: 002_bdb5e1677ee91c80, article 3",
                        "Excerpt: 004_bf1f693cbe2b0d89, article 1"]
    feed = feedparser().parse((built / "feed.xml").read_bytes()).feed
    assert feed.updated == "2025-05-01T08:00:00Z"  # its latest entry's, not the build's


def test_feed_dates_survive_a_clean_rebuild_and_move_only_for_a_changed_article(project, built):
    first = entries_by_link((built / "feed.xml").read_bytes())
    history = json.loads(project.history_path.read_text(encoding="utf-8"))["articles"]
    assert len(history) == 26

    # Later, from scratch (no build cache, as after --clean or in a fresh clone with the
    # committed history file): every date stays.
    build(project, reporter=Reporter(0), build_date=T2, clean=True)
    again = entries_by_link((built / "feed.xml").read_bytes())
    assert {k: (e.published, e.updated) for k, e in again.items()} == \
        {k: (e.published, e.updated) for k, e in first.items()}

    # One article's text changes: only its entry is updated, and it keeps its first date.
    digest = json.loads((built / "digest.json").read_text(encoding="utf-8"))
    art = digest["articles"][4]
    seed = project.seeds_dir / art["seed"]
    text = seed.read_text(encoding="utf-8")
    lead = art["lead"]["zh"]
    assert text.count(lead[:12]) == 1
    seed.write_text(text.replace(lead[:12], lead[:11] + "・" + lead[11:12]), encoding="utf-8")
    build(project, reporter=Reporter(0), build_date=T3)
    third = entries_by_link((built / "feed.xml").read_bytes())
    moved = {k for k in third if third[k].updated != first[k].updated}
    assert moved == {art["url"]}
    assert third[art["url"]].updated == "2025-07-03T10:45:00Z"
    assert third[art["url"]].published == "2025-05-01T08:00:00Z"
    changed = next(a for a in json.loads((built / "digest.json").read_text(encoding="utf-8"))["articles"]
                   if a["url"] == art["url"])
    assert (changed["published"], changed["updated"]) == ("2025-05-01T08:00:00Z", "2025-07-03T10:45:00Z")
    assert feedparser().parse((built / "feed.xml").read_bytes()).feed.updated == "2025-07-03T10:45:00Z"
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{art['url']}</loc><lastmod>2025-07-03</lastmod>" in sitemap
    assert sitemap.count("<lastmod>2025-05-01</lastmod>") == 25
