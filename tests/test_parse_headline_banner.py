"""A real headline filed as a banner (issue 18, kind 4): a headline of images, a quote or a
name shares no words with its story, so matching by words leaves it over as a page banner
and its story says it has no headline. Printed right before or after a body that has no
headline, with no other headline between them, it heads that body (every story of a page
has a headline); a section name, a label alone, a banner over a continued story (上接…) or
next to stories that have their headlines stays a leftover."""
from __future__ import annotations

from functools import partial

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

_wrapped = partial(wrapped, width=14)  # the column these pages are set in
_TEA_HEADED = _wrapped(TEA) + "\n\n春茶价格稳中有升\n\n\n"  # the tea story, its headline after it


def _heads(text: str) -> list[tuple]:
    return [(a.kicker, a.headline, a.subtitle) for a in _parse(text).articles]


def _leftovers(text: str) -> list[tuple[str, str]]:
    return [(x.kind, x.text) for x in _parse(text).leftovers]


def test_a_headline_sharing_no_words_printed_over_a_headless_story_heads_it() -> None:
    text = _TEA_HEADED + "静静的心贴着土地\n\n●林汐\n\n" + _wrapped(PORT) + "\n"
    assert _heads(text) == [(None, "春茶价格稳中有升", None), (None, "静静的心贴着土地", None)]
    assert _leftovers(text) == []


def test_a_label_and_headline_printed_after_the_last_headless_story_head_it() -> None:
    text = _TEA_HEADED + _wrapped(PORT) + "\n\n【今日聚焦】\n\n山坡上的好日子\n"
    assert _heads(text)[1] == ("【今日聚焦】", "山坡上的好日子", None)


def test_a_banner_over_a_continued_story_stays_a_banner() -> None:
    text = _TEA_HEADED + "干字当头开新局\n\n（上接第一版）" + _wrapped(PORT) + "\n"
    assert _heads(text)[1] == (None, None, None)
    assert ("banner", "干字当头开新局") in _leftovers(text)


def test_a_section_name_or_a_label_alone_heads_no_story() -> None:
    for banner in ("要闻", "【今日聚焦】"):
        text = _TEA_HEADED + banner + "\n\n" + _wrapped(PORT) + "\n"
        assert _heads(text)[1] == (None, None, None), banner
        assert [t for _k, t in _leftovers(text)] == [banner]


def test_a_banner_between_two_headed_stories_stays_a_banner() -> None:
    text = _TEA_HEADED + "干字当头开新局\n\n\n" + _wrapped(PORT) + "\n\n口岸推行智慧通关\n"
    assert _heads(text) == [(None, "春茶价格稳中有升", None), (None, "口岸推行智慧通关", None)]
    assert _leftovers(text) == [("banner", "干字当头开新局")]
