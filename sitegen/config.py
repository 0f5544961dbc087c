"""Build configuration: optional ``sitegen.toml`` validated before anything runs.

Every key is optional; the file itself may be absent. Unknown keys and bad values are errors
that name the key. Relative paths are resolved against the directory holding the config file
(or the current directory when there is none).

```toml
title = "Press Digest"          # site title (English)
title_zh = "新闻摘要"            # site title (Chinese)
base_url = "https://user.github.io/repo/"   # published root; "" when unknown
reading_aid = true              # dictionary glosses, pinyin and key terms on article pages

[paths]
seeds = "seeds"
out = "site"
templates = "templates"
static = "static"
themes = "themes.toml"
dictionary = "dictionary"
memory = "translations/memory.json"
history = "translations/history.json"   # when each article first appeared (committed)

[languages]
source = "zh"
target = "en"

[translation]
strict = false        # fail the build when texts await translation
```
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

CONFIG_NAME = "sitegen.toml"


class ConfigError(Exception):
    """The configuration is invalid; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    root: Path
    title: str = "Press Digest"
    title_zh: str = "新闻摘要"
    base_url: str = ""
    seeds_dir: Path = Path("seeds")
    out_dir: Path = Path("site")
    templates_dir: Path = Path("templates")
    static_dir: Path = Path("static")
    themes_path: Path = Path("themes.toml")
    dictionary_dir: Path = Path("dictionary")
    memory_path: Path = Path("translations/memory.json")
    history_path: Path = Path("translations/history.json")
    source_lang: str = "zh"
    target_lang: str = "en"
    strict: bool = False
    reading_aid: bool = True  # dictionary glosses, pinyin and key terms on article pages (issue 22)

    def resolved(self) -> "Config":
        def res(p: Path) -> Path:
            return p if p.is_absolute() else (self.root / p)

        return replace(
            self,
            seeds_dir=res(self.seeds_dir),
            out_dir=res(self.out_dir),
            templates_dir=res(self.templates_dir),
            static_dir=res(self.static_dir),
            themes_path=res(self.themes_path),
            dictionary_dir=res(self.dictionary_dir),
            memory_path=res(self.memory_path),
            history_path=res(self.history_path),
        )


def _check_base_url(where: str, url: str) -> str:
    if url and not (url.startswith("https://") or url.startswith("http://")):
        raise ConfigError(f"{where}: key 'base_url' must start with http:// or https:// (got {url!r})")
    if url and not url.endswith("/"):
        url += "/"
    return url


@dataclass(frozen=True)
class _Key:
    """One key of ``sitegen.toml``: the ``Config`` field it sets, the TOML type it takes (a path
    is a string), and a check that may normalise the value (``base_url`` gains its slash)."""

    field: str
    kind: type
    check: Callable[[str, Any], Any] | None = None

    def value(self, where: str, key: str, value: Any) -> Any:
        toml_kind = str if self.kind is Path else self.kind
        if not isinstance(value, toml_kind):
            raise ConfigError(f"{where}: key '{key}' must be a {toml_kind.__name__}, "
                              f"not {type(value).__name__} ({value!r})")
        value = Path(value) if self.kind is Path else value
        return self.check(where, value) if self.check else value


#: Every key, dotted as in the file: the one schema that parsing, command-line overrides and the
#: module docstring's sample (checked by tests/test_config.py) follow.
KEYS: dict[str, _Key] = {
    "title": _Key("title", str),
    "title_zh": _Key("title_zh", str),
    "base_url": _Key("base_url", str, _check_base_url),
    "reading_aid": _Key("reading_aid", bool),
    "paths.seeds": _Key("seeds_dir", Path),
    "paths.out": _Key("out_dir", Path),
    "paths.templates": _Key("templates_dir", Path),
    "paths.static": _Key("static_dir", Path),
    "paths.themes": _Key("themes_path", Path),
    "paths.dictionary": _Key("dictionary_dir", Path),
    "paths.memory": _Key("memory_path", Path),
    "paths.history": _Key("history_path", Path),
    "languages.source": _Key("source_lang", str),
    "languages.target": _Key("target_lang", str),
    "translation.strict": _Key("strict", bool),
}
_SUPPORTED_LANGS = {("zh", "en")}


def _known(prefix: str) -> str:
    """The keys a table (``prefix`` "paths.", or "" for the top) may hold, for error messages."""
    names = {k[len(prefix):].split(".")[0] for k in KEYS if k.startswith(prefix)}
    return ", ".join(sorted(names))


def _flatten(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The file's values by dotted key, every key known and every table a table."""
    tables = {k.split(".")[0] for k in KEYS if "." in k}
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in tables:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: key '{key}' must be a table, not {type(value).__name__} ({value!r})")
            for sub, sub_value in value.items():
                if f"{key}.{sub}" not in KEYS:
                    raise ConfigError(f"{where}: unknown key '{key}.{sub}' (known: {_known(key + '.')})")
                flat[f"{key}.{sub}"] = sub_value
        elif key in KEYS:
            flat[key] = value
        else:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {_known('')})")
    return flat


def parse_config(data: dict[str, Any], root: Path, where: str) -> Config:
    values = {KEYS[key].field: KEYS[key].value(where, key, value) for key, value in _flatten(data, where).items()}
    config = Config(root=root, **values)
    if (config.source_lang, config.target_lang) not in _SUPPORTED_LANGS:
        raise ConfigError(
            f"{where}: languages {config.source_lang}→{config.target_lang} are not supported (only zh→en)"
        )
    return config


def load_config(path: Path | None = None, root: Path | None = None) -> Config:
    """Load ``path`` (or ``<root>/sitegen.toml`` if it exists), else defaults rooted at ``root``."""
    root = root or Path.cwd()
    if path is None:
        candidate = root / CONFIG_NAME
        if not candidate.exists():
            return Config(root=root).resolved()
        path = candidate
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parse_config(data, path.parent.resolve(), str(path)).resolved()


def with_overrides(config: Config, **overrides: Any) -> Config:
    """Apply command-line overrides, given by ``Config`` field (None values are ignored), with the
    same checks as the file's values (a path may be given as a ``Path``)."""
    by_field = {k.field: (dotted, k) for dotted, k in KEYS.items()}
    clean = {}
    for name, value in overrides.items():
        if value is None:
            continue
        dotted, key = by_field[name]
        clean[name] = key.value("command line", dotted, str(value) if isinstance(value, Path) else value)
    return replace(config, **clean)
