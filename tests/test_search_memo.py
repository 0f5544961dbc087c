"""What the search index keeps between builds (issue 23): each document's terms, and the
older layer's shards, patched where a document changed. A day's update makes the same files
as a build without the memo, indexes only its own documents, and leaves every older shard
that none of its changes reach with the bytes it had."""
from __future__ import annotations

import pytest

import sitegen.render.search_shards as shards


def _docs(n: int) -> list[dict]:
    heads = ["中欧班列开行量创新高", "英仙座流星雨迎来极大", "乌鲁木齐举行政党论坛", "Flood relief goes on"]
    return [{"u": f"articles/a-{i:02d}.html", "hz": heads[i % 4] + str(i), "he": f"Headline {i}",
             "lz": "本报讯 " + heads[(i + 1) % 4], "le": "The lead", "ti": i % 2,
             "tn": "Economy 经济", "tg": "班列 trains" if i % 3 else ""} for i in range(n)]


THEMES = [("Economy", "经济"), ("Other", "其他")]


@pytest.fixture
def small_layers(monkeypatch):
    """Layers of 8 documents and shards of a few terms, so that a few dozen documents
    have an older layer of many shards."""
    monkeypatch.setattr(shards, "LAYER", 8)
    monkeypatch.setattr(shards, "SHARD_TARGET", 1000)
    made: list[str] = []
    real = shards._document_terms
    monkeypatch.setattr(shards, "_document_terms", lambda doc: made.append(doc["u"]) or real(doc))
    return made


@pytest.fixture
def indexed(monkeypatch):
    """How many documents each call of ``index_fields`` took."""
    sizes: list[int] = []
    real = shards.index_fields
    monkeypatch.setattr(shards, "index_fields",
                        lambda docs, memo=None, keys=None: sizes.append(len(docs)) or real(docs, memo, keys))
    return sizes


def _build(docs, memo, made=None):
    """This build's files with the memo, checked against a build without one (``made``: the
    documents indexed with the memo, in place)."""
    files = shards.shard_files(docs, THEMES, memo)
    indexed = list(made or ())
    assert files == shards.shard_files(docs, THEMES), "the memo changed the index"
    if made is not None:
        made[:] = indexed
    return dict(files)


def test_layers_count_documents_from_the_oldest(small_layers):
    assert shards.layers(5) == [("s", 0, 5)]
    assert shards.layers(16) == [("a", 0, 16)]
    assert shards.layers(21) == [("a", 0, 16), ("s", 16, 5)]


def test_a_day_indexes_its_own_documents_and_keeps_the_older_shards(small_layers, indexed):
    made = small_layers
    memo = shards.SearchMemo("v")
    old = _docs(26)
    before = _build(old, memo)
    assert memo.older is not None and len(memo.older.keys) == 24 and len(memo.terms) == 26
    # a day: four new documents (numbered after the others); one older document loses its tags
    day = _docs(30)
    day[4] = dict(day[4], tg="")
    made.clear()
    indexed.clear()
    after = _build(day, memo, made)
    assert indexed[:2] == [1, 6]  # the older layer patched (one document), the recent one made
    assert sorted(set(made) - {d["u"] for d in day[24:]}) == [day[4]["u"]]  # indexed: the recent layer, the changed one
    assert len(memo.terms) == 30
    older = [p for p in after if p.startswith("search/a")]
    moved = [p for p in older if after[p] != before[p]]
    assert 0 < len(moved) < len(older) // 2  # the shards of the terms it lost, no others
    # document chunks: the last one has the new documents (a row shows no tags)
    assert [p for p in after if p.startswith("search/d") and after[p] != before.get(p)] == ["search/d2.js"]


def test_a_document_changed_back_and_a_word_gone_from_every_document(small_layers):
    memo = shards.SearchMemo("v")
    docs = _docs(26)
    _build(docs, memo)
    docs[3] = dict(docs[3], tg="新词 trains")  # a term no other document has, added ...
    _build(docs, memo)
    docs[3] = _docs(26)[3]  # ... and gone again: its postings leave the shard
    _build(docs, memo)
    docs = [dict(d, le="") for d in docs[:20]] + docs[20:]  # most of the older layer changed
    _build(docs, memo)


def test_the_older_layer_moves_on_and_back(small_layers):
    memo = shards.SearchMemo("v")
    _build(_docs(6), memo)  # no older layer yet
    assert memo.older is None
    _build(_docs(15), memo)
    _build(_docs(17), memo)  # the next 8 documents join the older layer
    assert len(memo.older.keys) == 16
    _build(_docs(17)[1:], memo)  # the oldest document removed: every number moves
    _build(_docs(40), memo)
    _build(_docs(3), memo)
    assert memo.older is None


def test_a_memo_of_other_documents_is_not_trusted(small_layers):
    memo = shards.SearchMemo("v")
    _build(_docs(20), memo)
    memo.terms.clear()  # e.g. a damaged memo: its older layer cannot be patched
    docs = _docs(20)
    docs[2] = dict(docs[2], hz="新标题")
    _build(docs, memo)


def test_postings_edited_in_place_encode_as_made_afresh():
    """A term's postings edited (bitmaps bit by bit) are what ``encode_postings`` makes of the
    documents left, in either form, and none when no document is left."""
    import random

    rng = random.Random(23)
    for documents in (9, 64, 1000, 10_240):
        for share in (0.0, 0.01, 0.2, 0.6, 1.0):
            ids = {i for i in range(documents) if rng.random() < share}
            lost = set(rng.sample(sorted(ids), min(len(ids), rng.randint(0, 40))))
            gained = set(rng.sample(range(documents), min(documents, rng.randint(0, 40))))
            left = (ids - lost) | gained
            expected = shards.encode_postings(sorted(left), documents) if left else None
            assert shards._edited(shards.encode_postings(sorted(ids), documents), lost, gained, documents) == expected
    assert shards._edited(shards.encode_postings(list(range(64)), 64), set(range(64)), set(), 64) is None
