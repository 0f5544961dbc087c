"""Grouping: theme assignment, tags and related articles, run step by step by ``group_articles``.

Method (details and tuning knobs in ``themes.toml`` ``[settings]``; each step names its module):

1. Terms: each article is segmented (headline block and lead weighted up) into content terms;
   a term's weight is sublinear tf x jieba IDF x a smoothed corpus IDF factor, counted over
   a reference of the oldest articles that a day's new articles do not move
   (``reference.py``). The top ``VECTOR_TERMS`` terms form an L2-normalised sparse vector
   (word splitting: ``words.py``; weights and vectors: ``vectors.py``).
2. Neighbours: cosine similarity through an inverted index (numpy accumulation per article),
   keeping each article's ``NEIGHBOURS`` best matches (ties broken by permalink)
   (``similarity.py``).
3. Theme scores: each configured theme scores the density of its keywords in the article
   (a keyword matches a token equal to or containing it), each keyword weighted by its IDF,
   plus ``headline_theme_weight`` x their density among the headline's terms
   (``theme_scores.py``). An article whose own best theme clearly wins (>= CONFIDENT_RATIO x
   runner-up) keeps it. Otherwise its scores are smoothed over near neighbours and averaged
   with those of its neighbours that report the same event (cosine >= EVENT_SIM), so an
   ambiguous report of an event follows the clearer reports of the same event; each
   article's own neighbours vote, not a cluster chained through the similarity graph, so
   that adding articles moves few themes (``themes.py``).
4. Articles whose best score is below ``min_theme_score`` adopt the theme of a very similar
   themed article, else their nearest theme if it scores at least NEAREST_FRACTION of the
   threshold, else are clustered by similarity into automatic themes (at least
   AUTO_MIN_ARTICLES articles; named after the keyword most members share; slug
   ``auto-<sha1 of the name>``; ``auto_themes.py``), else go to "Other news" (slug
   ``other``). A theme left with one article that its own words do not clearly put there
   gives it to the next nearest theme that holds others, or "Other news"
   (``themes.no_single_themes``).
5. Tags: up to 6 dictionary words or recognised names (noun-like, no stop words, none
   contained in another) from the article's best candidates, each also a tag of another
   article, plus at most one proper name of its own (``tags.py``). Tag slug: ``t-`` + first 8
   hex digits of SHA-1 of the Chinese tag (longer if two tags of one build collide).
6. Related: the 3-5 most similar other articles, best first; an article published later
   enters an earlier one's list only if among its LATER_TOP most similar (``related.py``).

The result: ``result.py`` (``GroupResult``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Mapping, MutableMapping, Sequence

import numpy as np

from sitegen.models import Article, Grouping, Tag, Theme
from . import memo as memos
from .reference import reference_rows
from .related import related
from .result import DebugScores, GroupResult
from .tags import choose_tags, tag_slugs
from .taxonomy import Taxonomy
from .text import Terms, analyzer_for
from .theme_scores import scorer_for
from .themes import OTHER_THEME, assign_themes
from .vectors import Doc, corpus_factors
from .words import article_terms


def split_words(articles: Sequence[Article], taxonomy: Taxonomy,
                term_cache: MutableMapping[str, object]) -> None:
    """Add the word-split term counts of ``articles`` to ``term_cache`` (those already in it
    are skipped), as ``group_articles`` would: a caller that gets articles one page at a time
    can segment them while it waits for the rest, and grouping then finds them there."""
    analyzer = analyzer_for(taxonomy)
    made: list[Terms] = []
    article_terms(analyzer, articles, taxonomy.settings.max_body_chars, term_cache, made)
    # Grouping asks two memoised questions of every term: which theme keywords it matches and
    # whether it can be a tag. Answered now for the terms just segmented (whose word classes
    # were noted as they were segmented), they are off grouping's serial path.
    scorer_for(taxonomy, analyzer).answer_ahead(made, analyzer)


def group_articles(items: Sequence[tuple[str, Article]], taxonomy: Taxonomy,
                   term_cache: MutableMapping[str, object] | None = None,
                   first_seen: Mapping[str, str] | None = None,
                   memo: memos.GroupMemo | None = None) -> GroupResult:
    """Group ``items`` ((permalink, article) pairs); see the module docstring for the method.

    ``term_cache``: word-split term counts from earlier builds (``result.term_cache`` of the
    last build, e.g. unpickled). Articles whose key is in it are not segmented again; new
    entries are added to it. Keys cover the article's texts, the dictionaries, taxonomy
    keywords, stop words, weights and ``TERMS_VERSION``, so a stale entry is never used.
    The result is the same with or without the cache.

    ``first_seen``: permalink -> when the article first appeared (the history's ``published``);
    the oldest articles are the reference the corpus factor is counted over (``reference.py``).
    Without it, the first permalinks are.

    ``memo``: what the last build's grouping kept (``memo.py``), updated to this one's; the
    result is the same with or without it, a day's update only computes less."""
    analyzer = analyzer_for(taxonomy)
    st = taxonomy.settings
    ordered = _in_permalink_order(items)  # all processing in permalink order
    n = len(ordered)
    if n == 0:
        return GroupResult({}, [])

    # 1. terms and vectors -------------------------------------------------------------
    docs, keys, used_terms, df, idf, (digests, postings) = _weighed(ordered, analyzer, st.max_body_chars,
                                                                     term_cache, first_seen, memo)

    # 2.-3. neighbours and own theme scores: per article, over the cores for large corpora ---
    scorer = scorer_for(taxonomy, analyzer)
    neighbours, scores = memos.per_article(docs, postings, keys, digests, scorer, memo)
    own = np.array(scores, dtype=np.float64) if scorer.n else np.zeros((n, 0))

    # 3.-4. themes: smoothing, same-event votes, off-taxonomy articles ------------------------
    assigned = assign_themes(own, neighbours, docs, postings.vector, analyzer, st)
    configured = [Theme(slug=s.slug, name_en=s.name_en, name_zh=s.name_zh) for s in taxonomy.themes]
    configured.append(OTHER_THEME)

    # 5. tags -------------------------------------------------------------------------------
    counts = [d.counts for d in docs]
    tag_lists = choose_tags(counts, analyzer, df, idf, memos.tag_pools(counts, keys, analyzer, df, idf, memo))
    slugs = tag_slugs(sorted({z for tl in tag_lists for z in tl}))
    tags = {z: Tag(slug=slugs[z], zh=z, en=None) for z in slugs}

    # 6. related, and each article's grouping ----------------------------------------------
    published = [first_seen.get(d.permalink, "") for d in docs] if first_seen else None
    groupings = _groupings(docs, assigned, configured, [tuple(tags[z] for z in tl) for tl in tag_lists], neighbours,
                           published)

    texts = sorted({t.name_zh for t in assigned.auto_theme_of.values()} | set(tags))
    # keep the caller's order for the mapping
    debug = DebugScores([p for p, _ in items], {d.permalink: i for i, d in enumerate(docs)},
                        [s.slug for s in taxonomy.themes], assigned.final, own, assigned.reason)
    return GroupResult(groupings={p: groupings[p] for p, _ in items},
                       themes=_themes_in_use(configured, groupings, assigned.auto_theme_of),
                       tags={t.slug: t for t in tags.values()},
                       texts_to_translate=texts, debug=debug, term_cache=used_terms)


def _weighed(ordered: Sequence[tuple[str, Article]], analyzer, max_body_chars: int,
             term_cache: MutableMapping[str, object] | None, first_seen: Mapping[str, str] | None,
             memo: memos.GroupMemo | None) -> tuple[list[Doc], list[str], dict, Counter, dict, tuple]:
    """Step 1: each article's terms and vector. Returns the articles (``Doc``), their term keys,
    {key: terms} of these articles, the number of articles per term, the terms' IDF and the
    vectors' digests and postings (``memo.weigh_articles``)."""
    articles = [article for _, article in ordered]
    all_terms, used_terms, keys = article_terms(analyzer, articles, max_body_chars, term_cache,
                                                known=memo.term_keys if memo is not None else None)
    if memo is not None:
        memo.term_keys = dict(zip([a.identity for a in articles], keys))
    docs = [Doc(permalink, terms.counts, terms.total, terms.head) for (permalink, _), terms in zip(ordered, all_terms)]
    df = memos.articles_per_term(all_terms, keys, term_cache, memo)
    idf = analyzer.term_idfs(df)
    reference = reference_rows([d.permalink for d in docs], first_seen)
    digest = memos.reference_digest(keys[i] for i in reference)
    factor = memos.reference_factors(digest, len(reference), lambda: corpus_factors(df, all_terms, reference), memo)
    weighed = memos.weigh_articles(docs, keys, digest, idf, factor, memo)
    return docs, keys, used_terms, df, idf, weighed


def _groupings(docs: list[Doc], assigned, configured: list[Theme], tags: list[tuple[Tag, ...]],
               neighbours: list, published: list[str] | None) -> dict[str, Grouping]:
    """Step 6: each article's theme, tags and related articles, by permalink."""
    auto, n = assigned.auto_theme_of, len(docs)
    return {d.permalink: Grouping(
        theme=auto[i] if i in auto else configured[assigned.theme_of[i]],
        tags=tags[i],
        related=tuple(docs[j].permalink
                      for j in related(i, neighbours, assigned.theme_of, auto, n, published)))
        for i, d in enumerate(docs)}


def _in_permalink_order(items: Sequence[tuple[str, Article]]) -> list[tuple[str, Article]]:
    """``items`` sorted by permalink; ValueError if a permalink comes twice."""
    seen: set[str] = set()
    for permalink, _ in items:
        if permalink in seen:
            raise ValueError(f"duplicate permalink {permalink!r}")
        seen.add(permalink)
    return sorted(items, key=lambda pa: pa[0])


def _themes_in_use(configured: list[Theme], groupings: Mapping[str, Grouping],
                   auto_theme_of: Mapping[int, Theme]) -> list[Theme]:
    """The themes that hold articles: configured ones in file order, then automatic ones
    (largest first, then by slug), then "Other news" (the last of ``configured``)."""
    used = {g.theme.slug for g in groupings.values()}
    themes = [t for t in configured[:-1] if t.slug in used]  # "Other news" comes last
    autos: dict[str, Theme] = {}
    for t in auto_theme_of.values():
        autos[t.slug] = t
    count: dict[str, int] = defaultdict(int)
    for g in groupings.values():
        count[g.theme.slug] += 1
    themes += sorted(autos.values(), key=lambda t: (-count[t.slug], t.slug))
    themes += [OTHER_THEME] if OTHER_THEME.slug in used else []
    return themes
