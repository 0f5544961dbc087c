"""A headline printed before its body, between two stories of a page (issue 18,
sitegen/parse/oneliners.py ``heads_story_below``): a line ending open, set wider than the
column of the text under it, with no clause mark, sharing words with the text under it
and none with the text above, opens a new story; a line as wide as the column, or one
with a clause mark, is the first line of a paragraph."""
from __future__ import annotations

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

COLUMN = 12


def _wrapped(paras: list[str]) -> str:
    return wrapped(paras, COLUMN)


def _page(line: str, below: list[str], above: list[str] = TEA) -> str:
    return "春茶品质好茶农收入增\n\n本报讯\n" + _wrapped(above) + "\n\n" + line + "\n\n" + _wrapped(below) + "\n"


def test_a_line_wider_than_the_column_sharing_words_only_below_opens_a_story() -> None:
    head = "口岸推行智慧通关外贸企业降本增效"  # 16 wide over a 12-wide column
    arts = _parse(_page(head, PORT)).articles
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", head]
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]


def test_the_same_words_as_wide_as_the_column_are_a_column_break() -> None:
    line = "口岸推行智慧通关外贸企业"  # exactly one column line: the first line of a paragraph
    arts = _parse(_page(line, PORT)).articles
    assert line not in [a.headline for a in arts]
    assert any(p.startswith(line + PORT[0]) for a in arts for p in a.paragraphs)


def test_a_wide_line_with_a_clause_mark_is_no_headline() -> None:
    line = "口岸推行智慧通关，外贸企业降本增效"  # prose: the first line of a paragraph
    arts = _parse(_page(line, PORT)).articles
    assert line not in [a.headline for a in arts]
    assert any(p.startswith(line + PORT[0]) for a in arts for p in a.paragraphs)
