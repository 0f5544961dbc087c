"""A piece printed between 上接 and 下转 (the middle of a story jumped across pages) that
holds a short title is one piece: the title is a subhead, even when it sums up the text
above it, because the text under it runs to the 下转 marker with no headline after it —
a story starting on this page would print a headline on one side of its text."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse

GRASS = ["入冬以来，牧区草场保护工作持续推进，牧民轮牧休牧，草场生态明显好转。",
         "草场管护员每天巡查草场，劝阻乱采滥挖，守护牧区草场生态。"]
REST = ["兽医站工作人员走村入户，为牛羊接种疫苗，帮助牛羊安全越冬。",
        "乡里还组织专家讲授饲养技术，牛羊出栏率逐年提高，养殖效益不断增加。"]
SUB = "守护草场生态"


def _page(opening: str, closing: str, after: str | None = None, credit: str | None = None) -> str:
    """Headlines after their bodies: a tea story and its headline, then a continued story
    (``opening`` marker) with the subhead ``SUB`` inside, closed by ``closing``;
    ``after``: a title printed after that marker."""
    parts = ["本报讯 " + TEA[0], *TEA[1:], "春茶市场交易活跃 茶农收入增加"]
    if opening.endswith("\n"):
        parts += [opening.strip(), GRASS[0]]
    else:
        parts.append(opening + GRASS[0])
    parts += [*GRASS[1:], SUB, *REST[:-1], REST[-1] + closing]
    if credit:
        parts.append(credit)
    if after:
        parts += [after, "本报讯 " + PORT[0], *PORT[1:], "口岸推行智慧通关跑出加速度"]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("opening,closing", [
    ("（上接第1版）", "（下转第3版）"),
    ("(上接A2版)\n", "\n\n(下转A4版)"),
    ("（上接第一版）", "（转第八版）"),
])
def test_a_title_in_the_middle_of_a_jumped_story_is_a_subhead(opening: str, closing: str) -> None:
    arts = _parse(_page(opening, closing)).articles
    assert [a.headline for a in arts] == ["春茶市场交易活跃 茶农收入增加", None]
    assert arts[1].subheads == (SUB,) or list(arts[1].subheads) == [SUB]
    assert REST[-1][:10] in "".join(arts[1].paragraphs)


def test_without_the_upper_marker_the_title_closes_the_story_above() -> None:
    """No 上接 marker: the text above may be a story that starts here, headed from below
    by the title, as the page heads every story."""
    arts = _parse(_page("", "（下转第3版）")).articles
    assert SUB in [a.headline for a in arts]


def test_a_headline_printed_after_the_lower_text_leaves_the_title_a_headline() -> None:
    """The text under the title is followed by a headline of its own (after its 下转
    marker, as this page prints headlines): it is a story of its own, and the title the
    continued story's jump headline."""
    arts = _parse(_page("（上接第1版）", "（下转第3版）", after="牛羊安全越冬有保障")).articles
    assert SUB in [a.headline for a in arts]


def test_a_credit_under_the_lower_marker_does_not_hide_the_headline_after_it() -> None:
    """A credit printed under the 下转 marker belongs to the story above it: the headline
    printed after that credit still heads the text under the title."""
    arts = _parse(_page("（上接第1版）", "（下转第3版）", after="牛羊安全越冬有保障",
                        credit="（本报记者 李明 通讯员 王芳）")).articles
    assert SUB in [a.headline for a in arts]
