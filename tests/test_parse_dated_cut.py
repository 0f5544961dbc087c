"""A body that opens with a dateline and is closed by another holds two stories (issue 18,
stories glued): a story prints its dateline once, at its start (本报讯, 新华社北京7月2日电)
or in brackets under its last sentence (（新华社福州１月１４日电）), so a second dateline
closing the text says a second story was run into the first. A dateline quoted in prose, a
closing credit that is no dateline, or a story dated at one end only, cuts nothing."""
from __future__ import annotations

import pytest

from synthetic_pages import parse_conserved

from sitegen.parse.dated_cut import closed_bodies, ends_with_credit, opened_bodies

HEAD = "东湖新区开通首条无人驾驶公交线"
# two stories of one page, dated at their two ends (a bus line, spring sowing), sharing a word
# or two, as stories of one page do: no vocabulary shift alone cuts them apart
BUS = ["东湖新区首条无人驾驶公交线路今天开通试运营，全程十二公里，沿途设站九个，市民可通过手机预约乘车。",
       "线路运营方表示，试运营期间每辆车配备一名安全员，公交线路将根据客流逐步加密班次。"]
SOW = ["江汉平原春播进度过半，各地抢抓农时，组织农机下田作业。截至目前，全省已完成早稻育秧面积三百万亩，比去年同期增加一成。",
        "农业部门派出技术小组，分片指导春播生产，帮助农户解决育秧难题。"]

# (opening dateline, closing dateline printed alone): other papers, agencies, date forms, brackets
FORMS = [
    ("本报杭州3月5日电　", "（新华社宁波3月6日电）"),
    ("本报讯 ", "(中新社广州一月十八日电)"),
    ("新华社北京7月2日电 ", "（据新华社福州１月１４日电）"),
    ("本报记者 王小明\n\n新华日报南京4月3日讯 ", "（新华社合肥４月３日电）"),
]


def _page(opening: str, closing: str, middle: str = "") -> str:
    """The bus story under its headline, dated at its start, then the sowing story with no
    headline, closed by ``closing``."""
    tea = [opening + BUS[0], *BUS[1:]]
    if middle:
        tea.insert(1, middle)
    return "\n\n".join([HEAD, *tea, *SOW, closing]) + "\n"


@pytest.mark.parametrize("opening,closing", FORMS)
def test_a_body_dated_at_both_ends_is_two_stories(opening: str, closing: str) -> None:
    arts = parse_conserved(_page(opening, closing)).articles
    assert len(arts) == 2, [a.headline for a in arts]
    first, second = arts
    assert first.headline == HEAD and SOW[0][:10] not in "".join(first.paragraphs)
    assert second.headline is None  # the page prints none for it: none is invented
    assert "".join(second.paragraphs).startswith(SOW[0][:10])
    assert second.dateline and second.dateline in closing


@pytest.mark.parametrize("quoted", [
    "据新华社北京7月2日电，有关部门表示，春茶出口订单同比增加。",
    "记者注意到，新华社杭州3月4日电称，今年春茶开采期较往年提前。",
])
def test_a_dateline_quoted_in_prose_cuts_nothing(quoted: str) -> None:
    # dated at its start only: the quoted dateline stands inside a paragraph, in no bracket
    text = "\n\n".join([HEAD, "本报杭州3月5日电　" + BUS[0], BUS[1].rstrip("。") + "，" + quoted, *BUS[2:]]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and arts[0].headline == HEAD


@pytest.mark.parametrize("closing", ["（王守荣）", "（本报记者 李华）", "（完）"])
def test_a_closing_credit_that_is_no_dateline_cuts_nothing(closing: str) -> None:
    text = "\n\n".join([HEAD, "本报讯 " + BUS[0], *BUS[1:], closing]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and BUS[-1][:10] in "".join(arts[0].paragraphs)


def test_a_story_dated_only_at_its_end_stays_whole() -> None:
    text = "\n\n".join([HEAD, *BUS, *SOW[:1], "（新华社宁波3月6日电）"]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and SOW[0][:10] in "".join(arts[0].paragraphs)


class _P:
    def __init__(self, raw: str, line: int):
        self.raw, self.chunks = raw, [type("C", (), {"lines": [type("L", (), {"no": line})()]})()]


class _B:
    def __init__(self, raw: str, first: int, last: int):
        self.paras = [_P(raw, first), _P("。", last)]
        self.line = first


def test_a_closing_dateline_closes_the_body_printed_last_before_it() -> None:
    bodies = [_B("本报讯 甲", 1, 5), _B("乙", 20, 30), _B("丙", 7, 12)]
    assert closed_bodies(bodies, [14]) == {2}  # (page order, not list order)
    assert closed_bodies(bodies, [3]) == set()
    assert opened_bodies(bodies, [6]) == {0, 2}  # its own first paragraph, or a line above


@pytest.mark.parametrize("credit", ["（谢文）", "(记者 李华)", "（本报记者 王小明）"])
def test_the_second_story_starts_after_the_first_ones_credit(credit: str) -> None:
    # the first story's last paragraph speaks of the second's subject (the words shift most
    # before it, not after): the credit closing the first story's text says where it ends
    bus = ["本报讯 " + BUS[0], "此外，新区周边农田春播同步推进，各地组织农机下田作业，育秧面积扩大。" + credit]
    text = "\n\n".join([HEAD, *bus, *SOW, "（新华社荆州3月6日电）"]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 2
    assert "".join(arts[1].paragraphs).startswith(SOW[0][:10])


@pytest.mark.parametrize("raw,closed", [
    ("对他们的卓越贡献表示感谢。（谢文）", True),
    ("推动高质量发展。(记者 李华)", True),
    ("已完成育秧三百万亩！（本报记者 王小明 通讯员 李四）", True),
    ("选举韩云萍（女）", False),  # a bracket inside the sentence, not after it
    ("全文到此结束。（完）", False),  # an editorial mark, no credit
    ("会议闭幕。（新华社北京1月2日电）", False),  # a dateline, not a credit
    ("产量增长三成（见图）", False),
])
def test_a_paragraph_ends_with_a_credit_only_after_its_last_sentence(raw: str, closed: bool) -> None:
    assert ends_with_credit(raw) is closed


# -- a story's credit closing a paragraph, with more text after it -------------------------

@pytest.mark.parametrize("credit", ["（谢文）", "(记者 李华)", "（本报记者 王小明 通讯员 李四）"])
def test_text_after_a_credit_closed_paragraph_is_another_story(credit: str) -> None:
    text = "\n\n".join([HEAD, BUS[0], BUS[1] + credit, *SOW]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 2, [a.headline for a in arts]
    assert arts[0].headline == HEAD
    assert "".join(arts[1].paragraphs).startswith(SOW[0][:10])


@pytest.mark.parametrize("label", ["相关链接", "【背景资料】"])
def test_a_box_under_a_label_after_the_credit_stays_with_its_story(label: str) -> None:
    box = "东湖新区此前已开通两条智能网联示范线路，累计运送乘客十万人次。"
    text = "\n\n".join([HEAD, BUS[0], BUS[1] + "（谢文）", label, box]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and box[:10] in "".join(arts[0].paragraphs)
