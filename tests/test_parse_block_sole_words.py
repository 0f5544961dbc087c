"""A body given two headlines by a block's order, one of them holding few of its story's words
(a series kicker printed on its line: 民营经济…·企业家风采田睿：…), issue 18 kind 2. The
block re-cut (``blocklines.recut_body``) asks each headline to cover its own side of a cut
well (CUT_OWN); a headline whose words are found on its own side only, while no word of the
other headline is found there, explains its side from SOLE_OWN on: the two headlines then
divide the words of the body between them, and the count of the block says two stories."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW

from sitegen.parse import lines as L
from sitegen.parse.blocklines import recut_body
from sitegen.parse.blocks import Element
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.paragraphs import Para
from sitegen.parse.resume import Body
from sitegen.parse.text import Vocabulary

KICKED = "民营经济一线观察·企业家风采：外贸降本"  # (外贸 and 降本 only are the story's)


def _recut(texts: list[str], heads: list[str]):
    paras = [Para([Element("para", [L.Line(2 * k + 1, t)])]) for k, t in enumerate(texts)]
    body = Body(paras, "dateline", spans=[(1, 2 * len(texts) - 1)])
    items = [Group([Unit(t, 100 + k, 1)]) for k, t in enumerate(heads)]
    out = recut_body(items, body, Vocabulary(texts))
    return out and [(piece.paras[0].raw, [g.units[0].text for g in its]) for piece, its in out]


def test_a_headline_with_few_words_found_on_its_side_only_still_cuts() -> None:
    snow = "入冬以来牧区迎来降雪"
    assert _recut([*PORT, *SNOW], [KICKED, snow]) == [(PORT[0], [KICKED]), (SNOW[0], [snow])]


def test_not_when_the_other_headlines_words_are_found_on_its_side() -> None:
    # 货车 is in the port story too: the snow headline's words are no longer its side's only
    snow = "入冬以来牧区迎来降雪 货车有序"
    assert _recut([*PORT, *SNOW], [KICKED, snow]) is None
