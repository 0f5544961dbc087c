"""The search index's memo of each document's terms (issue 23): a day's update finds the old
documents' terms there and makes the same shards as without it."""
from __future__ import annotations

import sitegen.render.search_shards as shards


def _docs(n: int) -> list[dict]:
    heads = ["中欧班列开行量创新高", "英仙座流星雨迎来极大", "乌鲁木齐举行政党论坛", "Flood relief goes on"]
    return [{"u": f"articles/a-{i:02d}.html", "hz": heads[i % 4] + str(i), "he": f"Headline {i}",
             "lz": "本报讯 " + heads[(i + 1) % 4], "le": "The lead", "ti": i % 2,
             "tn": "Economy 经济", "tg": "班列 trains" if i % 3 else ""} for i in range(n)]


def test_the_memo_gives_the_same_shards_and_skips_known_documents(monkeypatch):
    themes = [("Economy", "经济"), ("Other", "其他")]
    old, day = _docs(30), _docs(34)
    memo: dict = {}
    assert shards.shard_files(old, themes, memo) == shards.shard_files(old, themes)
    assert len(memo) == 30
    # the day's documents come first (newest first): every number moves, the terms do not
    newest_first = day[30:][::-1] + old
    changed = [dict(d, tg="") if d["u"] == old[4]["u"] else d for d in newest_first]
    expected = shards.shard_files(newest_first, themes), shards.shard_files(changed, themes)
    made = []
    real = shards._document_terms
    monkeypatch.setattr(shards, "_document_terms", lambda doc: made.append(doc["u"]) or real(doc))
    assert shards.shard_files(newest_first, themes, memo) == expected[0]
    assert sorted(set(made)) == sorted(d["u"] for d in day[30:])  # only the day's, with the memo
    assert len(memo) == 34  # this build's documents only

    made.clear()
    assert shards.shard_files(changed, themes, memo) == expected[1]
    assert made == [old[4]["u"]]
