"""A dash pair (——) broken over two lines of a title (…锲而不舍— / —三论…) joins the two
lines (issue 18): a line opening with a dash starts a subtitle only when the line over it
did not end with the first half of that dash. Before, the title was cut inside its dash,
`经济结构调整要锲而不舍—` over a subtitle `—三论今年经济工作主要任务`."""
from __future__ import annotations

import pytest

from synthetic_pages import TEA, parse_conserved, story


@pytest.mark.parametrize("upper,lower", [
    ("春茶价格稳中有升—", "—记茶乡采茶忙"),
    ("茶叶订单比去年多—", "—二论春茶市场"),
])
def test_a_dash_broken_over_two_lines_stays_in_one_title(upper: str, lower: str) -> None:
    [art] = parse_conserved(upper + "\n" + lower + "\n\n" + story(TEA) + "\n").articles
    assert (art.headline or "") + (art.subtitle or "") == upper + lower
    assert not (art.subtitle or "").startswith("—")


def test_a_whole_dash_opening_a_line_still_starts_a_subtitle() -> None:
    [art] = parse_conserved("春茶价格稳中有升\n——记茶乡采茶忙\n\n" + story(TEA) + "\n").articles
    assert (art.headline, art.subtitle) == ("春茶价格稳中有升", "——记茶乡采茶忙")
