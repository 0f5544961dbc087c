"""Title lines ending open between a finished story and the next one, with no dateline or
byline after them to say a story starts (issue 18, stories glued): prose ending open is a
column cut off at its foot, which fills its last line to the column's measure and runs on
into text that goes on with its sentence. A line or two that fill no column, or carry no
clause mark at all, after a finished sentence, are a headline. And a 下转 marker ends a
story's text on the page even when a photo is printed under it."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA, parse_conserved, wrapped

from sitegen.parse.blocks import build_elements


def _kinds(text: str) -> dict[str, str]:
    return {el.text: el.kind for el in build_elements(text)}


# -- a line wider than the column above it and short of the column below it -------------

def _two_measures(line: str, narrow: int = 12, wide: int = 22) -> str:
    """The tea story set at ``narrow`` characters, ``line`` on its own, then the port story
    set at ``wide`` (two stories at their own measures, as a page's columns are)."""
    return wrapped(TEA, narrow) + "\n\n\n" + line + "\n\n" + wrapped(PORT, wide) + "\n"


def test_a_line_filling_neither_column_is_a_title_commas_or_not() -> None:
    for line in ("茶叶市场交易活跃,春茶价格稳中有升", "春茶市场升温，茶企加快北上步伐"):
        assert _kinds(_two_measures(line))[line] == "title", line


def test_a_line_as_wide_as_the_column_above_is_prose() -> None:
    line = "茶叶市场交易活跃，春茶价"  # 12 characters: the tea column cut off at its foot
    assert _kinds(_two_measures(line))[line] == "para"


def test_a_line_as_wide_as_the_column_below_is_prose() -> None:
    line = "口岸海关数据显示，一季度进出口货运量同"  # the port column's measure, less the last
    assert _kinds(_two_measures(line, wide=19))[line] == "para"


def test_the_headline_between_two_measures_heads_the_story_above_not_a_paragraph() -> None:
    # headlines printed after their stories: the line closes the tea story
    line = "茶叶市场交易活跃,春茶价格稳中有升"
    text = _two_measures(line) + "\n口岸智慧通关提速\n"
    arts = parse_conserved(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert arts[0].headline == line


# -- one paragraph per line: a long line with no clause mark --------------------------------

LONG_TITLE = "地区春茶市场升温茶企加快北上步伐茶农收入明显增加“茶旅融合”带动消费持续升温外地客商纷纷上门采购今年新茶"


def _one_per_line(line: str, after: list[str]) -> str:
    return "\n\n".join([*TEA, line, *after]) + "\n"


def test_a_long_line_with_no_clause_mark_between_sentences_is_a_title() -> None:
    assert len(LONG_TITLE) > 50
    assert _kinds(_one_per_line(LONG_TITLE, PORT))[LONG_TITLE] == "title"


def test_a_long_line_with_a_comma_is_prose() -> None:
    line = LONG_TITLE[:20] + "，" + LONG_TITLE[20:]
    assert _kinds(_one_per_line(line, PORT))[line] == "para"


def test_a_long_line_running_on_into_text_that_opens_mid_sentence_is_prose() -> None:
    rest = ["的收入明显增加，茶企负责人说今年订单比去年多。", *PORT]
    assert _kinds(_one_per_line(LONG_TITLE, rest))[LONG_TITLE] == "para"


# -- two or three lines wrapped at the column, no clause mark, stopping short ---------------

def _wrapped_title(title: list[str]) -> str:
    return wrapped(TEA, 14) + "\n\n" + "\n".join(title) + "\n\n" + wrapped(SNOW, 14) + "\n"


def test_a_wrapped_title_with_no_clause_mark_stopping_short_is_a_title() -> None:
    title = ["春茶市场升温茶企加快北上步伐", "茶农收入增加"]
    assert _kinds(_wrapped_title(title))["".join(title)] == "title"


def test_wrapped_lines_filling_the_column_to_the_last_are_not_taken_for_a_title() -> None:
    # a column cut off at its foot fills its last line (left to the content's reading)
    lines = ["春茶市场升温茶企加快北上步伐", "茶农收入明显增加茶旅融合带动"]
    assert _kinds(_wrapped_title(lines))["".join(lines)] != "title"


# -- a 下转 marker, a photo under it, then the next story ------------------------------------

def test_the_text_after_a_jump_marker_and_a_photo_is_another_story() -> None:
    # a continued story (上接 … 下转), a photo, then a story whose headline follows it: the
    # one headline on the page must not pull the continued piece into its story
    for marker, photo in (("（下转第3版）", "■游客在茶园体验采茶。 本报记者 李明 摄"),
                          ("(转A4版)", "图为口岸货车排队通关。 新华社记者 王某 摄")):
        text = ("（上接第1版）" + "\n\n".join(TEA[:2]) + marker + "\n\n" + photo + "\n\n"
                + "\n\n".join(PORT) + "\n\n口岸智慧通关提速\n")
        arts = parse_conserved(text).articles
        assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA[:2]), "".join(PORT)], marker
        assert [a.headline for a in arts] == [None, "口岸智慧通关提速"]


def test_the_text_after_a_photo_inside_a_story_goes_on_with_it() -> None:
    text = ("春茶市场升温\n\n" + "\n\n".join(TEA[:2]) + "\n\n"
            + "■游客在茶园体验采茶。 本报记者 李明 摄\n\n" + TEA[2] + "\n")
    arts = parse_conserved(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA)]


# -- a headline far wider than the column, over the rest of a story it interrupts ------------

def test_a_line_far_past_the_column_over_text_opening_mid_sentence_is_a_headline() -> None:
    # headlines after their bodies; the tea story breaks off mid-sentence, the snow story and
    # its headline (set across columns, no clause mark) follow, then the rest of the tea story
    tea_1 = "茶企负责人说今年春茶品质好，茶叶订单比去年多，茶农的收入明显增加，茶叶市场交易活跃。"
    cut = tea_1.index("的收入")
    for head in ("牧区迎来降雪牧民储备草料转场工作有序进行", "【民生关注】牧区牧民做好防寒保暖转场有序"):
        text = (wrapped([TEA[0], tea_1[:cut]], 12) + "\n\n" + wrapped(SNOW, 12) + "\n\n" + head + "\n\n"
                + wrapped([tea_1[cut:], TEA[2]], 12) + "\n\n春茶品质好茶农收入增\n")
        arts = parse_conserved(text).articles
        assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], tea_1, TEA[2]]), "".join(SNOW)], head
        assert arts[1].headline == head.removeprefix("【民生关注】")


# -- a labelled title between two stories; a bracketed credit closing a story ----------------

def test_a_title_with_a_section_label_in_front_is_no_subhead() -> None:
    for label in ("【民生关注】", "〔特别报道〕"):
        text = ("春茶市场升温\n\n" + "\n\n".join(TEA) + "\n\n" + label + "口岸智慧通关提速\n\n"
                + "\n\n".join(PORT) + "\n")
        arts = parse_conserved(text).articles
        assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)], label
        assert [a.headline for a in arts] == ["春茶市场升温", "口岸智慧通关提速"]


def test_a_title_without_a_label_between_paragraphs_stays_a_subhead() -> None:
    text = "春茶市场升温\n\n" + "\n\n".join(TEA[:2]) + "\n\n茶旅融合带动消费\n\n" + TEA[2] + "\n"
    arts = parse_conserved(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA)]


def test_a_bracketed_credit_alone_closes_its_story() -> None:
    # two stories on one subject, a headline printed before the first and after the second
    # (a page mixing both): the credit under the first story's last paragraph ends it
    tea_4 = "茶农表示，今年春茶价格稳中有升，茶叶订单明显增加，茶旅融合让茶园更热闹。"
    for credit in ("（王守荣）", "(李明 张华)"):
        text = ("春茶市场升温\n\n" + "\n\n".join(TEA[:2]) + "\n\n" + credit + "\n\n" + TEA[2] + "\n\n" + tea_4
                + "\n\n春茶文化节吸引游客\n")
        arts = parse_conserved(text).articles
        assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA[:2]), TEA[2] + tea_4], credit
        assert [a.headline for a in arts] == ["春茶市场升温", "春茶文化节吸引游客"]
