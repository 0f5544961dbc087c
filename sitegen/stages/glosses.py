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


def gloss_stage(writer, permalinks: list[str], articles: list[Article], grouped, cache_dir: Path | None = None):
    """Each article's key terms (dictionary glosses of its tags and telling words) and the
    files the render makes: (key terms, [(path, key callable, content callable)]): each
    article's gloss file and the dictionary's shards. ``cache_dir``: where the words of each
    article are kept for the next build (``sitegen.gloss.memo``). No writer
    (``reading_aid = false``): neither."""
    from sitegen.gloss import gloss_path
    from sitegen.gloss.memo import site_words
    from sitegen.gloss.shards import shard_path

    if writer is None:
        return None, []
    tags = [[t.zh for t in grouped.groupings[p].tags] for p in permalinks]
    # The shards' keys need every article's words: found when the render asks for the first
    # key (in this process, at the front of its job list, while its helpers render pages),
    # and before the gloss files, which then take the JSON made on the way.
    shards: list = []

    def shard(n: int) -> tuple:
        if not shards:
            shards.extend(writer.shard_files(site_words(writer, articles, cache_dir)))
        return shards[n]

    files = [(shard_path(n), lambda n=n: shard(n)[1], lambda n=n: shard(n)[2]()) for n in range(writer.shards)]
    files += [(gloss_path(p), lambda a=a: writer.key(a), lambda a=a: writer.script(a))
              for p, a in zip(permalinks, articles)]
    return writer.key_terms(articles, tags), files
