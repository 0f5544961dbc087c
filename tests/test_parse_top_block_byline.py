"""Headlines printed together at the top of a page, the first closed by its author line
(issue 18): a short line printed under that byline, with no sentence in it and narrower
than the column, is the next story's headline. Before, it was read as the first
paragraph of the story below (or as the first head's series label), so the second story
went without its headline."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA, parse_conserved, wrapped


def _articles(text: str) -> list[tuple]:
    return [(a.headline, a.byline, a.paragraphs[0][:4]) for a in parse_conserved(text).articles]


@pytest.mark.parametrize("byline", ["●王明", "■ 本报记者 王明", "■王明 李华"])
@pytest.mark.parametrize("second", ["口岸通关效率提升", "口岸外贸企业降本增效"])
def test_a_line_under_the_first_heads_byline_heads_the_second_story(byline: str, second: str) -> None:
    text = "春茶价格稳中有升\n" + byline + "\n" + second + "\n\n" + wrapped(TEA, 18) + "\n\n" \
        + wrapped(PORT, 18) + "\n"
    name = byline.lstrip("●■ ")
    assert _articles(text) == [("春茶价格稳中有升", name, "春茶上市"), (second, None, "口岸海关")]


def test_the_first_paragraph_under_a_byline_stays_the_story_text() -> None:
    """A paragraph printed under the byline has sentences: it is the story's text."""
    text = "春茶价格稳中有升\n■ 本报记者 王明\n" + wrapped(TEA, 18) + "\n\n" + wrapped(PORT, 18) + "\n"
    arts = _articles(text)
    assert arts[0] == ("春茶价格稳中有升", "本报记者 王明", "春茶上市")
    assert sum(len(a.paragraphs) for a in parse_conserved(text).articles) == len(TEA) + len(PORT)


@pytest.mark.parametrize("label", ["时评", "社论", "  短评"])
def test_a_label_printed_over_the_page_keeps_the_block_at_the_top(label: str) -> None:
    """A column name printed alone over the page (时评, 社论, indented or not) is no story:
    the head block under it still opens the page, and the line under its byline is the next
    story's headline (before, only the page's very first block was read so)."""
    text = label + "\n\n春茶价格稳中有升\n●王明\n口岸通关效率提升\n\n" + wrapped(TEA, 18) + "\n\n" \
        + wrapped(PORT, 18) + "\n"
    assert _articles(text) == [("春茶价格稳中有升", "王明", "春茶上市"), ("口岸通关效率提升", None, "口岸海关")]


def test_a_line_under_a_byline_after_a_story_stays_prose() -> None:
    """Below a story the page is no longer at its top: a short line under the next head's
    byline is that story's text, as before."""
    text = wrapped(TEA, 18) + "\n\n口岸外贸企业降本增效\n●王明\n口岸通关效率提升\n\n" + wrapped(PORT, 18) + "\n"
    heads = [a.headline for a in parse_conserved(text).articles]
    assert "口岸通关效率提升" not in heads
