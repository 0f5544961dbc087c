"""Two titles printed together, which is the headline: the one the lead reports.

A headline says what the story's first paragraph says, so the lead carries most of its
words; a kicker (引题) names the series, the occasion or a slogan and may share none of
them. When the first of two titles shares (almost) nothing with the lead and the second
is mostly in it, the first is the kicker over the second (聚焦现代化与全球化 /
上海合作组织政党论坛举办两场平行分论坛), not the headline over a subtitle. Anything less
clear is read as before (headline, then subtitle): a factual subtitle under a headline of
images shares its words with the lead too, so the first title must share nearly none.

The other way round, a tight run of title lines whose upper part the lead reports and
whose lower part it hardly does is a headline over its subtitle (a detail the story tells
later: 国务院办公厅举行春节团拜会 / 李鹏向国务院机关工作人员祝贺节日朱镕基等出席), not one
headline; a headline broken by sense over two lines is reported by the lead on both.
"""
from __future__ import annotations

from typing import Sequence

from .bigrams import bigram_set

KICKER_MAX = 0.1  # the first title: at most this share of its bigrams in the lead ...
HEAD_MIN = 0.5  # ... the second: at least this share
FACT_MIN = 0.5  # a first title the lead reports (at least this share) over ...
ASIDE_MAX = 0.2  # ... a second it hardly does (at most this share): headline and subtitle
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


def subtitle_under(first: str, second: str, lead: str) -> bool:
    """Is ``second`` a subtitle under the headline ``first``: the lead reports the first
    and hardly the second (a detail the story tells later: 长江口深水航道治理一期工程开工 /
    李鹏邹家华题词吴邦国出席开工典礼并讲话)?"""
    a, b = lead_share(first, lead), lead_share(second, lead)
    return a is not None and b is not None and a >= FACT_MIN and b <= ASIDE_MAX


def subtitle_cut(parts: Sequence[str], cuts: Sequence[int], lead: str) -> int | None:
    """Where a tight run of title lines splits into a headline and a subtitle under it by
    the lead's words (:func:`subtitle_under`): of the ``cuts`` the print allows, the one
    with the widest gap between the two parts' shares of the lead, or None."""
    def gap(k: int) -> float:
        return (lead_share("".join(parts[:k]), lead) or 0.0) - (lead_share("".join(parts[k:]), lead) or 0.0)
    found = [k for k in cuts if subtitle_under("".join(parts[:k]), "".join(parts[k:]), lead)]
    return max(found, key=lambda k: (gap(k), k), default=None)
