"""Closing datelines as papers print them (issue 18): in brackets after the story, with the
date in Chinese numerals or left out (（据新华社北京电）). Small hand-written pages."""
from __future__ import annotations

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse


def test_dateline_lines_in_the_shapes_papers_print_them() -> None:
    from sitegen.parse.lines import closing_credit, dateline_text, is_dateline_line, split_dateline

    for line, dateline in (("（据新华社北京电）", "据新华社北京电"),
                           ("(据新华社北京一月二十七日电)", "据新华社北京一月二十七日电"),
                           ("（新华社北京一月十三日电）", "新华社北京一月十三日电"),
                           ("（本报上海１月１１日电）", "本报上海１月１１日电")):
        assert is_dateline_line(line) and dateline_text(line) == dateline, line
        assert closing_credit(line) is None, line
    # without a date only in brackets on its own line, and never a credit or a name
    for not_dateline in ("新华社北京电视台", "（新华社电视台）", "（本报记者 张三）", "（记者发现，情况属实。）"):
        assert not is_dateline_line(not_dateline), not_dateline
    assert split_dateline("本报北京一月二十二日讯（记者杨明方）全国扫黄办今日召开座谈会。") == (
        "本报北京一月二十二日讯", "记者杨明方", "全国扫黄办今日召开座谈会。")


def test_a_closing_dateline_without_a_date_belongs_to_the_story_above() -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", *TEA, "（据新华社北京电）",
                        "口岸通关效率持续提升", *PORT]) + "\n"
    result = _parse(text)
    arts = result.articles
    assert [a.paragraphs for a in arts] == [TEA, PORT]
    assert arts[0].dateline == "据新华社北京电" and arts[1].dateline is None
    assert not result.leftovers


def test_a_closing_dateline_in_chinese_numerals_printed_tight_under_the_story() -> None:
    tea = "\n".join(TEA[:-1] + [TEA[-1], "（新华社北京一月十三日电）"])
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", tea, "口岸通关效率持续提升", *PORT]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs for a in arts] == [TEA, PORT]
    assert arts[0].dateline == "新华社北京一月十三日电"
