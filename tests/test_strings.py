"""The interface-string catalogue (templates/strings.toml): both languages for every string, and
every key a template asks for is in it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from sitegen.render import render_site
from sitegen.render.sample import sample_site
from sitegen.render.strings import CatalogueError, Strings, load_catalogue, parse_catalogue

REPO = Path(__file__).resolve().parent.parent
TEMPLATES, STATIC = REPO / "templates", REPO / "static"

# "key"|tr(...), "key"|tr_attr("attribute") and "key"|tr_text(lang) in the templates
_CALL = re.compile(r"\|\s*tr(?:_attr|_text)?\b")
_KEY = re.compile(r"""(?:"([\w.]+)"|'([\w.]+)')\s*\|\s*tr(?:_attr|_text)?\b""")


def template_keys() -> dict[str, set[str]]:
    """{key: templates using it}; every call must name its key literally, so that this finds them all."""
    used: dict[str, set[str]] = {}
    for path in sorted(TEMPLATES.glob("*.html")) + sorted(TEMPLATES.glob("*.xml")):
        text = path.read_text(encoding="utf-8")
        calls, keys = _CALL.findall(text), _KEY.findall(text)
        assert len(calls) == len(keys), f"{path.name}: a |tr filter whose key is not a string literal"
        for a, b in keys:
            used.setdefault(a or b, set()).add(path.name)
    return used


def test_every_template_key_is_in_the_catalogue_and_every_entry_is_used():
    catalogue = load_catalogue(TEMPLATES)
    used = template_keys()
    missing = {k: sorted(v) for k, v in used.items() if k not in catalogue}
    assert missing == {}, f"keys used by templates but missing from strings.toml: {missing}"
    assert sorted(set(catalogue) - set(used)) == [], "strings.toml entries no template uses"
    assert len(used) > 50


def test_every_entry_has_both_languages():
    for key, e in load_catalogue(TEMPLATES).items():
        assert e.zh.strip() and e.en.strip(), key
        assert re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", e.zh), key
        assert not re.search(r"[\u4e00-\u9fff]", e.en), key


@pytest.mark.parametrize("toml, error", [
    ('[nav]\nthemes = { en = "Themes" }\n', r"\[nav.themes\]: no zh form"),
    ('[nav]\nthemes = { zh = "主题" }\n', r"\[nav.themes\]: no en form"),
    ('x = { zh = "  ", en = "X" }\n', r"\[x\]: no zh form"),
    ('x = { zh = "主题", en = "主题" }\n', r"\[x\]: the zh form must be Chinese and the en form must have no Chinese"),
    ('x = { zh = "Themes", en = "Themes" }\n', r"\[x\]: the zh form must be Chinese"),
    ('x = { zh = "约 {n} 分钟", en = "{minutes} min read" }\n', r"\[x\]: the forms use different placeholders"),
    ('x = { zh = "主题", en = "Themes", fr = "Thèmes" }\n', r"\[x\]: unknown field\(s\) fr"),
    ('x = { zh = "主题", en = "Themes", both = "zh" }\n', r"\[x\]: both must be one of"),
    ('x = "Themes"\n', r"\[x\]: expected a table"),
    ('x = { zh = "主题", en = "Themes", en_one = "Theme" }\n', r"\[x\]: en_one needs an \{n\}"),
])
def test_a_string_in_one_language_only_is_refused_naming_file_and_key(toml, error):
    with pytest.raises(CatalogueError, match=r"^strings\.toml: " + error):
        parse_catalogue(toml, "strings.toml")


def test_a_template_asking_for_an_unknown_key_fails_naming_it(tmp_path):
    for f in TEMPLATES.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    about = tmp_path / "about.html"
    about.write_text(about.read_text(encoding="utf-8").replace('"about.title"|tr', '"about.no_such_key"|tr'),
                     encoding="utf-8")
    with pytest.raises(KeyError, match=r"'about.no_such_key' is not in strings.toml"):
        render_site(sample_site(), tmp_path, STATIC)


def test_strings_markup_escaping_plural_and_nesting():
    s = Strings(parse_catalogue(
        'n = { zh = "{n} 篇文章", en = "{n} articles", en_one = "{n} article" }\n'
        'sum = { zh = "共 {what}。", en = "{what} in all.", both = "pair" }\n'
        'src = { zh = "来源：{seed}", en = "Source: {seed}" }\n'))
    one = s("n", n=1)
    assert one == ('<span class="i-en">1 article</span> '
                   '<span class="i-zh i-alt" lang="zh-Hans">1 篇文章</span>')
    assert "3 articles" in s("n", n=3)
    # a string inside another: each language takes the inner string's own form
    assert s("sum", what=s("n", n=2)) == ('<span class="i-en">2 articles in all.</span> '
                                          '<span class="i-zh" lang="zh-Hans">共 2 篇文章。</span>')
    # values are escaped unless they are markup already
    assert "Source: &lt;b&gt;" in s("src", seed="<b>")
    assert "Source: <code>a</code>" in s("src", seed=Markup("<code>a</code>"))
    assert s.attr("aria-label", "src", seed='"x"') == Markup(
        'aria-label="Source: &#34;x&#34;" data-zh-aria-label="来源：&#34;x&#34;"')
    with pytest.raises(KeyError):
        s("nope")


def test_pages_carry_both_forms_and_default_to_both_mode():
    pages = {p.path: p.content.decode() for p in render_site(sample_site(), TEMPLATES, STATIC) if p.path.endswith(".html")}
    for path, html in pages.items():
        # no JavaScript: Both mode, English interface with paired headings
        assert html.startswith('<!doctype html>\n<html lang="en" data-lang="both">'), path
        # the mode is applied by a blocking script in <head>, before the stylesheet and the body
        head = html[:html.index("</head>")]
        assert re.search(r'</title>\n<script src="(\.\./)*static/mode\.js"></script>', head), path
        assert head.index("static/mode.js") < head.index("site.css"), path
        assert html.count('class="i-en"') >= 8 and 'class="i-zh' in html, path
    idx = pages["index.html"]
    assert '<span class="i-en">7 articles, 3 themes.</span> <span class="i-zh i-alt" lang="zh-Hans">7 篇文章，3 个主题。</span>' in idx
    assert '<span class="i-en">Diplomacy</span> <span class="i-zh" lang="zh-Hans">外交</span>' in idx
    art = pages["articles/000-d20dbdfb-01.html"]
    assert '<span class="i-en">Lead</span> <span class="i-zh" lang="zh-Hans">导语</span>' in art
    assert "约 2 分钟（按每分钟 400 字计）" in art


def test_names_escape_and_fall_back_to_the_one_form_there_is():
    from sitegen.render.strings import names

    assert names("SCO", "上合", zh_first=True, en_class="i-alt") == (
        '<span class="i-zh" lang="zh-Hans">上合</span> <span class="i-en i-alt">SCO</span>')
    assert names("<b>", "<i>") == ('<span class="i-en">&lt;b&gt;</span> '
                                   '<span class="i-zh" lang="zh-Hans">&lt;i&gt;</span>')
    # no English, or the same text: one span, shown in every mode
    assert names(None, "花海") == names("花海", "花海") == '<span class="keep" lang="zh-Hans">花海</span>'
    assert names("Digest", "") == '<span class="keep" lang="en">Digest</span>'
