"""Word splitting for grouping: each article's (title, lead, body) texts and their term counts
(``Analyzer.article_terms``), taken from the term cache of earlier builds when there, else
segmented, over the cores when the corpus is large."""
from __future__ import annotations

import marshal
from typing import Mapping, MutableMapping, Sequence

from sitegen.models import Article
from sitegen.parallel import map_shared

from .counts import StoredCounts
from .text import Analyzer, Terms

# Fewer articles to split: no worker processes. With rjieba, segmenting 1,000 articles takes
# ~0.2 s and workers gain nothing at that size (measured); they pay off at several thousand.
# (The per-article step of ``core.group_articles`` runs in this process at any size:
# ``memo._per_article_all``.)
PARALLEL_MIN_ARTICLES = 3000


def article_texts(article: Article, max_body: int) -> tuple[str, str, str]:
    """(title, lead, body) of ``article`` as grouping reads it: kicker, headline and subtitle;
    the lead; the other paragraphs, cut at ``max_body`` characters."""
    title = "\n".join(x for x in (article.kicker, article.headline, article.subtitle) if x)
    paras = [b.text for b in article.blocks]
    lead = article.lead
    rest = list(paras)
    if lead and lead in rest:
        rest.remove(lead)
    body = "\n".join(rest)
    if len(body) > max_body:
        body = body[:max_body]
    return title, lead, body


def _terms_of(analyzer: Analyzer, texts: tuple[str, str, str]) -> Terms:
    return analyzer.article_terms(*texts)


def split_texts(analyzer: Analyzer, texts: Sequence[tuple[str, str, str]]) -> list[Terms]:
    """``analyzer.article_terms`` of each (title, lead, body), over the cores when it pays.

    Same result, in the same order, as the sequential loop: each article is segmented by
    the same tokenizer (a forked copy of this process's)."""
    if len(texts) < PARALLEL_MIN_ARTICLES:
        return [analyzer.article_terms(*t) for t in texts]
    return map_shared(_terms_of, analyzer, texts)


def term_keys(analyzer: Analyzer, articles: Sequence[Article], max_body: int,
              known: Mapping[bytes, str] | None = None) -> list[str]:
    """Each article's term key (``analyzer.terms_key`` of its ``article_texts``), taken from
    ``known`` (article identity -> key, kept by a build with the same analyzer and ``max_body``)
    when there: a day's update then hashes the texts of its new articles only."""
    known = known or {}
    keys = []
    for article in articles:
        key = known.get(article.identity)
        keys.append(key if key is not None else analyzer.terms_key(*article_texts(article, max_body)))
    return keys


def article_terms(analyzer: Analyzer, articles: Sequence[Article], max_body: int,
                  cache: MutableMapping[str, object] | None,
                  made: list[Terms] | None = None,
                  known: Mapping[bytes, str] | None = None) -> tuple[list[Terms], dict[str, Terms], list[str]]:
    """Terms of each article, taking those whose key (``term_keys``, with ``known``) is in
    ``cache`` from it and adding the others to it. Also returns {key: terms} for exactly these
    articles, and each article's key; the terms segmented here (not found in ``cache``) are
    also appended to ``made``."""
    keys = term_keys(analyzer, articles, max_body, known)
    found: dict[str, Terms] = {}
    todo: dict[str, int] = {}  # key -> first article with it (identical texts segmented once)
    for i, key in enumerate(keys):
        hit = cache.get(key) if cache is not None else None
        if isinstance(hit, Terms):
            found[key] = hit
        elif key not in todo:
            todo[key] = i
    fresh = split_texts(analyzer, [article_texts(articles[i], max_body) for i in todo.values()])
    if made is not None:
        made += fresh
    for key, terms in zip(todo, fresh):
        found[key] = terms
        if cache is not None:
            cache[key] = terms
    return [found[k] for k in keys], {k: found[k] for k in keys}, keys


def stored_terms(records: Mapping[str, object]) -> dict[str, Terms]:
    """The term store's records (``records_of``) as ``Terms``, each article's counts read
    when first used; a record of another shape is left out (segmented again)."""
    out: dict[str, Terms] = {}
    for key, record in records.items():
        if (type(record) is tuple and len(record) == 3 and type(record[0]) is bytes
                and type(record[1]) in (float, int) and type(record[2]) is tuple):
            out[key] = Terms(StoredCounts(record[0]), record[1], record[2])
    return out


def records_of(cache: Mapping[str, Terms]) -> dict[str, tuple[bytes, float, tuple[str, ...]]]:
    """What the term store keeps of each entry (plain values, marshalled with the rest):
    its counts marshalled on their own (a stored entry's as they were read), the total,
    the headline's terms."""
    out = {}
    for key, terms in cache.items():
        if isinstance(terms, Terms):
            counts = terms.counts
            blob = counts.blob if isinstance(counts, StoredCounts) else marshal.dumps(dict(counts))
            out[key] = (blob, terms.total, tuple(terms.head))
    return out
