"""Pull-quotes whose sentence stands where the first reading missed it (issue 18, stories
broken in two: a pull-quote read as a headline cuts its story there). A paper sets the
sentence it pulls out in quotation marks of its own, so a quoted block repeating a
one-sentence paragraph is a pull-quote (a paragraph printed twice would be set the same
way twice); a sentence starts after the dateline and reporter's bracket opening a story
(本报讯（记者 王小明）…), and after who gives an answer (杨刚平（总经理）：…)."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, parse_conserved, story

FARM = ["入夏以来，合作社的大棚里瓜果飘香，前来采摘的游客络绎不绝。",
        "合作社负责人介绍，今年引进了新品种，亩产比去年提高两成。每亩增收三千多元。",
        "村民在家门口就能打工挣钱，日子越过越红火。",
        "下一步，合作社还将建设冷库，延长销售期，带动更多农户增收。"]
HEAD, PORT_HEAD = "大棚瓜果喜丰收", "口岸通关效率持续提升"


def _page(paras: list[str], quote: str, at: int, opening: str = "本报讯 ") -> str:
    body = [opening + paras[0], *paras[1:]]
    return "\n\n".join([HEAD, *body[:at], quote, *body[at:], PORT_HEAD, story(PORT)]) + "\n"


def _check(text: str, quote: str, paras: list[str]) -> None:
    result = parse_conserved(text)
    assert [x.text for x in result.leftovers if x.kind == "pull_quote"] == [quote]
    assert [a.headline for a in result.articles] == [HEAD, PORT_HEAD]
    assert result.articles[0].paragraphs[-1] == paras[-1]


@pytest.mark.parametrize("quote", ["“村民在家门口就能打工挣钱，日子越过越红火”",
                                   "「村民在家门口就能打工挣钱，日子越过越红火。」",
                                   "『村民在家门口就能打工挣钱，日子越过越红火』"])
@pytest.mark.parametrize("at", [2, 3])
def test_a_quoted_block_repeating_a_one_sentence_paragraph_is_a_pull_quote(quote: str, at: int) -> None:
    _check(_page(FARM, quote, at), quote, FARM)


@pytest.mark.parametrize("opening", ["本报讯（记者 王小明）", "本报杭州3月5日电（通讯员 李华 记者 张三）",
                                     "新华社北京7月2日电（记者 樊曦）"])
def test_a_sentence_after_the_dateline_and_credit_can_be_pulled_out(opening: str) -> None:
    # (the story's first sentence, a paragraph's first but not all of it)
    paras = [FARM[0] + "采摘季将持续到九月。", *FARM[1:]]
    quote = "“入夏以来，合作社的大棚里瓜果飘香，前来采摘的游客络绎不绝”"
    _check(_page(paras, quote, 2, opening), quote, paras)


@pytest.mark.parametrize("who", ["杨刚平（合作社理事长）：", "答：", "村民王大姐："])
def test_a_sentence_after_who_answers_can_be_pulled_out(who: str) -> None:
    paras = [FARM[0], "记者：今年收成怎么样？", who + "今年引进了新品种，亩产比去年提高两成。每亩增收三千多元。", *FARM[2:]]
    quote = "“今年引进了新品种，亩产比去年提高两成”"
    _check(_page(paras, quote, 3), quote, paras)


def test_a_paragraph_printed_twice_the_same_way_is_no_pull_quote() -> None:
    from sitegen.parse.pull_quotes import _clauses, _repeats

    # the block is set in quotation marks, but so is the paragraph it repeats: the same
    # quotation printed twice, not a sentence pulled out
    runs, marks = _clauses("“甲乙丙丁戊己庚辛壬癸。”\n子丑寅卯辰巳午未申酉。")
    assert not _repeats("甲乙丙丁戊己庚辛壬癸", runs, marks, quoted=True)
    runs, marks = _clauses("子丑寅卯。\n甲乙丙丁戊己庚辛壬癸。\n子丑寅卯辰巳午未申酉。")
    assert not _repeats("甲乙丙丁戊己庚辛壬癸", runs, marks)  # unquoted: printed twice
    assert _repeats("甲乙丙丁戊己庚辛壬癸", runs, marks, quoted=True)
