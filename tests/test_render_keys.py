"""Page keys of incremental builds (sitegen/render/keys.py): an article's key must move with
every field of its entry, and only with what the entry holds, not with which objects hold it."""
from __future__ import annotations

import dataclasses
import pickle
from operator import attrgetter

from sitegen.models import KeyTerm
from sitegen.render.keys import article_key, entry_record, record_digest
from sitegen.render.views import SiteViews
from sitegen.render.sample import sample_site


def _other(value):
    """A value of the same kind as ``value`` that differs from it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return "x"
    if isinstance(value, tuple):
        return value + (value[0],) if value else ("x",)
    raise AssertionError(f"no other value for {value!r}")


def _mutations(record, where=""):
    """(where, record with one field changed) for every plain field of ``record`` and of the
    records it holds, however deep (a tuple of records: each of its records)."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        name = f"{where}.{f.name}"
        if value is None and not str(f.type).startswith("str"):
            continue  # a missing record (no kicker to translate): its presence is another test's
        if dataclasses.is_dataclass(value):
            for inner, changed in _mutations(value, name):
                yield inner, dataclasses.replace(record, **{f.name: changed})
        elif isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            for i, item in enumerate(value):
                for inner, changed in _mutations(item, f"{name}[{i}]"):
                    yield inner, dataclasses.replace(record, **{f.name: value[:i] + (changed,) + value[i + 1:]})
        else:
            yield name, dataclasses.replace(record, **{f.name: _other(value)})


def test_an_article_key_moves_with_every_field_of_its_entry():
    entries = sample_site().entries
    entry = next(e for e in entries if e.grouping.tags and e.english.headline is not None)
    entry = dataclasses.replace(entry, key_terms=(KeyTerm("口岸", "kǒu àn", "port"),))
    base = record_digest(entry_record(entry))
    seen = []
    for where, changed in _mutations(entry):
        seen.append(where)
        assert record_digest(entry_record(changed)) != base, f"the key ignores {where}"
    assert {".article.blocks[0].text", ".english.headline.text", ".grouping.theme.slug", ".grouping.related",
            ".key_terms[0].gloss", ".published"} <= set(seen)


def test_an_article_key_depends_on_values_not_on_which_objects_hold_them():
    for entry in sample_site().entries:
        copy = pickle.loads(pickle.dumps(entry))  # equal values, other objects (strings not shared)
        assert record_digest(entry_record(copy)) == record_digest(entry_record(entry))



def _replaced(record, *names):
    """``record`` with each named field set to another value."""
    return dataclasses.replace(record, **{name: _other(getattr(record, name)) for name in names})


def test_an_article_key_moves_with_each_flat_field_its_page_shows():
    """The fields templates read off an article's view (sitegen/render/views.py) are in its
    page's key: change the record behind each one and the key changes with what is shown."""
    site = sample_site()
    i, entry = next((i, e) for i, e in enumerate(site.entries) if e.grouping.tags and e.grouping.tags[0].en)
    entry = dataclasses.replace(entry, key_terms=(KeyTerm("口岸", "kǒu àn", "port"),))
    article, grouping = entry.article, entry.grouping

    def view(e, **site_changes):
        entries = site.entries[:i] + (e,) + site.entries[i + 1:]
        return SiteViews(dataclasses.replace(site, entries=entries, **site_changes)).entries[i]

    base = view(entry)
    shown = {name: (attrgetter(name), view(dataclasses.replace(entry, article=_replaced(article, name))))
             for name in ("byline", "dateline", "markers", "seed", "position")}
    terms = (KeyTerm("口岸", "kǒu àn", "harbour"),)
    shown["key_terms"] = attrgetter("key_terms"), view(dataclasses.replace(entry, key_terms=terms))
    theme = _replaced(grouping.theme, "name_en", "name_zh")  # a theme's names come from the site's list
    shown["theme names"] = attrgetter("theme.name_en", "theme.name_zh"), view(
        dataclasses.replace(entry, grouping=dataclasses.replace(grouping, theme=theme)),
        themes=tuple(theme if t.slug == theme.slug else t for t in site.themes))
    tag = _replaced(grouping.tags[0], "en")
    shown["tag name"] = (lambda ev: ev.tags[0].en), view(
        dataclasses.replace(entry, grouping=dataclasses.replace(grouping, tags=(tag,) + grouping.tags[1:])),
        tag_names={**site.tag_names, tag.slug: tag})
    for name, (field_of, ev) in shown.items():
        assert field_of(ev) != field_of(base), f"{name}: the change is not shown"
        assert article_key(ev) != article_key(base), f"the article key ignores {name}"


def test_entry_digests_are_made_before_the_render_helpers_fork(monkeypatch):
    """digest.json's records (this process) and the article pages' keys (this process and its
    forked helper) need every article's digest: made before the helpers fork, each is made
    once, not again in the helper for the pages it takes."""
    from pathlib import Path

    import sitegen.render.site as site_module

    repo = Path(__file__).resolve().parent.parent
    site = sample_site()
    made, seen = [], []
    real_share_map, real_views = site_module.share_map, site_module.SiteViews

    def views(s):
        made.append(real_views(s))
        return made[-1]

    def share_map(fn, items, **kwargs):  # where the helpers fork
        seen.append(all("_entry_digest" in ev.__dict__ and "_card_key" in ev.__dict__ for ev in made[0].entries))
        return real_share_map(fn, items, **kwargs)

    monkeypatch.setattr(site_module, "share_map", share_map)
    monkeypatch.setattr(site_module, "SiteViews", views)
    monkeypatch.setattr(site_module, "PARALLEL_PAGES", 1)
    site_module.render_changed(site, repo / "templates", repo / "static", {})
    assert seen == [True]


def test_a_page_key_refuses_a_record_rather_than_keying_it_wrongly():
    """Page keys are marshalled, not repr'd: a record (dataclass) must be flattened with
    ``plain`` first, and its flat form moves with each of its fields."""
    import pytest

    from sitegen.models import Tag, Theme
    from sitegen.render.keys import key_digest, plain

    theme = Theme("economy", "Economy", "经济")
    with pytest.raises(ValueError):
        key_digest(("theme.html", theme))
    base = key_digest(("theme.html", plain(theme)))
    for name in ("slug", "name_en", "name_zh", "automatic"):
        assert key_digest(("theme.html", plain(_replaced(theme, name)))) != base, f"the key ignores {name}"
    assert key_digest(("tag.html", plain(Tag("t-1", "发展", "growth")))) != \
        key_digest(("tag.html", plain(Tag("t-1", "发展", None))))


def test_a_list_page_key_moves_with_its_theme_tag_and_cards():
    """A theme's or tag's list pages (sitegen/render/lists.py) are keyed by the list's record,
    as its fields, and by their articles' cards."""
    from sitegen.models import Tag, Theme
    from sitegen.render.lists import list_jobs, tag_index_jobs

    items = [f"card {i}" for i in range(45)]

    def keys(record, cards=items):
        return [key() for _, _, key, _ in list_jobs("themes/x.html", "theme.html", cards, 20, record, str,
                                                    lambda p: {})]

    theme = Theme("economy", "Economy", "经济")
    base = keys(theme)
    assert len(base) == 2  # the front page (25 cards) and page 1 (the oldest 20)
    assert keys(_replaced(theme, "name_en")) != base
    changed = keys(theme, items[:10] + ["another card"] + items[11:])
    assert changed[0] != base[0] and changed[1] == base[1]  # the card is on the front page only

    class TagView:  # as the tag index reads it
        def __init__(self, tag):
            self.slug, self.tag, self.entries = tag.slug, tag, [1, 2]

    def index_keys(tag):
        return [key() for _, _, key, _ in tag_index_jobs([TagView(tag)], lambda p: {})]

    tag = Tag("t-1", "发展", "growth")
    assert index_keys(tag) != index_keys(_replaced(tag, "en"))
