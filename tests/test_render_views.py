"""Templates read flat, read-only views (sitegen/render/views.py), as Zola's SerializingPage
gives its templates: never the raw records behind a view (``e.article``, ``e.entry``, a theme's
or a tag's record) and never the whole site, so that what a page shows is what its view holds."""
from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, meta, nodes

from sitegen.render import render_site
from sitegen.render.sample import sample_site
from sitegen.render.templating import _Environment, make_environment
from sitegen.render.views import EntryView, SiteViews, TagView, ThemeView

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SOURCES = sorted(p for p in TEMPLATES.iterdir() if p.suffix in (".html", ".xml", ".js"))

RAW_RECORDS = {"article", "entry"}  # EntryView's records, kept for Python callers only
RECORD_OF = {"theme": {"theme"}, "tag": {"en", "zh"}}  # EntryView.theme.theme, TagView.tag
# The views' records by view type, for the check while the sample site renders (a theme's
# ``.theme`` is ambiguous in a template's text: an entry's theme view, or a theme view's record).
RAW_BY_VIEW = {EntryView: {"article", "entry"}, ThemeView: {"theme"}, TagView: {"tag"}}


def _raw_reads(source: str) -> list[str]:
    """Every attribute read of ``source`` that goes through a raw record."""
    found = []
    for node in Environment().parse(source).find_all(nodes.Getattr):
        inner = node.node
        if node.attr in RAW_RECORDS:
            found.append(f".{node.attr}")
        elif isinstance(inner, nodes.Getattr) and node.attr in RECORD_OF.get(inner.attr, ()):
            found.append(f".{inner.attr}.{node.attr}")
    return found


def test_the_scan_finds_a_raw_record():
    """The check below can fail: it sees each way a template used to reach a record."""
    assert _raw_reads("{{ e.article.byline }}{{ e.entry.key_terms }}") == [".article", ".entry"]
    assert _raw_reads("{{ e.theme.theme.name_en }}{{ t.tag.zh }}") == [".theme.theme", ".tag.zh"]
    assert _raw_reads("{{ e.theme.name_en }}{{ t.zh }}{{ e.byline }}") == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_templates_read_views_not_raw_records(path):
    source = path.read_text(encoding="utf-8")
    assert not _raw_reads(source), f"{path.name} reads a raw record; add the field to its view"
    env = make_environment(TEMPLATES)  # its filters: find_undeclared_variables compiles the template
    assert "site" not in meta.find_undeclared_variables(env.parse(source)), \
        f"{path.name} reads the whole site"


class RawRead(Exception):
    pass


def test_no_page_of_the_sample_site_reads_a_raw_record(monkeypatch):
    """Each page renders with views that refuse their records to templates (Jinja reads every
    ``x.y`` of a template through ``Environment.getattr``)."""
    plain = _Environment.getattr

    def guarded(self, obj, attribute):
        if attribute in RAW_BY_VIEW.get(type(obj), ()):
            raise RawRead(f"a template reads {type(obj).__name__}.{attribute}")
        return plain(self, obj, attribute)

    monkeypatch.setattr(_Environment, "getattr", guarded)
    with pytest.raises(RawRead):  # the guard works: a template reading a record fails
        _Environment.getattr(None, EntryView.__new__(EntryView), "article")
    pages = render_site(sample_site(), TEMPLATES, TEMPLATES.parent / "static")
    assert any(p.path.endswith(".html") and "/" in p.path for p in pages)


def test_the_flat_fields_show_their_records():
    views = SiteViews(sample_site())
    for ev in views.entries:
        a = ev.entry.article
        assert (ev.byline, ev.dateline, ev.markers, ev.seed, ev.position, ev.key_terms) == \
            (a.byline, a.dateline, a.markers, a.seed, a.position, ev.entry.key_terms)
        assert (ev.theme.name_en, ev.theme.automatic) == (ev.theme.theme.name_en, ev.theme.theme.automatic)
        assert all((t.en, t.zh) == (t.tag.en, t.tag.zh) for t in ev.tags)
