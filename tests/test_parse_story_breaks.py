"""Where one story ends and the next begins without a headline between them (issue 18):
a page's section name printed between two bodies (综合新闻, 国际新闻) heads the stories
after it and is never a subhead of the story above; a story whose text ends on a 下转
marker goes on on another page, so the text after the picture printed under it is
another story's."""
from __future__ import annotations

import pytest
from synthetic_pages import PORT, SNOW, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

# a second story on the first one's subject (tea): the words do not change where they meet
TEA2 = ["茶叶电商平台数据显示，春茶上市后线上茶叶订单增长，茶企直播带货销量提升。",
        "茶企负责人说，春茶线上销售占比逐年提高，茶农也开始学习直播卖茶。",
        "业内人士认为，茶叶品牌建设仍需加强，茶企应提升春茶品质和服务。"]


@pytest.mark.parametrize("section", ["国际新闻", "经济·社会", "综合新闻"])
def test_a_section_name_between_two_bodies_starts_the_next_story(section: str) -> None:
    # bodies first, their headlines grouped after them; the section name is no subhead
    text = (wrapped(["本报讯 " + TEA[0], *TEA[1:]]) + "\n\n" + section + "\n\n" + wrapped(PORT) + "\n\n\n"
            + wrapped(SNOW) + "\n\n春茶上市茶农忙着采摘新茶\n\n口岸通关效率持续提升\n\n牧区降雪 牧民储备草料\n")
    result = _parse(text)
    arts = result.articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", "口岸通关效率持续提升", "牧区降雪 牧民储备草料"]
    assert all(section not in a.paragraphs and section not in a.subheads for a in arts)
    assert [x.text for x in result.leftovers] == [section]


def test_a_subhead_phrase_of_the_story_stays_inside_it() -> None:
    text = ("春茶上市茶农忙着采摘新茶\n\n" + wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n茶旅融合带动消费\n\n"
            + wrapped(TEA[2:]) + "\n")
    arts = _parse(text).articles
    assert len(arts) == 1 and arts[0].paragraphs[-1] == TEA[2]


@pytest.mark.parametrize("marker,caption", [
    ("（下转第8版）", "■图为茶农在茶园采茶。 本报记者 李明 摄"),
    ("（下转第二版）", "▲图为茶叶展销现场。 新华社记者 王五 摄"),
])
def test_text_after_a_jump_marker_and_a_picture_is_another_story(marker: str, caption: str) -> None:
    # two stories on one subject under a block of headlines: only the 下转 line says
    # that the first one ends there
    text = ("春茶上市茶农忙着采摘新茶\n春茶线上订单增长 茶企直播带货\n牧区降雪 牧民储备草料\n\n"
            + wrapped(["本报讯 " + TEA[0], TEA[1], TEA[2] + marker]) + "\n\n" + caption + "\n\n"
            + wrapped(TEA2) + "\n\n\n" + wrapped(SNOW) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], TEA2[0], SNOW[0]]
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", "春茶线上订单增长 茶企直播带货", "牧区降雪 牧民储备草料"]


def test_a_picture_between_two_paragraphs_of_one_story_leaves_it_whole() -> None:
    text = ("春茶上市茶农忙着采摘新茶\n\n" + wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n"
            "■图为茶农在茶园采茶。 本报记者 李明 摄\n\n" + wrapped(TEA[2:]) + "\n")
    arts = _parse(text).articles
    assert len(arts) == 1 and arts[0].paragraphs == TEA
