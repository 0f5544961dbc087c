"""The compiled templates kept in the build's cache folder (``render.templating.prepare``):
taken for unchanged templates instead of compiling them again, compiled again when a
template, this Python or Jinja, or the environment changed; and in the user's cache, keyed by
the template's source, for a cold build of templates compiled before."""
import shutil
from pathlib import Path

import pytest

from sitegen.render import templating

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A process with nothing compiled yet, counting what Jinja compiles; an empty user cache."""
    monkeypatch.setenv("SITEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setattr(templating, "_COMPILED", templating._CompiledTemplates())
    compiled = []
    original = templating._Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(templating._Environment, "compile", counting)
    return compiled


def _forget(monkeypatch):
    monkeypatch.setattr(templating, "_COMPILED", templating._CompiledTemplates())


def _page(templates):
    env = templating.make_environment(templates)
    return env.get_template("404.html")


def test_the_next_build_takes_the_code_instead_of_compiling(tmp_path, fresh, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    cache = tmp_path / "cache"
    cache.mkdir()
    templating.prepare(templates, cache)
    assert "404.html" in fresh and (cache / templating.CODE_FILE).is_file()
    first = _page(templates).root_render_func.__code__
    fresh.clear()
    _forget(monkeypatch)  # as a new build's process
    templating.prepare(templates, cache)
    assert fresh == []
    assert _page(templates).root_render_func.__code__ == first  # the same code as compiled
    # an edited template is compiled again, and only it; the kept code is updated
    (templates / "404.html").write_text((templates / "404.html").read_text() + "\n", encoding="utf-8")
    _forget(monkeypatch)
    templating.prepare(templates, cache)
    assert fresh == ["404.html"]
    fresh.clear()
    _forget(monkeypatch)
    templating.prepare(templates, cache)
    assert fresh == []


@pytest.mark.parametrize("damage", ["garbage", "other version", "no folder"])
def test_foreign_or_damaged_code_is_compiled_again(tmp_path, fresh, monkeypatch, damage):
    templates = REPO / "templates"
    cache = tmp_path / "cache"
    cache.mkdir()
    templating.prepare(templates, cache)
    if damage == "garbage":
        (cache / templating.CODE_FILE).write_bytes(b"\x00not marshal")
    elif damage == "other version":
        monkeypatch.setattr(templating, "_code_version", lambda: b"another python")
    else:
        cache = tmp_path / "missing"
    shutil.rmtree(tmp_path / "user-cache")  # the build's cache folder alone is under test here
    fresh.clear()
    _forget(monkeypatch)
    templating.prepare(templates, cache)
    assert "404.html" in fresh
    assert not (tmp_path / "missing").exists()


def test_a_cold_build_takes_templates_compiled_before_from_the_user_cache(tmp_path, fresh, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    templating.prepare(templates, tmp_path / "one")  # the first site ever: compiled, and put in the user cache
    assert "404.html" in fresh and any((tmp_path / "user-cache" / "templates").iterdir())
    first = _page(templates).root_render_func.__code__
    fresh.clear()
    _forget(monkeypatch)
    (tmp_path / "two").mkdir()
    templating.prepare(templates, tmp_path / "two")  # a cold build: nothing in its own cache folder
    assert fresh == []
    assert _page(templates).root_render_func.__code__ == first
    # an edited template is compiled afresh (its source's checksum is another)
    (templates / "404.html").write_text((templates / "404.html").read_text() + "<!-- x -->\n", encoding="utf-8")
    _forget(monkeypatch)
    templating.prepare(templates, None)
    assert fresh == ["404.html"]
    # a damaged entry is compiled again
    for entry in (tmp_path / "user-cache" / "templates").iterdir():
        entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")
    fresh.clear()
    _forget(monkeypatch)
    templating.prepare(templates, None)
    assert "404.html" in fresh and "article.html" in fresh
