"""The search index in pieces that the browser loads on demand (``static/search.js``).

One index of a large digest is megabytes that every reader would download before the
first answer. Instead, ``search/`` holds:

- ``meta.js``: how many shards and document chunks there are, and the themes' names;
- ``s<n>.js``: the postings of every term whose *shard key* hashes to ``n``. A Chinese
  term (a character bigram, or one character, for one-character queries) is its own key;
  an English word's key is its first two letters, so that a prefix query (``econ``) finds
  every word it starts in one shard;
- ``d<n>.js``: what a result shows (link, headlines, theme) of ``CHUNK`` documents.

A query loads the shards of its terms, ranks the documents (headline matches first, then
newest), and loads the chunks of the results it shows. Every file is a script that hands
its data to a function of ``search.js``: scripts load from ``file://``, where ``fetch()``
does not. Postings are sorted document numbers, stored as differences (smaller numbers),
or, for a term in many documents (``bench`` in every one, ``的``), as a base64 bitmap of all
documents when that is shorter: 1.9 KB instead of 22 KB for a term in all of 10,000 documents.
Documents are numbered newest first, so the number also breaks ties in favour of news.
"""
from __future__ import annotations

import base64
import re
from collections import defaultdict, deque
from itertools import repeat
from operator import sub
from typing import MutableMapping

from sitegen.shard_hash import shard_of

from .search import FIELDS, terms
from .util import script_json

CHUNK = 10  # documents per chunk: a page of 20 results loads ~1.4 KB from each of ≤ 20 chunks
SHARD_TARGET = 12_000  # bytes a shard aims at (its terms and postings)
MAX_SHARDS = 4096
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def shard_key(term: str) -> str:
    """The key that places ``term`` in a shard (search.js has the same rule)."""
    if _HAN_RUN.fullmatch(term):
        return term
    return term[:2]


def _with_characters(postings: dict[str, list[int]]) -> dict[str, list[int]]:
    """Add every Han character of every bigram as a term of its own (the documents of all
    the bigrams it is in), so that a one-character query needs one shard, not all of them."""
    chars: dict[str, set[int]] = {}
    for term, ids in postings.items():
        if len(term) == 2 and _HAN_RUN.fullmatch(term):
            for ch in term:
                chars.setdefault(ch, set()).update(ids)
    out = dict(postings)
    for ch, ids in chars.items():
        out[ch] = sorted(ids.union(out.get(ch, ())))
    return out


def _document_terms(doc: dict) -> list[set[str]]:
    """Per index field, the document's terms (``search.terms``)."""
    return [terms(*(doc.get(n, "") for n in names)) for _, names in FIELDS]


def _document_key(doc: dict) -> str:
    return "\x1f".join(doc.get(n, "") for _, names in FIELDS for n in names)


def memo_version() -> str:
    """What a memo of ``index_fields`` depends on besides the texts: this code and
    ``search.py``'s (a memo made by other code is not used)."""
    from sitegen.state import code_digest

    return code_digest("render/search.py") + code_digest("render/search_shards.py")


def index_fields(docs: list[dict], memo: MutableMapping[str, tuple[str, ...]] | None = None
                 ) -> dict[str, dict[str, list[int]]]:
    """``{field: {term: [document numbers]}}``, each list sorted; the terms of
    ``search.build_index`` and the characters of its bigrams (``_with_characters``). ``memo``:
    each document's terms by its texts, from the last build (a day's update finds nearly
    all there); replaced by this build's documents' terms."""
    known = dict(memo) if memo is not None else {}
    fresh: dict[str, tuple[str, ...]] = {}  # NUL-joined per field: quick to pickle and load
    postings: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in FIELDS]
    for i, doc in enumerate(docs):
        key = _document_key(doc) if memo is not None else ""
        joined = fresh.get(key) or known.get(key)
        if joined is not None:
            fresh[key] = joined
            found = [j.split("\0") if j else () for j in joined]
        else:
            found = _document_terms(doc)
            if memo is not None:
                fresh[key] = tuple("\0".join(f) for f in found)
        for field, doc_terms in zip(postings, found):
            # field[t].append(i) for each term, at C speed (documents in order: each list
            # comes out sorted); the deque consumes the iterator, keeping nothing
            deque(map(list.append, map(field.__getitem__, doc_terms), repeat(i)), maxlen=0)
    if memo is not None:
        memo.clear()
        memo.update(fresh)
    return {name: _with_characters({t: field[t] for t in sorted(field)}) for (name, _), field in zip(FIELDS, postings)}


def _deltas(ids: list[int]) -> list[int]:
    return [ids[0], *map(sub, ids[1:], ids)] if ids else []


def encode_postings(ids: list[int], documents: int) -> list[int] | str:
    """Sorted document numbers as differences, or as a base64 bitmap (bit ``i % 8`` of byte
    ``i // 8`` set for document ``i``) when that is shorter in the shard's JSON."""
    size = (documents + 7) // 8
    as_bitmap = 4 * -(-size // 3) + 2
    # Each difference takes one to len(str(documents)) digits and a comma: most lists are
    # surely shorter (or surely longer) than the bitmap without writing their digits out.
    if len(ids) * (len(str(documents)) + 1) <= as_bitmap:
        return _deltas(ids)
    if 2 * len(ids) <= as_bitmap:
        deltas = _deltas(ids)
        if len(",".join(map(str, deltas))) + 1 <= as_bitmap:  # its digits and commas
            return deltas
    bits = bytearray(size)
    for i in ids:
        bits[i >> 3] |= 1 << (i & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def decode_postings(encoded: list[int] | str) -> list[int]:
    """The document numbers of :func:`encode_postings`' output (search.js does the same)."""
    if isinstance(encoded, str):
        bits = base64.b64decode(encoded)
        return [i * 8 + b for i, byte in enumerate(bits) if byte for b in range(8) if byte >> b & 1]
    out, n = [], 0
    for d in encoded:
        n += d
        out.append(n)
    return out


def shard_count(fields: dict[str, dict[str, list[int]]]) -> int:
    """A power of two that gives shards of about ``SHARD_TARGET`` bytes."""
    size = sum(len(t) * 3 + 4 + 3 * len(ids) for postings in fields.values() for t, ids in postings.items())
    n = 1
    while n * SHARD_TARGET < size and n < MAX_SHARDS:
        n *= 2
    return n


def shard_files(docs: list[dict], themes: list[tuple[str, str]],
                memo: MutableMapping[str, tuple[str, ...]] | None = None) -> list[tuple[str, str]]:
    """``[(site path, script)]`` of the sharded index of ``docs`` (newest first; dicts as
    :func:`sitegen.render.search.build_index` takes them, plus ``ti``: the theme's number
    in ``themes``, a list of (English, Chinese) names). ``memo``: see ``index_fields``."""
    fields = index_fields(docs, memo)
    shards = shard_count(fields)
    parts: list[dict[str, dict[str, list[int]]]] = [{} for _ in range(shards)]
    for name, postings in fields.items():
        for term, ids in postings.items():
            part = parts[shard_of(shard_key(term), shards)]
            part.setdefault(name, {})[term] = encode_postings(ids, len(docs))
    out = [("search/meta.js", "window.SITEGEN_SEARCH_META=" + script_json(
        {"v": 3, "shards": shards, "chunk": CHUNK, "docs": len(docs), "themes": themes}) + ";\n")]
    out += [(f"search/s{n}.js", f"SITEGEN_SEARCH_SHARD({n}," + script_json(part) + ");\n")
            for n, part in enumerate(parts)]
    rows = [[d.get("u", ""), d.get("hz", ""), d.get("he", ""), d.get("ti", -1)] for d in docs]
    out += [(f"search/d{n}.js", f"SITEGEN_SEARCH_DOCS({n}," + script_json(rows[i:i + CHUNK]) + ");\n")
            for n, i in enumerate(range(0, len(rows), CHUNK))]
    return out
