"""A bare-name author line printed tight under a headline (「□周德武」) belongs to that
headline's story, wherever the headline is printed (issue 18). Small hand-written pages."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse

PORT_DATED = ["新华社北京1月2日电（记者 王鹏）" + PORT[0], *PORT[1:]]


@pytest.mark.parametrize("line,name", [("□周德武", "周德武"), ("本报评论员", "本报评论员")])
def test_a_name_under_a_headline_printed_after_its_story_stays_with_that_headline(line: str, name: str) -> None:
    # every headline printed after its story; the name under the first one is its author,
    # not a second byline of the dispatch printed below it
    text = "\n\n".join([*TEA, "茶叶订单增加 茶旅融合带动消费\n" + line, *PORT_DATED, "口岸通关效率持续提升"]) + "\n"
    result = _parse(text)
    arts = result.articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert arts[0].headline == "茶叶订单增加 茶旅融合带动消费" and arts[0].byline == name
    assert arts[1].byline == "记者 王鹏"
    assert not [x for x in result.leftovers if name in x.text]


def test_a_name_under_a_headline_printed_before_its_story_is_its_byline() -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费\n□周德武", *TEA, "口岸通关效率持续提升\n进出口货运量同比增长",
                        *PORT_DATED]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs for a in arts] == [TEA, PORT]
    assert arts[0].byline == "周德武" and arts[1].byline == "记者 王鹏"


def test_a_credit_set_apart_from_the_headline_above_opens_the_story_below() -> None:
    # a blank line between them: the role byline is the story below's, the headline above
    # closes the story before it
    text = "\n\n".join([*TEA, "茶叶订单增加 茶旅融合带动消费", "■ 本报记者 王鹏", *PORT, "口岸通关效率持续提升"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert arts[1].byline == "本报记者 王鹏" and arts[0].byline is None
