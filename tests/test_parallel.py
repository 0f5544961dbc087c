"""parallel_map: results in input order, with or without worker processes; ``meanwhile``
runs in the parent while the workers work."""
from __future__ import annotations

import os

import pytest

from sitegen.parallel import chunks, parallel_map


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_order_kept_and_meanwhile_runs_once_in_the_parent(monkeypatch, jobs):
    monkeypatch.setenv("SITEGEN_JOBS", jobs)
    calls = []
    out = list(parallel_map(_square_and_pid, list(range(40)), min_items=2,
                            meanwhile=lambda: calls.append(os.getpid())))
    assert [v for v, _ in out] == [x * x for x in range(40)]
    assert calls == [os.getpid()]
    workers = {pid for _, pid in out}
    if jobs == "2":
        assert os.getpid() not in workers  # really forked
    else:
        assert workers == {os.getpid()}


def test_meanwhile_runs_before_the_first_result_is_handed_out(monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    seen = []
    gen = parallel_map(_square_and_pid, list(range(20)), min_items=2,
                       meanwhile=lambda: seen.append("prepared"))
    first = next(gen)
    assert seen == ["prepared"] and first[0] == 0
    assert len(list(gen)) == 19


def test_chunks_cover_everything_in_order():
    parts = chunks(list(range(10)), 3)
    assert [list(p) for p in parts] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert chunks([], 4) == [[]]
