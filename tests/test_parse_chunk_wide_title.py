"""Lines with no clause mark running past the column, between stories: a headline (and
its subtitle) set wider than the column, not a paragraph (issue 18, kind 4)."""
from __future__ import annotations

from sitegen.parse.blocks import build_elements

COLUMN = ["春茶上市以来，茶企负责人", "说今年品质比往年更好，订", "单也比去年多了不少，外地", "客商纷纷上门采购新茶。"]
NEXT = ["口岸推行智慧通关以来，货", "车通关时间缩短了一半，企", "业减少了不少等待的成本。"]


def _kinds(block: list[str]) -> dict[str, str]:
    # a story, the headline printed after it (a line of its own), then these lines over a
    # byline and the next story
    text = "\n\n".join(["\n".join(COLUMN), "\n".join(COLUMN), "春茶市场升温茶企加快北上步伐", "\n".join(block),
                        "■本报记者 张三", "\n".join(NEXT)])
    return {el.text: el.kind for el in build_elements(text + "\n")}


def test_lines_past_the_column_without_a_clause_mark_are_a_title() -> None:
    # one line as wide as the column, two past it, all alike: no other rule reads it so
    block = ["口岸推行智慧通关成效明显", "货车通关时间缩短一半企业成本下", "降外地客商纷纷点赞智慧口岸建设"]
    assert _kinds(block)["".join(block)] == "title"


def test_lines_past_the_column_with_clause_marks_are_prose() -> None:
    block = ["口岸推行智慧通关成效明显", "货车通关时间缩短，企业成本下，", "降外地客商纷纷点赞，智慧口岸建设"]
    assert _kinds(block)["".join(block)] == "para"
