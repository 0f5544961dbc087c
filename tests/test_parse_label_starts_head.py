"""A bracketed section label starts a head of its own (issue 18): in a run of title lines
printed together, a line opening with 【…】 / 〔…〕 / ［…］ is the label over the next story's
headline, never the end of the title above it. Before, a —— subtitle took every line
after it, so two stories' heads printed together became one head and the two stories
one article."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA, parse_conserved, story


def _heads(subtitle: str, label_and_head: str) -> list[tuple]:
    """Two heads printed together over two stories: the tea head (headline and a ——
    subtitle), then the port head opened by a label, then the port and tea stories."""
    text = "春茶价格稳中有升\n" + subtitle + "\n" + label_and_head + "\n\n" + story(PORT) + "\n\n" + story(TEA) + "\n"
    return [(a.kicker, a.headline, a.subtitle, a.paragraphs[0][:6]) for a in parse_conserved(text).articles]


@pytest.mark.parametrize("label,head", [
    ("【基层一线】", "【基层一线】口岸通关效率持续提升"),  # glued in front of the headline's words
    ("［视点］", "［视点］\n口岸通关效率持续提升"),  # on a line of its own
    ("〔今日关注〕", "〔今日关注〕口岸通关效率持续提升"),
])
@pytest.mark.parametrize("subtitle", ["——茶农忙着采摘新茶", "——记茶乡\n春茶采摘忙"])
def test_a_label_after_a_subtitle_opens_the_next_head(label: str, head: str, subtitle: str) -> None:
    assert sorted(_heads(subtitle, head), key=str) == sorted([
        (label, "口岸通关效率持续提升", None, "口岸海关数据"),
        (None, "春茶价格稳中有升", subtitle.replace("\n", ""), "春茶上市以来"),
    ], key=str)


def test_a_subtitle_wrapped_over_two_lines_stays_one_subtitle() -> None:
    text = "春茶价格稳中有升\n——茶农忙着采摘\n新茶订单增加\n\n" + story(TEA) + "\n"
    [art] = parse_conserved(text).articles
    assert (art.headline, art.subtitle) == ("春茶价格稳中有升", "——茶农忙着采摘新茶订单增加")
