"""A body the block order gave two headlines, cut where the headlines' words place the cut
(issue 18, kind 2; ``blocklines.recut_body``). Cohesion compares windows of several
paragraphs, so where two stories meet it may fall a paragraph off the boundary: a story
opening with a paragraph in words the page shares (海关数据显示, 进出口货运量) is still
close to the story before it there, and the words change only after that paragraph. The
cut found at that shift moves back to the boundary where the second headline's words start,
provided a new story may start there: a blank line before it, or a shift, as stories are set
apart on the page while a story's own paragraphs need not be."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW

from sitegen.parse import cohesion
from sitegen.parse import lines as L
from sitegen.parse.blocks import Element
from sitegen.parse.blocklines import recut_body
from sitegen.parse.blockruns import LINES_SHIFT
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.paragraphs import Para
from sitegen.parse.resume import Body
from sitegen.parse.text import Vocabulary

PORT_HEAD = "口岸：通关效率提升"


def _body(texts: list[str], no_blank: frozenset[int] = frozenset()) -> Body:
    paras = [Para([Element("para", [L.Line(2 * k + 1, t)], gap_before=k not in no_blank)])
             for k, t in enumerate(texts)]
    return Body(paras, "dateline", spans=[(1, 2 * len(texts) - 1)])


def _recut(texts: list[str], heads: list[str], no_blank: frozenset[int] = frozenset()):
    """The body of ``texts`` cut by the block's ``heads``: each piece's first paragraph and
    its headline lines, or None when it stays whole."""
    items = [Group([Unit(t, 100 + k, 1)]) for k, t in enumerate(heads)]
    out = recut_body(items, _body(texts, no_blank), Vocabulary(texts))
    return out and [(piece.paras[0].raw, [g.units[0].text for g in its]) for piece, its in out]


def _shifts(texts: list[str]) -> list[int]:
    paras = _body(texts).paras
    return [g.index for g in cohesion.gaps([p.parts() for p in paras], Vocabulary(texts))
            if g.similarity < LINES_SHIFT]


def test_a_cut_moves_to_where_the_second_headlines_words_start() -> None:
    for opener, head in [("今冬转场季，海关数据显示，一季度进出口货运量同比增长。", "今冬转场季 牧民储备草料"),
                         ("牧民转场季，海关数据显示，一季度进出口货运量同比增长。", "牧民转场季 草料储备足")]:
        texts = [*PORT, opener, *SNOW]
        assert _shifts(texts) == [4]  # (the words change only after the opener)
        assert _recut(texts, [PORT_HEAD, head]) == [(PORT[0], [PORT_HEAD]), (opener, [head])]


def test_the_cut_stays_at_the_shift_when_no_story_may_start_before_the_opener() -> None:
    # the opener printed with no blank line under the port story's last paragraph, while
    # the page sets its paragraphs apart: it runs on in the port story
    opener, head = "今冬转场季，海关数据显示，一季度进出口货运量同比增长。", "今冬转场季 牧民储备草料"
    texts = [*PORT, opener, *SNOW]
    assert _recut(texts, [PORT_HEAD, head], frozenset({3})) == [(PORT[0], [PORT_HEAD]), (SNOW[0], [head])]


def test_a_body_whose_words_never_change_stays_whole() -> None:
    texts = [*PORT, *PORT]
    assert _recut(texts, [PORT_HEAD, "外贸企业降本增效"]) is None
