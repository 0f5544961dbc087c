"""Taxonomy and dictionary validation (sitegen.group.load_taxonomy)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.group import TaxonomyError, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
THEMES = ROOT / "themes.toml"
DICT = ROOT / "dictionary"

GOOD_THEME = '''
[[theme]]
slug = "economy"
name_en = "Economy"
name_zh = "经济"
keywords = ["经济", "产业"]
'''


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "themes.toml"
    p.write_text(text, encoding="utf-8")
    return p


def load_err(tmp_path: Path, text: str) -> str:
    with pytest.raises(TaxonomyError) as e:
        load_taxonomy(write(tmp_path, text), DICT)
    return str(e.value)


def test_repo_taxonomy_loads():
    tax = load_taxonomy(THEMES, DICT)
    slugs = [t.slug for t in tax.themes]
    assert len(slugs) >= 8 and len(set(slugs)) == len(slugs)
    for t in tax.themes:
        assert t.slug.isascii() and t.name_en and t.name_zh and len(t.keywords) >= 10
    assert "记者" in tax.stopwords and "本报讯" in tax.stopwords
    assert any(w == "上合组织" for w, _, _ in tax.user_words)


def test_minimal_file(tmp_path):
    tax = load_taxonomy(write(tmp_path, GOOD_THEME), DICT)
    assert tax.themes[0].keywords == ("经济", "产业")


@pytest.mark.parametrize("text, needles", [
    (GOOD_THEME.replace('name_en = "Economy"\n', ""), ["themes.toml", "theme[0]", "'economy'", "name_en", "missing"]),
    (GOOD_THEME.replace('slug = "economy"', 'slug = "Economy Theme"'), ["themes.toml", "slug", "lowercase"]),
    (GOOD_THEME.replace('slug = "economy"', 'slug = "auto-x"'), ["slug", "reserved"]),
    (GOOD_THEME.replace('slug = "economy"', 'slug = "other"'), ["slug", "reserved", "Other news"]),
    (GOOD_THEME + GOOD_THEME, ["theme[1]", "slug", "duplicate"]),
    (GOOD_THEME.replace('["经济", "产业"]', "[]"), ["theme[0]", "keywords", "non-empty"]),
    (GOOD_THEME.replace('["经济", "产业"]', '["经济", "economy"]'), ["keywords", "'economy'", "Chinese"]),
    (GOOD_THEME.replace('["经济", "产业"]', '["经济", "经济"]'), ["keywords", "duplicate"]),
    (GOOD_THEME.replace('["经济", "产业"]', '["经济", "中国—中亚"]'), ["keywords", "'中国—中亚'", "punctuation"]),
    (GOOD_THEME.replace('name_zh = "经济"', 'name_zh = "Economy"'), ["name_zh", "Chinese"]),
    (GOOD_THEME.replace('keywords', 'colour = "red"\nkeywords'), ["theme[0]", "colour", "unknown key"]),
    (GOOD_THEME + GOOD_THEME.replace('"economy"', '"industry"'), ["keywords", "'经济'", "economy"]),
    ("[settings]\nmin_theme_score = 'high'\n" + GOOD_THEME, ["settings.min_theme_score", "number"]),
    ("[settings]\nthreshold = 0.1\n" + GOOD_THEME, ["settings.threshold", "unknown setting"]),
    ("[settings]\n", ["theme", "at least one"]),
    ("[[theme]\nslug=", ["themes.toml", "invalid TOML"]),
    ("colour = 1\n" + GOOD_THEME, ["colour", "top-level"]),
])
def test_errors_name_file_and_key(tmp_path, text, needles):
    msg = load_err(tmp_path, text)
    for n in needles:
        assert n in msg, (n, msg)


def dict_dir(tmp_path, user_dict: str | None = None):
    """A dictionary folder with the repo's stop words and the given user_dict.txt (none if None)."""
    d = tmp_path / "dict"
    d.mkdir()
    shutil.copy(DICT / "stopwords.txt", d)
    if user_dict is not None:
        (d / "user_dict.txt").write_text(user_dict, encoding="utf-8")
    return d


def test_missing_files(tmp_path):
    with pytest.raises(TaxonomyError, match="not found"):
        load_taxonomy(tmp_path / "nope.toml", DICT)
    with pytest.raises(TaxonomyError, match="user_dict.txt"):
        load_taxonomy(THEMES, dict_dir(tmp_path))


def test_user_dict_word_with_punctuation(tmp_path):
    d = dict_dir(tmp_path, "艾尔肯·吐尼亚孜 1000 nr\n")
    with pytest.raises(TaxonomyError, match=r"user_dict.txt: line 1: .*艾尔肯·吐尼亚孜"):
        load_taxonomy(THEMES, d)


def test_bad_user_dict_line(tmp_path):
    d = dict_dir(tmp_path, "# ok\n上合组织 3000 nt\n坏词 many words here\n")
    with pytest.raises(TaxonomyError, match=r"user_dict.txt: line 3"):
        load_taxonomy(THEMES, d)
