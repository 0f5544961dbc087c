"""The broken-output check's rules, on synthetic engines (plain functions from Chinese
sentences to answers) — independent of the test model's one fixed sentence."""
from __future__ import annotations

import pytest

from sitegen.translate.quality import OutputCheck

SOURCES = [f"第{n}条新闻讲述了{topic}的发展。" for n, topic in
           enumerate(["经济", "农业", "教育", "科技", "文化", "交通", "体育", "环境"], 1)]


def judge(engine, sources=SOURCES, **rules):
    outputs = [engine(s) for s in sources]
    return OutputCheck(**rules).problems(sources, outputs)


def sensible(source: str) -> str:  # a different English sentence for every input
    return f"News item {len(source)}-{sum(map(ord, source)) % 997} reports on a development."


def test_a_working_engine_passes():
    assert judge(sensible) == {}


def test_one_answer_for_every_input_is_broken():
    found = judge(lambda s: "The weather is fine today in the city.")
    assert set(found) == set(range(len(SOURCES)))
    assert found[0] == "the same sentence for 8 different inputs"


def test_repetition_ignores_case_spacing_and_punctuation():
    answers = ["The meeting was held.", "the meeting was held", "The  meeting, was held!"]
    found = OutputCheck().problems(SOURCES[:3], answers)
    assert set(found) == {0, 1, 2}


def test_two_inputs_may_share_an_answer_three_may_not():
    same = "The meeting was held in Beijing."
    assert OutputCheck().problems(SOURCES[:2], [same, same]) == {}
    assert set(OutputCheck().problems(SOURCES[:3], [same] * 3)) == {0, 1, 2}
    assert set(OutputCheck(repeat_min=5).problems(SOURCES[:4], [same] * 4)) == set()


def test_sources_differing_only_in_punctuation_are_one_input():
    sources = ["会议在北京举行。", "会议在北京举行！", "会议在北京举行"]
    assert OutputCheck().problems(sources, ["The meeting was held in Beijing."] * 3) == {}


def test_short_answers_may_repeat():
    # labels and names: "Photo", "Xinhua News Agency" are right for many inputs
    assert judge(lambda s: "Xinhua News Agency") == {}
    assert set(judge(lambda s: "Xinhua News Agency reports.", repeat_min_words=3)) == set(range(8))


@pytest.mark.parametrize("answer", ["", "   ", "...", "。"])
def test_empty_answer_is_broken(answer):
    found = judge(lambda s: answer if s == SOURCES[2] else sensible(s))
    assert found == {2: "empty output"}


def test_empty_source_may_have_an_empty_answer():
    assert OutputCheck().problems(["……"], [""]) == {}


def test_answer_still_in_chinese_is_broken():
    found = judge(lambda s: s if s in SOURCES[:2] else sensible(s))  # copies its input
    assert found == {0: "output still in Chinese", 1: "output still in Chinese"}
    mixed = OutputCheck().problems(["习近平会见外宾。"], ["Xi Jinping (习近平) met foreign guests in Beijing today."])
    assert mixed == {}  # a name left in Chinese is under the share
    half = OutputCheck().problems(["经济发展很快。"], ["经济发展 grows fast"])
    assert half == {0: "output still in Chinese"}
