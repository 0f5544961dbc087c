"""jieba's word dictionary, loaded once per process and shared by the parser and grouping.

``rjieba`` (the jieba-rs binding) loads jieba's dictionary when it is imported (~0.12 s,
~25 MB). The parser only asks whether a string is one of jieba's words (``is_jieba_word``);
grouping segments text with the same dictionary plus the taxonomy's words. Both use the
instance the import made: the first segmenter asked for (``segmenter``) is that instance,
and every word added through ``add_word`` that jieba lacked is noted first, so
``is_jieba_word`` keeps answering for jieba's dictionary alone — the parser never sees the
taxonomy. Adding words also moves the cut of other text (new words, and the frequencies every
path is weighed by: on the bench corpus a quarter of the 16-character windows the parser cuts
came out differently), so once a segmenter has the shared instance the parser's cuts
(``cut_words``) come from a copy of jieba's dictionary of its own, loaded then (~0.15 s):
a seed parses the same in a worker, in the build's own process after grouping has loaded its
words, and in ``sitegen parse``. Further segmenters (another taxonomy in the same process)
load their own copy.
"""
from __future__ import annotations

import threading

_LOCK = threading.Lock()
_ADDED: set[str] = set()  # words added to the shared instance that jieba's dictionary lacks
_shared_taken = False
_pristine = None  # jieba's dictionary as shipped, for the parser once the shared one is taken


def _rjieba():
    """The rjieba module (its functions act on the instance loaded on import), or None."""
    try:
        import rjieba  # loaded on first use

        return rjieba
    except Exception:  # pragma: no cover - rjieba missing or broken
        return None


def load() -> bool:
    """Load the dictionary now (e.g. before forking workers, which then share it);
    False without rjieba."""
    return _rjieba() is not None


def is_jieba_word(text: str) -> bool | None:
    """Is ``text`` a word of jieba's dictionary (words added by ``add_word`` do not count)?
    None without rjieba."""
    rjieba = _rjieba()
    if rjieba is None:
        return None
    return rjieba.has_word(text) and text not in _ADDED


def cut_words(text: str) -> list[str] | None:
    """``text`` cut into words by jieba's dictionary as shipped (no HMM for unknown words),
    whatever words a segmenter has been given; None without rjieba."""
    global _pristine
    rjieba = _rjieba()
    if rjieba is None:
        return None
    if not _shared_taken:
        return rjieba.cut(text, False)
    with _LOCK:
        if _pristine is None:
            _pristine = rjieba.Jieba()
    return _pristine.cut(text, False)


def segmenter():
    """A segmenter with jieba's dictionary that words may be added to with ``add_word``:
    the shared instance the first time in a process, a fresh one after that."""
    global _shared_taken
    import rjieba  # grouping cannot work without it

    with _LOCK:
        if not _shared_taken:
            _shared_taken = True
            return rjieba
    return rjieba.Jieba()


def add_word(tokenizer, word: str, freq: int | None, tag: str | None) -> None:
    """Add ``word`` to a ``segmenter()``. A word new to the shared instance is noted before
    it is added, so ``is_jieba_word`` never counts it, whenever it is asked."""
    import rjieba

    if tokenizer is rjieba and not rjieba.has_word(word):
        _ADDED.add(word)
    tokenizer.add_word(word, freq, tag)
