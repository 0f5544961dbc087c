"""Tags: the terms that link an article to others (issue 20).

Each article's tags come from its TAG_POOL best candidates (``tag_pool``): noun-like terms
that can be tags (``Analyzer.taggable``: dictionary words or names the segmenter recognised)
and that another article also has, or that are proper names. Of those it keeps the ones that
end up tags of at least one other article, plus at most MAX_SINGLE_TAGS proper names of its
own, at most MAX_TAGS in all; no tag contains another. Slugs: ``t-`` + 8 hex digits of the
SHA-1 of the Chinese tag (``tag_slugs``).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from itertools import chain
from operator import mul, neg
from typing import Mapping, Sequence

from .counts import plain
from .text import Analyzer
from .vectors import sublinear_tf

MAX_TAGS = 6
TAG_POOL = 10  # candidates per article that tags are chosen from
MAX_SINGLE_TAGS = 1  # tags no other article has (proper names only), at most this many per article


class TagCandidates(dict):
    """term -> whether it can be in a tag pool: a term that can be a tag
    (``Analyzer.taggable``) that another article also has (``df``: articles per term) or that
    is a proper name. Each term is decided once for all articles of a build (on first
    sight), not once per article that has it."""

    def __init__(self, analyzer: Analyzer, df: Mapping[str, int]):
        super().__init__()
        self.taggable, self.is_name, self.df = analyzer.taggable, analyzer.is_name, df

    def __missing__(self, term: str) -> bool:
        ok = self[term] = self.taggable(term) and (self.df[term] >= 2 or self.is_name(term))
        return ok


def tag_pool(counts: Mapping[str, float], analyzer: Analyzer, df: Mapping[str, int],
             idf: Mapping[str, float], candidates: TagCandidates | None = None) -> list[str]:
    """The article's TAG_POOL best tag candidates, best first: terms that can be tags
    (dictionary words or recognised names, noun-like) that another article also has, or that
    are proper names (``candidates``: those terms, as ``TagCandidates(analyzer, df)``
    decides them; pass one for many articles). Ranked by the article's own weights
    (1 + log count) x IDF, ties by term — not by corpus statistics, so that other articles
    change the pool only through what they share with this one."""
    ok = candidates if candidates is not None else TagCandidates(analyzer, df)
    counts = plain(counts)
    terms = [t for t in counts if ok[t]]
    # -(1 + log c) x IDF, term by term at C speed; (-weight, term) pairs sort best first,
    # ties by term
    cands = sorted(zip(map(mul, map(neg, map(sublinear_tf, map(counts.__getitem__, terms))),
                           map(idf.__getitem__, terms)), terms))
    pool: list[str] = []
    for _, t in cands:
        if not any(t in c or c in t for c in pool):
            pool.append(t)
            if len(pool) >= TAG_POOL:
                break
    return pool


def _pick_tags(pool: list[str], linked: Mapping[str, int], is_name) -> list[str]:
    """Up to MAX_TAGS of ``pool`` (in its order) that ``linked`` counts on at least two
    articles, plus at most MAX_SINGLE_TAGS proper names that link nowhere."""
    chosen: list[str] = []
    single = 0
    for t in pool:
        if linked.get(t, 0) < 2:
            if single >= MAX_SINGLE_TAGS or not is_name(t):
                continue
            single += 1
        chosen.append(t)
        if len(chosen) >= MAX_TAGS:
            break
    return chosen


def choose_tags(counts: Sequence[Mapping[str, float]], analyzer: Analyzer, df: Mapping[str, int],
                idf: Mapping[str, float], pools: list[list[str]] | None = None) -> list[list[str]]:
    """Each article's tags: from its pool (``tag_pool``), the terms that end up tags of at
    least one other article too, plus at most MAX_SINGLE_TAGS names of its own. Dropping a
    tag that only one article kept can leave another tag with one article, so the choice is
    repeated (the sets only shrink) until no tag changes. ``pools``: each article's
    ``tag_pool``, when the caller has them (``memo.tag_pools``)."""
    if pools is None:
        candidates = TagCandidates(analyzer, df)
        pools = [tag_pool(c, analyzer, df, idf, candidates) for c in counts]
    linked = Counter(chain.from_iterable(pools))
    is_name = analyzer.is_name
    tags = [_pick_tags(pool, linked, is_name) for pool in pools]
    for _ in range(9):
        now = Counter(chain.from_iterable(tags))
        if now == linked:
            break
        # An article's tags depend only on which of its pool's terms two or more articles
        # keep (``_pick_tags``): the next round picks again only the articles with a term
        # that went below two, the same lists as picking every article again.
        moved = {t for t in linked.keys() | now.keys() if (linked[t] >= 2) != (now[t] >= 2)}
        linked = now
        redo = [i for i, pool in enumerate(pools) if not moved.isdisjoint(pool)]
        for i in redo:
            tags[i] = _pick_tags(pools[i], linked, is_name)
    return tags


def tag_slugs(words: list[str]) -> dict[str, str]:
    """``t-`` + 8 hex digits of SHA-1; on a collision within the build, later words (in sorted
    order) get 12 then 40 digits, so slugs stay stable unless two tags really collide."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for w in words:
        for n in (8, 12, 40):
            s = f"t-{hashlib.sha1(w.encode('utf-8')).hexdigest()[:n]}"
            if s not in used:
                break
        used.add(s)
        out[w] = s
    return out
