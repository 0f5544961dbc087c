"""Build speed and scale, side by side with Pelican and Hugo (issues 7 and 23).

    .venv/bin/python bench/run.py [--sizes 100,1000,10000] [--skip-pelican] [--skip-hugo] [--profile]
    .venv/bin/python bench/run.py --archive 10000

For each size N it generates (once, deterministically: ``bench/corpus.py``) N articles as
newspaper-page seeds and as Pelican markdown under ``/tmp/sitegen-bench/nN/``, prefills a
bench-only translation memory so that every text the build translates is already in it,
then times, each build in its own subprocess (wall clock; peak RSS from ``os.wait4``):

- ``cold``: fresh output directory, no incremental state, memory prefilled;
- ``noop``: the same build again (nothing changed);
- ``one_changed``: after a paragraph is appended to one seed;
- ``pelican``: ``pelican content -o output -s pelicanconf.py`` on the same N articles
  (default theme, quickstart-like config), in a venv of its own under the work dir,
  created on first use. Pelican is never a dependency of sitegen.
- ``hugo``: ``hugo --quiet --destination output`` on the same N articles as Hugo content
  with a minimal theme the bench writes (``bench/hugo.py``), no ``output/`` or
  ``resources/``, after one untimed warm-up run. The ``hugo`` on PATH (Debian's package),
  installed for the bench only; without one the bench says so and leaves Hugo out.

It prints a table and, last, ``summary: n=1000 cold_s=… noop_s=… one_changed_s=…
pelican_s=… ratio_vs_pelican=… hugo_s=… ratio_vs_hugo=…`` (ratio = other tool's seconds /
cold_s: above 1 sitegen is faster).

``--archive N`` instead times the daily update of a growing archive: a cold build of an
N-article archive (``WORK/archiveN``), then one day's pages (``DAY_SEEDS`` more seed files)
added and the site rebuilt; last line ``archive: n=N cold_s=… add_day_s=… add_day_pct=…
existing_changed_pct=…`` (add_day_pct = add_day_s / cold_s, in %; existing_changed_pct =
the share of the archive's article pages whose bytes changed, or that went away).
``--profile`` also runs the N=1000 (or ``--profile-size``) cold build under cProfile and
prints where the time goes, by stage and by function.

The prefilled memory: a throwaway build (untimed, output in ``nN/prefill/``) runs with
the translation service wrapped so that every text it is asked for that is not yet in the
memory gets an entry ``"[bench] <key>"`` (model ``bench-filler``) through the memory API
before the lookup. It runs on the corpus and on the corpus with the one changed seed, so the
three timed builds share one memory and never need the model. It is written to
``nN/memory.pristine.json`` and copied to ``nN/memory.json`` before each cold build;
the repo's ``translations/memory.json`` is never touched.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = Path(os.environ.get("SITEGEN_BENCH_DIR", "/tmp/sitegen-bench"))
PYTHON = Path(sys.executable)
CHANGED_PARAGRAPH = ("本报讯 基准测试追加的段落：当地持续推进产业发展，"
                     "带动群众就业增收，民生福祉不断改善。")

sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
import hugo  # noqa: E402


# -- helpers ------------------------------------------------------------------------------


def _digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def child_env(extra: dict | None = None) -> dict:
    """The environment of every command the bench runs. Without PYTHONDONTWRITEBYTECODE
    (set on some machines, this one included): both tools then run from compiled bytecode,
    as installed software does. pip compiled Pelican's when it installed it; sitegen, an
    editable install, gets its bytecode from ``compile_sitegen`` (untimed)."""
    env = {**os.environ, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_sitegen() -> None:
    """Write sitegen's bytecode (``__pycache__``, ignored by git) before the timed builds."""
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(REPO / "sitegen")], check=True,
                   env=child_env(), stdout=subprocess.DEVNULL)


def run_timed(cmd: list[str], cwd: Path, log: Path, env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds, exit code and the child's own peak RSS (MB)."""
    with open(log, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=child_env(env))
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"s": wall, "rc": proc.returncode, "peak_mb": usage.ru_maxrss / 1024,
            "cpu_s": usage.ru_utime + usage.ru_stime, "log": str(log)}


def _tail(path: str, n: int = 15) -> str:
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(lines[-n:])


# -- corpus and config --------------------------------------------------------------------


def corpus_stamp(n: int, seed: int) -> dict:
    return {"articles": n, "seed": seed, "generator": corpus.GENERATOR_VERSION,
            "code": _digest_file(HERE / "corpus.py")}


def ensure_corpus(n: int, seed: int) -> Path:
    work = WORK / f"n{n}"
    stamp_path = work / "stamp.json"
    stamp = corpus_stamp(n, seed)
    if stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        write_config(work)  # the corpus is shared; templates and static must be this checkout's
        return work
    print(f"[n={n}] generating corpus in {work}", flush=True)
    set_aside(work)
    work.mkdir(parents=True)
    corpus.generate(n, work, seed)
    write_config(work)
    write_pelican_config(work / "pelican")
    stamp_path.write_text(json.dumps(stamp))
    return work


def write_config(work: Path, seeds: str = "seeds", out: str = "site", memory: str = "memory.json",
                 name: str = "sitegen.toml") -> Path:
    def q(p: Path | str) -> str:
        return json.dumps(str(p))

    text = f"""# sitegen bench config (generated by bench/run.py)
title = "Bench Digest"

[paths]
seeds = {q(seeds)}
out = {q(out)}
memory = {q(memory)}
templates = {q(REPO / "templates")}
static = {q(REPO / "static")}
themes = {q(REPO / "themes.toml")}
dictionary = {q(REPO / "dictionary")}
"""
    path = work / name
    path.write_text(text, encoding="utf-8")
    return path


def write_pelican_config(folder: Path) -> None:
    # What `pelican-quickstart` writes for a local site (feeds off while developing,
    # pagination on, relative URLs), with Pelican's default theme.
    (folder / "pelicanconf.py").write_text("""AUTHOR = "bench"
SITENAME = "Bench Digest"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "zh"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
""", encoding="utf-8")


def changed_seed(work: Path) -> Path:
    """The seed that the one-changed build modifies: the middle one."""
    seeds = sorted((work / "seeds").glob("*.txt"))
    return seeds[len(seeds) // 2]


def append_paragraph(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\n" + CHANGED_PARAGRAPH + "\n", encoding="utf-8")


# -- memory prefill (runs in a subprocess: `run.py --prefill DIR`) ------------------------


def prefill_main(work: Path, archive: bool = False) -> int:
    """Fill ``work/memory.pristine.json`` with a ``[bench]`` entry for every text the build
    translates, for the corpus and for the corpus with the changed seed (with ``archive``:
    the corpus with the day's seeds added)."""
    import dataclasses

    import sitegen.translate as translate_pkg
    import sitegen.translate.service as service_mod
    from sitegen.build import build
    from sitegen.config import load_config
    from sitegen.progress import Reporter
    from sitegen.translate.memory import MemoryEntry
    from sitegen.translate.text import normalise, source_key

    base = service_mod.TranslationService
    counts = {"added": 0, "asked": 0}

    class BenchFiller(base):  # type: ignore[misc, valid-type]
        def translate(self, texts):
            texts = list(texts)
            for text in texts:
                if text and normalise(text):
                    counts["asked"] += 1
                    key = source_key(text)
                    if key not in self.memory.entries:
                        self.memory.put(MemoryEntry(
                            hash=key, source=" ".join(text.split()), translation=f"[bench] {key}",
                            model="bench-filler", model_version=None, date=None, reviewed=False))
                        counts["added"] += 1
            return super().translate(texts)

    translate_pkg.TranslationService = BenchFiller
    service_mod.TranslationService = BenchFiller

    pristine = work / "memory.pristine.json"
    pristine.unlink(missing_ok=True)
    prefill_dir = work / "prefill"
    set_aside(prefill_dir)  # deleted at the end of the run (see TRASH)
    seeds_changed = prefill_dir / "seeds"
    shutil.copytree(work / "seeds", seeds_changed)
    if archive:
        add_day_seeds(work, seeds_changed)
    else:
        append_paragraph(seeds_changed / changed_seed(work).name)

    config = load_config(work / "sitegen.toml")
    config = dataclasses.replace(config, memory_path=pristine, out_dir=prefill_dir / "site")
    quiet = Reporter(0)
    t0 = time.perf_counter()
    r1 = build(config, reporter=quiet)
    t1 = time.perf_counter()
    # A second output directory: rebuilding the first would delete the pages it replaces.
    r2 = build(dataclasses.replace(config, seeds_dir=seeds_changed, out_dir=prefill_dir / "site-changed"),
               reporter=quiet)
    t2 = time.perf_counter()
    set_aside(prefill_dir)
    info = {"entries_added": counts["added"], "articles": r1.articles, "articles_changed": r2.articles,
            "pending_after": r2.pending, "build1_s": round(t1 - t0, 2), "build2_s": round(t2 - t1, 2)}
    print(json.dumps(info))
    return 0


def ensure_memory(work: Path, archive: bool = False) -> dict:
    stamp_path = work / "memory.stamp.json"
    stamp = {"corpus": json.loads((work / "stamp.json").read_text()), "code": _code_digest()}
    if (work / "memory.pristine.json").is_file() and stamp_path.is_file():
        old = json.loads(stamp_path.read_text())
        if old.get("stamp") == stamp:
            return old["info"]
    print(f"[{work.name}] prefilling the bench translation memory (untimed)", flush=True)
    flag = "--prefill-archive" if archive else "--prefill"
    proc = subprocess.run([str(PYTHON), str(HERE / "run.py"), flag, str(work)],
                          cwd=work, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"prefill failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    stamp_path.write_text(json.dumps({"stamp": stamp, "info": info}))
    return info


def _code_digest() -> str:
    """sitegen's own code: a change to it invalidates the prefilled memory."""
    h = hashlib.sha256()
    for p in sorted((REPO / "sitegen").rglob("*.py")):
        h.update(str(p.relative_to(REPO)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


# -- the timed builds ---------------------------------------------------------------------


def sitegen_cmd(work: Path) -> list[str]:
    return [str(PYTHON), "-m", "sitegen", "build", "--config", str(work / "sitegen.toml")]


# Output of earlier builds is moved here and deleted only once all timings are done. On ext4
# without a journal (this machine's root file system) the kernel will not reuse an inode freed
# less than 60 s ago, or 360 s ago while its inode-table block is dirty (``recently_deleted``
# in fs/ext4/ialloc.c, RECENTCY_MIN and RECENTCY_DIRTY), and every file created in that
# block group scans past each such inode first: creating a site soon after deleting one costs
# time that grows with the product of the two file counts, charged to whichever tool runs
# next and most to the one that writes more files. Measured here: 2,300 files take 0.05 s to
# create, 0.5-1.5 s within minutes of deleting a few thousand; a bench run started a minute
# after the previous one emptied its trash timed sitegen's first four cold builds at
# 2.6-3.7 s (5.3 s of CPU) and the fifth, six minutes on, at 2.1 s.
TRASH = WORK / "trash"
DELETED_AT = WORK / "deleted-at"  # when the bench last deleted many files (time.time())
QUIET_S = 370.0  # RECENTCY_MIN + RECENTCY_DIRTY, and a margin


def set_aside(path: Path) -> None:
    """Move ``path`` (if present) out of the way without freeing its inodes now."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{path.parent.name}-{path.name}-{time.time_ns()}")


def empty_trash() -> None:
    """Delete what was set aside, and note when (see ``wait_until_quiet``)."""
    if TRASH.exists():
        shutil.rmtree(TRASH, ignore_errors=True)
        DELETED_AT.write_text(repr(time.time()))


def wait_until_quiet() -> None:
    """Before timing anything, wait until files the bench deleted (in this run or an earlier
    one) no longer slow down file creation (see TRASH)."""
    try:
        since = time.time() - float(DELETED_AT.read_text())
    except (OSError, ValueError):
        return
    if 0 <= since < QUIET_S:
        wait = QUIET_S - since
        print(f"waiting {wait:.0f} s: files deleted {since:.0f} s ago still slow down file creation "
              f"here (ext4 without a journal; see TRASH in bench/run.py)", flush=True)
        time.sleep(wait)


def clear_output(work: Path) -> None:
    set_aside(work / "site")
    set_aside(work / ".site.cache")


def pending_in(log: str) -> bool:
    """Whether a build's output says texts still await translation ("translation: … N pending"
    with N > 0, or the notice about texts that await the model); "0 pending" is not."""
    text = Path(log).read_text(encoding="utf-8", errors="replace")
    return re.search(r"\b[1-9]\d* pending", text) is not None or "await" in text


def _check(n: int, tool: str, name: str, r: dict) -> dict:
    if r["rc"] != 0:
        sys.exit(f"[n={n}] {tool} {name} build failed (exit {r['rc']}):\n{_tail(r['log'])}")
    return r


def sitegen_cold(work: Path, n: int, i: int) -> dict:
    """Round ``i``'s cold build: no output, no state, the pristine memory."""
    (work / "logs").mkdir(exist_ok=True)
    shutil.copyfile(work / "memory.pristine.json", work / "memory.json")
    clear_output(work)
    r = _check(n, "sitegen", "cold", run_timed(sitegen_cmd(work), work, work / "logs" / f"cold.{i}.log"))
    _check_translations(work, n, {"cold": r})
    return r


def _check_translations(work: Path, n: int, builds: dict[str, dict]) -> None:
    """Note (``pending``) and report a timed build that left texts pending (so the model
    path ran), and a build that wrote to the bench memory (a text was missing from it)."""
    for name, r in builds.items():
        r["pending"] = pending_in(r["log"])
        if r["pending"]:
            print(f"[n={n}] warning: the {name} build reports pending translations "
                  f"(the model path was exercised): see {r['log']}", flush=True)
    if memory_changed(work):
        print(f"[n={n}] warning: a build wrote to the bench memory (a text was missing)", flush=True)


def sitegen_incremental(work: Path, n: int, i: int) -> dict:
    """Round ``i``'s rebuilds of the site the last build left: nothing changed, then one
    seed changed; the seed is restored and the site rebuilt (untimed) for the next round.
    They run after every cold build: the one-changed build deletes the pages it replaces,
    which would slow the file creation of cold builds after it (see TRASH)."""
    seed = changed_seed(work)
    original = seed.read_bytes()
    logs = work / "logs"
    res: dict = {}
    try:
        res["noop"] = _check(n, "sitegen", "noop", run_timed(sitegen_cmd(work), work, logs / f"noop.{i}.log"))
        append_paragraph(seed)
        res["one_changed"] = _check(n, "sitegen", "one_changed",
                                    run_timed(sitegen_cmd(work), work, logs / f"one_changed.{i}.log"))
    finally:
        seed.write_bytes(original)
    _check(n, "sitegen", "restoring", run_timed(sitegen_cmd(work), work, logs / f"restore.{i}.log"))
    _check_translations(work, n, res)
    if "nothing changed" not in Path(res["noop"]["log"]).read_text(encoding="utf-8"):
        print(f"[n={n}] warning: the no-op rebuild did not skip: see {res['noop']['log']}", flush=True)
    return res


def sitegen_summary(runs: list[dict]) -> dict:
    """The run with the median time of each kind of build (all runs are in ``runs``)."""
    out = {name: median_run([r[name] for r in runs]) for name in ("cold", "noop", "one_changed")}
    out["runs"] = runs
    return out


def median_run(rs: list[dict]) -> dict:
    """The run with the median wall time (the lower middle one for an even count);
    ``peak_mb`` is the highest of all runs."""
    ordered = sorted(rs, key=lambda r: r["s"])
    pick = dict(ordered[(len(ordered) - 1) // 2])
    pick["peak_mb"] = max(r["peak_mb"] for r in rs)
    pick["all_s"] = [round(r["s"], 3) for r in rs]
    return pick


def memory_changed(work: Path) -> bool:
    return (work / "memory.json").read_bytes() != (work / "memory.pristine.json").read_bytes()


def pelican_venv() -> Path:
    venv = WORK / "pelican-venv"
    exe = venv / "bin" / "pelican"
    if not exe.exists():
        print(f"creating {venv} (pip install pelican markdown)", flush=True)
        subprocess.run([str(PYTHON), "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pelican", "markdown"], check=True)
    return exe


def pelican_cmd() -> list[str]:
    return [str(pelican_venv()), "content", "-o", "output", "-s", "pelicanconf.py", "-q"]


def pelican_warm_up(work: Path) -> None:
    """Untimed: compiles Pelican's bytecode and warms the page cache, as the prefill build
    and ``compile_sitegen`` do for sitegen."""
    folder = work / "pelican"
    (work / "logs").mkdir(exist_ok=True)
    set_aside(folder / "output")
    run_timed(pelican_cmd(), folder, work / "logs" / "pelican-warmup.log")


def pelican_round(work: Path, n: int, i: int) -> dict:
    folder = work / "pelican"
    set_aside(folder / "output")
    set_aside(folder / "cache")
    return _check(n, "pelican", "cold", run_timed(pelican_cmd(), folder, work / "logs" / f"pelican.{i}.log"))


def pelican_summary(work: Path, runs: list[dict]) -> dict:
    r = median_run(runs)
    r["pages"] = sum(1 for p in (work / "pelican" / "output").rglob("*.html"))
    return r


def ensure_hugo_site(work: Path) -> Path:
    """``work/hugo``: the corpus's Pelican articles as a Hugo site (``bench/hugo.py``),
    rewritten when the corpus or hugo.py changed."""
    folder = work / "hugo"
    stamp = {"corpus": json.loads((work / "stamp.json").read_text()), "code": _digest_file(HERE / "hugo.py")}
    stamp_path = folder / "stamp.json"
    if stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        return folder
    set_aside(folder)
    hugo.write_site(folder, work / "pelican" / "content")
    stamp_path.write_text(json.dumps(stamp))
    return folder


def hugo_round(work: Path, n: int, exe: str, name: str) -> dict:
    """A cold Hugo build: no ``output/``, no ``resources/`` (its cache of generated files)."""
    folder = work / "hugo"
    set_aside(folder / "output")
    set_aside(folder / "resources")
    (work / "logs").mkdir(exist_ok=True)
    return _check(n, "hugo", "cold", run_timed(hugo.hugo_cmd(exe), folder, work / "logs" / f"hugo.{name}.log"))


def hugo_summary(work: Path, runs: list[dict]) -> dict:
    r = median_run(runs)
    r["pages"] = sum(1 for p in (work / "hugo" / "output").rglob("*.html"))
    return r


def bench_both(work: Path, n: int, repeat: int, pelican: bool,
               hugo_exe: str | None = None) -> tuple[dict, dict | None, dict | None]:
    """``repeat`` rounds of cold builds, each sitegen's, then Pelican's, then Hugo's, so the tools
    meet the same machine (on a shared host speed drifts by 10-20 % over minutes: timing all
    of one tool's builds before the other's put that drift into the ratio); then ``repeat``
    rounds of sitegen's no-op and one-changed rebuilds. Nothing is deleted until the run
    ends (see TRASH)."""
    compile_sitegen()
    if pelican:
        pelican_warm_up(work)
    if hugo_exe:
        ensure_hugo_site(work)
        hugo_round(work, n, hugo_exe, "warmup")  # untimed: the page cache, as for Pelican
    wait_until_quiet()
    sg_runs, pel_runs, hugo_runs = [], [], []
    for i in range(repeat):
        sg_runs.append({"cold": sitegen_cold(work, n, i)})
        if pelican:
            pel_runs.append(pelican_round(work, n, i))
        if hugo_exe:
            hugo_runs.append(hugo_round(work, n, hugo_exe, str(i)))
    for i in range(repeat):
        sg_runs[i].update(sitegen_incremental(work, n, i))
    return (sitegen_summary(sg_runs), pelican_summary(work, pel_runs) if pelican else None,
            hugo_summary(work, hugo_runs) if hugo_exe else None)


# -- profile --------------------------------------------------------------------------------

STAGES = [
    ("imports + CLI start-up", None),
    ("input fingerprint", "inputs.py:input_fingerprint"),
    ("parse (read + parse seeds)", "parse.py:parse_all"),
    ("translate (memory lookups)", "service.py:translate"),
    ("memory load", "memory.py:load"),
    ("taxonomy + segmenter + tables (overlaps parse)", "grouping.py:prepare_grouping"),
    ("group (jieba, themes, tags, related)", "group_articles"),
    ("render (Jinja2, search, feeds)", "render_changed"),
    ("write (swap in)", "write.py:__exit__"),
    ("state save", "state.py:save"),
]


def profile_cold(work: Path) -> Path:
    shutil.copyfile(work / "memory.pristine.json", work / "memory.json")
    clear_output(work)
    prof = work / "cold.prof"
    prof.unlink(missing_ok=True)
    # Not ``python -m cProfile -m sitegen build``: sitegen's CLI ends with os._exit (no
    # interpreter teardown), so cProfile would never write its file.
    cmd = [str(PYTHON), str(HERE / "run.py"), "--profile-build", str(work), str(prof)]
    r = _check(int(work.name[1:]), "sitegen", "profiled", run_timed(cmd, work, work / "logs" / "profile.log"))
    print("\n" + stage_times(work))
    print(f"\nprofile of the cold build, n={work.name[1:]} (under cProfile: {r['s']:.2f}s wall; this process only — parse and render workers are not in it)")
    print(summarise_profile(prof))
    return prof


def profile_build_main(work: Path, prof: Path) -> int:
    """A cold build (the caller cleared the output) under cProfile, in this process, from
    sitegen's imports on; the stats go to ``prof``."""
    import cProfile

    def cold_build() -> None:  # one root frame: its cumulative time is the total
        from sitegen.build import build
        from sitegen.config import load_config
        from sitegen.progress import Reporter

        build(load_config(work / "sitegen.toml"), reporter=Reporter(0))

    profiler = cProfile.Profile()
    profiler.runcall(cold_build)
    profiler.dump_stats(str(prof))
    return 0


def stage_times_main(work: Path) -> int:
    """Cold build in this process with each stage wrapped in a timer (no profiler overhead,
    which inflates the many small calls of parse and jieba several-fold)."""
    t_start = time.perf_counter()
    c_start = time.process_time()
    import sitegen.build as build_mod
    import sitegen.group as group_pkg
    import sitegen.render as render_pkg
    import sitegen.translate.service as service_mod
    from sitegen.config import load_config
    from sitegen.progress import Reporter

    times: dict[str, list[float]] = {}

    def timed(name, fn):
        def wrapper(*a, **kw):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                acc = times.setdefault(name, [0.0, 0.0])
                acc[0] += time.perf_counter() - t0
                acc[1] += time.process_time() - c0
        return wrapper

    build_mod.input_fingerprint = timed("input fingerprint", build_mod.input_fingerprint)
    build_mod.parse_all = timed("parse (read + parse seeds)", build_mod.parse_all)
    if hasattr(build_mod, "write_site"):
        build_mod.write_site = timed("write (atomic)", build_mod.write_site)
    if hasattr(build_mod, "SiteWriter"):  # pages stream to disk inside render; time the rest
        build_mod.SiteWriter.keep = timed("write (carry over unchanged)", build_mod.SiteWriter.keep)
        build_mod.SiteWriter.__exit__ = timed("write (swap in)", build_mod.SiteWriter.__exit__)
    group_pkg.load_taxonomy = timed("taxonomy load", group_pkg.load_taxonomy)
    group_pkg.group_articles = timed("group (jieba, themes, tags, related)", group_pkg.group_articles)
    for name in ("render_changed", "render_site"):  # whichever the build calls
        if hasattr(render_pkg, name):
            setattr(render_pkg, name, timed("render + streamed write", getattr(render_pkg, name)))
    cls = service_mod.TranslationService
    cls.translate = timed("translate (memory lookups)", cls.translate)
    cls.__init__ = timed("memory load + lock", cls.__init__)
    t_imp, c_imp = time.perf_counter() - t_start, time.process_time() - c_start
    shutil.copyfile(work / "memory.pristine.json", work / "memory.json")
    clear_output(work)
    t0, c0 = time.perf_counter(), time.process_time()
    build_mod.build(load_config(work / "sitegen.toml"), reporter=Reporter(0))
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    out = {"imports (this process)": [t_imp, c_imp]}
    out.update(times)
    out["other (in build)"] = [t_build - sum(v[0] for v in times.values()),
                               c_build - sum(v[1] for v in times.values())]
    out["total"] = [t_imp + t_build, c_imp + c_build]
    print(json.dumps(out))
    return 0


def stage_times(work: Path) -> str:
    proc = subprocess.run([str(PYTHON), str(HERE / "run.py"), "--stage-times", str(work)],
                          cwd=work, capture_output=True, text=True)
    if proc.returncode != 0:
        return f"stage timing failed: {proc.stderr[-2000:]}"
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    total_cpu = data["total"][1] or 1.0
    lines = [f"stage times of a cold build, n={work.name[1:]}, no profiler "
             f"(wall is inflated when the machine is busy; cpu is this process's own)",
             f"{'stage':40} {'wall s':>7} {'cpu s':>7} {'cpu share':>9}"]
    for name, (wall, cpu) in data.items():
        lines.append(f"{name:40} {wall:7.2f} {cpu:7.2f} {100 * cpu / total_cpu:8.1f}%")
    return "\n".join(lines)


def summarise_profile(prof: Path, top: int = 25) -> str:
    import io
    import pstats

    st = pstats.Stats(str(prof))
    stats = st.stats  # type: ignore[attr-defined]
    total = max(v[3] for v in stats.values())  # cumulative of the outermost frame

    def cum(pattern: str) -> float:
        best = 0.0
        for (file, line, func), v in stats.items():
            if f"{Path(file).name}:{func}" .endswith(pattern) or func == pattern:
                best = max(best, v[3])
        return best

    lines = [f"{'stage':40} {'cum s':>7} {'share':>6}"]
    build_s = cum("build.py:build")
    for name, pattern in STAGES:
        s = total - build_s if pattern is None else cum(pattern)
        if pattern == "render_changed" and not s:
            s = cum("site.py:render_site")
        lines.append(f"{name:40} {s:7.2f} {100 * s / total:5.1f}%")
    for label, pattern in [("  of which grouping tables (IDF, POS)", "text.py:__init__"),
                           ("  of which word splitting (rjieba)", "<method 'cut' of 'builtins.Jieba' objects>"),
                           ("  of which Jinja2 template compile", "environment.py:_parse"),
                           ("  of which parse cache writes", "state.py:put_parse_encoded")]:
        s = cum(pattern)
        lines.append(f"{label:40} {s:7.2f} {100 * s / total:5.1f}%")
    lines.append(f"{'total':40} {total:7.2f}")
    buf = io.StringIO()
    pstats.Stats(str(prof), stream=buf).sort_stats("tottime").print_stats(top)
    body = buf.getvalue()
    body = body[body.find("   ncalls"):]
    return "\n".join(lines) + f"\n\ntop {top} functions by own time:\n" + body


# -- the daily update of a growing archive (issue 23) ------------------------------------------

DAY_SEEDS = 10  # one day's pages
DAY_RNG = 1_000_003  # the day's pages come from an RNG seed no archive uses


def ensure_archive(n: int, seed: int) -> Path:
    """``WORK/archiveN``: an N-article corpus (``seeds/``, no Pelican copy), its config, and
    one day's pages in ``day/``: ``DAY_SEEDS`` more generated seed files, numbered after the
    archive's as a maintainer would add the next pages."""
    work = WORK / f"archive{n}"
    stamp_path = work / "stamp.json"
    stamp = {**corpus_stamp(n, seed), "day": [DAY_SEEDS, DAY_RNG]}
    if stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        write_config(work)  # as in ensure_corpus: this checkout's templates and static
        return work
    print(f"[archive n={n}] generating the archive and the day's pages in {work}", flush=True)
    set_aside(work)
    work.mkdir(parents=True)
    info = corpus.generate(n, work, seed, pelican=False)
    day_gen = work / "day-gen"
    corpus.generate(8 * DAY_SEEDS, day_gen, DAY_RNG, pelican=False)  # ≤ 8 articles a page
    (work / "day").mkdir()
    for i, page in enumerate(sorted((day_gen / "seeds").glob("*.txt"))[:DAY_SEEDS]):
        digest = page.name.split("_", 1)[1]
        page.rename(work / "day" / f"{info['files'] + i:05d}_{digest}")
    set_aside(day_gen)
    write_config(work)
    stamp_path.write_text(json.dumps(stamp))
    return work


def add_day_seeds(work: Path, seeds_dir: Path) -> list[Path]:
    """Copy the day's pages into ``seeds_dir``; the copies."""
    added = []
    for page in sorted((work / "day").glob("*.txt")):
        shutil.copyfile(page, seeds_dir / page.name)
        added.append(seeds_dir / page.name)
    return added


def remove_day_seeds(work: Path) -> None:
    for page in (work / "day").glob("*.txt"):
        (work / "seeds" / page.name).unlink(missing_ok=True)


def article_pages(site: Path) -> dict[str, str]:
    """Each article page of a built site (``articles/*.html``) and the digest of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((site / "articles").glob("*.html"))}


# Where an article page changed: the parts of templates/article.html that show other
# articles or the grouping (found by their markup); anything else counts as "other".
PAGE_PARTS = {
    "theme": re.compile(r'<nav class="crumbs".*?</nav>|<p class="filed">.*?</p>', re.S),
    "tags": re.compile(r'<p class="tags">.*?</p>', re.S),
    "related": re.compile(r'<section class="related".*?</section>', re.S),
    "prevnext": re.compile(r'<nav class="prevnext".*?</nav>', re.S),
}


def page_parts(html: str) -> dict[str, str]:
    """An article page cut into the parts of PAGE_PARTS and the rest ("other"), each as a
    digest of its text."""
    parts = {}
    for name, pattern in PAGE_PARTS.items():
        parts[name] = hashlib.sha256("".join(pattern.findall(html)).encode()).hexdigest()
        html = pattern.sub("", html)
    parts["other"] = hashlib.sha256(html.encode()).hexdigest()
    return parts


def article_parts(site: Path) -> dict[str, dict[str, str]]:
    return {p.name: page_parts(p.read_text(encoding="utf-8")) for p in sorted((site / "articles").glob("*.html"))}


def changed_parts(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> dict[str, int]:
    """For the pages in ``before``: how many changed in each part ("gone" for a page no
    longer there); a page can count in several parts."""
    counts = {name: 0 for name in [*PAGE_PARTS, "other", "gone"]}
    for page, parts in before.items():
        if page not in after:
            counts["gone"] += 1
            continue
        for name, digest in parts.items():
            counts[name] += after[page][name] != digest
    return counts


def changed_pages(before: dict[str, str], after: dict[str, str]) -> tuple[int, int]:
    """How many of the pages in ``before`` changed (other bytes, or gone) in ``after``, of how
    many; pages only in ``after`` (the new articles') are not counted."""
    return sum(after.get(name) != digest for name, digest in before.items()), len(before)


def archive_run(work: Path, n: int) -> dict:
    """A cold build of the archive, then the day's pages added and the site rebuilt (timed,
    incremental, on the cold build's output and state); compares the existing articles'
    pages before and after. The day's pages are taken out of ``seeds/`` again at the end."""
    remove_day_seeds(work)  # an interrupted run's
    compile_sitegen()
    wait_until_quiet()
    cold = sitegen_cold(work, n, "archive")
    before = article_pages(work / "site")
    parts_before = article_parts(work / "site")
    added = add_day_seeds(work, work / "seeds")
    try:
        add = _check(n, "sitegen", "add_day",
                     run_timed(sitegen_cmd(work), work, work / "logs" / "add_day.log"))
    finally:
        remove_day_seeds(work)
    _check_translations(work, n, {"add_day": add})
    after = article_pages(work / "site")
    changed, total = changed_pages(before, after)
    parts = changed_parts(parts_before, article_parts(work / "site"))
    return {"n": n, "cold_s": cold["s"], "cold_cpu_s": cold["cpu_s"], "add_day_s": add["s"],
            "add_day_cpu_s": add["cpu_s"], "add_day_pct": 100 * add["s"] / cold["s"],
            "day_seeds": len(added), "day_articles": len(after) - len(before),
            "existing_changed": changed, "existing_pages": total,
            "existing_changed_pct": 100 * changed / total if total else 0.0,
            "peak_mb": max(cold["peak_mb"], add["peak_mb"]),
            "changed_by_part": parts, "pending": cold["pending"] or add["pending"]}


def archive_line(res: dict) -> str:
    return (f"archive: n={res['n']} cold_s={res['cold_s']:.2f} add_day_s={res['add_day_s']:.2f} "
            f"add_day_pct={res['add_day_pct']:.1f} existing_changed_pct={res['existing_changed_pct']:.1f}")


# -- main -------------------------------------------------------------------------------------


def summary_line(row: dict) -> str:
    """The last line of a sizes run: the N=1000 row (or the last one)."""
    return (f"summary: n={row['n']} cold_s={row['cold_s']:.2f} noop_s={row['noop_s']:.2f} "
            f"one_changed_s={row['one_changed_s']:.2f} pelican_s={fmt(row['pelican_s'], '.2f')} "
            f"ratio_vs_pelican={fmt(row['ratio'], '.2f')} hugo_s={fmt(row['hugo_s'], '.2f')} "
            f"ratio_vs_hugo={fmt(row['ratio_vs_hugo'], '.2f')}")



def fmt(v, spec: str) -> str:
    return "-" if v is None else format(v, spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="sitegen build speed and scale, side by side with Pelican and Hugo")
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated article counts")
    ap.add_argument("--skip-pelican", action="store_true")
    ap.add_argument("--profile", action="store_true", help="profile the cold build at --profile-size")
    ap.add_argument("--profile-size", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0, help="corpus RNG seed")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time each build this many times and report the median (default 1)")
    ap.add_argument("--archive", type=int, metavar="N",
                    help="instead of --sizes: the daily update of an N-article archive (see archive_run)")
    ap.add_argument("--skip-hugo", action="store_true")
    ap.add_argument("--prefill", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--prefill-archive", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--stage-times", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-build", type=Path, nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.prefill:
        return prefill_main(args.prefill)
    if args.prefill_archive:
        return prefill_main(args.prefill_archive, archive=True)
    if args.stage_times:
        return stage_times_main(args.stage_times)
    if args.profile_build:
        return profile_build_main(*args.profile_build)

    WORK.mkdir(parents=True, exist_ok=True)
    empty_trash()  # an interrupted run's; wait_until_quiet() then waits before any timing
    if args.archive:
        work = ensure_archive(args.archive, args.seed)
        info = ensure_memory(work, archive=True)
        print(f"[archive n={args.archive}] memory: {info}", flush=True)
        res = archive_run(work, args.archive)
        (WORK / "archive-results.json").write_text(json.dumps(res, indent=1))
        print(f"[archive n={args.archive}] {res['day_seeds']} seed files, {res['day_articles']} articles added; "
              f"{res['existing_changed']} of {res['existing_pages']} existing article pages changed; "
              f"peak {res['peak_mb']:.0f} MB")
        print(f"[archive n={args.archive}] existing pages changed, by part: "
              + ", ".join(f"{k} {v}" for k, v in res["changed_by_part"].items()))
        print(archive_line(res))
        empty_trash()
        return 0
    exe = None if args.skip_hugo else hugo.hugo_exe()
    if not args.skip_hugo and exe is None:
        print(f"Hugo left out: {hugo.INSTALL_HINT}", flush=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = []
    for n in sizes:
        work = ensure_corpus(n, args.seed)
        info = ensure_memory(work)
        print(f"[n={n}] memory: {info}", flush=True)
        res, pel, hg = bench_both(work, n, args.repeat, pelican=not args.skip_pelican, hugo_exe=exe)
        row = {
            "n": n,
            "articles_parsed": info.get("articles"),
            "cold_s": res["cold"]["s"], "noop_s": res["noop"]["s"], "one_changed_s": res["one_changed"]["s"],
            "cold_cpu_s": res["cold"]["cpu_s"],
            "ms_per_article": 1000 * res["cold"]["s"] / n,
            "peak_mb": max(res[k]["peak_mb"] for k in ("cold", "noop", "one_changed")),
            "pelican_s": pel["s"] if pel else None,
            "pelican_peak_mb": pel["peak_mb"] if pel else None,
            "pelican_cpu_s": pel["cpu_s"] if pel else None,
            "hugo_s": hg["s"] if hg else None,
            "hugo_peak_mb": hg["peak_mb"] if hg else None,
            "hugo_cpu_s": hg["cpu_s"] if hg else None,
            "pending": any(r[k]["pending"] for r in res["runs"] for k in r),
            "runs_s": {k: res[k]["all_s"] for k in ("cold", "noop", "one_changed")},
        }
        row["ratio"] = row["pelican_s"] / row["cold_s"] if pel else None
        row["cpu_ratio"] = row["pelican_cpu_s"] / row["cold_cpu_s"] if pel else None
        row["ratio_vs_hugo"] = row["hugo_s"] / row["cold_s"] if hg else None
        rows.append(row)
        print(f"[n={n}] cold {row['cold_s']:.2f}s  noop {row['noop_s']:.2f}s  one_changed "
              f"{row['one_changed_s']:.2f}s  peak {row['peak_mb']:.0f}MB  pelican "
              f"{fmt(row['pelican_s'], '.2f')}s  hugo {fmt(row['hugo_s'], '.2f')}s", flush=True)
        (WORK / "results.json").write_text(json.dumps(rows, indent=1))
        if args.profile and n == args.profile_size:
            profile_cold(work)

    print()
    print("wall seconds, median of --repeat runs; cpu = user+sys of the build process "
          "(steadier than wall on a busy machine); ratio = pelican_s / cold_s, hugo_ratio = hugo_s / cold_s")
    print(f"{'N':>6} {'parsed':>6} {'cold_s':>8} {'cold_cpu':>8} {'noop_s':>7} {'noop%':>6} {'one_changed_s':>13} "
          f"{'ms/article':>10} {'peak_MB':>8} {'pelican_s':>9} {'pel_cpu':>7} {'pel_MB':>7} {'ratio':>6} {'cpu_ratio':>9} "
          f"{'hugo_s':>7} {'hugo_cpu':>8} {'hugo_MB':>7} {'hugo_ratio':>10}")
    for r in rows:
        print(f"{r['n']:>6} {fmt(r['articles_parsed'], 'd'):>6} {r['cold_s']:8.2f} {r['cold_cpu_s']:8.2f} "
              f"{r['noop_s']:7.2f} {100 * r['noop_s'] / r['cold_s']:5.1f}% {r['one_changed_s']:13.2f} "
              f"{r['ms_per_article']:10.2f} {r['peak_mb']:8.0f} {fmt(r['pelican_s'], '9.2f'):>9} "
              f"{fmt(r['pelican_cpu_s'], '7.2f'):>7} {fmt(r['pelican_peak_mb'], '7.0f'):>7} "
              f"{fmt(r['ratio'], '6.2f'):>6} {fmt(r['cpu_ratio'], '9.2f'):>9} "
              f"{fmt(r['hugo_s'], '7.2f'):>7} {fmt(r['hugo_cpu_s'], '8.2f'):>8} {fmt(r['hugo_peak_mb'], '7.0f'):>7} "
              f"{fmt(r['ratio_vs_hugo'], '10.2f'):>10}")
    print(summary_line(next((r for r in rows if r["n"] == 1000), rows[-1])))
    empty_trash()
    return 0


if __name__ == "__main__":
    sys.exit(main())
