"""A story's closing credit run on after its last sentence (……发展。（记者 王伟）, ……。（新华社北京
3月5日电）): it closes the story, whose last paragraph it ends, as printed (the pd1998 pool's
gold keeps ……表示感谢。（谢文） so); a titles line under it heads another story, and its bracket
broken across two lines of a narrow column is one paragraph's text
(sitegen/parse/closing_run_in.py). Other papers' forms: several houses' reporters, 据 + agency,
a closing quote before the bracket, half-width brackets."""
from __future__ import annotations

import pytest

from sitegen.parse.closing_run_in import run_in_credit
from synthetic_pages import PORT, TEA, wrapped
from synthetic_pages import parse_conserved as _parse


def test_credits_in_the_forms_papers_run_them_on() -> None:
    assert run_in_credit("茶旅融合带动消费。（记者 王伟）") == ("茶旅融合带动消费。", "byline", "记者 王伟")
    assert run_in_credit("带动消费。（本报记者 张三 李四）") == ("带动消费。", "byline", "本报记者 张三 李四")
    assert run_in_credit("“好日子还在后头。”(通讯员 赵敏)") == ("“好日子还在后头。”", "byline", "通讯员 赵敏")
    assert run_in_credit("举行团拜会。（中央人民广播电台记者刘振英、新华社记者张宿堂）")[2] == \
        "中央人民广播电台记者刘振英、新华社记者张宿堂"
    assert run_in_credit("效率提升。（新华社北京3月5日电）") == ("效率提升。", "dateline", "新华社北京3月5日电")
    assert run_in_credit("效率提升。（据新华社华盛顿１月２４日电）")[1:] == ("dateline", "据新华社华盛顿１月２４日电")
    assert run_in_credit("表示感谢。（谢文）") == ("表示感谢。", "byline", "谢文")


@pytest.mark.parametrize("text", ["茶农收入增加（记者 王伟）", "他说。（完）", "会议指出（附图）。",
                                  "价格稳中有升。（见下图）", "口岸（新华社北京3月5日电）", "（记者 王伟）"])
def test_no_credit_where_no_sentence_closes_or_the_bracket_is_prose(text) -> None:
    assert run_in_credit(text) is None


@pytest.mark.parametrize("credit", ["（记者 王伟）", "（据新华社北京电）", "（新华社广州1月18日电）", "(谢文)"])
def test_a_run_in_credit_closes_its_story_and_the_title_under_it_heads_the_next(credit) -> None:
    tea = TEA[:-1] + [TEA[-1] + credit]
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", *tea, "口岸通关效率持续提升", *PORT]) + "\n"
    arts = _parse(text).articles
    assert [a.headline for a in arts] == ["茶叶订单增加 茶旅融合带动消费", "口岸通关效率持续提升"]
    assert [a.paragraphs for a in arts] == [tea, PORT]


def test_a_credit_wrapped_across_two_lines_of_a_narrow_column_is_one_paragraph_s_end() -> None:
    tea = wrapped(TEA[:-1] + [TEA[-1] + "（据新华社北京3月5日电）"], 14)
    assert "日电）" in tea.splitlines()[-1] and "（" not in tea.splitlines()[-1]
    text = "茶叶订单增加 茶旅融合带动消费\n\n" + tea + "\n\n口岸通关效率持续提升 外贸企业降本增效\n\n" \
        + wrapped(PORT, 14) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs for a in arts] == [TEA[:-1] + [TEA[-1] + "（据新华社北京3月5日电）"], PORT]
    assert arts[0].dateline is None
