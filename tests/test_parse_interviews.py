"""Interviews (questions and answers): a question put by the interviewer (记者：…？, 问：…?,
主持人：…？, or 记者 in bold and a space) is a paragraph of the story, not a subhead, a headline
or a byline, and no story is cut next to one. Hand-written pages in several forms: one
paragraph a line, wrapped in a narrow column (the question's first line then looks like a
byline), a question in the same block as its answer."""
from __future__ import annotations

import pytest

from sitegen.parse.interviews import is_question, opens_with_asker, question_lines
from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped

INTRO = "近日，记者就春茶产销情况采访了县茶叶协会会长。"


@pytest.mark.parametrize("asker", ["记者：", "本报记者:", "主持人：", "Q:", "问："])
def test_questions_are_paragraphs_of_the_interview(asker: str) -> None:
    q1, q2 = f"{asker}今年春茶行情怎么样？", f"{asker}下一步有什么打算?"
    paras = [INTRO, q1, TEA[0], TEA[1], q2, TEA[2]]
    text = "\n\n".join(["春茶走俏海外市场", story(paras), "口岸通关效率持续提升", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert result.articles[0].paragraphs == paras and result.articles[0].subheads == []


def test_a_wrapped_question_under_a_bold_tag_is_no_byline() -> None:
    # 记者 set in bold and a space: the question's first line reads like 记者 + names
    q = "记者　茶叶出口企业最关心的是哪些问题？"
    paras = ["本报讯 " + INTRO, q, TEA[0], TEA[1], TEA[2]]
    text = "春茶走俏海外市场\n\n" + wrapped(paras, 14) + "\n\n口岸通关效率持续提升\n\n" + wrapped(["本报讯 " + PORT[0], *PORT[1:]], 14) + "\n"
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert result.articles[0].paragraphs == [INTRO, q, *TEA]
    assert result.articles[0].byline is None


def test_a_byline_under_a_bold_tag_stays_a_byline() -> None:
    lines = ["记者 张三 李四", "记者　王小明", "本报记者 赵敏"]
    assert all(question_lines([line, "今年以来，茶园面积扩大了吗？"]) == set() for line in lines)
    assert question_lines(["记者　茶叶出口企业最关心的", "是哪些问题？", "答：主要是物流。"]) == {0, 1}
    assert question_lines(["问：请介绍一下具", "体情况。", "答：好的。"]) == {0, 1}  # a request
    assert question_lines(["问：甲乙丙丁！", "戊己？"]) == set()  # a sentence ended first: no question
    assert question_lines(["记者　茶叶出口企业", "最关心的是", "什么样的", "问题和困", "难？"]) == set()  # too long


def test_asker_tags_read_as_printed() -> None:
    assert opens_with_asker("记者：今年怎么样？") and opens_with_asker("■记者:哪些？")
    assert opens_with_asker("新华社记者：这意味着什么？") and opens_with_asker("记者　茶叶出口企业最关心")
    assert not opens_with_asker("记者 张三") and not opens_with_asker("记者从县里获悉，今年……")
    assert not opens_with_asker("问题在于成本。")
    assert is_question(["问：成本怎么", "降下来？"]) and not is_question(["答：靠规模。"])


def test_a_page_is_searched_once_for_askers_indented_or_not() -> None:
    from sitegen.parse.interviews import page_may_ask
    assert page_may_ask("导语。\n　　记者：今年怎么样？\n") and page_may_ask("■ 问：怎么样？")
    assert not page_may_ask("■ 本报记者 张三\n今年以来，记者：走访了……")  # a byline; a tag mid-line
