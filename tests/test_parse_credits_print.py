"""Bylines, datelines and credits read as print has them (issue 18): a bullet opens bylines
and headlines alike, but a byline names people; a paper's or agency's dateline may leave out
the date (新疆日报讯, 本报北京讯（记者…）, 据新华社电 …); a broadcaster's or another agency's
reporters sign a story's closing credit too. Papers, places, separators and wordings are
varied on purpose, and prose that merely holds 讯 or 电 stays prose."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA, parse_conserved, wrapped

from sitegen.parse import lines as L


def _bodies(arts) -> list[str]:
    return ["".join(a.paragraphs) for a in arts]


# -- a bullet before a headline or a byline ---------------------------------------------------

@pytest.mark.parametrize("line", ["●重点抓好５００个名特优新经济林基地县", "■我国粮食生产再获丰收",
                                  "□改革开放二十年成就辉煌", "● 茶园基地县 春茶喜获丰收"])
def test_a_bulleted_statement_is_no_byline(line: str) -> None:
    assert not L.is_byline(line)


@pytest.mark.parametrize("line", ["●张磊 尹雪", "■ 陈杉、赵嫣", "□胡阿尼什·那斯哈提", "●王文辉",
                                  "■ 新华社记者 陈杉 赵嫣 刘恺", "□石榴云/新疆日报记者刘翔",
                                  "●本报记者 姜海月", "■ 本报评论员", "●张三 文/摄"])
def test_a_bullet_over_names_or_a_role_is_a_byline(line: str) -> None:
    assert L.is_byline(line)


@pytest.mark.parametrize("bullet", ["●", "■", "□"])
def test_bulleted_headlines_after_their_bodies_head_the_stories(bullet: str) -> None:
    # each headline follows its body; read as a byline, the first headline was dropped and
    # the second became the port story's byline
    text = "\n\n".join([wrapped(["本报杭州３月２日讯 " + TEA[0], *TEA[1:]]), bullet + "重点抓好５００个茶园基地县",
                        wrapped(["本报满洲里３月３日讯 " + PORT[0], *PORT[1:]]), bullet + "口岸通关效率持续提升"]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline.lstrip(bullet) for a in arts] == ["重点抓好５００个茶园基地县", "口岸通关效率持续提升"]
    assert [a.byline for a in arts] == [None, None]


def test_a_bulleted_headline_over_its_body_is_no_byline() -> None:
    text = "\n\n".join(["●茶园基地县春茶喜获丰收", wrapped(["本报杭州３月２日讯 " + TEA[0], *TEA[1:]]),
                        "●口岸通关效率持续提升", wrapped(["本报满洲里３月３日讯 " + PORT[0], *PORT[1:]])]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline.lstrip("●") for a in arts] == ["茶园基地县春茶喜获丰收", "口岸通关效率持续提升"]


# -- datelines without a date -----------------------------------------------------------------

@pytest.mark.parametrize("opening, dateline, byline", [
    ("新疆日报讯（记者 刘翔）", "新疆日报讯", "记者 刘翔"),
    ("人民日报讯 ", "人民日报讯", None),
    ("本报北京讯（记者 王芳）", "本报北京讯", "记者 王芳"),
    ("中央人民广播电台讯 ", "中央人民广播电台讯", None),
    ("大众日报济南讯（通讯员 李华）", "大众日报济南讯", "通讯员 李华"),
    ("据新华社电（记者 赵明）", "据新华社电", "记者 赵明"),
    ("新华社北京电 ", "新华社北京电", None),
    ("央视网讯(记者 孙丽)", "央视网讯", "记者 孙丽"),
])
def test_an_undated_dateline_opens_the_story(opening: str, dateline: str, byline: str | None) -> None:
    assert L.split_dateline(opening + TEA[0]) == (dateline, byline, TEA[0])
    text = "\n\n".join(["茶乡春来早", wrapped([opening + TEA[0], *TEA[1:]]), "口岸通关效率持续提升",
                        wrapped(PORT)]) + "\n"
    tea = parse_conserved(text).articles[0]
    assert (tea.dateline, tea.byline) == (dateline, byline)
    assert tea.paragraphs[0].startswith(TEA[0][:10])


@pytest.mark.parametrize("prose", ["本报通讯员张三今天说，茶叶市场交易活跃。", "本报特约通讯员 李四",
                                   "本报电视专栏介绍说，春茶品质好。", "报社通讯员说，春茶价格稳中有升。",
                                   "新华社电讯稿称，口岸通关效率持续提升。", "全国各大报纸纷纷发来贺讯，祝贺大会召开。",
                                   "省报社网站讯息显示，茶价上涨。"])
def test_prose_holding_xun_or_dian_is_no_dateline(prose: str) -> None:
    assert L.DATELINE_START_RE.match(prose) is None
    assert L.split_dateline(prose) == (None, None, prose)


# -- a broadcaster's or another agency's reporters closing a story ----------------------------

@pytest.mark.parametrize("credit", ["（中央人民广播电台记者刘振英、新华社记者张宿堂）", "（中国新闻社记者 王立）",
                                    "（北京人民广播电台记者 赵明）", "(中央人民广播电台记者刘振英)"])
def test_a_broadcasters_credit_closes_the_story(credit: str) -> None:
    assert L.closing_credit(credit) == credit[1:-1]
    text = "\n\n".join([wrapped(["新华社北京１月２６日电 " + TEA[0], TEA[1], TEA[2] + credit]), "茶乡春来早",
                        wrapped(SNOW), "牧区冬储草料足"]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["茶乡春来早", "牧区冬储草料足"]
    assert _bodies(arts)[1].startswith(SNOW[0][:10])


def test_a_wrapped_line_of_a_credit_bracket_is_no_byline() -> None:
    # 新华社北京１月２６日电（中央人民 / 广播电台记者刘振英、新华社记者张 / 宿堂）在…: the middle
    # line holds a role word but is a piece of the bracket, not a byline printed alone
    assert not L.is_byline("广播电台记者刘振英、新华社记者张")


# -- a dateline on a line of its own, its reporters' bracket opening the paragraph under it ----

FARM = ["入夏以来，合作社的大棚里瓜果飘香，前来采摘的游客络绎不绝。采摘季将持续到九月。",
        "合作社负责人介绍，今年引进了新品种，亩产比去年提高两成。每亩增收三千多元。",
        "村民在家门口就能打工挣钱，日子越过越红火。",
        "下一步，合作社还将建设冷库，延长销售期，带动更多农户增收。"]


@pytest.mark.parametrize("dateline, credit", [
    ("新疆日报乌鲁木齐4月24日讯", "(石榴云/新疆日报记者刘翔 沈祖孝)"),
    ("本报杭州３月５日电", "（通讯员 李华 记者 张三）"),
    ("新华社北京7月2日电", "（记者 樊曦）"),
])
def test_a_sentence_after_a_credit_under_a_dateline_line_can_be_pulled_out(dateline: str, credit: str) -> None:
    quote = "“入夏以来，合作社的大棚里瓜果飘香，前来采摘的游客络绎不绝”"
    body = [dateline + "\n" + credit + FARM[0], *FARM[1:]]
    text = "\n\n".join(["大棚瓜果喜丰收", *body[:2], quote, *body[2:], "口岸通关效率持续提升",
                        "本报讯 " + PORT[0], *PORT[1:]]) + "\n"
    result = parse_conserved(text)
    assert [x.text for x in result.leftovers if x.kind == "pull_quote"] == [quote]
    assert [a.headline for a in result.articles] == ["大棚瓜果喜丰收", "口岸通关效率持续提升"]


# -- a bare dateline over the reporters' bracket opens the text under it ------------------------

@pytest.mark.parametrize("dateline, credit, byline", [
    ("新华社银川１月３０日电", "（记者秦凤桐、周健伟）", "记者秦凤桐、周健伟"),
    ("本报杭州3月5日讯", "(通讯员 李华 记者 张三)", "通讯员 李华 记者 张三"),
    ("新疆日报讯", "（石榴云/新疆日报记者刘翔）", "石榴云/新疆日报记者刘翔"),
])
def test_a_dateline_after_a_caption_opens_the_story_under_its_bracket(dateline: str, credit: str, byline: str) -> None:
    # a photo caption between the two stories: a bare dateline under it would otherwise be read
    # as closing the story above; the reporters' bracket under it says it opens the next one
    # (the headlines printed together after the bodies, as in a block at the page's end)
    text = "\n\n".join([wrapped(["本报讯 " + TEA[0], *TEA[1:]]),
                        "■这是3月1日在口岸拍摄的货车。 本报记者 王鹏 摄",
                        dateline + "\n" + credit + "\n" + wrapped([PORT[0]]), wrapped(PORT[1:]),
                        "切实抓好春茶生产和销售\n口岸通关效率持续提升"]) + "\n"
    port = parse_conserved(text).articles[1]
    assert (port.dateline, port.byline) == (dateline, byline)
    assert port.paragraphs[0] == PORT[0]
