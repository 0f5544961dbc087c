"""Headlines and leads on unseen pages (issue 18, the headline and lead part), on small
synthetic pages: a credit in brackets is never a story's lead; a bracketed label heads
the headline printed after it."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story


def test_a_credit_naming_a_role_at_the_top_of_a_body_is_its_byline_not_its_lead() -> None:
    text = "\n\n".join(["春茶市场交易活跃", "（记者 王小明 李华）", *TEA]) + "\n"
    (art,) = _parse(text).articles
    assert art.lead == TEA[0]
    assert art.byline == "记者 王小明 李华"


def test_bare_names_in_brackets_between_two_stories_close_the_story_before() -> None:
    # both headlines printed in a block at the top; the first story's closing credit
    # sits between the two bodies
    text = "\n\n".join(["春茶市场交易活跃", "口岸通关效率提升", *TEA, "（王小明 李华）", *PORT]) + "\n"
    arts = _parse(text).articles
    assert [a.lead for a in arts] == [TEA[0], PORT[0]]
    assert [a.byline for a in arts] == ["王小明 李华", None]


def test_a_bracketed_label_in_a_headline_block_heads_the_headline_after_it() -> None:
    # all headlines printed in one block, each under the same section label: the second
    # label is the kicker of the second headline, not the tail of the first
    heads = ["春茶上市以来茶叶市场交易活跃春茶价格稳中有升", "口岸海关推行智慧通关货车排队时间缩短"]
    block = ["【专题】", heads[0], "【专题】", heads[1]]
    for text in ("\n\n".join([*block, story(TEA), story(PORT)]) + "\n",
                 "\n\n".join([story(TEA), story(PORT), *block]) + "\n"):
        arts = _parse(text).articles
        assert [(a.kicker, a.headline, a.subtitle) for a in arts] == [
            ("【专题】", heads[0], None), ("【专题】", heads[1], None)]


def test_a_title_printed_after_its_body_sharing_some_words_is_no_banner() -> None:
    # the title shares only a few words with the story printed above it (coverage about
    # 0.18, below what a unit needs on any body), a section name follows it
    title = "春茶飘香采摘忙"
    text = "\n\n".join([*TEA, title, "综合新闻", story(PORT), "口岸海关推行智慧通关"]) + "\n"
    result = _parse(text)
    assert [a.headline for a in result.articles] == [title, "口岸海关推行智慧通关"]
    assert [x.text for x in result.leftovers] == ["综合新闻"]


def test_a_headline_over_its_byline_sharing_few_words_beats_a_stray_line_above_it() -> None:
    # a line sharing the words of the story above (taken by that story's own headline),
    # then the next story's headline sharing few words with it (coverage about 0.18),
    # its byline, and its body: the headline heads the body, the stray line is left over
    title = "口岸春来货运忙"
    text = "\n\n".join(["春茶市场交易活跃", story(TEA), "茶农收入明显增加之后",
                        title + "\n●本报记者 王小明", *PORT]) + "\n"
    result = _parse(text)
    assert [a.headline for a in result.articles] == ["春茶市场交易活跃", title]
    assert [x.text for x in result.leftovers] == ["茶农收入明显增加之后"]


class _Coverages:
    """A scorer whose coverages are given: (headline text, body index) → coverage."""

    def __init__(self, table: dict[tuple[str, int], float]):
        self.table = table

    def content(self, text: str, body: int) -> float:
        return self.table.get((text, body), 0.0)


def test_a_headline_wrapped_inside_a_word_stays_one_headline_in_the_block_order() -> None:
    from sitegen.parse.assign import Assignment
    from sitegen.parse.blockorder import order_block
    from sitegen.parse.blocks import build_elements
    from sitegen.parse.headlines import Group, Unit
    from sitegen.parse.resume import rejoin
    from sitegen.parse.segment import segment

    text = "\n\n".join(story(s) for s in (TEA, PORT)) + "\n"
    bodies = rejoin(segment(build_elements(text)))
    assert len(bodies) == 2
    # one printed unit of three lines after both bodies: the first headline wrapped inside
    # the word 价格 (价|格), then the second headline
    lines = ("春茶上市茶叶价", "格稳中有升", "口岸智慧通关")
    unit = Unit("".join(lines), 100, 3, parts=lines)
    cover = _Coverages({
        (lines[0], 0): 0.9, (lines[0] + lines[1], 0): 0.7, (lines[0] + lines[1] + lines[2], 0): 0.5,
        (lines[1] + lines[2], 1): 0.6, (lines[2], 1): 0.5, (lines[1], 1): 0.1,
    })
    ordered = order_block([[Group([unit])]], bodies, cover, Assignment())
    assert ordered is not None
    assert [ordered.by_body[i].text for i in (0, 1)] == [lines[0] + lines[1], lines[2]]


def test_a_section_name_over_a_byline_is_a_banner_not_the_headline_it_closes() -> None:
    text = "\n\n".join(["春茶市场交易活跃", story(TEA), "综合新闻\n■ 本报记者 王小明\n本报北京4月2日电",
                        *PORT]) + "\n"
    result = _parse(text)
    assert [a.headline for a in result.articles] == ["春茶市场交易活跃", None]
    assert ("banner", "综合新闻") in [(x.kind, x.text) for x in result.leftovers]


def test_a_line_over_a_byline_closed_head_that_shares_no_words_is_its_kicker() -> None:
    # kicker (the words of the story), a blank line, a headline sharing none of them,
    # its byline and dateline, its body: one head, the kicker over the headline
    kicker, title = "口岸海关推行智慧通关进出口货运量同比增长", "春风又绿边城路"
    text = "\n\n".join(["春茶市场交易活跃", story(TEA), kicker, title, "■ 本报记者 王小明\n本报讯", *PORT]) + "\n"
    arts = _parse(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "春茶市场交易活跃"), (kicker, title)]


def test_a_weak_headline_in_a_grouped_block_heads_the_body_no_other_headline_claims() -> None:
    # three headlines printed together between the second and third story; the middle
    # one shares few words with its story (coverage about 0.18) and stands at no edge
    block = ["春茶市场交易活跃", "口岸春来货运忙", "牧区牧民储备草料"]
    text = "\n\n".join([story(TEA), story(PORT), *block, story(SNOW)]) + "\n"
    result = _parse(text)
    assert [a.headline for a in result.articles] == block
    assert not result.leftovers


def test_a_line_of_the_block_moves_to_the_run_whose_body_its_own_words_cover() -> None:
    from sitegen.parse.assign import Assignment
    from sitegen.parse.blockorder import order_block
    from sitegen.parse.blocks import build_elements
    from sitegen.parse.headlines import Group, Unit
    from sitegen.parse.resume import rejoin
    from sitegen.parse.segment import segment

    bodies = rejoin(segment(build_elements("\n\n".join(story(s) for s in (TEA, PORT)) + "\n")))
    head_a, sub_a, head_b = "春茶上市交易活跃", "茶农收入明显增加", "口岸智慧通关"
    # the subtitle covers its story less well than its headline does, so as a share it
    # dilutes that run more than the next one: the alignment alone gives it to story B
    cover = _Coverages({
        (head_a, 0): 0.9, (head_a + sub_a, 0): 0.5, (head_a + sub_a + head_b, 0): 0.3,
        (sub_a, 0): 0.4, (sub_a + head_b, 1): 0.85, (head_b, 1): 0.9,
    })
    block = [[Group([Unit(t, 100 + 2 * k, 1)]) for k, t in enumerate((head_a, sub_a, head_b))]]
    ordered = order_block(block, bodies, cover, Assignment())
    assert ordered is not None
    assert [ordered.by_body[i].text for i in (0, 1)] == [head_a + sub_a, head_b]


def test_a_kicker_and_headline_taken_from_a_headline_block_keep_their_printed_lines() -> None:
    # one tight block of three lines: TEA's kicker and headline, then PORT's headline. The
    # two lines TEA takes are rejoined as one unit that must keep its printed lines, or
    # the kicker could not be cut from the headline by the lead's words
    block = "茶旅融合迎来发展新气象\n春茶上市交易活跃\n口岸海关推行智慧通关"
    for text in ("\n\n".join([block, *TEA, *PORT]) + "\n", "\n\n".join([*TEA, *PORT, block]) + "\n"):
        arts = _parse(text).articles
        assert [(a.kicker, a.headline, a.subtitle) for a in arts] == [
            ("茶旅融合迎来发展新气象", "春茶上市交易活跃", None), (None, "口岸海关推行智慧通关", None)]
