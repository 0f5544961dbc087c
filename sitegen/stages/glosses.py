"""The reading aid's stage: each article's key terms and its gloss file (``sitegen.gloss``)."""
from __future__ import annotations

from sitegen.models import Article


def prepare_glosses(taxonomy):
    """CC-CEDICT and pypinyin (~0.4 s), loaded while the seeds parse; the render helpers
    fork with them loaded."""
    from sitegen.gloss import gloss_writer

    return gloss_writer(taxonomy)


def gloss_stage(writer, permalinks: list[str], articles: list[Article], grouped):
    """Each article's key terms (dictionary glosses of its tags and telling words) and the
    gloss files the render makes: (key terms, [(path, key callable, content callable)]).
    No writer (``reading_aid = false``): neither."""
    from sitegen.gloss import gloss_path

    if writer is None:
        return None, []
    tags = [[t.zh for t in grouped.groupings[p].tags] for p in permalinks]
    files = [(gloss_path(p), lambda a=a: writer.key(a), lambda a=a: writer.script(a))
             for p, a in zip(permalinks, articles)]
    return writer.key_terms(articles, tags), files
