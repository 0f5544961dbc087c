"""Self-doubt from what a story says of its source (sitegen/parse/doubt_fits.py):
``two_datelines`` (a story gives its dateline once), on a page where it must fire and on
others where it must not, in other papers' wordings."""
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


def test_a_title_between_a_dated_text_and_a_closing_dateline_now_heads_the_second() -> None:
    # the page the doubt was written for: the title between the two is no longer read as a
    # subhead (a story prints its dateline once: segment._closed_by_dateline), so the two
    # stories come apart and neither holds two datelines (the doubt's own test is below)
    result = parse_text("p1.txt", GLUED)
    assert [a.headline for a in result.articles] == ["渔港迎来开海第一网", "高校新生陆续报到"]
    assert not any("two datelines" in d for a in result.articles for d in a.doubts)
    assert result.articles[1].dateline and "杭州" in result.articles[1].dateline


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
