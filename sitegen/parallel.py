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
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
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
