"""Search in pieces (sitegen/render/search_shards.py, static/search.js), from disk: a query
loads the index's meta file, the shards of its own terms in each layer and the result chunks
it shows, nothing else; results are right in Chinese and English, headline matches first,
then newest."""
from __future__ import annotations

import json

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from sitegen.render import search_shards
from sitegen.render.sample import sample_site, write_sample

from .harness import settled

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory):
    """The sample site with small shards, chunks and layers, so that its index has many of
    each and its seven documents are in both layers (four older, three recent)."""
    out = tmp_path_factory.mktemp("sharded")
    mp = pytest.MonkeyPatch()
    mp.setattr(search_shards, "SHARD_TARGET", 150)
    mp.setattr(search_shards, "CHUNK", 2)
    mp.setattr(search_shards, "LAYER", 4)
    try:
        write_sample(out)
    finally:
        mp.undo()
    return out


def run_query(driver, site, query: str) -> tuple[list[str], list[str]]:
    """(result links, index files loaded) of ``query`` on the search page opened from disk."""
    from urllib.parse import quote

    driver.get((site / "search.html").as_uri() + "?q=" + quote(query))
    settled(driver, 10)  # the status names a count (or none found) once the shards are in and ranked
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results li > a")]
    loaded = driver.execute_script(
        "return [].map.call(document.querySelectorAll('script[src*=\"search/\"]'),"
        " function (s) { return s.getAttribute('src'); })")
    return links, sorted(src.rsplit("/", 1)[1] for src in loaded)


def read_meta(site) -> dict:
    return json.loads((site / "search/meta.js").read_text()[len("window.SITEGEN_SEARCH_META="):-2])


def expected_files(site, terms: list[str]) -> tuple[dict, set[str]]:
    """(the index's meta data, the shard files of every layer that hold ``terms``)."""
    meta = read_meta(site)
    shards = {f"{prefix}{search_shards.shard_of(search_shards.shard_key(t), count)}.js"
              for t in terms for prefix, _, count in meta["layers"]}
    return meta, shards


def test_a_query_loads_only_its_shards(driver, sharded_site):
    links, loaded = run_query(driver, sharded_site, "中欧班列")
    meta, shards = expected_files(sharded_site, ["中欧", "欧班", "班列"])
    assert [(prefix, first) for prefix, first, _ in meta["layers"]] == [("a", 0), ("s", 4)]
    for prefix, _, count in meta["layers"]:
        assert count >= 8 and len(list((sharded_site / "search").glob(f"{prefix}*.js"))) == count
    assert links == [(sharded_site / "articles/000-d20dbdfb-02.html").as_uri()]
    chunks = [f for f in loaded if f.startswith("d")]
    assert set(loaded) == {"meta.js"} | shards | set(chunks)
    assert len(chunks) == 1  # the one result's chunk, of the four


def test_english_prefix_and_ranking_from_disk(driver, sharded_site):
    links, loaded = run_query(driver, sharded_site, "consen")  # prefix of "consensus"
    assert links == [(sharded_site / "articles/000-d20dbdfb-01.html").as_uri()]
    _, shards = expected_files(sharded_site, ["consen"])
    assert {f for f in loaded if not f.startswith(("d", "meta"))} == shards
    # 口岸: a headline match ranks above a lead match
    links, _ = run_query(driver, sharded_site, "口岸")
    assert links == [(sharded_site / "articles/001-2a0e67fa-01.html").as_uri(),
                     (sharded_site / "articles/000-d20dbdfb-02.html").as_uri()]


def test_one_character_and_no_match(driver, sharded_site):
    links, loaded = run_query(driver, sharded_site, "疆")
    assert len(links) >= 2 and len([f for f in loaded if not f.startswith(("d", "meta"))]) == 2  # one a layer
    links, _ = run_query(driver, sharded_site, "没有这样的词")
    assert links == [] and "没有找到文章" in driver.find_element("id", "search-status").get_attribute("textContent")


def _postings(site, meta) -> dict[str, dict[str, set[int]]]:
    """{field: {term: documents}} of every shard file on disk, numbers counted from 0."""
    out: dict = {}
    for prefix, first, count in meta["layers"]:
        for n in range(count):
            js = (site / f"search/{prefix}{n}.js").read_text()
            for field, postings in json.loads(js[js.index(",") + 1:-3]).items():
                for term, encoded in postings.items():
                    ids = {first + i for i in search_shards.decode_postings(encoded)}
                    out.setdefault(field, {}).setdefault(term, set()).update(ids)
    return out


def test_results_across_layers_rank_by_field_then_newest(driver, sharded_site):
    """An English prefix in both layers: the score of the fields it is in (headline 3, theme
    and tag 2, lead 1), ties newest (highest number) first, each document once."""
    meta = read_meta(sharded_site)
    index = _postings(sharded_site, meta)
    weight = {"h": 3, "t": 2, "g": 2, "b": 1}
    score: dict[int, int] = {}
    for field, postings in index.items():
        for doc in set().union(*(ids for term, ids in postings.items() if term.startswith("xinj"))):
            score[doc] = score.get(doc, 0) + weight[field]
    assert {d < 4 for d in score} == {True, False}  # in both layers
    rows = []
    for n in range(-(-meta["docs"] // meta["chunk"])):
        js = (sharded_site / f"search/d{n}.js").read_text()
        rows += json.loads(js[js.index(",") + 1:-3])
    expected = [(sharded_site / rows[d][0]).as_uri() for d in sorted(score, key=lambda d: (-score[d], -d))]
    links, _ = run_query(driver, sharded_site, "xinj")
    assert links == expected and len(set(score.values())) < len(score)  # a tie, broken by age


def test_an_index_of_an_older_format_says_it_cannot_be_loaded(driver, sharded_site, tmp_path):
    """A browser that kept the last deploy's meta.js (no layers) beside the new search.js
    says the index could not be loaded rather than failing silently."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sharded_site, site)
    (site / "search/meta.js").write_text('window.SITEGEN_SEARCH_META={"v":3,"shards":4,"chunk":2,"docs":7,"themes":[]};\n')
    driver.get((site / "search.html").as_uri() + "?q=%E4%B8%AD%E6%AC%A7")
    WebDriverWait(driver, 10).until(lambda d: "could not be loaded" in d.execute_script(
        "return document.getElementById('search-status').textContent"))
