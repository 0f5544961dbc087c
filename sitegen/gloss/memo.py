"""Which words each article needs from the site-wide dictionary, kept from build to build.

The dictionary's shards hold the words of *every* article, but a day's update segments only
its new and changed articles: the others' words come from this memo, kept beside the build's
other caches (``.<site>.cache/gloss-words.pickle``) as a vocabulary and, per article (by a
digest of its texts), the numbers of its words. An incremental build then writes the same
shards as a cold build of the same inputs.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path

from sitegen.models import Article

from .files import GlossWriter

NAME = "gloss-words.pickle"


def _load(path: Path | None, version: str) -> tuple[list[str], dict[str, bytes]]:
    from sitegen.state import decode_entry

    if path is None:
        return [], {}
    try:
        value = decode_entry(path.read_bytes())
    except OSError:
        return [], {}
    if not isinstance(value, dict) or value.get("version") != version:
        return [], {}
    return list(value["vocab"]), dict(value["rows"])


def _save(path: Path, version: str, vocab: list[str], rows: dict[str, bytes]) -> None:
    from sitegen.atomic import atomic_write_bytes
    from sitegen.state import encode_entry

    atomic_write_bytes(path, encode_entry({"version": version, "vocab": vocab, "rows": rows}), durable=False)


class _Numbers(dict):
    """word -> its number; a new word gets the next."""

    def __missing__(self, word: str) -> int:
        n = self[word] = len(self)
        return n


def site_words(writer: GlossWriter, articles: Sequence[Article], cache_dir: Path | None = None) -> list[str]:
    """Every word the articles' popups may look up (``GlossWriter.words``), sorted; an
    article found in the memo in ``cache_dir`` is not segmented again (its gloss file, if
    the render needs it, is then made when asked for)."""
    import numpy as np

    path = cache_dir / NAME if cache_dir is not None else None
    vocab, old = _load(path, writer.fingerprint)
    number = _Numbers(zip(vocab, range(len(vocab))))
    rows: dict[str, bytes] = {}
    for article in articles:
        digest = writer.digest(article)
        row = old.get(digest) or rows.get(digest)
        if row is None:
            row = array("I", map(number.__getitem__, writer.words(article, digest))).tobytes()
        rows[digest] = row
    vocab = list(number)  # in the order of their numbers
    mark = np.zeros(len(vocab), dtype=bool)  # the numbers in use: a mask, not a sort
    mark[np.frombuffer(b"".join(rows.values()), dtype=np.uint32)] = True
    used = np.flatnonzero(mark)
    if len(vocab) > 2 * len(used) + 1000:  # words of articles long gone: renumber
        new = np.full(len(vocab), 0, dtype=np.uint32)
        new[used] = np.arange(len(used), dtype=np.uint32)
        vocab = [vocab[i] for i in used.tolist()]
        rows = {d: new[np.frombuffer(r, dtype=np.uint32)].tobytes() for d, r in rows.items()}
        used = np.arange(len(vocab))
    words = sorted(itemgetter(*used.tolist())(vocab)) if len(used) > 1 else [vocab[i] for i in used.tolist()]
    if path is not None and (rows.keys() != old.keys() or len(rows) != len(old)):
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(path, writer.fingerprint, vocab, rows)
    return words
