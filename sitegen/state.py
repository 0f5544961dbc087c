"""Incremental-build state: what the last build was made from.

Kept beside the output directory in ``.<out>.cache/`` (never published):
- ``manifest.json``: a fingerprint of every input (seeds, templates, static files, config,
  translation memory, themes, dictionary, sitegen's own code) and one fingerprint per page.
- ``parse/<key>.pickle``: the ``ParseResult`` of one seed, keyed by its text and the parser code.
- ``group-terms.pickle``: grouping's word counts per article, keyed by its text and the
  dictionary, so a rebuild splits words only for new or changed articles.

A build whose input fingerprint matches the manifest does nothing. Otherwise seeds whose
parse is cached are not parsed again, and pages whose fingerprint did not change are carried
over from the previous site instead of being rendered.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import sitegen
from sitegen.atomic import atomic_write_bytes

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


class BuildState:
    def __init__(self, out_dir: Path):
        out_dir = out_dir.resolve()
        self.dir = out_dir.parent / f".{out_dir.name}.cache"
        self.manifest_path = self.dir / "manifest.json"

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
        """Hold an exclusive lock for the whole build; a second concurrent build fails at once."""
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir.parent / f"{self.dir.name}.lock"
        with open(path, "a+") as fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StateLocked(f"{path}: another build of this site is running; wait for it to finish") from None
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    # -- parse cache ---------------------------------------------------------------------
    def _parse_path(self, key: str) -> Path:
        return self.dir / "parse" / f"{key}.pickle"

    def get_parse(self, key: str) -> Any | None:
        try:
            with self._parse_path(key).open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put_parse(self, key: str, value: Any) -> None:
        atomic_write_bytes(self._parse_path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    # -- grouping's per-article word counts -------------------------------------------
    def _terms_path(self) -> Path:
        return self.dir / "group-terms.pickle"

    def get_terms(self) -> dict:
        try:
            with self._terms_path().open("rb") as fh:
                value = pickle.load(fh)
            return value if isinstance(value, dict) else {}
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return {}

    def put_terms(self, terms: dict) -> None:
        atomic_write_bytes(self._terms_path(), pickle.dumps(terms, protocol=pickle.HIGHEST_PROTOCOL))

    def prune_parse(self, keep: set[str]) -> None:
        folder = self.dir / "parse"
        if folder.is_dir():
            for f in folder.glob("*.pickle"):
                if f.stem not in keep:
                    f.unlink(missing_ok=True)
