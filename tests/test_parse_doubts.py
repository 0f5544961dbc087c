"""Self-doubt (sitegen/parse/doubts.py, cohesion.py): small pages where the parser must,
and must not, say it is unsure."""
from __future__ import annotations

import json

from sitegen.parse import parse_text
from sitegen.parse import cohesion
from sitegen.parse.doubts import Signals, reasons
from sitegen.parse.text import Vocabulary

# two stories that share no words, and one story that keeps to its topic
TEA = ["春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升。",
       "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农收入明显增加。",
       "当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
PORT = ["口岸海关数据显示，一季度进出口货运量同比增长，通关效率持续提升。",
        "海关关员介绍，口岸推行智慧通关，货车排队时间缩短，外贸企业降本增效。",
        "下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"]


def test_cohesion_is_lowest_where_two_stories_meet() -> None:
    paras = TEA + PORT
    vocab = Vocabulary(paras)
    found = cohesion.gaps([[p] for p in paras], vocab, window=60)
    deepest = cohesion.deepest(found)
    assert deepest is not None and deepest.index == len(TEA)
    inside = [g.similarity for g in found if g.index != len(TEA)]
    assert deepest.similarity < min(inside) / 3


def test_a_boundary_needs_enough_text_on_both_sides() -> None:
    vocab = Vocabulary(TEA)
    assert cohesion.gaps([["短。"], [TEA[0]]], vocab) == []


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_two_stories_run_together_under_one_headline_are_doubted() -> None:
    text = _page("春茶市场升温 口岸通关提速", *TEA, *PORT)
    result = parse_text("p.txt", text)
    merged = [a for a in result.articles if "春茶" in a.body_text and "口岸" in a.body_text]
    assert merged, "the parser now splits this page; choose a harder one"
    assert any("topic shifts" in d for d in merged[0].doubts), merged[0].doubts


def test_a_clean_story_carries_no_doubt() -> None:
    result = parse_text("p.txt", _page("茶叶订单增加 茶旅融合带动消费", *TEA))
    assert len(result.articles) == 1
    assert result.articles[0].headline and result.articles[0].doubts == ()


def test_a_body_without_headline_is_doubted_unless_it_says_it_continues() -> None:
    bare = parse_text("p.txt", _page(*TEA)).articles[0]
    assert "no headline found for this body" in bare.doubts
    cont = parse_text("p.txt", _page("（上接第1版）" + TEA[0], *TEA[1:])).articles[0]
    assert cont.doubts == ()


def test_doubts_are_in_the_json_record() -> None:
    art = parse_text("p.txt", _page(*TEA)).articles[0]
    record = json.loads(json.dumps(art.to_json(), ensure_ascii=False))
    assert record["doubts"] == list(art.doubts) and record["doubts"]


def test_reasons_follow_the_thresholds() -> None:
    assert reasons(Signals(shift=0.05, shift_typical=0.1, headline="题", match=0.8)) == []
    assert reasons(Signals(shift=0.001, shift_typical=0.1, headline="题", match=0.8))[0].startswith("the topic")
    # a low cohesion that is usual for this body is no shift
    assert reasons(Signals(shift=0.005, shift_typical=0.006, headline="题", match=0.8)) == []
    assert "few words" in reasons(Signals(headline="题", match=0.1))[0]
    # a lesser shift counts only with a loose headline match
    lesser = Signals(shift=0.02, shift_typical=0.06, headline="题", match=0.35)
    assert "fits loosely" in reasons(lesser)[0]
    lesser.match = 0.6
    assert reasons(lesser) == []
    rival = reasons(Signals(headline="题", match=0.5, rival=0.45, rival_line=30))
    assert rival == ["the headline fits the article at line 30 about as well"]
    assert reasons(Signals(continuation=True, stray_line=7)) == [
        "no headline, and the headline at line 7 went to no article"]
    assert reasons(Signals(continuation=True)) == []


def test_a_shift_with_the_headline_on_both_sides_is_one_story_changing_subject():
    shift = dict(shift=0.0, shift_typical=0.05, shift_line=30, headline="中国中亚外长会晤", match=0.72)
    assert not any("topic shifts" in r for r in reasons(Signals(**shift, head_sides=(0.72, 0.49))))
    assert any("topic shifts" in r for r in reasons(Signals(**shift, head_sides=(0.72, 0.02))))
    assert any("topic shifts" in r for r in reasons(Signals(**shift)))  # no sides measured: as before
