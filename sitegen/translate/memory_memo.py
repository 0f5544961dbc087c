"""The translation memory as last read, kept in the build's cache so that a build reading the
same file again skips parsing and checking it.

Reading ``memory.json`` at 10,000 articles (13,000 entries) costs ~0.2 s: the JSON, then
every entry's source normalised and hashed to check its key. That runs on every build, in the
part of a daily update where the parent process is the one still busy. The memo holds the
entries as checked, under a digest of the file's exact bytes and of this package's code (which
decides how an entry is read and keyed): the same bytes read by the same code give the same
entries, so a memo is used only for those bytes, and anything else (an edited file, a broken
or missing memo, other code) is read and checked in full as before. Reading the memo: ~0.03 s.
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

MEMO_NAME = "memory-memo.bin"
_MAGIC = b"sitegen-memory-memo-1\n"


def _version() -> bytes:
    from sitegen.state import code_digest

    return code_digest("translate").encode()


def file_key(raw: bytes) -> bytes:
    """What a memo for the memory file's bytes ``raw`` is filed under."""
    return hashlib.sha256(_version() + b"\0" + raw).digest()


def load_rows(cache_dir: Path, raw: bytes | None) -> list[tuple] | None:
    """The entries (as field tuples, in the file's order) kept for ``raw``, or None.
    ``raw`` None: the entries kept, whatever file they were kept for (the memory as the last
    build left it, which the translations' change report compares with); none when no memo
    was kept (no memory file was read or written), None when it is damaged."""
    try:
        data = (Path(cache_dir) / MEMO_NAME).read_bytes()
    except FileNotFoundError:
        return [] if raw is None else None
    except OSError:
        return None
    head = len(_MAGIC)
    if not data.startswith(_MAGIC) or (raw is not None and data[head:head + 32] != file_key(raw)):
        return None
    payload = data[head + 64:]
    if hashlib.sha256(payload).digest() != data[head + 32:head + 64]:
        return None  # torn or damaged
    try:
        rows = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return rows if isinstance(rows, list) else None


def save_rows(cache_dir: Path, raw: bytes, rows: list[tuple]) -> None:
    """Keep ``rows`` (plain field tuples) as the entries of the memory file ``raw``. A memo
    that cannot be written is no error: the next build reads the file in full."""
    from sitegen.atomic import atomic_write_bytes

    payload = marshal.dumps(rows)
    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(Path(cache_dir) / MEMO_NAME,
                           _MAGIC + file_key(raw) + hashlib.sha256(payload).digest() + payload, durable=False)
    except OSError:
        pass
