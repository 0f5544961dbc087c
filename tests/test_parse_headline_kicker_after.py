"""A headline block printed after its story (issue 18, s8-head class b): kicker line, headline
line, byline (本报记者 …). The byline closes the block from below and the story from above,
so a one-line title left over right over the byline-closed head joins it, when it shares
words with that story (a kicker carries its story's theme); which title is the headline
is then read from the lead as for any two titles. A title sharing no words with the story
stays a banner."""
from __future__ import annotations

from functools import partial

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

_wrapped = partial(wrapped, width=14)  # the column these pages are set in
_TEA_HEADED = _wrapped(TEA) + "\n\n春茶价格稳中有升\n\n\n"  # the tea story, its headline after it
_BYLINE = "\n\n通关效率持续提升\n●本报记者 林汐\n"  # the port story's head, closed by its byline


def _heads(text: str) -> list[tuple]:
    return [(a.kicker, a.headline, a.subtitle, a.byline) for a in _parse(text).articles]


def _leftovers(text: str) -> list[tuple[str, str]]:
    return [(x.kind, x.text) for x in _parse(text).leftovers]


def test_a_kicker_over_a_byline_closed_head_printed_after_its_story_is_its_kicker() -> None:
    # 外贸企业降本增效 is in the story's second paragraph, not in its lead
    text = _TEA_HEADED + _wrapped(PORT) + "\n\n外贸企业降本增效见实效" + _BYLINE
    assert _heads(text)[1] == ("外贸企业降本增效见实效", "通关效率持续提升", None, "本报记者 林汐")
    assert _leftovers(text) == []


def test_a_title_sharing_no_words_with_the_story_stays_a_banner() -> None:
    text = _TEA_HEADED + _wrapped(PORT) + "\n\n静静的心贴着土地" + _BYLINE
    assert _heads(text)[1] == (None, "通关效率持续提升", None, "本报记者 林汐")
    assert _leftovers(text) == [("banner", "静静的心贴着土地")]
