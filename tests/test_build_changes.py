"""The render told what changed (``sitegen.changes``): after each kind of change an
incremental build writes the site a ``--clean`` build of the same inputs writes, byte for
byte, and a day keys only the pages that show something changed."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

import sitegen.render.site as render_site
from sitegen.build import build
from sitegen.changes import NAME, Baseline, take_baseline
from sitegen.config import with_overrides
from sitegen.group.moved import moved, outline
from sitegen.models import Grouping, Tag, Theme
from sitegen.progress import Reporter
from sitegen.state import BuildState
from sitegen.translate import source_key

from test_build_day import DAY

FIRST = datetime(2026, 1, 1, 6, tzinfo=timezone.utc)
NEXT = datetime(2026, 1, 2, 6, tzinfo=timezone.utc)


def _files(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _equals_clean(config, tmp_path, when=NEXT) -> None:
    cold = with_overrides(config, out_dir=tmp_path / "cold-site")
    build(cold, reporter=Reporter(0), build_date=when, clean=True)
    incremental, fresh = _files(config.out_dir), _files(cold.out_dir)
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in incremental if incremental[name] != fresh[name]] == []


@pytest.fixture
def keyed(monkeypatch):
    """The article pages whose key the render makes, by path."""
    made: list[str] = []
    real = render_site.article_key

    def spy(ev):
        made.append(ev.path)
        return real(ev)

    monkeypatch.setattr(render_site, "article_key", spy)
    return made


def test_a_day_keys_only_pages_that_show_something_changed_and_equals_a_clean_build(project, tmp_path, keyed):
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = len(keyed)
    keyed.clear()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert result.parsed == 1 and result.unchanged > 0
    assert {"articles/zz-day-01.html", "articles/zz-day-02.html"} <= set(keyed)
    assert len(keyed) < everything, "a day keyed every article page again"
    _equals_clean(project, tmp_path)


def test_a_changed_seed_equals_a_clean_build(project, tmp_path):
    build(project, reporter=Reporter(0), build_date=FIRST)
    seed = sorted(project.seeds_dir.glob("*.txt"))[2]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("乌鲁木齐", "乌市", 1), encoding="utf-8")
    assert build(project, reporter=Reporter(0), build_date=NEXT).parsed == 1
    _equals_clean(project, tmp_path)


def test_a_removed_seed_equals_a_clean_build(project, tmp_path):
    build(project, reporter=Reporter(0), build_date=FIRST)
    sorted(project.seeds_dir.glob("*.txt"))[1].unlink()
    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert result.parsed == 0 and result.unchanged > 0
    _equals_clean(project, tmp_path)


def test_a_changed_translation_equals_a_clean_build(project, tmp_path, keyed):
    build(project, reporter=Reporter(0), build_date=FIRST)
    digest = json.loads((project.out_dir / "digest.json").read_text(encoding="utf-8"))
    headline = next(a["headline"]["zh"] for a in digest["articles"] if a["headline"]["zh"])
    entry = {"hash": source_key(headline), "source": headline, "translation": "A reviewed headline",
             "model": None, "model_version": None, "date": None, "reviewed": True}
    project.memory_path.parent.mkdir(parents=True, exist_ok=True)
    project.memory_path.write_text(json.dumps({"version": 1, "entries": [entry]}), encoding="utf-8")
    keyed.clear()
    build(project, reporter=Reporter(0), build_date=NEXT)
    assert keyed, "the translated article's page was not keyed"
    assert b"A reviewed headline" in (project.out_dir / "digest.json").read_bytes()
    _equals_clean(project, tmp_path)


def _reviewed(text: str) -> dict:
    return {"hash": source_key(text), "source": text, "translation": f"Reviewed {len(text)}",
            "model": None, "model_version": None, "date": None, "reviewed": True}


def test_the_last_pending_translation_done_changes_every_page_and_equals_a_clean_build(project, tmp_path, keyed):
    """The note that translations are pending is on every page: when the last one is done,
    every page is keyed again, though one article's English changed."""
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = len(keyed)
    digest = json.loads((project.out_dir / "digest.json").read_text(encoding="utf-8"))
    texts = {a[part]["zh"] for a in digest["articles"] for part in ("kicker", "headline", "subtitle", "lead")
             if a[part]["zh"]}
    texts |= {t["name_zh"] for t in digest["themes"]} | {t["zh"] for t in digest["tags"]}
    last = digest["articles"][-1]["headline"]["zh"]
    project.memory_path.parent.mkdir(parents=True, exist_ok=True)
    memory = {"version": 1, "entries": [_reviewed(t) for t in sorted(texts - {last})]}
    project.memory_path.write_text(json.dumps(memory), encoding="utf-8")
    assert build(project, reporter=Reporter(0), build_date=FIRST).pending == 1
    memory["entries"].append(_reviewed(last))
    project.memory_path.write_text(json.dumps(memory), encoding="utf-8")
    keyed.clear()
    assert build(project, reporter=Reporter(0), build_date=NEXT).pending == 0
    assert len(keyed) == everything
    _equals_clean(project, tmp_path)


def test_a_changed_template_renders_every_page_and_equals_a_clean_build(project, tmp_path, keyed):
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = len(keyed)
    keyed.clear()
    article = project.templates_dir / "article.html"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("{% block main %}", "{% block main %}<p>Edited.</p>", 1), encoding="utf-8")
    build(project, reporter=Reporter(0), build_date=NEXT)
    assert len(keyed) == everything
    _equals_clean(project, tmp_path)
    assert all(b"<p>Edited.</p>" in data for name, data in _files(project.out_dir).items()
               if name.startswith("articles/") and name.endswith(".html"))


def test_a_changed_config_equals_a_clean_build(project, tmp_path, keyed):
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = len(keyed)
    keyed.clear()
    moved_site = with_overrides(project, base_url="https://example.org/digest/")
    build(moved_site, reporter=Reporter(0), build_date=NEXT)
    assert len(keyed) == everything
    _equals_clean(moved_site, tmp_path)


def test_a_failed_build_leaves_no_baseline_and_the_next_keys_everything(project, tmp_path, keyed, monkeypatch):
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = len(keyed)
    state = BuildState(project.out_dir)
    assert (state.dir / NAME).is_file()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("the render failed")

    with monkeypatch.context() as patch:
        patch.setattr("sitegen.build.render_changed", broken, raising=False)
        patch.setattr("sitegen.render.render_changed", broken)
        with pytest.raises(RuntimeError):
            build(project, reporter=Reporter(0), build_date=NEXT)
    assert not (state.dir / NAME).exists()  # the caches moved: the next build trusts no report
    keyed.clear()
    build(project, reporter=Reporter(0), build_date=NEXT)
    assert len(keyed) == everything + 2
    _equals_clean(project, tmp_path)


def test_a_baseline_is_taken_once(tmp_path):
    Baseline("token", {"articles/a.html": ("economy", ("trade",), ())}, ("", [], {}, {}, {}, {})).save(tmp_path)
    taken = take_baseline(tmp_path)
    assert taken is not None and taken.token == "token" and taken.groupings["articles/a.html"][0] == "economy"
    assert take_baseline(tmp_path) is None
    (tmp_path / NAME).write_bytes(b"not a baseline")
    assert take_baseline(tmp_path) is None


def test_grouping_reports_the_articles_whose_theme_tags_or_related_moved():
    economy, sport = Theme("economy", "Economy", "经济"), Theme("sport", "Sport", "体育")
    trade = Tag("trade", "贸易")
    before = outline({"a": Grouping(economy, (trade,), ("b",)), "b": Grouping(economy, (), ("a",)),
                      "c": Grouping(sport, (), ()), "d": Grouping(sport, (trade,), ())})
    now = outline({"a": Grouping(economy, (trade,), ("b",)),  # the same
                   "b": Grouping(sport, (), ("a",)),  # another theme
                   "c": Grouping(sport, (trade,), ()),  # a tag more
                   "d": Grouping(sport, (trade,), ("a",)),  # related
                   "e": Grouping(economy, (), ())})  # new
    assert moved(before, now) == {"b", "c", "d", "e"}


def test_a_day_paginates_only_the_lists_that_show_something_changed(project, tmp_path, monkeypatch):
    import sitegen.render.lists as lists

    fronts: list[str] = []
    real = lists.paginate
    monkeypatch.setattr(lists, "paginate", lambda front, items, per: fronts.append(front) or real(front, items, per))
    build(project, reporter=Reporter(0), build_date=FIRST)
    everything = set(fronts)
    fronts.clear()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    build(project, reporter=Reporter(0), build_date=NEXT)
    assert "archive.html" in fronts
    still = {front for front in everything if (project.out_dir / front).is_file()}
    assert still - set(fronts), "a day paginated every list again"
    _equals_clean(project, tmp_path)


def test_a_build_stopped_after_its_swap_leaves_no_manifest_and_the_next_rebuilds_everything(project, tmp_path,
                                                                                           monkeypatch):
    """Killed between the swap and the state's save, a build left the new site under the last
    build's manifest; the next build carried pages over by keys of a site no longer there and,
    with a seed removed meanwhile, failed on every incremental build until --clean."""
    build(project, reporter=Reporter(0), build_date=FIRST)
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")

    def stopped(*args, **kwargs):  # where a SIGKILL after the swap would stop it
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr("sitegen.build._Run.store", stopped)
        with pytest.raises(KeyboardInterrupt):
            build(project, reporter=Reporter(0), build_date=NEXT)
    assert (project.out_dir / "articles" / "zz-day-01.html").is_file()  # the new site is in place
    assert not BuildState(project.out_dir).manifest_path.exists()  # and no manifest claims to describe it
    (project.seeds_dir / "zz-day.md").unlink()
    sorted(project.seeds_dir.glob("*.txt"))[1].unlink()
    result = build(project, reporter=Reporter(0), build_date=NEXT)
    assert result.unchanged == 0  # nothing carried over from a site no manifest describes
    _equals_clean(project, tmp_path)
