"""A group of headlines printed together counts the stories of the stretch it closes
(sitegen/parse/grouped.py, issue 18 kind 2): two stories about related things run
together at a finished sentence and a blank line, with no clear shift of words between
them, are cut where the group's left-over headline and the body's own headline divide
the body between them."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, parse_conserved, story

MARKET = ["春茶上市以来，茶叶市场交易活跃，春茶收购价格稳中有升，茶农收入明显增加。",
          "市场监管部门加强价格巡查，督促茶叶经营户明码标价，春茶价格保持平稳。",
          "业内人士预计，随着名优茶陆续上市，春茶价格还将稳中有升，茶叶市场供应充足。"]
TOUR = ["春茶上市，茶叶市场交易活跃，不少游客走进茶园，跟着茶农采茶制茶。",
        "当地把茶园变成景区，修建观光步道和民宿，茶旅融合让茶农收入明显增加。",
        "今年以来，茶园接待游客比去年多三成，茶叶也卖上了好价格。"]
HEAD_MARKET = "春茶价格稳中有升\n●本报记者 李明"
HEAD_TOUR = "茶园变景区 游客采茶乐\n●本报记者 王芳"


def _page(group: list[str]) -> str:
    """The market story and the tea-garden story printed one after the other (no headline
    between them), the port story, then a group of headlines; the snow story after it,
    its headline after it."""
    return "\n\n".join([story(MARKET), "\n\n".join(TOUR), story(PORT), *group,
                        story(SNOW), "牧区降雪牧民忙储草"]) + "\n"


def _articles(text: str) -> list[tuple[str | None, str]]:
    return [(a.headline, a.blocks[0].text[:6]) for a in parse_conserved(text).articles]


def test_a_group_of_headlines_after_its_stories_cuts_two_stories_run_together():
    got = _articles(_page([HEAD_MARKET, HEAD_TOUR, "口岸通关效率持续提升"]))
    assert got == [("春茶价格稳中有升", "春茶上市以来"), ("茶园变景区 游客采茶乐", "春茶上市，茶"),
                   ("口岸通关效率持续提升", "口岸海关数据"), ("牧区降雪牧民忙储草", "入冬以来，牧")]


def test_the_tea_garden_story_keeps_its_paragraphs():
    arts = parse_conserved(_page([HEAD_MARKET, HEAD_TOUR, "口岸通关效率持续提升"])).articles
    tour = next(a for a in arts if a.headline == "茶园变景区 游客采茶乐")
    assert [b.text for b in tour.blocks if b.kind == "paragraph"] == TOUR


def _two_group_page(tour_head: str) -> str:
    """The market and tea-garden stories run together, then only their two headline
    blocks; the port story after them, its headline after it."""
    return "\n\n".join([story(MARKET), "\n\n".join(TOUR), HEAD_MARKET, tour_head,
                        story(PORT), "口岸通关效率持续提升"]) + "\n"


def test_a_left_over_headline_closed_by_its_byline_counts_with_one_other_headline():
    # (an author line under a headline, naming no reporter, stays with that headline)
    got = _articles(_two_group_page("茶园变景区 游客采茶乐\n●王芳"))
    assert got == [("春茶价格稳中有升", "春茶上市以来"), ("茶园变景区 游客采茶乐", "春茶上市，茶"),
                   ("口岸通关效率持续提升", "口岸海关数据")]


def test_two_lines_without_a_byline_next_to_the_one_headline_do_not_cut_the_story():
    # (printed over the headline of the story before them, such lines may be its kicker)
    arts = parse_conserved(_two_group_page("茶园变景区\n游客采茶乐")).articles
    assert len(arts) == 2
    assert [b.text for b in arts[0].blocks if b.kind == "paragraph"][-1] == TOUR[-1]
