"""A round-up's dispatches on a page that prints its headlines together (issue 18): the
headlines of one block each head one story, so when they are fewer than the bodies the page
holds (not continued from elsewhere), a dated text printed right under an open story, under
no headline of its own, is that story's next dispatch (sitegen/parse/dispatches.py). With as
many headlines as bodies, the block's count says each dated text is a story of its own; and
nothing printed near the two tells them apart, so the story above must open with a dateline
naming the dispatch's day (a day's round-up gathers that day's dispatches)."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

OPENING = "中新社杭州３月５日电（记者 陈静）"
DISPATCH = "浙江日报温州３月５日讯（记者 刘洋）西湖龙井茶园里，茶农抢抓晴好天气采摘春茶，茶叶收购价格平稳。"
TEA_HEAD = "茶叶订单增加 茶旅融合带动消费"
PORT_HEAD = "口岸通关效率持续提升 外贸企业降本增效"


def page(heads: list[str], opening: str = OPENING) -> str:
    """TEA and a dispatch, then PORT (a story of the paper's own, 本报讯), in a column 15
    wide, under a closing block."""
    tea = wrapped([opening + TEA[0], *TEA[1:], DISPATCH], 15)
    port = wrapped(["本报讯　" + PORT[0], *PORT[1:]], 15)
    return tea + "\n\n\n" + port + "\n\n\n" + "\n\n".join(heads) + "\n"


def _paras(art) -> list[str]:
    return ["".join(b.text.split()) for b in art.blocks if b.kind == "paragraph"]


def test_dispatches_join_their_story_when_the_block_counts_fewer_headlines() -> None:
    arts = _parse(page([TEA_HEAD, PORT_HEAD])).articles
    assert [a.headline for a in arts] == [TEA_HEAD, PORT_HEAD]
    assert _paras(arts[0]) == [*TEA, "".join(DISPATCH.split())]
    assert arts[0].dateline == "中新社杭州３月５日电"
    assert _paras(arts[1]) == PORT and arts[1].dateline == "本报讯"


def test_a_dated_text_with_a_headline_of_its_own_in_the_block_stays_apart() -> None:
    heads = [TEA_HEAD, "温州龙井春茶开采 茶农采摘忙", PORT_HEAD]
    arts = _parse(page(heads)).articles
    assert len(arts) == 3 and arts[1].dateline == "浙江日报温州３月５日讯"


def test_a_dated_text_under_a_story_naming_no_day_stays_apart() -> None:
    arts = _parse(page([TEA_HEAD, PORT_HEAD], opening="")).articles
    assert len(arts) == 3 and arts[1].dateline == "浙江日报温州３月５日讯"
