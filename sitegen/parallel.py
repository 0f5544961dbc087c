"""Spread CPU-bound work over the machine's cores with forked worker processes.

Forking lets workers inherit what the parent already loaded (jieba's dictionary, compiled
regexes), so nothing is loaded twice. Results come back in input order. Small jobs, a single
core, platforms without ``fork``, or ``SITEGEN_JOBS=1`` run in-process instead.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 16  # below this, starting processes costs more than it saves

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _libc():
    """The C library (for prctl), loaded in the parent so that workers need not."""
    global _LIBC
    if _LIBC is None:
        try:
            import ctypes

            _LIBC = ctypes.CDLL(None, use_errno=True)
        except (OSError, ImportError):  # pragma: no cover - no ctypes
            _LIBC = False
    return _LIBC


_LIBC = None


def die_with_parent(parent: int) -> None:
    """Run first in a forked worker: the kernel kills it when ``parent`` dies (Linux prctl
    PR_SET_PDEATHSIG), so a build killed with SIGKILL leaves no worker behind. If the parent
    is already gone, exit now. (Elsewhere the worker ends when its pipe to the parent
    closes.)"""
    import signal
    import sys

    libc = _libc()
    if libc and sys.platform.startswith("linux"):
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def job_count() -> int:
    env = os.environ.get("SITEGEN_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], *, min_items: int = MIN_ITEMS,
                 chunksize: int | None = None,
                 meanwhile: Callable[[], object] | None = None) -> Iterator[R]:
    """``map(fn, items)`` over worker processes when it pays; results in input order.

    ``fn`` must be a module-level function (it is pickled by reference). ``meanwhile`` runs
    in this process once the workers have their tasks (before the first result), so the
    parent's own preparations overlap the workers' job; without workers it runs first."""
    jobs = min(job_count(), 8)
    if (jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):  # a pool worker cannot fork its own
        if meanwhile is not None:
            meanwhile()
        yield from map(fn, items)
        return
    size = chunksize or max(1, min(32, len(items) // (jobs * 4)))
    # Objects made so far go to the collector's permanent generation while the workers fork:
    # a collection in a worker then never walks (and so never copies, page by page) the
    # parent's whole heap, which it shares copy-on-write.
    gc.freeze()
    _libc()
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=die_with_parent,
                                                      initargs=(os.getpid(),)) as pool:
            gc.unfreeze()  # the parent collects as usual while the workers run
            results = pool.imap(fn, items, chunksize=size)
            if meanwhile is not None:
                meanwhile()
            yield from results
    finally:
        gc.unfreeze()


# What ``map_shared`` hands its workers: set in the parent just before they fork.
_SHARED: object = None


def _shared_chunk(job: tuple[Callable, Sequence]) -> list:
    fn, part = job
    return [fn(_SHARED, x) for x in part]


def map_shared(fn: Callable[[object, T], R], shared: object, items: Sequence[T]) -> list[R]:
    """``[fn(shared, x) for x in items]`` over forked workers, in input order. ``shared`` is
    large read-only state (a loaded segmenter, an index) that the workers inherit by fork
    instead of receiving it pickled; ``fn`` must be a module-level function. Items go out in
    small contiguous parts, which evens out items of unequal cost."""
    global _SHARED
    parts = chunks(items, min(job_count(), 8) * 8)
    _SHARED = shared
    try:
        return flatten(parallel_map(_shared_chunk, [(fn, p) for p in parts], min_items=2, chunksize=1))
    finally:
        _SHARED = None


def chunks(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """Split ``items`` into ``n`` contiguous, nearly equal slices (for per-chunk work)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def flatten(parts: Iterable[list[R]]) -> list[R]:
    return [x for part in parts for x in part]


def share_map(fn: Callable[[T], R], items: Sequence[T], *, min_items: int = MIN_ITEMS,
              meanwhile: Callable[[], object] | None = None, front_only: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, worked through by this process and ``job_count() - 1``
    forked helpers, this process taking items from the front and the helpers from the back
    until the two meet; results in input order.

    Unlike ``parallel_map``'s pool, this process does its share of the items: once
    ``meanwhile`` (its own other work) is done, it takes items like any helper. A helper
    touches only the objects of the items it takes, and each object a forked process touches
    costs it a copy of the memory page (reference counts are written); a pool of one worker
    per core paid that for every item while this process sat waiting. ``fn`` may be any
    callable (helpers inherit it); each helper's results come back pickled, so a result
    should be small (a worker that writes its page itself reports only that it did).

    The first ``front_only`` items are this process's alone: helpers stop short of them (items
    whose work leaves by-products only this process keeps, which a helper would redo)."""
    helpers = min(job_count(), 8) - 1
    if (helpers < 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):
        if meanwhile is not None:
            meanwhile()
        return list(map(fn, items))
    work = _Shares(fn, items, multiprocessing.get_context("fork"), front_only).work
    started = _fork_helpers(helpers, work)
    results: dict[int, R] = {}
    finished = False
    try:
        if meanwhile is not None:
            meanwhile()
        results.update(work())
        for pid, read_end in started:
            results.update(_helper_results(pid, read_end))
        finished = True
    finally:
        for pid, read_end in started:
            _reap_helper(pid, read_end, stop=not finished)
    return [results[i] for i in range(len(items))]


class _Shares:
    """The items not yet taken, ``items[front:back]`` in a shared array: the process that
    made this takes from the front, its forked helpers from the back (not below
    ``front_only``), so each side works through a run of neighbouring items (a caller that
    orders similar items together, e.g. pages of one kind, lets each process reuse what it
    memoised for the last ones) until the two runs meet."""

    def __init__(self, fn: Callable, items: Sequence, ctx, front_only: int = 0):
        self.fn, self.items, self.front_only = fn, items, front_only
        self.bounds = ctx.Array("q", [0, len(items)])  # [front, back], with its lock
        self.parent = os.getpid()

    def take(self, from_front: bool) -> int | None:
        bounds = self.bounds
        with bounds.get_lock():
            front, back = bounds[0], bounds[1]
            if front >= back:
                return None
            if from_front:
                bounds[0] = front + 1
                return front
            if back <= self.front_only:
                return None
            bounds[1] = back - 1
            return back - 1

    def work(self) -> list[tuple[int, object]]:
        """Take and do items until none is left for this process: (index, result) pairs."""
        here = os.getpid() == self.parent
        done = []
        while (i := self.take(here)) is not None:
            done.append((i, self.fn(self.items[i])))
        return done


def _fork_helpers(helpers: int, work: Callable[[], list]) -> list[tuple[int, int]]:
    """Fork ``helpers`` processes that each run ``work`` and send its results back through a
    pipe: [(pid, read end of its pipe)]."""
    started: list[tuple[int, int]] = []
    parent = os.getpid()
    gc.freeze()  # see parallel_map: a helper's collections then never walk the shared heap
    _libc()
    try:
        for _ in range(helpers):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the helper (coverage does not follow)
                die_with_parent(parent)
                os.close(read_end)
                _helper_main(work, write_end)
            os.close(write_end)
            started.append((pid, read_end))
    finally:
        gc.unfreeze()
    return started


class Background:
    """``fn()`` worked out by a forked helper while this process goes on with other work;
    ``result()`` waits for it (or raises its exception). Where a helper does not pay or
    cannot fork (see ``share_map``), ``result()`` calls ``fn`` here. The value comes back
    pickled: keep it small. ``close()`` stops a helper whose result is no longer wanted.
    ``fork=False``: ``fn`` runs here, when its result is asked for."""

    def __init__(self, fn: Callable[[], R], fork: bool = True):
        self.fn = fn
        self.started: list[tuple[int, int]] = []
        if fork and not (job_count() < 2 or "fork" not in multiprocessing.get_all_start_methods()
                         or multiprocessing.current_process().daemon):
            self.started = _fork_helpers(1, fn)

    def result(self) -> R:
        if not self.started:
            return self.fn()
        (pid, read_end), = self.started
        finished = False
        try:
            value = _helper_results(pid, read_end)
            finished = True
            return value
        finally:
            self.started = []
            _reap_helper(pid, read_end, stop=not finished)

    def close(self) -> None:
        for pid, read_end in self.started:
            _reap_helper(pid, read_end, stop=True)
        self.started = []


def _helper_main(work: Callable[[], list], write_end: int) -> None:  # pragma: no cover - in the helper
    """Run ``work`` in a forked helper, send back ("ok", results) or ("error", exception)
    pickled, and exit without running the parent's clean-up (``os._exit``)."""
    import pickle

    status = 1
    try:
        try:
            message = ("ok", work())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            import traceback

            message = ("error", exc, traceback.format_exc())
        try:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # it does not pickle: its text goes back
            data = pickle.dumps(("error", None, message[-1] if message[0] == "error" else "unpicklable result"))
        with open(write_end, "wb", closefd=True) as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _helper_results(pid: int, read_end: int):
    """The results a helper sent, or its exception raised here."""
    import pickle

    with open(read_end, "rb", closefd=False) as pipe:
        data = pipe.read()
    if not data:
        raise RuntimeError(f"a worker process (pid {pid}) ended without sending its results")
    message = pickle.loads(data)
    if message[0] == "ok":
        return message[1]
    _, exc, text = message
    if isinstance(exc, BaseException):
        raise exc
    raise RuntimeError(f"a worker process failed:\n{text}")


def _reap_helper(pid: int, read_end: int, stop: bool) -> None:
    """Close a helper's pipe and wait for it to exit; ``stop`` it first when this process
    gives up early (an error here or in another helper)."""
    import signal

    os.close(read_end)
    try:
        if stop:
            os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):  # pragma: no cover - already gone
        pass
