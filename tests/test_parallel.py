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


# -- share_map: this process works through the items alongside forked helpers ------------

def _slow_square_and_pid(x: int) -> tuple[int, int]:
    import time

    time.sleep(0.002)
    return x * x, os.getpid()


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_share_map_keeps_order_and_this_process_takes_part(monkeypatch, jobs):
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", jobs)
    calls = []
    out = share_map(_slow_square_and_pid, list(range(60)), min_items=2,
                    meanwhile=lambda: calls.append(os.getpid()))
    assert [v for v, _ in out] == [x * x for x in range(60)]
    assert calls == [os.getpid()]
    pids = {pid for _, pid in out}
    assert os.getpid() in pids  # this process did some of the items itself
    if jobs == "1":
        assert pids == {os.getpid()}
    else:
        assert len(pids) > 1  # and forked helpers did others


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_share_map_this_process_takes_from_the_front_and_helpers_from_the_back(monkeypatch, jobs):
    """Each side works through a run of neighbouring items (pages of one kind), so what it
    memoised for one item serves the next; the runs meet without a gap or an overlap."""
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", jobs)
    out = share_map(_slow_square_and_pid, list(range(80)), min_items=2)
    assert [v for v, _ in out] == [x * x for x in range(80)]
    here = [i for i, (_, pid) in enumerate(out) if pid == os.getpid()]
    helpers = [i for i, (_, pid) in enumerate(out) if pid != os.getpid()]
    assert here and helpers
    assert here == list(range(len(here)))  # a prefix
    assert helpers == list(range(len(here), 80))  # and the rest, the helpers' suffix


def test_share_map_leaves_the_front_only_items_to_this_process(monkeypatch):
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    import time

    out = share_map(_slow_square_and_pid, list(range(40)), min_items=2, front_only=30,
                    meanwhile=lambda: time.sleep(0.5))  # the helper meanwhile reaches the front-only ones
    assert [sq for sq, _ in out] == [i * i for i in range(40)]
    assert {pid for _, pid in out[:30]} == {os.getpid()}
    assert any(pid != os.getpid() for _, pid in out[30:])  # the helper took part behind them


def test_share_map_runs_small_jobs_in_process(monkeypatch):
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    out = share_map(_square_and_pid, list(range(5)), min_items=10)
    assert out == [(x * x, os.getpid()) for x in range(5)]


class _HelperFailure(Exception):
    pass


def _record_forks(monkeypatch) -> list[int]:
    """The pids of the processes forked from now on (the test then checks they were reaped:
    other tests may leave children of their own running)."""
    pids: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def _assert_reaped(pids: list[int]) -> None:
    assert pids
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already waited for


def test_share_map_raises_a_helpers_exception_here(monkeypatch):
    """An item that fails in a helper fails the call in this process, with the helper's
    exception; no helper is left behind."""
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    parent = os.getpid()

    def fail_in_helper(x: int) -> int:
        import time

        time.sleep(0.002)
        if os.getpid() != parent:
            raise _HelperFailure(f"item {x}")
        return x

    helpers = _record_forks(monkeypatch)
    with pytest.raises(_HelperFailure, match="item"):
        share_map(fail_in_helper, list(range(40)), min_items=2)
    _assert_reaped(helpers)


def test_share_map_reports_a_helper_that_died(monkeypatch):
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    parent = os.getpid()

    def die_in_helper(x: int) -> int:
        import time

        time.sleep(0.002)
        if os.getpid() != parent:
            os._exit(3)
        return x

    with pytest.raises(RuntimeError, match="ended without sending its results"):
        share_map(die_in_helper, list(range(40)), min_items=2)


def test_share_map_stops_helpers_when_this_process_fails(monkeypatch):
    from sitegen.parallel import share_map

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    parent = os.getpid()

    def fail_here(x: int) -> int:
        import time

        time.sleep(0.01)
        if os.getpid() == parent:
            raise ValueError("parent fails")
        return x

    helpers = _record_forks(monkeypatch)
    with pytest.raises(ValueError, match="parent fails"):
        share_map(fail_here, list(range(200)), min_items=2)
    _assert_reaped(helpers)


# -- Background: one forked helper works out a value while this process goes on ----------


def test_background_works_in_a_helper_and_hands_its_value_back(monkeypatch):
    from sitegen.parallel import Background

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    job = Background(lambda: (os.getpid(), [1, 2, 3]))
    pid, value = job.result()
    assert value == [1, 2, 3] and pid != os.getpid()
    here = Background(lambda: os.getpid(), fork=False)  # runs here, when asked
    assert here.result() == os.getpid()


def test_background_raises_the_helpers_exception_here_and_can_be_stopped(monkeypatch):
    import time

    from sitegen.parallel import Background

    monkeypatch.setenv("SITEGEN_JOBS", "2")

    def fail():
        raise ValueError("bad input in the helper")

    with pytest.raises(ValueError, match="bad input in the helper"):
        Background(fail).result()
    slow = Background(lambda: time.sleep(30))
    (pid, _), = slow.started
    slow.close()  # stopped and reaped at once, not after 30 s
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
