"""Titles between two reports read by what a report prints (issue 18, the People's Daily
pool's glued stories): a kicker announcing a statement (…座谈时强调) is printed over the
title that says what was stated; a story prints its credit once, after its last sentence;
a line of a column fills the column unless it ends its paragraph; a dated report's subhead
speaks of the report. Other papers' wordings, credits and datelines are varied on purpose."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA, parse_conserved, wrapped


def _bodies(arts) -> list[str]:
    return ["".join(a.paragraphs) for a in arts]


# -- a kicker announcing a statement, over a byline-closed head ------------------------------

@pytest.mark.parametrize("kicker", ["省长在全省春茶生产会议上强调", "农业农村厅负责人批示指出",
                                    "茶叶协会会长接受采访时表示"])
def test_a_statement_kicker_over_a_bylined_head_is_its_kicker(kicker: str) -> None:
    # headlines printed after their bodies: the tea report, its kicker and headline, then the
    # next story's byline and dateline over the port story, its headline after it
    text = "\n\n".join([
        "新华社杭州３月２日电 " + TEA[0], *TEA[1:],
        kicker, "切实抓好春茶生产和销售",
        "■ 本报记者 李明", "本报满洲里３月３日电",
        *PORT, "口岸通关效率持续提升",
    ]) + "\n"
    arts = parse_conserved(text).articles
    tea = next(a for a in arts if TEA[0][:10] in "".join(a.paragraphs))
    assert tea.kicker == kicker and tea.headline == "切实抓好春茶生产和销售"
    assert _bodies(arts)[0].startswith(TEA[0][:10]) and TEA[2][:10] in _bodies(arts)[0]


# -- a title after a paragraph closed by its story's credit -----------------------------------

@pytest.mark.parametrize("credit", ["（陈忠）", "（本报记者 王浦安）", "(李华)"])
def test_a_title_after_a_credit_closed_story_heads_the_next(credit: str) -> None:
    # the title shares no words with either story: only the credit says where the first ends
    text = "\n\n".join(["茶乡春来早", *TEA[:2], TEA[2] + credit, "牧区冬储草料足", *SNOW]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["茶乡春来早", "牧区冬储草料足"]
    assert _bodies(arts)[1].startswith(SNOW[0][:10])


@pytest.mark.parametrize("credit", ["（陈忠）", "(李华)"])
def test_a_subhead_above_the_credit_stays_inside_its_story(credit: str) -> None:
    # the credit closes the story's last paragraph, under the subhead: one story
    text = ("春茶上市茶农忙着采摘新茶\n\n" + wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n茶旅融合带动消费\n\n"
            + wrapped([TEA[2] + credit]) + "\n")
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and arts[0].subheads == ["茶旅融合带动消费"]


# -- a line short of its column ---------------------------------------------------------------

LONG_TEA = [TEA[0] + TEA[1], TEA[2] + "茶企还开设线上店铺，把新茶卖到全国各地，带动茶农增收。"]
LONG_PORT = [PORT[0] + PORT[1], PORT[2] + "口岸还将扩大开放，吸引更多外贸企业落户。"]


@pytest.mark.parametrize("title", ["边境口岸推行智慧通关进出口货运量同比增长", "口岸海关数据显示一季度通关效率持续提升"])
def test_a_line_short_of_both_columns_is_a_title(title: str) -> None:
    # set at 24 characters; the line, all full-width and ending open, stops short of the
    # column above and below: no line of prose (a paragraph's last line ends a sentence, a
    # line cut off by a column break is a full one). Between a report dated at its start and
    # one dated at its end it then heads the second.
    text = ("春茶品质好订单多\n\n" + wrapped(["本报讯 " + LONG_TEA[0], LONG_TEA[1]], 24) + "\n\n" + title + "\n\n"
            + wrapped(LONG_PORT, 24) + "\n\n（新华社满洲里３月３日电）\n")
    arts = parse_conserved(text).articles
    assert len(arts) == 2, [a.headline for a in arts]
    assert arts[1].headline == title and _bodies(arts)[1].startswith(PORT[0][:10])


# -- a title between a report dated at its start and one dated at its end ---------------------

# (opening dateline, closing dateline printed alone): other agencies, date forms, brackets
DATES = [("本报讯 ", "（新华社北京１月２５日电）"), ("新华社呼和浩特１２月３日电 ", "(中新社北京12月4日电)"),
         ("本报杭州3月5日电　", "（据新华社福州３月６日电）")]


@pytest.mark.parametrize("opening,closing", DATES)
def test_a_title_between_two_dated_stories_heads_one(opening: str, closing: str) -> None:
    # a headline printed before its body, between a report dated at its start and one dated
    # at its end: its words are those of the text below, as a subhead's would be
    text = "\n\n".join(["春茶上市交易活跃", opening + TEA[0], *TEA[1:], "牧区冬储草料足", *SNOW, closing]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["春茶上市交易活跃", "牧区冬储草料足"]
    assert not arts[0].subheads and _bodies(arts)[1].startswith(SNOW[0][:10])


@pytest.mark.parametrize("opening,closing", DATES)
def test_a_subhead_of_a_report_dated_at_its_start_only_stays(opening: str, closing: str) -> None:
    # the text below the subhead goes on to the next story's headline, not to a closing
    # dateline: the subhead stays (the next title, over text closed by a dateline, heads it)
    text = ("春茶上市茶农忙着采摘新茶\n\n" + wrapped([opening + TEA[0], TEA[1]]) + "\n\n茶旅融合带动消费\n\n"
            + wrapped(TEA[2:]) + "\n\n牧区冬储草料足\n\n" + wrapped([*SNOW, closing]) + "\n")
    arts = parse_conserved(text).articles
    assert arts[0].subheads == ["茶旅融合带动消费"] and TEA[2][:10] in _bodies(arts)[0]
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", "牧区冬储草料足"]


# -- a title carrying a feature's or a series' subtitle ---------------------------------------

@pytest.mark.parametrize("title", ["牧区冬储——访畜牧站站长王林", "草料足牛羊壮——记牧民巴特尔",
                                   "冬储要早——再论牧区防灾"])
def test_a_title_with_a_feature_subtitle_is_no_subhead(title: str) -> None:
    # between two undated texts, a title whose words are only those of the text below: the
    # words alone leave it a subhead, its interview / profile / series subtitle does not
    text = "\n\n".join(["春茶上市交易活跃", *TEA, title, *SNOW]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts][-1] == title and _bodies(arts)[-1].startswith(SNOW[0][:10])


def test_a_title_with_a_plain_dash_inside_may_be_a_subhead() -> None:
    # a dash between two names (中国—中亚) or two phrases is no subtitle
    text = ("春茶上市茶农忙着采摘新茶\n\n" + wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n茶旅融合——带动消费\n\n"
            + wrapped(TEA[2:]) + "\n")
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and arts[0].subheads == ["茶旅融合——带动消费"]
