"""Smoke tests for the benchmark corpus generator (bench/corpus.py): fast, small N; and for how
the runner (bench/run.py) keeps deletions away from its timings."""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
N = 60


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    a = tmp_path_factory.mktemp("a")
    info = corpus.generate(N, a, seed=7)
    return a, info


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_files(generated, tmp_path):
    a, _ = generated
    corpus.generate(N, tmp_path, seed=7)
    assert _files(a) == _files(tmp_path)


def test_other_seed_gives_other_files(generated, tmp_path):
    a, _ = generated
    corpus.generate(N, tmp_path, seed=8)
    assert _files(a / "seeds") != _files(tmp_path / "seeds")


def test_pages_look_like_the_seeds(generated):
    a, info = generated
    seeds = sorted((a / "seeds").glob("*.txt"))
    assert info["articles"] == N and info["files"] == len(seeds)
    assert len(seeds) >= N // 8
    lines = [ln for p in seeds for ln in p.read_text(encoding="utf-8").splitlines() if ln]
    # hard-wrapped at a column width (a line may run 2 over to keep a closing mark)
    assert max(len(ln) for ln in lines) <= 40
    assert sum(len(ln) <= 24 for ln in lines) / len(lines) > 0.9
    text = "\n".join(p.read_text(encoding="utf-8") for p in seeds)
    assert "本报讯（记者" in text


def test_real_parser_finds_the_articles(generated):
    from sitegen.parse import parse_seed
    from sitegen.seeds import read_seeds

    a, _ = generated
    seed_set = read_seeds(sorted((a / "seeds").glob("*.txt")))
    assert not seed_set.warnings
    found = sum(len(parse_seed(s).articles) for s in seed_set.seeds)
    # The parser may split off a headless piece or merge two stories now and then; at this
    # small N one extra split is ~2%, so allow 15% (N=1000 parses to within ~7%).
    assert abs(found - N) <= 0.15 * N, f"parser found {found} articles, generated {N}"


def test_pelican_markdown_has_one_file_per_article(generated):
    a, _ = generated
    mds = sorted((a / "pelican" / "content").glob("*.md"))
    assert len(mds) == N
    slugs = set()
    for md in mds:
        head = md.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
        meta = dict(line.split(": ", 1) for line in head)
        assert {"Title", "Date", "Category", "Slug"} <= set(meta)
        assert meta["Title"].strip()
        slugs.add(meta["Slug"])
    assert len(slugs) == N


# -- run.py: nothing deleted while timing, and a wait after deleting (ext4 without journal) --

@pytest.fixture
def runner(tmp_path, monkeypatch):
    run = _load("run")
    monkeypatch.setattr(run, "TRASH", tmp_path / "trash")
    monkeypatch.setattr(run, "DELETED_AT", tmp_path / "deleted-at")
    return run


def test_output_is_set_aside_and_deleted_once_with_the_time_noted(runner, tmp_path):
    site = tmp_path / "work" / "site"
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "a.html").write_text("x")
    runner.set_aside(site)
    assert not site.exists()
    kept = list(runner.TRASH.iterdir())
    assert len(kept) == 1 and (kept[0] / "articles" / "a.html").read_text() == "x"  # not deleted yet
    runner.set_aside(tmp_path / "work" / "missing")  # nothing there: nothing to do
    assert not runner.DELETED_AT.exists()

    before = time.time()
    runner.empty_trash()
    assert not runner.TRASH.exists()
    assert before <= float(runner.DELETED_AT.read_text()) <= time.time()

    runner.DELETED_AT.write_text("12.5")
    runner.empty_trash()  # no trash: no deletion to note
    assert runner.DELETED_AT.read_text() == "12.5"


@pytest.mark.parametrize(("ago", "waits"), [(100.0, True), (1000.0, False), (None, False)])
def test_timing_waits_until_deleted_inodes_are_no_longer_recent(runner, monkeypatch, ago, waits):
    slept = []
    monkeypatch.setattr(runner.time, "sleep", slept.append)
    if ago is not None:
        runner.DELETED_AT.write_text(repr(time.time() - ago))
    runner.wait_until_quiet()
    if waits:
        assert len(slept) == 1 and runner.QUIET_S - ago - 5 < slept[0] <= runner.QUIET_S - ago
    else:
        assert slept == []


def test_pending_is_read_from_the_counts_not_the_word(runner, tmp_path):
    log = tmp_path / "build.log"
    log.write_text("translation: 0 translated (no model needed), 455 from memory, 0 pending\n")
    assert not runner.pending_in(str(log))
    log.write_text("translation: 0 translated, 440 from memory, 15 pending\n")
    assert runner.pending_in(str(log))
