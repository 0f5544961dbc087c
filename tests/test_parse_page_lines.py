"""A page's running head and its editors' line: leftovers of their own kinds, never a
story's kicker, headline, subtitle, dateline or byline (issue #18)."""
from __future__ import annotations

import pytest

from sitegen.parse.page_lines import EDITORS, RUNNING_HEAD, is_editors_line, is_running_head

from synthetic_pages import PORT, TEA, story, wrapped
from synthetic_pages import parse_conserved as _parse

# forms of other papers and designs than the bench's generator prints: zero-padded and
# lettered page numbers, 周六, numeric and Chinese-numeral dates, bars and dots between items
RUNNING_HEADS = [
    "人民日报 2025年5月3日 第04版 要闻",
    "2025年5月3日 星期六 A4",
    "中国青年报 | 2025.05.03 周六 | 07版",
    "二〇二五年五月三日 星期六 第十二版",
    "5月3日 周六 B2 科技",
    "21世纪经济报道 2025-05-03 星期六 第8版 综合新闻",
    "第3版·要闻　2024年12月1日　星期日",
    "A04 2024年11月30日 星期六 北京晚报",
]

NOT_RUNNING_HEADS = [
    "本报北京5月3日电",  # a story's dateline
    "新华社北京2025年5月3日电",  # a dateline with its year
    "2025年5月3日起施行新规",  # a headline naming a date
    "5月3日，市民在公园里赏花",  # a caption
    "2025年5月3日 星期六 北京马拉松开跑 欢迎大家来看比赛",  # a phrase, not names, beside it
    "2025年5月3日",  # a date alone
    "5月3日 北京马拉松",  # no year, no weekday, no page
    "本报记者 张伟",
    "第4版",
]

EDITORS_LINES = [
    "责任编辑：李强　版式设计：赵敏",
    "（责任编辑：刘洋）",
    "本版统筹 陈杰",
    "校对:王芳 | 美编:刘洋",
    "责编：欧阳娜娜、古丽·阿不都",
    "美术编辑：周杰；校对：孙丽",
]

NOT_EDITORS_LINES = [
    "编辑：我们说了一句话。",  # a sentence after the colon
    "责任编辑说：要好好干",
    "统筹推进改革发展稳定",  # the role word as a verb in a headline
    "本版编辑部全体同志向读者致意",
    "（责任编辑：刘洋",  # a bracket left open
    "本报记者 张伟",
]


@pytest.mark.parametrize("text", RUNNING_HEADS)
def test_a_running_head_is_known_by_its_date_weekday_and_page_not_by_the_paper(text: str) -> None:
    assert is_running_head(text)
    assert not is_editors_line(text)


@pytest.mark.parametrize("text", NOT_RUNNING_HEADS)
def test_datelines_bylines_and_headlines_naming_a_date_are_no_running_head(text: str) -> None:
    assert not is_running_head(text)


@pytest.mark.parametrize("text", EDITORS_LINES)
def test_an_editors_line_is_role_words_with_names(text: str) -> None:
    assert is_editors_line(text)
    assert not is_running_head(text)


@pytest.mark.parametrize("text", NOT_EDITORS_LINES)
def test_a_sentence_or_headline_using_a_role_word_is_no_editors_line(text: str) -> None:
    assert not is_editors_line(text)


def _page(head: str, foot: str, body=story) -> str:
    return (f"{head}\n\n春茶市场升温\n\n{body(TEA)}\n\n口岸推行智慧通关\n\n{body(PORT)}\n\n{foot}\n")


@pytest.mark.parametrize("body", [story, lambda paras: wrapped(["本报讯 " + paras[0], *paras[1:]])])
def test_the_running_head_and_editors_line_are_leftovers_not_the_first_stories_titles(body) -> None:
    head, foot = "人民日报 2025年5月3日 第04版 要闻", "责任编辑：李强　版式设计：赵敏"
    result = _parse(_page(head, foot, body))
    tea, port = result.articles
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "春茶市场升温", None)
    assert (port.kicker, port.headline, port.subtitle) == (None, "口岸推行智慧通关", None)
    kinds = {x.text: x.kind for x in result.leftovers}
    assert kinds[head] == RUNNING_HEAD and kinds[foot] == EDITORS
    assert (result.leftovers[0].line, result.leftovers[-1].line) == (1, _page(head, foot, body).count("\n"))


def test_an_editors_line_printed_over_a_story_is_not_its_kicker() -> None:
    text = f"本版统筹 陈杰\n\n春茶市场升温\n\n{story(TEA)}\n\n口岸推行智慧通关\n\n{story(PORT)}\n"
    result = _parse(text)
    assert [(a.kicker, a.headline) for a in result.articles] == [(None, "春茶市场升温"), (None, "口岸推行智慧通关")]
    assert [x.kind for x in result.leftovers] == [EDITORS]


def test_a_headline_naming_a_date_stays_a_headline() -> None:
    text = f"2025年5月3日起施行新规\n\n{story(TEA)}\n\n口岸推行智慧通关\n\n{story(PORT)}\n"
    tea, _ = _parse(text).articles
    assert tea.headline == "2025年5月3日起施行新规"
