"""A kicker left over above its own headline joins it while the headlines are grouped
(issue 18): a series line such as 民营经济高质量发展一线观察 shares a few generic words with
another story and none with its own, so the content assignment leaves it over as a
headline of its own, which the count rules then read as one story more than the page
shows. Printed right above a headline that heads a body, with no byline, no closing full
stop and not covering another story as well as that story's headline does, it is the
kicker of the headline under it."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, parse_conserved, story

_PORT_HEADED = "口岸通关效率持续提升\n\n" + story(PORT) + "\n\n"


def _page(line: str) -> str:
    """The port story under its headline, then ``line`` over the tea story's headline."""
    return _PORT_HEADED + line + "\n\n春茶价格稳中有升\n\n" + story(TEA) + "\n"


def _heads(text: str) -> tuple[list[tuple], list[tuple[str, str]]]:
    result = parse_conserved(text)
    return [(a.kicker, a.headline) for a in result.articles], [(x.kind, x.text) for x in result.leftovers]


def test_a_series_line_over_a_headline_is_its_kicker() -> None:
    heads, leftovers = _heads(_page("民营经济高质量发展一线观察"))
    assert heads == [(None, "口岸通关效率持续提升"), ("民营经济高质量发展一线观察", "春茶价格稳中有升")]
    assert leftovers == []


def test_a_line_covering_another_story_like_its_headline_is_no_kicker() -> None:
    # the port story's words, nearly as many as its own headline's: a headline printed out
    # of order (or a story's second headline), not a kicker over the tea story
    heads, leftovers = _heads(_page("海关关员推行智慧通关"))
    assert heads[1] == (None, "春茶价格稳中有升")
    assert leftovers == [("headline", "海关关员推行智慧通关")]


def _block_page(line: str) -> str:
    """The tea and port stories, then their headlines printed together with ``line``
    between them."""
    return story(TEA) + "\n\n" + story(PORT) + "\n\n春茶价格稳中有升\n\n" + line + "\n\n口岸通关效率持续提升\n"


def test_a_title_under_a_head_sharing_its_storys_words_joins_it() -> None:
    # between two headlines of a group printed together, a title sharing a word (茶农)
    # with the story of the headline right above it goes with that headline
    heads = [(a.headline, a.subtitle) for a in parse_conserved(_block_page("山间处处飘新香茶农忙")).articles]
    assert heads == [("春茶价格稳中有升", "山间处处飘新香茶农忙"), ("口岸通关效率持续提升", None)]


def test_a_title_under_a_head_sharing_no_words_stays_a_banner() -> None:
    result = parse_conserved(_block_page("好日子越过越红火"))
    assert [(a.headline, a.subtitle) for a in result.articles] == [("春茶价格稳中有升", None), ("口岸通关效率持续提升", None)]
    assert [(x.kind, x.text) for x in result.leftovers] == [("banner", "好日子越过越红火")]
