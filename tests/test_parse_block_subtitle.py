"""A headline block printed apart from its bodies (issue 18): a line opened by a dash is
the subtitle of the headline line above it, never the first line of the next article's
headline, and a line left open by its punctuation (、，：) runs on into the next, when the
block's lines are aligned with the bodies in order; a byline in the block closes only the
headline printed right above it."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


def _datelined(paras: list[str]) -> list[str]:
    """The story with a dateline in front of its first paragraph: a body printed right after
    another one starts there (the block alignment below is what the tests are about)."""
    return ["本报讯 " + paras[0]] + paras[1:]


def test_a_dash_line_in_a_headline_block_stays_the_subtitle_of_the_line_above() -> None:
    # all headlines printed together at the page's end, in the bodies' order; a line
    # opened by a dash is a subtitle, never the start of the next article's headline,
    # even when its words fit the next body better
    text = (_wrapped(TEA) + "\n\n" + _wrapped(_datelined(PORT)) + "\n\n" + _wrapped(_datelined(SNOW))
            + "\n\n春茶上市 茶农忙着采摘新茶 春茶价格稳中有升\n——货运量增长\n牧民储备草料转场有序\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert (arts[0].headline, arts[0].subtitle) == ("春茶上市 茶农忙着采摘新茶 春茶价格稳中有升", "——货运量增长")


def test_a_block_line_left_open_by_its_punctuation_runs_on_into_the_next_line() -> None:
    # the subtitle's first line ends on 、: its second line is no headline of its own,
    # even when its words fit the next body
    text = (_wrapped(TEA) + "\n\n" + _wrapped(_datelined(PORT)) + "\n\n" + _wrapped(_datelined(SNOW))
            + "\n\n春茶上市 茶农忙着采摘新茶 春茶价格稳中有升\n——茶叶市场交易活跃、\n口岸货运量增长\n"
            + "牧民储备草料转场有序\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert arts[0].subtitle is not None and arts[0].subtitle.endswith("口岸货运量增长")
    assert arts[1].headline != "口岸货运量增长"


def test_a_byline_in_a_headline_block_closes_only_the_last_headline_above_it() -> None:
    # fewer headline groups than bodies: the lines of a group closed by a byline are
    # several headlines printed together, and the byline belongs to the last of them
    text = (_wrapped(TEA) + "\n\n" + _wrapped(_datelined(PORT)) + "\n\n" + _wrapped(_datelined(SNOW))
            + "\n\n春茶上市茶农忙着采摘新茶\n口岸通关效率持续提升\n■记者 张明\n\n牧区降雪 牧民储备草料\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", "口岸通关效率持续提升", "牧区降雪 牧民储备草料"]
    assert arts[1].byline is not None and "张明" in arts[1].byline
