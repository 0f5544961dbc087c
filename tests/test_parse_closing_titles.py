"""The page's headlines printed together at its end, in a tight block of title lines with
no sentence in them (block_tight, head_block_end; issue 18): the block is the page's
headlines (``block_titles.mark_closing_titles``), not a story of its own. Read as a body,
it gave none of its headlines to the stories above it and was counted as one more
article, made of headlines."""
from __future__ import annotations

import relayout
from synthetic_pages import parse_conserved as _parse

from sitegen.parse.block_titles import mark_closing_titles
from sitegen.parse.blocks import Element
from sitegen.parse import lines as L


def _chunk(texts: list[str]) -> Element:
    return Element("chunk", [L.Line(k + 1, t) for k, t in enumerate(texts)])


def test_a_last_block_without_a_sentence_is_titles() -> None:
    block = [_chunk(["以新发展理念推动高质量发展", "在新起点上全力把对口援疆做得更好",
                     "——出席对口支援工作座谈会并看望慰问"])]
    mark_closing_titles(block, [])
    assert block[0].kind == "title"


def test_a_last_block_with_a_sentence_or_of_two_lines_stays_text() -> None:
    for texts in (["以新发展理念推动高质量发展", "在新起点上全力把对口援疆做得更好。", "出席座谈会"],
                  ["以新发展理念推动高质量发展", "在新起点上全力把对口援疆做得更好"]):
        block = [_chunk(texts)]
        mark_closing_titles(block, [])
        assert block[0].kind == "chunk"


def test_a_last_block_under_text_going_on_stays_text() -> None:
    # a story cut off at a column break above the block may go on in it
    above = [_chunk(["对口援疆干部人才代表在座谈会上", "交流了各自的工作体会，大家表示"])]
    block = [_chunk(["以新发展理念推动高质量发展", "在新起点上全力把对口援疆做得更好",
                     "出席对口支援工作座谈会并看望慰问"])]
    mark_closing_titles(block, above)
    assert block[0].kind == "chunk"
    above[0].lines[-1:] = [L.Line(2, "交流了各自的工作体会。（下转第4版）")]
    mark_closing_titles(block, above)
    assert block[0].kind == "title"


def test_a_generated_page_with_its_headlines_in_a_tight_closing_block() -> None:
    # rng 22, page 33 (a tuning set of bench/parse_eval.py): the block under the last
    # story's 下转 marker holds three stories' kicker / headline / subtitle lines
    page = relayout.make_pages(34, 22, relayout.load_stories(), harsh=True)[33]
    arts = _parse(page.text).articles
    heads = ["".join(x or "" for x in (a.kicker, a.headline, a.subtitle)) for a in arts]
    assert not any(a.paragraphs[0].startswith("以新发展理念推动高质量发展") for a in arts)
    assert sum("以新发展理念推动高质量发展" in h for h in heads) == 1
    assert sum("在新起点上全力把对口援疆做得更好" in h for h in heads) == 1
