"""Headline blocks printed without blank lines (issue 18), on small synthetic pages with
one paragraph per line: stacked headline lines are not prose, a run of headline lines
after a byline is no series label, a block holding fewer headline groups than the
page has bodies is divided line by line, and bodies are re-cut to the block's headlines."""
from __future__ import annotations

from functools import partial

from sitegen.parse.blocks import build_elements
from sitegen.parse.blocksplit import resegment
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.resume import Body, rejoin
from sitegen.parse.segment import segment

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story
from synthetic_pages import wrapped

_wrapped = partial(wrapped, width=14)  # the column these pages are set in

TEA, PORT = TEA[:2], PORT[:2]  # two paragraphs a story on these pages


def _page(block: list[str]) -> str:
    return "\n".join(block) + "\n\n" + "\n\n".join(_story(s) for s in (TEA, PORT, SNOW)) + "\n"


def test_long_stacked_headline_lines_on_a_page_of_one_line_paragraphs_are_headlines() -> None:
    block = ["春茶上市茶农忙采摘茶叶市场交易活跃价格稳中有升",
             "口岸海关推行智慧通关进出口货运量同比增长",
             "牧区迎来多次降雪牧民提前储备草料转场有序"]  # together wider than one headline
    arts = _parse(_page(block)).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == block


def test_headline_lines_after_a_byline_are_no_series_label() -> None:
    block = ["春茶上市茶农忙采摘", "■本报记者 王小明", "口岸推行智慧通关", "进出口货运量同比增长"]
    text = "\n".join(block) + "\n\n" + "\n\n".join(_story(s) for s in (TEA, PORT)) + "\n"
    arts = _parse(text).articles
    assert arts[0].headline == "春茶上市茶农忙采摘" and not arts[0].kicker
    assert "口岸推行智慧通关" in (arts[1].headline or "")


def test_a_block_with_fewer_headline_groups_than_bodies_is_divided_line_by_line() -> None:
    block = ["春茶市场升温", "口岸推行智慧通关", "进出口货运量同比增长", "【节日专题】", "牧区牧民储备草料"]
    arts = _parse(_page(block)).articles
    shown = ["".join(x or "" for x in (a.kicker, a.headline, a.subtitle)) for a in arts]
    assert shown == ["春茶市场升温", "口岸推行智慧通关进出口货运量同比增长", "【节日专题】牧区牧民储备草料"]
    assert arts[2].kicker == "【节日专题】"


def test_bodies_are_recut_to_the_headline_block_of_the_page() -> None:
    # the layout cut one story in two and ran two others together; the block's three
    # headlines, printed in the stories' order after them, join the one and cut the other
    text = "\n\n".join(["本报讯 " + TEA[0], TEA[1], "本报讯 " + PORT[0], PORT[1], SNOW[0], SNOW[1]]) + "\n"
    layout = segment(build_elements(text))
    (tea, rest) = rejoin(layout)
    halves = []
    for part in (tea.paras[:1], tea.paras[1:]):
        b = Body(list(part), "hard")
        b.spans = [(part[0].line, part[-1].chunks[-1].lines[-1].no)]
        halves.append(b)
    heads = ["春茶品质好茶农增收", "口岸智慧通关效率提升", "牧民储备草料防寒保暖"]
    block = [[Group([Unit(h, 100 + 2 * k, 1)]) for k, h in enumerate(heads)]]
    recut = resegment(block, [*halves, rest], layout.vocab)
    assert recut is not None
    assert [[p.raw.removeprefix("本报讯 ") for p in b.paras] for b in recut] == [TEA, PORT, SNOW]
    assert resegment(block, recut, layout.vocab) is None  # nothing left to change


def test_a_line_after_a_byline_that_heads_the_story_below_is_no_series_label() -> None:
    # headline printed after its body, its byline under it, then the next story's
    # one-line headline over that story: the line is that story's headline, not a label
    text = ("\n\n".join(TEA) + "\n\n春茶上市茶农增收\n■本报记者 王小明\n\n口岸推行智慧通关\n\n"
            + "\n\n".join(PORT) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert (arts[0].kicker, arts[0].headline) == (None, "春茶上市茶农增收")
    assert arts[1].headline == "口岸推行智慧通关"


def test_a_series_label_after_a_byline_stays_the_kicker_of_its_headline() -> None:
    # the label shares words with the story above, not with the one below: a kicker
    text = ("\n\n".join(TEA) + "\n\n春茶上市茶农增收\n■本报记者 王小明\n\n茶叶市场观察\n\n"
            + "\n\n".join(PORT) + "\n")
    arts = _parse(text).articles
    assert (arts[0].kicker, arts[0].headline) == ("茶叶市场观察", "春茶上市茶农增收")


def test_a_line_wider_than_the_column_after_a_byline_is_a_headline_not_a_series_label() -> None:
    # two lines of a headline printed run together (the break lost) come after the byline
    # closing the headline above: a series label is a short name, this line is wider than
    # the column the bodies are printed in, so it heads a story of its own
    glued = "口岸海关推行智慧通关进出口货运量同比增长"
    text = ("春茶上市茶农增收\n■本报记者 王小明\n\n" + glued + "\n\n\n"
            + _wrapped(["本报讯 " + TEA[0], TEA[1]]) + "\n\n\n" + _wrapped(["本报讯 " + PORT[0], PORT[1]]) + "\n")
    arts = _parse(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "春茶上市茶农增收"), (None, glued)]
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]


def test_a_line_after_a_byline_sharing_the_story_above_and_not_the_head_is_that_storys_headline() -> None:
    # a story's headline printed after its body, below the next story's byline-closed head:
    # its words are the body above's, the head's are not, so it is no series label of that head
    text = ("\n\n".join(TEA) + "\n\n口岸推行智慧通关\n■本报记者 王小明\n\n春茶上市茶农采茶\n\n"
            + "\n\n".join(PORT) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert [(a.kicker, a.headline) for a in arts] == [(None, "春茶上市茶农采茶"), (None, "口岸推行智慧通关")]
