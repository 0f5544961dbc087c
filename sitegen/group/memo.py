"""What grouping keeps from one build for the next, so that a day's update does the day's work
only (issue 23): each article's neighbours, own theme scores and tag pool.

The result is the same float for float as without the memo; only less is computed:

- **Neighbours.** An article's best NEIGHBOURS among the others are kept with a digest of its
  vector. Next build, a kept article's list is still its best among the *kept* articles,
  unless one of its neighbours left or changed (then its row is recomputed whole). So its new
  list is its old one merged with its similarities to the new and changed articles only
  (``Postings.restricted``: each similarity the same float, added in the same order as a
  whole row would add it). New and changed articles get whole rows.
- **Theme scores** depend on the article's term counts alone: kept by its term key.
- **Tag pools** (``tags.tag_pool``) depend on the article's counts and on which of its terms
  another article has: kept by term key, and recomputed for articles with a term whose
  "another article has it" flipped since the memo's build.

- **Vectors** (``vectors.weigh``) depend on the article's term counts and on the reference
  the corpus factor is counted over (``reference.py``), which a day leaves alone: kept (packed
  as ``Postings`` holds them, with their digests) and taken by term key while the
  reference's term keys are the same. The day the reference is recounted, every vector is
  weighed again, nearly all change and the memo gives way to a full computation.
"""
from __future__ import annotations

import hashlib
import marshal
from collections import Counter
from itertools import chain
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .counts import plain
from .similarity import NEIGHBOURS, Postings
from .tags import TagCandidates, tag_pool
from .text import Terms, corpus_factor
from .vectors import Doc, weigh

Row = list[tuple[float, int]]  # (similarity, article index), best first


class GroupMemo:
    """The memo of one build (empty: nothing known, everything computed). Pickled between
    builds by ``sitegen.state``; ``version`` is the grouping code's digest there."""

    def __init__(self, version: str = ""):
        self.version = version
        self.order: list[str] = []  # the articles (permalinks), in the build's order
        self.vectors: list[bytes] = []  # digest of each one's vector
        self.rows = PackedRows()  # each one's neighbours (indices into ``order``)
        self.scores: dict[str, list[float]] = {}  # term key -> own theme scores
        self.pools: dict[str, list[str]] = {}  # term key -> tag pool
        self.linked: frozenset[str] = frozenset()  # terms that two or more articles had
        self.solo: dict[str, str] | None = None  # each term one article had -> its term key (None: not known)
        self.reference = ""  # digest of the reference's term keys (``reference_digest``)
        self.keys: list[str] = []  # each article's term key
        self.term_keys: dict[bytes, str] = {}  # article identity -> its term key (``words.term_keys``)
        self.packed = PackedVectors()  # each article's vector
        self.df: Counter | None = None  # articles per term, over the articles of ``keys``
        self.factors: dict[str, float] = {}  # each term's corpus factor, by the reference of ``reference``

    def vector_rows(self, reference: str) -> dict[str, int]:
        """term key -> the article (index into ``order``) whose vector an article with that
        key has now, if the reference is the same (else none)."""
        if reference != self.reference or not (len(self.order) == len(self.keys) == len(self.vectors)
                                                == len(self.packed)):
            return {}
        return {k: r for r, k in enumerate(self.keys)}


class PackedVectors:
    """Article vectors end to end, as ``Postings`` holds them: the vocabulary, each weight's
    term (an index into it), the weights and each vector's length. Pickled so, 11,000
    vectors load in a millisecond (as dicts: 0.14 s)."""

    def __init__(self, vocab: Sequence[str] = (), terms: Sequence[int] = (), weights: Sequence[float] = (),
                 lens: Sequence[int] = ()):
        self.vocab = list(vocab)
        self.terms = np.asarray(terms, dtype=np.int32)
        self.weights = np.asarray(weights, dtype=np.float64)
        self.lens = np.asarray(lens, dtype=np.int32)

    @classmethod
    def of(cls, postings: Postings) -> "PackedVectors":
        return cls(postings.terms, postings.row_terms, postings.row_weights, postings.row_lens)

    def __len__(self) -> int:
        return len(self.lens)

    def unpack(self, rows: Iterable[int]) -> list[dict[str, float]]:
        """The vectors of ``rows`` as term -> weight dicts (the same floats, in their order)."""
        vocab, terms, weights = self.vocab, self.terms.tolist(), self.weights.tolist()
        ends = [0, *np.cumsum(self.lens).tolist()]
        return [dict(zip(map(vocab.__getitem__, terms[ends[r]:ends[r + 1]]), weights[ends[r]:ends[r + 1]]))
                for r in rows]

    def postings(self, docs: Sequence[Doc], at: Sequence[int]) -> Postings:
        """The postings of ``docs``: the vector of row ``at[k]`` of these for article ``k``,
        or its own (``docs[k].vec``) where ``at[k]`` is -1; the same floats in the same order
        as ``Postings(docs)`` with every vector unpacked, without making 11,000 dicts. The
        vocabulary is this one's, new terms after it."""
        ids = {t: k for k, t in enumerate(self.vocab)}
        vocab = list(self.vocab)
        new_terms: list[int] = []
        new_weights: list[float] = []
        lens = np.empty(len(docs), dtype=np.int64)
        starts = np.empty(len(docs), dtype=np.int64)  # of each vector in the packed weights, new ones after them
        own_lens = self.lens.astype(np.int64)
        own_starts = np.cumsum(own_lens) - own_lens
        where = np.asarray(at, dtype=np.int64)
        kept = where >= 0
        lens[kept], starts[kept] = own_lens[where[kept]], own_starts[where[kept]]
        base = len(self.terms)
        for k in np.flatnonzero(~kept).tolist():
            vec = docs[k].vec
            starts[k], lens[k] = base + len(new_terms), len(vec)
            for t in vec:
                if t not in ids:
                    ids[t] = len(vocab)
                    vocab.append(t)
            new_terms += map(ids.__getitem__, vec)
            new_weights += vec.values()
        terms = np.concatenate((self.terms.astype(np.int64), np.asarray(new_terms, dtype=np.int64)))
        weights = np.concatenate((self.weights, np.asarray(new_weights, dtype=np.float64)))
        total = int(lens.sum())
        take = np.arange(total, dtype=np.int64) + np.repeat(starts - (np.cumsum(lens) - lens), lens)
        return Postings.of_arrays(vocab, terms[take], weights[take], lens.tolist())


class PackedRows:
    """Each article's neighbours end to end: similarities, indices and each row's length.
    Pickled so, 11,000 rows load in ~2 ms (as lists of tuples: ~45 ms), and a day renumbers
    them at C speed (``valid_under``)."""

    def __init__(self, rows: Sequence[Row] = ()):
        self.lens = np.fromiter(map(len, rows), dtype=np.int32, count=len(rows))
        self.sims = np.fromiter((s for row in rows for s, _ in row), dtype=np.float64, count=int(self.lens.sum()))
        self.ids = np.fromiter((j for row in rows for _, j in row), dtype=np.int64, count=len(self.sims))

    def __len__(self) -> int:
        return len(self.lens)

    def valid_under(self, now: Sequence[int]) -> dict[int, Row]:
        """index now -> its row (renumbered by ``now``: index in the memo -> index now, or -1
        for an article gone or changed), for the rows whose article and neighbours are all
        still there: those lists are still right among the articles kept."""
        if not len(self):
            return {}
        at = np.asarray(now, dtype=np.int64)
        ids = at[self.ids]
        owner = np.repeat(np.arange(len(self), dtype=np.int64), self.lens)
        good = at >= 0
        good[owner[ids < 0]] = False
        ends = np.cumsum(self.lens).tolist()
        sims, ids_now = self.sims.tolist(), ids.tolist()
        return {i: list(zip(sims[e - m:e], ids_now[e - m:e]))
                for i, m, e, ok in zip(now, self.lens.tolist(), ends, good.tolist()) if ok}


def memo_version(taxonomy) -> str:
    """What the memo's contents depend on besides the articles: the grouping code and the
    taxonomy (keywords, settings, stop words, dictionary words)."""
    from sitegen.state import code_digest, digest_bytes

    from .text import analyzer_for

    return digest_bytes(code_digest("group").encode(), analyzer_for(taxonomy).fingerprint.encode(),
                        repr((taxonomy.themes, taxonomy.settings)).encode())


def vector_digest(vec: Mapping[str, float]) -> bytes:
    return hashlib.blake2b(marshal.dumps(tuple(vec.items())), digest_size=16).digest()


def reference_digest(keys: Iterable[str]) -> str:
    """What the corpus factors depend on: the term keys of the reference's articles."""
    return hashlib.blake2b("\n".join(sorted(keys)).encode(), digest_size=16).hexdigest()


def articles_per_term(all_terms: Sequence[Terms], keys: Sequence[str], term_cache: Mapping[str, object] | None,
                      memo: GroupMemo | None) -> Counter:
    """The number of articles that have each term (the same counts as counting them all):
    the memo's build's, less the articles gone (their counts from ``term_cache``, which
    keeps the last build's) plus the new ones, when the memo has them; else counted. At
    10,000 articles counting them all took ~0.05 s."""
    if memo is not None and memo.df is not None and len(memo.keys) == len(memo.order):
        before, now = Counter(memo.keys), Counter(keys)
        gone = [term_cache.get(k) if term_cache is not None else None for k in (before - now).elements()]
        if all(isinstance(terms, Terms) for terms in gone):
            df = Counter(memo.df)
            df.subtract(chain.from_iterable(terms.counts for terms in gone))
            of_key = dict(zip(keys, all_terms))
            df.update(chain.from_iterable(of_key[k].counts for k in (now - before).elements()))
            memo.df = df = +df  # terms no article has any more leave
            return df
    df = Counter(chain.from_iterable(terms.counts for terms in all_terms))
    if memo is not None:
        memo.df = df
    return df


def reference_factors(reference: str, size: int, count: Callable[[], dict[str, float]],
                      memo: GroupMemo | None) -> Mapping[str, float]:
    """Each term's corpus factor (``vectors.corpus_factors``, made by ``count()``): the
    memo's when its reference (``reference_digest``, of ``size`` articles) is this one —
    a term the memo's build did not have is in no reference article, so its factor is a
    term of one article's — else counted and kept. At 10,000 articles counting took
    ~0.03-0.05 s a day; a day needs the factors of its new articles' terms only."""
    if memo is not None and memo.reference == reference and memo.factors:
        return _KeptFactors(memo.factors, corpus_factor(1, size))
    factors = count()
    if memo is not None:
        memo.factors = factors
    return factors


class _KeptFactors:
    """The memo's corpus factors; a term it lacks has ``default``."""

    def __init__(self, factors: dict[str, float], default: float):
        self.factors, self.default = factors, default

    def __getitem__(self, term: str) -> float:
        return self.factors.get(term, self.default)


def weigh_articles(docs: list[Doc], keys: Sequence[str], reference: str, idf: Mapping[str, float],
                   factor: Mapping[str, float], memo: GroupMemo | None) -> tuple[list[bytes] | None, Postings]:
    """Each article's vector (``vectors.weigh``), taken from the memo for a term key the
    memo's build had when the reference is the same (``reference``: its ``reference_digest``),
    then the same floats. Returns the vectors' digests for ``per_article`` (the memo's where it
    gave the vector; None without a memo) and the postings of every vector. A vector the memo
    gave is in the postings only (``Postings.vector``): ``Doc.vec`` stays empty."""
    if memo is None:
        weigh(docs, idf, factor)
        return None, Postings(docs)
    known = memo.vector_rows(reference)
    at = [known.get(k, -1) for k in keys]
    weigh([d for d, r in zip(docs, at) if r < 0], idf, factor)
    digests = [memo.vectors[r] if r >= 0 else vector_digest(d.vec) for d, r in zip(docs, at)]
    postings = memo.packed.postings(docs, at) if known else Postings(docs)
    memo.reference, memo.keys = reference, list(keys)
    return digests, postings


def _per_article(shared: tuple, part: range) -> list[tuple[Row, list[float]]]:
    """What depends on one article alone — its neighbours and own theme scores — for a range
    of articles."""
    docs, postings, scorer = shared
    return [(nb, scorer.score(docs[i]).tolist()) for i, nb in zip(part, postings.neighbours(part.start, part.stop))]


def _per_article_all(docs: list[Doc], postings: Postings, scorer) -> list[tuple[Row, list[float]]]:
    """``_per_article`` for every article, in this process. Forked workers cost more than
    they saved: at 10,000 articles they took 2.8 s of CPU (0.7 s of it the system's, copying
    the page tables of a 600 MB heap and its pages as they were touched) for work that takes
    1.2 s here, and the reading aid's helper keeps the other core busy meanwhile."""
    return _per_article((docs, postings, scorer), range(len(docs)))


def per_article(docs: list[Doc], postings: Postings, keys: Sequence[str], digests: Sequence[bytes] | None, scorer,
                memo: GroupMemo | None) -> tuple[list[Row], list]:
    """Each article's neighbours (``Postings.neighbours``) and own theme scores
    (``ThemeScorer.score``), from the memo where it holds them; the memo is updated to
    this build's. ``postings`` and ``digests``: the vectors' (``weigh_articles``)."""
    if memo is None or digests is None:
        return _unzip(_per_article_all(docs, postings, scorer))
    index = {d.permalink: i for i, d in enumerate(docs)}
    # now[k]: the index now of the memo's article k, if its vector is the same (else -1)
    now = [index.get(p, -1) for p in memo.order]
    now = [i if i >= 0 and digests[i] == dg else -1 for i, dg in zip(now, memo.vectors)]
    if len(memo.rows) != len(now):
        now = []
    old_rows = memo.rows.valid_under(now) if now else {}  # index now -> its row in the memo, still valid
    kept = {i for i in now if i >= 0}
    fresh = [i for i in range(len(docs)) if i not in kept]
    if 2 * (len(docs) - len(old_rows)) > len(docs):
        rows, scores = _unzip(_per_article_all(docs, postings, scorer))
    else:
        rows = _merged_rows(postings, old_rows, fresh)
        known = memo.scores
        scores = [known[k] if k in known else scorer.score(d).tolist() for d, k in zip(docs, keys)]
    memo.order, memo.vectors, memo.rows = [d.permalink for d in docs], list(digests), PackedRows(rows)
    memo.packed = PackedVectors.of(postings)
    memo.scores = dict(zip(keys, scores))
    return rows, scores


def _merged_rows(full: Postings, old_rows: dict[int, Row], fresh: list[int]) -> list[Row]:
    """Each article's neighbours: the ``old_rows`` (still valid among the articles not
    ``fresh``) merged with their similarities to the ``fresh`` articles where one of those
    enters them; the others computed whole (``full``: every article's postings)."""
    entering: dict[int, Row] = {}
    if fresh:
        # The bar a fresh article must beat to enter a row: its last, when it is full (a row
        # computed whole has none to beat: +inf; a short row takes any: -inf).
        bar_sims, bar_ids = np.full(full.n, np.inf), np.full(full.n, -1, dtype=np.int64)
        for i, old in old_rows.items():
            if len(old) < NEIGHBOURS:
                bar_sims[i], bar_ids[i] = -np.inf, full.n
            else:
                bar_sims[i], bar_ids[i] = old[-1]
        entering = full.restricted(fresh).entering(bar_sims, bar_ids)
    rows: list[Row] = []
    for i in range(full.n):
        old = old_rows.get(i)
        if old is None:
            rows.append(full.neighbours(i, i + 1)[0])
        elif i in entering:
            rows.append(sorted(old + entering[i], key=_best_first)[:NEIGHBOURS])
        else:
            rows.append(old)  # best first already
    return rows


def _best_first(row_item: tuple[float, int]) -> tuple[float, int]:
    return -row_item[0], row_item[1]


def _unzip(pairs: list[tuple[Row, list[float]]]) -> tuple[list[Row], list]:
    return [nb for nb, _ in pairs], [sc for _, sc in pairs]


def tag_pools(counts: Sequence[Mapping[str, float]], keys: Sequence[str], analyzer, df: Mapping[str, int],
              idf: Mapping[str, float], memo: GroupMemo | None) -> list[list[str]]:
    """Each article's tag pool (``tags.tag_pool``), from the memo by term key unless one of
    the article's terms went from one article to several or back since the memo's build.
    Which articles those are is found without reading the others' counts where the memo
    says (``_holders``), so that a day reads the counts of its own articles only."""
    candidates = TagCandidates(analyzer, df)
    if memo is None:
        return [tag_pool(c, analyzer, df, idf, candidates) for c in counts]
    linked = frozenset(t for t, k in df.items() if k >= 2)
    flipped = linked.symmetric_difference(memo.linked)
    known = memo.pools
    holders = _holders(flipped, linked, memo)
    if holders is not None:
        def stale(c, k): return k in holders
    else:
        # Asked of each flipped term when they are few, else of each of the article's terms.
        few = tuple(flipped)
        if len(few) < 64:
            def stale(c, k): return any(map(plain(c).__contains__, few))
        else:
            def stale(c, k): return not flipped.isdisjoint(plain(c))
    out = [known[k] if k in known and not stale(c, k) else tag_pool(c, analyzer, df, idf, candidates)
           for c, k in zip(counts, keys)]
    memo.solo = _solo_terms(counts, keys, df, memo.solo if holders is not None else None, known)
    memo.pools = dict(zip(keys, out))
    memo.linked = linked
    return out


def _holders(flipped: frozenset[str], linked: frozenset[str], memo: GroupMemo) -> set[str] | None:
    """The term keys of the memo's articles that hold a ``flipped`` term, or None if only
    their counts can tell. A term that two or more articles have now and one or none had
    (the only flips a day without gone articles makes) was held by the one the memo's
    ``solo`` names, if any; for a term that fell below two, the counts are asked."""
    if memo.solo is None or not flipped.issubset(linked):
        return None
    solo = memo.solo
    return {solo[t] for t in flipped if t in solo}


def _solo_terms(counts: Sequence[Mapping[str, float]], keys: Sequence[str], df: Mapping[str, int],
                before: dict[str, str] | None, known: Mapping[str, object]) -> dict[str, str] | None:
    """Each term one article has -> that article's term key, for the next build's
    ``_holders``. From ``before`` (the memo's, where every term held by a single article now
    was held by a single one then), plus the terms of the articles the memo did not know;
    else from every article's counts. None if they disagree with ``df``."""
    solo: dict[str, str] = {}
    if before is not None:
        now = set(keys)
        solo = {t: k for t, k in before.items() if df.get(t) == 1 and k in now}
        pairs = ((c, k) for c, k in zip(counts, keys) if k not in known)
    else:
        pairs = zip(counts, keys)
    for c, k in pairs:
        for t in c:
            if df[t] == 1:
                solo[t] = k
    return solo if len(solo) == sum(1 for n in df.values() if n == 1) else None
