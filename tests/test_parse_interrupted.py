"""Stories cut by another story and resumed further down (issue 18): the text before the
break ends mid-sentence, the text after the interruption opens mid-sentence (with a
particle such as 的 that never starts a sentence), even when the headline of the story
printed in between stands right above it, or a word runs across the break (收|入). And the
headline that closes such a story: a wrapped headline whose first line repeats the story
above it is no column break."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse

from sitegen.parse.text import opens_mid_sentence, word_across

TEA_1 = "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农的收入明显增加，春茶价格稳中有升，茶叶市场交易活跃。"


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n".join(p[k:k + width] for p in paras for k in range(0, len(p), width))


def test_a_paragraph_opening_with_a_bound_particle_opens_mid_sentence() -> None:
    assert opens_mid_sentence("的收入明显增加。")
    assert opens_mid_sentence("们走进茶园。")
    assert not opens_mid_sentence("的确，今年春茶品质好。")
    assert not opens_mid_sentence("茶农的收入明显增加。")


def _tea_interrupted_by(snow: list[str], cut: int) -> str:
    """Headlines after their bodies: the tea story breaks off at ``cut`` of its second
    paragraph, the ``snow`` story and its headline follow, then the rest of the tea story
    and its headline."""
    return (_wrapped([TEA[0], TEA_1[:cut]]) + "\n\n" + _wrapped(snow)
            + "\n\n牧区做好防寒保暖\n\n" + _wrapped([TEA_1[cut:], TEA[2]])
            + "\n\n春茶品质好茶农收入增\n")


def test_an_interrupted_story_resumes_under_the_headline_of_the_story_inside_it() -> None:
    # headlines after their bodies; the tea story breaks off mid-sentence (茶农|的收入), the
    # snow story and its headline follow, then the rest of the tea story and its headline.
    # The break and the snow story's first line were read as one column break.
    cut = TEA_1.index("的收入")
    arts = _parse(_tea_interrupted_by(SNOW, cut)).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1, TEA[2]]), "".join(SNOW)]
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "牧区做好防寒保暖"]


def test_a_story_after_a_headline_that_opens_normally_is_not_taken_as_a_resumption() -> None:
    # the same page with the port story's paragraphs in their own places: the open tea line
    # is a column break into the port story only if nothing opens mid-sentence below
    text = (_wrapped([TEA[0], TEA_1]) + "\n\n春茶品质好茶农收入增\n\n" + _wrapped(PORT)
            + "\n\n口岸通关效率持续提升\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1]), "".join(PORT)]


def test_a_word_cut_by_the_break_is_read_across_it() -> None:
    assert word_across("为种质资源保", "护和生物多样性发展")
    assert word_across("坚持在涉及彼此核心利", "益问题上相互支持")
    # a pair of characters that happens to be a word is no word in the cut of both sides
    assert not word_across("进一步扩大", "二是坚持互利合作")
    assert not word_across("茶叶订单比去年多，", "入冬以来")


def test_a_story_cut_inside_a_word_resumes_under_a_headline() -> None:
    # the tea story breaks off inside a word (收|入); the snow story, opened by a dateline,
    # and its headline follow; the rest of the tea story opens like any paragraph (入…)
    cut = TEA_1.index("的收入") + 2
    arts = _parse(_tea_interrupted_by(["本报讯 " + SNOW[0], SNOW[1]], cut)).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1, TEA[2]]), "".join(SNOW)]
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "牧区做好防寒保暖"]


def test_a_two_line_headline_after_its_body_whose_first_line_repeats_it_ends_it() -> None:
    # a headline printed after its body, as wide as the column, over a second line that
    # says something else; the next story follows with no dateline: the first line alone
    # repeats the story above, so the chunk is that story's headline, not a column break
    head = ["春茶上市茶农忙着采摘新茶价格稳升", "外地客商纷至沓来"]
    assert [len(h) for h in head] == [16, 8]
    text = (_wrapped(TEA) + "\n\n" + "\n".join(head) + "\n\n" + _wrapped(SNOW)
            + "\n\n牧区做好防寒保暖\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(SNOW)]
    assert head[0] in "".join(x or "" for x in (arts[0].kicker, arts[0].headline, arts[0].subtitle))
