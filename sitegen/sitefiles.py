"""The site's file list: every file the last build left in the output directory, with a stamp
of each (size and modification time, to the nanosecond), checked against the disk at the
start of a build that is not a no-op.

A file whose stamp is as recorded is the file that build wrote: a build may keep it without
reading it. One edited by hand (any write sets the modification time to the moment),
replaced, deleted, or put there by someone else is not: the build renders the pages that are
not intact again and removes files it did not make (``sitegen.write``). The check lists the
tree and stats each file (~0.1 s of CPU for 30,000 files). What it cannot see: a file whose
modification time was set back by hand to the recorded one, at the same size. The inode is
not part of the stamp: a project copied with its times (``cp -a``, ``rsync -a``) is still
the site its file list describes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

Stamp = tuple[int, int]  # (st_size, st_mtime_ns)


def stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns)


def scan(root: str) -> tuple[dict[str, Stamp], list[str]]:
    """Every file under ``root`` (site-relative, ``/``-separated) with its stamp, and every
    folder. Anything that is not a folder counts as a file (a symbolic link is not followed)."""
    files: dict[str, Stamp] = {}
    dirs: list[str] = []
    if not os.path.isdir(root):
        return files, dirs
    todo = [""]
    while todo:
        rel = todo.pop()
        with os.scandir(os.path.join(root, rel) if rel else root) as entries:
            for entry in entries:
                path = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_dir(follow_symlinks=False):
                    todo.append(path)
                    dirs.append(path)
                else:
                    files[path] = stamp(entry.stat(follow_symlinks=False))
    return files, dirs


@dataclass
class SiteCheck:
    """The output directory as found (``on_disk``, ``dirs``) against the file list the last
    build recorded (``recorded``)."""

    on_disk: dict[str, Stamp] = field(default_factory=dict)
    dirs: list[str] = field(default_factory=list)
    recorded: dict[str, Stamp] = field(default_factory=dict)

    @classmethod
    def of(cls, root: str, recorded: dict[str, Stamp]) -> "SiteCheck":
        on_disk, dirs = scan(root)
        return cls(on_disk, dirs, recorded)

    @classmethod
    def trusted(cls, root: str) -> "SiteCheck":
        """Whatever is on disk taken as intact (no file list to check it against)."""
        on_disk, dirs = scan(root)
        return cls(on_disk, dirs, on_disk)

    def intact(self, rel: str) -> bool:
        """Whether ``rel`` is on disk as the last build left it."""
        found = self.on_disk.get(rel)
        return found is not None and found == self.recorded.get(rel)

    def intact_only(self, pages: dict[str, str]) -> dict[str, str]:
        """Of the last build's page keys, those of pages on disk as it left them."""
        recorded, on_disk = self.recorded, self.on_disk
        return {rel: key for rel, key in pages.items() if (st := on_disk.get(rel)) is not None
                and st == recorded.get(rel)}

    def damaged(self) -> list[str]:
        """The recorded files that are missing or changed, and files not recorded (strays)."""
        recorded, on_disk = self.recorded, self.on_disk
        return sorted({rel for rel, st in recorded.items() if on_disk.get(rel) != st}
                      | on_disk.keys() - recorded.keys())
