"""Write rendered pages to the output directory atomically, in one of two ways.

**In place** (an incremental build, which keeps some of the last site's files): each new or
changed file is written into a staging folder beside the site (``.<out>.tmp-<pid>``), never
into the site. Once every page is made, the writer records the update in a journal
(``sitegen.journal``: the files to move in, the files to remove, the folders that may be
left empty), then moves each staged file over the site's with one ``rename`` (new paths
first, then changed ones), removes the files the site no longer has and the folders left
empty, and removes the journal. A day at 10,000 articles so moves ~1,300 files instead of
making ~29,800 directory entries anew. Guarantees:

- a reader never sees a half-written file: each file of the site is replaced whole by a
  rename, or removed. The site as a whole is not switched at once: while the journal is
  applied (0.1-0.4 s for a day at 10,000; the replaced files are set aside and freed by a
  helper, ``journal.gone_path``), a reader may get some pages of the new site and some of
  the old; the new paths
  are moved in first and removed files go last, so no link of either site leads nowhere;
- killed while the pages are made or before the journal is written, a build leaves the site
  as it was (the staging folder is debris the next build removes); killed while the journal
  is applied, it leaves the site part old, part new (each file whole) and the journal,
  which the next build — a no-op included — applies before anything else (``recover``):
  moving a file that is no longer staged or removing one that is gone is skipped, so the
  update is completed to the site that build made; killed after the journal, before its
  state is stored, it leaves the new site and the last build's state. In the last two cases
  the next build is never a no-op (each build takes the last build's baseline, written
  last, before it touches the site: ``sitegen.changes``), and the stored file list does not
  match the moved files' stamps, so it makes those pages again. Each time the next build
  leaves the site a ``--clean`` build makes (``tests/test_kill_update.py``);
- what the build keeps, it keeps only when it is on disk as the last build wrote it: the
  site's file list (``sitegen.sitefiles``: each file's size and modification time,
  stored with the state) is checked against the disk at the start of every build that is
  not a no-op, and a page edited, replaced or deleted by hand is rendered again, a file the
  build did not make removed, an empty folder left by hand removed. The result is the site
  a ``--clean`` build makes, byte for byte. A no-op build does not look at the site (a stat
  per file: +0.1 s of CPU at 10,000 articles, half a no-op's time): what is changed by hand
  stays until the next build with something to do, or ``--clean``.

**Whole** (a build that keeps nothing: the first, ``--clean``, or one that renders every
page): the whole site is written into the staging folder and swapped in with two renames,
``out -> .<out>.old-<pid>``, ``tmp -> out``; a helper process removes the replaced tree while
the build stores its state (``SiteWriter.wait``). A build killed between the two renames
leaves the old tree, which the next build puts back before doing anything else.

Neither way fsyncs the pages: the guarantees hold against a build that fails or is killed,
not against a power loss.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Iterable

from sitegen import journal
from sitegen.links import WriteError, safe_target
from sitegen.models import Page
from sitegen.sitefiles import SiteCheck, Stamp, scan, stamp

__all__ = ["SiteWriter", "WriteError", "finish_update", "recover", "safe_target", "write_site"]


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC


def _write_new(path: str, data: bytes) -> None:
    """Write ``data`` as the new file ``path`` (as ``Path.write_bytes`` does, without its
    file object). A file already there is unlinked first, never written through."""
    try:
        fd = os.open(path, _NEW_FILE, 0o666)
    except FileExistsError:
        os.unlink(path)
        fd = os.open(path, _NEW_FILE, 0o666)
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
    """Undo the debris of an interrupted build: finish its update in place (its journal),
    or put back the site it had moved aside; remove its staging folder."""
    journal.finish(out_dir)
    olds = _siblings(out_dir, "old")
    if not out_dir.exists() and olds:
        newest = max(olds, key=lambda p: p.stat().st_mtime)
        newest.rename(out_dir)
        olds.remove(newest)
    for stale in olds + _siblings(out_dir, "tmp") + _siblings(out_dir, "gone"):
        shutil.rmtree(stale, ignore_errors=True)


def finish_update(out_dir: Path) -> None:
    """Deal with an interrupted build's debris (``recover``) before a build looks at the
    output folder."""
    out_dir = Path(out_dir).resolve()
    if out_dir.parent.is_dir():
        recover(out_dir)


def _spawn(argv: list[str], stdin: bytes = b""):
    """A process running ``argv`` with ``stdin``, its output on a pipe (spawned, not forked:
    copying the build's page tables, then its pages as the build touches them, cost ~0.3 s of
    system time at 10,000 articles). None where processes cannot be started."""
    import subprocess
    import tempfile

    with tempfile.TemporaryFile() as given:  # a file, not a pipe: this process does not wait for the reader
        given.write(stdin)
        given.seek(0)
        try:
            return subprocess.Popen(argv, stdin=given, stdout=subprocess.PIPE)
        except OSError:  # pragma: no cover - no processes here
            return None


def _python(code: str) -> list[str]:
    """A fresh interpreter (~15 ms to start) that runs ``code`` and can import sitegen."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {root!r}); {code}"]


def _remover(tree: Path) -> list[str]:
    """Removes ``tree``: ``rm`` where there is one (0.11 s of CPU for the 30,000 files at 10,000
    articles, Python's rmtree 0.17 s)."""
    if shutil.which("rm"):
        return ["rm", "-rf", "--", str(tree)]
    return _python("import shutil; shutil.rmtree(sys.argv[1], ignore_errors=True)") + [str(tree)]


class SiteWriter:
    """Stream pages into a staging folder beside ``out_dir``, then update the site from it.

    ``with SiteWriter(out, site) as w: w.write(page); w.keep(rels)`` — pages go to disk as they
    are made, so a large site is never held in memory; leaving the block by an exception
    discards them and leaves ``out_dir`` as it was. ``site``: the output folder as the build
    found it, checked against the last file list (default: what is on disk, trusted). With
    files kept, the site is updated in place; without, swapped whole (see the module's
    docstring). ``files``: then the new site's file list.
    """

    def __init__(self, out_dir: Path, site: SiteCheck | None = None):
        self.out_dir = Path(out_dir).resolve()
        self.site = site
        self.seen: set[str] = set()
        self.kept: set[str] = set()
        self.count = 0
        self.tmp: Path | None = None
        self.files: dict[str, Stamp] = {}
        self._dirs: set[str] = set()  # directories of the staging folder made so far
        self._removal = None  # the old tree's remover (a subprocess.Popen)

    def __enter__(self) -> "SiteWriter":
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        if self.site is None:
            self.site = SiteCheck.trusted(str(self.out_dir))
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
        """Account for ``rel``, written into the staging folder by a forked worker's copy of
        this writer (``write`` there): it counts, and a second page with that path is refused."""
        assert self.tmp is not None, "use SiteWriter as a context manager"
        if rel in self.seen:
            raise WriteError(f"two pages want the same path {rel!r}")
        if not os.path.isfile(safe_target(self.tmp, rel)):
            raise WriteError(f"{rel!r} was reported written but is not in the new site")
        self.seen.add(rel)
        self.count += 1

    def keep(self, rels: Iterable[str]) -> None:
        """Keep these files of the site as they are. Each must be on disk as the last build
        left it (``SiteCheck.intact``): the build renders the others again."""
        assert self.site is not None, "use SiteWriter as a context manager"
        seen, kept, intact = self.seen, self.kept, self.site.intact
        for rel in rels:
            if rel in seen:
                continue
            if not intact(rel):
                raise WriteError(f"{safe_target(str(self.out_dir), rel)}: not as the last build left it; "
                                 "it cannot be kept")
            seen.add(rel)
            kept.add(rel)
            self.count += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.tmp is not None
        if exc_type is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        if self.kept:
            self._update_in_place()
        else:
            self._swap_whole()

    def _update_in_place(self) -> None:
        """Move the staged files in, remove what the site no longer has, under a journal."""
        on_disk, seen = self.site.on_disk, self.seen
        moves = sorted(seen - self.kept, key=lambda rel: (rel in on_disk, rel))  # new paths first
        removes = sorted(on_disk.keys() - seen)
        needed = {""}
        for folder in {rel.rpartition("/")[0] for rel in seen}:
            while folder not in needed:
                needed.add(folder)
                folder = folder.rpartition("/")[0]
        prune = sorted(set(self.site.dirs) - needed, key=lambda rel: (-rel.count("/"), rel))
        journal.write_journal(self.out_dir, self.tmp, moves, removes, prune)
        journal.apply(self.out_dir, moves, removes, prune, self.tmp)
        journal.journal_path(self.out_dir).unlink()
        gone = journal.gone_path(self.tmp)  # the replaced files, and the staging folder's empty folders
        self.tmp.rename(gone / ".staging")
        self._removal = _spawn(_remover(gone))  # off the build's path, as a replaced whole site
        if self._removal is None:  # pragma: no cover - no processes here
            shutil.rmtree(gone, ignore_errors=True)
        site = str(self.out_dir)
        self.files = {rel: on_disk[rel] for rel in self.kept}
        self.files.update((rel, stamp(os.stat(safe_target(site, rel)))) for rel in moves)

    def _swap_whole(self) -> None:
        """Swap the staging folder in for the site, which a helper then removes."""
        old = self.out_dir.parent / f".{self.out_dir.name}.old-{os.getpid()}"
        if self.out_dir.exists():
            self.out_dir.rename(old)
            self.tmp.rename(self.out_dir)
            self._removal = _spawn(_remover(old))
            if self._removal is None:  # pragma: no cover - no processes here
                shutil.rmtree(old, ignore_errors=True)
        else:
            self.tmp.rename(self.out_dir)
        self.files = scan(str(self.out_dir))[0]

    def wait(self) -> None:
        """Wait until the replaced site is removed (started by the swap, in a helper, so that
        the caller can store its state meanwhile)."""
        if self._removal is not None:
            self._removal.communicate()
            self._removal = None


def write_site(pages: Iterable[Page], out_dir: Path, keep: Iterable[str] = ()) -> int:
    """Write ``pages`` as the complete new content of ``out_dir``; return the number written.

    ``keep`` lists site-relative paths to keep unchanged from the current ``out_dir`` (taken
    as intact) — used by incremental builds for pages whose inputs did not change.
    """
    with SiteWriter(out_dir) as writer:
        for page in pages:
            writer.write(page)
        writer.keep(keep)
    writer.wait()
    return writer.count
