"""The search index in pieces that the browser loads on demand (``static/search.js``).

One index of a large digest is megabytes that every reader would download before the
first answer. Instead, ``search/`` holds:

- ``meta.js``: how many documents, shards and document chunks there are, and the themes' names;
- ``a<n>.js`` and ``s<n>.js``: the postings of every term whose *shard key* hashes to ``n``, in
  two layers (below). A Chinese term (a character bigram, or one character, for one-character
  queries) is its own key; an English word's key is its first two letters, so that a prefix
  query (``econ``) finds every word it starts in one shard;
- ``d<n>.js``: what a result shows (link, headlines, theme) of ``CHUNK`` documents.

A query loads the shards of its terms, ranks the documents (headline matches first, then
newest), and loads the chunks of the results it shows. Every file is a script that hands
its data to a function of ``search.js``: scripts load from ``file://``, where ``fetch()``
does not. Postings are sorted document numbers, stored as differences (smaller numbers),
or, for a term in many documents (``bench`` in every one, ``的``), as a base64 bitmap of all
documents when that is shorter: 1.9 KB instead of 22 KB for a term in all of 10,000 documents.

Documents are numbered oldest first, so a day's new articles take new numbers and an older
document keeps its own (the higher number breaks ties in favour of news). The postings are
in two layers: the *older* layer (``a<n>.js``) holds the first ``LAYER × k`` documents, the
*recent* layer (``s<n>.js``) the rest, fewer than ``LAYER``, numbered from the older layer's
end. A day's new words land in the recent layer, whose shards are few and rewritten on each
build; an older shard changes only when one of its documents' terms did (a new theme or tag),
and the whole older layer only on the day it takes in the next ``LAYER`` documents (one day
in ~13 at 80 articles a day). The older layer is kept between builds (``SearchMemo``) and
patched, so a day does not index the archive again.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from itertools import repeat
from operator import sub
from collections.abc import Callable, MutableMapping, Sequence

from sitegen.shard_hash import shard_of

from .search import FIELDS, terms
from .util import script_json

CHUNK = 10  # documents per chunk: a page of 20 results loads ~1.4 KB from each of ≤ 20 chunks
SHARD_TARGET = 12_000  # bytes a shard aims at (its terms and postings)
DOC_BYTES = 900  # a document's share of the index, bytes (~ at 10,000 bench articles)
MAX_SHARDS = 4096
LAYER = 1024  # the older layer holds a multiple of this many documents
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


def _document_key(doc: dict) -> bytes:
    """A digest of the document's indexed texts (the memo keeps 16 bytes, not the texts)."""
    texts = "\x1f".join(doc.get(n, "") for _, names in FIELDS for n in names)
    return hashlib.blake2b(texts.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def memo_version() -> str:
    """What a memo of ``index_fields`` depends on besides the texts: this code and
    ``search.py``'s (a memo made by other code is not used)."""
    from sitegen.state import code_digest

    return code_digest("render/search.py") + code_digest("render/search_shards.py")


def index_fields(docs: Sequence[dict], memo: MutableMapping[bytes, tuple[str, ...]] | None = None,
                 keys: Sequence[bytes] | None = None) -> dict[str, dict[str, list[int]]]:
    """``{field: {term: [document numbers]}}``, each list sorted; the terms of
    ``search.build_index`` and the characters of its bigrams (``_with_characters``). ``memo``:
    each document's terms by its texts, from the last build (a day's update finds nearly
    all there); replaced by this build's documents' terms. ``keys``: the documents' keys
    (``_document_key``) when known: a document found in ``memo`` by its key is not read."""
    known = dict(memo) if memo is not None else {}
    fresh: dict[bytes, tuple[str, ...]] = {}  # NUL-joined per field: quick to pickle and load
    postings: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in FIELDS]
    for i in range(len(docs)):
        key = (keys[i] if keys is not None else _document_key(docs[i])) if memo is not None else b""
        joined = fresh.get(key) or known.get(key)
        if joined is not None:
            fresh[key] = joined
            found = [j.split("\0") if j else () for j in joined]
        else:
            found = _document_terms(docs[i])
            if memo is not None:
                fresh[key] = tuple("\0".join(f) for f in found)
        for posting, doc_terms in zip(postings, found):
            # posting[t].append(i) for each term, at C speed (documents in order: each list
            # comes out sorted); the deque consumes the iterator, keeping nothing
            deque(map(list.append, map(posting.__getitem__, doc_terms), repeat(i)), maxlen=0)
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


def shard_count(documents: int) -> int:
    """A power of two that gives a layer of ``documents`` shards of about ``SHARD_TARGET``
    bytes. By the documents' count, not their terms: the older layer's count then stays
    as its documents change (a patched layer has the shards a fresh one would)."""
    n = 1
    while n * SHARD_TARGET < documents * DOC_BYTES and n < MAX_SHARDS:
        n *= 2
    return n


def layers(documents: int) -> list[tuple[str, int, int]]:
    """``[(file prefix, first document, documents)]`` of the index's layers, the empty ones
    left out: the older layer (``a``) the first multiple of ``LAYER`` documents, the recent
    layer (``s``) the rest."""
    older = documents // LAYER * LAYER
    return [(prefix, first, size) for prefix, first, size in (("a", 0, older), ("s", older, documents - older))
            if size]


def _script(name: str, part: dict[str, dict[str, list[int] | str]]) -> str:
    """The shard file ``name`` (``a7``) of ``part``: its fields in ``FIELDS`` order, terms sorted."""
    ordered = {f: {t: part[f][t] for t in sorted(part[f])} for f, _ in FIELDS if part.get(f)}
    return f"SITEGEN_SEARCH_SHARD({script_json(name)}," + script_json(ordered) + ");\n"


def _part(script: str) -> dict[str, dict[str, list[int] | str]]:
    """The postings of a shard file made by ``_script``."""
    return json.loads(script[script.index(",") + 1:-3])


def _layer_scripts(prefix: str, docs: Sequence[dict], memo: MutableMapping[bytes, tuple[str, ...]] | None,
                   keys: Sequence[bytes] | None = None) -> list[str]:
    """The shard files of one layer of ``docs`` (numbered from 0 within it)."""
    shards = shard_count(len(docs))
    parts: list[dict[str, dict[str, list[int] | str]]] = [{} for _ in range(shards)]
    for name, postings in index_fields(docs, memo, keys).items():
        for term, ids in postings.items():
            part = parts[shard_of(shard_key(term), shards)]
            part.setdefault(name, {})[term] = encode_postings(ids, len(docs))
    return [_script(f"{prefix}{n}", part) for n, part in enumerate(parts)]


@dataclass
class OlderLayer:
    """The older layer as the last build made it: its documents' keys (``_document_key``,
    in number order) and its shard files."""

    keys: list[bytes]
    scripts: list[str]


@dataclass
class SearchMemo:
    """What one build's index leaves the next (``.site.cache``): each document's terms by its
    texts (``index_fields``' memo), the older layer, every document's key (``keys``, by
    number) and the caller's note of which documents those were (``places``: plain values,
    see ``search_docs``). ``version``: ``memo_version()``."""

    version: str = ""
    terms: dict[bytes, tuple[str, ...]] = field(default_factory=dict)
    older: OlderLayer | None = None
    keys: list[bytes] = field(default_factory=list)
    places: tuple = ()

    def to_flat(self) -> tuple:
        """The memo as plain values, which marshal stores (and loads in half pickle's time:
        22 MB at 10,000 articles)."""
        return (self.version, self.terms, (self.older.keys, self.older.scripts) if self.older else None,
                self.keys, self.places)

    @classmethod
    def of_flat(cls, flat) -> "SearchMemo":
        """``to_flat`` undone; TypeError or ValueError if ``flat`` is not such a memo."""
        version, terms, older, keys, places = flat
        if not (isinstance(version, str) and isinstance(terms, dict) and isinstance(keys, list)
                and isinstance(places, tuple)):
            raise TypeError("not a search memo")
        if older is not None:
            older_keys, scripts = older
            if not (isinstance(older_keys, list) and isinstance(scripts, list)):
                raise TypeError("not a search memo's older layer")
            older = OlderLayer(older_keys, scripts)
        return cls(version, terms, older, keys, places)


def _expanded(joined: str) -> set[str]:
    """A document field's terms (NUL-joined, as the memo keeps them) with the characters of
    its bigrams: the terms whose postings hold the document (``_with_characters``)."""
    found = set(joined.split("\0")) if joined else set()
    for term in [t for t in found if len(t) == 2 and _HAN_RUN.fullmatch(t)]:
        found.update(term)
    return found


def _patched(older: OlderLayer, keys: list[bytes], docs: Sequence[dict], known: dict[bytes, tuple[str, ...]]
             ) -> tuple[list[str], dict[bytes, tuple[str, ...]], set[int]] | None:
    """(shard files, terms by key, the shards edited) of the older layer of ``docs`` (keys
    ``keys``), made from ``older`` by moving the documents whose texts changed from the terms
    they lost to the terms they gained; None when that is not the cheaper way (other
    documents, or many changed). ``known``: the last build's terms by key."""
    if len(older.keys) != len(keys):
        return None
    changed = [i for i, (was, now) in enumerate(zip(older.keys, keys)) if was != now]
    if len(changed) > len(keys) // 8 or any(k not in known for k in older.keys):
        return None
    fresh: dict[bytes, tuple[str, ...]] = dict(known)
    index_fields([docs[i] for i in changed], fresh)  # now the changed documents' terms only
    shards = len(older.scripts)
    # shard -> (field, term) -> the documents it loses and gains: a theme's terms, common
    # to the documents that moved to or from it, are decoded once
    edits: dict[int, dict[tuple[str, str], tuple[set[int], set[int]]]] = defaultdict(dict)
    for i in changed:
        for (name, _), old, new in zip(FIELDS, known[older.keys[i]], fresh[keys[i]]):
            before, after = _expanded(old), _expanded(new)
            for term, gains in [(t, False) for t in before - after] + [(t, True) for t in after - before]:
                edit = edits[shard_of(shard_key(term), shards)].setdefault((name, term), (set(), set()))
                edit[gains].add(i)
    scripts = list(older.scripts)
    for n, todo in edits.items():
        part = _part(scripts[n])
        for (name, term), (lost, gained) in todo.items():
            postings = part.setdefault(name, {})
            encoded = _edited(postings.pop(term, []), lost, gained, len(keys))
            if encoded is not None:
                postings[term] = encoded
        scripts[n] = _script(f"a{n}", part)
    return scripts, {k: fresh[k] if k in fresh else known[k] for k in keys}, set(edits)


def _edited(encoded: list[int] | str, lost: set[int], gained: set[int], documents: int) -> list[int] | str | None:
    """``encode_postings`` of the documents of ``encoded`` without ``lost`` and with ``gained``
    (None if none is left). A bitmap (a term in many documents: "bench", a theme's words) is
    edited bit by bit, and stays one when ``encode_postings`` would keep it: decoding it into
    a list of every document number cost ~0.07 s of a day at 10,000 articles."""
    if isinstance(encoded, str):
        bits = bytearray(base64.b64decode(encoded))
        for i in lost:
            bits[i >> 3] &= ~(1 << (i & 7)) & 0xFF
        for i in gained:
            bits[i >> 3] |= 1 << (i & 7)
        count = int.from_bytes(bits, "little").bit_count()
        size = (documents + 7) // 8
        as_bitmap = 4 * -(-size // 3) + 2
        if len(bits) == size and 2 * count > as_bitmap:  # as encode_postings: surely a bitmap
            return base64.b64encode(bytes(bits)).decode("ascii")
    ids = set(decode_postings(encoded)).difference(lost).union(gained)
    return encode_postings(sorted(ids), documents) if ids else None


def _older_layer(docs: Sequence[dict], keys: list[bytes], known: dict[bytes, tuple[str, ...]],
                 older: OlderLayer | None) -> tuple[list[str], dict[bytes, tuple[str, ...]], OlderLayer, set[int]]:
    """(shard files, terms by key, the layer to keep, the shards whose file is another than
    in ``older``) of the older layer of ``docs`` (keys ``keys``): the last build's layer
    (``older``) patched, when it held as many documents; else made anew."""
    made = _patched(older, keys, docs, known) if older is not None else None
    if made is None:
        terms_of = dict(known)
        scripts = _layer_scripts("a", docs, terms_of, keys)
        made = scripts, terms_of, set(range(len(scripts)))
    return made[0], made[1], OlderLayer(keys, made[0]), made[2]


def shard_files(docs: Sequence[dict], themes: list[tuple[str, str]], memo: SearchMemo | None = None,
                same: Sequence[bool] | None = None) -> list[tuple[str, str | Callable[[], str]]]:
    """``[(site path, script)]`` of the sharded index of ``docs`` (oldest first; dicts as
    :func:`sitegen.render.search.build_index` takes them, plus ``ti``: the theme's number
    in ``themes``, a list of (English, Chinese) names). ``memo``: what the last build left
    (``SearchMemo``), replaced by what this one leaves.

    ``same[i]``: whether document ``i`` is the last build's document ``i`` (the caller knows it
    from ``memo.places``; its key is then the memo's, and it is not read). A file that is then
    surely the last build's (an older shard no change reached, a chunk of such documents)
    comes with None for its script: ``docs`` is read only for the documents that changed and
    the files made."""
    known = memo.terms if memo is not None else None
    same = same if memo is not None and same is not None else None
    old_keys = memo.keys if same is not None else []
    keys = [old_keys[i] if i < len(old_keys) and same[i] else _document_key(docs[i]) for i in range(len(docs))] \
        if memo is not None else None
    terms_now: dict[bytes, tuple[str, ...]] = {}
    older: OlderLayer | None = None
    meta_layers, out = [], []
    for prefix, first, size in layers(len(docs)):
        mine = _Slice(docs, first, size)
        mine_keys = keys[first:first + size] if keys is not None else None
        kept: set[int] = set()
        if prefix == "a" and memo is not None:
            was = memo.older
            scripts, terms_of, older, edited = _older_layer(mine, mine_keys, known, was)
            if same is not None and was is not None and len(was.scripts) == len(scripts):
                kept = set(range(len(scripts))) - edited
        else:
            terms_of = dict(known) if known is not None else None
            scripts = _layer_scripts(prefix, mine, terms_of, mine_keys)
        terms_now.update(terms_of or {})
        meta_layers.append([prefix, first, len(scripts)])
        out += [(f"search/{prefix}{n}.js", (lambda s=script: s) if n in kept else script)
                for n, script in enumerate(scripts)]
    if memo is not None:
        memo.terms, memo.older, memo.keys = terms_now, older, keys
    meta = {"v": 4, "chunk": CHUNK, "docs": len(docs), "layers": meta_layers, "themes": themes}
    was_docs = len(old_keys)
    return ([("search/meta.js", "window.SITEGEN_SEARCH_META=" + script_json(meta) + ";\n")] + out
            + [(f"search/d{n}.js", (lambda n=n, i=i: _chunk(n, docs, i)) if _same_chunk(i, len(docs), was_docs, same)
                else _chunk(n, docs, i)) for n, i in enumerate(range(0, len(docs), CHUNK))])


def _same_chunk(first: int, documents: int, was: int, same: Sequence[bool] | None) -> bool:
    """Whether the chunk from document ``first`` is the last build's (of ``was`` documents):
    as many rows, each of the same document."""
    end = min(first + CHUNK, documents)
    return same is not None and end == min(first + CHUNK, was) and all(same[first:end])


def _chunk(n: int, docs: Sequence[dict], first: int) -> str:
    """The chunk file ``d<n>.js``: what a result shows of documents ``first``… (``CHUNK``)."""
    rows = [[d.get("u", ""), d.get("hz", ""), d.get("he", ""), d.get("ti", -1)]
            for d in (docs[i] for i in range(first, min(first + CHUNK, len(docs))))]
    return f"SITEGEN_SEARCH_DOCS({n}," + script_json(rows) + ");\n"


class _Slice(Sequence):
    """Documents ``first``… (``size``) of ``docs``, numbered from 0, read only when asked for
    (``docs`` may make its documents as they are read)."""

    def __init__(self, docs: Sequence[dict], first: int, size: int):
        self.docs, self.first, self.size = docs, first, size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.size))]
        if not 0 <= i < self.size:
            raise IndexError(i)
        return self.docs[self.first + i]
