"""Write rendered pages to the output directory atomically.

The whole site is written into a fresh sibling directory (``.<out>.tmp-<pid>``) and swapped
in with two renames: ``out -> .<out>.old-<pid>``, ``tmp -> out``. A build that fails or is
killed before the swap leaves the previous ``out`` untouched (the stale temp directory is
removed by the next build). If a build dies between the two renames, the next build restores
the old directory before doing anything else.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath
from typing import Iterable

from sitegen.models import Page


class WriteError(Exception):
    pass


def safe_target(root: Path, rel: str) -> Path:
    """Resolve a site-relative path, refusing anything that would leave ``root``."""
    segments = rel.split("/")
    pure = PurePosixPath(rel)
    if not rel or "\\" in rel or "\x00" in rel or any(seg in ("", ".", "..") for seg in segments):
        raise WriteError(f"refusing unsafe output path {rel!r}")
    return root.joinpath(*pure.parts)


def _siblings(out_dir: Path, kind: str) -> list[Path]:
    parent = out_dir.parent
    if not parent.exists():
        return []
    return [p for p in parent.iterdir() if p.name.startswith(f".{out_dir.name}.{kind}-")]


def recover(out_dir: Path) -> None:
    """Undo the debris of an interrupted build."""
    olds = _siblings(out_dir, "old")
    if not out_dir.exists() and olds:
        newest = max(olds, key=lambda p: p.stat().st_mtime)
        newest.rename(out_dir)
        olds.remove(newest)
    for stale in olds + _siblings(out_dir, "tmp"):
        shutil.rmtree(stale, ignore_errors=True)


def _carry_over(source: Path, target: Path) -> None:
    """Reuse an unchanged file of the previous site: a hard link when the file system allows
    (pages are never modified in place — every build writes new files), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_site(pages: Iterable[Page], out_dir: Path, keep: Iterable[str] = (), previous: Path | None = None) -> int:
    """Write ``pages`` as the complete new content of ``out_dir``; return the number written.

    ``keep`` lists site-relative paths to carry over unchanged from ``previous`` (default: the
    current ``out_dir``) — used by incremental builds for pages whose inputs did not change.
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    tmp = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    count = 0
    try:
        seen: set[str] = set()
        for page in pages:
            if page.path in seen:
                raise WriteError(f"two pages want the same path {page.path!r}")
            seen.add(page.path)
            target = safe_target(tmp, page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.content)
            count += 1
        source = previous or out_dir
        for rel in keep:
            if rel in seen:
                continue
            target = safe_target(tmp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            _carry_over(safe_target(source, rel), target)
            seen.add(rel)
            count += 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return count
