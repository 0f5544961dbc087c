"""One body holding two stories, given the lines of two headlines by the block order
(issue 18, kind 2): ``blocklines.recut_body`` divides the lines and the body together. A
headline's line only partly found in its story (洮北：花海织锦 / 花卉产业奏响振兴协奏曲)
lowers the share of the headline's words taken as one text; the lines stay together as
long as none of them is found better in the other story."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW

from sitegen.parse import lines as L
from sitegen.parse.blocks import Element
from sitegen.parse.blocklines import recut_body
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.resume import Body
from sitegen.parse.paragraphs import Para
from sitegen.parse.text import Vocabulary


def _recut(heads: list[str]) -> list[tuple[list[str], list[str]]] | None:
    """The port and snow stories run together in one body, cut by ``heads`` (the block's
    lines, in order): (each piece's paragraphs, its headline lines), or None."""
    texts = [*PORT, *SNOW]
    paras = [Para([Element("para", [L.Line(2 * k + 1, t)])]) for k, t in enumerate(texts)]
    body = Body(paras, "dateline", spans=[(1, 2 * len(texts) - 1)])
    items = [Group([Unit(t, 100 + k, 1)]) for k, t in enumerate(heads)]
    out = recut_body(items, body, Vocabulary(texts))
    return out and [([p.raw for p in piece.paras], [g.units[0].text for g in its]) for piece, its in out]


def test_a_headline_line_found_only_in_part_stays_with_its_headline() -> None:
    # 外贸企业 is the port story's, the rest of the line in neither story: taken as one
    # text the port headline's two lines cover their story less than CUT_OWN, so the body
    # was left whole (two stories under one headline)
    heads = ["口岸：通关效率提升", "外贸企业奏响开放发展新时代协奏曲", "入冬以来牧区迎来降雪", "牧民储备草料转场有序"]
    assert _recut(heads) == [(PORT, heads[:2]), (SNOW, heads[2:])]


def test_a_line_found_better_in_the_other_story_does_not_lift_its_run() -> None:
    # 货车 is in the port story only; with the snow headline, the line's run covers the
    # snow story less than CUT_OWN and the line is found better in the port story, so that
    # division is not explained by its best line: the line stays with the port headline
    heads = ["口岸：通关效率提升", "货车司机点赞奏响协奏曲", "入冬以来牧区迎来降雪", "牧民储备草料转场有序"]
    assert _recut(heads) == [(PORT, heads[:2]), (SNOW, heads[2:])]
