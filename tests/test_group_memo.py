"""Grouping's memo (issue 23): a build that starts from the last build's per-article results
(neighbours, theme scores, tag pools) gives exactly the grouping a build without them gives,
and a day's update computes only the day's rows."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

import sitegen.group.memo as memo_module
from sitegen.group import group_articles, load_taxonomy
from sitegen.group.memo import GroupMemo
from sitegen.group.reference import reference_size
from sitegen.group.similarity import Postings
from sitegen.group.vectors import Doc

from test_group import art, many_items

ROOT = Path(__file__).resolve().parents[1]
OLD, NEW = "2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary")


def _result(r):
    return r.groupings, r.themes, r.tags, r.debug._final.tolist(), r.debug._own.tolist()


def _group(items, taxonomy, memo=None):
    first_seen = {p: OLD if "new-" not in p else NEW for p, _ in items}
    return group_articles(items, taxonomy, first_seen=first_seen, memo=memo)


def test_restricted_postings_give_the_same_similarities():
    docs = [Doc(f"p{i}", {}, 1.0, vec=v) for i, v in enumerate([
        {"a": 0.6, "b": 0.8}, {"a": 0.8, "c": 0.6}, {"b": 0.5, "c": 0.5, "d": 0.7071},
        {"a": 0.3, "b": 0.3, "c": 0.9055}, {"e": 1.0}])]
    full = Postings(docs).neighbours(0, len(docs))
    part = Postings(docs).restricted([1, 3]).neighbours(0, len(docs))
    for i, row in enumerate(full):
        assert part[i] == [(s, j) for s, j in row if j in (1, 3)]  # same floats, same order


def test_ranking_few_columns_at_once_equals_ranking_row_by_row(monkeypatch):
    import random

    import sitegen.group.similarity as similarity

    rng = random.Random(3)
    terms = "abcdefghij"
    docs = []
    for i in range(60):
        vec = {t: rng.choice([0.25, 0.5, 1.0, rng.random()]) for t in rng.sample(terms, rng.randint(0, 5))}
        docs.append(Doc(f"p{i}", {}, 1.0, vec=vec))  # repeated weights: many tied similarities
    columns = sorted(rng.sample(range(60), 25))
    postings = Postings(docs)
    monkeypatch.setattr(similarity, "FEW_COLUMNS", 10_000)
    at_once = (postings.neighbours(0, 60), postings.restricted(columns).neighbours(0, 60, max_pairs=40))
    monkeypatch.setattr(similarity, "FEW_COLUMNS", 0)
    row_by_row = (postings.neighbours(0, 60), postings.restricted(columns).neighbours(0, 60, max_pairs=40))
    assert at_once == row_by_row
    assert any(len(row) == similarity.NEIGHBOURS for row in at_once[0]) and any(not row for row in at_once[0])
    assert any(len({s for s, _ in row}) < len(row) for row in at_once[0])  # ties ranked by index


def test_ranking_many_columns_from_a_bound_equals_sorting_whole_rows(monkeypatch):
    """``_best_of_many`` sorts only the values at least as good as a bound taken from runs of
    columns (CHUNKS of them); with many ties around that bound, its lists are those of one
    stable sort of every whole row."""
    import random

    import sitegen.group.similarity as similarity

    rng = random.Random(5)
    terms = "abcdefghijkl"
    docs = []
    for i in range(400):
        vec = {t: rng.choice([0.25, 0.5, 1.0, rng.random()]) for t in rng.sample(terms, rng.randint(0, 4))}
        docs.append(Doc(f"p{i}", {}, 1.0, vec=vec))
    docs[10::100] = [Doc(f"r{i}", {}, 1.0, vec={"rare": 0.5}) for i in range(4)]  # 3 neighbours each
    postings = Postings(docs)
    assert len(docs) // similarity.CHUNKS > 1  # rows are cut into runs of several columns
    monkeypatch.setattr(similarity, "FEW_COLUMNS", 10_000)
    whole_rows = [postings.neighbours(0, 400, max_pairs=m) for m in (1, 5_000)]
    monkeypatch.setattr(similarity, "FEW_COLUMNS", 0)
    bounded = [postings.neighbours(0, 400, max_pairs=m) for m in (1, 5_000)]
    assert bounded == whole_rows
    assert any(len({s for s, _ in row}) < len(row) for row in bounded[0])  # ties ranked by index
    assert any(0 < len(row) < similarity.NEIGHBOURS for row in bounded[0]) and any(not row for row in bounded[0])


def _no_full_pass(*args, **kwargs):
    raise AssertionError("every article's neighbours were computed again")


def test_memo_gives_the_grouping_of_a_build_without_it(taxonomy, monkeypatch):
    items = many_items(140)
    old = items[:96]
    day = [(f"articles/new-{i + 1:02d}.html", art("new.txt", i + 1, a.headline, *(b.text for b in a.blocks)))
           for i, (_, a) in enumerate(items[120:130])]
    assert reference_size(len(old)) == reference_size(len(old) + len(day))  # weights stay put

    memo = GroupMemo()
    assert _result(_group(old, taxonomy, memo)) == _result(_group(old, taxonomy))
    assert len(memo.rows) == len(old) and memo.scores and memo.pools

    # The day: old rows merged with the newcomers' similarities (see the next test).
    assert _result(_group(old + day, taxonomy, memo)) == _result(_group(old + day, taxonomy))

    # An article changed and one left (outside the reference, so no weight moves): lists that
    # held them are recomputed, the rest merged.
    last, before_last = sorted(range(len(old)), key=lambda k: old[k][0])[-2:][::-1]  # outside the reference
    article = old[before_last][1]
    changed = dataclasses.replace(article, headline=article.headline + "（更新）", blocks=article.blocks[:1])
    later = [(p, changed if k == before_last else a) for k, (p, a) in enumerate(old + day) if k != last]
    expected = _result(_group(later, taxonomy))
    monkeypatch.setattr(memo_module, "_per_article_all", _no_full_pass)
    assert _result(_group(later, taxonomy, memo)) == expected
    monkeypatch.undo()
    # and back again, from that memo
    assert _result(_group(old + day, taxonomy, memo)) == _result(_group(old + day, taxonomy))


def test_a_day_computes_only_the_new_rows(taxonomy, monkeypatch):
    items = many_items(140)
    old = items[:96]
    day = [(f"articles/new-{i + 1:02d}.html", art("new.txt", i + 1, a.headline, *(b.text for b in a.blocks)))
           for i, (_, a) in enumerate(items[120:125])]
    memo = GroupMemo()
    _group(old, taxonomy, memo)

    monkeypatch.setattr(memo_module, "_per_article_all", _no_full_pass)
    rows = []
    real = Postings.neighbours

    def counting(self, first, end, *args, **kwargs):
        if len(self.cols) == self.n:
            rows.extend(range(first, end))
        return real(self, first, end, *args, **kwargs)

    monkeypatch.setattr(Postings, "neighbours", counting)
    scored = []
    real_score = memo_module.tag_pool

    def counting_pool(counts, *args):
        scored.append(counts)
        return real_score(counts, *args)

    monkeypatch.setattr(memo_module, "tag_pool", counting_pool)
    weighed = []
    real_weigh = memo_module.weigh

    def counting_weigh(docs, *args):
        weighed.extend(d.permalink for d in docs)
        return real_weigh(docs, *args)

    monkeypatch.setattr(memo_module, "weigh", counting_weigh)
    digest = memo_module.vector_digest
    monkeypatch.setattr(memo_module, "vector_digest", lambda vec: (weighed.append("digest"), digest(vec))[1])
    _group(old + day, taxonomy, memo)
    assert 5 <= len(rows) < 30  # the day's rows, and the few lists that lost a member
    assert len(scored) < 40  # tag pools: the day's and those of articles sharing a term with it
    # vectors and their digests: the day's only (those whose texts no old article has), the
    # others from the memo
    made = [p for p in weighed if p != "digest"]
    assert made and set(made) <= {p for p, _ in day} and weighed.count("digest") == len(made)


def test_a_new_reference_weighs_every_vector_again(taxonomy, monkeypatch):
    """When the reference is counted afresh (the corpus grew past a grid point, or an article
    of the reference changed), no vector comes from the memo, and the grouping is a build's
    without it."""
    items = many_items(140)
    old = items[:96]
    grown = old + [(f"articles/new-{i + 1:02d}.html", art("new.txt", i + 1, a.headline, *(b.text for b in a.blocks)))
                   for i, (_, a) in enumerate(items[110:126])]
    assert reference_size(len(old)) < reference_size(len(grown))
    first = min(range(len(old)), key=lambda k: old[k][0])  # the oldest permalink: in the reference
    article = old[first][1]
    edited = [(p, dataclasses.replace(article, headline=article.headline + "（更新）") if k == first else a)
              for k, (p, a) in enumerate(old)]
    for later in (grown, edited):
        memo = GroupMemo()
        _group(old, taxonomy, memo)
        weighed = []
        real_weigh = memo_module.weigh
        monkeypatch.setattr(memo_module, "weigh", lambda docs, *args: (weighed.extend(docs), real_weigh(docs, *args)))
        assert _result(_group(later, taxonomy, memo)) == _result(_group(later, taxonomy))
        assert len(weighed) == 2 * len(later)  # with the memo, then without
        monkeypatch.undo()


def test_packed_vectors_give_back_the_same_floats_in_order():
    vecs = [{"b": 0.8, "a": 0.6}, {}, {"a": 1 / 3, "c": 2 ** -0.5, "d": 0.1 + 0.2}]
    docs = [Doc(f"p{i}", {}, 1.0, vec=v) for i, v in enumerate(vecs)]
    packed = pickle.loads(pickle.dumps(memo_module.PackedVectors.of(Postings(docs))))
    assert len(packed) == 3
    back = packed.unpack([2, 0, 1, 2])
    assert back == [vecs[2], vecs[0], vecs[1], vecs[2]]
    assert [list(v.items()) for v in back] == [list(vecs[k].items()) for k in (2, 0, 1, 2)]


def test_a_term_another_article_now_has_renews_the_tag_pool(taxonomy):
    carving = art("x.txt", 1, "冰雕艺术节开幕", "冰雕艺术节开幕，冰雕作品吸引游客。冰雕师傅连夜赶工，风筝爱好者也来参观。")
    items = many_items(40) + [("articles/x-01.html", carving)]
    memo = GroupMemo()
    before = _group(items, taxonomy, memo)
    assert "冰雕" not in [t.zh for t in before.groupings["articles/x-01.html"].tags]  # no other article has it
    items.append(("articles/y-01.html", art("y.txt", 1, "冰雕作品展出", "一批冰雕作品在广场展出，冰雕线条流畅。")))
    after = _group(items, taxonomy, memo)
    assert _result(after) == _result(_group(items, taxonomy))
    assert "冰雕" in [t.zh for t in after.groupings["articles/x-01.html"].tags]


def test_a_day_hashes_only_new_and_changed_articles_texts_for_their_term_keys(taxonomy, monkeypatch):
    from sitegen.group.text import Analyzer

    items = many_items(140)
    old, day = items[:96], items[96:100]
    memo = GroupMemo()
    _group(old, taxonomy, memo)
    path, article = old[5]
    changed = dataclasses.replace(article, headline=article.headline + "（更新）")
    later = [(p, changed if p == path else a) for p, a in old] + day
    expected = _result(_group(later, taxonomy))

    hashed = []
    real = Analyzer.terms_key
    monkeypatch.setattr(Analyzer, "terms_key", lambda self, *texts: (hashed.append(texts), real(self, *texts))[1])
    assert _result(_group(later, taxonomy, memo)) == expected
    assert len(hashed) == len(day) + 1  # the day's and the changed one


def test_a_day_reads_the_stored_counts_only_of_articles_a_flipped_term_reaches(taxonomy):
    """With the word counts as the store gives them back (``StoredCounts``, read when first
    used), a day reads the counts of the kept articles holding a term that went from one
    article to two (their tag pools are renewed), and of no other; the grouping is a build's
    without memo or cache."""
    from sitegen.group.counts import StoredCounts
    from sitegen.group.words import records_of, stored_terms

    carving = art("x.txt", 1, "冰雕艺术节开幕", "冰雕艺术节开幕，冰雕作品吸引游客。冰雕师傅连夜赶工，风筝爱好者也来参观。")
    items = many_items(96) + [("articles/x-01.html", carving)]
    first_seen = {p: OLD for p, _ in items}
    memo, cache = GroupMemo(), {}
    group_articles(items, taxonomy, term_cache=cache, first_seen=first_seen, memo=memo)
    assert memo.solo  # terms a single article has, and whose
    stored = stored_terms(records_of(cache))
    day = items + [("articles/y-01.html", art("y.txt", 1, "冰雕作品展出", "一批冰雕作品在广场展出，冰雕线条流畅。"))]
    first_seen["articles/y-01.html"] = NEW
    after = group_articles(day, taxonomy, term_cache=stored, first_seen=first_seen, memo=memo)
    assert _result(after) == _result(group_articles(day, taxonomy, first_seen=first_seen))
    assert "冰雕" in [t.zh for t in after.groupings["articles/x-01.html"].tags]
    kept = {k: t.counts for k, t in stored.items() if isinstance(t.counts, StoredCounts)}
    read = {k for k, counts in kept.items() if counts._counts is not None}
    assert memo.term_keys[carving.identity] in read and len(read) <= 5 and len(kept) == len(cache) > 50


def test_solo_terms_are_counted_again_when_a_term_falls_below_two(taxonomy):
    """A term two articles had and one has now (an article gone): which kept article holds
    it, only the counts tell, so they are read; the grouping is still a build's without
    memo, and the memo's single holders are those of the counts."""
    carving = art("x.txt", 1, "冰雕艺术节开幕", "冰雕艺术节开幕，冰雕作品吸引游客。冰雕师傅连夜赶工，风筝爱好者也来参观。")
    other = art("y.txt", 1, "冰雕作品展出", "一批冰雕作品在广场展出，冰雕线条流畅。")
    items = many_items(96) + [("articles/x-01.html", carving), ("articles/y-01.html", other)]
    first_seen = {p: OLD for p, _ in items}
    memo = GroupMemo()
    group_articles(items, taxonomy, first_seen=first_seen, memo=memo)
    later = items[:-1]  # y gone: 冰雕 is x's alone again
    expected = group_articles(later, taxonomy, first_seen=first_seen)
    after = group_articles(later, taxonomy, first_seen=first_seen, memo=memo)
    assert _result(after) == _result(expected)
    assert "冰雕" in [t.zh for t in group_articles(items, taxonomy).groupings["articles/x-01.html"].tags]
    assert "冰雕" not in [t.zh for t in after.groupings["articles/x-01.html"].tags]
    counts = {key: terms.counts for key, terms in after.term_cache.items()}
    assert memo.solo == {t: k for k, c in counts.items() for t in c if memo.df[t] == 1}


def test_stored_counts_read_as_the_dict_they_were():
    import marshal

    from sitegen.group.counts import StoredCounts, plain

    counts = {"冰雕": 3.0, "作品": 1.0}
    stored = StoredCounts(marshal.dumps(counts))
    assert stored._counts is None and plain(counts) is counts
    assert type(plain(stored)) is dict and plain(stored) == counts == stored and stored["冰雕"] == 3.0
    assert list(stored.items()) == list(counts.items()) and "作品" in stored and len(stored) == 2
