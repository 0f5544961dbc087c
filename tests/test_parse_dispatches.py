"""A round-up's dispatches (sitegen/parse/dispatches.py): a text opened by a bureau's dateline
in the run of a story, under no headline and no 上接 marker, is the story's next dispatch; a
dated text under a story its credit closed, or one continued from another page, is not."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

DISPATCH = "本报杭州3月5日电（记者 陈静）西湖龙井茶园里，茶农抢抓晴好天气采摘春茶，茶叶收购价格平稳。"
DISPATCH2 = "新华社福州3月5日电　安溪茶企加快春茶加工，茶叶订单排到了下月，茶农采茶忙。"


def page(*tea_after: str) -> str:
    """TEA (and what follows it) and PORT, wrapped in a column 15 wide, each under its
    headline (wider than the column)."""
    tea = wrapped(["本报讯 " + TEA[0], *TEA[1:], *tea_after], 15)
    return "茶叶订单增加 茶旅融合带动消费\n\n" + tea + "\n\n口岸通关效率持续提升 外贸企业降本增效\n\n" \
        + wrapped(PORT, 15) + "\n"


def test_dispatches_under_a_round_up_s_headline_are_its_paragraphs() -> None:
    arts = _parse(page(DISPATCH, DISPATCH2)).articles
    assert [a.headline for a in arts] == ["茶叶订单增加 茶旅融合带动消费", "口岸通关效率持续提升 外贸企业降本增效"]
    assert arts[0].paragraphs == [*TEA, DISPATCH, DISPATCH2]
    assert arts[0].dateline == "本报讯"


def test_a_dated_text_under_a_story_its_credit_closed_is_not_a_dispatch() -> None:
    arts = _parse(page("（记者 王伟）", DISPATCH)).articles
    assert arts[0].paragraphs == TEA and arts[0].byline == "记者 王伟"
    assert any(a.paragraphs[:1] == [DISPATCH.split("）", 1)[1]] for a in arts[1:])
