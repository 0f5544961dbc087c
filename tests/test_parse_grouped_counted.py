"""A group of headlines printed together heads the stories of its stretch one each (issue
18, kind 2): a line of the group that shares no words with any body (a headline of images,
a slogan) and is printed apart from the others heads the one body of the stretch left
without a headline."""
from __future__ import annotations

import pytest
from synthetic_pages import PORT, SNOW, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

WOOL = ["羊毛收购站今年收购细羊毛三百吨，毛纺企业订单饱满，羊毛价格保持稳定。",
        "毛纺厂技术员说，新上的梳毛设备提高了羊毛利用率，毛纺产品远销海外。"]


def _page(port_head: str, sep: str = "\n\n") -> str:
    """Two bodies, their headlines; two more bodies, theirs (a grouped page)."""
    return (wrapped(["本报讯 " + TEA[0], *TEA[1:]]) + "\n\n" + wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n\n"
            + "春茶上市茶农忙着采摘新茶" + sep + port_head + "\n\n\n"
            + wrapped(["本报讯 " + SNOW[0], *SNOW[1:]]) + "\n\n" + wrapped(WOOL) + "\n\n"
            + "牧区降雪 牧民储备草料\n\n细毛羊毛收购旺\n")


@pytest.mark.parametrize("head", ["国门内外一日间", "千帆竞发正当时", "“我们的路越走越宽”"])
def test_a_headline_sharing_no_words_heads_the_headless_body_of_its_stretch(head: str) -> None:
    result = _parse(_page(head))
    arts = result.articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0], WOOL[0]]
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", head, "牧区降雪 牧民储备草料", "细毛羊毛收购旺"]
    assert not [x for x in result.leftovers if x.text == head]


def test_a_line_printed_tight_under_a_headline_is_not_counted() -> None:
    # no blank line between: a subtitle or a kicker of the headline above, never a story's
    arts = _parse(_page("国门内外一日间", sep="\n")).articles
    assert arts[1].paragraphs[0] == PORT[0] and arts[1].headline is None


PORT2 = ["口岸海关数据显示，一季度口岸进出口货运量同比增长，口岸通关效率持续提升。",
         "海关关员介绍，口岸推行智慧通关，口岸货车通关排队时间缩短，进出口企业降本增效。",
         "下一步，口岸海关将完善查验设施，推动口岸进出口贸易高质量发展。"]


@pytest.mark.parametrize("head,byline,name", [("难忘的手", "■ 周克玉", "周克玉"),
                                              ("那一年的雪", "●本报记者 李华", "本报记者 李华")])
def test_a_bylined_headline_sharing_no_words_heads_the_story_run_into_the_next(
        head: str, byline: str, name: str) -> None:
    # a short essay printed right above a report, their headlines grouped after them: the
    # essay's headline (with its author) shares no word with any body, so only the
    # group's count and the report's own headline place the cut and the headline
    group = f"{head}\n{byline}\n\n口岸通关效率持续提升\n●钟行"
    text = (wrapped(TEA[:2]) + "\n\n\n" + wrapped(PORT2) + "\n\n" + group + "\n\n\n"
            + wrapped(["本报讯 " + SNOW[0], *SNOW[1:]]) + "\n\n" + wrapped(WOOL) + "\n\n"
            + "牧区降雪 牧民储备草料\n\n细毛羊毛收购旺\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT2[0], SNOW[0], WOOL[0]]
    assert [(a.headline, a.byline) for a in arts[:2]] == [(head, name), ("口岸通关效率持续提升", "钟行")]
