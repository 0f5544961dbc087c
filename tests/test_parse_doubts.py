"""Self-doubt (sitegen/parse/doubts.py, cohesion.py): small pages where the parser must,
and must not, say it is unsure."""
from __future__ import annotations

import json

import pytest

from sitegen.models import Leftover
from sitegen.parse import cohesion, doubts, parse_text
from sitegen.parse.assign import Assignment, Scorer
from sitegen.parse.blocks import build_elements
from sitegen.parse.doubt_cues import Cues
from sitegen.parse.doubts import Signals, fired, reasons, signals
from sitegen.parse.readings import Disagreement
from sitegen.parse.resume import rejoin
from sitegen.parse.segment import segment
from sitegen.parse.text import Vocabulary

from synthetic_pages import PORT, TEA  # two stories that share no words


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
    assert any("share almost no words" in d for d in merged[0].doubts), merged[0].doubts


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


def test_a_body_opening_mid_sentence_is_continued_and_not_doubted() -> None:
    mid = parse_text("p.txt", _page("元级、千亿元级茶叶订单明显增加。" + TEA[0], *TEA[1:])).articles[0]
    assert mid.headline is None and mid.doubts == ()


def test_a_paragraph_printed_on_the_wrong_side_of_a_boundary_is_doubted_once() -> None:
    # the port story's first paragraph, printed before its headline, joins the tea story
    result = parse_text("p.txt", _page("春茶市场升温", *TEA, PORT[0], "口岸通关效率持续提升", *PORT[1:]))
    tea = next(a for a in result.articles if "春茶" in a.body_text)
    port = next(a for a in result.articles if "海关关员" in a.body_text)
    assert "口岸海关数据显示" in tea.body_text, "the parser now splits this page; choose a harder one"
    # one warning per boundary, on the article whose opening is at stake
    assert not any("next article" in d or "its start" in d for d in tea.doubts), tea.doubts
    assert any("its start may be the paragraph at line 9" in d for d in port.doubts), port.doubts


def _signals(text: str, leftovers=()) -> list[Signals]:
    layout = segment(build_elements(text))
    bodies = rejoin(layout)
    return signals(bodies, Assignment(), Scorer(bodies, layout.vocab), layout.vocab, set(), list(leftovers))


def test_edge_signal_compares_the_last_paragraph_with_its_body_and_the_next() -> None:
    glued = _signals(_page(*TEA, PORT[0], "## 口岸通关", *PORT[1:]))
    own, nxt, line = glued[0].tail
    assert nxt > 2 * own and line == 7 and glued[1].prev_tail == glued[0].tail
    clean = _signals(_page(*TEA, "## 口岸通关", *PORT))
    own, nxt, _line = clean[0].tail
    assert own > nxt


def test_a_title_left_to_no_article_next_to_a_headless_body_is_named() -> None:
    text = _page(*TEA, "## 口岸通关", *PORT)
    banner = Leftover("p.txt", "banner", "春茶飘香", 6)
    section = Leftover("p.txt", "banner", "要闻", 6)
    assert _signals(text, [banner])[0].near_title == 6
    assert _signals(text, [section])[0].near_title == 0  # a page's section name is no headline
    assert _signals(text)[0].near_title == 0


def test_every_rule_fires_on_its_own_evidence() -> None:
    """One Signals per rule on which that rule, and only it, fires: disabling a rule (or
    its threshold) fails here."""
    cases = {
        "split": Signals(match=0.8, cues=Cues(halves=(0.005, 9))),
        "lead_title": Signals(match=0.8, opens_title=5),
        "label_inside": Signals(match=0.8, label_inside=3),
        "no_headline": Signals(),
        "title_near": Signals(continuation=True, near_title=7),
        "edge": Signals(match=0.8, prev_tail=(0.01, 0.05, 12)),
    }
    for name, s in cases.items():
        assert [n for n, _r in fired(s)] == [name], (name, fired(s))
    assert "line 9" in reasons(cases["split"])[0]
    assert "line 5" in reasons(cases["lead_title"])[0] and "line 3" in reasons(cases["label_inside"])[0]
    assert reasons(cases["title_near"]) == ["no headline, and the title at line 7 next to it went to no article"]
    assert "line 12" in reasons(cases["edge"])[0]
    assert reasons(Signals(match=0.8, tail=(0.01, 0.05, 12))) == []  # the later article carries it


def test_halves_needs_parts_sharing_under_the_threshold() -> None:
    """Two parts sharing 0.035-0.04 of their topic words are no cue any more (s8-doubt2):
    on generated pages that band held right articles only; under it the cue still counts."""
    side = (0.2, 30, 5)  # another title fitting one part: a cue too light alone
    assert reasons(Signals(match=0.8, cues=Cues(halves=(0.037, 40), side_title=side))) == []
    both = reasons(Signals(match=0.8, cues=Cues(halves=(0.033, 40), side_title=side)))
    assert len(both) == 2 and "line 40" in both[0] and "line 5" in both[1]


def test_reasons_follow_the_thresholds() -> None:
    # two parts sharing few words (but not almost none) is a cue, not yet a doubt
    assert reasons(Signals(match=0.8, cues=Cues(halves=(0.02, 9)))) == []
    assert reasons(Signals(match=0.8, cues=Cues(halves=(0.05, 9)))) == []
    # a continued body, or one opening mid-sentence, needs no headline of its own
    assert reasons(Signals(continuation=True)) == [] and reasons(Signals(opens_mid=True)) == []
    # a boundary paragraph about as close to both sides, or close to neither, is no doubt
    assert reasons(Signals(match=0.8, prev_tail=(0.04, 0.05, 3))) == []
    assert reasons(Signals(match=0.8, prev_tail=(0.0, 0.02, 3))) == []
    # a loose headline match is no cue, a weak one alone no doubt: it needs another cue
    assert reasons(Signals(match=0.3)) == [] and reasons(Signals(match=0.1)) == []
    three = reasons(Signals(match=0.1, cues=Cues(halves=(0.03, 40), side_title=(0.2, 30, 5))))
    assert three == ["the text before line 40 and after it share few words (0.03)",
                     "the title at line 5 fits the part from line 30 better than this headline",
                     "the headline shares few words with the body (0.10)"]


def test_weighted_cues_make_a_doubt_only_together() -> None:
    """Every weighted cue alone stays quiet; each with ``halves`` (among the heaviest) is a
    doubt when their weights reach SCORE, and the doubt names both, heaviest first (a
    maintainer reads the strongest reason first)."""
    alone = {
        "halves": Signals(match=0.8, cues=Cues(halves=(0.03, 40))),
        "side_title": Signals(match=0.8, cues=Cues(side_title=(0.2, 30, 5))),
        "beside_head": Signals(match=0.8, cues=Cues(beside_head=4)),
        "mid_end": Signals(match=0.8, cues=Cues(mid_end=22)),
        "weak": Signals(match=0.1),
        "rival": Signals(match=0.5, cues=Cues(rival=(0.7, 60))),
        "long_head": Signals(match=0.8, head_chars=40),
        "join": Signals(match=0.8, cues=Cues(join=(0.1, 70))),
        "other_head": Signals(match=0.5, other=Disagreement(head=(-0.05, 7, "content"))),
        "other_cut": Signals(match=0.8, other=Disagreement(cut=(30, "new", "cut"))),
        "block_edge": Signals(match=0.8, other=Disagreement(edge=(0.0, 2, 5, 11))),
    }
    assert [n for n, _w, _c in doubts.CUES] == list(alone)
    for name, s in alone.items():
        assert reasons(s) == [], name
        assert [n for n, _r in doubts._weighted(s)] == [], name
    for name, s in alone.items():
        if name == "halves":
            continue
        both = Signals(**{**s.__dict__, "cues": Cues(**{**s.cues.__dict__, "halves": (0.03, 40)})})
        got = [n for n, _r in fired(both)]
        weight = getattr(doubts, next(w for n, w, _c in doubts.CUES if n == name))
        if weight + doubts.W_HALVES >= doubts.SCORE:
            heavier_first = ["halves", name] if doubts.W_HALVES >= weight else [name, "halves"]
            assert got == heavier_first, (name, got)
        else:
            assert got == [], (name, got)
    assert any("line 60" in r for r in reasons(Signals(match=0.5, cues=Cues(rival=(0.7, 60), side_title=(0.2, 30, 5)))))


def test_calibration_script_counts_as_parse_eval_does(capsys) -> None:
    """bench/doubt_calibration.py labels and counts articles exactly as relayout.evaluate
    (and so bench/parse_eval.py) does, and its per-rule threshold override takes effect."""
    import importlib.util
    from pathlib import Path

    import relayout
    if relayout.load_scorer() is None:
        pytest.fail(f"the scorer is missing: {relayout.SCORER}")
    path = Path(__file__).resolve().parent.parent / "bench" / "doubt_calibration.py"
    spec = importlib.util.spec_from_file_location("doubt_calibration", path)
    cal = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cal)
    rows = cal.collect([11], 6, harsh=True)
    figures = relayout.evaluate(relayout.make_pages(6, 11, relayout.load_stories(), harsh=True)).doubt_figures()
    wrong, right = cal.report(rows, None)
    assert (round(wrong, 1), round(right, 1)) == (figures["wrong_doubted"], figures["right_doubted"])
    assert sum(1 for e, _a, _s in rows if e) == figures["wrong"]
    capsys.readouterr()
    weak, score, w_weak = doubts.WEAK, doubts.SCORE, doubts.W_WEAK
    assert cal.main(["--rng", "11", "--pages", "6", "--set", "WEAK=1.01", "--set", "SCORE=0.5",
                     "--set", "W_WEAK=0.5"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("weak"))
    assert int(line.split()[1]) + int(line.split()[2]) == len(rows) - sum(
        1 for _e, _a, s in rows if s.match is None)  # coverage is at most 1: every headlined article
    assert (doubts.WEAK, doubts.SCORE, doubts.W_WEAK) == (weak, score, w_weak)  # the overrides end with the run


def test_a_headline_line_taken_into_the_body_or_a_label_inside_a_headline_is_doubted() -> None:
    """Typography no story's text has: a paragraph opening like a subtitle (——) or a
    section label (【…】), a label printed after some of a headline's words."""
    dash = parse_text("p.txt", _page("春茶市场升温", "——" + TEA[0], *TEA[1:])).articles[0]
    assert dash.doubts and "opens like a subtitle or a label" in dash.doubts[0], dash.doubts
    label = parse_text("p.txt", _page("春茶市场升温【节日专题】", *TEA)).articles[0]
    assert label.headline and any("label 【…】 inside the headline at line 1" in d for d in label.doubts), label
    front = parse_text("p.txt", _page("【节日专题】春茶市场升温", *TEA)).articles[0]
    assert front.headline and not any("label" in d for d in front.doubts)  # a label in front is usual


def test_the_calibration_script_fits_weights_that_follow_the_evidence() -> None:
    """A cue on every wrong article and on few right ones gets the whole weight (a doubt
    on its own at the cut that keeps right articles doubted under the share asked for);
    cues never seen get none."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "doubt_calibration.py"
    spec = importlib.util.spec_from_file_location("doubt_calibration", path)
    cal = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cal)
    halves = Cues(halves=(0.03, 9))
    rows = ([("body", {}, Signals(match=0.8, cues=halves))] * 20
            + [("", {}, Signals(match=0.8, cues=halves))] * 5 + [("", {}, Signals(match=0.8))] * 95)
    weights = cal.fit_weights(rows, 0.1)
    assert weights["W_HALVES"] == doubts.SCORE
    assert all(v == 0.0 for w, v in weights.items() if w != "W_HALVES"), weights
    assert cal.fit_weights(rows, 0.01)["W_HALVES"] < doubts.SCORE  # 5 right of 100 are too many


def test_the_calibration_script_tells_what_is_wrong_with_an_article() -> None:
    """The finer kind of a wrong article, read off the page's gold stories: where its body
    opens and ends against theirs, whose headline it carries."""
    import importlib.util
    from pathlib import Path

    import relayout
    scorer = relayout.load_scorer()
    if scorer is None:
        pytest.fail(f"the scorer is missing: {relayout.SCORER}")
    path = Path(__file__).resolve().parent.parent / "bench" / "doubt_calibration.py"
    spec = importlib.util.spec_from_file_location("doubt_calibration", path)
    cal = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cal)
    golds = [{"first": TEA[0], "last": TEA[-1], "headline": "春茶市场升温"},
             {"first": PORT[0], "last": PORT[-1], "headline": "口岸通关提速"}]

    def kind(error: str, paras: list[str], headline: str | None = "春茶市场升温") -> str:
        art = {"paragraphs": paras, "kicker": None, "headline": headline, "subtitle": None}
        return cal.error_kind(error, art, golds, scorer)
    assert kind("body", TEA + PORT) == "glued"
    assert kind("body", TEA[:2]) == "cut short"
    assert kind("body", TEA + ["（张三）"]) == "runs over"
    assert kind("unmatched", PORT[1:]) == "start off"
    assert kind("headline", TEA, "口岸通关提速") == "neighbour's headline"
    assert kind("headline", TEA, "茶企订单增加") == "headline missing"
    assert kind("lead", TEA) == "lead"


@pytest.mark.parametrize("label", ["【链接】", "■背景资料", "延伸阅读：", "〔新闻背景〕", "◆ 小知识"])
def test_a_box_printed_under_a_label_at_the_story_end_is_no_second_story(label: str) -> None:
    # a paper prints background after a story under a short label, in words of its own
    result = parse_text("p.txt", _page("茶叶订单增加 茶旅融合带动消费", *TEA, label, *PORT))
    assert len(result.articles) == 1 and label.strip() in result.articles[0].subheads
    assert result.articles[0].doubts == ()


def test_a_short_title_line_without_a_label_mark_still_parts_two_stories() -> None:
    # a plain short line is a subhead or another story's headline, not a box's label
    result = parse_text("p.txt", _page("茶叶订单增加 茶旅融合带动消费", *TEA, "港口通关提速", *PORT))
    assert any("share almost no words" in d for a in result.articles for d in a.doubts)
