"""Incremental-build state: cache entries are verified before use."""
from __future__ import annotations

import pytest

from sitegen.models import ParseResult
from sitegen.parse import parse_text
from sitegen.state import BuildState, decode_entry, encode_entry

TEXT = "新华社北京电 记者从会上获悉，今年粮食产量再创新高。\n\n粮食产量再创新高\n"


def test_entry_round_trip():
    value = parse_text("a.txt", TEXT)
    assert decode_entry(encode_entry(value)) == value


@pytest.mark.parametrize("damage", ["truncated", "zeroed", "flipped", "empty", "foreign"])
def test_damaged_entries_read_as_missing(damage):
    entry = encode_entry(parse_text("a.txt", TEXT))
    bad = {
        "truncated": entry[: len(entry) // 2],
        "zeroed": entry[:40] + bytes(len(entry) - 40),
        "flipped": entry[:-5] + bytes([entry[-5] ^ 1]) + entry[-4:],
        "empty": b"",
        "foreign": b"\x80\x05K\x01.",  # a bare pickle of 1, as an older sitegen wrote
    }[damage]
    assert decode_entry(bad) is None


def test_a_damaged_parse_cache_entry_is_parsed_again(tmp_path):
    state = BuildState(tmp_path / "site")
    value = parse_text("a.txt", TEXT)
    state.put_parse("k", value)
    assert isinstance(state.get_parse("k"), ParseResult)
    path = next((state.dir / "parse").glob("k.pickle"))
    path.write_bytes(path.read_bytes()[:-10])
    assert state.get_parse("k") is None
    assert not list((state.dir / "parse").glob(".*.tmp"))  # no temp debris
    state.put_terms({"x": 1})
    assert state.get_terms() == {"x": 1}
    (state.dir / "group-terms.marshal").write_bytes(b"garbage")
    assert state.get_terms() == {}


def test_a_days_word_counts_are_written_beside_the_stored_ones(tmp_path):
    base, added = tmp_path / ".site.cache" / "group-terms.marshal", tmp_path / ".site.cache" / "group-terms-added.marshal"
    terms = {f"k{i}": i for i in range(100)}
    BuildState(tmp_path / "site").put_terms(terms)
    state = BuildState(tmp_path / "site")
    assert state.get_terms() == terms
    written = base.stat().st_mtime_ns
    day = dict(terms, **{f"d{i}": i for i in range(5)})
    del day["k0"]
    state.put_terms(day)  # 5 added, 1 gone: only the additions are written
    assert base.stat().st_mtime_ns == written and added.is_file()
    assert BuildState(tmp_path / "site").get_terms() == dict(day, k0=0)  # the gone one stays until the base is rewritten
    later = BuildState(tmp_path / "site")
    later.get_terms()
    many = {f"m{i}": i for i in range(60)}
    later.put_terms(many)  # most of it new: the base is rewritten, exactly
    assert not added.exists()
    assert BuildState(tmp_path / "site").get_terms() == many


# -- the committed article history ------------------------------------------------------
def test_article_history_keeps_first_dates_and_moves_only_changed_content(tmp_path):
    from sitegen.state import ArticleHistory

    path = tmp_path / "translations" / "history.json"
    h = ArticleHistory.load(path)
    dates = h.stamp({"a.html": "c1", "b.html": "c2"}, "2025-01-01T00:00:00Z")
    assert dates["a.html"].published == dates["a.html"].updated == "2025-01-01T00:00:00Z"
    assert h.save() and not h.save()  # written once; unchanged: not again
    h = ArticleHistory.load(path)
    dates = h.stamp({"a.html": "c1", "b.html": "c2-changed", "c.html": "c3"}, "2025-02-01T00:00:00Z")
    assert (dates["a.html"].published, dates["a.html"].updated) == ("2025-01-01T00:00:00Z",) * 2
    assert (dates["b.html"].published, dates["b.html"].updated) == ("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")
    assert dates["c.html"].published == "2025-02-01T00:00:00Z"
    h.save()
    # An article that left the digest keeps its record (and its first date if it comes back).
    h = ArticleHistory.load(path)
    h.stamp({"c.html": "c3"}, "2025-03-01T00:00:00Z")
    assert not h.dirty and set(h.records) == {"a.html", "b.html", "c.html"}
    assert path.read_text(encoding="utf-8").count("\n") == 3 + 3 + 2  # one article a line: small diffs


@pytest.mark.parametrize("text", ['{"version": 1, "articles": {', '[]', '{"version": 2, "articles": {}}',
                                  '{"version": 1, "articles": {"a.html": {"published": 1}}}'])
def test_article_history_that_cannot_be_read_stops_the_build_naming_the_file(tmp_path, text):
    from sitegen.state import ArticleHistory, HistoryError

    path = tmp_path / "history.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HistoryError, match="history.json"):
        ArticleHistory.load(path)
    assert path.read_text(encoding="utf-8") == text


def test_a_search_memo_made_by_other_code_is_not_used(tmp_path):
    from sitegen.render.search_shards import SearchMemo

    state = BuildState(tmp_path / "site")
    state.dir.mkdir(parents=True, exist_ok=True)
    (state.dir / "search-terms.pickle").write_bytes(b"the memo this one replaced")
    state.put_search_memo(SearchMemo("v1", {"doc": ("a\0b",)}))
    assert not (state.dir / "search-terms.pickle").exists()
    assert state.get_search_memo("v1") == SearchMemo("v1", {"doc": ("a\0b",)})
    assert state.get_search_memo("v2") is None  # e.g. the terms of an older index_fields


def test_a_search_memo_round_trips_and_a_damaged_one_is_not_used(tmp_path):
    from sitegen.render.search_shards import OlderLayer, SearchMemo
    from sitegen.state import encode_flat

    state = BuildState(tmp_path / "site")
    memo = SearchMemo("v1", {b"k1": ("a\0b", "", "c")}, OlderLayer([b"k1", b"k2"], ["script 0", "script 1"]),
                      [b"k1", b"k2", b"k3"], (["articles/a.html"], ["economy"]))
    state.put_search_memo(memo)
    assert state.get_search_memo("v1") == memo
    path = state.dir / "search-memo.marshal"
    path.write_bytes(path.read_bytes()[:-5])  # torn
    assert state.get_search_memo("v1") is None
    for other in (("v1", {}), ("v1", [], None), ("v1", {}, ([b"k"], "s")), ("v1", {}, 3), 7):
        path.write_bytes(encode_flat(other))  # intact, but not a memo
        assert state.get_search_memo("v1") is None


def test_stored_word_counts_are_read_back_each_when_first_used(tmp_path):
    """Grouping stores its word counts as plain values, each article's counts marshalled on
    their own (``records_of``), both the base and a day's additions; read back
    (``load_terms``), they are the same ``Terms``, and an article's counts are unmarshalled
    only when first read. The pickled store they replace is removed."""
    from sitegen.group.text import Terms
    from sitegen.group.counts import StoredCounts
    from sitegen.stages.grouping import load_terms, save_terms
    from sitegen.state import encode_flat

    def terms(i):
        return Terms({"经济": 2.0, "发展": 1.0 + i}, 3.0 + i, ("经济",))

    grouped = type("Grouped", (), {})()
    grouped.term_cache = {f"k{i}": terms(i) for i in range(8)}
    state = BuildState(tmp_path / "site")
    state.dir.mkdir(parents=True)
    (state.dir / "group-terms.pickle").write_bytes(b"the store this one replaced")
    save_terms(state, grouped, set())
    assert not (state.dir / "group-terms.pickle").exists()
    state = BuildState(tmp_path / "site")
    base = load_terms(state)
    assert all(isinstance(t.counts, StoredCounts) and t.counts._counts is None for t in base.values())
    assert base["k3"].counts["发展"] == 4.0
    assert [t.counts._counts is None for t in base.values()].count(False) == 1  # k3's only
    assert base == grouped.term_cache
    grouped.term_cache = dict(base, d1=terms(9))  # a day: only the addition is written
    save_terms(state, grouped, set(base))
    assert (state.dir / "group-terms-added.marshal").is_file()
    again = load_terms(BuildState(tmp_path / "site"))
    assert again == grouped.term_cache and again["k5"].total == 8.0 and again["k5"].head == ("经济",)
    (state.dir / "group-terms-added.marshal").write_bytes(encode_flat({"bad": (1, 2, 3)}))
    assert set(load_terms(BuildState(tmp_path / "site"))) == set(base)  # a record of another shape: left out


def test_flat_entries_damaged_read_as_missing():
    from sitegen.state import decode_flat, encode_flat

    entry = encode_flat({"a": (1.5, "x")})
    assert decode_flat(entry) == {"a": (1.5, "x")}
    for bad in (entry[:-3], entry[:20], entry[:-1] + b"\x00", b"", encode_entry({"a": (1.5, "x")})):
        assert decode_flat(bad) is None
