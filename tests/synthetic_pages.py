"""Small synthetic stories for the parser's page-level tests (issue 18): two topics that share
no words (tea, a border port) and a third (snow on the pastures), one paragraph per item;
a parse that must keep every character in exactly one place."""
from __future__ import annotations

from sitegen.parse import parse_text
from sitegen.parse.conservation import conservation

TEA = ["春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升。",
       "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农收入明显增加。",
       "当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
PORT = ["口岸海关数据显示，一季度进出口货运量同比增长，通关效率持续提升。",
        "海关关员介绍，口岸推行智慧通关，货车排队时间缩短，外贸企业降本增效。",
        "下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"]
SNOW = ["入冬以来，牧区迎来多次降雪，牧民提前储备草料，转场工作有序进行。",
        "兽医站工作人员走村入户，为牛羊接种疫苗，帮助牧民做好防寒保暖。"]


def parse_conserved(text: str):
    """``text`` parsed as seed ``p.txt``, no character lost or duplicated."""
    result = parse_text("p.txt", text)
    assert conservation(text, result) == (0, 0)
    return result


def story(paras: list[str]) -> str:
    """A story as printed: a dateline before its first paragraph, blank lines between."""
    return "\n\n".join(["本报讯 " + paras[0], *paras[1:]])


def wrapped(paras: list[str], width: int = 16) -> str:
    """Paragraphs hard-wrapped at a column ``width`` characters wide, blank lines between."""
    return "\n\n".join("\n".join(p[i:i + width] for i in range(0, len(p), width)) for p in paras)


def two_stories(head_tea: list[str], head_port: list[str]) -> list:
    """The articles parsed from TEA and PORT, each printed under its headline lines."""
    text = "\n".join(head_tea) + "\n\n" + story(TEA) + "\n\n" + "\n".join(head_port) + "\n\n" \
        + story(PORT) + "\n"
    return parse_conserved(text).articles
