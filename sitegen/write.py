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
from pathlib import Path
from typing import Iterable

from sitegen.models import Page


class WriteError(Exception):
    pass


def safe_target(root: Path | str, rel: str) -> str:
    """The file path of site-relative ``rel`` under ``root``, refusing anything that would
    leave ``root``. (A str: thousands of pages are written, and pathlib objects cost more
    than the writing itself.)"""
    segments = rel.split("/")
    if not rel or "\\" in rel or "\x00" in rel or any(seg in ("", ".", "..") for seg in segments):
        raise WriteError(f"refusing unsafe output path {rel!r}")
    return os.path.join(root, *segments)


def _write_new(path: str, data: bytes) -> None:
    """Write ``data`` as the file ``path`` (as ``Path.write_bytes`` does, without its
    file object)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


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


def _carry_over(source: str, target: str) -> None:
    """Reuse an unchanged file of the previous site: a hard link when the file system allows
    (pages are never modified in place — every build writes new files), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class SiteWriter:
    """Stream pages into a fresh sibling of ``out_dir`` and swap it in on success.

    ``with SiteWriter(out) as w: w.write(page); w.keep(rel)`` — pages go to disk as they
    are made, so a large site is never held in memory; leaving the block by an exception
    discards the new tree and leaves ``out_dir`` as it was.
    """

    def __init__(self, out_dir: Path, previous: Path | None = None):
        self.out_dir = Path(out_dir).resolve()
        self.previous = previous
        self.seen: set[str] = set()
        self.count = 0
        self.tmp: Path | None = None
        self._dirs: set[str] = set()  # directories of the new tree made so far

    def __enter__(self) -> "SiteWriter":
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        self.tmp = self.out_dir.parent / f".{self.out_dir.name}.tmp-{os.getpid()}"
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        self.tmp.mkdir()
        return self

    def _claim(self, rel: str) -> str:
        assert self.tmp is not None, "use SiteWriter as a context manager"
        if rel in self.seen:
            raise WriteError(f"two pages want the same path {rel!r}")
        target = safe_target(self.tmp, rel)
        self.seen.add(rel)
        parent = os.path.dirname(target)
        if parent not in self._dirs:  # one mkdir per directory, not per page
            os.makedirs(parent, exist_ok=True)
            self._dirs.add(parent)
        self.count += 1
        return target

    def write(self, page: Page) -> None:
        _write_new(self._claim(page.path), page.content)

    def adopt(self, rel: str) -> None:
        """Account for ``rel``, written into the new tree by a forked worker's copy of this
        writer (``write`` there): it counts, and a second page with that path is refused."""
        assert self.tmp is not None, "use SiteWriter as a context manager"
        if rel in self.seen:
            raise WriteError(f"two pages want the same path {rel!r}")
        if not os.path.isfile(safe_target(self.tmp, rel)):
            raise WriteError(f"{rel!r} was reported written but is not in the new site")
        self.seen.add(rel)
        self.count += 1

    def keep(self, rels: Iterable[str]) -> None:
        """Carry pages over unchanged from the previous site (default: the current one)."""
        source = self.previous or self.out_dir
        for rel in rels:
            if rel not in self.seen:
                _carry_over(safe_target(source, rel), self._claim(rel))

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.tmp is not None
        if exc_type is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        old = self.out_dir.parent / f".{self.out_dir.name}.old-{os.getpid()}"
        if self.out_dir.exists():
            self.out_dir.rename(old)
        self.tmp.rename(self.out_dir)
        shutil.rmtree(old, ignore_errors=True)


def write_site(pages: Iterable[Page], out_dir: Path, keep: Iterable[str] = (), previous: Path | None = None) -> int:
    """Write ``pages`` as the complete new content of ``out_dir``; return the number written.

    ``keep`` lists site-relative paths to carry over unchanged from ``previous`` (default: the
    current ``out_dir``) — used by incremental builds for pages whose inputs did not change.
    """
    with SiteWriter(out_dir, previous) as writer:
        for page in pages:
            writer.write(page)
        writer.keep(keep)
    return writer.count
