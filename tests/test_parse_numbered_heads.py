"""Numbered section heads (一、… 二、…, （一）…, (二)…) inside a story are its subheads, not
headlines of other stories and not prose; a numbered item of prose (二、……。) stays prose,
and so does one cut by a column break (its last line fills the column). Hand-written
pages: one paragraph a line and wrapped in a narrow column, several numberings."""
from __future__ import annotations

import pytest

from sitegen.parse.numbered_heads import numbered_head
from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped

HEADS = ["茶园管护更精细", "茶旅融合添活力"]


@pytest.mark.parametrize("numbers", [("一、", "二、"), ("（一）", "（二）"), ("(一)", "(二)"), ("一、 ", "二、 ")])
@pytest.mark.parametrize("width", [None, 12])
def test_numbered_heads_are_the_story_s_subheads(numbers: tuple[str, str], width: int | None) -> None:
    h1, h2 = (n + h for n, h in zip(numbers, HEADS))
    paras = [TEA[0], h1, TEA[1], h2, TEA[2]]
    body = story(paras) if width is None else wrapped(["本报讯 " + TEA[0], h1, TEA[1], h2, TEA[2]], width)
    text = "\n\n".join(["春茶走俏海外市场", body, "口岸通关效率持续提升", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert [s.replace(" ", "") for s in result.articles[0].subheads] == [h.replace(" ", "") for h in (h1, h2)]


def test_numbered_prose_is_no_head() -> None:
    above = ["春茶上市以来，茶农忙着采摘新", "茶，春茶价格稳中有升。"]
    assert numbered_head(["二、茶园管护更精细"], above)
    assert numbered_head(["（三）茶旅融合", "添活力"], above)
    assert not numbered_head(["二、各方就即将举行的峰会筹备"], above)  # cut by a column: it fills the line
    assert not numbered_head(["二、茶园管护更精细"], ["春茶上市以来，茶农忙着采摘新", "茶，茶叶市场交易活跃"])  # runs on
    assert not numbered_head(["第二，茶园管护更精细"], above) and not numbered_head(["1. 茶园管护"], above)
    assert not numbered_head(["二、茶园", "管护更", "精细"], above)  # a head is a line or two


def test_a_numbered_item_cut_before_its_sentence_ends_is_prose() -> None:
    """One paragraph a line (no column to measure): a numbered item of prose cut by a column
    break runs clause after clause and ends open; its text goes on in the next paragraph. A
    head names its section in a phrase or two."""
    above = ["春茶上市以来，茶农忙着采摘新茶，春茶价格稳中有升。"]
    assert not numbered_head(["七、各方重申支持多边主义,支持国际贸易规则,不认同单边保护主义的做法,将为此"], above)
    assert numbered_head(["二、茶园管护更精细，茶旅融合添活力"], above)  # two clauses: still a head
    cut, rest = "三、茶企扩大春茶收购，带动茶农增收，推动茶叶品牌", "建设，让茶叶走出大山。"
    paras = [TEA[0], cut, rest, TEA[1]]
    text = "\n\n".join(["春茶走俏海外市场", story(paras), "口岸通关效率持续提升", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert result.articles[0].subheads == []
    assert result.articles[0].paragraphs == [TEA[0], cut + rest, TEA[1]]
