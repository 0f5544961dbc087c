"""The last line of a block of headlines printed over the page's stories (issue 18): a line
ending open, with no clause mark, set wider than the column of the paragraph under it, is
one of the headline lines above it, not the first line of that paragraph."""
from __future__ import annotations

from sitegen.parse import lines as L
from sitegen.parse.blocks import Element
from sitegen.parse.oneliners import resolve_ambiguous, wider_than_below
from sitegen.parse.vocabulary import Vocabulary

from synthetic_pages import SNOW, TEA

COLUMN = 12  # characters a line of the stories' column


def _para(text: str, first: int) -> Element:
    rows = [text[i:i + COLUMN] for i in range(0, len(text), COLUMN)]
    return Element("para", [L.Line(first + k, row) for k, row in enumerate(rows)])


def _elements(last: str, above: str = "title") -> list[Element]:
    top = Element(above, [L.Line(1, "春茶上市茶农增收")])
    return [top, Element("ambiguous", [L.Line(3, last)]), _para(TEA[0], 5), _para(SNOW[0], 12)]


def _resolved(els: list[Element]) -> list[str]:
    resolve_ambiguous(els, Vocabulary(el.text for el in els if el.kind in ("para", "ambiguous")))
    return [el.kind for el in els]


def test_a_wide_open_line_under_headline_lines_is_a_headline_line() -> None:
    # (its words are those of a story further down, not of the paragraph under it)
    assert _resolved(_elements("入冬牧区迎来多次降雪牧民提前储备草料转场有序")) == ["title", "title", "para", "para"]


def test_a_line_no_wider_than_the_column_or_with_a_clause_mark_stays_prose() -> None:
    assert not wider_than_below("牧区迎来多次降雪牧民", _para(TEA[0], 5))
    assert not wider_than_below("入冬以来，牧区迎来多次降雪牧民提前储备草料", _para(TEA[0], 5))
    assert wider_than_below("入冬牧区迎来多次降雪牧民提前储备草料转场有序", _para(TEA[0], 5))


def test_an_open_line_as_narrow_as_the_column_under_headline_lines_stays_prose() -> None:
    # (a paragraph's first line, cut off by a column break under the headline block)
    assert _resolved(_elements("入冬以来牧区迎来多次降")) == ["title", "para", "para", "para"]
