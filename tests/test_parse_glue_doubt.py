"""Self-doubt for two stories run together at a finished sentence and a blank line (issue
18, :mod:`sitegen.parse.doubt_glue`): the body's words change most at such a boundary,
and its headline's words are nearly all on one side of it."""
from __future__ import annotations

from synthetic_pages import parse_conserved

from sitegen.parse import doubt_glue

HEAD = "春茶上市茶农增收"
TEA = ["春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升，采茶工每天天不亮就上山，茶园里一片繁忙景象。",
       "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农收入明显增加，不少茶企还通过直播把新茶卖到了全国各地。",
       "当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费，春茶成了茶农增收致富的好产业。",
       "农技人员深入茶园，指导茶农科学施肥、绿色防控，帮助茶企提升茶叶品质，打响春茶品牌。"]
# a brief of two paragraphs about a border port: not one word of the tea headline
PORT = ["口岸海关数据显示，一季度进出口货运量同比增长，通关效率持续提升，口岸货车往来不断，边境贸易呈现出量质齐升的"
        "良好态势，边检站延长了验放时间，跨境电商、边民互市等新业态也在口岸快速发展，口岸物流园区也新建了两座大型仓库。",
        "海关关员介绍，口岸推行智慧通关，货车排队时间缩短，外贸企业降本增效，跨境物流更加顺畅，进出口贸易稳步增长，"
        "海关还开通农副产品快速通关绿色通道，鲜活商品当天就能通关出境运往邻国，平均通关时间压缩到了原来的一半以下。"]
# more of the tea story, printed after a column break
MORE_TEA = ["春茶采摘高峰期，茶叶加工厂机器昼夜运转，制茶师傅守在炒锅旁，一锅锅新茶香气四溢，茶农把鲜叶送到加工厂，"
            "当场就能拿到卖茶钱，春茶收购价比去年每斤高出几元，茶农增收有了实实在在的盼头。",
            "如今，春茶已成为全县茶农增收的主导产业，茶园面积逐年扩大，茶叶品质不断提升，茶企带着春茶走出大山，"
            "把新茶卖进城里的茶叶市场，茶香飘得更远，茶农的日子也越过越红火。"]


def _page(second: list[str]) -> str:
    wrap = lambda p: "\n".join(p[i:i + 20] for i in range(0, len(p), 20))  # noqa: E731
    return HEAD + "\n\n本报讯 " + "\n\n".join(map(wrap, TEA + second)) + "\n"


def _line_of(text: str, para: str) -> int:
    return text.splitlines().index(para[:20]) + 1


def _glue_doubts(article) -> list[str]:
    return [d for d in article.doubts if "headline's words are nearly all on one side" in d]


def test_a_brief_run_into_a_headed_story_is_doubted_at_its_start() -> None:
    text = _page(PORT)
    arts = parse_conserved(text).articles
    assert len(arts) == 1 and arts[0].headline == HEAD  # two paragraphs only: not cut off
    found = _glue_doubts(arts[0])
    assert found == [f"the words change most before line {_line_of(text, PORT[0])}, and the headline's words "
                     "are nearly all on one side of it: two articles run together?"]


def test_one_story_printed_across_a_column_break_is_not_doubted() -> None:
    arts = parse_conserved(_page(MORE_TEA)).articles
    assert len(arts) == 1 and not _glue_doubts(arts[0]), arts[0].doubts


def test_a_short_closing_part_without_the_headline_words_is_not_doubted() -> None:
    closing = "下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"  # shorter than FAR_CHARS
    assert len(closing) < doubt_glue.FAR_CHARS
    arts = parse_conserved(_page([closing])).articles
    assert not _glue_doubts(arts[0]), arts[0].doubts


def test_without_a_blank_line_before_it_no_story_may_start_there() -> None:
    text = _page(PORT)
    line = _line_of(text, PORT[0])
    lines = text.splitlines()
    del lines[line - 2]  # the blank line before the brief: one paragraph run on into the next
    arts = parse_conserved("\n".join(lines) + "\n").articles
    assert not _glue_doubts(arts[0]), arts[0].doubts
