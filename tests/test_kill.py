"""`kill -9` of a build: its workers end with it, the next build runs at once, and the
previous site is left as it was."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


EXTRA = 40  # seeds added to the project's five


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def sitegen(root: Path, *args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, SITEGEN_JOBS="2")
    return subprocess.Popen([sys.executable, "-m", "sitegen", "build", *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
def test_kill_9_mid_build_leaves_no_worker_no_lock_and_the_old_site(project):
    seeds = sorted(project.seeds_dir.glob("*.txt"))
    for n in range(EXTRA):  # enough pages that rendering takes a while
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (project.seeds_dir / f"extra_{n:02d}.txt").write_text(f"第{n}版\n\n{text}", encoding="utf-8")
    first = sitegen(project.root, "-q")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    before = snapshot(project.out_dir)

    for n in range(EXTRA):  # every seed changed: the next build parses and renders again
        path = project.seeds_dir / f"extra_{n:02d}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\n本报记者\n", encoding="utf-8")
    victim = sitegen(project.root, "-q")
    # Kill it while it renders: the new site is half written and a forked helper has most
    # of the pages still to do (it used to go on alone, holding the build's lock).
    new_tree = project.out_dir.parent / f".{project.out_dir.name}.tmp-{victim.pid}"
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while victim.poll() is None and time.monotonic() < deadline:
        if new_tree.is_dir() and (workers := children(victim.pid)):
            break
        time.sleep(0.002)
    assert workers, "the build finished before it was seen rendering with a worker"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=10)

    gone_by = time.monotonic() + 0.5  # the kernel ends them at once; rendering on alone takes seconds
    while any(alive(w) for w in workers) and time.monotonic() < gone_by:
        time.sleep(0.01)
    assert not any(alive(w) for w in workers), "a worker outlived its killed build"
    from sitegen import locks

    state_lock = project.out_dir.parent / f".{project.out_dir.name}.cache.lock"
    fd = locks.try_lock(state_lock)
    assert fd is not None, "the killed build's lock is still held"
    locks.unlock(fd)
    assert snapshot(project.out_dir) == before  # the old site, untouched

    start = time.monotonic()
    after = sitegen(project.root)
    out, err = after.communicate(timeout=300)
    assert after.returncode == 0, err
    assert "another build" not in err
    assert time.monotonic() - start < 120
    assert snapshot(project.out_dir) != before and (project.out_dir / "index.html").is_file()


def test_a_forked_child_does_not_keep_the_lock(tmp_path):
    """flock locks are shared with forked children; sitegen's are closed in them at fork."""
    from sitegen import locks

    path = tmp_path / "build.lock"
    fd = locks.try_lock(path)
    assert fd is not None and locks.try_lock(path) is None  # held: a second taker is refused
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(read_end)
        os.write(write_end, b"ready")
        time.sleep(30)
        os._exit(0)
    try:
        os.close(write_end)
        assert os.read(read_end, 5) == b"ready"
        os.close(fd)  # as if this process died: the kernel drops its descriptor
        locks.forget(fd)
        again = locks.try_lock(path)
        assert again is not None, "the forked child kept the lock"
        locks.unlock(again)
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        os.close(read_end)
