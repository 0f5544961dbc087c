"""Which articles the corpus statistics of term weights are counted over (issue 23).

A term's weight is sublinear tf x jieba IDF x a corpus factor that lowers terms many articles
of this digest share (``text.corpus_factor``). Counted over the whole corpus, each day's new
articles moved every weight a little: at 10,000 articles one day's 80 reordered the related
lists of ~900 articles that no new article entered, only because near-ties flipped.

So the factor is counted over a *reference*: the ``reference_size(n)`` oldest articles, the size
the largest point of a geometric grid (GRID points per doubling, +19 % apart) not above the
corpus size ``n``. New articles leave the reference untouched until the corpus grows past the
next grid point, when it is counted afresh from the oldest articles then: a day's articles
change only the lists they enter; once per ~19 % of growth (at 10,000 articles and ~80 a day:
every three to four weeks) every weight moves a little, as every day it did before.

Oldest: the article's first appearance in the digest (``translations/history.json``, which is
committed, so a fresh clone agrees), then its permalink; articles the history does not know yet
come last. A cold build and an incremental one pick the same reference: the result depends on
the articles and their history only.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

GRID = 4  # grid points per doubling of the corpus


def reference_size(n: int) -> int:
    """The largest point of the grid ⌊2^(k/GRID)⌋ not above ``n`` (0 for no articles)."""
    if n <= 0:
        return 0
    k = math.floor(GRID * math.log2(n))
    while math.floor(2 ** ((k + 1) / GRID)) <= n:  # the point's floor can be below its log
        k += 1
    while k > 0 and math.floor(2 ** (k / GRID)) > n:
        k -= 1
    return max(1, math.floor(2 ** (k / GRID)))


def reference_rows(permalinks: Sequence[str], first_seen: Mapping[str, str] | None = None) -> list[int]:
    """Indices (into ``permalinks``) of the reference articles: the ``reference_size`` oldest,
    by first appearance (``first_seen``: permalink -> ISO date), then permalink."""
    seen = first_seen or {}

    def age(i: int) -> tuple[bool, str, str]:
        p = permalinks[i]
        return (p not in seen, seen.get(p, ""), p)

    return sorted(range(len(permalinks)), key=age)[:reference_size(len(permalinks))]
