"""``corrections.toml``: a maintainer's fixes to the parse, kept beside ``sitegen.toml`` so
they survive every rebuild.

```toml
[[split]]              # a new article starts where this text starts
seed = "p02.txt"
at = "7月10日，某某石化"

[[headline]]           # the article whose body starts with `article` has this headline
seed = "p06.txt"
article = "近日，由区委宣传部"
text = "春到小城 共话振兴"
# kicker = "…"         # optional: and this kicker / subtitle (moved from the page too)
# subtitle = "…"
# editorial = true     # allowed only when the text is printed nowhere on the page

[[join]]               # the article starting here continues the one before it
seed = "p03.txt"
at = "记者从会上获悉"
# to = "…"             # optional: … or the article starting with this (an interrupted story)
```

Texts are compared without line breaks and spaces (and with full- and half-width forms
alike), so an anchor may be copied across a wrapped line. This module only reads and
validates the file into typed records; :mod:`sitegen.parse.correct` applies them to a seed's parse.
Every error names ``corrections.toml:LINE``.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

CORRECTIONS_NAME = "corrections.toml"


class CorrectionError(Exception):
    """corrections.toml is invalid or no longer fits a seed; the message names file:line."""


@dataclass(frozen=True)
class Split:
    """A new article starts where ``at`` starts."""

    seed: str
    at: str
    origin: str  # "corrections.toml:LINE", for messages


@dataclass(frozen=True)
class Join:
    """The article whose body starts with ``at`` continues the article before it (or the one
    starting with ``to``)."""

    seed: str
    at: str
    origin: str
    to: str | None = None


@dataclass(frozen=True)
class Headline:
    """The article whose body starts with ``article`` has the headline ``text``."""

    seed: str
    article: str
    text: str
    origin: str
    kicker: str | None = None
    subtitle: str | None = None
    editorial: bool = False  # the texts need not be printed on the page


Correction = Union[Split, Join, Headline]

_KINDS: dict[str, tuple[type, dict[str, type], tuple[str, ...]]] = {
    # kind: (record, {key: type}, required keys)
    "split": (Split, {"seed": str, "at": str}, ("seed", "at")),
    "join": (Join, {"seed": str, "at": str, "to": str}, ("seed", "at")),
    "headline": (Headline, {"seed": str, "article": str, "text": str, "kicker": str, "subtitle": str,
                            "editorial": bool},
                 ("seed", "article", "text")),
}


@dataclass(frozen=True)
class Corrections:
    """Every correction of a project, in file order."""

    items: tuple[Correction, ...] = ()
    path: str = CORRECTIONS_NAME

    def for_seed(self, seed: str) -> tuple[Correction, ...]:
        return tuple(c for c in self.items if c.seed == seed)

    def key(self, seed: str) -> bytes:
        """What the corrections of ``seed`` contribute to its parse-cache key: their content
        without line numbers, so editing another seed's entries re-parses nothing here."""
        parts = [(type(c).__name__, *(v for k, v in sorted(vars(c).items()) if k != "origin"))
                 for c in self.for_seed(seed)]
        return repr(parts).encode("utf-8") if parts else b""

    def check_seeds(self, names: set[str], seeds_dir: Path | str) -> None:
        """Every correction must name one of the seeds."""
        for c in self.items:
            if c.seed not in names:
                raise CorrectionError(f"{c.origin}: seed {c.seed!r} is not a seed file in {seeds_dir}")


# -- where things are in the file (tomllib gives no line numbers) ---------------------------

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]\s]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


@dataclass
class _Lines:
    headers: dict[tuple[str, int], int]  # (kind, index) -> line of its [[kind]]
    keys: dict[tuple[str, int, str], int]  # (kind, index, key) -> line of the key
    top: dict[str, int]  # top-level key or [table] -> line

    @classmethod
    def scan(cls, raw: str) -> "_Lines":
        headers: dict[tuple[str, int], int] = {}
        keys: dict[tuple[str, int, str], int] = {}
        top: dict[str, int] = {}
        counts: dict[str, int] = {}
        current: tuple[str, int] | None = None
        for no, line in enumerate(raw.splitlines(), 1):
            m = _ARRAY_HEADER.match(line)
            if m:
                kind = m.group(1)
                index = counts.get(kind, 0)
                counts[kind] = index + 1
                headers[(kind, index)] = no
                top.setdefault(kind, no)
                current = (kind, index)
                continue
            m = _TABLE_HEADER.match(line)
            if m:
                top.setdefault(m.group(1), no)
                current = None
                continue
            m = _KEY.match(line)
            if m:
                key = m.group(1).strip("\"'")
                if current is None:
                    top.setdefault(key, no)
                else:
                    keys.setdefault((*current, key), no)
        return cls(headers, keys, top)


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def parse_corrections(raw: str, path: str = CORRECTIONS_NAME) -> Corrections:
    """Validate the text of a corrections file into records (or raise CorrectionError)."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise CorrectionError(f"{_where(path, int(m.group(1)) if m else None)}: invalid TOML: {exc}") from None
    lines = _Lines.scan(raw)
    items: list[tuple[int, Correction]] = []
    for kind, value in data.items():
        if kind not in _KINDS:
            raise CorrectionError(f"{_where(path, lines.top.get(kind))}: unknown key {kind!r} "
                                  f"(known: {', '.join(sorted(_KINDS))})")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise CorrectionError(f"{_where(path, lines.top.get(kind))}: {kind!r} must be a list of "
                                  f"tables: write [[{kind}]] above each entry")
        record, types, required = _KINDS[kind]
        for index, entry in enumerate(value):
            header = lines.headers.get((kind, index)) or lines.top.get(kind)
            items.append((header or 0, _entry(kind, index, entry, record, types, required, lines, path, header)))
    items.sort(key=lambda t: t[0])
    return Corrections(tuple(c for _, c in items), path)


def _entry(kind: str, index: int, entry: dict[str, Any], record: type, types: dict[str, type],
           required: tuple[str, ...], lines: _Lines, path: str, header: int | None) -> Correction:
    origin = _where(path, header)
    for key, value in entry.items():
        at = _where(path, lines.keys.get((kind, index, key), header))
        if key not in types:
            raise CorrectionError(f"{at}: unknown key '{kind}.{key}' (known: {', '.join(sorted(types))})")
        if not isinstance(value, types[key]):
            raise CorrectionError(f"{at}: key '{kind}.{key}' must be a {types[key].__name__}, "
                                  f"not {type(value).__name__} ({value!r})")
        if isinstance(value, str) and not "".join(value.split()):
            raise CorrectionError(f"{at}: key '{kind}.{key}' is empty")
    missing = [k for k in required if k not in entry]
    if missing:
        raise CorrectionError(f"{origin}: [[{kind}]] needs {', '.join(repr(k) for k in missing)}")
    return record(origin=origin, **entry)


def load_corrections(root: Path, path: Path | None = None) -> Corrections:
    """``<root>/corrections.toml`` (or ``path``) validated; no corrections when it is absent."""
    path = path or root / CORRECTIONS_NAME
    if not path.exists():
        return Corrections()
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"{path}: cannot read: {exc}") from None
    return parse_corrections(raw, _display(path))


def _display(path: Path) -> str:
    """The path as the maintainer knows it: relative to the working directory when inside."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
