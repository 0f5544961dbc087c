"""A day's build killed (SIGKILL: no clean-up, no ``finally``) at each point of its update in
place, as ``test_kill.py`` kills a build: while the pages are made, once they are all staged
but before the journal, at the first, a middle and the last move of the journal, while it
removes the files the site no longer has, after the update but before the state is stored,
between the manifest and the file list, and before the last build's outline (baseline) is
written. Each time: every file of the live site is whole (the last build's bytes or the
day's), the next build leaves the site byte-identical to a ``--clean`` build with no debris
beside it, and the build after that is a no-op that changes nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import with_overrides
from sitegen.progress import Reporter

from test_build_day import DAY

FIRST = datetime(2026, 1, 1, 6, tzinfo=timezone.utc)
NEXT = datetime(2026, 1, 2, 6, tzinfo=timezone.utc)

# Run in a fresh interpreter: builds the project at ``root`` (dated NEXT) and kills itself with
# SIGKILL at the ``nth`` call of one function of the update (``point``), in this process only
# (the forked render workers die with it, as under a real kill).
KILLED_BUILD = r"""
import os, signal, sys
from datetime import datetime
from pathlib import Path

import sitegen.changes as changes
import sitegen.journal as journal
import sitegen.state as state
import sitegen.write as write
from sitegen.build import build
from sitegen.config import Config
from sitegen.progress import Reporter

root, point, nth, when = Path(sys.argv[1]), sys.argv[2], sys.argv[3], datetime.fromisoformat(sys.argv[4])
config = Config(root=root).resolved()
main, calls, at = os.getpid(), [0], [int(nth) if nth.isdigit() else None]


def dying(real, only=lambda *a, **k: True):
    def call(*args, **kwargs):
        if os.getpid() == main and only(*args, **kwargs):
            calls[0] += 1
            if calls[0] == at[0]:
                os.kill(main, signal.SIGKILL)
        return real(*args, **kwargs)
    return call


site = str(config.out_dir) + os.sep
staged = os.sep + "." + config.out_dir.name + ".tmp-"
if point == "render":  # a page made (by this process or adopted from a worker's)
    write.SiteWriter.write = dying(write.SiteWriter.write)
    write.SiteWriter.adopt = dying(write.SiteWriter.adopt)
elif point == "journal":  # every page staged, no journal yet
    journal.write_journal = dying(journal.write_journal)
elif point == "move":  # a staged file moved over the site's: the nth, the middle one or the last
    os.replace = dying(os.replace, lambda source, target: staged in str(source))
    real_journal = journal.write_journal

    def counting(out_dir, staging, moves, removes, prune):
        assert len(moves) > 10, moves
        if at[0] is None:
            at[0] = len(moves) // 2 if nth == "middle" else len(moves)
        return real_journal(out_dir, staging, moves, removes, prune)

    journal.write_journal = counting
elif point == "remove":  # a file the site no longer has taken out (renamed aside)
    os.rename = dying(os.rename, lambda source, *a, **k: str(source).startswith(site))
elif point == "state":  # the update done, journal removed, nothing stored
    state.BuildState.save = dying(state.BuildState.save)
elif point == "file-list":  # the manifest stored, the file list not
    state.atomic_write_bytes = dying(state.atomic_write_bytes, lambda path, *a, **k: "site-files" in str(path))
elif point == "baseline":  # the manifest and the file list stored, the outline not
    changes.Baseline.save = dying(changes.Baseline.save)
else:
    raise SystemExit(f"unknown point {point}")
build(config, reporter=Reporter(0), build_date=when)
print(calls[0])
"""


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _dirs(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


def _stamps(root: Path) -> dict[str, tuple]:
    """Every file and folder under ``root``: inode, size, modification time."""
    return {p.relative_to(root).as_posix(): (st.st_ino, st.st_size, st.st_mtime_ns)
            for p in root.rglob("*") for st in [p.lstat()]}


def _debris(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")
                  and not p.name.endswith((".cache", ".cache.lock")))


def _a_day(project) -> None:
    """The day: a new seed, and a seed taken out (so that the update also removes pages)."""
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    sorted(project.seeds_dir.glob("*.txt"))[0].unlink()


def _clean_site(project, tmp_path) -> dict[str, bytes]:
    cold = with_overrides(project, out_dir=tmp_path / "clean" / "site")
    build(cold, reporter=Reporter(0), build_date=NEXT, clean=True)
    return _files(cold.out_dir), _dirs(cold.out_dir)


# (point, nth call of it): "middle" and "last" of the moves the journal lists.
POINTS = [("render", 3), ("journal", 1), ("move", 1), ("move", "middle"), ("move", "last"), ("remove", 1),
          ("state", 1), ("file-list", 1), ("baseline", 1)]


def _killed_build(root: Path, point: str, nth: int | str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SITEGEN_JOBS="2", PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    return subprocess.run([sys.executable, "-c", KILLED_BUILD, str(root), point, str(nth), NEXT.isoformat()],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("point,nth", POINTS, ids=[f"{p}-{n}" for p, n in POINTS])
def test_a_day_killed_at_any_point_is_made_whole_by_the_next_build(project, tmp_path, point, nth):
    build(project, reporter=Reporter(0), build_date=FIRST)
    out = project.out_dir
    old = _files(out)
    _a_day(project)
    new, new_dirs = _clean_site(project, tmp_path)

    killed = _killed_build(project.root, point, nth)
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr[-2000:])
    seen = _files(out)
    assert seen, "the site is never missing"
    for rel, data in seen.items():  # each file whole: the last build's or the day's
        assert data == old.get(rel) or data == new.get(rel), rel
    if point in ("render", "journal"):
        assert seen == old  # killed before the journal: the site as it was
    if point in ("state", "file-list", "baseline"):
        assert seen == new  # killed after the update: the day's site, its state older
        assert _debris(out) == []

    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert not result.skipped  # the last build's state is not whole: never a no-op
    assert _files(out) == new
    assert _dirs(out) == new_dirs
    assert _debris(out) == []

    before = _stamps(out)
    assert build(project, reporter=Reporter(0), build_date=NEXT).skipped
    assert _stamps(out) == before


def test_a_no_op_build_after_a_day_changes_nothing(project):
    """Neither the site (each file's and folder's inode, size and time) nor the state."""
    build(project, reporter=Reporter(0), build_date=FIRST)
    _a_day(project)
    assert not build(project, reporter=Reporter(0), build_date=NEXT).skipped
    cache = project.out_dir.parent / f".{project.out_dir.name}.cache"
    site, state, state_bytes = _stamps(project.out_dir), _stamps(cache), _files(cache)
    for _ in range(2):
        assert build(project, reporter=Reporter(0), build_date=NEXT).skipped
    assert _stamps(project.out_dir) == site
    assert _stamps(cache) == state and _files(cache) == state_bytes
    assert _debris(project.out_dir) == []
