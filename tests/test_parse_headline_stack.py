"""A whole 引题 / 主题 / 副题 stack printed tight, with no blank line between its titles
(issue 18, kind 3): cut where a line is narrower than the line under it and ends on no
clause mark (a wrapped line fills its measure), then read the stack's roles as for
titles printed apart."""
from __future__ import annotations

from sitegen.parse.headlines import Group, Unit
from sitegen.parse.title_roles import roles, split_pair, split_stack

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story
from synthetic_pages import two_stories as _two


STACK = ["茶企负责人说今年春茶品质好，", "茶农收入增加", "春茶市场升温茶企加快北上步伐",
         "茶叶订单比去年多三成外地客商纷纷上门采购，", "产地价格稳中有升"]


def _fields(head: list[str]) -> list[tuple]:
    return [(a.kicker, a.headline, a.subtitle) for a in _two(head, ["口岸推行智慧通关"])]


def test_a_tight_stack_over_its_story_gives_each_title_its_field() -> None:
    head = ["茶企负责人说今年春茶", "品质好", "春茶市场升温茶企加快北上", "茶叶订单比去年多外地客商上门采购",
            "产地价格稳中有升"]
    assert _fields(head) == [("茶企负责人说今年春茶品质好", "春茶市场升温茶企加快北上", "茶叶订单比去年多外地客商上门采购产地价格稳中有升"),
                             (None, "口岸推行智慧通关", None)]


def test_a_headline_wrapped_over_three_lines_is_not_cut() -> None:
    # each line as wide as the one under it or wider: wraps of one title
    head = ["春茶市场升温茶企加快北上", "步伐外地客商纷纷上门采", "购产地价格稳中有升"]
    tea, _ = _two(head, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "".join(head), None)


def test_a_wrapped_title_over_a_wider_line_is_headline_and_subtitle() -> None:
    # two lines at one measure, then a wider line: the wrapped title ended, another starts
    head = ["春茶市场升温茶企加快", "北上步伐", "茶叶订单比去年多三成外地客商纷纷上门"]
    tea, _ = _two(head, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "春茶市场升温茶企加快北上步伐", head[2])


def test_a_line_over_a_title_wrapped_wider_is_headline_and_subtitle() -> None:
    # one line, then two lines wrapped at a wider measure (smaller type): two titles
    head = ["春茶市场升温", "茶叶订单比去年多三成外地客商", "纷纷上门采购产地价格稳中有升"]
    tea, _ = _two(head, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "春茶市场升温", head[1] + head[2])


def test_two_one_line_halves_stay_one_headline() -> None:
    # a narrow line over a wider one, neither wrapped: no measure shows, a headline in halves
    head = ["春茶市场升温", "茶企加快北上步伐"]
    tea, _ = _two(head, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "".join(head), None)


def test_split_pair_keeps_every_character_once() -> None:
    parts = ("春茶市场升温茶企加快", "北上步伐", "茶叶订单比去年多三成外地客商纷纷上门")
    unit = Unit("".join(parts), 7, 3, parts=parts)
    upper, lower = split_pair(unit)
    assert upper.text + lower.text == unit.text and (upper.n_lines, lower.n_lines) == (2, 1)
    assert lower.subtitle and not upper.subtitle and upper.parts == parts[:2]
    assert split_pair(Unit("春茶市场升温茶企加快北上步伐", 7, 2, parts=("春茶市场升温", "茶企加快北上步伐"))) \
        == [Unit("春茶市场升温茶企加快北上步伐", 7, 2, parts=("春茶市场升温", "茶企加快北上步伐"))]


def test_split_stack_keeps_every_character_once() -> None:
    unit = Unit("".join(STACK), 3, 5, parts=tuple(STACK))
    pieces = split_stack(unit)
    assert "".join(p.text for p in pieces) == unit.text
    assert [p.n_lines for p in pieces] == [2, 1, 2] and [p.line for p in pieces] == [3, 3, 3]
    assert split_stack(Unit("春茶市场升温", 3, 1)) == [Unit("春茶市场升温", 3, 1)]
    sub = Unit("——茶叶订单比去年多茶农收入增加", 3, 3, subtitle=True, parts=("——茶叶", "订单比去年多", "茶农收入增加"))
    assert split_stack(sub) == [sub]
    assert roles(Group([unit])) == ("茶企负责人说今年春茶品质好，茶农收入增加", "春茶市场升温茶企加快北上步伐",
                                    "茶叶订单比去年多三成外地客商纷纷上门采购，产地价格稳中有升")


def test_a_quoted_title_on_lines_of_its_own_is_one_title_of_the_stack() -> None:
    head = ["茶企负责人说今年春茶品质", "好茶叶订单比去年多", "“春茶市场升温，", "茶企加快北上”",
            "外地客商纷纷上门采购产地价格稳中有升"]
    assert _fields(head)[0] == (
        "茶企负责人说今年春茶品质好茶叶订单比去年多", "“春茶市场升温，茶企加快北上”", "外地客商纷纷上门采购产地价格稳中有升")


def test_a_quote_after_a_clause_mark_or_giving_only_two_titles_is_not_cut() -> None:
    said = ["外地客商说：", "“今年春茶品质", "好订单多”"]
    tea, _ = _two(said, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "".join(said), None)
    two = ["春茶市场升温茶企加快北上", "“茶香”飘出大山", "产地价格稳"]
    assert split_stack(Unit("".join(two), 3, 3, parts=tuple(two))) == [Unit("".join(two), 3, 3, parts=tuple(two))]


# -- a subtitle printed right under a markdown heading ----------------------------------

SUB = "茶叶订单比去年多、茶农收入增加、茶旅融合带动消费 外地客商纷纷上门采购新茶"


def test_a_line_with_no_sentence_under_a_heading_is_its_subtitle() -> None:
    head = "茶企负责人说今年春茶品质好\n## 春茶市场升温\n" + SUB
    before = head + "\n\n" + _story(TEA) + "\n\n# 口岸推行智慧通关\n\n" + _story(PORT) + "\n"
    after = _story(TEA) + "\n\n" + head + "\n\n" + _story(PORT) + "\n\n# 口岸推行智慧通关\n"
    for text in (before, after):
        tea, port = _parse(text).articles
        assert (tea.kicker, tea.headline, tea.subtitle) == ("茶企负责人说今年春茶品质好", "春茶市场升温", SUB)
        assert (port.kicker, port.headline, port.subtitle) == (None, "口岸推行智慧通关", None)


def test_a_paragraph_printed_tight_under_a_heading_stays_the_story() -> None:
    text = "# 春茶市场升温\n" + _story(TEA) + "\n\n# 口岸推行智慧通关\n\n" + _story(PORT) + "\n"
    tea, port = _parse(text).articles
    assert (tea.headline, tea.subtitle) == ("春茶市场升温", None)
    assert tea.paragraphs[0].startswith("春茶上市以来")


def test_a_main_title_wrapped_narrower_than_kicker_and_subtitle_is_cut_out() -> None:
    # the main title set in larger type wraps at fewer characters than the kicker over it
    # and the subtitle under it: two lines of one width, narrower than both neighbours
    kicker, head, sub = "茶企负责人说今年春茶品质好茶叶订单多", ("春茶市场升温", "茶企北上采购"), "外地客商纷纷上门采购产地价格稳中有升"
    unit = Unit(kicker + "".join(head) + sub, 3, 4, parts=(kicker, *head, sub))
    assert [p.text for p in split_stack(unit)] == [kicker, "".join(head), sub]
    assert roles(Group([unit])) == (kicker, "".join(head), sub)


def test_one_narrow_line_or_a_break_inside_a_word_is_no_main_title() -> None:
    one = ("茶企负责人说今年春茶品质好茶叶订单多", "春茶市场升温", "外地客商纷纷上门采购产地价格稳中有升")
    assert split_stack(Unit("".join(one), 3, 3, parts=one)) == [Unit("".join(one), 3, 3, parts=one)]
    # 订|单: the wide line is wrapped inside a word, so the narrow lines go on from it
    inside = ("茶企负责人说今年春茶品质好茶叶订", "单多春茶市场", "升温茶企北上", "外地客商纷纷上门采购产地价格稳中有升")
    assert len(split_stack(Unit("".join(inside), 3, 4, parts=inside))) == 1
