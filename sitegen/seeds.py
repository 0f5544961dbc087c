"""Read seed files from disk into clean text, refusing bad input loudly.

Rules (each problem names the file, and the line where one applies):
- UTF-8 is expected. A UTF-8 byte-order mark is removed. CRLF and CR become LF.
- A file that is not UTF-8 but decodes as GB18030 (a superset of GBK/GB2312, common in
  Chinese PDF tools) is accepted with a warning; anything else is an error naming the
  first undecodable line.
- Empty (or whitespace-only) files and binary files (NUL bytes) are errors.
- Two seeds with identical text: the later one is skipped with a warning naming both.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitegen.models import SeedFile

SEED_SUFFIXES = (".txt", ".md")


class SeedError(Exception):
    """A seed file cannot be used. The message names the file (and line)."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class SeedSet:
    seeds: tuple[SeedFile, ...]
    warnings: tuple[str, ...]
    digests: tuple[str, ...] = ()  # each seed's text's SHA-256 (hex), as read_seeds compared them


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_seed(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) for the raw bytes of a seed."""
    warnings: list[str] = []
    if not data.strip():
        raise SeedError(path, "file is empty")
    if b"\x00" in data:
        raise SeedError(path, "looks like a binary file (contains NUL bytes)", _line_of_offset(data, data.index(b"\x00")))
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise SeedError(
                path,
                f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor GB18030; "
                "re-save the file as UTF-8",
                _line_of_offset(data, utf8_error.start),
            ) from None
        encoding = "gb18030"
        warnings.append(
            f"{path}:{_line_of_offset(data, utf8_error.start)}: not UTF-8; decoded as GB18030 "
            "(re-save as UTF-8 to silence this warning)"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SeedError(path, "file has no text")
    return text, encoding, warnings


def read_bytes(path: Path) -> bytes:
    """A seed's bytes as stored (SeedError if it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SeedError(path, f"cannot read: {exc.strerror or exc}") from None


def seed_of_bytes(path: Path, data: bytes) -> tuple[SeedFile, list[str]]:
    """The seed ``data`` (the bytes of ``path``) decodes to, and the decoding's warnings."""
    text, encoding, warnings = decode_seed(path, data)
    return SeedFile(name=path.name, path=str(path), text=text, encoding=encoding), warnings


def read_seed(path: Path) -> tuple[SeedFile, list[str]]:
    return seed_of_bytes(path, read_bytes(path))


def text_digest(seed: SeedFile) -> str:
    """What two seeds with the same text share (SHA-256 of the decoded text, hex)."""
    return hashlib.sha256(seed.text.encode("utf-8")).hexdigest()


class Duplicates:
    """Seeds seen so far by their text's digest: the first with a text is kept, a later one
    is skipped with a warning naming both."""

    def __init__(self):
        self.seen: dict[str, str] = {}  # text digest -> the path of the seed kept with it

    def skip(self, path: Path, digest: str, warnings: list[str]) -> bool:
        """True (and a warning appended) if a seed read earlier had the same text."""
        first = self.seen.get(digest)
        if first is not None:
            warnings.append(f"{path}: same text as {first}; skipped as a duplicate")
            return True
        self.seen[digest] = str(path)
        return False


def find_seed_paths(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "seed directory does not exist")
    return sorted(
        p for p in seeds_dir.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith(".")
    )


def read_seeds(paths: list[Path]) -> SeedSet:
    """Read every seed; raise SeedError on the first unusable one."""
    seeds: list[SeedFile] = []
    warnings: list[str] = []
    duplicates = Duplicates()
    for path in paths:
        seed, seed_warnings = read_seed(path)
        warnings.extend(seed_warnings)
        if not duplicates.skip(path, text_digest(seed), warnings):
            seeds.append(seed)
    return SeedSet(tuple(seeds), tuple(warnings), tuple(duplicates.seen))
