"""A title ending on a verb that announces a statement (…会议上强调, …批示指出, …时说) is the
kicker over the headline printed under it, which says what was stated (issue 18). No
headline ends on 强调 or 指出, so the two are one head even with a blank line between them.
Before, the two titles were read as two heads when each matched its own part of the story
(the kicker the occasion, the headline the message): the story was cut in two between
them, or the headline was left over."""
from __future__ import annotations

import pytest

from synthetic_pages import TEA, parse_conserved, story

FARM = ["市里昨天召开全市春耕生产会议，市委书记出席会议并讲话，各区县负责人参加。",
        "会议总结去年春耕生产工作，通报各区县备耕进度，部署今年重点任务。",
        "书记说，要稳定粮食播种面积，良种化肥供应要充足，农机检修要到位。",
        "高标准农田建设要加快，粮食播种面积只增不减，确保粮食生产稳定。"]

HEADLINE = "稳定粮食播种面积"


def _articles(text: str) -> list[tuple]:
    return [(a.kicker, a.headline, len(a.paragraphs), a.paragraphs[0][:4])
            for a in parse_conserved(text).articles]


@pytest.mark.parametrize("kicker", ["市委书记在全市春耕生产会议上强调", "市委书记对全市春耕生产会议批示指出",
                                    "市委书记在全市春耕生产会议上讲话时要求"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_statement_kicker_after_its_story_heads_it_with_its_headline(kicker: str, gap: str) -> None:
    """Headlines printed after their stories, each closed by its byline."""
    text = story(FARM) + "\n\n" + kicker + gap + HEADLINE + "\n■ 本报记者 王明\n\n" \
        + story(TEA) + "\n\n春茶价格稳中有升\n■ 本报记者 李华\n"
    assert _articles(text) == [(kicker, HEADLINE, 4, "市里昨天"), (None, "春茶价格稳中有升", 3, "春茶上市")]


@pytest.mark.parametrize("kicker", ["市委书记在全市春耕生产会议上强调", "市委书记对全市春耕生产会议批示指出"])
def test_a_statement_kicker_in_a_group_of_headlines_stays_with_its_headline(kicker: str) -> None:
    """The two stories' heads printed together after them, blank lines between all titles."""
    text = story(FARM) + "\n\n" + story(TEA) + "\n\n" + kicker + "\n\n" + HEADLINE + "\n\n春茶价格稳中有升\n"
    assert sorted(_articles(text), key=str) == sorted(
        [(kicker, HEADLINE, 4, "市里昨天"), (None, "春茶价格稳中有升", 3, "春茶上市")], key=str)


def test_a_title_not_announcing_a_statement_heads_its_own_story() -> None:
    """Two one-line heads printed together, the first ending on an ordinary word: two
    stories, each with its own headline."""
    text = story(FARM) + "\n\n" + story(TEA) + "\n\n全市春耕生产会议召开\n\n春茶价格稳中有升\n"
    assert sorted(_articles(text), key=str) == sorted(
        [(None, "全市春耕生产会议召开", 4, "市里昨天"), (None, "春茶价格稳中有升", 3, "春茶上市")], key=str)
