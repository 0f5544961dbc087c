"""The committed translation memory (``translations/memory.json``).

Readable JSON, one entry per normalised source text, sorted by key so diffs
stay small::

    {
      "version": 1,
      "entries": [
        {
          "hash": "aadfaaf99b89a1b6",
          "source": "……",
          "translation": "……",
          "model": "translate-zh_en",
          "model_version": "1.9",
          "date": "2025-05-01",
          "reviewed": false
        }
      ]
    }

A maintainer may edit ``translation`` and set ``reviewed`` to true; such an entry
is never overwritten by the machine. ``hash`` may be omitted in a hand-written
entry (it is computed from ``source``); a wrong one is an error.

Writes are atomic (temp file in the same directory, fsync, ``os.replace``). A
file that cannot be parsed is reported with its path and line/column and is
never overwritten. A lock file beside the memory (``memory.json.lock``, created
with O_EXCL and held with ``fcntl.flock``) keeps two builds from working on the
same memory at once.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sitegen.translate import memory_memo
from sitegen.translate.text import key_of_normalised, normalise
from sitegen.atomic import atomic_write_bytes
from sitegen.jsonfile import read_json

FORMAT_VERSION = 1


class TranslationMemoryError(Exception):
    """The memory file is unreadable or malformed (message names the file)."""


class MemoryLocked(TranslationMemoryError):
    """Another build holds the lock on the memory."""


@dataclass
class MemoryEntry:
    hash: str
    source: str
    translation: str
    model: str | None
    model_version: str | None
    date: str | None
    reviewed: bool = False

    @property
    def model_id(self) -> str | None:
        if not self.model:
            return None
        return f"{self.model} {self.model_version}" if self.model_version else self.model


_FIELDS = ("hash", "source", "translation", "model", "model_version", "date", "reviewed")


class TranslationMemory:
    """Entries keyed by :func:`source_key`; load with :meth:`load`, write with :meth:`save`."""

    def __init__(self, path: Path, entries: dict[str, MemoryEntry] | None = None, cache_dir: Path | None = None):
        self.path = Path(path)
        self.cache_dir = cache_dir  # where the entries as read are kept for the next build (memory_memo)
        self.entries: dict[str, MemoryEntry] = entries or {}
        self.dirty = False
        # The entries as last read or written with ``cache_dir`` (None: not known): see ``changed_keys``.
        self.before: dict[str, MemoryEntry] | None = None
        # Entries read from the file (their hashes checked against their sources), by source.
        self._read_by_source: dict[str, MemoryEntry] = {}

    # -- reading ---------------------------------------------------------
    @classmethod
    def load(cls, path: Path, cache_dir: Path | None = None) -> "TranslationMemory":
        """Read the memory; a missing or empty file is an empty memory. With ``cache_dir``, the
        entries of a file whose bytes were read before come from the memo kept there."""
        path = Path(path)
        raw, entries = _remembered(path, cache_dir)
        before = dict(entries) if entries is not None else None
        if entries is None:
            if cache_dir is not None:  # the file changed since it was last read or written here
                rows = memory_memo.load_rows(cache_dir, None)
                before = {row[0]: MemoryEntry(*row) for row in rows} if rows is not None else None
            data = read_json(path, "translation memory", TranslationMemoryError)
            if data is None:
                memory = cls(path, cache_dir=cache_dir)
                memory.before = before
                return memory
            entries = _parse(path, data)
            if raw is not None:
                memory_memo.save_rows(cache_dir, raw, _rows(entries))
        memory = cls(path, entries, cache_dir)
        memory._read_by_source = {e.source: e for e in memory.entries.values()}
        memory.before = before
        return memory

    def changed_keys(self) -> set[str] | None:
        """The keys whose entry is not the one the memory held when last read or written with
        this cache (``before``, the last build's), or None when that is not known."""
        before = self.before
        if before is None:
            return None
        now = self.entries
        changed = {k for k, e in now.items() if before.get(k) is not e and before.get(k) != e}
        changed.update(k for k in before if k not in now)
        return changed

    def get(self, text: str) -> MemoryEntry | None:
        return self.lookup(text)[1]

    def lookup(self, text: str) -> tuple[str | None, MemoryEntry | None]:
        """(``source_key(text)``, its entry or None); (None, None) for a text that normalises
        to nothing. A text equal to the source of an entry read from the file has that
        entry's key (checked when it was read): found without normalising and hashing it,
        while that entry is still the one under its key."""
        entry = self._read_by_source.get(text)
        if entry is not None and self.entries.get(entry.hash) is entry:
            return entry.hash, entry
        normalised = normalise(text)
        if not normalised:
            return None, None
        key = key_of_normalised(normalised)
        return key, self.entries.get(key)

    # -- writing ---------------------------------------------------------
    def put(self, entry: MemoryEntry) -> None:
        if self.entries.get(entry.hash) != entry:
            self.entries[entry.hash] = entry
            self.dirty = True

    def to_json(self) -> str:
        entries = [
            {name: getattr(e, name) for name in _FIELDS}
            for _, e in sorted(self.entries.items())
        ]
        doc = {"version": FORMAT_VERSION, "entries": entries}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def save(self) -> bool:
        """Atomically write the memory if it changed; returns True when written."""
        if not self.dirty:
            return False
        raw = self.to_json().encode("utf-8")
        atomic_write_bytes(self.path, raw)
        self.dirty = False
        if self.cache_dir is not None:  # what the next build reads: as written, checked
            memory_memo.save_rows(self.cache_dir, raw, _rows(dict(sorted(self.entries.items()))))
        return True


def _rows(entries: dict[str, MemoryEntry]) -> list[tuple]:
    """The entries as plain field tuples, in the order given (a fresh read's: the file's)."""
    return [tuple(getattr(e, name) for name in _FIELDS) for e in entries.values()]


def _remembered(path: Path, cache_dir: Path | None) -> tuple[bytes | None, dict[str, MemoryEntry] | None]:
    """(the file's bytes, its entries from the memo in ``cache_dir``, or None when there is no
    memo for those bytes); (None, None) without a cache or a readable file."""
    if cache_dir is None:
        return None, None
    try:
        raw = path.read_bytes()
    except OSError:
        return None, None
    rows = memory_memo.load_rows(cache_dir, raw)
    if rows is None:
        return raw, None
    return raw, {row[0]: MemoryEntry(*row) for row in rows}


def _parse(path: Path, data: object) -> dict[str, MemoryEntry]:
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise TranslationMemoryError(
            f'{path}: expected an object {{"version": 1, "entries": [...]}}'
        )
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise TranslationMemoryError(f"{path}: unsupported memory version {version!r}")
    entries: dict[str, MemoryEntry] = {}
    for index, item in enumerate(data.get("entries", [])):
        where = f"{path}: entry {index}"
        if not isinstance(item, dict):
            raise TranslationMemoryError(f"{where}: not an object")
        source = item.get("source")
        translation = item.get("translation")
        normalised = normalise(source) if isinstance(source, str) else ""
        if not normalised:
            raise TranslationMemoryError(f"{where}: 'source' must be a non-empty string")
        if not isinstance(translation, str):
            raise TranslationMemoryError(f"{where}: 'translation' must be a string")
        key = key_of_normalised(normalised)
        given = item.get("hash")
        if given is not None and given != key:
            raise TranslationMemoryError(
                f"{where}: hash {given!r} does not match its source (expected {key!r}); "
                "remove the hash to have it recomputed"
            )
        reviewed = item.get("reviewed", False)
        if not isinstance(reviewed, bool):
            raise TranslationMemoryError(f"{where}: 'reviewed' must be true or false")
        for name in ("model", "model_version", "date"):
            if item.get(name) is not None and not isinstance(item.get(name), str):
                raise TranslationMemoryError(f"{where}: {name!r} must be a string or null")
        if key in entries:
            raise TranslationMemoryError(
                f"{where}: duplicate entry for the same source text (hash {key})"
            )
        entries[key] = MemoryEntry(
            hash=key,
            source=source,
            translation=translation,
            model=item.get("model"),
            model_version=item.get("model_version"),
            date=item.get("date"),
            reviewed=reviewed,
        )
    return entries


class MemoryLock:
    """Exclusive lock file beside the memory: ``<memory>.lock``.

    Created with O_CREAT|O_EXCL and held with ``fcntl.flock``; a lock file left
    by a crashed build (nobody holds the flock) is taken over. A second
    concurrent build gets :class:`MemoryLocked` naming the lock file and the
    holder's pid.
    """

    def __init__(self, memory_path: Path):
        self.path = Path(str(memory_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        from sitegen import locks

        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = locks.try_lock(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            fd = locks.try_lock(self.path)  # stale or held: flock decides
        if fd is None:
            try:
                holder = self.path.read_text(encoding="ascii", errors="replace").strip() or "?"
            except OSError:
                holder = "?"
            raise MemoryLocked(
                f"{self.path}: another sitegen build (pid {holder}) is using the "
                "translation memory; wait for it to finish (if no build is running, "
                "delete the lock file)"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the holder released and removed it meanwhile: start over
            locks.unlock(fd)
            return self.acquire()
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        from sitegen import locks

        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        locks.unlock(fd)

    def __enter__(self) -> "MemoryLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
