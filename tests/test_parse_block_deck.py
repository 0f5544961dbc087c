"""A dash deck (——…) closes its head stack (issue 18): a head prints its kicker over the
headline and its dash deck last, under it, so in a block of several heads the title printed
after a deck is the next story's head, never more of the head the deck closes."""
from __future__ import annotations

import pytest

from sitegen.parse.blockjoins import after_deck as _after_deck
from sitegen.parse.blockorder import _past_decks
from sitegen.parse.headlines import Group, Unit

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story

BLOCK = ["春茶上市茶农增收", "", "——茶叶订单比去年多", "", "基层一线观察", "", "口岸推行智慧通关", "",
         "牧区牧民储备草料"]  # the line after the deck shares no words with any story


def _page(top: bool) -> str:
    bodies = "\n\n".join(_story(s) for s in (TEA[:2], PORT[:2], SNOW))
    head = "\n".join(BLOCK)
    return (head + "\n\n" + bodies if top else bodies + "\n\n" + head) + "\n"


def _shown(a) -> str:
    return "".join(x or "" for x in (a.kicker, a.headline, a.subtitle))


@pytest.mark.parametrize("top", [True, False], ids=["block_top", "block_end"])
def test_the_title_after_a_dash_deck_heads_the_next_story(top: bool) -> None:
    arts = _parse(_page(top)).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert (arts[0].headline, arts[0].subtitle) == ("春茶上市茶农增收", "——茶叶订单比去年多")
    assert _shown(arts[1]) == "基层一线观察口岸推行智慧通关"
    assert _shown(arts[2]) == "牧区牧民储备草料"


def _item(text: str, line: int, subtitle: bool = False, of: Unit | None = None) -> Group:
    return Group([Unit(text, line, 1, subtitle=subtitle, of=of)])


def test_a_head_starts_after_a_deck_but_not_inside_a_wrapped_deck() -> None:
    deck = Unit("——茶叶订单比去年多茶农收入明显增加", 2, 2, subtitle=True,
                parts=("——茶叶订单比去年多", "茶农收入明显增加"))
    items = [_item("春茶上市茶农增收", 1), _item("——茶叶订单比去年多", 2, True, deck),
             _item("茶农收入明显增加", 3, of=deck),  # the deck wrapped onto a second line
             _item("——二论春茶市场", 4, True),  # a second dash deck goes on the same head
             _item("口岸推行智慧通关", 5)]
    assert _after_deck(items) == [False, False, False, False, True]


def test_a_run_going_on_past_a_deck_gives_the_rest_to_the_next_run() -> None:
    deck = [False, False, True, False, False]
    assert _past_decks([(0, 3, 0), (3, 5, 1)], deck) == [(0, 2, 0), (2, 5, 1)]
    assert _past_decks([(0, 2, 0), (2, 5, 1)], deck) == [(0, 2, 0), (2, 5, 1)]  # nothing to move
    assert _past_decks([(0, 5, 0)], deck) == [(0, 5, 0)]  # no next run to take the lines
