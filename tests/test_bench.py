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


# -- Hugo side by side (bench/hugo.py) ---------------------------------------------------------

hugo = _load("hugo")


def test_hugo_content_carries_the_pelican_articles(generated):
    import tomllib

    a, _ = generated
    for md in sorted((a / "pelican" / "content").glob("*.md")):
        text = md.read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        out = hugo.pelican_to_hugo(text)
        assert out.startswith("+++\n")
        front, _, hugo_body = out[4:].partition("+++\n")
        fm = tomllib.loads(front)
        assert fm["title"] == meta["Title"] and fm["slug"] == meta["Slug"]
        assert fm["categories"] == [meta["Category"]]
        assert fm["date"].strftime("%Y-%m-%d %H:%M") == meta["Date"]
        assert hugo_body.lstrip("\n") == body


def test_hugo_front_matter_escapes_titles():
    import tomllib

    text = 'Title: 他说"好"\\n 与 \\ 反斜杠\nDate: 2025-03-04 08:00\nCategory: Page 1\nSlug: 00001-01\n\n正文。\n'
    front = hugo.pelican_to_hugo(text)[4:].partition("+++\n")[0]
    assert tomllib.loads(front)["title"] == '他说"好"\\n 与 \\ 反斜杠'


def test_hugo_site_has_config_theme_and_one_file_per_article(generated, tmp_path):
    import tomllib

    a, _ = generated
    assert hugo.write_site(tmp_path, a / "pelican" / "content") == N
    config = tomllib.loads((tmp_path / "hugo.toml").read_text(encoding="utf-8"))
    assert config["theme"] == "bench" and config["paginate"] == 10
    assert {"RSS", "sitemap"} <= set(config["disableKinds"])  # Pelican's feeds are off too
    layouts = tmp_path / "themes" / "bench" / "layouts" / "_default"
    assert {p.name for p in layouts.iterdir()} == {"baseof.html", "list.html", "single.html"}
    assert ".Paginate" in (layouts / "list.html").read_text() and ".Content" in (layouts / "single.html").read_text()
    assert len(list((tmp_path / "content" / "posts").glob("*.md"))) == N


def test_hugo_builds_the_bench_site(generated, tmp_path):
    """A real, tiny Hugo build. Hugo is a bench-only tool that CI does not install: without
    it on PATH this test skips, saying so."""
    import subprocess

    exe = hugo.hugo_exe()
    if exe is None:
        pytest.skip(hugo.INSTALL_HINT + "; CI installs nothing for the bench")
    a, _ = generated
    hugo.write_site(tmp_path, a / "pelican" / "content")
    proc = subprocess.run(hugo.hugo_cmd(exe), cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "output"
    singles = sorted((out / "posts").glob("*-*/index.html"))
    assert len(singles) == N
    md = (a / "pelican" / "content" / f"{singles[0].parent.name}.md").read_text(encoding="utf-8")
    title = md.splitlines()[0].split(": ", 1)[1]
    assert f"<h1>{title}</h1>" in singles[0].read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.count("<article>") == 10 and "Page 1 of 6" in home  # ten a page, as Pelican's
    assert (out / "categories" / "index.html").is_file()


def test_summary_line_gains_hugo(runner):
    row = {"n": 1000, "cold_s": 2.0, "noop_s": 0.08, "one_changed_s": 1.3, "pelican_s": 2.2, "ratio": 1.1,
           "hugo_s": 0.5, "ratio_vs_hugo": 0.25}
    assert runner.summary_line(row) == ("summary: n=1000 cold_s=2.00 noop_s=0.08 one_changed_s=1.30 "
                                        "pelican_s=2.20 ratio_vs_pelican=1.10 hugo_s=0.50 ratio_vs_hugo=0.25")
    row.update(hugo_s=None, ratio_vs_hugo=None)  # hugo not installed
    assert runner.summary_line(row).endswith("ratio_vs_pelican=1.10 hugo_s=- ratio_vs_hugo=-")


# -- the daily update of an archive (run.py --archive) ---------------------------------------

def _site(folder: Path, pages: dict[str, str]) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "index.html").write_text("home")
    for name, text in pages.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder


def test_changed_share_counts_existing_article_pages_only(runner, tmp_path):
    before = runner.article_pages(_site(tmp_path / "a", {"1.html": "one", "2.html": "two", "3.html": "three",
                                                         "4.html": "four"}))
    after_site = _site(tmp_path / "b", {"1.html": "one", "2.html": "two, now related to 9",
                                        "4.html": "four", "9.html": "new"})
    (after_site / "index.html").write_text("home, with 9")  # not an article page: not counted
    after = runner.article_pages(after_site)
    assert set(before) == {"1.html", "2.html", "3.html", "4.html"}
    # 2 changed bytes, 3 is gone (a bookmark broken), 9 is new (not an existing page)
    assert runner.changed_pages(before, after) == (2, 4)
    assert runner.changed_pages(before, before) == (0, 4)
    assert runner.changed_pages({}, after) == (0, 0)


def test_archive_line_format(runner):
    res = {"n": 10000, "cold_s": 16.58, "add_day_s": 7.9, "add_day_pct": 47.647, "existing_changed_pct": 2.04}
    assert runner.archive_line(res) == ("archive: n=10000 cold_s=16.58 add_day_s=7.90 add_day_pct=47.6 "
                                        "existing_changed_pct=2.0")


def test_archive_day_pages_follow_the_archive(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "WORK", tmp_path / "bench")
    work = runner.ensure_archive(40, seed=3)
    seeds = sorted(p.name for p in (work / "seeds").glob("*.txt"))
    day = sorted(p.name for p in (work / "day").glob("*.txt"))
    assert len(day) == runner.DAY_SEEDS and not set(day) & set(seeds)
    assert [int(name[:5]) for name in day] == list(range(len(seeds), len(seeds) + runner.DAY_SEEDS))
    assert runner.ensure_archive(40, seed=3) == work  # kept, not regenerated
    added = runner.add_day_seeds(work, work / "seeds")
    assert sorted(p.name for p in (work / "seeds").glob("*.txt")) == sorted(seeds + day) and len(added) == 10
    runner.remove_day_seeds(work)
    assert sorted(p.name for p in (work / "seeds").glob("*.txt")) == seeds


def test_changed_parts_say_where_a_page_changed(runner, tmp_path):
    page = ('<nav class="crumbs"><a href="t/1.html">Theme</a></nav><h1>Headline</h1>'
            '<p class="filed">Theme: <a>1</a></p><p class="tags"><a>tag</a></p>'
            '<section class="related"><ul><li>A</li></ul></section><nav class="prevnext"><a>B</a></nav>')
    before = {"1.html": runner.page_parts(page), "2.html": runner.page_parts(page),
              "3.html": runner.page_parts(page)}
    after = {"1.html": runner.page_parts(page.replace("<li>A</li>", "<li>New</li><li>A</li>")),
             "2.html": runner.page_parts(page.replace("Headline", "Fixed").replace("tag</a>", "tag</a><a>t2</a>"))}
    assert runner.changed_parts(before, after) == {"theme": 0, "tags": 1, "related": 1, "prevnext": 0,
                                                   "other": 1, "gone": 1}
    assert set(runner.page_parts("<p>no known parts</p>")) == {"theme", "tags", "related", "prevnext", "other"}
