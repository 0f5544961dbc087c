"""Two titles printed together, the first ending on a verb that announces a statement
(…座谈时强调, …批示指出): it is the kicker (引题) over the title that says what was stressed,
whether the two are printed tight on consecutive lines or as units of their own. A title
ending otherwise (…正当时) or a lone title ending on such a verb is read as before."""
from __future__ import annotations

from sitegen.parse.headlines import Unit
from sitegen.parse.title_roles import opens_statement, split_open

from synthetic_pages import two_stories as _two

_KICKER, _HEAD = "省领导在春茶文化节座谈时强调", "春茶市场升温茶企加快北上步伐"


def test_a_title_ending_on_an_announcing_verb_is_the_kicker_over_the_next() -> None:
    for printed in ([_KICKER, _HEAD], [_KICKER, "", _HEAD],
                    ["省领导在春茶文化节", "座谈时强调", "春茶市场升温", "茶企加快北上步伐"]):
        tea, port = _two(printed, ["口岸推行智慧通关"])
        assert (tea.kicker, tea.headline, tea.subtitle) == (_KICKER, _HEAD, None), printed
        assert (port.kicker, port.headline) == (None, "口岸推行智慧通关")


def test_other_endings_and_a_lone_title_are_read_as_before() -> None:
    tea, _ = _two(["春茶采摘正当时", "茶企加快北上步伐"], ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline) == (None, "春茶采摘正当时茶企加快北上步伐")
    tea, _ = _two(["春茶采摘正当时", "", "茶企加快北上步伐"], ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline, tea.subtitle) == (None, "春茶采摘正当时", "茶企加快北上步伐")
    tea, _ = _two(["茶企负责人表示"], ["口岸推行智慧通关"])
    assert (tea.kicker, tea.headline) == (None, "茶企负责人表示")


def test_split_open_keeps_every_character_once() -> None:
    unit = Unit(_KICKER + _HEAD, 3, 3, parts=("省领导在春茶文化节", "座谈时强调", _HEAD))
    kicker, head = split_open(unit)
    assert (kicker.text, kicker.n_lines, kicker.parts) == (_KICKER, 2, ("省领导在春茶文化节", "座谈时强调"))
    assert (head.text, head.n_lines, head.parts) == (_HEAD, 1, ())
    assert split_open(Unit("茶企负责人表示", 3, 1)) == [Unit("茶企负责人表示", 3, 1)]
    assert [opens_statement(t) for t in ("批示指出", "会见时说", "春耕正当时", "武侠小说")] == \
        [True, True, False, False]
