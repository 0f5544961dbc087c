"""The reading aid takes grouping's cut of each text instead of cutting it again
(``sitegen.group.cuts``)."""
from __future__ import annotations

from pathlib import Path

from sitegen.gloss import gloss_writer
from sitegen.gloss.files import article_blocks
from sitegen.group import load_taxonomy, split_words
from sitegen.group.cuts import KeptCuts
from sitegen.group.text import analyzer_for
from sitegen.parse import parse_seed
from sitegen.seeds import find_seed_paths, read_seeds

REPO = Path(__file__).resolve().parents[1]


def _cutter(calls: list[str]):
    def cut(text: str) -> list[str]:
        calls.append(text)
        return list(text)

    return cut


def test_kept_cuts_answer_line_by_line_and_cut_what_they_lack():
    calls: list[str] = []
    kept = KeptCuts(_cutter(calls))
    kept.keep("甲乙\n丙\n\n丁戊", ["甲乙", "\n", "丙", "\n", "\n", "丁", "戊"])
    assert kept.cut("甲乙") == ["甲乙"] and kept.cut("丙") == ["丙"] and kept.cut("丁戊") == ["丁", "戊"]
    assert calls == []
    assert kept.cut("己庚") == ["己", "庚"] and calls == ["己庚"]


def test_a_line_break_the_segmenter_joined_to_a_carriage_return_still_splits_the_lines():
    calls: list[str] = []
    kept = KeptCuts(_cutter(calls))
    kept.keep("甲\r\n乙", ["甲", "\r\n", "乙"])
    assert kept.cut("甲\r") == ["甲", "\r"] and kept.cut("乙") == ["乙"] and calls == []


def test_a_text_holding_the_separator_is_not_kept_and_clear_forgets():
    calls: list[str] = []
    kept = KeptCuts(_cutter(calls))
    kept.keep("甲\x00乙", ["甲", "\x00", "乙"])
    assert len(kept) == 0
    kept.keep("丙丁", ["丙丁"])
    assert len(kept) == 1
    kept.clear()
    assert len(kept) == 0 and kept.cut("丙丁") == ["丙", "丁"] and calls == ["丙丁"]


def test_the_gloss_files_take_groupings_cuts_and_come_out_the_same(monkeypatch):
    """After grouping has cut the seeds' articles, making their gloss files cuts nothing
    again, and every file is the one a writer cutting for itself makes."""
    taxonomy = load_taxonomy(REPO / "themes.toml", REPO / "dictionary")
    seeds = read_seeds(find_seed_paths(REPO / "seeds")).seeds
    articles = [a for seed in seeds for a in parse_seed(seed).articles]
    analyzer = analyzer_for(taxonomy)
    own = gloss_writer(taxonomy)
    own.segment = analyzer.tokenizer.cut  # cutting every text itself
    fresh = [own.made(a) for a in articles]
    writer = gloss_writer(taxonomy)
    split_words(articles, taxonomy, {})
    assert len(analyzer.kept) > 0
    cuts: list[str] = []
    cut = analyzer.kept._cut
    monkeypatch.setattr(analyzer.kept, "_cut", lambda text: cuts.append(text) or cut(text))
    assert [writer.made(a) for a in articles] == fresh
    texts = {t for a in articles for b in article_blocks(a).values() for t in (b if isinstance(b, list) else [b])}
    assert cuts == [] and len(texts) > 100
    writer.release_cuts()
    assert len(analyzer.kept) == 0
