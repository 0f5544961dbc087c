"""Tag pools with candidates decided once per build (``tags.TagCandidates``): the same pools
as each article deciding its own terms, and each term decided once for all articles."""
from __future__ import annotations

import math
from collections import Counter
from itertools import chain
from pathlib import Path

import pytest

from sitegen.group import load_taxonomy
from sitegen.group.tags import TagCandidates, tag_pool
from sitegen.group.text import analyzer_for

ROOT = Path(__file__).resolve().parents[1]

TEXTS = ["新疆维吾尔自治区乌鲁木齐市举行棉花产业发展大会，棉花种植户代表发言。",
         "乌鲁木齐市召开冬季旅游推介会，滑雪场和冰雪旅游线路受到游客欢迎。",
         "阿勒泰地区吉木乃县养殖户参加技术培训，额河螯虾产业园开始运营。",
         "棉花收购价格稳定，阿克苏地区棉农增收，滑雪场游客也多了。"]


@pytest.fixture(scope="module")
def analyzer():
    return analyzer_for(load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary"))


def _counts(analyzer):
    return [analyzer.article_terms(text[:8], "", text).counts for text in TEXTS]


def test_shared_candidates_give_each_article_its_own_pool(analyzer):
    counts = _counts(analyzer)
    df = Counter(chain.from_iterable(counts))
    idf = analyzer.term_idfs(df)
    shared = TagCandidates(analyzer, df)
    pools = [tag_pool(c, analyzer, df, idf, shared) for c in counts]
    assert pools == [tag_pool(c, analyzer, df, idf) for c in counts]
    assert any(pools)
    # a term no other article has is a candidate only as a proper name
    for pool in pools:
        for term in pool:
            assert analyzer.taggable(term) and (df[term] >= 2 or analyzer.is_name(term))
    # the pool is ranked by the article's own weight, best first
    for c, pool in zip(counts, pools):
        weights = [-(1.0 + math.log(c[t])) * idf[t] for t in pool]
        assert weights == sorted(weights)


def test_each_term_is_decided_once_for_all_articles(analyzer):
    counts = _counts(analyzer)
    df = Counter(chain.from_iterable(counts))
    idf = analyzer.term_idfs(df)
    asked: list[str] = []
    shared = TagCandidates(analyzer, df)
    real = shared.taggable
    shared.taggable = lambda term: (asked.append(term), real(term))[1]
    for c in counts:
        tag_pool(c, analyzer, df, idf, shared)
    assert sorted(asked) == sorted(df)  # every term once, shared terms too
    assert max(df.values()) >= 2
