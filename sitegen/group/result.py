"""The group stage's output: each article's grouping, the themes and tags in use, and each
article's theme scores with the reason for its theme (``GroupResult.debug``)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping

from sitegen.models import Grouping, Tag, Theme

from .text import Terms

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class ArticleDebug:
    scores: dict[str, float]  # configured theme slug -> final score (after smoothing/voting)
    own_scores: dict[str, float]
    # "taxonomy" | "event-cluster" | "adopted" | "nearest" | "automatic" | "other" | "single-merged"
    reason: str


@dataclass
class GroupResult:
    groupings: dict[str, Grouping]
    themes: list[Theme]
    tags: dict[str, Tag] = field(default_factory=dict)  # slug -> Tag
    texts_to_translate: list[str] = field(default_factory=list)  # Chinese names lacking English
    debug: Mapping[str, ArticleDebug] = field(default_factory=dict)  # made when read (DebugScores)
    # Term counts of this build's articles only (cache key -> Terms): persist this and pass it
    # back as ``term_cache`` next build; keys of removed or edited articles are not in it.
    term_cache: dict[str, Terms] = field(default_factory=dict, repr=False)

    def with_english(self, names: Mapping[str, str | None]) -> "GroupResult":
        """Copy with English names filled in from ``names`` (Chinese -> English)."""
        themes = [t if t.name_en or not names.get(t.name_zh) else replace(t, name_en=names[t.name_zh])
                  for t in self.themes]
        by_slug = {t.slug: t for t in themes}
        tags = {s: t if t.en or not names.get(t.zh) else replace(t, en=names[t.zh])
                for s, t in self.tags.items()}
        groupings = {p: replace(g, theme=by_slug[g.theme.slug], tags=tuple(tags[t.slug] for t in g.tags))
                     for p, g in self.groupings.items()}
        return GroupResult(groupings, themes, tags, [], self.debug, self.term_cache)


class DebugScores(Mapping):
    """Each article's scores and the reason for its theme (``GroupResult.debug``), made when
    first read: a build never reads them, and making all of them was ~0.02 s of grouping's
    serial time at 1,000 articles. Iterates in the caller's order; compares and prints as
    the dict it stands for."""

    def __init__(self, order: list[str], index: dict[str, int], slugs: list[str],
                 final: np.ndarray, own: np.ndarray, reason: list[str]):
        self._order, self._index, self._slugs = order, index, slugs
        self._final, self._own, self._reason = final, own, reason
        self._made: dict[str, ArticleDebug] = {}

    def __getitem__(self, permalink: str) -> ArticleDebug:
        found = self._made.get(permalink)
        if found is None:
            i = self._index[permalink]  # KeyError for an unknown permalink, as a dict
            found = self._made[permalink] = ArticleDebug(
                scores={s: round(v, 4) for s, v in zip(self._slugs, self._final[i].tolist()) if v > 0},
                own_scores={s: round(v, 4) for s, v in zip(self._slugs, self._own[i].tolist()) if v > 0},
                reason=self._reason[i],
            )
        return found

    def __iter__(self):
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __repr__(self) -> str:
        return repr(dict(self.items()))
