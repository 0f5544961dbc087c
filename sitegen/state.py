"""Incremental-build state: what the last build was made from.

Kept beside the output directory in ``.<out>.cache/`` (never published):
- ``manifest.json``: a fingerprint of every input (seeds, templates, static files, config,
  translation memory, themes, dictionary, sitegen's own code) and one fingerprint per page.
- ``parse/<key>.pickle``: the ``ParseResult`` of one seed, keyed by its text and the parser code.
- ``group-terms.pickle`` (and ``group-terms-added.pickle``, the entries added since):
  grouping's word counts per article, keyed by its text and the dictionary, so a rebuild
  splits words only for new or changed articles.
- ``group-memo.pickle``: grouping's per-article results (neighbours, theme scores, tag pools:
  ``sitegen.group.memo``), so a day's update compares only the day's articles with the rest.
- ``search-memo.marshal``: each search document's terms by its texts and the search index's
  older layer (``sitegen.render.search_shards.SearchMemo``), so a day's update indexes only
  its own documents.

A build whose input fingerprint matches the manifest does nothing. Otherwise seeds whose
parse is cached are not parsed again, and pages whose fingerprint did not change are carried
over from the previous site instead of being rendered.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import sitegen
from sitegen.atomic import atomic_write_bytes
from sitegen.jsonfile import read_json

STATE_VERSION = 1


def digest_bytes(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def digest_json(value: Any) -> str:
    return digest_bytes(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


def tree_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """Digest of files (names relative to ``root`` and contents); missing paths count as absent."""
    parts: list[bytes] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            files = [path]
        else:
            parts.append(f"missing:{path}".encode())
            continue
        for f in files:
            name = str(f.relative_to(root)) if root and f.is_relative_to(root) else str(f)
            parts.append(name.encode("utf-8"))
            parts.append(f.read_bytes())
    return digest_bytes(*parts)


def code_digest(subpackage: str | None = None) -> str:
    """Digest of sitegen's source (or one subpackage), so a code change invalidates caches."""
    base = Path(sitegen.__file__).parent
    target = base / subpackage if subpackage else base
    return tree_digest([target], base) + sitegen.__version__


class StateLocked(Exception):
    """Another build holds the lock."""


@dataclass
class Manifest:
    inputs: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    pending: int = 0
    version: int = STATE_VERSION


# Cache entries (parses, word counts) are pickles behind a header and a digest of the payload.
# They are written by rename but not fsynced (a cache may be lost in a crash, never misread):
# fsyncing 150 entries cost a cold build ~0.6 s. An entry that is torn, truncated, zeroed or
# from another format fails the check and is recomputed.
_ENTRY_MAGIC = b"sitegen-cache-1\n"


def _framed(magic: bytes, payload: bytes) -> bytes:
    return magic + hashlib.sha256(payload).digest() + payload


def _checked_payload(magic: bytes, entry: bytes) -> bytes | None:
    """The payload of an entry framed by :func:`_framed` with ``magic``, or None if the header
    is another's or the digest does not match (torn, truncated, zeroed)."""
    head = len(magic)
    if not entry.startswith(magic) or len(entry) < head + 32:
        return None
    payload = entry[head + 32:]
    return payload if hashlib.sha256(payload).digest() == entry[head:head + 32] else None


def encode_entry(value: Any) -> bytes:
    return _framed(_ENTRY_MAGIC, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def decode_entry(entry: bytes) -> Any | None:
    """The value of an entry made by :func:`encode_entry`, or None if it is damaged."""
    payload = _checked_payload(_ENTRY_MAGIC, entry)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None  # made by other code (a class was renamed)


def _read_entry(path: Path) -> Any | None:
    try:
        return decode_entry(path.read_bytes())
    except OSError:
        return None


# Entries of plain values (dicts, lists, tuples, strings, numbers, bytes) may be marshalled
# instead, behind a header of their own and the same digest: marshal loads such values in
# about two thirds of pickle's time (the search memo at 10,000 articles, 22 MB: 0.075 ->
# 0.046 s, in a fresh process), and writes a string held in many places once, as pickle does.
# (Grouping's word counts stay pickled: as marshalled plain values made into ``Terms`` again,
# they loaded no faster.)
_FLAT_MAGIC = b"sitegen-flat-1\n"


def encode_flat(value: Any) -> bytes:
    return _framed(_FLAT_MAGIC, marshal.dumps(value))


def decode_flat(entry: bytes) -> Any | None:
    """The value of an entry made by :func:`encode_flat`, or None if it is damaged."""
    payload = _checked_payload(_FLAT_MAGIC, entry)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _read_flat(path: Path) -> Any | None:
    try:
        return decode_flat(path.read_bytes())
    except OSError:
        return None


class BuildState:
    def __init__(self, out_dir: Path):
        out_dir = out_dir.resolve()
        self.dir = out_dir.parent / f".{out_dir.name}.cache"
        self.manifest_path = self.dir / "manifest.json"
        self._terms_base: set[str] = set()  # keys of the word counts' base file, as last read or written

    def load(self) -> Manifest:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                return Manifest()
            return Manifest(inputs=data["inputs"], pages=dict(data["pages"]), pending=int(data.get("pending", 0)))
        except (OSError, ValueError, KeyError, TypeError):
            return Manifest()  # no usable state: a full build

    def save(self, manifest: Manifest) -> None:
        payload = {"version": STATE_VERSION, "inputs": manifest.inputs, "pending": manifest.pending,
                   "pages": dict(sorted(manifest.pages.items()))}
        atomic_write_bytes(self.manifest_path, json.dumps(payload, indent=0).encode("utf-8"))

    def clear(self) -> None:
        """Forget everything (``--clean``): manifest and cached parses."""
        shutil.rmtree(self.dir, ignore_errors=True)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold an exclusive lock for the whole build; a second concurrent build fails at once.
        Only this process holds it (not its forked workers): it ends with the build, even
        one killed with SIGKILL."""
        from sitegen import locks

        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir.parent / f"{self.dir.name}.lock"
        fd = locks.try_lock(path)
        if fd is None:
            raise StateLocked(f"{path}: another build of this site is running; wait for it to finish")
        try:
            yield
        finally:
            locks.unlock(fd)

    # -- parse cache ---------------------------------------------------------------------
    def _parse_path(self, key: str) -> Path:
        return self.dir / "parse" / f"{key}.pickle"

    def get_parse(self, key: str) -> Any | None:
        return _read_entry(self._parse_path(key))

    def put_parse(self, key: str, value: Any) -> None:
        self.put_parse_encoded(key, encode_entry(value))

    def put_parse_encoded(self, key: str, entry: bytes) -> None:
        """Store an entry made by :func:`encode_entry` (e.g. in a worker process)."""
        atomic_write_bytes(self._parse_path(key), entry, durable=False)

    # -- grouping's per-article word counts -------------------------------------------
    # A base file, and a file of the entries added since it was written: a day's update
    # writes its own articles' counts only (rewriting 11,000 articles' counts cost ~0.6 s
    # of every update). The base is rewritten, without stale entries, once the entries added
    # or gone since pass a quarter of it. Entries are keyed by content, so any mix of the two
    # files (e.g. after a crash between writes) is still correct.
    def _terms_path(self) -> Path:
        return self.dir / "group-terms.pickle"

    def _terms_added_path(self) -> Path:
        return self.dir / "group-terms-added.pickle"

    def get_terms(self) -> dict:
        base = _read_entry(self._terms_path())
        terms = base if isinstance(base, dict) else {}
        self._terms_base = set(terms)
        added = _read_entry(self._terms_added_path()) if terms else None
        if isinstance(added, dict):
            terms.update(added)
        return terms

    def put_terms(self, terms: dict, compact=lambda entries: entries) -> None:
        """Store ``terms``; ``compact(entries)``: the entries as they are written (for example
        with equal strings shared)."""
        base = self._terms_base
        added = terms.keys() - base
        gone = len(base) - (len(terms) - len(added))
        if base and len(added) + gone <= len(terms) // 4:
            atomic_write_bytes(self._terms_added_path(), encode_entry(compact({k: terms[k] for k in added})),
                               durable=False)
            return
        atomic_write_bytes(self._terms_path(), encode_entry(compact(terms)), durable=False)
        self._terms_added_path().unlink(missing_ok=True)
        self._terms_base = set(terms)

    # -- grouping's memo of per-article results ------------------------------------------
    def _memo_path(self) -> Path:
        return self.dir / "group-memo.pickle"

    def get_memo(self, version: str) -> Any | None:
        """The stored grouping memo if it was made by grouping of this ``version``."""
        value = _read_entry(self._memo_path())
        return value if getattr(value, "version", None) == version else None

    def put_memo(self, memo: Any) -> None:
        atomic_write_bytes(self._memo_path(), encode_entry(memo), durable=False)

    # -- what the search index keeps between builds ------------------------------------
    def _search_path(self) -> Path:
        return self.dir / "search-memo.marshal"

    def get_search_memo(self, version: str) -> Any | None:
        """The stored search memo (``sitegen.render.search_shards.SearchMemo``) if made by
        search code of this ``version``, else None."""
        from sitegen.render.search_shards import SearchMemo

        try:
            memo = SearchMemo.of_flat(_read_flat(self._search_path()))
        except (TypeError, ValueError):
            return None
        return memo if memo.version == version else None

    def put_search_memo(self, memo: Any) -> None:
        atomic_write_bytes(self._search_path(), encode_flat(memo.to_flat()), durable=False)
        for replaced in ("search-terms.pickle", "search-memo.pickle"):  # what it replaced (23 MB at 10,000)
            (self.dir / replaced).unlink(missing_ok=True)

    def prune_parse(self, keep: set[str]) -> None:
        folder = self.dir / "parse"
        if folder.is_dir():
            for f in folder.glob("*.pickle"):
                if f.stem not in keep:
                    f.unlink(missing_ok=True)


# -- when each article first appeared (committed, unlike the cache above) ------------------
HISTORY_VERSION = 1


class HistoryError(Exception):
    """The article history file cannot be read; the message names the file (and line)."""


@dataclass(frozen=True)
class ArticleDates:
    published: str  # when the article first appeared in the digest (RFC 3339, UTC)
    updated: str  # when its content last changed (== published until it does)


class ArticleHistory:
    """``translations/history.json``: per permalink, when the article first appeared in the
    digest, when its content last changed, and a fingerprint of that content.

    It lives beside the translation memory and is committed with it, because the build cache
    (``.<out>.cache/``) is gone after ``--clean`` and in a fresh clone (the Pages workflow):
    feed and sitemap dates must not move on every build. Records of articles that left the
    digest are kept, so an article that comes back keeps its first date."""

    def __init__(self, path: Path, records: dict[str, dict] | None = None):
        self.path = Path(path)
        self.records: dict[str, dict] = records or {}
        self.dirty = False
        self.moved: set[str] = set()  # set by ``stamp``

    @classmethod
    def load(cls, path: Path) -> "ArticleHistory":
        path = Path(path)
        data = read_json(path, "article history", HistoryError)
        if data is None:
            return cls(path)
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(articles, dict) or data.get("version") != HISTORY_VERSION:
            raise HistoryError(f"{path}: not an article history (expected version {HISTORY_VERSION} "
                               "and an \"articles\" object)")
        for permalink, rec in articles.items():
            if not (isinstance(rec, dict) and all(isinstance(rec.get(k), str) for k in ("published", "updated", "content"))):
                raise HistoryError(f"{path}: article {permalink!r} needs string fields published, updated and content")
        return cls(path, dict(articles))

    def stamp(self, contents: dict[str, str], now: str) -> dict[str, ArticleDates]:
        """Dates of every article of this build: ``contents`` maps permalink to a fingerprint
        of what the article shows; a new permalink appears ``now``, a changed fingerprint is
        updated ``now``, an unchanged one keeps its dates. ``moved``: then the permalinks
        whose dates are not those the history held (new ones too)."""
        out = {}
        self.moved = set()
        for permalink, content in contents.items():
            was = rec = self.records.get(permalink)
            if rec is None:
                rec = {"published": now, "updated": now, "content": content}
            elif rec["content"] != content:
                rec = dict(rec, updated=max(now, rec["published"]), content=content)
            if was != rec:
                self.records[permalink] = rec
                self.dirty = True
                if was is None or was["published"] != rec["published"] or was["updated"] != rec["updated"]:
                    self.moved.add(permalink)
            out[permalink] = ArticleDates(rec["published"], rec["updated"])
        return out

    def save(self) -> bool:
        """Write the file atomically if it changed (sorted, one article a line: small diffs)."""
        if not self.dirty:
            return False
        lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                 for k, v in sorted(self.records.items())]
        text = (f'{{\n"version": {HISTORY_VERSION},\n"articles": {{\n' + ",\n".join(lines)
                + ("\n" if lines else "") + "}\n}\n")
        atomic_write_bytes(self.path, text.encode("utf-8"))
        self.dirty = False
        return True
