"""Related articles: the 3-5 most similar other articles, best first.

An article's page is stable once published (issue 23): a later article enters an earlier
one's list only if it is among that article's LATER_TOP most similar articles. Without the
rule each new article entered about five older lists, so a day's ~80 articles changed ~3.5 %
of the archive's pages; with it, about two. Articles of the same publication (first seen in
the same build) are not "later" to each other. The rule reads only the similarities and the
publication dates, so a cold build and an incremental one make the same lists.
"""
from __future__ import annotations

from typing import Sequence

from sitegen.models import Theme

MIN_RELATED, MAX_RELATED = 3, 5
RELATED_MIN_SIM = 0.04  # 4th and 5th related articles need at least this similarity
LATER_TOP = 2  # a later article enters an earlier one's list only from this many best neighbours


def related(i: int, neighbours: list[list[tuple[float, int]]], theme_of: list[int],
            auto_theme_of: dict[int, Theme], n: int, published: Sequence[str] | None = None) -> list[int]:
    """Article ``i``'s related articles (indices of the ``n``), best first: its MIN_RELATED to
    MAX_RELATED most similar ``neighbours``, the last ones only if at least RELATED_MIN_SIM
    similar, leaving out articles ``published`` later than ``i`` (ISO dates, by index) that
    are not among its LATER_TOP best; too few, and articles of its theme, then any, fill up
    in article order."""
    chosen: list[int] = []
    for rank, (sim, j) in enumerate(neighbours[i]):
        if len(chosen) >= MAX_RELATED:
            break
        if len(chosen) >= MIN_RELATED and sim < RELATED_MIN_SIM:
            break
        if published is not None and rank >= LATER_TOP and published[j] > published[i]:
            continue
        chosen.append(j)
    if len(chosen) < MIN_RELATED:
        # no term overlap with enough articles: fill with same-theme, then any, by permalink
        def key_theme(k):
            return auto_theme_of[k].slug if k in auto_theme_of else theme_of[k]
        mine = key_theme(i)
        for same in (True, False):
            for k in range(n):
                if len(chosen) >= MIN_RELATED:
                    break
                if k != i and k not in chosen and (key_theme(k) == mine) == same:
                    chosen.append(k)
    return chosen
