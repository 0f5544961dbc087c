"""Build configuration: optional ``sitegen.toml`` validated before anything runs.

Every key is optional; the file itself may be absent. Unknown keys and bad values are errors
that name the key. Relative paths are resolved against the directory holding the config file
(or the current directory when there is none).

```toml
title = "Press Digest"          # site title (English)
title_zh = "新闻摘要"            # site title (Chinese)
base_url = "https://user.github.io/repo/"   # published root; "" when unknown

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
from typing import Any

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


_TOP = {"title": str, "title_zh": str, "base_url": str}
_PATHS = {
    "seeds": "seeds_dir",
    "out": "out_dir",
    "templates": "templates_dir",
    "static": "static_dir",
    "themes": "themes_path",
    "dictionary": "dictionary_dir",
    "memory": "memory_path",
    "history": "history_path",
}
_LANGS = {"source": "source_lang", "target": "target_lang"}
_SUPPORTED_LANGS = {("zh", "en")}


def _expect(where: str, key: str, value: Any, kind: type) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: key '{key}' must be a {kind.__name__}, not {type(value).__name__} ({value!r})")
    return value


def _check_base_url(where: str, url: str) -> str:
    if url and not (url.startswith("https://") or url.startswith("http://")):
        raise ConfigError(f"{where}: key 'base_url' must start with http:// or https:// (got {url!r})")
    if url and not url.endswith("/"):
        url += "/"
    return url


def parse_config(data: dict[str, Any], root: Path, where: str) -> Config:
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TOP:
            values[key] = _expect(where, key, value, str)
        elif key == "paths":
            table = _expect(where, key, value, dict)
            for sub, sub_value in table.items():
                if sub not in _PATHS:
                    raise ConfigError(f"{where}: unknown key 'paths.{sub}' (known: {', '.join(sorted(_PATHS))})")
                values[_PATHS[sub]] = Path(_expect(where, f"paths.{sub}", sub_value, str))
        elif key == "languages":
            table = _expect(where, key, value, dict)
            for sub, sub_value in table.items():
                if sub not in _LANGS:
                    raise ConfigError(f"{where}: unknown key 'languages.{sub}' (known: source, target)")
                values[_LANGS[sub]] = _expect(where, f"languages.{sub}", sub_value, str)
        elif key == "reading_aid":
            values["reading_aid"] = _expect(where, key, value, bool)
        elif key == "translation":
            table = _expect(where, key, value, dict)
            for sub, sub_value in table.items():
                if sub != "strict":
                    raise ConfigError(f"{where}: unknown key 'translation.{sub}' (known: strict)")
                values["strict"] = _expect(where, "translation.strict", sub_value, bool)
        else:
            known = ", ".join(sorted([*_TOP, "paths", "languages", "reading_aid", "translation"]))
            raise ConfigError(f"{where}: unknown key '{key}' (known: {known})")
    if "base_url" in values:
        values["base_url"] = _check_base_url(where, values["base_url"])
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
    """Apply command-line overrides (None values are ignored)."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    if "base_url" in clean:
        clean["base_url"] = _check_base_url("command line", clean["base_url"])
    return replace(config, **clean)
