"""Lock files that only the build process holds, so they die with it.

A build holds its locks with ``flock``, which the kernel drops when the last descriptor of
the lock file is closed — also when the process is killed. But a forked worker inherits
the descriptors, and with them the lock: a build killed with SIGKILL left workers that kept
"another build of this site is running" true for 15–25 s. Descriptors registered here are
closed in every forked child right after the fork (the lock stays with the parent: a
duplicate closed without ``LOCK_UN`` does not release it). ``sitegen.parallel`` also makes
its workers end with the parent.
"""
from __future__ import annotations

import fcntl
import os

_HELD: set[int] = set()


def _close_in_child() -> None:
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:  # pragma: no cover - already closed
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


def try_lock(path: os.PathLike | str, flags: int = os.O_RDWR | os.O_CREAT) -> int | None:
    """Open ``path`` and take an exclusive ``flock`` without waiting: the descriptor, or None
    when another process holds the lock (the descriptor is then closed)."""
    fd = os.open(path, flags | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    _HELD.add(fd)
    return fd


def unlock(fd: int) -> None:
    """Release and close a descriptor from :func:`try_lock`."""
    _HELD.discard(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def forget(fd: int) -> None:
    """Stop tracking ``fd`` (closed by its owner some other way)."""
    _HELD.discard(fd)
