"""The write stage's journal: how a site updated in place is finished after a crash.

A build that updates the output directory in place first writes every new file into a
staging folder beside it, then this journal (``.<out>.journal``, beside the output folder,
replaced atomically): the files to move from the staging folder over the site's, the site's
files to remove, and the folders that may be left empty. Only then does it touch the site,
in that order, and it removes the journal last. Applying a journal again is harmless (a file
already moved is no longer in the staging folder, a removed file is gone), so a build killed
at any point leaves either no journal (and the site as it was) or a journal that the next
build applies before anything else (``finish``), giving the site that build had made.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from sitegen.atomic import atomic_write_bytes
from sitegen.links import safe_target


def journal_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.journal"


def write_journal(out_dir: Path, staging: Path, moves: list[str], removes: list[str], prune: list[str]) -> None:
    """Record the update before it starts. Not fsynced: it guards against a build that is
    killed, as the pages themselves are not fsynced either."""
    body = {"staging": staging.name, "moves": moves, "removes": removes, "prune": prune}
    atomic_write_bytes(journal_path(out_dir), json.dumps(body, ensure_ascii=False).encode("utf-8"), durable=False)


def _clear_way(site: str, rel: str) -> None:
    """Make room for file ``rel``: a folder where it goes, or a file where one of its folders
    goes (left by hand: the journal removes such strays, but after the moves)."""
    target = safe_target(site, rel)
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    folder = os.path.dirname(target)
    while len(folder) > len(site):
        if os.path.lexists(folder) and not os.path.isdir(folder):
            os.unlink(folder)
        folder = os.path.dirname(folder)


def apply(out_dir: Path, moves: list[str], removes: list[str], prune: list[str], staging: Path) -> None:
    """Move the staged files over the site's, remove files, then folders left empty."""
    site, staged = str(out_dir), str(staging)
    made: set[str] = set()
    for rel in moves:
        source = safe_target(staged, rel)
        if not os.path.lexists(source):
            continue  # moved before the last build was killed
        target = safe_target(site, rel)
        folder = os.path.dirname(target)
        try:
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            os.replace(source, target)
        except OSError:  # a file or folder left by hand in the way
            _clear_way(site, rel)
            os.makedirs(folder, exist_ok=True)
            os.replace(source, target)
    for rel in removes:
        try:
            os.unlink(safe_target(site, rel))
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            pass  # gone, or cleared out of a moved file's way (and a folder there now holds new files)
    for rel in prune:  # deepest first
        try:
            os.rmdir(safe_target(site, rel))
        except OSError:  # not empty, or gone
            pass


def finish(out_dir: Path) -> bool:
    """Apply the journal a killed build left, if any, then remove it and its staging folder;
    whether there was one."""
    path = journal_path(out_dir)
    for half_written in path.parent.glob(f".{path.name}.*.tmp"):  # killed while writing it (atomic_write_bytes)
        half_written.unlink(missing_ok=True)
    try:
        body = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return False
    name = body["staging"]
    if not (isinstance(name, str) and name.startswith(f".{out_dir.name}.tmp-") and "/" not in name):
        raise ValueError(f"{path}: not a journal of sitegen's (staging folder {name!r})")
    staging = out_dir.parent / name
    apply(out_dir, body["moves"], body["removes"], body["prune"], staging)
    path.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True
