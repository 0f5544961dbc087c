"""Photo captions in forms other than ……摄: opened by what points at the picture (图为, 图②：,
下图：, ▲ with a credit) or closed by a credit that is no photographer's (（中新社发）, 供图,
资料图片, 绘图：…). Printed between two paragraphs of a story, they are leftovers of kind
``caption`` and the story's paragraphs are what they were; prose that merely ends in 发 or
opens with 图 is not read so. Hand-written pages: one paragraph a line and wrapped columns."""
from __future__ import annotations

import pytest

from sitegen.parse.photo_captions import is_other_credit, opens_caption
from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped


def _captions(result) -> list[str]:
    return [x.text for x in result.leftovers if x.kind == "caption"]


@pytest.mark.parametrize("caption", ["图为茶农在茶园里采摘春茶。", "图②：采茶女工在晾晒新茶。",
                                     "下图：茶企工人在分拣茶叶。", "▲4月2日，茶农在采茶。（中新社发）",
                                     "茶农在茶园里采摘春茶。 受访单位供图", "（资料图片）", "绘图：刘洋"])
def test_a_caption_between_paragraphs_is_a_leftover(caption: str) -> None:
    body = story(TEA).split("\n\n")
    text = "\n\n".join(["春茶走俏海外市场", *body[:2], caption, *body[2:], "口岸通关效率持续提升", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert _captions(result) == [caption]
    assert [a.paragraphs for a in result.articles] == [TEA, PORT]


def test_a_wrapped_caption_opened_by_a_pointer() -> None:
    caption = "图为4月2日，茶农在县里的\n高山茶园采摘春茶。"
    body = wrapped(["本报讯 " + TEA[0], *TEA[1:]], 16).split("\n\n")
    text = "\n\n".join(["春茶走俏海外市场", *body[:2], caption, *body[2:]]) + "\n"
    result = parse_conserved(text)
    assert _captions(result) == [caption.replace("\n", "")]
    assert result.articles[0].paragraphs == TEA


def test_prose_ending_in_fa_or_opening_with_tu_is_no_caption() -> None:
    assert not is_other_credit("聚力攻坚突破激发") and not is_other_credit("据新华社发")
    assert not is_other_credit("今年以来，茶叶出口持续发")
    assert is_other_credit("（新华社发）") and is_other_credit("茶农在采茶。 新华社发")
    assert is_other_credit("视觉中国供图") and is_other_credit("制图：王芳")
    assert not opens_caption("图书馆里人头攒动，市民在这里阅读。")
    assert not opens_caption("▲加快建设现代化产业体系。")  # a list item: no credit
    assert opens_caption("图为茶园。") and opens_caption("左图：新茶。") and opens_caption("▲茶园。 本报记者 张三摄")
    para = "图书馆里人头攒动，市民在这里阅读，茶文化展览吸引了不少游客驻足观看。"
    result = parse_conserved("\n\n".join(["春茶走俏海外市场", story([*TEA, para])]) + "\n")
    assert _captions(result) == [] and result.articles[0].paragraphs == [*TEA, para]


def test_a_page_is_searched_once_for_other_credits_and_pointers() -> None:
    from sitegen.parse.photo_captions import page_may_credit, page_may_point
    assert page_may_credit("甲。\n茶园。 新华社发\n") and page_may_credit("（资料图片） \n")
    assert page_may_point("　图为茶园。") and page_may_point("甲\n▲茶园。（新华社发）")
    assert not page_may_credit("经济发展持续向好。\n") and not page_may_point("图书馆里人头攒动。")
