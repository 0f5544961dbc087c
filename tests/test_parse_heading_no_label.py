"""A markdown heading printed after a byline-closed head is a headline of its own, never that
head's series label (issue 18): the export marks headlines with #, a column name is not one."""
from __future__ import annotations

from sitegen.parse.blocks import build_elements
from sitegen.parse.headlines import build_groups


def _groups(text: str):
    els = [e for e in build_elements(text) if e.kind in ("title", "heading", "byline")]
    return build_groups(els, 0)


def test_a_heading_after_a_byline_is_a_head_of_its_own() -> None:
    groups, loose = _groups("春茶上市茶农增收\n■本报记者 王小明\n\n## 牧区牧民储备草料\n")
    assert [[u.text for u in g.units] for g in groups] == [["春茶上市茶农增收"], ["牧区牧民储备草料"]]
    assert groups[0].closed and not groups[1].closed
    assert [u.text for u in loose] == ["牧区牧民储备草料"] and not loose[0].label


def test_a_plain_short_line_after_a_byline_stays_the_heads_series_label() -> None:
    groups, loose = _groups("春茶上市茶农增收\n■本报记者 王小明\n\n牧区牧民储备草料\n")
    assert len(groups) == 1 and not loose
    assert [(u.text, u.label) for u in groups[0].units] == [("春茶上市茶农增收", False), ("牧区牧民储备草料", True)]
