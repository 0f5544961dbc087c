"""Self-doubt at the junctions between stories on pages without a headline block (issue
18): the rejoin stage (:mod:`sitegen.parse.resume`) keeps each decision's runner-up, so a
story left ending mid-sentence, continued nowhere on the page, says so and names the text
that could have been its rest."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse

from sitegen.parse.blocks import build_elements
from sitegen.parse.resume import rejoin, rejoin_read
from sitegen.parse.segment import segment

OPEN_TEA = "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农"  # stops mid-sentence
# its rest: opens with a particle that never starts a sentence
REST_TEA = "的收入明显增加，茶叶市场交易活跃，春茶价格稳中有升。"


def _page(tea_tail: str, after: str = "") -> str:
    return ("春茶品质好茶农收入增\n\n本报讯 " + TEA[0] + "\n\n" + OPEN_TEA + tea_tail
            + "\n\n口岸通关效率持续提升\n\n本报讯 " + "\n\n".join(PORT) + after + "\n")


def test_a_story_stopping_mid_sentence_with_no_rest_on_the_page_is_doubted() -> None:
    arts = _parse(_page("")).articles
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "口岸通关效率持续提升"]
    line = 5  # the tea story's last line
    assert any(f"stops mid-sentence at line {line}" in d for d in arts[0].doubts), arts[0].doubts
    assert not any("stops mid-sentence" in d for d in arts[1].doubts), arts[1].doubts


def test_a_story_continued_on_another_page_is_not_doubted_for_it() -> None:
    arts = _parse(_page("（下转第2版）")).articles
    assert not any("stops mid-sentence" in d for a in arts for d in a.doubts), [a.doubts for a in arts]


def test_the_rest_found_further_down_is_rejoined_not_doubted() -> None:
    text = _page("", "\n\n" + REST_TEA)
    arts = _parse(text).articles
    assert "".join(arts[0].paragraphs).endswith(OPEN_TEA + REST_TEA)
    assert not any("stops mid-sentence" in d for a in arts for d in a.doubts), [a.doubts for a in arts]


def test_each_rejoin_decision_keeps_its_runner_up() -> None:
    # two open ends, one rest: the rest goes to the end it continues, by a margin over
    # ending there; the other end is continued nowhere, with nothing else to choose
    text = ("春茶品质好茶农收入增\n\n本报讯 " + OPEN_TEA + "\n\n牧区做好防寒保暖\n\n本报讯 " + SNOW[0]
            + "\n\n兽医站工作人员走村入户，为牛羊接种疫苗，\n\n口岸通关效率持续提升\n\n本报讯 "
            + PORT[0] + "\n\n" + REST_TEA + "\n")
    layout = segment(build_elements(text))
    bodies, runners = rejoin_read(layout)
    assert [b.text for b in bodies] == [b.text for b in rejoin(segment(build_elements(text)))]
    by_end = {r.end: r for r in runners}
    assert set(by_end) == {3, 9}
    assert (by_end[3].chosen, by_end[3].other) == (15, None) and 0 < by_end[3].margin < 1
    assert (by_end[9].chosen, by_end[9].other) == (None, None)
    assert "".join(p.raw for p in bodies[0].paras).endswith(OPEN_TEA + REST_TEA)
