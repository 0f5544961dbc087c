"""Bodies continuing a story from another page (上接…, issue 18). On a page whose headlines
are all printed in one block, the block's re-division of the page may leave the continued
story without a headline, and cuts a story run into it off where a headline of the block
explains it and the words change. On a page whose headlines follow their bodies, a
headline printed below a continued body heads a story run into the continuation."""
from __future__ import annotations

from sitegen.parse.blocks import build_elements
from sitegen.parse.blocksplit import resegment
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.resume import rejoin
from sitegen.parse.segment import segment

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story

# the end of a story begun on another page: no word in common with the others
JUMP = ["（上接第1版）各方表示，将深化交通、能源和数字经济领域合作，共同维护地区和平稳定。",
        "与会代表认为，此次会议成果丰硕，为下一阶段的务实合作规划了清晰路径。"]
HEADS = ["春茶品质好茶农增收", "口岸智慧通关效率提升", "牧民储备草料防寒保暖"]


def _text() -> str:
    # the tea story follows the continued one after a finished sentence and a blank line,
    # with no dateline, marker or headline between them
    return "\n\n".join([*JUMP, *TEA, _story(PORT), _story(SNOW)]) + "\n"


def test_a_story_run_into_a_continued_body_is_cut_off_by_the_headline_block() -> None:
    text = _text()
    layout = segment(build_elements(text))
    bodies = rejoin(layout)
    assert [len(b.paras) for b in bodies] == [5, 3, 2]  # the layout ran the tea story on
    block = [[Group([Unit(h, 100 + 2 * k, 1)]) for k, h in enumerate(HEADS)]]
    recut = resegment(block, bodies, layout.vocab, frozenset({0}))
    assert recut is not None
    assert [[p.raw for p in b.paras] for b in recut] == [JUMP, TEA, PORT, SNOW] or \
        [[p.raw.removeprefix("本报讯 ") for p in b.paras] for b in recut] == [JUMP, TEA, PORT, SNOW]


def test_a_page_with_a_continued_body_follows_its_headline_block() -> None:
    text = "\n\n".join(HEADS) + "\n\n" + _text()
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [JUMP[0].removeprefix("（上接第1版）"), TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == [None, *HEADS]


def test_a_continued_body_is_not_run_into_the_story_after_it() -> None:
    # guard against over-firing: the continued story (about this year's tea exports)
    # shares words with the tea story printed after it as a body of its own: still two
    # articles, the block's first headline on the second
    jump = ["（上接第1版）今年春茶出口订单增加，茶企品质管理水平提升，茶农增收渠道拓宽。",
            "各方表示，将深化交通、能源和数字经济领域合作，为茶叶出口创造便利条件。"]
    text = "\n\n".join(HEADS) + "\n\n" + "\n\n".join([*jump, _story(TEA), _story(PORT), _story(SNOW)]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [jump[0].removeprefix("（上接第1版）"), TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == [None, *HEADS]


def test_a_story_run_into_a_continued_body_above_its_headline_is_cut_off() -> None:
    # headlines printed after their bodies: a continued story (上接…, points one by one,
    # loosely tied) runs into the tea story after a finished sentence, the tea headline
    # printed below them both. The words change most at the junction, though no more
    # sharply than between the continued story's own points: the continuation, which
    # the headline below does not head, is what says two stories meet there
    jump = ["（上接第1版）一是坚持互利合作，制定更多便利化举措，提升贸易和投资规模。",
            "二是坚持机制建设，深化合作，加强统筹协调，更好发挥部级合作机制作用。",
            "三是坚持世代友好，秉持平等、互鉴、对话、包容的文明观，增进相互理解。",
            "与会各方坚持合作，欢迎秘书处启动全面运营，将全力支持秘书处发挥积极作用，交易活跃。"]
    text = "\n\n".join([*jump, *TEA, "春茶上市茶农忙采摘", *PORT, "口岸智慧通关效率提升"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [jump[0].removeprefix("（上接第1版）"), TEA[0], PORT[0]]
    assert [a.headline for a in arts] == [None, "春茶上市茶农忙采摘", "口岸智慧通关效率提升"]
