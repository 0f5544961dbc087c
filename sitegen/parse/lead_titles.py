"""Two titles printed together, which is the headline: the one the lead reports.

A headline says what the story's first paragraph says, so the lead carries most of its
words; a kicker (引题) names the series, the occasion or a slogan and may share none of
them. When the first of two titles shares (almost) nothing with the lead and the second
is mostly in it, the first is the kicker over the second (聚焦现代化与全球化 /
上海合作组织政党论坛举办两场平行分论坛), not the headline over a subtitle. Anything less
clear is read as before (headline, then subtitle): a factual subtitle under a headline of
images shares its words with the lead too, so the first title must share nearly none.
"""
from __future__ import annotations

from typing import Sequence

from .bigrams import bigram_set

KICKER_MAX = 0.1  # the first title: at most this share of its bigrams in the lead ...
HEAD_MIN = 0.5  # ... the second: at least this share
MIN_GRAMS = 3  # a title with fewer bigrams says too little to compare


def lead_share(title: str, lead: str) -> float | None:
    """Share of ``title``'s bigrams found in ``lead``; None for a title of too few."""
    grams = bigram_set(title)
    if len(grams) < MIN_GRAMS:
        return None
    return len(grams & bigram_set(lead)) / len(grams)


def kicker_over(first: str, second: str, lead: str) -> bool:
    """Is ``first`` the kicker over ``second`` by the lead's words (see the module)?"""
    a, b = lead_share(first, lead), lead_share(second, lead)
    return a is not None and b is not None and a <= KICKER_MAX and b >= HEAD_MIN


def kicker_cut(parts: Sequence[str], cuts: Sequence[int], lead: str) -> int | None:
    """Where a tight run of title lines splits into a kicker and the headline under it by
    the lead's words: of the ``cuts`` the print allows (``k``: before ``parts[k]``), the
    one whose lower part the lead carries most, or None."""
    found = [k for k in cuts if kicker_over("".join(parts[:k]), "".join(parts[k:]), lead)]
    return max(found, key=lambda k: (lead_share("".join(parts[k:]), lead), k), default=None)
