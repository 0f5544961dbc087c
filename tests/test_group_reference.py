"""Corpus statistics counted over a reference of the oldest articles (issue 23): a day's new
articles change an existing article's related list only by entering it."""
from __future__ import annotations

from pathlib import Path

import pytest

import sitegen.group.core as core
from sitegen.group import group_articles, load_taxonomy
from sitegen.group.reference import reference_rows, reference_size

from test_group import art, many_items

ROOT = Path(__file__).resolve().parents[1]
OLD = "2026-01-01T06:00:00Z"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary")


def test_reference_size_is_a_grid_point_not_above_n():
    sizes = [reference_size(n) for n in range(0, 5000)]
    assert sizes[0] == 0 and sizes[1] == 1
    assert all(0 < s <= n for n, s in enumerate(sizes) if n)
    assert all(a <= b for a, b in zip(sizes, sizes[1:]))  # never shrinks as the corpus grows
    assert len(set(sizes)) < 60  # a few dozen grid points, not every size
    # a year's archive and a day more: the same reference size (the bench's 11,351 + 79)
    assert reference_size(11351) == reference_size(11430) == 9741
    assert reference_size(11585) == 11585  # the next grid point: counted afresh


def test_reference_rows_are_the_oldest_articles():
    permalinks = ["articles/c-01.html", "articles/a-01.html", "articles/b-01.html", "articles/d-01.html",
                  "articles/e-01.html"]
    seen = {"articles/c-01.html": "2026-01-01T06:00:00Z", "articles/d-01.html": "2026-01-02T06:00:00Z",
            "articles/e-01.html": "2026-01-01T06:00:00Z"}
    # known ones by date then permalink, then the ones the history does not know, by permalink
    assert reference_rows(permalinks, seen) == [0, 4, 3, 1, 2]
    assert reference_rows(permalinks) == [1, 2, 0, 3, 4]
    more = permalinks + ["articles/f-01.html", "articles/0-01.html"]  # reference_size(7) == 6
    assert reference_rows(more, seen) == [0, 4, 3, 6, 1, 2]


def _day(n: int):
    """``n`` new articles recombining the fixture articles' paragraphs, as a new seed's."""
    items = many_items(n + 40)[-n:]
    return [(f"articles/new-{i + 1:02d}.html", art("new.txt", i + 1, a.headline, *(b.text for b in a.blocks)))
            for i, (_, a) in enumerate(items)]


def _changes(taxonomy, old_items, day):
    first_seen = {p: OLD for p, _ in old_items}
    before = group_articles(old_items, taxonomy, first_seen=first_seen)
    after = group_articles(old_items + day, taxonomy, first_seen=first_seen)
    new = {p for p, _ in day}
    entered = reordered = 0
    for p, _ in old_items:
        was, now = before.groupings[p].related, after.groupings[p].related
        kept = [q for q in now if q not in new]
        if kept != list(was[:len(kept)]):
            reordered += 1  # old related articles moved or changed without a newcomer's cause
        elif now != was:
            entered += 1
    return entered, reordered, after, new


def test_a_new_day_changes_related_lists_only_where_a_newcomer_enters(taxonomy):
    old_items, day = many_items(64), _day(8)
    assert reference_size(64) == reference_size(72)
    entered, reordered, after, new = _changes(taxonomy, old_items, day)
    assert reordered == 0
    assert entered > 0  # newcomers that beat an old article's fifth are in its list
    # and a new article's own list is its ranking among all articles, old and new
    assert any(q not in new for p in new for q in after.groupings[p].related)


def test_statistics_of_the_whole_corpus_would_reorder_old_lists(taxonomy, monkeypatch):
    """The same day with the factor counted over every article (as before issue 23) reorders
    related lists no newcomer entered: what the reference prevents."""
    monkeypatch.setattr(core, "reference_rows", lambda permalinks, first_seen=None: list(range(len(permalinks))))
    _, reordered, _, _ = _changes(taxonomy, many_items(64), _day(8))
    assert reordered > 0
