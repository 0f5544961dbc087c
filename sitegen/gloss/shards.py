"""The site-wide dictionary of the reading aid, in shards the popup loads as the reader taps.

Every article's gloss file used to carry the full entry of each word it uses: ~20 KB an
article, the same entries thousands of times over (228 MB at 10,000 articles). Now the
entries of every word any article uses are written once, in ``glosses/words/<n>.js``: the
word's shard is a hash of its UTF-16 code units modulo the shard count (``static/gloss-ui.js``
computes the same), so a tap loads one shard (and those of a name's parts). A shard's bytes
change only when a word that hashes to it comes or goes, so a day's update rewrites few.

Each shard is a script calling ``sitegenGlossShard(n, {word: entry, …})`` (scripts load from
``file://``, where ``fetch()`` does not); entries are ``Lexicon.entry_json``'s, words sorted.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from sitegen.shard_hash import shard_of

#: Shards of the dictionary. Fixed, so that a shard changes only when one of its words does.
#: The bench corpus (1,000 and 10,000 articles) uses ~4,500 words: 0.4 MB, 1.5 KB a shard
#: (median). A real archive's vocabulary keeps growing; all of CC-CEDICT (~120,000 words, 12 MB)
#: would still be < 50 KB a shard (bench/README.md, "The reading aid's dictionary").
SHARDS = 256


def shard_path(n: int) -> str:
    return f"glosses/words/{n}.js"


def shard_script(n: int, words: Iterable[str], entry: Callable[[str], str | None]) -> str:
    """Shard ``n``'s script: the entries of ``words`` (each has one), sorted by word."""
    import json

    body = ",".join(json.dumps(w, ensure_ascii=False) + ":" + entry(w) for w in sorted(words))
    return f"sitegenGlossShard({n},{{{body}}});\n"


def shard_files(words: Iterable[str], entry: Callable[[str], str | None], shards: int,
                fingerprint: str) -> list[tuple[str, tuple, Callable[[], str]]]:
    """(path, key, content callable) of every shard of ``words``' dictionary; a shard's key
    is its words (and the dictionaries' ``fingerprint``), so it is made again only when one
    of its words comes or goes."""
    parts: list[list[str]] = [[] for _ in range(shards)]
    for w in words:
        parts[shard_of(w, shards)].append(w)
    out = []
    for n, part in enumerate(parts):
        part.sort()
        key = (fingerprint, "\x1f".join(part))
        out.append((shard_path(n), key, lambda n=n, part=part: shard_script(n, part, entry)))
    return out
