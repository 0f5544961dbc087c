"""A story continued from another page (上接…) goes without a headline when the only
title line it could take is printed on the other side of it than the page prints its
headlines, and shares hardly a word with it (issue 18: a headline the paper never
printed). A jump headline on the page's side is kept, however short."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse

SNOW3 = SNOW + ["气象部门提醒，近期仍有降雪降温天气，牧民要加固棚圈，储备足够草料。"]
TEA3, PORT3 = TEA, PORT


def _page(banner: str, marker: str, jump: str | None = None) -> str:
    """A page whose headlines follow their bodies; a title line (``banner``) at the top,
    over a continued snow story; the tea and port stories each followed by its headline.
    ``jump``: a jump headline printed after the continued story (the page's side)."""
    parts = [banner, marker + SNOW3[0], *SNOW3[1:]]
    if jump:
        parts.append(jump)
    parts += ["本报讯 " + TEA3[0], *TEA3[1:], "春茶市场交易活跃 茶农收入增加",
              "本报讯 " + PORT3[0], *PORT3[1:], "口岸推行智慧通关跑出加速度"]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("banner,marker", [
    ("干字当头开新局", "（上接第2版）"),
    ("奋进新征程 建功新时代", "(上接A3版)"),
    ("美丽乡村行", "（上接第一版）"),
])
def test_a_line_over_a_continued_story_against_the_pages_side_heads_nothing(banner: str, marker: str) -> None:
    result = _parse(_page(banner, marker))
    arts = result.articles
    assert [a.paragraphs[0][-12:] for a in arts] == [s[0][-12:] for s in (SNOW3, TEA3, PORT3)]
    assert [a.headline for a in arts] == [None, "春茶市场交易活跃 茶农收入增加", "口岸推行智慧通关跑出加速度"]
    assert banner in [x.text for x in result.leftovers]


def test_a_short_jump_headline_on_the_pages_side_is_kept() -> None:
    """The same page with a short jump headline printed after the continued story, as the
    page prints every headline: it heads the continuation, though it shares few words."""
    arts = _parse(_page("干字当头开新局", "（上接第2版）", jump="雪原写担当")).articles
    assert [a.headline for a in arts] == ["雪原写担当", "春茶市场交易活跃 茶农收入增加", "口岸推行智慧通关跑出加速度"]


def test_without_the_marker_the_rule_leaves_the_page_alone() -> None:
    """No 上接 marker: the story is not known to be continued (it may be a story whose
    headline the dump printed on the wrong side), so its title line stays its headline."""
    arts = _parse(_page("干字当头开新局", "")).articles
    assert arts[0].headline == "干字当头开新局"


@pytest.mark.parametrize("banner", ["干字当头开新局", "奋进新征程 建功新时代"])
def test_a_headline_whose_words_the_page_prints_again_as_a_banner_is_doubted(banner: str) -> None:
    """The banner is printed at the top and again after a continued story (上接…), where
    the page prints its headlines (after their bodies), and that story takes it as its
    headline: a page prints a story's headline once, so the doubt names the repeat."""
    page = _page(banner, "（上接第2版）", jump=banner)
    arts = _parse(page).articles
    assert arts[0].headline == banner
    assert any("printed again at line 1" in d for d in arts[0].doubts)
    assert not any("printed again" in d for a in arts[1:] for d in a.doubts)


def test_a_headline_printed_once_is_not_doubted_as_repeated() -> None:
    arts = _parse(_page("干字当头开新局", "（上接第2版）", jump="雪原写担当")).articles
    assert not any("printed again" in d for a in arts for d in a.doubts)
