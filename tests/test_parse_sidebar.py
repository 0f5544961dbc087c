"""Sidebars as papers print them (issue 18): after a story, a short box of background under a
fixed heading (背景资料, 名词解释, 相关阅读 …), bare, in brackets or after a bullet, sometimes
with a colon. The heading names a kind of box, never a story: the box belongs to the story
it stands by (its heading a subhead, its paragraphs the story's). Small hand-written pages."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA, story, wrapped
from synthetic_pages import parse_conserved as _parse

LABELS = ["〔背景资料〕", "▲ 资料链接：", "相关阅读:", "●小知识", "［名词解释］", "温馨提示", "★ 数据链接"]


def test_sidebar_labels_in_the_shapes_papers_print_them() -> None:
    from sitegen.parse.lines import is_sidebar_label

    for label in LABELS:
        assert is_sidebar_label(label), label
    # a headline or a sentence that only starts or ends with such words is none
    for not_label in ("相关阅读推广活动启动", "链接世界的桥梁", "背景：春茶上市", "【节日专题】", "小贴士说明了什么？"):
        assert not is_sidebar_label(not_label), not_label


@pytest.mark.parametrize("label", LABELS)
def test_a_sidebar_after_a_story_is_part_of_it(label: str) -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", story(TEA), label, SNOW[0],
                        "口岸通关效率持续提升", story(PORT)]) + "\n"
    arts = _parse(text).articles
    assert [a.headline for a in arts] == ["茶叶订单增加 茶旅融合带动消费", "口岸通关效率持续提升"]
    assert arts[0].paragraphs[-1] == SNOW[0] and arts[0].subheads == [label]
    assert arts[1].paragraphs[-1] == PORT[-1] and len(arts[1].paragraphs) == len(PORT)


def test_a_two_paragraph_sidebar_in_a_wrapped_column_headline_after_the_body() -> None:
    label = "【背景知识】"
    text = "\n\n".join([wrapped(["本报讯 " + TEA[0], *TEA[1:]]), label, wrapped(SNOW),
                        "茶叶订单增加 茶旅融合带动消费", wrapped(["本报讯 " + PORT[0], *PORT[1:]]),
                        "口岸通关效率持续提升"]) + "\n"
    arts = _parse(text).articles
    assert len(arts) == 2 and arts[0].subheads == [label]
    assert arts[0].paragraphs[-2:] == SNOW and len(arts[0].paragraphs) == len(TEA) + 2
    assert arts[1].paragraphs[0].endswith(PORT[0]) and len(arts[1].paragraphs) == len(PORT)
