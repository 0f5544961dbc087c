"""The headline's own text (issue 18, kind 3): what is printed with a headline but is not
its words goes to the field the models give it. A bracketed section label in front of the
headline (【节日专题】), glued onto its line or printed on the line above, is the kicker."""
from __future__ import annotations

from functools import partial

from sitegen.parse.headlines import Unit
from sitegen.parse.title_roles import split_label

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story
from synthetic_pages import two_stories as _two
from synthetic_pages import wrapped

_wrapped = partial(wrapped, width=14)  # the column these pages are set in


def test_a_label_glued_in_front_of_the_headline_is_its_kicker() -> None:
    tea, port = _two(["【节日专题】春茶市场升温茶企加快北上步伐"], ["〔民生关注〕口岸推行智慧通关"])
    assert (tea.kicker, tea.headline) == ("【节日专题】", "春茶市场升温茶企加快北上步伐")
    assert (port.kicker, port.headline) == ("〔民生关注〕", "口岸推行智慧通关")


def test_a_label_on_the_line_over_the_headline_is_its_kicker() -> None:
    tea, port = _two(["【节日专题】", "春茶市场升温", "茶企加快北上步伐"], ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline) == ("【节日专题】", "春茶市场升温茶企加快北上步伐")
    assert (port.kicker, port.headline) == (None, "口岸推行智慧通关")


def test_brackets_that_are_no_leading_label_stay_in_the_headline() -> None:
    # brackets after the headline's first words, and a bracket holding a sentence
    tea, port = _two(["春茶市场升温【图】"], ["【口岸推行智慧通关，货车排队时间缩短】"])
    assert (tea.kicker, tea.headline) == (None, "春茶市场升温【图】")
    assert port.kicker is None and port.headline == "【口岸推行智慧通关，货车排队时间缩短】"


def test_split_label_keeps_every_character_once_and_counts_the_lines_left() -> None:
    printed = Unit("【节日专题】春茶市场升温茶企加快北上步伐", 3, 3,
                   parts=("【节日专题】", "春茶市场升温", "茶企加快北上步伐"))
    label, rest = split_label(printed)
    assert (label.text, label.label, rest.text, rest.n_lines) == \
        ("【节日专题】", True, "春茶市场升温茶企加快北上步伐", 2)
    glued = Unit("【节日专题】春茶市场升温", 3, 1)
    assert [u.text for u in split_label(glued)] == ["【节日专题】", "春茶市场升温"]
    assert split_label(Unit("——【节日专题】春茶", 3, 1, subtitle=True))[0].text == "——【节日专题】春茶"
    assert len(split_label(Unit("【节日专题】", 3, 1))) == 1


def _gold(kicker, headline, subtitle, paras) -> dict:
    joined = "".join(paras)
    return {"id": "p-01", "kicker": kicker, "headline": headline, "subtitle": subtitle,
            "first": joined[:25], "last": joined[-20:], "lead": "本报讯 " + paras[0],
            "paragraphs": len(paras), "features": []}


def test_the_bench_strict_headline_wants_each_field_right_where_the_lenient_one_does_not() -> None:
    """parse_eval's strict figure: kicker, headline and subtitle each equal to the gold's
    (whitespace ignored); the lenient figure only wants the parsed block inside the gold's."""
    import relayout

    text = "【节日专题】\n春茶市场升温\n茶企加快北上步伐\n\n" + _story(TEA) + "\n"
    golds = [("【节日专题】", "春茶市场升温 茶企加快北上步伐", None, True),  # as parsed
             (None, "【节日专题】春茶市场升温 茶企加快北上步伐", None, False),  # label in the headline
             ("【节日专题】", "春茶市场升温", "茶企加快北上步伐", False)]  # second line a subtitle
    for kicker, headline, subtitle, strict in golds:
        gold = {"seed": "p.txt", "articles": [_gold(kicker, headline, subtitle, TEA)]}
        ev = relayout.evaluate([relayout.Page("p", text, gold)])
        (o,) = ev.outcomes
        assert (o.headline, o.strict) == (True, strict), (kicker, headline, subtitle)
        assert ev.totals()["strict"] == (100.0 if strict else 0.0)


# -- a label printed on a line of its own, set apart from its headline by a blank line ------

def _after(head_port: list[str]) -> list:
    # headlines printed after their bodies: tea body, tea headline, port body, port headline
    text = "本报讯 " + "\n\n".join(TEA) + "\n\n春茶市场升温\n\n本报讯 " + "\n\n".join(PORT) + "\n\n" \
        + "\n".join(head_port) + "\n"
    return _parse(text).articles


def test_a_label_set_apart_over_a_headline_printed_after_its_body_is_its_kicker() -> None:
    tea, port = _after(["【今日聚焦】", "", "口岸推行智慧通关"])
    assert (port.kicker, port.headline) == ("【今日聚焦】", "口岸推行智慧通关")
    assert (tea.kicker, tea.headline) == (None, "春茶市场升温")


def test_a_label_set_apart_over_a_head_closed_by_its_author_line_is_its_kicker() -> None:
    tea, port = _after(["【今日聚焦】", "", "口岸推行智慧通关", "●廖志承"])
    assert (port.kicker, port.headline, port.byline) == ("【今日聚焦】", "口岸推行智慧通关", "廖志承")


def test_a_bracketed_sentence_over_a_headline_is_no_label() -> None:
    # brackets round a clause sharing no words with the stories: not a short section name,
    # so not filed as the kicker of the headline under it
    tea, port = _after(["【欢迎读者来信，提供新闻线索】", "", "口岸推行智慧通关"])
    assert port.kicker is None and port.headline == "口岸推行智慧通关"


# -- a headline printed after its story, over an enumerator line and the next story ----------

def _enum_page(start: str) -> str:
    # the tea story hard-wrapped in a column of 14, its headline printed after it (a comma
    # in it, short of the column), then （三） and the port story, opened by ``start``
    return (_wrapped(["本报讯" + TEA[0], *TEA[1:]]) + "\n\n春茶品质好，茶农增收\n\n（三）\n\n"
            + _wrapped([start + PORT[0], *PORT[1:]]) + "\n")


def test_an_open_line_over_an_enumerator_and_a_continued_story_is_a_headline() -> None:
    arts = _parse(_enum_page("（上接第1版）")).articles
    assert "".join(arts[0].paragraphs) == "".join(TEA)
    assert arts[0].headline == "春茶品质好，茶农增收"
    assert "".join(arts[1].paragraphs).endswith("".join(PORT))


def test_an_open_line_over_an_enumerator_reads_as_a_headline_only_over_a_story_start() -> None:
    # over a continued story's 上接 opening, the line is a headline by its place; over text
    # opening no story, it stays prose (a sentence may run on from it elsewhere)
    from sitegen.parse.blocks import build_elements

    for start, kind in (("（上接第1版）", "title"), ("", "para")):
        els = build_elements(_enum_page(start))
        assert [e.kind for e in els if e.text.startswith("春茶品质好")] == [kind]


# -- kicker, main title and subtitle stacked ---------------------------------------------------

def test_the_main_title_of_a_three_part_stack_is_the_middle_one() -> None:
    from sitegen.parse.headlines import Group
    from sitegen.parse.title_roles import roles

    def group(*lines: str) -> Group:
        return Group([Unit(t, 10 + 2 * i, 1) for i, t in enumerate(lines)])

    # 引题 / 主题 / 副题, one line each: the main title stands between the other two
    assert roles(group("茶企负责人说今年春茶品质好", "春茶市场升温", "茶叶订单比去年多茶农收入增加")) == \
        ("茶企负责人说今年春茶品质好", "春茶市场升温", "茶叶订单比去年多茶农收入增加")
    # two units: the first is still the headline, the second its subtitle
    assert roles(group("春茶市场升温", "茶叶订单比去年多")) == (None, "春茶市场升温", "茶叶订单比去年多")


def test_a_three_part_stack_over_its_story_gives_each_part_its_field() -> None:
    head = ["茶企负责人说今年春茶品质好", "", "春茶市场升温", "", "茶叶订单比去年多茶农收入增加"]
    tea, port = _two(head, ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == ("茶企负责人说今年春茶品质好", "春茶市场升温",
                                                        "茶叶订单比去年多茶农收入增加")


def test_the_line_a_dump_marks_as_its_heading_is_the_headline() -> None:
    tea, port = _two(["茶企负责人说今年春茶品质好", "", "# 春茶市场升温"], ["# 口岸推行智慧通关"])
    assert (tea.kicker, tea.headline) == ("茶企负责人说今年春茶品质好", "春茶市场升温")
    assert (port.kicker, port.headline) == (None, "口岸推行智慧通关")


def test_two_marked_headings_in_one_group_are_read_by_their_lines() -> None:
    from sitegen.parse.headlines import Group
    from sitegen.parse.title_roles import roles

    units = [Unit("春茶市场升温", 3, 1, heading=True), Unit("茶叶订单比去年多", 5, 1, heading=True)]
    assert roles(Group(units)) == (None, "春茶市场升温", "茶叶订单比去年多")
