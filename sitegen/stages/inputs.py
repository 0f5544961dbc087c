"""What a build reads, fingerprinted: equal fingerprints mean an identical site, so the
build is skipped; and the build's time (``SOURCE_DATE_EPOCH`` for reproducible builds)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from sitegen.config import Config
from sitegen.corrections import CORRECTIONS_NAME
from sitegen.pages import PAGES_DIR
from sitegen.state import code_digest, digest_bytes, digest_json, tree_digest


def input_fingerprint(config: Config, seed_paths: list[Path], strict: bool, retranslate: bool,
                      seeds: str | None = None, token: str | None = None) -> str:
    """One digest of everything a build reads; equal digests mean an identical site.
    ``seeds``: the seeds' digest (``seeds_digest(...).digest``), ``token``: ``change_token``, when the
    caller has them already."""
    root = config.root
    return digest_json({
        "token": token or change_token(config, strict, retranslate),
        "seeds": seeds or seeds_digest(config, seed_paths).digest,
        "memory": tree_digest([config.memory_path], root),
        "corrections": tree_digest([root / CORRECTIONS_NAME], root),
    })

def change_token(config: Config, strict: bool, retranslate: bool) -> str:
    """A digest of what a build reads besides the seeds, their corrections and the translation
    memory (whose changes the stages report article by article, ``sitegen.changes``): code,
    config, flags, templates, static files, themes and dictionary, the article history,
    models and the dictionaries' data. When it moves, every page may have changed."""
    root = config.root
    return digest_json({
        "code": code_digest(),
        "config": repr(config),
        "flags": [strict, retranslate],
        "templates": tree_digest([config.templates_dir, root / PAGES_DIR], root),
        "static": tree_digest([config.static_dir], root),
        "themes": tree_digest([config.themes_path, config.dictionary_dir], root),
        "history": tree_digest([config.history_path], root),
        "models": installed_models_digest(),
        "glosses": gloss_data_version(),
    })

@dataclass(frozen=True)
class SeedDigests:
    """The seeds' part of the fingerprint (``digest``) and each seed's sha256 as read for it
    (``of_path``), which the parse stage takes instead of reading and hashing the seed
    again: a cached parse is keyed by that sha256 (35 MB at 10,000 articles, read and
    hashed twice a day before)."""
    digest: str
    of_path: Mapping[Path, bytes]


def seeds_digest(config: Config, seed_paths: list[Path], known: Mapping[Path, bytes] | None = None) -> SeedDigests:
    """Each seed's sha256 (taken from ``known`` where there, else read) and one digest of
    them all with their names; a seed that cannot be read counts as missing."""
    known = known or {}
    of_path: dict[Path, bytes] = {}
    parts: list[bytes] = []
    for path in seed_paths:
        sha = known.get(path)
        if sha is None:
            try:
                sha = hashlib.sha256(path.read_bytes()).digest()
            except OSError:
                parts.append(f"missing:{path.name}".encode("utf-8"))
                continue
        of_path[path] = sha
        name = str(path.relative_to(config.seeds_dir)) if path.is_relative_to(config.seeds_dir) else str(path)
        parts += (name.encode("utf-8"), sha)
    return SeedDigests(digest_bytes(*parts), of_path)


def gloss_data_version() -> str:
    """The versions of the dictionary data (a new CC-CEDICT or pypinyin rebuilds the glosses)."""
    from sitegen.gloss.lexicon import data_version

    return data_version()

def installed_models_digest() -> str:
    """What Argos packages are installed, read from the package directory without importing
    argostranslate (which costs seconds): installing a model must trigger a rebuild."""
    import os

    base = os.environ.get("ARGOS_PACKAGES_DIR")
    if base:
        folder = Path(base)
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        folder = Path(data_home) / "argos-translate" / "packages"
    if not folder.is_dir():
        return "none"
    return digest_json(sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir()))


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)

def iso_utc(value: str) -> str:
    """``2025-04-25T06:00:00+00:00`` → ``2025-04-25T06:00:00Z``."""
    return value[:-6] + "Z" if value.endswith("+00:00") else value
