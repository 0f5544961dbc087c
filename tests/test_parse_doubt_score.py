"""Weak signs graded and summed (sitegen/parse/doubt_score.py): one sign, however strong
within what right articles show, is no doubt; several together are, and the reason names
them, strongest first, each with the line to look at."""
from __future__ import annotations

from sitegen.parse import doubt_score
from sitegen.parse.doubt_cues import Cues
from sitegen.parse.doubts import JOINT, Signals, fired, reasons
from sitegen.parse.readings import Disagreement


def _story(**kw) -> Signals:
    """A headed article whose headline its own text covers well, no other text near it."""
    return Signals(**{"match": 0.7, "head_chars": 14, **kw})


def test_a_well_placed_story_scores_low() -> None:
    s = _story(cues=Cues(rival=(0.1, 40), join=(0.02, 30)), tail=(0.2, 0.0, 28))
    assert doubt_score.score(s) < doubt_score.THRESHOLD
    assert doubt_score.reason(s) is None and reasons(s) == []


def test_each_sign_alone_is_no_doubt() -> None:
    alone = [
        _story(cues=Cues(rival=(0.75, 40))),  # another text fits the headline as well
        _story(cues=Cues(join=(0.15, 30))),  # same-subject neighbours share words
        _story(tail=(0.1, 0.15, 28)),  # a last paragraph like the next opening
        _story(other=Disagreement(cut=(50, "on", "cut"))),  # a reading that ran it on
        _story(head_chars=80),  # a long headline block
        Signals(continuation=True),  # a continued text, 上接, with no headline
    ]
    for s in alone:
        assert doubt_score.reason(s) is None, s
        assert [n for n, _r in fired(s)] == [], s


def test_several_signs_together_are_a_doubt_naming_them_with_their_lines() -> None:
    s = _story(cues=Cues(rival=(0.65, 40), join=(0.12, 30)), tail=(0.1, 0.08, 28))
    assert doubt_score.score(s) >= doubt_score.THRESHOLD
    got = fired(s)
    assert [n for n, _r in got] == [JOINT]
    text = got[0][1]
    assert text.startswith("several weak signs together")
    # strongest first: the run-on words (0.12 over a usual 0.04) outweigh the tail
    assert text.index("line 30") < text.index("line 28")
    assert "line 40" in text and "0.65; its own 0.70" in text


def test_a_continued_text_that_another_reading_runs_on_is_doubted() -> None:
    # ... and whose words go on a little into the neighbour: three signs, none strong
    s = Signals(continuation=True, other=Disagreement(cut=(61, "on", "cut")), cues=Cues(join=(0.04, 61)))
    assert doubt_score.reason(Signals(continuation=True, other=Disagreement(cut=(61, "on", "cut")))) is None
    r = doubt_score.reason(s)
    assert r is not None and "line 61" in r and "no headline" in r


def test_the_sum_is_only_asked_when_nothing_else_doubts() -> None:
    # a missing headline is a rule of its own: the weak signs add no second warning
    s = Signals(other=Disagreement(cut=(61, "on", "cut")), cues=Cues(join=(0.12, 30)))
    names = [n for n, _r in fired(s)]
    assert "no_headline" in names and JOINT not in names


def test_the_calibration_script_fits_the_signs_that_tell() -> None:
    """bench/doubt_calibration.py --fit-signs: on pages where wrong articles run their words
    on into the neighbour and right ones do not, the run-on sign gets the weight, and the
    threshold doubts no more than the share of right articles asked for."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "doubt_calibration.py"
    spec = importlib.util.spec_from_file_location("doubt_calibration", path)
    calibration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(calibration)
    rows = [("body" if k % 5 == 0 else "", {}, _story(cues=Cues(join=(0.12 if k % 5 == 0 else 0.01 * (k % 4), 9)),
                                                      head_chars=10 + k % 7))
            for k in range(200)]
    rows += [("body", {}, _story(cues=Cues(join=(0.02, 9)))), ("", {}, _story(cues=Cues(join=(0.12, 9))))]
    weights, threshold = calibration.fit_signs(rows, 0.05)
    assert weights["join"] > 10 and abs(weights["long_head"]) < 0.1, weights
    right = [sum(weights[k] * v for k, v in doubt_score.measures(s).items()) for e, _a, s in rows if not e]
    assert sum(x >= threshold for x in right) <= 0.05 * len(right) + 1
