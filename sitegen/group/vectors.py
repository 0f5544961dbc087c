"""Term weights and article vectors: each term of an article weighs its sublinear count x
its jieba IDF x a corpus factor counted over the reference articles (``reference.py``); the
heaviest ``VECTOR_TERMS`` form the article's L2-normalised vector."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import mul, neg
from typing import Mapping, Sequence

from .counts import plain
from .text import Terms, corpus_factor

VECTOR_TERMS = 40  # terms kept per article vector


@dataclass
class Doc:
    """One article as grouping sees it: its term counts, then its vector."""
    permalink: str
    counts: dict[str, float]
    total: float
    head: tuple[str, ...] = ()  # the headline's terms
    # term -> normalised weight, heaviest first; left empty when grouping's memo gives the
    # vector (``memo.weigh_articles``): ``Postings.vector`` has every article's
    vec: dict[str, float] = field(default_factory=dict)


class _SublinearTf(dict):
    """Weighted count -> 1 + log(count), each computed on first sight (a corpus has a few
    dozen distinct counts; the same floats, looked up)."""

    def __missing__(self, count: float) -> float:
        value = self[count] = 1.0 + math.log(count)
        return value


_SUBLINEAR_TF = _SublinearTf()
sublinear_tf = _SUBLINEAR_TF.__getitem__  # 1 + log(count), the same float as computed


def corpus_factors(df: Mapping[str, int], all_terms: Sequence[Terms], reference: list[int]) -> dict[str, float]:
    """Each term's corpus factor, counted over the ``reference`` articles (indices into
    ``all_terms``); a term none of them has counts as a term of one article (factor 1)."""
    m = len(reference)
    ref_df = df
    if m < len(all_terms):
        left_out = set(range(len(all_terms))).difference(reference)
        ref_df = Counter(df)
        ref_df.subtract(chain.from_iterable(all_terms[i].counts for i in left_out))
    cf = [corpus_factor(k, m) for k in range(m + 1)]
    return {t: cf[ref_df[t] or 1] for t in df}


def weigh(docs: list[Doc], idf: Mapping[str, float], factor: Mapping[str, float]) -> None:
    """Fill each article's ``vec``: its VECTOR_TERMS heaviest terms (ties by term),
    L2-normalised."""
    tf, idf_of, factor_of = _SUBLINEAR_TF.__getitem__, idf.__getitem__, factor.__getitem__
    for d in docs:
        # (1 + log c) x idf x corpus factor, multiplied in that order, term by term at C speed.
        counts = plain(d.counts)
        terms = counts.keys()
        w = dict(zip(terms, map(mul, map(mul, map(tf, counts.values()), map(idf_of, terms)),
                            map(factor_of, terms))))
        # Heaviest first, ties by term: (-weight, term) tuples sort so without a key function.
        top = sorted(zip(map(neg, w.values()), w))[:VECTOR_TERMS]
        norm = math.sqrt(sum(v * v for v, _ in top)) or 1.0
        d.vec = {t: -v / norm for v, t in top}
