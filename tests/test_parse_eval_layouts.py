"""bench/parse_eval.py's recall per page layout (the page's headline convention), the way
issue 18 reports its figures: average and worst layout."""
from __future__ import annotations

import relayout

parse_eval = relayout.load_bench("parse_eval")


def _outcome(features: list[str], exact: bool, head: bool | None = True) -> relayout.ArticleOutcome:
    return relayout.ArticleOutcome("p", "p-01", features, True, exact, True, head, True)


def test_recall_per_layout_worst_first() -> None:
    rows = parse_eval.layout_recall([
        _outcome(["head_after", "head_after_article", "wrapped"], True),
        _outcome(["head_after", "head_after_article", "wrapped"], False, False),
        _outcome(["head_block_end", "wrapped"], True),
        # a mixed page groups some of its headlines: still the mixed layout
        _outcome(["head_grouped", "head_mixed", "clean"], False, None),
    ])
    assert [(lay, n, rec, head) for lay, n, rec, head, _lead in rows] == [
        ("head_mixed", 1, 0.0, 0.0), ("head_after", 2, 50.0, 50.0), ("head_block_end", 1, 100.0, 100.0)]


def test_every_generated_article_has_one_layout() -> None:
    pages = relayout.make_pages(12, 3, relayout.load_stories(), harsh=True)
    outcomes = [_outcome(g["features"], True) for p in pages for g in p.gold["articles"]]
    rows = parse_eval.layout_recall(outcomes)
    assert all(lay.startswith("head_") for lay, *_ in rows), rows
