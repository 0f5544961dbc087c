"""Loading and validating the grouping taxonomy (``themes.toml``) and the jieba dictionary.

``themes.toml`` layout (see the file itself for the maintained taxonomy)::

    [settings]              # optional; every key optional
    min_theme_score = 0.04  # below this an article is "off-taxonomy" -> automatic theme

    [[theme]]
    slug = "diplomacy"                      # ASCII: a-z, 0-9, '-' ; unique
    name_en = "Diplomacy & International Cooperation"
    name_zh = "外交与国际合作"
    keywords = ["外交", "上合组织", ...]    # Chinese keywords, unique within the theme

Errors raise :class:`TaxonomyError` whose message names the file and the offending key,
e.g. ``themes.toml: theme[3] (slug 'economy'): 'keywords' must be a non-empty list of strings``.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HAN_RE = re.compile(r"[\u3400-\u9fff]")
# jieba looks words up only inside runs of these characters (its re_han_default); a word with
# other characters (· — “ ” spaces) can never come out of the segmenter whole.
JIEBA_WORD_RE = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")

USER_DICT = "user_dict.txt"
STOPWORDS = "stopwords.txt"


class TaxonomyError(ValueError):
    """A problem in themes.toml or the dictionary directory; the message names file and key."""


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    name_en: str
    name_zh: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    """Tunable knobs; defaults are the values the seeds and tests were calibrated with."""

    min_theme_score: float = 0.045  # best configured score below this -> automatic theme
    neighbour_weight: float = 0.6  # how strongly similar articles pull each other's theme scores
    neighbour_min_sim: float = 0.12  # neighbours below this cosine do not pull
    auto_cluster_sim: float = 0.15  # off-taxonomy articles at least this similar share a theme
    adopt_sim: float = 0.30  # an off-taxonomy article this similar to a themed one adopts its theme
    headline_weight: float = 3.0
    headline_theme_weight: float = 0.5  # theme keywords in the headline: density among its terms, x this, added
    lead_weight: float = 1.5
    max_body_chars: int = 6000  # long bodies are cut (keeps 10k-article builds bounded)


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[ThemeSpec, ...]
    settings: Settings
    user_dict: Path
    stopwords: frozenset[str]
    source: Path
    user_words: tuple[tuple[str, int | None, str | None], ...] = field(default=(), repr=False)

    def theme(self, slug: str) -> ThemeSpec:
        for t in self.themes:
            if t.slug == slug:
                return t
        raise KeyError(slug)


def _err(path: Path, where: str, msg: str) -> TaxonomyError:
    return TaxonomyError(f"{path.name}: {where}: {msg}" if where else f"{path.name}: {msg}")


def _parse_settings(path: Path, raw: object) -> Settings:
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        raise _err(path, "settings", "must be a table ([settings])")
    defaults = Settings()
    values = {}
    for key, value in raw.items():
        if not hasattr(defaults, key):
            known = ", ".join(sorted(Settings.__dataclass_fields__))
            raise _err(path, f"settings.{key}", f"unknown setting (known: {known})")
        expected = type(getattr(defaults, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _err(path, f"settings.{key}", f"must be a number, got {value!r}")
        if expected is int and not isinstance(value, int):
            raise _err(path, f"settings.{key}", f"must be an integer, got {value!r}")
        if value < 0:
            raise _err(path, f"settings.{key}", f"must not be negative, got {value!r}")
        values[key] = expected(value)
    return Settings(**values)


def _parse_theme(path: Path, i: int, raw: object, seen: dict[str, int]) -> ThemeSpec:
    where = f"theme[{i}]"
    if not isinstance(raw, dict):
        raise _err(path, where, "must be a table ([[theme]])")
    slug = raw.get("slug")
    if slug is not None:
        where = f"theme[{i}] (slug {slug!r})"
    allowed = {"slug", "name_en", "name_zh", "keywords"}
    for key in raw:
        if key not in allowed:
            raise _err(path, f"{where}.{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})")
    for key in ("slug", "name_en", "name_zh", "keywords"):
        if key not in raw:
            raise _err(path, f"{where}.{key}", "missing")
    for key in ("slug", "name_en", "name_zh"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise _err(path, f"{where}.{key}", f"must be a non-empty string, got {raw[key]!r}")
    if not SLUG_RE.match(slug):
        raise _err(path, f"{where}.slug", "must be lowercase ASCII letters/digits separated by '-'")
    if slug.startswith("auto-"):
        raise _err(path, f"{where}.slug", "the 'auto-' prefix is reserved for automatic themes")
    if slug == "other":
        raise _err(path, f"{where}.slug", "'other' is reserved for \"Other news\" (articles no theme fits)")
    if slug in seen:
        raise _err(path, f"{where}.slug", f"duplicate slug (also theme[{seen[slug]}])")
    seen[slug] = i
    if not HAN_RE.search(raw["name_zh"]):
        raise _err(path, f"{where}.name_zh", f"must be Chinese, got {raw['name_zh']!r}")
    kws = raw["keywords"]
    if not isinstance(kws, list) or not kws or not all(isinstance(k, str) for k in kws):
        raise _err(path, f"{where}.keywords", "must be a non-empty list of strings")
    cleaned: list[str] = []
    for k in kws:
        k = k.strip()
        if not k or not HAN_RE.search(k):
            raise _err(path, f"{where}.keywords", f"keyword {k!r} must contain Chinese characters")
        if not JIEBA_WORD_RE.match(k):
            raise _err(path, f"{where}.keywords",
                       f"keyword {k!r} contains spaces or punctuation (· — “”), which the segmenter "
                       "splits on; list the parts instead")
        if k in cleaned:
            raise _err(path, f"{where}.keywords", f"duplicate keyword {k!r}")
        cleaned.append(k)
    return ThemeSpec(slug=slug, name_en=raw["name_en"].strip(), name_zh=raw["name_zh"].strip(),
                     keywords=tuple(cleaned))


def read_user_dict(path: Path) -> tuple[tuple[str, int | None, str | None], ...]:
    """Parse ``word [freq] [tag]`` lines; '#' starts a comment line."""
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) > 3:
            raise TaxonomyError(f"{path.name}: line {n}: expected 'word [freq] [tag]', got {line!r}")
        word, freq, tag = parts[0], None, None
        if not JIEBA_WORD_RE.match(word):
            raise TaxonomyError(f"{path.name}: line {n}: word {word!r} contains punctuation (· — “”) that "
                                "jieba splits on before dictionary look-up; add the parts separately")
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
            if not re.fullmatch(r"[a-z]+", tag):
                raise TaxonomyError(f"{path.name}: line {n}: bad POS tag {tag!r} (e.g. n, nr, ns, nt, nz, vn, l)")
        if rest:
            raise TaxonomyError(f"{path.name}: line {n}: frequency must be an integer, got {line!r}")
        entries.append((word, freq, tag))
    return tuple(entries)


def read_stopwords(path: Path) -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


def load_taxonomy(themes_path: Path, dictionary_dir: Path) -> Taxonomy:
    """Read and validate ``themes.toml`` plus ``dictionary/{user_dict,stopwords}.txt``."""
    themes_path = Path(themes_path)
    dictionary_dir = Path(dictionary_dir)
    try:
        raw = tomllib.loads(themes_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TaxonomyError(f"{themes_path}: file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise TaxonomyError(f"{themes_path.name}: invalid TOML: {e}") from None
    for key in raw:
        if key not in ("settings", "theme"):
            raise _err(themes_path, key, "unknown top-level key (expected [settings] and [[theme]])")
    settings = _parse_settings(themes_path, raw.get("settings"))
    themes_raw = raw.get("theme")
    if not isinstance(themes_raw, list) or not themes_raw:
        raise _err(themes_path, "theme", "at least one [[theme]] table is required")
    seen: dict[str, int] = {}
    themes = tuple(_parse_theme(themes_path, i, t, seen) for i, t in enumerate(themes_raw))
    owner: dict[str, str] = {}
    for t in themes:
        for k in t.keywords:
            if k in owner:
                raise _err(themes_path, f"theme (slug {t.slug!r}).keywords",
                           f"keyword {k!r} is also listed under theme {owner[k]!r}; a keyword belongs to one theme")
            owner[k] = t.slug

    user_dict = dictionary_dir / USER_DICT
    stop_path = dictionary_dir / STOPWORDS
    for p in (user_dict, stop_path):
        if not p.is_file():
            raise TaxonomyError(f"{p}: file not found (dictionary directory must hold {USER_DICT} and {STOPWORDS})")
    return Taxonomy(themes=themes, settings=settings, user_dict=user_dict,
                    stopwords=read_stopwords(stop_path), source=themes_path,
                    user_words=read_user_dict(user_dict))
