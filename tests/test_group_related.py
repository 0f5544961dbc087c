"""Related lists of earlier articles take a later article only among their best (issue 23)."""
from __future__ import annotations

from sitegen.group.related import LATER_TOP, related

OLD, DAY = "2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z"


def _row(*ids):
    return [(0.9 - 0.1 * k, j) for k, j in enumerate(ids)]


def test_a_later_article_enters_an_earlier_list_only_among_its_best():
    assert LATER_TOP == 2
    published = [OLD] * 8 + [DAY, DAY]  # articles 8 and 9 are the day's
    neighbours = [_row(1, 8, 2, 9, 3, 4, 5)] + [[] for _ in range(9)]
    # 8 ranks second: it enters; 9 ranks fourth: it stays out, and 4 takes the last place
    assert related(0, neighbours, [0] * 10, {}, 10, published) == [1, 8, 2, 3, 4]
    assert related(0, neighbours, [0] * 10, {}, 10) == [1, 8, 2, 9, 3]  # without dates: the five best
    # the day's own lists take earlier articles as they come
    neighbours[9] = _row(1, 2, 3, 8, 4)
    assert related(9, neighbours, [0] * 10, {}, 10, published) == [1, 2, 3, 8, 4]
    # articles of one publication are not later to each other
    assert related(0, neighbours, [0] * 10, {}, 10, [OLD] * 10) == [1, 8, 2, 9, 3]
