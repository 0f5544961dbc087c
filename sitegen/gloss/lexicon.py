"""Words → dictionary glosses: pinyin with tone marks and CC-CEDICT senses.

CC-CEDICT's headwords come compiled (``sitegen.gloss.cedict``). A word it lacks — a name or
term of the user dictionary, a word jieba's HMM found — gets the pinyin of the known words
it is made of (CC-CEDICT knows 阿勒泰 Ā lè tài, where pypinyin says lēi), those parts, and
"name" or "term" when the user dictionary lists it. A word the HMM found that has a person's
name's shape (``sitegen.gloss.names``: 陈勇森) is a "name" with its pinyin, the surname read as
a surname (曾 Zēng), without parts: "Chen surname + brave + forest" would mislead. Words come
from grouping's segmenter, so a polyphone is read as part of the word it belongs to. The lexicon is loaded once per
process (``load``), before the render helpers fork; each word is looked up once.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass

from .cedict import compiled, data_version, marks, reading
from .names import SURNAME_READINGS, is_person_name

__all__ = ["Gloss", "Lexicon", "Reading", "data_version", "load", "marks"]

HAN_WORD = re.compile(r"^[\u3400-\u9fff\U00020000-\U0002ffff〇]+$")
NAME_TAGS = ("nr", "ns", "nt")  # user-dictionary classes shown as "name"; other classes: "term"

_LOCK = threading.Lock()
_LOADED: dict[tuple, "Lexicon"] = {}


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
        """The first sense, else the kind ("" when neither)."""
        if self.readings and self.readings[0].senses:
            return self.readings[0].senses[0]
        return self.kind


class Headwords:
    """CC-CEDICT's simplified headwords as words (``str``), read from the compiled entries'
    UTF-8 keys: what ``sitegen.group.cedict`` would otherwise load again as a set of its own."""

    __slots__ = ("_entries",)

    def __init__(self, entries: dict[bytes, bytes]):
        self._entries = entries

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.encode("utf-8", "surrogatepass") in self._entries

    def __len__(self) -> int:
        return len(self._entries)


class Lexicon:
    """Compiled CC-CEDICT plus the user dictionary's words."""

    def __init__(self, cedict: dict[bytes, bytes], user_words=(), dictionary=None):
        self._cedict = cedict  # headword -> entry JSON, both UTF-8
        # The segmenter's dictionary (``has_word``): a word it lacks was found by the HMM and
        # may be a person's name. None: no names guessed.
        self._dictionary = dictionary
        self._user = {w: (tag or "") for w, _freq, tag in user_words}
        self._made: dict[str, str | None] = {}  # entries, made or decoded, once per word
        self._glosses: dict[str, Gloss | None] = {}
        self.parts: dict[str, tuple[str, ...]] = {}  # the parts of words CC-CEDICT lacks

    def headwords(self) -> Headwords:
        """CC-CEDICT's headwords (not the user dictionary's words)."""
        return Headwords(self._cedict)

    def knows(self, word: str) -> bool:
        return word.encode() in self._cedict or word in self._user

    def entry_json(self, word: str) -> str | None:
        """The word's entry as JSON — ``[pinyin, [[reading, [senses]], …], kind?, parts?]`` —
        or None for a word without Chinese characters."""
        try:
            return self._made[word]
        except KeyError:
            found = self._cedict.get(word.encode())
            made = self._made[word] = found.decode() if found is not None else self._make(word)
            return made

    def gloss(self, word: str) -> Gloss | None:
        try:
            return self._glosses[word]
        except KeyError:
            found = self.entry_json(word)
            e = json.loads(found) if found is not None else None
            g = self._glosses[word] = None if e is None else Gloss(
                word, e[0], tuple(Reading(p, tuple(s)) for p, s in e[1]),
                e[2] if len(e) > 2 else "", tuple(e[3]) if len(e) > 3 else ())
            return g

    def pinyin(self, word: str) -> str:
        found = self.entry_json(word)
        return json.loads(found)[0] if found is not None else word

    def _make(self, word: str) -> str | None:
        if not HAN_WORD.match(word):
            return None
        tag = self._user.get(word)
        if tag is None and self._dictionary is not None and is_person_name(
                word, self._is_surname, self._dictionary.has_word):
            return json.dumps([self._name_reading(word), [], "name"], ensure_ascii=False, separators=(",", ":"))
        kind = "" if tag is None else ("name" if tag.startswith(NAME_TAGS) else "term")
        parts = self._parts(word)
        pinyin = " ".join(map(self.pinyin, parts)) if parts else reading(word)
        if kind == "name":
            pinyin = pinyin[:1].upper() + pinyin[1:]
        entry: list = [pinyin, []]
        if kind or parts:
            entry.append(kind)
        if parts:
            entry.append(list(parts))
            self.parts[word] = parts
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))

    def _surname_reading(self, surname: str) -> str | None:
        """CC-CEDICT's reading of ``surname`` as a surname (曾 Zēng, 单 Shàn, 欧阳 Ōu yáng), if
        it has one among the readings kept."""
        found = self._cedict.get(surname.encode())
        if found is None or surname in SURNAME_READINGS:
            return SURNAME_READINGS.get(surname)
        for pinyin, senses in json.loads(found)[1]:
            if any("surname" in s for s in senses):
                return pinyin
        return None

    def _is_surname(self, text: str) -> bool:
        return self._surname_reading(text) is not None

    def _name_reading(self, word: str) -> str:
        """A person's name's pinyin, one syllable a character: surname and given name each
        capitalised ("Chén Yǒng sēn")."""
        cut = 2 if len(word) > 2 and self._is_surname(word[:2]) else 1
        surname = self._surname_reading(word[:cut]) or self.pinyin(word[:cut])
        given = " ".join(map(self.pinyin, word[cut:]))
        return f"{surname[:1].upper()}{surname[1:]} {given[:1].upper()}{given[1:]}"

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


def load(user_words=(), dictionary=None) -> Lexicon:
    """The process's lexicon for these user words and segmenter dictionary (``has_word``; it
    tells words the HMM found, see ``Lexicon``), loaded on first use."""
    key = (tuple(user_words), id(dictionary))  # the lexicon keeps ``dictionary``: ids stay unique
    with _LOCK:
        found = _LOADED.get(key)
        if found is None:
            cedict = next(iter(_LOADED.values()))._cedict if _LOADED else compiled()
            found = _LOADED[key] = Lexicon(cedict, key[0], dictionary)
        return found
