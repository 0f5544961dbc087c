"""Article cards kept from build to build (``sitegen.render.card_memo``): a day renders only
the cards it has not rendered before, and writes the site a ``--clean`` build writes."""
from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

import sitegen.render.site as render_site
from sitegen.build import build
from sitegen.progress import Reporter
import sitegen.render.card_memo as card_memo
from sitegen.render.card_memo import ADDED_NAME, MEMO_NAME, CardMemo
from sitegen.state import BuildState

from test_build_changes import FIRST, NEXT, _equals_clean
from test_build_day import DAY


def _view(key: str):
    """An entry view as ``card_key`` reads it: its card key memoised."""
    return SimpleNamespace(_card_key=key)


def _macro(calls: list):
    def card(e, root, heading="h3", show_theme=False):
        calls.append((e._card_key, root, heading, show_theme))
        return Markup(f"<a href='{root}{e._card_key}'>{heading}{'+' if show_theme else ''}</a>")
    return card


def test_a_card_is_rendered_once_then_read_from_the_memo_across_builds(tmp_path):
    calls: list = []
    memo = CardMemo()
    card = memo.wrap(_macro(calls), "v1")
    first = card(_view("k1"), "../", "h2", True)
    assert card(_view("k1"), "../", "h2", True) == first and len(calls) == 1
    card(_view("k1"), "../../", "h2")  # another root, another card
    assert len(calls) == 2
    memo.keep_only({"k1"})
    memo.save(tmp_path)

    again = CardMemo.load(tmp_path)
    card = again.wrap(_macro(calls), "v1")
    html = card(_view("k1"), "../", "h2", True)
    assert html == first and isinstance(html, Markup) and len(calls) == 2


def test_another_version_renders_again(tmp_path):
    calls: list = []
    memo = CardMemo()
    card = memo.wrap(_macro(calls), "v1")
    card(_view("kept"), "../")
    memo.keep_only({"kept"})
    memo.save(tmp_path)

    other = CardMemo.load(tmp_path)
    card = other.wrap(_macro(calls), "v2")  # templates or rendering code changed
    card(_view("kept"), "../")
    assert len(calls) == 2


def test_a_day_writes_only_the_cards_it_made_and_the_memo_is_compacted_now_and_then(tmp_path, monkeypatch):
    monkeypatch.setattr(card_memo, "COMPACT_FLOOR", 3)
    memo = CardMemo()
    card = memo.wrap(_macro([]), "v1")
    for key in ("a", "b", "old"):
        card(_view(key), "../")
    memo.keep_only({"a", "b", "old"})
    memo.save(tmp_path)  # the first build: written whole
    assert not (tmp_path / ADDED_NAME).exists()
    whole = (tmp_path / MEMO_NAME).stat().st_mtime_ns

    day = CardMemo.load(tmp_path)
    card = day.wrap(_macro([]), "v1")
    card(_view("a"), "../")
    card(_view("c"), "../")  # a new card; "old" is no article's card any more
    day.keep_only({"a", "b", "c"})
    day.save(tmp_path)
    assert (tmp_path / MEMO_NAME).stat().st_mtime_ns == whole
    assert set(CardMemo.load(tmp_path).cards) == {(k, "../", "h3", False) for k in ("a", "b", "c", "old")}

    nothing_new = CardMemo.load(tmp_path)
    nothing_new.wrap(_macro([]), "v1")(_view("c"), "../")
    nothing_new.keep_only({"a", "b", "c"})
    nothing_new.save(tmp_path)
    assert (tmp_path / MEMO_NAME).stat().st_mtime_ns == whole

    later = CardMemo.load(tmp_path)
    card = later.wrap(_macro([]), "v1")
    card(_view("d"), "../")
    card(_view("e"), "../")  # three made since the memo was written whole: the floor
    later.keep_only({"a", "b", "c", "d", "e"})
    later.save(tmp_path)
    assert not (tmp_path / ADDED_NAME).exists()
    assert {key[0] for key in CardMemo.load(tmp_path).cards} == {"a", "b", "c", "d", "e"}


def test_cards_a_helper_made_are_kept_by_the_parent():
    helper, parent = CardMemo(), CardMemo()
    helper.wrap(_macro([]), "v1")(_view("k"), "../", "h2", True)
    fresh = helper.take_fresh()
    assert fresh and all(type(html) is bytes for html in fresh.values()) and helper.take_fresh() == {}
    parent.wrap(_macro([]), "v1")
    parent.add(fresh)
    assert parent.grew and set(parent.cards) == set(fresh)


def test_an_unreadable_memo_is_an_empty_one(tmp_path):
    (tmp_path / MEMO_NAME).write_bytes(b"not marshal")
    (tmp_path / ADDED_NAME).write_bytes(b"not marshal either")
    assert CardMemo.load(tmp_path).cards == {}
    assert CardMemo.load(tmp_path / "missing").cards == {}


def _counted_cards(monkeypatch) -> list:
    """Every card the ``card`` macro renders (the memoised macro spied on)."""
    rendered: list = []
    real = render_site.memoised_macros

    def spy(env, *args, **kwargs):
        macros = real(env, *args, **kwargs)
        card = macros["card"]

        def counted(*a, **kw):
            rendered.append(a[:2])
            return card(*a, **kw)
        return {**macros, "card": counted}

    monkeypatch.setattr(render_site, "memoised_macros", spy)
    return rendered


def test_a_day_renders_only_new_cards_and_equals_a_clean_build(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "1")  # rendered in this process, where the spy is
    rendered = _counted_cards(monkeypatch)
    build(project, reporter=Reporter(0), build_date=FIRST)
    assert rendered and (BuildState(project.out_dir).dir / MEMO_NAME).is_file()
    cold = len(rendered)
    rendered.clear()
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    build(project, reporter=Reporter(0), build_date=NEXT)
    assert 0 < len(rendered) < cold / 2, "a day rendered the archive's cards again"
    _equals_clean(project, tmp_path)


def test_cards_rendered_by_a_forked_helper_are_kept(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "2")  # the render forks a helper even on a one-core machine
    monkeypatch.setattr(render_site, "PARALLEL_PAGES", 2)  # and on a site this small
    build(project, reporter=Reporter(0), build_date=FIRST)
    kept = CardMemo.load(BuildState(project.out_dir).dir).cards
    alone = with_one_process(project, tmp_path, monkeypatch)
    assert set(kept) == set(alone)


def with_one_process(project, tmp_path, monkeypatch) -> dict:
    """The memo a one-process build of the same project keeps."""
    import shutil

    from sitegen.config import with_overrides

    monkeypatch.setenv("SITEGEN_JOBS", "1")
    other = with_overrides(project, out_dir=tmp_path / "one-process")
    shutil.rmtree(BuildState(other.out_dir).dir, ignore_errors=True)
    build(other, reporter=Reporter(0), build_date=FIRST)
    return CardMemo.load(BuildState(other.out_dir).dir).cards
