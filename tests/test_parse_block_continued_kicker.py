"""A page's headline block and a story continued from another page (上接…, issue 18): the
continued story's headline is on its first page, so a run of the block heads it only when
its words cover it (blockorder.CONTINUED_FIT), whether the block's groups are cut into
printed lines or not. Before, a block of groups printed apart gave the continued body a
line of its own: the kicker headed the story and its headline went to the continuation."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA, parse_conserved, wrapped

HEADLINE = "茶农：春茶飘香\n致富路上新农人"


def _page(kicker: str, byline: str) -> list[tuple]:
    text = wrapped(TEA) + "\n\n（上接第2版）\n\n" + wrapped(PORT) + "\n\n" + kicker + "\n\n" + HEADLINE + byline + "\n"
    return [(a.kicker, a.headline, a.subtitle, a.paragraphs[0][:4]) for a in parse_conserved(text).articles]


@pytest.mark.parametrize("kicker", ["走基层·看变化", "身边的榜样"])
@pytest.mark.parametrize("byline", ["\n■本报记者 王明", ""])
def test_a_kicker_and_its_headline_head_the_story_not_the_continuation(kicker: str, byline: str) -> None:
    assert _page(kicker, byline) == [(kicker, "茶农：春茶飘香致富路上新农人", None, "春茶上市"),
                                     (None, None, None, "口岸海关")]


def test_a_two_line_kicker_stays_over_its_headline() -> None:
    (k, h, s, lead), continued = _page("乡村振兴一线\n人物风采", "\n■本报记者 王明")
    assert lead == "春茶上市" and "茶农：春茶飘香致富路上新农人" in "".join(x or "" for x in (k, h, s))
    assert continued == (None, None, None, "口岸海关")
