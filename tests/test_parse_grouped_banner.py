"""A line of a group of headlines that shares no words with any story (a banner) still
counts a story when it is printed apart from the group's other headlines (issue 18,
:func:`sitegen.parse.grouped.cut_at_groups`): a body whose own headline covers one side of
its clearest vocabulary shift and not a word of the other is cut there, and the banner
heads the story cut off. Printed tight over a headline, such a line is its kicker and
cuts nothing."""
from __future__ import annotations

from synthetic_pages import SNOW, parse_conserved, story, wrapped
from test_parse_glue_doubt import HEAD as HEAD_TEA, PORT, TEA

HEAD_SNOW = "牧区降雪牧民转场"
BANNER = "万家灯火映初心"  # not one word of any story


def _page(group: str) -> str:
    """The tea story with the port brief run into it after a finished sentence and a blank
    line, then ``group`` (the headlines closing that stretch), the snow story and its
    headline."""
    return "\n\n".join([wrapped(TEA[:3]), wrapped(PORT), group, story(SNOW), HEAD_SNOW]) + "\n"


def _articles(text: str) -> list[tuple[str | None, str]]:
    return [(a.headline, a.blocks[0].text[:6]) for a in parse_conserved(text).articles]


def test_a_banner_printed_apart_in_the_group_heads_the_story_run_into_the_stretch():
    got = _articles(_page(BANNER + "\n\n" + HEAD_TEA))
    assert got == [(HEAD_TEA, TEA[0][:6]), (BANNER, PORT[0][:6]), (HEAD_SNOW, SNOW[0][:6])]


def test_the_story_cut_off_keeps_its_paragraphs():
    arts = parse_conserved(_page(BANNER + "\n\n" + HEAD_TEA)).articles
    assert [b.text for b in arts[1].blocks if b.kind == "paragraph"] == PORT


def test_a_line_printed_tight_over_the_headline_is_its_kicker_and_cuts_nothing():
    got = _articles(_page(BANNER + "\n" + HEAD_TEA))
    assert len(got) == 2 and got[0][1] == TEA[0][:6]
