"""A box's label run on into its first sentence (sitegen/parse/box_labels.py): 链接：……,
【相关链接】……, ■背景资料：…… open a paragraph of the story the box stands by, even under the
story's closing credit; no story starts there. Forms of other papers than the generator's."""
from __future__ import annotations

import pytest

from sitegen.parse.box_labels import opens_box
from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse

BACKGROUND = "我国是茶叶生产大国，茶园面积和茶叶产量多年位居世界前列。"


@pytest.mark.parametrize("label", ["链接：", "相关链接：", "【相关链接】", "■背景资料：", "〖小贴士〗",
                                   "［名词解释］", "延伸阅读:", "◆新闻背景："])
def test_labels_run_on_in_the_forms_papers_print(label) -> None:
    assert opens_box(label + BACKGROUND)


@pytest.mark.parametrize("text", ["链接是指网页之间的跳转。", "背景下，各地加快发展。", "小知识大用处，群众点赞。",
                                  "相关链接", "新闻报道显示，茶价平稳。"])
def test_prose_and_a_label_alone_open_no_box(text) -> None:
    assert not opens_box(text)


@pytest.mark.parametrize("label", ["链接：", "【相关链接】", "■背景资料："])
def test_a_box_under_the_story_s_credit_is_the_story_s(label) -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", "本报讯 " + TEA[0], *TEA[1:], "（记者 王伟）",
                        label + BACKGROUND, "口岸通关效率持续提升", *PORT]) + "\n"
    arts = _parse(text).articles
    assert [a.headline for a in arts] == ["茶叶订单增加 茶旅融合带动消费", "口岸通关效率持续提升"]
    assert arts[0].paragraphs == [*TEA, label + BACKGROUND] and arts[1].paragraphs == PORT
