"""Leads on unseen pages (issue 18): a full-width one-liner ending open, printed over a
body's first paragraph, is a headline (not the lead's first line) when a bare section label
(【今日聚焦】) stands over it, or when it sums up the story printed above it even with
that story's closing credit ((新华社…电)) between them. A bracketed credit printed alone
after a 下转 line takes no subhead: the headline after it heads a story."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, story
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped as _wrapped

COLUMN = 16


def wrapped(paras: list[str]) -> str:
    """Paragraphs hard-wrapped at the column width, blank lines between them."""
    return _wrapped(paras, COLUMN)


def test_a_one_liner_under_a_bare_section_label_is_the_headline_not_the_lead() -> None:
    head = "春茶市场交易活跃价格稳中有升"
    text = "\n\n".join(["【今日聚焦】", head, wrapped(TEA)]) + "\n"
    (art,) = _parse(text).articles
    assert (art.kicker, art.headline) == ("【今日聚焦】", head)
    assert art.lead == TEA[0]


def test_a_line_with_a_clause_mark_under_a_label_stays_in_the_lead() -> None:
    # prose cut by a column break under a label: the line runs on into the paragraph
    first, rest = TEA[0][:COLUMN], TEA[0][COLUMN:]
    text = "\n\n".join(["【今日聚焦】", first, wrapped([rest, *TEA[1:]])]) + "\n"
    (art,) = _parse(text).articles
    assert art.lead == TEA[0]


CREDIT = "（新华社北京１月２日电）"


def test_a_headline_printed_after_its_body_and_closing_credit_is_no_lead() -> None:
    # body, its closing credit, then its headline; the next story's body follows
    head = "春茶采摘忙茶叶市场交易活跃茶农增收"
    text = "\n\n".join([wrapped(TEA), CREDIT, head, wrapped(PORT)]) + "\n"
    arts = _parse(text).articles
    assert [a.headline for a in arts] == [head, None]
    assert [a.lead for a in arts] == [TEA[0], PORT[0]]


def test_a_line_after_a_closing_credit_reading_the_story_below_stays_its_lead() -> None:
    # the next story's first line, cut off by a column break after the credit
    first = "口岸海关数据显示一季度进出口货运"
    rest = "量同比增长，通关效率持续提升。"
    text = "\n\n".join([wrapped(TEA), CREDIT, first, wrapped([rest, *PORT[1:]])]) + "\n"
    arts = _parse(text).articles
    assert arts[-1].lead == first + rest


def test_a_credit_after_a_jump_line_does_not_take_the_next_headline_as_its_subhead() -> None:
    # story A goes on elsewhere (下转), its credit and headline follow, then story B
    # whose headline is printed after its body
    head_a, head_b = "春茶采摘忙茶叶市场交易活跃茶农增收", "口岸货运忙"
    text = "\n\n".join([wrapped(TEA) + " （下转第８版）", "（记者王小明、李华）", head_a,
                        wrapped(PORT), head_b]) + "\n"
    arts = _parse(text).articles
    assert [a.lead for a in arts] == [TEA[0], PORT[0]]
    assert [a.headline for a in arts] == [head_a, head_b]


def test_a_subhead_under_a_story_s_paragraph_stays_a_subhead() -> None:
    # the same lines with a paragraph of the story, not a credit, above the title
    sub = "茶旅融合带动消费"
    text = "\n\n".join(["春茶市场交易活跃", story(TEA[:2]), sub, TEA[2]]) + "\n"
    (art,) = _parse(text).articles
    assert art.subheads == [sub]
