"""Two titles printed together: the headline is the one the lead reports (issue 18,
strict headline). A first title sharing (almost) none of the lead's words over a second
the lead carries is the kicker (引题) over the headline, whether the two are units of their
own or a tight run cut where a line is narrower than the one under it. Two titles both
found in the lead, or one title wrapped over lines of one width, are read as before."""
from __future__ import annotations

from sitegen.parse.lead_titles import kicker_cut, kicker_over, subtitle_cut

from synthetic_pages import two_stories as _two

_LEAD = "本报讯 春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升。"  # TEA's
_KICKER, _HEAD = "茶旅融合新气象", "春茶上市茶叶市场交易活跃"


def _tea(printed: list[str]) -> tuple:
    tea, port = _two(printed, ["口岸推行智慧通关"])
    assert (port.kicker, port.headline, port.subtitle) == (None, "口岸推行智慧通关", None)
    return tea.kicker, tea.headline, tea.subtitle


def test_a_first_title_the_lead_does_not_report_is_the_kicker() -> None:
    assert _tea([_KICKER, "", _HEAD]) == (_KICKER, _HEAD, None)  # units of their own
    assert _tea([_KICKER, _HEAD]) == (_KICKER, _HEAD, None)  # tight, the kicker narrower


def test_two_titles_the_lead_reports_are_headline_and_subtitle() -> None:
    assert _tea(["春茶上市交易活跃", "", "茶农忙着采摘新茶"]) == (None, "春茶上市交易活跃", "茶农忙着采摘新茶")


def test_a_title_wrapped_over_lines_of_one_width_stays_whole() -> None:
    assert _tea(["茶旅融合带动消费的", "春茶上市交易活跃了"]) == (None, "茶旅融合带动消费的春茶上市交易活跃了", None)


def test_the_cut_falls_after_the_whole_kicker_and_never_after_a_clause_mark() -> None:
    assert kicker_cut(("茶旅融合", "新气象", _HEAD), (1, 2), _LEAD) == 2
    assert kicker_cut(("茶旅融合", "新气象", _HEAD), (), _LEAD) is None  # no cut the print allows
    assert _tea(["茶旅融合，", _HEAD]) == (None, "茶旅融合，" + _HEAD, None)  # goes on after ，
    assert kicker_over(_KICKER, _HEAD, _LEAD) and not kicker_over(_HEAD, _KICKER, _LEAD)
    assert not kicker_over("振兴", _HEAD, _LEAD)  # too few words to tell


def test_a_label_glued_on_the_kicker_line_is_kept_once() -> None:
    # the label split off the first printed line leaves that line's rest, not the whole line
    assert _tea(["【今日聚焦】" + _KICKER, _HEAD]) == ("【今日聚焦】" + _KICKER, _HEAD, None)


def test_a_kicker_as_wide_as_the_headline_or_wider_is_cut_at_a_clean_break() -> None:
    # 引题 in the wider line over a shorter 主题 (锲而不舍落实… / 风成于上，俗化于下): no width
    # cue, but the break ends the kicker on a whole word and the lead reports only the second
    assert _tea(["茶旅融合迎来发展新气象", "春茶上市交易活跃"]) == ("茶旅融合迎来发展新气象", "春茶上市交易活跃", None)


def test_a_wrap_inside_a_word_or_after_a_function_word_is_not_cut() -> None:
    # 气|象: the line breaks inside 气象, one title wrapped at the measure
    assert _tea(["茶旅融合迎来发展新气", "象春茶上市交易活跃"]) == (None, "茶旅融合迎来发展新气象春茶上市交易活跃", None)
    # …为 / 春茶…: no title ends on a function word
    assert _tea(["茶旅融合迎来发展新气象为", "春茶上市交易活跃"]) == (None, "茶旅融合迎来发展新气象为春茶上市交易活跃", None)


def test_a_second_line_the_lead_does_not_report_is_the_subtitle_of_the_first() -> None:
    # 主题 the lead reports over a 副题 it does not (a detail told later in the story),
    # printed tight: headline and subtitle, not one headline
    assert _tea(["春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购"]) == (None, "春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购")


def test_two_lines_the_lead_both_reports_stay_one_headline() -> None:
    # one headline broken by sense over two lines (春茶市场升温 / 茶企加快北上步伐)
    assert _tea(["春茶上市交易活跃", "茶农忙着采摘新茶"]) == (None, "春茶上市交易活跃茶农忙着采摘新茶", None)
    assert subtitle_cut(("春茶上市交易活跃", "茶农忙着采摘新茶"), (1,), _LEAD) is None
    assert subtitle_cut(("春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购"), (1,), _LEAD) == 1
    assert subtitle_cut(("春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购"), (), _LEAD) is None


def test_a_headline_over_a_longer_subtitle_printed_apart_keeps_the_headline() -> None:
    # the subtitle (words of the body's second paragraph) wraps over more lines than the
    # headline: the lead, not the line count, tells which of the two is the headline
    sub = ["茶企负责人说今年春茶品质好", "茶叶订单比去年多茶农收入明显增加"]
    assert _tea(["春茶上市茶叶市场交易活跃", "", *sub]) == (None, "春茶上市茶叶市场交易活跃", "".join(sub))


def test_a_title_that_opens_a_statement_or_joined_as_a_kicker_stays_the_kicker() -> None:
    from sitegen.parse.headlines import Group, Unit
    from sitegen.parse.title_roles import roles

    head, sub = "春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购产地直销渠道越来越多"
    assert roles(Group([Unit(head, 1, 1), Unit(sub, 3, 2)]), _LEAD) == (None, head, sub)
    assert roles(Group([Unit(head, 1, 1, kicker=True), Unit(sub, 3, 2)]), _LEAD) == (head, sub, None)
    said = "茶叶协会负责人谈春茶市场时表示"
    assert roles(Group([Unit(said, 1, 1), Unit(sub, 3, 2)]), _LEAD + said) == (said, sub, None)


def test_two_tight_titles_over_a_dash_subtitle_are_kicker_and_headline() -> None:
    # 引题 / 主题 / ——副题: the dash takes the subtitle's place, so a title the lead reports
    # over one it hardly does is the kicker over the headline here, not headline + subtitle
    printed = ["春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购", "——茶旅融合带动消费"]
    assert _tea(printed) == ("春茶上市茶叶市场交易活跃", "外地客商纷纷上门订购", "——茶旅融合带动消费")
