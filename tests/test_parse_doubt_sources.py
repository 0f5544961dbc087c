"""Self-doubt from what a story says of its source and place (sitegen/parse/doubt_fits.py):
``two_datelines`` (a story gives its dateline once) and ``other_place`` (a lead names the
place of its headline), each on a page or text where it must fire and one where it must
not, in other papers' wordings."""
from __future__ import annotations

from types import SimpleNamespace

from sitegen.parse import doubt_fits
from sitegen.parse.build import parse_text

# two stories under one headline: the second's own title printed as a subhead inside the
# first, and its closing dateline in brackets after it, while the first opened with its own
GLUED = """渔港迎来开海第一网

本报舟山９月１６日电 随着开海令下，沈家门渔港千船竞发，
渔民们驾船驶向东海渔场，开始新一季的捕捞作业。

渔港码头上人来人往，鲜活的带鱼、鲳鱼一筐筐运上岸，
收购商早早等候在码头边。

高校新生陆续报到

新学期开学之际，省内各高校迎来新生报到高峰，各校
开通绿色通道，为家庭困难学生办理入学手续。

（据新华社杭州９月１５日电）
"""

# one story giving its dateline once, at its end
ONE = """高校新生陆续报到

新学期开学之际，省内各高校迎来新生报到高峰，各校
开通绿色通道，为家庭困难学生办理入学手续。

各校还为新生准备了入学教育课程，帮助他们尽快适应
大学生活。

（据新华社杭州９月１５日电）
"""


def test_a_text_opening_with_a_dateline_and_followed_by_a_closing_one_is_doubted() -> None:
    result = parse_text("p1.txt", GLUED)
    first = result.articles[0]
    assert any("two datelines" in d and "杭州" in d and "舟山" in d for d in first.doubts)


def test_a_story_giving_its_dateline_once_at_its_end_is_not_doubted_for_it() -> None:
    result = parse_text("p2.txt", ONE)
    assert result.articles[0].dateline is not None
    assert not any("two datelines" in d for d in result.articles[0].doubts)


def _paras(*texts: str):
    return [SimpleNamespace(raw=t) for t in texts]


def test_an_unbracketed_dateline_printed_alone_is_no_second_source() -> None:
    lead = _paras("新华社北京１月１３日电 外交部发言人今天宣布，外长将访问我国。")
    assert doubt_fits.two_datelines(lead, None, ()) is None  # its own dateline only
    assert doubt_fits.two_datelines(lead, None, ("据新华社北京１月１５日电",)) == (
        "新华社北京１月１３日电", "据新华社北京１月１５日电")
    # printed alone above the text (unbracketed: it opens the story), then a closing one
    assert doubt_fits.two_datelines(_paras("（记者周剑虹）本届会议选举产生了新一届领导。"),
                                     "本报合肥２月１日电", ("据新华社合肥电",)) is not None


def test_a_lead_naming_another_province_than_its_headline_is_doubted() -> None:
    assert doubt_fits.other_place("袁启彤当选福建省人大常委会主任", _paras(
        "广东省第九届人民代表大会第一次会议今天选举朱森林为省人大常委会主任。")) == ("福建省", "广东省")
    assert doubt_fits.other_place("黑龙江省启动冬季供暖", _paras(
        "吉林省今天起全面启动集中供暖，比往年提前五天。")) == ("黑龙江省", "吉林省")


def test_a_lead_naming_its_headline_place_or_no_other_place_is_not_doubted() -> None:
    assert doubt_fits.other_place("黑龙江省加快冰雪旅游发展", _paras(
        "黑龙江省今冬推出冰雪旅游线路二十条，吸引广东省游客。")) is None  # its own place named too
    assert doubt_fits.other_place("福建省新建三座水库", _paras(
        "今年以来，全省水利建设投资超过百亿元。")) is None  # no other place of that kind
    assert doubt_fits.other_place("福建省新建三座水库", _paras(
        "今年以来，厦门市水利建设投资超过百亿元。")) is None  # a city is not another province
    assert doubt_fits.other_place("春茶上市", _paras("杭州市茶农今天开采春茶。")) is None
    assert doubt_fits.other_place("广东队夺冠", _paras("四川省代表队获得亚军。")) is None  # no province in the headline
