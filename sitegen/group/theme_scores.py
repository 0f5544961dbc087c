"""Configured-theme scores of an article: the density of each theme's keywords among its
terms (a keyword matches a term equal to or containing it), each keyword weighted by its IDF,
plus ``headline_theme_weight`` x their density among the headline's terms."""
from __future__ import annotations

import weakref
from collections import defaultdict
from typing import Sequence

import numpy as np

from .counts import plain
from .taxonomy import Taxonomy
from .text import Analyzer, Terms
from .vectors import Doc

KEYWORD_WEIGHT_FLOOR = 0.35
HEAD_MIN_TERMS = 4  # a headline's keyword density is taken over at least this many terms


class ThemeScorer:
    """Configured-theme scores of one article from its weighted term counts."""

    def __init__(self, taxonomy: Taxonomy, analyzer: Analyzer):
        self.n = len(taxonomy.themes)
        self.keywords: dict[str, list[tuple[int, float]]] = defaultdict(list)
        idf = analyzer.term_idfs({kw: None for spec in taxonomy.themes for kw in spec.keywords})
        for ti, spec in enumerate(taxonomy.themes):
            for kw in spec.keywords:
                w = min(1.0, max(KEYWORD_WEIGHT_FLOOR, idf[kw] / analyzer.median_idf))
                self.keywords[kw].append((ti, w))
        self.maxlen = max(len(k) for k in self.keywords)
        self.headline_weight = taxonomy.settings.headline_theme_weight
        self._cache: dict[str, list[tuple[int, float]]] = {}
        self._matching: dict[str, list[tuple[int, float]]] = {}  # the terms that match a keyword
        self._answered: set[str] = set()  # terms ``answer_ahead`` has seen

    def matches(self, token: str) -> list[tuple[int, float]]:
        found = self._cache.get(token)
        if found is None:
            best: dict[int, float] = {}
            L = len(token)
            for a in range(L):
                for b in range(a + 1, min(L, a + self.maxlen) + 1):
                    for ti, w in self.keywords.get(token[a:b], ()):
                        if w > best.get(ti, 0.0):
                            best[ti] = w
            found = sorted(best.items())
            self._cache[token] = found
            if found:
                self._matching[token] = found
        return found

    def answer_ahead(self, made: Sequence[Terms], analyzer: Analyzer) -> None:
        """Fill the memos grouping reads for every term — keyword matches here, tag
        eligibility in ``analyzer`` — for the terms of ``made`` not met before (memos: the
        order does not matter)."""
        new_terms = set().union(*(terms.counts for terms in made)) - self._answered
        for term in new_terms:
            self.matches(term)
            analyzer.taggable(term)
        self._answered |= new_terms

    def score(self, doc: Doc) -> np.ndarray:
        s = [0.0] * self.n  # the same additions in the same order as on an array, minus numpy's per-item cost
        if doc.total <= 0:
            return np.asarray(s)
        counts, matching = plain(doc.counts), self._matching
        if not counts.keys() <= self._cache.keys():  # terms segmented by an earlier build
            for term in counts:
                self.matches(term)
        # Most terms match no keyword: only those that do are visited, in the article's order.
        for term in filter(matching.__contains__, counts):
            c = counts[term]
            for ti, w in matching[term]:
                s[ti] += c * w
        scores = np.asarray(s) / doc.total
        if doc.head and self.headline_weight:
            # The headline says what the story is about: its keywords' density among its
            # terms counts again (at least HEAD_MIN_TERMS terms, so one word is not 100 %).
            h = [0.0] * self.n
            for term in filter(matching.__contains__, doc.head):
                for ti, w in matching[term]:
                    h[ti] += w
            scores += np.asarray(h) * (self.headline_weight / max(len(doc.head), HEAD_MIN_TERMS))
        return scores


# One scorer per analyzer (its keyword weights depend on the taxonomy's keywords, which the
# analyzer is made for), so that its memo of keyword matches outlives one grouping.
_SCORERS: weakref.WeakKeyDictionary[Analyzer, ThemeScorer] = weakref.WeakKeyDictionary()


def scorer_for(taxonomy: Taxonomy, analyzer: Analyzer) -> ThemeScorer:
    scorer = _SCORERS.get(analyzer)
    if scorer is None:
        scorer = _SCORERS[analyzer] = ThemeScorer(taxonomy, analyzer)
    return scorer
