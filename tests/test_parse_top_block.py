"""A tight block of headlines at the page's top (issue 18, kind 2): lines set well short of
the column, ending no sentence, right above a byline or a dateline, are headlines even when
commas and 、 fill them and the block is long; prose wrapped in the column at the page's top
(the rest of a story from another page) stays prose."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 24) -> str:
    """Paragraphs hard-wrapped at ``width`` characters, a blank line between them."""
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


BLOCK = ["【今日关注】",
         "春茶上市，茶农忙着采摘新茶", "茶叶市场交易活跃、春茶价格稳中有升", "茶企订单增加，茶农收入明显增加",
         "口岸通关效率持续提升", "海关推行智慧通关模式", "货车排队时间缩短，外贸企业降本增效",
         "牧区降雪，牧民转场有序进行", "兽医走村入户、接种疫苗，帮助牧民防寒保暖"]


def test_a_long_top_block_with_commas_over_a_byline_is_the_pages_headlines() -> None:
    # ten lines, six clause marks, all much shorter than the 24-wide column: no prose
    # stops short line after line, and a byline opens a story, so nothing runs on into it
    text = ("\n".join(BLOCK) + "\n\n■本报记者 王小明\n本报北京7月1日电\n\n"
            + "\n\n".join(_wrapped(s) for s in (TEA, PORT, SNOW)) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert (arts[0].headline or "").startswith("春茶上市")
    assert (arts[1].headline or "").startswith("口岸通关效率持续提升")
    assert (arts[2].headline or "").startswith("牧区降雪")


def test_prose_filling_the_column_at_the_pages_top_stays_prose() -> None:
    # the rest of a story from another page, wrapped in the column and cut open inside a
    # word by a column break, right over a dateline: full lines, so no headline block
    rest = ("当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费，"
            "茶叶市场交易活跃，茶企订单比去年多，茶农收入明显增加，春茶价格稳中")
    text = _wrapped([rest]) + "\n\n本报讯 " + _wrapped(PORT) + "\n"
    result = _parse(text)
    assert not any(a.headline and "春茶" in a.headline for a in result.articles)
    assert any(rest[:10] in p for a in result.articles for p in a.paragraphs)


def test_a_headline_wider_than_the_story_below_it_after_the_pages_first_headline_is_one() -> None:
    # under a section name and a first headline, three open lines, the first two wider
    # than the 17-wide column of the story below, right over its dateline: a headline set
    # across columns, not prose (prose wrapped in that column is never wider than it)
    port = _wrapped(["本报讯" + PORT[0], *PORT[1:]], 17)
    tea = _wrapped(["本报讯" + TEA[0], *TEA[1:]], 17)
    head = ["口岸海关推行智慧通关让货车排队时间缩短", "外贸企业降本增效通关效率持续稳步提升",
            "一季度进出口货物运量同比增长"]
    text = ("综合新闻\n\n\n春茶上市茶农忙着采摘新茶\n\n" + "\n".join(head) + "\n\n"
            + port + "\n\n" + tea + "\n")
    arts = _parse(text).articles
    assert len(arts) == 2
    assert arts[0].paragraphs[0].endswith(PORT[0][4:]) and arts[1].paragraphs[0].endswith(TEA[0][4:])
    assert (arts[0].headline or "").startswith(head[0])
    assert arts[1].headline == "春茶上市茶农忙着采摘新茶"
