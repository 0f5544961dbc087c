"""A block of headlines at the page's top (issue 18, kind 2): a headline closed by its
byline, then the next story's headline on a line of its own. A line after a byline-closed
head is read as a series label (a column name) unless its words say otherwise: one that
covers another story than the head's names that story, and heads it."""
from __future__ import annotations

from functools import partial

from sitegen.parse.headlines import Group, Unit
from sitegen.parse.series_labels import unlabel

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

_wrapped = partial(wrapped, width=14)


def _heads(second: str) -> list[tuple]:
    text = "春茶市场升温茶叶交易活跃\n●本报记者 林汐\n\n" + second + "\n\n\n" + _wrapped(TEA) + "\n\n" + _wrapped(PORT) + "\n"
    return [(a.kicker, a.headline, a.byline) for a in _parse(text).articles]


def test_the_next_headline_under_a_byline_heads_its_own_story() -> None:
    assert _heads("口岸通关效率提升") == [(None, "春茶市场升温茶叶交易活跃", "本报记者 林汐"),
                                       (None, "口岸通关效率提升", None)]


def test_a_column_name_under_a_byline_stays_the_heads_label() -> None:
    tea, port = _heads("今日谈")
    assert tea[1] == "春茶市场升温茶叶交易活跃" and port[1] is None


def test_unlabel_reads_the_best_body_of_label_and_head() -> None:
    head = Unit("春茶市场升温", 1, 1, loose=False)
    label = Unit("口岸通关效率", 3, 1, label=True, loose=False)
    group = Group([head, label], bylines=["林汐"], byline_lines=[2], closed=True)
    near = {"春茶市场升温": (0.9, 0), "口岸通关效率": (0.8, 1)}
    out = unlabel([group], lambda text, line: (0.0, 0.0), lambda text, line: near[text])
    assert [[u.text for u in g.units] for g in out] == [["春茶市场升温"], ["口岸通关效率"]]
    near["口岸通关效率"] = (0.8, 0)  # its words are the head's story's: a label after all
    assert unlabel([group], lambda text, line: (0.0, 0.0), lambda text, line: near[text]) == [group]
