"""A tight headline block counts its head stacks (issue 18, kind 2): a stack prints at
most a kicker, a headline and a subtitle, so a body given more titles than that by the
block order holds several stories. Two related stories run together (their words do not
change where they meet) are then cut where each stack explains its own part
(sitegen/parse/blocklines.py ``recut_body``)."""
from __future__ import annotations

from synthetic_pages import PORT, parse_conserved, wrapped
from test_parse_grouped_count import MARKET, TOUR  # (two related tea stories)


def _page(block: list[str]) -> str:
    """``block`` printed tight at the page's top, then the market story with the tea-garden
    story run into it (no dateline, no headline between them), then the port story."""
    glued = wrapped(["本报讯 " + MARKET[0], *MARKET[1:], *TOUR])
    return "\n".join(block) + "\n\n" + glued + "\n\n" + wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n"


STACKS = ["一线观察", "春茶价格稳中有升", "监管部门加强价格巡查", "茶旅融合新图景", "茶园变景区 游客采茶乐",
          "口岸通关效率持续提升"]


def test_two_stacks_given_to_one_body_cut_two_related_stories_apart() -> None:
    arts = parse_conserved(_page(STACKS)).articles
    assert [a.paragraphs[0][:6] for a in arts] == [MARKET[0][:6], TOUR[0][:6], PORT[0][:6]]
    assert "春茶价格稳中有升" in (arts[0].headline or "")
    assert "茶园变景区" in (arts[1].headline or "")
    assert [p for p in arts[1].paragraphs] == TOUR


def test_one_stack_of_three_titles_keeps_its_story_whole() -> None:
    # kicker, headline and subtitle over the tea stories: one stack, the words go on, no cut
    arts = parse_conserved(_page(["春茶价格稳中有升", "茶园变景区 游客采茶乐", "茶农收入明显增加",
                                  "口岸通关效率持续提升"])).articles
    assert len(arts) == 2
