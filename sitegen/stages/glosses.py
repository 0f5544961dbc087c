"""The reading aid's stage: each article's key terms, its gloss file and the site-wide
dictionary's shards (``sitegen.gloss``)."""
from __future__ import annotations

from pathlib import Path

from sitegen.models import Article


def prepare_glosses(taxonomy):
    """CC-CEDICT and pypinyin (~0.4 s), loaded while the seeds parse; the render helpers
    fork with them loaded."""
    from sitegen.gloss import gloss_writer

    return gloss_writer(taxonomy)


#: Fewer articles than this are cut in this process when the render asks (a fork costs more).
AHEAD_MIN_ARTICLES = 200


def dictionary_words(writer, articles: list[Article], cache_dir: Path | None, ahead: bool = True):
    """Every word the dictionary's shards need (``sitegen.gloss.memo.site_words``: each article
    cut into words, unless the memo in ``cache_dir`` has them, its gloss file's JSON made on
    the way), worked out by a forked helper while this process groups and translates, which
    leaves the other core idle; the render asks for them (``result()``) with the first shard.
    ``ahead=False`` (an incremental build: most words come from the memo) or a small site:
    found here, then.
    None without a writer (``reading_aid = false``)."""
    from sitegen.gloss.memo import site_words
    from sitegen.parallel import Background

    if writer is None:
        return None

    def find() -> tuple[list[str], dict[str, str]]:
        return site_words(writer, articles, cache_dir), writer.made_data()

    background = Background(find, fork=ahead and len(articles) >= AHEAD_MIN_ARTICLES)
    if background.started:
        writer.release_cuts()  # grouping's cuts, which the helper took with it
    return background


def gloss_stage(writer, permalinks: list[str], articles: list[Article], grouped, words=None,
                cache_dir: Path | None = None):
    """Each article's key terms (dictionary glosses of its tags and telling words) and the
    files the render makes: (key terms, [(path, key callable, content callable)]): each
    seed page's gloss file (``gloss_files``) and the dictionary's shards. ``words``: the dictionary's words,
    being found (``dictionary_words``). ``cache_dir``: where the key terms' memo is kept
    (``sitegen.gloss.terms_memo``). No writer (``reading_aid = false``): neither."""
    from sitegen.gloss.shards import shard_path
    from sitegen.gloss.terms_memo import key_terms

    if writer is None:
        return None, []
    words = words or dictionary_words(writer, articles, None, ahead=False)
    tags = [[t.zh for t in grouped.groupings[p].tags] for p in permalinks]
    # The shards' keys need every article's words: taken when the render asks for the first
    # key (in this process, at the front of its job list), with the gloss files' JSON made
    # on the way, which the gloss files then take.
    shards: list = []

    def shard(n: int) -> tuple:
        if not shards:
            site_words, made = words.result()
            writer.release_cuts()
            writer.take_made(made)
            shards.extend(writer.shard_files(site_words))
        return shards[n]

    files = [(shard_path(n), lambda n=n: shard(n)[1], lambda n=n: shard(n)[2]()) for n in range(writer.shards)]
    files += gloss_files(writer, permalinks, articles)
    return key_terms(writer, articles, tags, cache_dir), files


def gloss_files(writer, permalinks: list[str], articles: list[Article]) -> list[tuple]:
    """One gloss file per seed page (``sitegen.gloss.gloss_path``), its articles in their
    order, each under its ``gloss_key``: (path, key callable, content callable)."""
    from sitegen.gloss import gloss_key, gloss_path

    pages: dict[str, list[tuple[str, Article]]] = {}
    for p, a in zip(permalinks, articles):
        pages.setdefault(gloss_path(p), []).append((gloss_key(p), a))
    return [(path, lambda m=members: writer.key(m), lambda m=members: writer.script(m))
            for path, members in pages.items()]


def changed_files(writer, permalinks: set[str]) -> set[str]:
    """The reading aid's files whose inputs may have changed when the articles ``permalinks``
    did (``sitegen.changes``): their seed pages' gloss files (each follows from that page's
    articles alone: a page parsed again has all its articles here) and the dictionary's shards (from every article's words). None without a writer (``reading_aid = false``)."""
    from sitegen.gloss import gloss_path
    from sitegen.gloss.shards import shard_path

    if writer is None:
        return set()
    return {gloss_path(p) for p in permalinks} | {shard_path(n) for n in range(writer.shards)}
