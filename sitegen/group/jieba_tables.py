"""jieba's dictionary tables, read from the installed ``jieba`` package without importing it:
the IDF table that weighs grouping's terms and the part-of-speech table asked in the rare
case ``Analyzer.pos_of`` needs it. Each is read once per process and shared read-only; the
IDF table's columns are kept, as parsed, in the user's cache directory (``idf_table``)."""
from __future__ import annotations

import marshal
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Collection
from itertools import compress, count

from sitegen.installed import cache_dir, package_file, version

_LOCK = threading.Lock()
_IDF: IdfTable | None = None
_POS: dict[str, str] | None = None


def _jieba_file(name: str) -> str:
    """A data file of the ``jieba`` package (its IDF and POS tables), found without importing
    jieba: segmenting is rjieba's, and importing jieba loads its HMM tables (~8 MB)."""
    try:
        return package_file("jieba", name)
    except ModuleNotFoundError:
        raise ModuleNotFoundError("jieba is not installed (its dictionary tables are needed)", name="jieba") from None


def jieba_version() -> str:
    return version("jieba") or "unknown"


class IdfTable:
    """jieba's IDF table (``analyse/idf.txt``: "word idf" lines), answering for a batch of
    words at a time.

    A build asks for the words of its own articles (~25,000 at 1,000 articles) out of the
    table's 270,000. Making a dict of the whole table cost ~0.17 s of CPU in every build
    (hashing and storing 270,000 keys); here the file is split into its fields once and
    each batch of words is found in one pass over them, at C speed (~20 ms). Words are
    matched by their UTF-8 bytes, so the 4.7 MB of text is never decoded. Jieba's file lists
    each word once (a test checks): were a word listed twice, its last line would answer,
    as it would in a dict made from the file."""

    def __init__(self, data: bytes):
        parts = _columns(data, 2)
        values = parts[1::2]
        # 270,000 words share ~3,300 distinct values, counted in one pass: each is converted
        # once, and the lines and answers share those float objects.
        lines_per_value = Counter(values)
        floats = {v: float(v) for v in lines_per_value}
        by_value: Counter = Counter()
        for value, n in lines_per_value.items():
            by_value[floats[value]] += n
        self._set(parts[0::2], list(map(floats.__getitem__, values)), _upper_median(by_value))

    def _set(self, words: list[bytes], idfs: list[float], median: float) -> None:
        self._words = words  # each line's word, as UTF-8
        self._idfs = idfs  # each line's value
        self.median = median  # the value for a word the table lacks
        self._known: dict[str, float] = {}

    @classmethod
    def from_columns(cls, columns) -> IdfTable:
        """The table ``columns()`` gave (as parsed: no line is read again)."""
        words, idfs, median = columns
        if not (isinstance(words, list) and isinstance(idfs, list) and len(words) == len(idfs)
                and isinstance(median, float)):
            raise ValueError("not the columns of an IDF table")
        table = cls.__new__(cls)
        table._set(words, idfs, median)
        return table

    def columns(self) -> tuple[list[bytes], list[float], float]:
        return self._words, self._idfs, self.median

    def __len__(self) -> int:
        return len(self._words)

    def lookup(self, words: Collection[str]) -> dict[str, float]:
        """{word: its IDF, or ``median`` when the table lacks it} for each of ``words``."""
        known = self._known
        with _LOCK:
            wanted = {w.encode("utf-8"): w for w in words if w not in known}
            if wanted:
                found = {}
                for i in compress(count(), map(wanted.__contains__, self._words)):
                    found[wanted[self._words[i]]] = self._idfs[i]
                median = self.median
                for w in wanted.values():
                    known[w] = found.get(w, median)
        return {w: known[w] for w in words}


#: Bump when the cached columns change for the same file (the cache file's name changes).
IDF_CACHE_FORMAT = 1


def idf_cache_path(source: str) -> str | None:
    """Where the columns of the IDF table ``source`` (jieba's file) are cached, named for the
    file's size and time (None: it cannot be read)."""
    try:
        st = os.stat(source)
    except OSError:
        return None
    return str(cache_dir() / f"jieba-idf-{IDF_CACHE_FORMAT}-{st.st_size}-{st.st_mtime_ns}.marshal")


def idf_table() -> IdfTable:
    """jieba's IDF table, read once per process (``Analyzer`` shares it).

    Its columns, as parsed (words, each line's value, the median), are kept in the user's
    cache directory, like CC-CEDICT's compiled entries (derived from an installed package,
    never from the site's inputs): parsing the 4.7 MB file cost ~55-65 ms of CPU in every
    build, loading its columns ~10 ms. A missing, foreign or damaged cache file is made again
    (atomically; not at all in a read-only cache directory)."""
    global _IDF
    with _LOCK:
        if _IDF is None:
            source = _jieba_file(os.path.join("analyse", "idf.txt"))
            cached = idf_cache_path(source)
            _IDF = _load_columns(cached) if cached else None
            if _IDF is None:
                with open(source, "rb") as f:
                    _IDF = IdfTable(f.read())
                if cached:
                    _store_columns(cached, _IDF)
        return _IDF


def _load_columns(path: str) -> IdfTable | None:
    try:
        with open(path, "rb") as f:
            return IdfTable.from_columns(marshal.loads(f.read()))
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _store_columns(path: str, table: IdfTable) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".jieba-idf-")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(table.columns(), f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only cache: the next process parses the file again


def _columns(text, width: int) -> list:
    """The fields of a table file's lines (str or bytes), ``width`` to a line, end to end:
    split at C speed when there are ``width`` fields for each line of the file, else line by
    line, keeping the lines that have ``width`` fields."""
    parts = text.split()
    newline = "\n" if isinstance(text, str) else b"\n"
    if len(parts) == width * (text.count(newline) + (not text.endswith(newline))):
        return parts
    return [field for line in text.splitlines() if len(fields := line.split()) == width for field in fields]


def _upper_median(counts: Counter) -> float:
    """The median of the counted values, the upper one for an even count (as
    ``sorted(values)[n // 2]``); 0.0 for none."""
    middle = sum(counts.values()) // 2
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen > middle:
            return value
    return 0.0


def pos_table() -> dict[str, str]:
    global _POS
    with _LOCK:
        if _POS is None:
            with open(_jieba_file("dict.txt"), encoding="utf-8") as f:
                parts = _columns(f.read(), 3)  # "word freq tag" lines
            _POS = dict(zip(parts[0::3], parts[2::3]))
        return _POS
