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

    if writer is None:
        return None, []
    tags = [[t.zh for t in grouped.groupings[p].tags] for p in permalinks]
    files = [(gloss_path(p), lambda a=a: writer.key(a), lambda a=a: writer.script(a))
             for p, a in zip(permalinks, articles)]
    files += [(path, lambda key=key: key, content)
              for path, key, content in writer.shard_files(site_words(writer, articles, cache_dir))]
    return writer.key_terms(articles, tags), files
