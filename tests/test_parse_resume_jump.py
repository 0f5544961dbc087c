"""A story cut off mid-word goes on under another story's 下转 marker (issue 18): the text
printed right under a 下转 line opens no story by itself (no dateline, no 上接 marker, no
headline above it); when a word runs across from a story left ending mid-sentence
(这里出|产的…), it is that story's rest. The 下转 closes the story above it, not this one."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

TEA_END = "茶农说，今年春茶品质好，茶叶订单比去年多，采茶工人手不够，这里出"  # (two full lines)
TEA_REST = "产的春茶香气浓郁，远销各地，茶叶订单比去年多。"


def _page(rest: str) -> str:
    return ("春茶上市茶农忙\n\n" + wrapped(["本报讯 " + TEA[0], *TEA[1:], TEA_END]) + "\n\n口岸通关效率持续提升\n\n"
            + wrapped(["本报讯 " + PORT[0], *PORT[1:-1], PORT[-1] + "（下转第2版）"]) + "\n\n\n" + wrapped([rest]) + "\n")


def test_the_rest_of_a_story_under_a_jump_line_joins_it() -> None:
    arts = _parse(_page(TEA_REST)).articles
    assert len(arts) == 2
    assert arts[0].paragraphs[-1] == TEA_END + TEA_REST
    assert arts[1].paragraphs[-1].startswith(PORT[-1])


def test_a_story_under_a_jump_line_with_no_word_across_stays_apart() -> None:
    # no word runs across (这里出|据悉…): the text under the 下转 line is not taken
    arts = _parse(_page("据悉，当地牧民提前储备草料，转场工作有序进行。")).articles
    assert not arts[0].paragraphs[-1].endswith("转场工作有序进行。")
