"""A headline block's line at the edge between two runs of the block-order alignment
(``blockorder._shift_edges``, issue 18): the alignment weighs a run's words as a share, so
a headline that shares few words with its story (a headline of images over a long kicker
that names the facts: 地区防止返贫…“齐步走” / 让每个低收入家庭都感受到温暖) is
pushed onto the next story's run, whose many lines dilute it less, and printed there as
that story's kicker. A line sharing no word with its run's body and some with the body of
the run above it (EDGE_OWN) belongs to the run above."""
from __future__ import annotations

from sitegen.parse.blockorder import EDGE_OWN, _shift_edges
from sitegen.parse.headlines import Group, Unit

LINES = ["地区防止返贫帮扶政策衔接并轨试点工作“齐步走”", "让每个低收入家庭都感受到温暖",
         "陈吉宁率上海市代表团在新疆喀什地区学习考察", "在新起点上全力把对口援疆做得更好"]


class _Scorer:
    """Coverage of each line on bodies 0 and 1, as the page's scorer measures it."""

    def __init__(self, warm_on_first: float) -> None:
        self.cover = {LINES[0]: (0.87, 0.04), LINES[1]: (warm_on_first, 0.0),
                      LINES[2]: (0.02, 0.92), LINES[3]: (0.0, 0.83)}

    def content(self, text: str, body: int) -> float:
        return self.cover[text][body]


def _items() -> list[Group]:
    return [Group([Unit(t, k + 1, 1)]) for k, t in enumerate(LINES)]


def _shifted(warm_on_first: float) -> list[tuple[int, int, int]]:
    runs = [(0, 1, 0), (1, 4, 1)]  # the headline pushed onto the second story's run
    return _shift_edges(runs, _items(), _Scorer(warm_on_first), [False] * 4, [False] * 4)


def test_a_line_sharing_some_words_with_the_story_above_only_goes_back_to_it() -> None:
    assert _shifted(0.12) == [(0, 2, 0), (2, 4, 1)]


def test_a_line_sharing_almost_nothing_with_either_story_stays() -> None:
    assert _shifted(EDGE_OWN / 2) == [(0, 1, 0), (1, 4, 1)]
