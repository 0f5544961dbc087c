"""Character-level helpers shared by the parser: widths, punctuation classes, similarity.

Everything here is a pure function of its arguments.
"""
from __future__ import annotations

import functools
import math
import operator
import re
import unicodedata
from collections import Counter
from itertools import chain, compress, repeat
from typing import Collection, Iterable, Sequence

from ..dictionary import cut_words, is_jieba_word

#: Characters that end a sentence.
SENTENCE_END = "。！？!?…；;"
#: Closing quotes/brackets that may follow a sentence end ("……。”").
CLOSERS = "”’」』）)》〉】\"'"
#: Punctuation that never ends a headline (a line ending with it is prose).
CLAUSE_PUNCT = "，,、：:"
#: Bullets that introduce bylines and captions in print.
BULLETS = "□■●◆▲★☆○◎◇△"

_SPACE = re.compile(r"\s+")


class _CellWidths(dict):
    """Character -> printed width, filled on first sight (the parser asks millions of times)."""

    def __missing__(self, ch: str) -> float:
        width = self[ch] = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5
        return width


_CELL_WIDTHS = _CellWidths()


#: Characters that are wide (East Asian width W or F) without asking: CJK ideographs,
#: CJK punctuation (not U+303F, which is narrow), full-width forms. Most of a line.
_SURELY_WIDE = re.compile("[\u4e00-\u9fff\u3000-\u303e\uff01-\uff60\uffe0-\uffe6]+")


@functools.lru_cache(maxsize=1024)  # line checks ask for the width of the same line in turn
def visual_width(text: str) -> float:
    """Printed width in full-width cells: CJK and full-width forms count 1, ASCII 0.5.
    (Whole and half cells add up exactly in any order: the runs of surely wide characters
    count 1 each, the rest are looked up.)"""
    rest = _SURELY_WIDE.sub("", text)
    return (len(text) - len(rest)) + sum(map(_CELL_WIDTHS.__getitem__, rest))


_CLOSERS_AND_SPACES = CLOSERS + " \u3000"


def strip_closers(text: str) -> str:
    """Text without trailing closing quotes/brackets and whitespace."""
    return text.rstrip().rstrip(_CLOSERS_AND_SPACES)


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。！？…； possibly followed by closing quotes.

    A bracketed credit such as "（参与记者 张三）" also closes a paragraph when the
    bracket follows a sentence end; a bare closing quote after a word does not.
    """
    t = text.rstrip()
    if t.endswith(("）", ")")):
        # a parenthetical at the end (credit, source) closes the paragraph
        return True
    core = strip_closers(t)
    if not core:
        # Only closers (e.g. "”") — treat as closed if there was anything at all.
        return bool(t)
    return core[-1] in SENTENCE_END


def ends_closed_for_title(text: str) -> bool:
    """True when the text ends like prose rather than like a headline.

    Headlines end in a word, a closing quote, or ？/！; prose ends in 。 or a clause mark.
    """
    t = text.rstrip()
    if not t:
        return False
    core = strip_closers(t)
    if not core:
        return False
    return core[-1] in "。…；;" + CLAUSE_PUNCT


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_NUMERAL = set("一二三四五六七八九十百零〇0123456789０１２３４５６７８９")
_REPORT_VERBS = ("表示", "说", "认为", "指出", "强调", "介绍", "称", "透露", "坦言", "告诉", "说道", "表明")
# particles that only ever follow a word: a paragraph that starts with one was cut mid-sentence
_BOUND_START = "的们"
_BOUND_START_WORDS = ("的确", "的士", "的哥", "的姐", "的卢")
_OPEN_PUNCT_START = "，,、。；;：:）)」』”’！？!?…"
_ENUM_ITEM = re.compile(r"^([^，,、。；;：:！？!?\s]{1,2})、")


def opens_mid_sentence(text: str) -> bool:
    """Heuristic: does this paragraph start in the middle of a sentence?

    Signals (all generic Chinese typography):
    * it starts with clause or closing punctuation;
    * its first clause is one or two characters followed by 、 (an enumeration
      cut in half: "能、…", "元级、…"), unless those characters are numerals ("二、");
    * it starts with a reporting verb followed by a comma/colon ("表示，…"), which
      needs a subject printed before it.
    """
    t = text.lstrip()
    if not t:
        return False
    if t[0] in _OPEN_PUNCT_START:
        return True
    if t[0] in _BOUND_START and not t.startswith(_BOUND_START_WORDS):
        return True
    m = _ENUM_ITEM.match(t)
    if m and not all(ch in _NUMERAL for ch in m.group(1)):
        item = m.group(1)
        if len(item) == 1 or not is_word(item):
            return True
    for verb in _REPORT_VERBS if t.startswith(_REPORT_VERBS) else ():
        if t.startswith(verb) and len(t) > len(verb) and t[len(verb)] in "，,：:":
            return True
    return False


def is_word(text: str) -> bool:
    """Is ``text`` a word of jieba's dictionary (never of a user dictionary: see
    :mod:`sitegen.dictionary`)?

    Without a dictionary every string counts as a word, which errs on the side of
    "this paragraph starts normally".
    """
    found = is_jieba_word(text) if text else False
    return True if found is None else found


def word_across(end: str, start: str) -> bool:
    """Does a word run across the break between ``end`` and ``start`` (资源保|护和 → 保护)?
    Both texts are cut together by jieba's dictionary: a chance pair of characters that
    happens to be a word (扩大|二是 → 大二) is no word in that cut."""
    end, start = end.rstrip(), start.lstrip()
    if not end or not start or not is_han(end[-1]) or not is_han(start[0]):
        return False
    left, right = end[-8:], start[:8]
    words = cut_words(left + right)
    if words is None:
        return False
    pos = 0
    for w in words:
        if pos < len(left) < pos + len(w):
            return bool(is_jieba_word(w))
        pos += len(w)
        if pos >= len(left):
            return False
    return False


def _decompositions() -> dict[int, str]:
    """Full compatibility decompositions (NFKD) of the punctuation and full-width forms
    newspaper text is made of (，：（）“…　Ａ１…), for ``str.translate``."""
    table = {}
    for lo, hi in ((0x2000, 0x2070), (0x3000, 0x3040), (0xFF00, 0xFFF0)):
        for code in range(lo, hi):
            nfkd = unicodedata.normalize("NFKD", chr(code))
            if nfkd != chr(code):
                table[code] = nfkd
    return table


_NFKD = _decompositions()
# Runs of the characters ``_NFKD`` replaces. Most characters of a Chinese text are not among
# them, and ``str.translate`` looks up every character (a failed lookup each): translating
# only these runs gives the same string ~2.5 times faster.
_NFKD_RUN = re.compile("[" + re.escape("".join(map(chr, _NFKD))) + "]+")


def _decompose_run(match: re.Match) -> str:
    return match.group().translate(_NFKD)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, fast for Chinese prose. Replacing characters
    by their own NFKD decompositions leaves the text's NFKD, hence its NFKC, unchanged; when
    that already gives NFKC text (the quick check says so for typical CJK text), it is the
    answer, else the replaced text is normalised."""
    out = _NFKD_RUN.sub(_decompose_run, text)
    return out if unicodedata.is_normalized("NFKC", out) else unicodedata.normalize("NFKC", out)


@functools.lru_cache(maxsize=1 << 15)  # bigrams and ends of the same texts both ask for it
def squash(text: str) -> str:
    """NFKC-normalised text without whitespace, for content comparison."""
    return _SPACE.sub("", nfkc(text))


_RUN = re.compile(r"[^\W_]{2,}")
# Every position followed by two letters/digits/Han: the bigrams of the runs of ``_RUN``, in
# order, found by the regex engine alone.
_BIGRAM = re.compile(r"(?=([^\W_]{2}))")
# The same for a text without "_" (nearly all): ``\w`` is ``[^\W_]`` plus "_", and the
# plain class matches ~12 % faster.
_BIGRAM_NO_UNDERSCORE = re.compile(r"(?=(\w\w))")


def _find_bigrams(squashed: str) -> list[str]:
    return (_BIGRAM if "_" in squashed else _BIGRAM_NO_UNDERSCORE).findall(squashed)


@functools.lru_cache(maxsize=1 << 15)
def _bigrams(text: str) -> tuple[str, ...]:
    return tuple(_find_bigrams(squash(text)))


@functools.lru_cache(maxsize=1 << 15)
def bigram_set(text: str) -> frozenset[str]:
    """The character bigrams of the letter/digit/Han runs of ``text`` (punctuation and
    spaces break runs), as a set. Memoised: headline matching asks for the same texts
    many times. Made from the matches directly: most texts asked for as a set (a page's
    paragraphs) are never asked for as a sequence."""
    return frozenset(_find_bigrams(squash(text)))


@functools.lru_cache(maxsize=1 << 15)
def _ends(text: str) -> str:
    """First and last character of ``squash(text)`` ('' when it is empty)."""
    s = squash(text)
    return s[0] + s[-1] if s else ""


_TEXT_OF = operator.attrgetter("text")


def joined_texts(owner: object, parts: list, memo: str) -> str:
    """``"".join(part.text for part in parts)``, memoised in ``owner.__dict__[memo]`` for this
    very list at this length: element and paragraph texts are asked for very often, and the
    parser replaces or extends such lists but never edits a part's text once made. (The
    memo holds the list itself, not its id: a list put in the place of a freed one may
    get its id.)"""
    found = owner.__dict__.get(memo)
    if found is not None and found[0] is parts and found[1] == len(parts):
        return found[2]
    text = "".join(map(_TEXT_OF, parts))
    owner.__dict__[memo] = (parts, len(parts), text)
    return text


def forget_page_texts() -> None:
    """Empty the memo caches of text functions (bigrams, squashed text, ends). They serve
    the many comparisons within one page; pages hardly share texts, so keeping a page's
    entries only made a worker's memory grow by ~60 MB over 75 pages, every page of it
    fresh memory the kernel had to provide."""
    for cached in (_bigrams, bigram_set, _ends, squash, _joined_bigram_set):
        cached.cache_clear()


def _joins_cleanly(left: str, right: str) -> bool:
    """NFKC normalises ``left + right`` piecewise (true unless ``right`` starts with a mark
    or jamo that composes with the end of ``left``)."""
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


class _OnePlusLog(dict):
    """Count -> 1 + log(count), each computed on first sight (the same floats, looked up)."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1 + math.log(count)
        return value


_ONE_PLUS_LOG = _OnePlusLog()


class Vocabulary:
    """Inverse document frequencies of character bigrams over a page's paragraphs, and
    once the page's stories are known (:meth:`by_stories`) over its stories: the one
    place every stage of the parser reads a word's document frequency from."""

    def __init__(self, documents: Iterable[str]):
        sets = list(map(bigram_set, documents))
        df: Counter[str] = Counter(chain.from_iterable(sets))  # one count over every document's set
        self._start(max(len(sets), 1), df)

    @property
    def paragraphs(self) -> Vocabulary:
        """The vocabulary by paragraphs: itself, or the one :meth:`by_stories` was made
        from (a property, not an attribute: a reference to itself would keep every page's
        vocabulary alive until the garbage collector's next full pass)."""
        return self

    def _start(self, n: int, df: dict[str, int]) -> None:
        self.n = n
        self.df = df
        self._idf: dict[str, float] = {}
        self._queries: dict[str, tuple[tuple[str, ...], tuple[float, ...], float]] = {}
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        self._common: dict[float, frozenset[str]] = {}
        self._topics: dict[tuple[str, ...], frozenset[str]] = {}

    def by_stories(self, stories: Iterable[Collection[str]]) -> Vocabulary:
        """The page's vocabulary once its stories are known (``stories``: each story's
        bigrams), made once per page: a bigram's document frequency is the number of
        stories holding it, on the paragraphs' scale (``n`` stays the paragraph count), so
        a word one story repeats in every paragraph weighs as that story's own word, not
        as a common one. A bigram no story holds (a headline's own word) keeps its count
        of paragraphs. :meth:`common` and ``df`` still count paragraphs."""
        return _ByStories(self, stories)

    def idf(self, gram: str) -> float:
        value = self._idf.get(gram)
        if value is None:
            value = self._idf[gram] = math.log((self.n + 1) / (self.df.get(gram, 0) + 0.5))
        return value

    def common(self, share: float = 0.05) -> frozenset[str]:
        """Bigrams found in more than ``share`` of the paragraphs (and at least 3): the
        page's function words (的发, 一个, 发展 …), which say nothing about a topic. Counted
        by paragraphs also once the stories are known: cohesion and the doubts were set on
        these, and counting stories here moved the cuts as often wrong as right
        (bench/README.md, sixth round)."""
        para = self.paragraphs
        found = para._common.get(share)
        if found is None:
            limit = max(3, share * para.n)
            # (the counts compared in C: the page's every bigram is looked at)
            found = para._common[share] = frozenset(compress(para.df, map(limit.__lt__, para.df.values())))
        return found

    def topic_grams(self, parts: Sequence[str]) -> frozenset[str]:
        """The bigrams of the joined ``parts`` without the page's common ones (see
        :func:`.cohesion.topic_grams`), memoised: the placement's cohesion and the doubts
        ask for the same paragraphs' (10,764 calls for 6,361 paragraphs on the bench)."""
        para = self.paragraphs  # common() counts paragraphs, so one memo serves both
        key = tuple(parts)
        found = para._topics.get(key)
        if found is None:
            found = para._topics[key] = joined_bigram_set(key) - para.common()
        return found

    def coverage(self, query: str, target_grams: set[str]) -> float:
        """IDF-weighted share of the query's distinct bigrams that occur in the target."""
        weighted = self._queries.get(query)
        if weighted is None:
            grams = tuple(dict.fromkeys(_bigrams(query)))
            weights = tuple(map(self.idf, grams))
            weighted = self._queries[query] = (grams, weights, sum(weights))
        grams, weights, total = weighted
        if not grams or total <= 0:
            return 0.0
        # The weights of the grams found, added in the query's order (as a loop would).
        hit = sum(compress(weights, map(target_grams.__contains__, grams)))
        return hit / total

    def vector(self, text: str) -> dict[str, float]:
        return self._vector(text)[0]

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        """TF-IDF vector of ``text`` and its norm, memoised (continuations are compared with
        every candidate end)."""
        found = self._vectors.get(text)
        if found is None:
            tf = Counter(_find_bigrams(squash(text)))  # (texts asked for a vector once each)
            known, idf = self._idf.get, self.idf  # IDFs are positive: ``or`` only computes new ones
            vec = {g: _ONE_PLUS_LOG[c] * (known(g) or idf(g)) for g, c in tf.items()}
            found = self._vectors[text] = (vec, math.sqrt(sum(w * w for w in vec.values())))
        return found

    def cosine(self, a: str, b: str) -> float:
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        if not va or not vb:
            return 0.0
        dot = sum(map(operator.mul, va.values(), map(vb.get, va, repeat(0.0))))  # in va's order
        return dot / (na * nb) if na and nb else 0.0


class _ByStories(Vocabulary):
    """:meth:`Vocabulary.by_stories`: stories are counted for the bigrams asked for only
    (a page's headlines hold a few hundred; its stories, thousands)."""

    def __init__(self, paragraphs: Vocabulary, stories: Iterable[Collection[str]]):
        self._start(paragraphs.n, paragraphs.df)
        self._paragraphs = paragraphs
        self.stories = list(stories)

    @property
    def paragraphs(self) -> Vocabulary:
        return self._paragraphs

    def idf(self, gram: str) -> float:
        value = self._idf.get(gram)
        if value is None:
            held = sum(gram in story for story in self.stories) or self.df.get(gram, 0)
            value = self._idf[gram] = math.log((self.n + 1) / (held + 0.5))
        return value
