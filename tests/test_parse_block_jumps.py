"""A headline block re-cut to its bodies (``blocksplit.resegment``) never runs one article
on across a jump (issue 18): a paragraph closed by a 下转 marker is the last of its story
printed on the page (the rest is on another page), and a body opened by 上接 is where a
story's text on this page begins. Whatever the block's lines count, the body above and the
body below are not one article."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

# four lines in the block for three bodies, the second of them a subtitle printed apart:
# the block's count would take the first two for two stories and run two bodies together
HEADS = ["口岸通关效率持续提升", "海关推行智慧通关 外贸企业降本增效", "牧区降雪 牧民储备草料", "千帆竞发正当时"]


def _page(tea: list[str], port: list[str]) -> str:
    return (wrapped(tea) + "\n\n（记者张明）\n\n" + wrapped(port) + "\n\n\n"
            + wrapped(["本报讯 " + SNOW[0], *SNOW[1:]]) + "\n\n" + "\n\n".join(HEADS) + "\n")


def test_a_body_closed_by_a_jump_is_not_run_on_into_the_next() -> None:
    arts = _parse(_page([*TEA[:-1], TEA[-1] + "（下转第2版）"], PORT)).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [len(a.paragraphs) for a in arts] == [3, 3, 2]


def test_a_body_opened_by_a_jump_is_not_swallowed_by_the_story_above() -> None:
    arts = _parse(_page(TEA, ["（上接第1版）" + PORT[0], *PORT[1:]])).articles
    assert [len(a.paragraphs) for a in arts] == [3, 3, 2]
    assert arts[1].paragraphs[0].endswith(PORT[0])


def test_without_a_jump_the_block_runs_the_first_body_on() -> None:
    # the same page with neither marker: the block's count decides as before, and runs
    # the first story on into the second body
    arts = _parse(_page(TEA, PORT)).articles
    assert arts[0].paragraphs[:3] == TEA
    assert len(arts[0].paragraphs) > 3
