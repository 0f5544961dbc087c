"""The parser's CPU time, this checkout side by side with another one, interleaved.

    .venv/bin/python bench/parse_cpu.py OTHER_CHECKOUT [--n 1000] [--rounds 3]

Generates the ``--n``-article bench corpus (``bench/corpus.py``, RNG seed 0) once, then for
each round runs ``sitegen parse --json`` over all of its seed files with this checkout's code
and with ``OTHER_CHECKOUT``'s (a worktree of another commit: ``git worktree add /tmp/x REV``),
alternating which goes first, each in a fresh process (one core, no parallel parse). Prints
the user + system CPU of each run, the best of each side and their ratio (this / other), and
whether the two parses printed the same JSON. CPU, not wall clock: less sensitive to a busy
machine, but take the figures on a quiet one. Each run includes the interpreter's and the
parser's start-up (~0.3 s), the same on both sides.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_RUN = ("import sys; sys.path.insert(0, sys.argv[1]); from sitegen.cli import main; "
        "sys.exit(main(['parse', '--json', '--no-corrections', *sys.argv[2:]]))")


def timed_parse(checkout: Path, seeds: list[Path]) -> tuple[float, str]:
    """(user + system CPU seconds, sha256 of the JSON) of one parse in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", _RUN, str(checkout), *map(str, seeds)],
                         check=True, capture_output=True, cwd=checkout,
                         env={**os.environ, "SITEGEN_JOBS": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, hashlib.sha256(out.stdout).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path, help="another checkout of sitegen (e.g. a git worktree)")
    ap.add_argument("--n", type=int, default=1000, help="articles in the bench corpus")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    other = args.other.resolve()
    if not (other / "sitegen" / "parse").is_dir():
        ap.error(f"{other}: not a sitegen checkout")
    with tempfile.TemporaryDirectory(prefix="sitegen-parse-cpu-") as tmp:
        subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(args.n), tmp],
                       check=True, stdout=subprocess.DEVNULL)
        seeds = sorted((Path(tmp) / "seeds").glob("*.txt"))
        sides = {"this": REPO, "other": other}
        cpu: dict[str, list[float]] = {name: [] for name in sides}
        digests: dict[str, set[str]] = {name: set() for name in sides}
        for r in range(args.rounds):
            order = list(sides) if r % 2 == 0 else list(reversed(sides))
            for name in order:
                seconds, digest = timed_parse(sides[name], seeds)
                cpu[name].append(seconds)
                digests[name].add(digest)
                print(f"round {r + 1} {name:5} {seconds:.3f} s", flush=True)
    best = {name: min(values) for name, values in cpu.items()}
    same = digests["this"] == digests["other"] and len(digests["this"]) == 1
    print(f"parse CPU over {len(seeds)} seed files, best of {args.rounds}: this {best['this']:.3f} s, "
          f"other {best['other']:.3f} s, ratio {best['this'] / best['other']:.3f}x; "
          f"output {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
