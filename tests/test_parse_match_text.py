"""A headline group's match text: its units' words without series labels, and a group of
one unit (label or not) matches by that unit's words (issue 23: answered without joining)."""
from __future__ import annotations

from sitegen.parse.headlines import Group, Unit


def test_one_unit_matches_by_its_words_label_or_not() -> None:
    assert Group([Unit("春茶上市", 3, 1)]).match_text == "春茶上市"
    assert Group([Unit("一线观察", 3, 1, label=True)]).match_text == "一线观察"


def test_series_label_left_out_of_several_units() -> None:
    group = Group([Unit("春茶上市", 3, 1), Unit("茶农增收", 4, 1), Unit("一线观察", 6, 1, label=True)])
    assert group.match_text == "春茶上市茶农增收"
    assert Group([Unit("一线观察", 6, 1, label=True), Unit("走基层", 7, 1, label=True)]).match_text == "一线观察走基层"
