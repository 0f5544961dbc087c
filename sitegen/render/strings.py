"""The interface's strings in Chinese and English, from ``strings.toml`` in the templates' folder.

Each page carries both forms of every interface string, each in an element with a class
(``i-zh``/``i-en``) that the stylesheet hides per reading mode
(``<html data-lang>``: ``zh``, ``both``, ``en``): one page serves the three modes and no
script swaps text. In Both mode a string shows both forms only where its entry says
``both = "pair"`` (headings, short labels); otherwise only the English one, so that Both
stays uncluttered. The Chinese form has ``lang="zh-Hans"``; the English one needs none: it shows
only where the page's language is English (``<html lang="en">`` in Both and English mode and
without scripts; 中文 mode hides it), and none is ever placed in Chinese text (a test checks
the built site), so ~45 ``lang="en"`` a page are left out.

Catalogue entries (nested TOML tables flatten to dotted keys, ``nav.themes``)::

    [nav]
    themes = { zh = "主题", en = "Themes", both = "pair" }
    [count]
    articles = { zh = "{n} 篇文章", en = "{n} articles", en_one = "{n} article" }

``{name}`` placeholders are filled by the template (escaped unless already markup); both
forms must use the same ones. ``en_one`` is the English singular, used when ``n`` is 1.
"""
from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

CATALOGUE = "strings.toml"
FIELDS = frozenset({"zh", "en", "en_one", "both"})
BOTH_MODES = ("en", "pair")
ZH_LANG, EN_LANG = "zh-Hans", "en"
MEMO_LIMIT = 100_000  # distinct calls remembered per catalogue (then forgotten, and made again)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # Han or Chinese punctuation


class CatalogueError(ValueError):
    """A malformed catalogue: the message names the file and the key."""


@dataclass(frozen=True)
class Entry:
    zh: str
    en: str
    en_one: str | None = None
    both: str = "en"  # what Both mode shows: "en" (the English form) or "pair" (both forms)


class Bilingual(Markup):
    """The HTML of both forms of a string, remembering each form for use inside another string."""

    zh: Markup
    en: Markup

    def __new__(cls, html: str, zh: Markup, en: Markup):
        self = super().__new__(cls, html)
        self.zh, self.en = zh, en
        return self


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _flatten(table: dict, prefix: str = ""):
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and not (value.keys() & {"zh", "en"}):
            yield from _flatten(value, key + ".")
        else:
            yield key, value


def parse_catalogue(text: str, source: str = CATALOGUE) -> dict[str, Entry]:
    """Entries of a catalogue; :class:`CatalogueError` (naming ``source`` and the key) when
    a string lacks one of its languages, has an unknown field or mismatched placeholders."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CatalogueError(f"{source}: {e}") from None
    entries: dict[str, Entry] = {}
    for key, value in _flatten(data):
        where = f"{source}: [{key}]"
        if not isinstance(value, dict):
            raise CatalogueError(f"{where}: expected a table with zh and en, got {value!r}")
        unknown = sorted(value.keys() - FIELDS)
        if unknown:
            raise CatalogueError(f"{where}: unknown field(s) {', '.join(unknown)}")
        for lang in ("zh", "en"):
            form = value.get(lang)
            if not isinstance(form, str) or not form.strip():
                raise CatalogueError(f"{where}: no {lang} form (every string needs both zh and en)")
        if _HAN.search(value["en"] + value.get("en_one", "")) or not _ZH.search(value["zh"]):
            raise CatalogueError(f"{where}: the zh form must be Chinese and the en form must have no Chinese")
        both = value.get("both", "en")
        if both not in BOTH_MODES:
            raise CatalogueError(f"{where}: both must be one of {', '.join(BOTH_MODES)}, not {both!r}")
        forms = {f: value[f] for f in ("zh", "en", "en_one") if f in value}
        try:
            names = {f: _fields(v) for f, v in forms.items()}
        except ValueError as e:
            raise CatalogueError(f"{where}: bad placeholder: {e}") from None
        if len({frozenset(v) for v in names.values()}) > 1:
            raise CatalogueError(f"{where}: the forms use different placeholders: {names}")
        if "en_one" in forms and "n" not in names["en"]:
            raise CatalogueError(f"{where}: en_one needs an {{n}} placeholder to choose by")
        entries[key] = Entry(value["zh"], value["en"], value.get("en_one"), both)
    return entries


def load_catalogue(templates_dir: Path) -> dict[str, Entry]:
    path = Path(templates_dir) / CATALOGUE
    return parse_catalogue(path.read_text(encoding="utf-8"), str(path))


class Strings:
    """The catalogue for templates (``"key"|tr``): both forms of a string as HTML, or one form as text."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        # Pages ask for the same strings again and again (navigation, footer, badges): each
        # distinct call is made once. Keys are the call's arguments (str, int, markup).
        self._memo: dict[tuple, Markup] = {}

    def _entry(self, key: str) -> Entry:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"interface string {key!r} is not in {CATALOGUE}") from None

    def form(self, key: str, lang: str, **params) -> Markup:
        """One language's form (``lang`` "zh" or "en"), placeholders filled, as escaped markup."""
        e = self._entry(key)
        text = e.zh if lang == "zh" else (e.en_one if e.en_one and params.get("n") == 1 else e.en)
        if not params:
            return escape(text)
        # str.format on escaped text with escaped values (markup stays as it is): what
        # Markup.format does, at a fraction of its cost.
        values = {k: escape(getattr(v, lang) if isinstance(v, Bilingual) else v) for k, v in params.items()}
        return Markup(str(escape(text)).format(**values))

    def text(self, key: str, lang: str, **params) -> str:
        """One form as plain text (for attributes and titles, which Jinja escapes)."""
        return self.form(key, lang, **params).striptags()

    def _memoised(self, make, *args, **params) -> Markup:
        memo_key = (make, *args, *sorted(params.items()))
        found = self._memo.get(memo_key)
        if found is None:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[memo_key] = make(*args, **params)
        return found

    def __call__(self, key: str, **params) -> Bilingual:
        return self._memoised(self._both, key, **params)

    def _both(self, key: str, **params) -> Bilingual:
        zh, en = self.form(key, "zh", **params), self.form(key, "en", **params)
        alt = "" if self._entry(key).both == "pair" else " i-alt"
        html = Markup(f'<span class="i-en">{en}</span> <span class="i-zh{alt}" lang="{ZH_LANG}">{zh}</span>')
        return Bilingual(html, zh, en)

    def attr(self, name: str, key: str, **params) -> Markup:
        """``name="English" data-zh-name="中文"``: the site's script sets the attribute to the
        reading mode's form (Both: English), keeping the English one it found as ``data-en-name``
        (not written here: it would repeat the attribute's value in every page)."""
        return self._memoised(self._attr, name, key, **params)

    def _attr(self, name: str, key: str, **params) -> Markup:
        en, zh = self.text(key, "en", **params), self.text(key, "zh", **params)
        return Markup('{0}="{1}" data-zh-{0}="{2}"').format(Markup(name), en, zh)


_LOADED: dict[Path, tuple[float, Strings]] = {}


def strings_for(templates_dir: Path) -> Strings:
    """The catalogue of ``templates_dir``, read once per process (again when the file changes);
    an empty one when there is none (a template that asks for a string then fails, naming it)."""
    path = (Path(templates_dir) / CATALOGUE).resolve()
    if not path.is_file():
        return Strings({})
    mtime = path.stat().st_mtime_ns
    found = _LOADED.get(path)
    if found is None or found[0] != mtime:
        found = _LOADED[path] = (mtime, Strings(load_catalogue(templates_dir)))
    return found[1]


def untranslated(name: str) -> Markup:
    """A name that stays as it is in every language (``sitegen``, ``Atom``), marked ``translate="no"``."""
    return Markup('<span translate="no">{}</span>').format(name)


@lru_cache(maxsize=MEMO_LIMIT)
def names(en: str | None, zh: str | None, zh_first: bool = False, zh_class: str = "", en_class: str = "") -> Markup:
    """A name in English and Chinese (site title, theme, tag): each mode shows its own, Both
    shows both (give the one to leave out in Both the class ``i-alt``, as breadcrumbs do). A name
    with no English form, or the same in both, shows in every mode (class ``keep``). Made once
    per distinct call: pages name the same themes and tags again and again."""
    if en and zh and en != zh:
        en_html = f'<span class="i-en{" " + en_class if en_class else ""}">{escape(en)}</span>'
        zh_html = f'<span class="i-zh{" " + zh_class if zh_class else ""}" lang="{ZH_LANG}">{escape(zh)}</span>'
        return Markup(f"{zh_html} {en_html}" if zh_first else f"{en_html} {zh_html}")
    if zh:
        return Markup(f'<span class="keep" lang="{ZH_LANG}">{escape(zh)}</span>')
    return Markup(f'<span class="keep" lang="{EN_LANG}">{escape(en or "")}</span>')


def install(env, templates_dir: Path) -> None:
    """Give ``env``'s templates the catalogue as filters — ``"key"|tr(**params)`` (both forms),
    ``"key"|tr_attr("aria-label")``, ``"key"|tr_text("zh")`` (one form as text) — and
    ``"Atom"|untranslated`` and ``names(en, zh)``. Filters rather than functions: Jinja calls
    a filter directly, a function through its context (4x the cost on every page)."""
    strings = strings_for(templates_dir)
    env.filters.update(
        tr=strings,
        tr_attr=lambda key, name, **params: strings.attr(name, key, **params),
        tr_text=strings.text,
        untranslated=untranslated,
    )
    env.globals["names"] = names
