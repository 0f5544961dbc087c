"""Each article's key terms, kept from build to build (``.<site>.cache/gloss-terms.pickle``).

An article's key terms (``GlossWriter.key_terms``) follow from its kicker, headline and
subtitle, its tags, the dictionaries and grouping's word cutter and IDF table; working them
out for all ~11,500 articles took ~0.3 s of every day's update at 10,000 articles. The memo
keeps them by exactly those texts, for as long as the writer's and the cutter's versions hold
(``GlossWriter.terms_version``), so a day works out only its new and changed articles'.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sitegen.models import Article, KeyTerm

from .files import GlossWriter

NAME = "gloss-terms.pickle"

Plain = tuple[tuple[str, str, str, bool], ...]  # a KeyTerm's fields, for each of an article's


def _load(path: Path | None, version: str) -> dict[str, Plain]:
    from sitegen.state import decode_entry

    if path is None:
        return {}
    try:
        value = decode_entry(path.read_bytes())
    except OSError:
        return {}
    return value["terms"] if isinstance(value, dict) and value.get("version") == version else {}


def _key(article: Article, tags: Sequence[str]) -> str:
    """What ``GlossWriter.key_terms`` reads of an article (its texts as it joins them) and its tags."""
    return "\n".join(t for t in (article.kicker, article.headline, article.subtitle) if t) + "\x1e" + "\x1f".join(tags)


def key_terms(writer: GlossWriter, articles: Sequence[Article], tags: Sequence[Sequence[str]],
              cache_dir: Path | None = None) -> list[tuple[KeyTerm, ...]]:
    """``writer.key_terms(articles, tags)``, taking those of articles whose texts and tags are
    in the memo in ``cache_dir`` from it, and storing this build's there."""
    path = cache_dir / NAME if cache_dir is not None else None
    old = _load(path, writer.terms_version)
    keys = [_key(a, t) for a, t in zip(articles, tags)]
    todo = [i for i, k in enumerate(keys) if k not in old]
    made = writer.key_terms([articles[i] for i in todo], [tags[i] for i in todo])
    plain = {keys[i]: tuple((k.zh, k.pinyin, k.gloss, k.tag) for k in terms) for i, terms in zip(todo, made)}
    kept = {k: old[k] if k in old else plain[k] for k in keys}
    interned: dict[tuple, KeyTerm] = {}  # one record per term: the same words recur

    def term(fields: tuple) -> KeyTerm:
        found = interned.get(fields)
        if found is None:
            found = interned[fields] = KeyTerm(*fields)
        return found

    if path is not None and (todo or len(kept) != len(old)):
        from sitegen.atomic import atomic_write_bytes
        from sitegen.state import encode_entry

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, encode_entry({"version": writer.terms_version, "terms": kept}), durable=False)
    return [tuple(map(term, kept[k])) for k in keys]
