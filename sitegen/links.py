"""The previous site's unchanged files hard-linked into the new tree by a small helper process
(``sitegen.write.SiteWriter.carry_ahead``), and the output paths' safety check it shares with
the writer. Imports nothing of sitegen's but this file: the helper is a fresh interpreter
(``python -I -S``), so that it starts in ~15 ms and the build's large heap is not forked."""
from __future__ import annotations

import os
import sys


class WriteError(Exception):
    pass


def safe_target(root: str, rel: str) -> str:
    """The file path of site-relative ``rel`` under ``root``, refusing anything that would
    leave ``root``. (A str: thousands of pages are written, and pathlib objects cost more
    than the writing itself.)"""
    segments = rel.split("/")
    if not rel or "\\" in rel or "\x00" in rel or any(seg in ("", ".", "..") for seg in segments):
        raise WriteError(f"refusing unsafe output path {rel!r}")
    return os.path.join(root, *segments)


def link_all(source: str, target: str, rels: list[str], parent: int | None = None) -> list[str]:
    """Hard-link each of ``rels`` from the tree ``source`` into ``target``; return the ones
    that could not be linked (missing, unsafe, no hard links on this file system). With
    ``parent`` (a process id), stop early once that process is gone."""
    failed: list[str] = []
    dirs: set[str] = set()
    for n, rel in enumerate(rels):
        if parent is not None and n % 1000 == 999 and os.getppid() != parent:
            sys.exit(1)  # the build was killed: its temporary tree is debris for the next build
        try:
            to = safe_target(target, rel)
            folder = os.path.dirname(to)
            if folder not in dirs:
                os.makedirs(folder, exist_ok=True)
                dirs.add(folder)
            os.link(safe_target(source, rel), to)
        except (OSError, WriteError):
            failed.append(rel)
    return failed


def main() -> None:
    """The helper: ``source target parent-pid`` as arguments, the paths on stdin (one a line),
    the ones not linked on stdout."""
    source, target, parent = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rels = sys.stdin.buffer.read().decode("utf-8").split("\n")
    failed = link_all(source, target, [r for r in rels if r], parent)
    sys.stdout.buffer.write("\n".join(failed).encode("utf-8"))


if __name__ == "__main__":  # pragma: no cover - run as the helper
    main()
