"""What the reading aid (issue 22) costs a cold build: the same corpus built with and without it.

    python bench/reading_aid.py                     # 1,000 articles, 4 interleaved rounds
    python bench/reading_aid.py --n 1000 --repeat 6
    python bench/reading_aid.py --other /tmp/main-code   # also that checkout's code (aid on, its default)

Uses the corpus and prefilled translation memory of ``bench/run.py`` (under
``$SITEGEN_BENCH_DIR``, default /tmp/sitegen-bench). Each round makes one cold build with
``reading_aid = true`` and one with ``reading_aid = false`` (and one with ``--other``'s code,
run with ``PYTHONPATH`` set to it), in an order that alternates between rounds, so that a busy
machine slows all sides alike. Prints each side's median wall and CPU seconds (the build's own
and its render helpers'), the ratio with/without (budget: <= 1.15) and the load average before
and after.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402

BUDGET = 1.15


def configs(work: Path) -> dict[str, Path]:
    """Bench configs with the reading aid on and off, each with its own output and memory."""
    out = {}
    for name, aid in (("aid", True), ("no-aid", False)):
        path = bench.write_config(work, out=f"site-{name}", memory=f"memory-{name}.json", name=f"{name}.toml")
        if not aid:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\n[paths]", "reading_aid = false\n\n[paths]", 1), encoding="utf-8")
        out[name] = path
    return out


def cold(work: Path, name: str, config: Path, i: int, env: dict | None = None) -> dict:
    """One cold build: no output, no state, the pristine memory."""
    memory = config.with_name("memory-aid.json" if name == "other" else f"memory-{name}.json")
    shutil.copyfile(work / "memory.pristine.json", memory)
    site = work / f"site-{name}"
    bench.set_aside(site)
    bench.set_aside(work / f".site-{name}.cache")
    cmd = [str(bench.PYTHON), "-m", "sitegen", "build", "--config", str(config)]
    before = os.times()
    r = bench.run_timed(cmd, work, work / "logs" / f"aid-{name}.{i}.log", env=env)
    r["user_s"] = os.times().children_user - before.children_user
    if r["rc"] != 0:
        sys.exit(f"{name} build failed (exit {r['rc']}):\n{bench._tail(r['log'])}")
    return r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    ap.add_argument("--repeat", type=int, default=4, help="interleaved rounds (default 4)")
    ap.add_argument("--other", type=Path, help="a checkout of other sitegen code to time beside (aid on)")
    args = ap.parse_args(argv)

    work = bench.ensure_corpus(args.n, 0)
    bench.ensure_memory(work)
    bench.compile_sitegen()
    (work / "logs").mkdir(exist_ok=True)
    cfg = configs(work)
    sides = ["aid", "no-aid"]
    envs: dict[str, dict | None] = {"aid": None, "no-aid": None}
    if args.other:
        other = args.other.resolve()
        path = bench.write_config(work, out="site-other", memory="memory-aid.json", name="other.toml")
        # its own templates, static files, themes and dictionary: they go with its code
        path.write_text(path.read_text(encoding="utf-8").replace(str(bench.REPO), str(other)), encoding="utf-8")
        cfg["other"] = path
        envs["other"] = {"PYTHONPATH": str(other)}
        sides.append("other")
    bench.wait_until_quiet()
    load_before = os.getloadavg()
    runs: dict[str, list[dict]] = {s: [] for s in sides}
    for i in range(args.repeat):
        order = sides if i % 2 == 0 else sides[::-1]
        for side in order:
            runs[side].append(cold(work, side, cfg[side], i, envs[side]))
        print(f"round {i + 1}: " + "  ".join(f"{s} {runs[s][-1]['s']:.2f} s wall {runs[s][-1]['cpu_s']:.2f} s CPU"
                                            for s in sides), flush=True)
    load_after = os.getloadavg()

    def med(side: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[side])

    print(f"\nn={args.n}, {args.repeat} rounds; load average before {load_before[0]:.2f} "
          f"{load_before[1]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f} (on {os.cpu_count()} cores)")
    for side in sides:
        print(f"{side:7s} wall median {med(side, 's'):.2f} s  CPU median {med(side, 'cpu_s'):.2f} s "
              f"(user {med(side, 'user_s'):.2f} s)  peak {max(r['peak_mb'] for r in runs[side]):.0f} MB")
    pairs_cpu = [a["cpu_s"] / b["cpu_s"] for a, b in zip(runs["aid"], runs["no-aid"])]
    pairs_wall = [a["s"] / b["s"] for a, b in zip(runs["aid"], runs["no-aid"])]
    cpu_ratio = med("aid", "cpu_s") / med("no-aid", "cpu_s")
    # System time is mostly the file system's (creating the sites' files), which on a shared
    # machine swings with what others delete (see TRASH in run.py); user time is the code's own.
    print(f"with/without the reading aid, user CPU only: {med('aid', 'user_s') / med('no-aid', 'user_s'):.3f}")
    wall_ratio = med("aid", "s") / med("no-aid", "s")
    print(f"with/without the reading aid: CPU {cpu_ratio:.3f} (per round {', '.join(f'{p:.2f}' for p in pairs_cpu)}), "
          f"wall {wall_ratio:.3f} (per round {', '.join(f'{p:.2f}' for p in pairs_wall)}); budget {BUDGET}")
    if args.other:
        print(f"this code / other code, both with the aid: CPU {med('aid', 'cpu_s') / med('other', 'cpu_s'):.3f}, "
              f"wall {med('aid', 's') / med('other', 's'):.3f}")
    bench.empty_trash()
    return 0 if cpu_ratio <= BUDGET and wall_ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
