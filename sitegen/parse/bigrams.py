"""Character bigrams of texts, the parser's unit of content: of one text, and of texts
joined (a paragraph's chunks, a body's paragraphs) composed from their parts' sets.

The functions are memoised for the page being parsed; :func:`forget_page_texts` empties
the memos when the page is done.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate, compress
from typing import Sequence

from .normalize import nfkc, squash

_RUN = re.compile(r"[^\W_]{2,}")
# Every position followed by two letters/digits/Han: the bigrams of the runs of ``_RUN``, in
# order, found by the regex engine alone.
_BIGRAM = re.compile(r"(?=([^\W_]{2}))")
# The same for a text without "_" (nearly all): ``\w`` is ``[^\W_]`` plus "_", and the
# plain class matches ~12 % faster.
_BIGRAM_NO_UNDERSCORE = re.compile(r"(?=(\w\w))")

#: Characters after which NFKC treats the text before them apart: their compatibility
#: decomposition starts with a starter (combining class 0) that is no second character of
#: any composition, so no reordering or composition reaches across them. ASCII, general
#: punctuation, CJK symbols (not the tone marks U+302A-302F), ideographs, full-width forms:
#: nearly every chunk of a page starts with one. (tests/test_parse_properties.py checks
#: each against Unicode's data.)
_SAFE_RANGES = ((0x20, 0x7E), (0x2010, 0x2027), (0x2030, 0x205E), (0x3000, 0x3029), (0x3030, 0x303E),
                (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF01, 0xFF60))
SAFE_START = re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in _SAFE_RANGES) + "]")


_LETTER = re.compile(r"[^\W_]")


def _plain_characters() -> str:
    """The characters of SAFE_START (ideographs aside) that NFKC leaves as they are, or
    maps to punctuation only (no space, no "_") when they are punctuation themselves:
    ，→, …→... 。→。 (not Ａ→A, 　→space)."""
    out = []
    for lo, hi in _SAFE_RANGES:
        if 0x3400 <= lo <= hi <= 0x9FFF:
            continue  # (the ideographs: added as ranges)
        for ch in map(chr, range(lo, hi + 1)):
            if ch.isspace() or ch == "_":
                continue
            mapped = nfkc(ch)
            if mapped == ch or (not _LETTER.match(ch) and mapped and not any(
                    _LETTER.match(c) or c.isspace() or c == "_" for c in mapped)):
                out.append(ch)
    return "".join(out)


def _class_ranges(chars: str) -> str:
    """``chars`` (in order) as the inside of a character class, runs written as ranges
    (a class of single characters takes the regex compiler ~10 ms at import)."""
    runs: list[list[int]] = []
    for code in map(ord, chars):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in runs)


#: Texts whose bigrams are those of the text itself, not normalised: every character a
#: SAFE_START one (NFKC treats each apart) that NFKC leaves as it is or maps to
#: punctuation (which breaks runs as the character itself did). Most of a page's
#: paragraphs: their bigrams are found without normalising them (squash: ~3 % of the parse).
_PLAIN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff" + _class_ranges(_plain_characters()) + "]*")


def bigram_list(text: str) -> list[str]:
    """The bigrams of ``text`` in order, repeats kept (``find_bigrams(squash(text))``,
    without normalising a _PLAIN text)."""
    if _PLAIN.fullmatch(text):
        return _BIGRAM_NO_UNDERSCORE.findall(text)
    return find_bigrams(squash(text))


def find_bigrams(squashed: str) -> list[str]:
    """The bigrams of an already squashed text, in order (repeats kept)."""
    return (_BIGRAM if "_" in squashed else _BIGRAM_NO_UNDERSCORE).findall(squashed)


@functools.lru_cache(maxsize=1 << 15)
def text_bigrams(text: str) -> tuple[str, ...]:
    """The bigrams of ``text`` in order (repeats kept), memoised."""
    return tuple(bigram_list(text))


@functools.lru_cache(maxsize=1 << 15)
def bigram_set(text: str) -> frozenset[str]:
    """The character bigrams of the letter/digit/Han runs of ``text`` (punctuation and
    spaces break runs), as a set. Memoised: headline matching asks for the same texts
    many times. Made from the matches directly: most texts asked for as a set (a page's
    paragraphs) are never asked for as a sequence."""
    return frozenset(bigram_list(text))


@functools.lru_cache(maxsize=1 << 15)
def _ends(text: str) -> str:
    """First and last character of ``squash(text)`` ('' when it is empty): of a _PLAIN
    text, those of its first and last characters normalised."""
    if text and _PLAIN.fullmatch(text):
        return nfkc(text[0])[0] + nfkc(text[-1])[-1]
    s = squash(text)
    return s[0] + s[-1] if s else ""


#: Memos of other modules' text functions, emptied with these (:func:`page_memo`).
_PAGE_MEMOS: list = []


def page_memo(fn):
    """``fn``, a pure function of a page's text, memoised for the page being parsed: its memo
    is emptied by :func:`forget_page_texts` with the others."""
    cached = functools.lru_cache(maxsize=None)(fn)
    _PAGE_MEMOS.append(cached)
    return cached


def forget_page_texts() -> None:
    """Empty the memo caches of text functions (bigrams, squashed text, ends; those of
    :func:`page_memo`). They serve the many comparisons within one page; pages hardly share
    texts, so keeping a page's entries only made a worker's memory grow by ~60 MB over 75
    pages, every page of it fresh memory the kernel had to provide."""
    for cached in (text_bigrams, bigram_set, _ends, squash, _joined_bigram_set, *_PAGE_MEMOS):
        cached.cache_clear()


def _joins_cleanly(left: str, right: str) -> bool:
    """NFKC normalises ``left + right`` piecewise (true unless ``right`` starts with a mark
    or jamo that composes with the end of ``left``). Answered at once when ``right``
    starts with a character of SAFE_START (three normalisations each otherwise, at every
    junction of every run of parts)."""
    if SAFE_START.match(right):
        return True
    a, b = left[-4:], right[:4]
    return unicodedata.normalize("NFKC", a + b) == unicodedata.normalize("NFKC", a) + unicodedata.normalize("NFKC", b)


def joined_bigram_set(parts: Sequence[str]) -> frozenset[str]:
    """``bigram_set("".join(parts))`` from the parts' memoised bigram sets plus the
    bigram across each junction: paragraphs are compared in many combinations, and
    re-reading each combination's text made this quadratic. Memoised for the page like
    the parts' sets: the stages ask for the same runs of paragraphs again (a body's
    paragraphs in the placement and in the doubts, the two sides of a cut tried by
    several rules), about 40 % of the calls on the bench corpus."""
    return _joined_bigram_set(tuple(parts))


@functools.lru_cache(maxsize=None)  # emptied with the page's other texts (forget_page_texts)
def _joined_bigram_set(parts: tuple[str, ...]) -> frozenset[str]:
    sets: list[frozenset[str]] = []
    across: list[str] = []  # the bigrams across junctions
    last = ""  # last character of the squashed text so far
    tail = ""  # last characters of the raw text so far
    for part in parts:
        if not part:
            continue
        if tail and not _joins_cleanly(tail, part):
            return bigram_set("".join(parts))
        tail = (tail + part)[-4:]
        sets.append(bigram_set(part))
        ends = _ends(part)
        if ends:
            if last and _RUN.fullmatch(last + ends[0]):
                across.append(last + ends[0])
            last = ends[1]
    if len(sets) == 1 and not across:
        return sets[0]
    return frozenset(across).union(*sets)


def side_grams(paras: Sequence[Sequence[str]], cuts: Sequence[int], grams: frozenset[str],
               ) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For each cut ``k`` of a run of paragraphs (each given as its parts), the bigrams of
    ``grams`` found on each side: ``joined_bigram_set`` of the parts of ``paras[:k]`` and of
    ``paras[k:]``, each restricted to ``grams``. A query whose bigrams are all in ``grams``
    covers these as it covers the whole sides, which are never built: the rules that
    try a few headlines on both sides of every cut of a body made two body-sized sets
    per cut (~5 % of the parse); one pass over the parts finds where each of ``grams``
    occurs first and last."""
    flat = [t for ps in paras for t in ps]
    starts = list(accumulate(map(len, paras), initial=0))  # each paragraph's first part in ``flat``
    found = _first_and_last(flat, grams)
    if found is None:  # (a junction NFKC might join across: the sides made whole)
        return [(joined_bigram_set(flat[:starts[k]]) & grams, joined_bigram_set(flat[starts[k]:]) & grams)
                for k in cuts]
    first, last = found
    # (the positions compared in C: a body's cuts each read every bigram asked for)
    return [(frozenset(compress(first, map(starts[k].__ge__, first.values()))),
             frozenset(compress(last, map(starts[k].__le__, last.values())))) for k in cuts]


def _first_and_last(parts: list[str], grams: frozenset[str]) -> tuple[dict[str, int], dict[str, int]] | None:
    """Where the bigrams of ``grams`` occur in the joined ``parts``: the least ``e`` with the
    bigram in ``joined_bigram_set(parts[:e])`` and the greatest ``s`` with it in
    ``joined_bigram_set(parts[s:])``, for those found; None when a part after the first
    does not start with a SAFE_START character (then some run of the parts may be joined
    by normalising its whole text, and only that says which bigrams it holds)."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    end_char, end_part = "", -1  # last character of the squashed text so far, and its part
    started = False
    for j, part in enumerate(parts):
        if not part:
            continue
        if started and not SAFE_START.match(part):
            return None
        started = True
        ends = _ends(part)
        if ends:
            pair = end_char + ends[0]
            if end_char and pair in grams and _RUN.fullmatch(pair):  # the bigram across the junction
                first.setdefault(pair, j + 1)
                last[pair] = end_part
            end_char, end_part = ends[1], j
        for gram in bigram_set(part).intersection(grams):
            first.setdefault(gram, j + 1)
            last[gram] = j
    return first, last
