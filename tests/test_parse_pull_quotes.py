"""Pull-quotes (issue 18): a sentence of a story printed again between two of its paragraphs,
in quotation marks or not, is a leftover of kind ``pull_quote``; a headline or subhead that
shares a clause with the text (not a whole sentence) stays what it is. Small hand-written
pages in several forms (one paragraph a line, wrapped columns, other quotation marks)."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped

# a longer story, so that a quote sits between two of its paragraphs
FARM = ["入夏以来，合作社的大棚里瓜果飘香，前来采摘的游客络绎不绝。",
        "合作社负责人介绍，今年引进了新品种，亩产比去年提高两成。每亩增收三千多元。",
        "村民在家门口就能打工挣钱，日子越过越红火。大家干劲十足。",
        "下一步，合作社还将建设冷库，延长销售期，带动更多农户增收。"]


def _pull_quotes(result) -> list[str]:
    return [x.text for x in result.leftovers if x.kind == "pull_quote"]


def test_a_quoted_sentence_between_paragraphs_is_a_leftover_not_a_headline() -> None:
    for quote in ("“合作社负责人介绍，今年引进了新品种，亩产比去年提高两成”",
                  "「村民在家门口就能打工挣钱，日子越过越红火」",
                  "村民在家门口就能打工挣钱，日子越过越红火。"):
        body = story(FARM).split("\n\n")
        text = "\n\n".join(["大棚瓜果喜丰收", *body[:2], quote, *body[2:], "口岸通关效率持续提升", story(PORT)]) + "\n"
        result = parse_conserved(text)
        assert _pull_quotes(result) == [quote], quote
        farm = result.articles[0]
        assert farm.headline == "大棚瓜果喜丰收" and farm.paragraphs == FARM, quote
        assert [a.headline for a in result.articles] == ["大棚瓜果喜丰收", "口岸通关效率持续提升"]


def test_a_pull_quote_in_a_wrapped_column_at_its_own_measure() -> None:
    quote = "“村民在家门口\n就能打工挣钱，\n日子越过越红火”"
    body = wrapped(["本报讯 " + FARM[0], *FARM[1:]], 16).split("\n\n")
    text = "\n\n".join(["大棚瓜果喜丰收", *body[:3], quote, *body[3:]]) + "\n"
    result = parse_conserved(text)
    assert _pull_quotes(result) == [quote.replace("\n", "")]
    assert result.articles[0].paragraphs == FARM


def test_a_paragraph_wrapped_at_the_body_measure_is_not_a_quote() -> None:
    # the same sentence twice, both wrapped at the column: prose printed twice, not set apart
    body = wrapped(["本报讯 " + FARM[0], *FARM[1:], FARM[2]], 16).split("\n\n")
    result = parse_conserved("\n\n".join(["大棚瓜果喜丰收", *body[:2], body[4], *body[2:4]]) + "\n")
    assert _pull_quotes(result) == []


def test_a_headline_or_subhead_sharing_a_clause_is_no_pull_quote() -> None:
    # a subhead quoting a clause of the text below (not a whole sentence), a headline
    # quoting the first clause of its story's first sentence
    body = story(FARM).split("\n\n")
    text = "\n\n".join(["大棚瓜果喜丰收", *body[:2], "“日子越过越红火”", *body[2:],
                        "“口岸海关数据显示”", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert _pull_quotes(result) == []
    assert [a.headline for a in result.articles] == ["大棚瓜果喜丰收", "“口岸海关数据显示”"]


def test_a_repeat_shorter_than_ten_letters_is_not_read() -> None:
    from sitegen.parse.pull_quotes import MIN_LETTERS
    tea = ["春茶上市以来，茶农忙着采摘。", "茶叶订单多。", *TEA[1:], "茶叶订单多。"]
    result = parse_conserved("\n\n".join(["春茶上市", *story(tea).split("\n\n")]) + "\n")
    assert len("茶叶订单多") < MIN_LETTERS and _pull_quotes(result) == []


def test_sentences_are_matched_from_sentence_start_to_sentence_end() -> None:
    from sitegen.parse.pull_quotes import _clauses, _repeats

    runs, marks = _clauses("他说：“我们会照看好这片松林。”35岁的村民米纳，已感受到变化。\n下一段。")
    assert _repeats("我们会照看好这片松林", runs, marks)  # a quotation, after 说：“
    assert _repeats("35岁的村民米纳已感受到变化", runs, marks)
    assert not _repeats("35岁的村民米纳", runs, marks)  # a clause, not a sentence
    assert not _repeats("会照看好这片松林", runs, marks)  # starts inside a sentence
    # a whole paragraph repeated is that paragraph printed twice, not a pull-quote
    runs, marks = _clauses("“甲乙丙丁戊己庚辛壬癸。”\n子丑寅卯辰巳午未申酉。")
    assert not _repeats("甲乙丙丁戊己庚辛壬癸", runs, marks)
