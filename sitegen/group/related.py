"""Related articles: the 3-5 most similar other articles, best first."""
from __future__ import annotations

from sitegen.models import Theme

MIN_RELATED, MAX_RELATED = 3, 5
RELATED_MIN_SIM = 0.04  # 4th and 5th related articles need at least this similarity


def related(i: int, neighbours: list[list[tuple[float, int]]], theme_of: list[int],
            auto_theme_of: dict[int, Theme], n: int) -> list[int]:
    """Article ``i``'s related articles (indices of the ``n``), best first: its MIN_RELATED to
    MAX_RELATED most similar ``neighbours``, the last ones only if at least RELATED_MIN_SIM
    similar; too few, and articles of its theme, then any, fill up in article order."""
    chosen: list[int] = []
    for sim, j in neighbours[i]:
        if len(chosen) >= MAX_RELATED:
            break
        if len(chosen) >= MIN_RELATED and sim < RELATED_MIN_SIM:
            break
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
