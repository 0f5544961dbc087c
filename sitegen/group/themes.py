"""Theme assignment: each article's configured theme, automatic theme or "Other news".

An article whose own best theme clearly wins (>= CONFIDENT_RATIO x runner-up) keeps it.
Otherwise its scores are smoothed over near neighbours and averaged with those of its
neighbours that report the same event (cosine >= EVENT_SIM). Articles still below
``min_theme_score`` adopt the theme of a very similar themed article, else their nearest
theme (at NEAREST_FRACTION of the threshold), else an automatic theme (``auto_themes.py``),
else "Other news"; then no configured theme is left holding one article its words do not
clearly put there (``no_single_themes``)."""
from __future__ import annotations

from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import Callable

import numpy as np

from sitegen.models import Theme

from .auto_themes import auto_themes
from .taxonomy import Settings
from .text import Analyzer
from .vectors import Doc

EVENT_SIM = 0.2  # cosine at or above which two articles are treated as the same event/process
NEAREST_FRACTION = 0.5  # an off-taxonomy article joins its nearest theme at this share of min_theme_score
ALONE_MIN_EVIDENCE = 2.0  # keyword mass (weighted count x keyword weight) that lets a theme hold one article
OTHER_THEME = Theme(slug="other", name_en="Other news", name_zh="其他")
CONFIDENT_RATIO = 2.0  # own best theme >= this x runner-up: similar articles cannot overrule it


@dataclass(frozen=True)
class ThemeAssignment:
    final: np.ndarray  # configured-theme scores after smoothing over neighbours (article x theme)
    # each article's configured theme (index), or the index after them ("Other news"), which
    # the articles of automatic themes also hold
    theme_of: list[int]
    reason: list[str]  # why (``ArticleDebug.reason``)
    auto_theme_of: dict[int, Theme]  # article -> its automatic theme, for those that have one


def assign_themes(own: np.ndarray, neighbours: list[list[tuple[float, int]]], docs: list[Doc],
                  vector_of: Callable[[int], dict[str, float]], analyzer: Analyzer, st: Settings) -> ThemeAssignment:
    """Themes of the articles from their own theme scores ``own`` (article x configured
    theme) and their ``neighbours`` ((similarity, index), best first); ``vector_of(i)``:
    article ``i``'s vector (``Postings.vector``), which automatic themes are named from."""
    table = _Neighbours(neighbours)
    final = _smoothed(own, table, st)
    theme_of, reason = _vote(own, final, table, st)
    _adopt(theme_of, reason, neighbours, st)
    other = final.shape[1]  # index of "Other news", after the configured themes
    auto_theme_of = _off_taxonomy(theme_of, reason, final, neighbours, vector_of, analyzer, st, other)
    no_single_themes(theme_of, reason, auto_theme_of, final, own, [d.total for d in docs], neighbours,
                     st, other)
    return ThemeAssignment(final, theme_of, reason, auto_theme_of)


def _smoothed(own: np.ndarray, table: "_Neighbours", st: Settings) -> np.ndarray:
    """``own`` plus ``neighbour_weight`` x similarity x the scores of each neighbour at least
    ``neighbour_min_sim`` similar."""
    final = own.copy()
    if final.shape[1]:
        # final[i] += weight * sim * own[j], neighbour after neighbour: the k-th neighbours of
        # all rows in one step (a row at most once in it), so each sum is made in the order the
        # loop over neighbours made it (numpy's ``add.at`` of every pair took ~0.14 s at
        # 10,000 articles, this ~0.02 s).
        factors = st.neighbour_weight * table.sims
        for rank in table.ranks(table.sims >= st.neighbour_min_sim):
            final[table.row[rank]] += factors[rank][:, None] * own[table.ids[rank]]
    return final


class _Neighbours:
    """Every article's neighbours end to end, as arrays: similarity, index, whose (``row``)
    and their place in its list (``rank``, 0 for the best)."""

    def __init__(self, neighbours: list[list[tuple[float, int]]]):
        lens = np.fromiter(map(len, neighbours), dtype=np.int64, count=len(neighbours))
        pairs = np.array(list(chain.from_iterable(neighbours)), dtype=np.float64).reshape(-1, 2)
        self.sims, self.ids = pairs[:, 0], pairs[:, 1].astype(np.int64)
        self.row = np.repeat(np.arange(len(neighbours), dtype=np.int64), lens)
        starts = np.cumsum(lens) - lens
        self.rank = np.arange(len(self.sims), dtype=np.int64) - np.repeat(starts, lens)

    def ranks(self, keep: np.ndarray) -> list[np.ndarray]:
        """For each place in the lists, best first: the positions of the neighbours there
        that ``keep`` says to keep."""
        width = int(self.rank.max()) + 1 if len(self.rank) else 0
        return [np.flatnonzero(keep & (self.rank == k)) for k in range(width)]


def _vote(own: np.ndarray, final: np.ndarray, table: "_Neighbours", st: Settings) -> tuple[list[int | None], list[str]]:
    """Each article's confident own theme, else the vote of its event (None when no theme
    reaches ``min_theme_score``), and the reason.

    An article's event: itself and its neighbours reporting the same event or process
    (cosine >= EVENT_SIM). Votes are local — not over clusters chained through the
    similarity graph, whose cut-offs moved whole clusters to another theme when a few
    articles were added (issue 20: stability). All articles are voted at once: each event's
    scores added member by member in the order of the loop over articles made them."""
    n = len(own)
    theme_of: list[int | None] = [None] * n
    reason = [""] * n
    mine = _confident_all(own, st.min_theme_score)
    if final.shape[1] and n:
        total, size = final.copy(), np.ones(n, dtype=np.int64)
        for rank in table.ranks(table.sims >= EVENT_SIM):
            rows = table.row[rank]
            total[rows] += final[table.ids[rank]]
            size[rows] += 1
        vote = total / size[:, None]
        best = np.argmax(vote, axis=1)
        wins = (vote[np.arange(n), best] >= st.min_theme_score).tolist()
        best, size = best.tolist(), size.tolist()
    for i in range(n):
        if mine[i] is not None:  # clear evidence of its own: neighbours cannot overrule it
            theme_of[i], reason[i] = mine[i], "taxonomy"
        elif final.shape[1] and wins[i]:
            theme_of[i] = best[i]
            reason[i] = "taxonomy" if size[i] == 1 else "event-cluster"
    return theme_of, reason


def _adopt(theme_of: list[int | None], reason: list[str], neighbours: list[list[tuple[float, int]]],
           st: Settings) -> None:
    """An article without a theme takes that of its first neighbour at least ``adopt_sim``
    similar that has one of its own (not adopted)."""
    for i in range(len(theme_of)):
        if theme_of[i] is None:
            for sim, j in neighbours[i]:
                if sim >= st.adopt_sim and theme_of[j] is not None and reason[j] != "adopted":
                    theme_of[i] = theme_of[j]
                    reason[i] = "adopted"
                    break


def _confident(scores: np.ndarray, threshold: float) -> int | None:
    """The article's own best theme if it clearly beats the runner-up, else None."""
    if scores.size == 0:
        return None
    order = np.argsort(-scores, kind="stable")
    best = float(scores[order[0]])
    second = float(scores[order[1]]) if scores.size > 1 else 0.0
    if best >= threshold and best >= CONFIDENT_RATIO * second:
        return int(order[0])
    return None


def _confident_all(scores: np.ndarray, threshold: float) -> list[int | None]:
    """``_confident`` of each row of ``scores`` (article x theme), at once."""
    n, themes = scores.shape
    if not themes:
        return [None] * n
    best = np.argmax(scores, axis=1)  # the first best, as a stable sort puts it
    top = np.sort(scores, axis=1)
    first = top[:, -1]
    second = top[:, -2] if themes > 1 else np.zeros(n)
    sure = (first >= threshold) & (first >= CONFIDENT_RATIO * second)
    return [b if ok else None for b, ok in zip(best.tolist(), sure.tolist())]


def _off_taxonomy(theme_of: list, reason: list[str], final: np.ndarray, neighbours,
                  vector_of: Callable[[int], dict[str, float]], analyzer: Analyzer, st: Settings,
                  other: int) -> dict[int, Theme]:
    """Themes for the articles no configured theme fits well (``theme_of[i] is None``): the
    nearest configured theme when it scores at least NEAREST_FRACTION of
    ``min_theme_score``; else an automatic theme (``auto_themes.py``) when enough similar
    such articles share it; else "Other news". Returns the automatic theme of each article
    that has one (``theme_of`` says ``other`` for them until then)."""
    n = len(theme_of)
    for i in range(n):
        if theme_of[i] is None and final.shape[1]:
            best = int(np.argmax(final[i]))
            if final[i, best] >= NEAREST_FRACTION * st.min_theme_score:
                theme_of[i], reason[i] = best, "nearest"
    unassigned = [i for i in range(n) if theme_of[i] is None]
    auto_theme_of = auto_themes(unassigned, neighbours, n, vector_of, analyzer, st, OTHER_THEME.name_zh)
    for i in unassigned:
        theme_of[i], reason[i] = other, "automatic" if i in auto_theme_of else "other"
    return auto_theme_of


def no_single_themes(theme_of: list[int], reason: list[str], auto_theme_of: dict[int, Theme],
                     final: np.ndarray, own: np.ndarray, totals: list[float], neighbours, st,
                     other: int) -> None:
    """A configured theme left with one article that does not clearly belong there by its own
    words (``_confident``) loses it: to the article's next best configured theme that holds
    others, when it scores at least NEAREST_FRACTION of ``min_theme_score``, else to "Other
    news"; and a lone article in "Other news" goes to its best theme that holds others,
    however weak, if it has any of its keywords, else the theme of its most similar article
    that has a configured theme (automatic themes hold three or more). An
    article that is clearly about a theme keeps it even alone — its own best theme by far, also
    once similar articles have pulled its scores, with keywords of weight ALONE_MIN_EVIDENCE or more (one in the headline, or two in the
    text; not one word in a fragment of a sentence): a theme page of one story beats a story
    filed wrongly."""
    if len(theme_of) < 2:
        return
    count = Counter(theme_of[i] for i in range(len(theme_of)) if i not in auto_theme_of)
    for i in range(len(theme_of)):  # in article order: the result does not depend on the caller's
        t = theme_of[i]
        if (i in auto_theme_of or count[t] != 1 or t == other
                or (_confident(own[i], st.min_theme_score) == t == _confident(final[i], st.min_theme_score)
                    and own[i, t] * totals[i] >= ALONE_MIN_EVIDENCE)):
            continue
        order = [int(k) for k in np.argsort(-final[i], kind="stable") if count[int(k)] >= 1 and k != t]
        if order and final[i, order[0]] >= NEAREST_FRACTION * st.min_theme_score:
            theme_of[i], reason[i] = order[0], "single-merged"
        else:
            theme_of[i], reason[i] = other, "other"
        count[t] -= 1
        count[theme_of[i]] += 1
    lone = [i for i in range(len(theme_of)) if theme_of[i] == other and i not in auto_theme_of]
    if len(lone) == 1:
        i = lone[0]
        order = [int(k) for k in np.argsort(-final[i], kind="stable") if count[int(k)] >= 1]
        if order and final[i, order[0]] > 0:  # it shares at least a keyword with the theme
            theme_of[i], reason[i] = order[0], "single-merged"
        else:  # else the configured theme of the most similar article that has one
            for _, j in neighbours[i]:
                if j not in auto_theme_of and theme_of[j] != other:
                    theme_of[i], reason[i] = theme_of[j], "single-merged"
                    break
