"""A headline block re-cut to its bodies (``blocksplit.resegment``) never runs one article
on across a body that opens with a dateline (issue 18): a dateline (新华社北京１月２６日电,
本报讯) opens a story and is printed nowhere inside one, however the block's lines count."""
from __future__ import annotations

import pytest
from synthetic_pages import PORT, SNOW, TEA, wrapped
from synthetic_pages import parse_conserved as _parse


@pytest.mark.parametrize("dateline", ["新华社北京１月２６日电（记者王五）", "本报讯 ", "本报广州3月5日讯 "])
def test_a_body_opened_by_a_dateline_is_not_swallowed_by_the_story_above(dateline: str) -> None:
    # four lines in the block for three bodies, the second of them a subtitle printed
    # apart: the block's count would take the first two for two stories
    heads = ["口岸通关效率持续提升", "海关推行智慧通关 外贸企业降本增效", "牧区降雪 牧民储备草料", "千帆竞发正当时"]
    text = (wrapped(TEA) + "\n\n（记者张明）\n\n" + wrapped([dateline + PORT[0], *PORT[1:]]) + "\n\n\n"
            + wrapped(["本报讯 " + SNOW[0], *SNOW[1:]]) + "\n\n" + "\n\n".join(heads) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [len(a.paragraphs) for a in arts] == [3, 3, 2]


def test_without_a_dateline_the_block_still_re_cuts_its_bodies() -> None:
    # the rule is no ban on merging: a body the layout split inside one story (a column
    # break at a paragraph) is joined again when the block holds one headline for it
    heads = ["春茶上市茶农忙着采摘新茶", "牧区降雪 牧民储备草料"]
    text = (wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n\n" + wrapped(TEA[2:]) + "\n\n\n"
            + wrapped(["本报讯 " + SNOW[0], *SNOW[1:]]) + "\n\n" + "\n".join(heads) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], SNOW[0]]
    assert [a.headline for a in arts] == heads
