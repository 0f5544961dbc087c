"""The hash that places a word in a shard file, shared by the search index
(``render/search_shards.py``, ``static/search.js``) and the reading aid's dictionary
(``gloss/shards.py``, ``static/gloss-ui.js``): each script computes the same value in the
browser, so the page loads the one shard that holds the word."""
from __future__ import annotations


def shard_of(text: str, shards: int) -> int:
    """A 32-bit multiplicative hash (×31) of ``text``'s UTF-16 code units — what
    ``charCodeAt`` walks in JavaScript, so a character outside the BMP counts as its two
    surrogates — modulo ``shards``."""
    h = 0
    units = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(units), 2):
        h = (h * 31 + (units[i] | units[i + 1] << 8)) & 0xFFFFFFFF
    return h % shards
