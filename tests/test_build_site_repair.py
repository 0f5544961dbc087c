"""The site updated in place (``sitegen.write``): a day moves only its files into the live
output folder; files edited, deleted or added there by hand are repaired by the next build;
a build killed after its update but before its state is stored leaves nothing the next
build trusts wrongly. Each time the site equals a ``--clean`` build byte for byte."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sitegen.build import build
from sitegen.config import with_overrides
from sitegen.progress import Reporter
from sitegen.state import BuildState

from test_build_day import DAY

FIRST = datetime(2026, 1, 1, 6, tzinfo=timezone.utc)
NEXT = datetime(2026, 1, 2, 6, tzinfo=timezone.utc)


def _tree(root) -> tuple[dict[str, bytes], set[str]]:
    return ({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()},
            {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()})


def _equals_clean(config, tmp_path, when=NEXT) -> None:
    cold = with_overrides(config, out_dir=tmp_path / "cold-site")
    build(cold, reporter=Reporter(0), build_date=when, clean=True)
    incremental, fresh = _tree(config.out_dir), _tree(cold.out_dir)
    assert sorted(incremental[0]) == sorted(fresh[0])
    assert [name for name in incremental[0] if incremental[0][name] != fresh[0][name]] == []
    assert incremental[1] == fresh[1]
    assert [p.name for p in config.out_dir.parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name
            or p.name.endswith(".journal")] == []


def test_a_day_updates_the_site_in_place(project, tmp_path):
    build(project, reporter=Reporter(0), build_date=FIRST)
    folder = project.out_dir.stat().st_ino
    about = (project.out_dir / "about.html").stat()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert result.unchanged > 0 and result.rendered > 0
    assert project.out_dir.stat().st_ino == folder  # the same folder, not a new tree swapped in
    assert (project.out_dir / "articles" / "zz-day-01.html").is_file()
    assert (project.out_dir / "about.html").stat().st_ino != about.st_ino  # made again, moved in whole
    _equals_clean(project, tmp_path)


def test_files_edited_deleted_or_added_by_hand_are_repaired(project, tmp_path):
    """By the next build that has something to do (a no-op does not look at the site)."""
    build(project, reporter=Reporter(0), build_date=FIRST)
    out = project.out_dir
    pages = sorted((out / "articles").glob("*.html"))
    with open(pages[0], "ab") as fh:  # edited in place: same file, new bytes
        fh.write(b"<!-- edited -->")
    pages[1].unlink()
    tag = sorted((out / "tags").rglob("*.html"))[0]
    tag.write_bytes(tag.read_bytes()[:-1] + b"X")  # the same size, written again
    (out / "stray.html").write_bytes(b"not ours")
    (out / "articles" / "extra").mkdir()
    (out / "articles" / "extra" / "x.txt").write_bytes(b"x")
    (out / "empty").mkdir()
    assert build(project, reporter=Reporter(0), build_date=FIRST).skipped  # no input changed
    assert (out / "stray.html").exists()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert not result.skipped and result.unchanged > 0
    assert not (out / "stray.html").exists() and not (out / "empty").exists()
    _equals_clean(project, tmp_path)
    assert build(project, reporter=Reporter(0), build_date=NEXT).skipped  # and whole again


@pytest.mark.parametrize("day_back", [False, True])
def test_a_build_killed_after_its_update_before_its_state_is_stored(project, tmp_path, monkeypatch, day_back):
    """The site is the day's, the state the day before's. The next build makes the moved files
    again (their stamps are not the file list's), even when the day is taken back and every
    page's key is again the one the stale manifest holds."""
    build(project, reporter=Reporter(0), build_date=FIRST)
    day = project.seeds_dir / "zz-day.md"
    day.write_text(DAY, encoding="utf-8")

    def killed(self, manifest):
        raise KeyboardInterrupt("killed")

    with monkeypatch.context() as patch:
        patch.setattr(BuildState, "save", killed)
        with pytest.raises(KeyboardInterrupt):
            build(project, reporter=Reporter(0), build_date=NEXT)
    assert (project.out_dir / "articles" / "zz-day-01.html").is_file()  # the update went in
    if day_back:
        day.unlink()
    build(project, reporter=Reporter(0), build_date=NEXT)
    _equals_clean(project, tmp_path)


def test_a_build_killed_half_way_through_its_update_is_finished_by_the_next(project, tmp_path, monkeypatch):
    import os

    import sitegen.journal as journal

    build(project, reporter=Reporter(0), build_date=FIRST)
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    real, moved = os.replace, []

    def dies_half_way(source, target):
        if ".tmp-" in str(source) and "journal" not in str(target):
            if len(moved) == 5:
                raise KeyboardInterrupt("killed")
            moved.append(target)
        return real(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(journal.os, "replace", dies_half_way)
        with pytest.raises(KeyboardInterrupt):
            build(project, reporter=Reporter(0), build_date=NEXT)
    assert journal.journal_path(project.out_dir).exists()
    build(project, reporter=Reporter(0), build_date=NEXT)
    _equals_clean(project, tmp_path)
