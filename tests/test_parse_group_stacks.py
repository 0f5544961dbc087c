"""A group of headlines merged by content holds more titles than one head stack prints
(kicker, headline, subtitle): it is two stacks, so the body it heads may be two stories
run together even when one of them is a one-paragraph brief (sitegen/parse/assign.py
``_split_merged_group``, issue 18 kind 2)."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, parse_conserved, story

MARKET = "春茶上市以来，茶叶市场交易活跃，春茶收购价格稳中有升，茶企订单比去年多，茶农收入明显增加。"
TOUR = "不少游客走进茶园，跟着茶农采茶制茶，当地修建观光步道和民宿，茶旅融合带动乡村旅游。"


def _page(group: list[str]) -> str:
    """The port story, then two briefs run together (the second opens with no dateline),
    then the headline group printed after them, a blank line between its titles; the
    snow story after it, its headline after it."""
    return "\n\n".join([story(PORT), "本报讯 " + MARKET, TOUR, "口岸通关效率持续提升", *group,
                        story(SNOW), "牧区降雪牧民忙储草"]) + "\n"


def test_two_stacks_merged_into_one_group_cut_two_briefs_apart() -> None:
    # (each stack: a kicker carrying the story's words over a headline that carries few)
    arts = parse_conserved(_page(["春茶收购价格稳中有升 茶企订单增加", "好日子有奔头", "游客走进茶园跟着茶农采茶制茶",
                                  "茶香里的新生活", "——观光步道和民宿带动乡村旅游"])).articles
    assert [a.paragraphs[0][:6] for a in arts] == [PORT[0][:6], MARKET[:6], TOUR[:6], SNOW[0][:6]]
    assert "春茶收购价格稳中有升" in (arts[1].headline or "") + (arts[1].kicker or "")
    assert "茶香里的新生活" in (arts[2].headline or "")


def test_one_stack_of_three_titles_over_two_paragraphs_stays_one_story() -> None:
    # kicker, headline and subtitle: one stack, so each paragraph matching one of its
    # titles better than the others is no evidence of two stories
    arts = parse_conserved(_page(["春茶收购价格稳中有升 茶企订单增加", "游客走进茶园跟着茶农采茶制茶",
                                  "——观光步道和民宿带动乡村旅游"])).articles
    assert len(arts) == 3
