"""The Jinja environment of the render (``sitegen/render/templating.py``): what keeps a page cheap."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from sitegen.render import render_site
from sitegen.render.sample import sample_site

REPO = Path(__file__).resolve().parent.parent
TEMPLATES, STATIC = REPO / "templates", REPO / "static"


def test_pages_import_their_macros_once(monkeypatch):
    """Every global is set before a page template loads (``templating.make_globals`` keeps them
    in a plain dict, not in a ChainMap that follows later changes), so a page's ``{% from
    "_macros.html" import ... %}`` reuses the one module of those macros instead of making it
    again on every page, as Jinja does when the page has globals the imported template lacks."""
    from jinja2.environment import Template

    site = sample_site()
    entries = tuple(dataclasses.replace(e, permalink=e.permalink.replace(".html", f"-{k}.html"))
                    for k in range(20) for e in site.entries)
    made = []
    real = Template.make_module

    def make_module(self, *args, **kwargs):
        made.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Template, "make_module", make_module)
    pages = render_site(dataclasses.replace(site, entries=entries), TEMPLATES, STATIC)
    assert sum(p.path.startswith("articles/") for p in pages) == len(entries) > 100
    # once for the memoised macros, once for the pages' imports (and _gloss.html's once)
    assert made.count("_macros.html") <= 2 and made.count("_gloss.html") <= 1, made[:6]


class _Html:
    def __html__(self):
        return "<em>as it says</em>"


def test_output_escape_writes_what_jinja_writes(tmp_path):
    """``{{ … }}`` goes through ``templating.escape_output``, which skips ``escape``'s
    ``Markup`` where the page throws it away; the page's text is the one stock Jinja writes,
    for text with and without characters to escape, ``Markup``, numbers, ``None``, objects
    with ``__html__``, in a template, a macro, a ``{% set %}`` block and a filter."""
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup

    from sitegen.render.templating import make_environment

    (tmp_path / "page.html").write_text(
        '{% macro m(x) %}<i title="{{ x }}">{{ x }}</i>{% endmacro %}'
        '{% set block %}[{{ v }}]{% endset %}'
        '{% for v in values %}{{ v }}|{{ m(v) }}|{{ block }}|{{ v|string|upper }}\n{% endfor %}',
        encoding="utf-8")
    values = ["../", "a & b", '<script>"x"</script>', "it's", "中文", Markup("<b>ok</b>"), 7, 2.5,
              None, _Html(), ""]
    ours = make_environment(tmp_path).get_template("page.html")
    stock = Environment(autoescape=True, undefined=StrictUndefined).from_string(
        (tmp_path / "page.html").read_text(encoding="utf-8"))
    assert "environment.escape_output(" in make_environment(tmp_path).compile(
        (tmp_path / "page.html").read_text(encoding="utf-8"), raw=True)
    assert ours.render(values=values, v="&") == stock.render(values=values, v="&")
    assert "a &amp; b" in ours.render(values=values, v="&")
