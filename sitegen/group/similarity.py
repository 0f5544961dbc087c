"""Similar articles: the cosine similarity of each article's vector (``vectors.py``) to all
others through an inverted index, keeping each article's ``NEIGHBOURS`` best matches (ties
broken by article order, i.e. permalink). ``Postings.restricted(columns)`` compares every
article with some of them only: a daily build scores the old articles against the new ones
(``memo.py``)."""
from __future__ import annotations

from itertools import chain
from typing import Sequence

import numpy as np

from .vectors import Doc

NEIGHBOURS = 10  # neighbours kept per article
# Similarities to at most this many articles (a day's, against the rest) are ranked by one
# stable sort of whole rows; more, from a bound on each row's NEIGHBOURS-th best.
FEW_COLUMNS = 256
CHUNKS = 64  # runs of columns whose maxima bound a row's NEIGHBOURS-th best (``_best_of_many``)
_ABOVE = float(np.nextafter(1e-12, 1.0))  # the least float above 1e-12: ``>= _ABOVE`` is ``> 1e-12``


class _Ids(dict):
    """term -> id, a new term taking the next id."""

    def __missing__(self, term: str) -> int:
        value = self[term] = len(self)
        return value


class Postings:
    """Each term's articles and weights, for the similarity of one article to all others.

    The posting lists are stored end to end, sorted by term (articles in order within a
    term): ``docs[offset[t]:offset[t + 1]]`` and ``weights[...]`` are term ``t``'s.
    ``restricted(columns)`` is a copy whose posting lists hold some articles only."""

    def __init__(self, docs: list[Doc]):
        vocab = _Ids()  # ids in order of first use
        vecs = [d.vec for d in docs]
        # Every article's terms and weights end to end, in article order.
        row_terms = np.fromiter(map(vocab.__getitem__, chain.from_iterable(vecs)), dtype=np.int64)
        row_weights = np.fromiter(chain.from_iterable(map(dict.values, vecs)), dtype=np.float64,
                                  count=len(row_terms))
        self._setup(list(vocab), row_terms, row_weights, list(map(len, vecs)))

    @classmethod
    def of_arrays(cls, terms: list[str], row_terms: np.ndarray, row_weights: np.ndarray,
                  row_lens: list[int]) -> "Postings":
        """The postings of vectors given end to end: each weight's term (an index into
        ``terms``), the weights, and each vector's length (its terms in its order)."""
        postings = object.__new__(cls)
        postings._setup(terms, row_terms, row_weights, row_lens)
        return postings

    def _setup(self, terms: list[str], row_terms: np.ndarray, row_weights: np.ndarray, row_lens: list[int]) -> None:
        self.n = len(row_lens)
        self.row_terms, self.row_weights = row_terms, row_weights
        self.vocab = len(terms)
        self.terms = terms  # the terms, by id
        self.row_lens = row_lens  # each article's number of terms
        ends = np.cumsum([0, *self.row_lens]).tolist()
        self.rows: list[tuple[int, int]] = list(zip(ends, ends[1:]))  # article -> its span of row_terms/row_weights
        self._index(np.arange(self.n, dtype=np.int64))

    def vector(self, i: int) -> dict[str, float]:
        """Article ``i``'s vector: term -> weight, heaviest first (as ``Doc.vec``)."""
        start, end = self.rows[i]
        return dict(zip(map(self.terms.__getitem__, self.row_terms[start:end].tolist()),
                        self.row_weights[start:end].tolist()))

    def restricted(self, columns: Sequence[int]) -> "Postings":
        """A copy whose posting lists hold only the articles ``columns`` (sorted indices):
        every article's similarities to those only, each the same float as in this one (its
        products added in the same order)."""
        copy = object.__new__(Postings)
        copy.__dict__.update({k: self.__dict__[k] for k in ("n", "rows", "vocab", "row_terms", "row_weights",
                                                             "row_lens")})
        copy._index(np.asarray(columns, dtype=np.int64))
        return copy

    def _index(self, cols: np.ndarray) -> None:
        """The posting lists of the articles ``cols`` (``docs`` holds positions in it)."""
        self.cols = cols  # position -> article
        self.col_of = np.full(self.n, -1, dtype=np.int64)  # article -> position, or -1
        self.col_of[cols] = np.arange(len(cols), dtype=np.int64)
        terms, weights = self.row_terms, self.row_weights
        owners = self.col_of[np.repeat(np.arange(self.n, dtype=np.int64), self.row_lens)]
        if len(cols) < self.n:
            keep = owners >= 0
            owners, terms, weights = owners[keep], terms[keep], weights[keep]
        order = np.argsort(terms, kind="stable")  # by term; articles stay in order within one
        self.docs = owners[order]
        self.weights = weights[order]
        self.plen = np.bincount(terms, minlength=self.vocab).astype(np.int64)
        self.offset = np.concatenate(([0], np.cumsum(self.plen)[:-1])).astype(np.int64)
        # Per article: how many products its similarities take (the lengths of its terms'
        # posting lists, added up).
        ends = [0, *np.cumsum(self.plen[self.row_terms]).tolist()]
        self.row_pairs = [ends[end] - ends[start] for start, end in self.rows]

    def neighbours(self, first: int, end: int, max_pairs: int = 60_000) -> list[list[tuple[float, int]]]:
        """For each article ``first`` to ``end`` (excluded), its best NEIGHBOURS other articles
        as (similarity, index), best first, ties by index. The products of a block of rows
        (about ``max_pairs`` of them: small blocks reuse memory, which is costly to take
        fresh) go into one ``bincount`` and are ranked together; in a very large corpus,
        where one article's products are that many, each row is a block of its own. (At
        10,000 articles a row has ~10,600 products: blocks of ~5 rows.)"""
        out: list[list[tuple[float, int]]] = []
        for block, stop in self._blocks(first, end, max_pairs):
            acc = self._similarities(block, stop)
            if acc is None:
                out += [[] for _ in range(stop - block)]
            else:
                out += self._best_of_few(acc) if len(self.cols) <= FEW_COLUMNS else self._best_of_many(acc)
        return out

    def entering(self, bar_sims: np.ndarray, bar_ids: np.ndarray,
                 max_pairs: int = 60_000) -> dict[int, list[tuple[float, int]]]:
        """The articles whose best match among this one's columns beats their bar (a higher
        similarity than ``bar_sims[i]``, or the same and a lower index than ``bar_ids[i]``;
        above 1e-12 in any case), each with its best NEIGHBOURS of them as ``neighbours``
        gives them. A day's update asks this of every kept article against the day's: only
        the few whose list a new article enters get a list made (at 10,000 articles, ranking
        all 11,000 rows against 80 columns took ~0.2 s)."""
        out: dict[int, list[tuple[float, int]]] = {}
        for block, stop in self._blocks(0, self.n, max_pairs):
            acc = self._similarities(block, stop)
            if acc is None or not acc.shape[1]:
                continue
            best = np.argmax(acc, axis=1)  # the first best: the lowest index among equals
            top = acc[np.arange(stop - block), best]
            bar, bar_id = bar_sims[block:stop], bar_ids[block:stop]
            beats = (top > 1e-12) & ((top > bar) | ((top == bar) & (self.cols[best] < bar_id)))
            rows = np.flatnonzero(beats)
            if len(rows):
                ranked = self._best_of_few(acc[rows]) if len(self.cols) <= FEW_COLUMNS else self._best_of_many(acc[rows])
                out.update(zip((rows + block).tolist(), ranked))
        return out

    def _blocks(self, first: int, end: int, max_pairs: int):
        """Runs of rows ``first`` to ``end`` whose products add up to about ``max_pairs``
        (at least one row each), as (first, stop)."""
        row_pairs = self.row_pairs
        block = first
        while block < end:
            stop, pairs = block + 1, row_pairs[block]
            while stop < end and pairs + row_pairs[stop] <= max_pairs:
                pairs += row_pairs[stop]
                stop += 1
            yield block, stop
            block = stop

    def _similarities(self, first: int, stop: int) -> np.ndarray | None:
        """Rows ``first`` to ``stop`` x this one's columns: each article's similarity to
        each (0 to itself), or None when the rows have no terms."""
        n, rows = len(self.cols), stop - first
        start, end = self.rows[first][0], self.rows[stop - 1][1]
        if start == end:
            return None
        terms = self.row_terms[start:end]  # the rows' terms, row after row
        lens = self.plen[terms]
        # Positions of each term's posting list, one list after another.
        ends = np.cumsum(lens)
        pos = np.arange(ends[-1], dtype=np.int64) + np.repeat(self.offset[terms] - (ends - lens), lens)
        # One bincount over (row, other article) cells: each cell gets its products in the
        # row's term order, articles in order within a term — the order in which
        # term-by-term updates of the row's similarities would add them.
        weights = self.weights[pos] * np.repeat(self.row_weights[start:end], lens)
        cells = self.docs[pos]
        if rows > 1:
            row_of_term = np.repeat(np.arange(0, rows * n, n, dtype=np.int64), self.row_lens[first:stop])
            cells += np.repeat(row_of_term, lens)
        acc = np.bincount(cells, weights=weights, minlength=rows * n).reshape(rows, n)
        own = self.col_of[first:stop]
        mine = np.flatnonzero(own >= 0)
        acc[mine, own[mine]] = 0.0  # an article is not its own neighbour
        return acc

    def _best_of_many(self, acc: np.ndarray) -> list[list[tuple[float, int]]]:
        """Each row's best NEIGHBOURS of ``acc`` (rows x many columns) above 1e-12, best first,
        ties by index. Cut each row into CHUNKS runs of columns: the NEIGHBOURS-th best of the
        runs' maxima is NEIGHBOURS distinct values, so at most the row's NEIGHBOURS-th best. Only
        values at least that good can be among the best (about a dozen a row, against the
        ~2,000 above 1e-12 of a row at 10,000 articles); one sort orders them all."""
        rows, n = acc.shape
        width = n // CHUNKS
        tops = acc[:, :CHUNKS * width].reshape(rows, CHUNKS, width).max(axis=2) if width else acc
        bound = np.full(rows, _ABOVE)
        if tops.shape[1] >= NEIGHBOURS:
            k = tops.shape[1] - NEIGHBOURS
            bound = np.maximum(np.partition(tops, k, axis=1)[:, k], _ABOVE)
        flat = np.flatnonzero(acc >= bound[:, None])  # by row, then by column
        row, col = np.divmod(flat, n)
        sims = acc.ravel()[flat]
        order = np.lexsort((col, -sims, row))  # by row, best first, ties by index
        sims, ids = sims[order].tolist(), self.cols[col[order]].tolist()
        out, start = [], 0
        for end in np.cumsum(np.bincount(row, minlength=rows)).tolist():
            best = min(end, start + NEIGHBOURS)
            out.append(list(zip(sims[start:best], ids[start:best])))
            start = end
        return out

    def _best_of_few(self, acc: np.ndarray) -> list[list[tuple[float, int]]]:
        """Each row's best NEIGHBOURS of ``acc`` (rows x a few columns), as ``_best_of_many`` picks
        them, with one stable sort of all rows: best first, ties in column order (by index)."""
        best = np.argsort(-acc, axis=1, kind="stable")[:, :NEIGHBOURS]
        sims = np.take_along_axis(acc, best, axis=1)
        found = (sims > 1e-12).sum(axis=1).tolist()
        return [list(zip(s[:k], j[:k])) for s, j, k in zip(sims.tolist(), self.cols[best].tolist(), found)]
