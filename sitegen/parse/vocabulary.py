"""The page's vocabulary: inverse document frequencies of character bigrams over its
paragraphs (and its stories), and the weighted similarities read from them."""
from __future__ import annotations

import math
import operator
from collections import Counter
from itertools import chain, compress, repeat
from typing import Collection, Iterable, Sequence

from .bigrams import bigram_list, bigram_set, joined_bigram_set, text_bigrams


class _OnePlusLog(dict):
    """Count -> 1 + log(count), each computed on first sight (the same floats, looked up)."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1 + math.log(count)
        return value


_ONE_PLUS_LOG = _OnePlusLog()


class Vocabulary:
    """Inverse document frequencies of character bigrams over a page's paragraphs, and
    once the page's stories are known (:meth:`by_stories`) over its stories: the one
    place every stage of the parser reads a word's document frequency from."""

    def __init__(self, documents: Iterable[str]):
        sets = list(map(bigram_set, documents))
        df: Counter[str] = Counter(chain.from_iterable(sets))  # one count over every document's set
        self._start(max(len(sets), 1), df)

    @property
    def paragraphs(self) -> Vocabulary:
        """The vocabulary by paragraphs: itself, or the one :meth:`by_stories` was made
        from (a property, not an attribute: a reference to itself would keep every page's
        vocabulary alive until the garbage collector's next full pass)."""
        return self

    def _start(self, n: int, df: dict[str, int]) -> None:
        self.n = n
        self.df = df
        self._idf: dict[str, float] = {}
        self._queries: dict[str, tuple[tuple[str, ...], tuple[float, ...], float]] = {}
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        self._common: dict[float, frozenset[str]] = {}
        self._topics: dict[tuple[str, ...], frozenset[str]] = {}
        self._coverages: dict[tuple[str, frozenset[str]], float] = {}

    def by_stories(self, stories: Iterable[Collection[str]]) -> Vocabulary:
        """The page's vocabulary once its stories are known (``stories``: each story's
        bigrams), made once per page: a bigram's document frequency is the number of
        stories holding it, on the paragraphs' scale (``n`` stays the paragraph count), so
        a word one story repeats in every paragraph weighs as that story's own word, not
        as a common one. A bigram no story holds (a headline's own word) keeps its count
        of paragraphs. :meth:`common` and ``df`` still count paragraphs."""
        return _ByStories(self, stories)

    def idf(self, gram: str) -> float:
        value = self._idf.get(gram)
        if value is None:
            value = self._idf[gram] = math.log((self.n + 1) / (self.df.get(gram, 0) + 0.5))
        return value

    def common(self, share: float = 0.05) -> frozenset[str]:
        """Bigrams found in more than ``share`` of the paragraphs (and at least 3): the
        page's function words (的发, 一个, 发展 …), which say nothing about a topic. Counted
        by paragraphs also once the stories are known: cohesion and the doubts were set on
        these, and counting stories here moved the cuts as often wrong as right
        (bench/README.md, sixth round)."""
        para = self.paragraphs
        found = para._common.get(share)
        if found is None:
            # (the counts compared in C: the page's every bigram is looked at; a count, an
            # int, is above the limit when it is above the limit's floor: ints compared)
            limit = math.floor(max(3, share * para.n))
            found = para._common[share] = frozenset(compress(para.df, map(limit.__lt__, para.df.values())))
        return found

    def topic_grams(self, parts: Sequence[str]) -> frozenset[str]:
        """The bigrams of the joined ``parts`` without the page's common ones (see
        :func:`.cohesion.topic_grams`), memoised: the placement's cohesion and the doubts
        ask for the same paragraphs' (10,764 calls for 6,361 paragraphs on the bench)."""
        para = self.paragraphs  # common() counts paragraphs, so one memo serves both
        key = tuple(parts)
        found = para._topics.get(key)
        if found is None:
            found = para._topics[key] = joined_bigram_set(key) - para.common()
        return found

    def coverage(self, query: str, target_grams: set[str]) -> float:
        """IDF-weighted share of the query's distinct bigrams that occur in the target.
        Memoised for (frozen) sets of the page: the scorers made one after another in the
        placement, and the rules that try cuts, ask again for the same headline on the
        same body (57 % of the calls on the bench corpus, after each scorer's own memo)."""
        if type(target_grams) is not frozenset:
            return self._coverage(query, target_grams)
        key = (query, target_grams)  # (a frozenset keeps its hash: hashed once)
        found = self._coverages.get(key)
        if found is None:
            found = self._coverages[key] = self._coverage(query, target_grams)
        return found

    def _coverage(self, query: str, target_grams: set[str] | frozenset[str]) -> float:
        weighted = self._queries.get(query)
        if weighted is None:
            grams = tuple(dict.fromkeys(text_bigrams(query)))
            weights = tuple(map(self.idf, grams))
            weighted = self._queries[query] = (grams, weights, sum(weights))
        grams, weights, total = weighted
        if not grams or total <= 0:
            return 0.0
        if type(target_grams) is frozenset and target_grams.isdisjoint(grams):
            return 0.0  # (none found: a third of the calls, answered by one test in C)
        # The weights of the grams found, added in the query's order (as a loop would).
        hit = sum(compress(weights, map(target_grams.__contains__, grams)))
        return hit / total

    def vector(self, text: str) -> dict[str, float]:
        return self._vector(text)[0]

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        """TF-IDF vector of ``text`` and its norm, memoised (continuations are compared with
        every candidate end)."""
        found = self._vectors.get(text)
        if found is None:
            tf = Counter(bigram_list(text))  # (texts asked for a vector once each)
            known, idf = self._idf.get, self.idf  # IDFs are positive: ``or`` only computes new ones
            vec = {g: _ONE_PLUS_LOG[c] * (known(g) or idf(g)) for g, c in tf.items()}
            weights = vec.values()  # (squared and added in C, in the same order)
            found = self._vectors[text] = (vec, math.sqrt(sum(map(operator.mul, weights, weights))))
        return found

    def cosine(self, a: str, b: str) -> float:
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        if not va or not vb:
            return 0.0
        dot = sum(map(operator.mul, va.values(), map(vb.get, va, repeat(0.0))))  # in va's order
        return dot / (na * nb) if na and nb else 0.0


class _ByStories(Vocabulary):
    """:meth:`Vocabulary.by_stories`: stories are counted for the bigrams asked for only
    (a page's headlines hold a few hundred; its stories, thousands)."""

    def __init__(self, paragraphs: Vocabulary, stories: Iterable[Collection[str]]):
        self._start(paragraphs.n, paragraphs.df)
        self._paragraphs = paragraphs
        self.stories = list(stories)

    @property
    def paragraphs(self) -> Vocabulary:
        return self._paragraphs

    def idf(self, gram: str) -> float:
        value = self._idf.get(gram)
        if value is None:
            # (the stories holding it counted in C: asked for every headline bigram of the page)
            held = sum(map(operator.contains, self.stories, repeat(gram))) or self.df.get(gram, 0)
            value = self._idf[gram] = math.log((self.n + 1) / (held + 0.5))
        return value
