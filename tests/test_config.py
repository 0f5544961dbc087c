"""sitegen.config: validation names the key, paths resolve against the config's directory."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sitegen import config as config_module
from sitegen.config import Config, ConfigError, load_config, with_overrides


def write_config(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "sitegen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_absent_file_gives_defaults_rooted_at_root(tmp_path):
    config = load_config(root=tmp_path)
    assert config.title == Config(root=tmp_path).title
    assert config.base_url == ""
    assert config.strict is False
    assert config.seeds_dir == tmp_path / "seeds"
    assert config.out_dir == tmp_path / "site"
    assert config.templates_dir == tmp_path / "templates"
    assert config.static_dir == tmp_path / "static"
    assert config.themes_path == tmp_path / "themes.toml"
    assert config.dictionary_dir == tmp_path / "dictionary"
    assert config.memory_path == tmp_path / "translations" / "memory.json"


def test_sitegen_toml_in_root_is_picked_up(tmp_path):
    write_config(tmp_path, 'title = "My Digest"\n')
    assert load_config(root=tmp_path).title == "My Digest"


def test_explicit_missing_file_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="nope.toml"):
        load_config(missing)


def test_relative_paths_resolve_against_the_config_directory(tmp_path, monkeypatch):
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    absolute_static = tmp_path / "abs-static"
    path = write_config(
        tmp_path / "project",
        f'[paths]\nseeds = "input/seeds"\nout = "../public"\nstatic = "{absolute_static.as_posix()}"\n',
    )
    config = load_config(path)
    project = (tmp_path / "project").resolve()
    assert config.root == project
    assert config.seeds_dir == project / "input" / "seeds"
    assert config.out_dir == project / ".." / "public"
    assert config.static_dir == absolute_static  # absolute paths are kept as given
    assert config.templates_dir == project / "templates"  # unset keys default relative to the config too


def _documented() -> str:
    """The TOML sample in sitegen/config.py's docstring."""
    doc = config_module.__doc__ or ""
    return doc.split("```toml\n", 1)[1].split("```", 1)[0]


def _dotted(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        keys |= _dotted(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def test_the_documented_sample_shows_every_key_and_is_accepted(tmp_path):
    sample = _documented()
    assert _dotted(tomllib.loads(sample)) == set(config_module.KEYS)
    config = load_config(write_config(tmp_path, sample))
    assert config.title_zh == "新闻摘要"
    assert config.base_url == "https://user.github.io/repo/"
    assert config.reading_aid is True and config.strict is False
    assert config.themes_path == tmp_path.resolve() / "themes.toml"
    assert config.memory_path == tmp_path.resolve() / "translations/memory.json"


def test_every_key_sets_its_field(tmp_path):
    """Each key in a file, with a value unlike the default, lands in the field the table names."""
    text = '''
title = "T"
title_zh = "题"
base_url = "https://example.org/x/"
reading_aid = false

[paths]
seeds = "s"
out = "o"
templates = "t"
static = "st"
themes = "th.toml"
dictionary = "d"
memory = "m.json"
history = "h.json"

[languages]
source = "zh"
target = "en"

[translation]
strict = true
'''
    config = load_config(write_config(tmp_path, text))
    default = Config(root=tmp_path.resolve()).resolved()
    changed = {f for f in ("title", "title_zh", "base_url", "reading_aid", "strict", "seeds_dir", "out_dir",
                           "templates_dir", "static_dir", "themes_path", "dictionary_dir", "memory_path",
                           "history_path") if getattr(config, f) != getattr(default, f)}
    assert changed == {k.field for k in config_module.KEYS.values()} - {"source_lang", "target_lang"}
    assert config.history_path == tmp_path.resolve() / "h.json"


@pytest.mark.parametrize(
    "text, named",
    [
        ('colour = "red"\n', "'colour'"),
        ('[paths]\nseed = "s"\n', "'paths.seed'"),
        ('[languages]\nsrc = "zh"\n', "'languages.src'"),
        ("[translation]\nstrictly = true\n", "'translation.strictly'"),
    ],
)
def test_unknown_key_is_named(tmp_path, text, named):
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert named in message
    assert str(path) in message
    assert "unknown key" in message


@pytest.mark.parametrize(
    "text, named",
    [
        ("title = 5\n", "'title'"),
        ("base_url = false\n", "'base_url'"),
        ("[paths]\nseeds = 3\n", "'paths.seeds'"),
        ('[translation]\nstrict = "yes"\n', "'translation.strict'"),
        ('paths = "seeds"\n', "'paths'"),
        ("[languages]\nsource = 1\n", "'languages.source'"),
    ],
)
def test_bad_type_is_named(tmp_path, text, named):
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert named in message
    assert "must be a" in message


def test_invalid_toml_names_the_file(tmp_path):
    path = write_config(tmp_path, "title = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_unsupported_language_pair(tmp_path):
    path = write_config(tmp_path, '[languages]\ntarget = "fr"\n')
    with pytest.raises(ConfigError, match="not supported"):
        load_config(path)


@pytest.mark.parametrize("url", ["ftp://example.com/", "user.github.io/repo/", "/repo/"])
def test_base_url_must_be_http(tmp_path, url):
    path = write_config(tmp_path, f'base_url = "{url}"\n')
    with pytest.raises(ConfigError, match="base_url"):
        load_config(path)


def test_base_url_gets_a_trailing_slash(tmp_path):
    path = write_config(tmp_path, 'base_url = "https://user.github.io/repo"\n')
    assert load_config(path).base_url == "https://user.github.io/repo/"


def test_empty_base_url_means_unknown(tmp_path):
    path = write_config(tmp_path, 'base_url = ""\n')
    assert load_config(path).base_url == ""


def test_overrides_check_base_url_and_ignore_none(tmp_path):
    config = load_config(root=tmp_path)
    same = with_overrides(config, seeds_dir=None, out_dir=None, base_url=None)
    assert same == config
    changed = with_overrides(config, base_url="https://user.github.io/repo", out_dir=tmp_path / "x")
    assert changed.base_url == "https://user.github.io/repo/"
    assert changed.out_dir == tmp_path / "x"
    with pytest.raises(ConfigError, match="command line.*base_url"):
        with_overrides(config, base_url="javascript:alert(1)")
    with pytest.raises(ConfigError, match="command line: key 'paths.out' must be a str"):
        with_overrides(config, out_dir=3)
