"""Corrections written from the scorer's complaints (bench/corrections_eval.py) on re-laid-out
pages: every layout, the worst first, reaches 97 % recall and headline, and no character is
lost or duplicated."""
from __future__ import annotations

import sys

import relayout
import shared_files

sys.path.insert(0, str(relayout.REPO / "bench"))
import corrections_eval  # noqa: E402

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)


@needs_scorer
def test_corrections_from_the_scorers_complaints_fix_the_worst_layout():
    from sitegen.corrections import Corrections

    scorer = relayout.load_scorer()
    pages = relayout.make_pages(16, 31, relayout.load_stories())
    before = corrections_eval.by_layout(corrections_eval.evaluate(pages, Corrections()))
    worst = min(before, key=lambda k: (before[k]["recall"], before[k]["headline"]))
    assert before[worst]["recall"] < 97 or before[worst]["headline"] < 97, before  # something to correct

    text, corrections, refused = corrections_eval.write_corrections(pages, scorer)
    assert not refused
    after_ev = corrections_eval.evaluate(pages, corrections)
    after = corrections_eval.by_layout(after_ev)
    assert after[worst]["recall"] >= 97 and after[worst]["headline"] >= 97, (worst, before[worst], after[worst])
    assert (after_ev.lost, after_ev.duplicated) == (0, 0)
    # only corrected pages change, and each corrected article says so
    corrected = {a["seed"] for a in after_ev.parsed["articles"] if a["corrections"]}
    assert corrected == {c.seed for c in corrections.items}
