"""Where one story ends and the next begins on a page without a headline block (issue 18,
sitegen/parse/segment.py): a full-width line ending open between two stories is the
headline of the story above it (printed after its body) when it shares a fair share of
its words with that story and none with the text below; a section label printed in front
of it (【专题】) is no word of it."""
from __future__ import annotations

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped


def _page(head: str) -> str:
    # the tea story, then the line, then the port story with its headline after it, all
    # set in columns exactly as wide as the line: the line is a full-width one-liner
    width = len(head)

    def wrapped(paras: list[str]) -> str:
        return "\n".join(p[k:k + width] for p in paras for k in range(0, len(p), width))
    return wrapped(TEA) + "\n\n" + head + "\n\n" + wrapped(PORT) + "\n\n口岸通关效率持续提升\n"


def test_a_labelled_line_sharing_a_fair_share_of_words_above_and_none_below_ends_the_story() -> None:
    head = "【专题】春茶价格稳中有升茶农喜迎丰收年"  # under half of its words in the tea story
    arts = _parse(_page(head)).articles
    assert [a.headline for a in arts] == [head[4:], "口岸通关效率持续提升"]
    assert arts[0].kicker == "【专题】"  # the label in front is the kicker
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]


def test_a_line_sharing_few_words_above_is_still_read_as_a_column_break() -> None:
    head = "【专题】茶乡春来早新茶上市采摘忙茶农增收"  # a quarter of its words in the tea story
    arts = _parse(_page(head)).articles
    assert len(arts) == 1 and "".join(arts[0].paragraphs).startswith("".join(TEA) + head)


OPEN_TEA = "茶企负责人说，今年春茶品质好，茶叶订单比去年多，"  # stops mid-sentence
# opens like any sentence, and shares few words with the tea story (but none with the port)
REST_TEA = "茶企说，今年新茶卖得好，采茶工人天不亮就上山采摘。"


def _interrupted(rest: str) -> str:
    # the tea story breaks off mid-sentence; the port story follows, then, after its last
    # paragraph and a blank line, ``rest``
    return ("春茶品质好茶农收入增\n\n本报讯 " + TEA[0] + "\n\n" + OPEN_TEA + "\n\n口岸通关效率持续提升\n\n本报讯 "
            + "\n\n".join(PORT) + "\n\n" + rest + "\n")


def test_the_rest_of_an_interrupted_story_opening_like_a_sentence_rejoins_it() -> None:
    arts = _parse(_interrupted(REST_TEA)).articles
    assert ["".join(a.paragraphs) for a in arts] == [TEA[0] + OPEN_TEA + REST_TEA, "".join(PORT)]
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "口岸通关效率持续提升"]


def test_a_paragraph_that_reads_on_from_the_text_above_it_stays_there() -> None:
    more_port = "海关还将优化口岸通关流程，进出口企业通关效率继续提升。"
    arts = _parse(_interrupted(more_port)).articles
    assert ["".join(a.paragraphs) for a in arts] == [TEA[0] + OPEN_TEA, "".join(PORT) + more_port]


def test_the_last_characters_of_a_sentence_carried_over_a_column_break_end_its_story() -> None:
    # "…春茶价格稳中有" / blank line / "升。": the scrap closes the open sentence, it is no
    # stray fragment, and the story ends with it
    head, tail = TEA[0][:-2], TEA[0][-2:]

    def wrapped(paras: list[str], width: int = 16) -> str:
        return "\n".join(p[k:k + width] for p in paras for k in range(0, len(p), width))
    text = ("春茶品质好茶农收入增\n\n" + wrapped([head]) + "\n\n" + tail + "\n\n口岸通关效率持续提升\n\n"
            + wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n")
    result = _parse(text)
    assert ["".join(a.paragraphs) for a in result.articles] == [TEA[0], "".join(PORT)]
    assert not [x for x in result.leftovers if x.text == tail]


def test_a_dash_line_under_a_headline_that_runs_on_into_nothing_is_its_subtitle() -> None:
    # headlines after their bodies: the tea headline's subtitle opens with a dash, has
    # commas and 、 like prose, and ends open; the port story's dateline follows it
    sub = "——茶乡迎来采摘忙季、订单增多、茶企扩大生产、茶农增收"

    text = (wrapped(["本报讯 " + TEA[0], *TEA[1:]]) + "\n\n春茶品质好茶农收入增\n\n" + wrapped([sub]) + "\n\n"
            + wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n\n口岸通关效率持续提升\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert (arts[0].headline, arts[0].subtitle) == ("春茶品质好茶农收入增", sub)


def test_a_dash_line_under_a_headline_that_runs_on_is_prose() -> None:
    # the same line running on into the paragraph below it (a column break) is a list item
    item = "——茶乡迎来采摘忙季、订单增多、"
    rest = "茶农收入明显增加。"
    text = ("春茶品质好茶农收入增\n\n" + item + "\n\n" + rest + "\n\n" + "\n\n".join(TEA) + "\n")
    arts = _parse(text).articles
    assert "".join(arts[0].paragraphs).startswith(item + rest)


def test_lines_with_no_clause_mark_ending_a_story_that_goes_on_nowhere_are_its_headline() -> None:
    # headlines after their bodies; the tea headline is long, set a little wider than the
    # column like prose, shares few words with its story and has no comma: read as prose,
    # the story would stop mid-sentence and go on nowhere
    head = "乡村好风光引来八方游客周末走进采摘新茶的山间茶园体验“采摘忙”让每个来到这里的家庭都感受到丰收的喜悦和幸福"

    text = (wrapped(["本报讯 " + TEA[0], *TEA[1:]]) + "\n\n" + wrapped([head], 18) + "\n\n"
            + wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n\n口岸通关效率持续提升\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert [a.headline for a in arts] == [head, "口岸通关效率持续提升"]
