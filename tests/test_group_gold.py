"""Grouping on the real seed articles (gold headlines + leads; parser output when available)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import shared_files

from sitegen.group import group_articles, load_taxonomy
from sitegen.models import Article, Block

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"  # as tests/conftest.py finds it
SEEDS = ROOT / "seeds"

pytestmark = shared_files.needs(GOLD)

SAME_EVENT = [
    ("000-01", "000-02"),  # SCO political-party forum in Urumqi: overview and parallel sessions
    ("000-01", "002-01"),  # the same forum, reported by another paper
    ("000-02", "002-01"),
    ("003-01", "003-02"),  # Shanghai delegation's paired-assistance visit to Kashgar
    ("002-05", "004-01"),  # China–Central Asia mechanism: ministers' communiqué and summit spirit
    ("000-07", "004-05"),  # preventing a return to poverty: assistance policy and job workshops
]
UNRELATED = [
    ("000-01", "000-04"),  # SCO forum vs crayfish farm
    ("000-03", "000-05"),  # ethnic-unity month vs port freight
    ("000-05", "004-06"),  # port freight vs cadre conduct
    ("003-01", "001-05"),  # Shanghai aid visit vs Trans-Caspian freight train
    ("000-04", "004-06"),
    ("001-06", "000-06"),  # UNESCO land degradation vs local people's congress review
]


def gold_items():
    items = []
    for f in sorted(GOLD.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        for a in g["articles"]:
            art = Article(seed=g["seed"], position=int(a["id"].split("-")[1]), kicker=a["kicker"],
                          headline=a["headline"], subtitle=a["subtitle"], byline=a["byline"],
                          dateline=a["dateline"], blocks=(Block("paragraph", a["lead"]),))
            items.append((a["id"], art))
    return items


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary")


@pytest.fixture(scope="module")
def gold_result(taxonomy):
    return group_articles(gold_items(), taxonomy)


@pytest.mark.parametrize("a, b", SAME_EVENT)
def test_same_event_shares_theme(gold_result, a, b):
    g = gold_result.groupings
    assert g[a].theme == g[b].theme, (a, g[a].theme.slug, b, g[b].theme.slug)


@pytest.mark.parametrize("a, b", UNRELATED)
def test_unrelated_do_not_share_theme(gold_result, a, b):
    g = gold_result.groupings
    assert g[a].theme != g[b].theme, (a, b, g[a].theme.slug)


def test_expected_themes(gold_result):
    g = gold_result.groupings
    assert g["000-01"].theme.slug == "diplomacy"
    assert g["003-01"].theme.slug == "paired-assistance"
    assert g["000-05"].theme.slug == "trade-logistics"
    assert g["000-03"].theme.slug == "ethnic-unity-society"
    assert g["004-06"].theme.slug == "party-governance"


def test_shape(gold_result, taxonomy):
    for p, g in gold_result.groupings.items():
        assert len(g.tags) <= 6, (p, g.tags)
        assert not {t.zh for t in g.tags} & taxonomy.stopwords
        assert 3 <= len(g.related) <= 5 and p not in g.related
    assert gold_result.groupings["000-01"].related[0] in {"000-02", "002-01", "001-01"}


def test_parsed_seeds_group_fast(taxonomy):
    """Whole pipeline on the real seeds."""
    from sitegen import parse
    from sitegen.permalinks import article_permalink
    items = []
    for path in sorted(SEEDS.glob("*.txt")):
        for a in parse.parse_text(path.name, path.read_text(encoding="utf-8-sig")).articles:
            items.append((article_permalink(a.seed, a.position), a))
    assert items
    group_articles(items[:2], taxonomy)  # warm the shared jieba/IDF tables
    t = time.perf_counter()
    r = group_articles(items, taxonomy)
    assert time.perf_counter() - t < 2.0
    for p, g in r.groupings.items():
        assert len(g.tags) <= 6 and p not in g.related
