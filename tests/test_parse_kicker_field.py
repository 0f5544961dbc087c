"""A kicker printed tight over its headline, two lines read as one title field (issue 18,
s8-head's "kicker and headline in one field"): when the first line shares nothing with
the lead and the second is mostly in it (:mod:`sitegen.parse.lead_titles`), the two
lines are kicker and headline even when the kicker is the wider line, provided the first
line ends where a title may end (not on 以, 的, 为…, not inside a word)."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, parse_conserved, story


def _first_head(lines: list[str]) -> tuple:
    text = "\n".join(lines) + "\n\n" + story(TEA) + "\n\n口岸通关效率持续提升\n\n" + story(PORT) + "\n"
    a = parse_conserved(text).articles[0]
    return a.kicker, a.headline, a.subtitle


def test_a_wider_kicker_line_over_the_headline_line_is_the_kicker() -> None:
    assert _first_head(["锲而不舍落实惠农政策好", "春茶价格稳中有升"]) == \
        ("锲而不舍落实惠农政策好", "春茶价格稳中有升", None)


def test_a_first_line_ending_where_no_title_ends_is_not_cut() -> None:
    assert _first_head(["锲而不舍落实惠农政策以", "春茶价格稳中有升"]) == \
        (None, "锲而不舍落实惠农政策以春茶价格稳中有升", None)


def test_a_first_line_the_lead_reports_is_not_a_kicker() -> None:
    assert _first_head(["春茶上市以来茶农忙着采摘", "春茶价格稳中有升"]) == \
        (None, "春茶上市以来茶农忙着采摘春茶价格稳中有升", None)
