"""When the parse stage starts its workers (``sitegen.stages.parse``)."""
from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import sitegen.stages.parse as parse_stage
from sitegen.progress import Reporter
from sitegen.seeds import find_seed_paths
from sitegen.state import BuildState

REPO = Path(__file__).resolve().parents[1]


def _seeds(folder: Path, n: int) -> list[Path]:
    """``n`` seed files: the repository's, then copies of them under other names."""
    folder.mkdir()
    repo = find_seed_paths(REPO / "seeds")
    for i in range(n):
        source = repo[i % len(repo)]
        if i < len(repo):
            shutil.copyfile(source, folder / source.name)
        else:  # another text: a duplicate seed would be skipped
            text = source.read_text(encoding="utf-8") + f"\n\n本报讯 第{i}份副本。\n"
            (folder / f"copy{i}-{source.name}").write_text(text, encoding="utf-8")
    return find_seed_paths(folder)


def _parsing_pids(monkeypatch, log: Path):
    original = parse_stage._parse_entry

    @functools.wraps(original)  # pickled by name: the workers look it up in the module
    def spy(job):
        with open(log, "a", encoding="utf-8") as f:  # appended to from any process
            f.write(f"{os.getpid()}\n")
        return original(job)

    monkeypatch.setattr(parse_stage, "_parse_entry", spy)
    return lambda: set(log.read_text(encoding="utf-8").split())


def test_a_few_seeds_parse_in_workers_while_this_process_does_its_own_work(tmp_path, monkeypatch):
    """A small site's seeds used to parse here, after the build's preparations (~0.4 s): in
    workers, their parse runs beside them."""
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    paths = _seeds(tmp_path / "seeds", parse_stage.MIN_SEEDS_WITH_MEANWHILE)
    assert len(paths) < parse_stage.MIN_ITEMS
    pids = _parsing_pids(monkeypatch, tmp_path / "pids.log")
    ran: list[int] = []
    results, _, parsed = parse_stage.parse_all(paths, BuildState(tmp_path / "a"), Reporter(0),
                                               meanwhile=lambda: ran.append(os.getpid()))
    assert len(parsed) == len(paths) == len(results) and ran == [os.getpid()]
    assert str(os.getpid()) not in pids()


def test_without_work_of_its_own_this_process_parses_as_few_seeds_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    paths = _seeds(tmp_path / "seeds", parse_stage.MIN_SEEDS_WITH_MEANWHILE)
    pids = _parsing_pids(monkeypatch, tmp_path / "pids.log")
    results, _, parsed = parse_stage.parse_all(paths, BuildState(tmp_path / "a"), Reporter(0))
    assert sorted(parsed) == sorted(p.name for p in paths) and len(paths) == len(results)
    assert pids() == {str(os.getpid())}
