"""What the reader's gloss popup loads: one small script per seed page, and key terms.

``glosses/<seed page>.js`` holds, for each article of that page (its two-digit position, the
end of its permalink), for each Chinese text block of the article page (kicker, headline,
subtitle, lead, body blocks), where its words begin and end and which of them have a
dictionary entry, and the pinyin of the headline's and lead's words (the pinyin toggle shows
it over both at once). One file per seed page, not per article: a site of 10,000 articles had
11,495 gloss files, a third of its files, each costing the build a new inode (most of a small
file's cost here), for ~1 KB (gzip) each; a page's ~7 articles together are ~5 KB, fetched on
the first tap and then cached for the page's sibling articles. The entries themselves are in
the site-wide dictionary (``glosses/words/<n>.js``, ``sitegen.gloss.shards``), loaded a shard
at a time as the reader taps. It is a script that pushes its data onto ``sitegenGlossQueue``
(not JSON fetched at run time: Chromium blocks ``fetch`` of files on ``file://``), so pages
work from disk, under a sub-path and offline. The page's own script loads it on first tap
and takes its article's part (``data-gloss-key``).

Word boundaries are one character per word, its length: in base 36 ("2213…") for a word with
an entry, an upper-case letter (A = 1, … Z = 26) for one without (punctuation, Latin): a
block of 600 words costs 600 bytes. Lengths count UTF-16 code units, as the browser's strings do.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from itertools import chain, filterfalse

from sitegen.models import Article, KeyTerm

from . import shards
from .lexicon import Gloss, Lexicon, data_version
from .shards import SHARDS

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_RUN = len(DIGITS) - 1  # a longer token is written as several
PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # lengths 1-26 of a token without an entry
MAX_PLAIN = len(PLAIN)
FORMAT = 3  # the gloss file's "v" (2: one article a file)
KEY_TERMS = 8  # tags first, then telling words, at most this many in all
SHORT_GLOSS_CHARS = 60

Segment = Callable[[str], list[str]]


def _stem(permalink: str) -> str:
    return permalink.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def gloss_path(permalink: str) -> str:
    """Site path of the gloss file an article's is in, its seed page's
    (``sitegen.permalinks``: ``articles/<seed-slug>-<NN>.html``): ``articles/x-01.html`` →
    ``glosses/x.js``."""
    return f"glosses/{_stem(permalink).rsplit('-', 1)[0]}.js"


def gloss_key(permalink: str) -> str:
    """An article's key in its gloss file: its position in the seed, ``articles/x-01.html`` → ``01``."""
    return _stem(permalink).rsplit("-", 1)[-1]


def article_blocks(article: Article) -> dict:
    """The article's Chinese texts as its page shows them: kicker, headline, subtitle, lead,
    then the body blocks after the lead paragraph (``p``)."""
    body = list(article.blocks)
    for i, b in enumerate(body):
        if b.kind == "paragraph":
            if b.text == article.lead:
                del body[i]
            break
    return {"k": article.kicker or "", "h": article.headline or "", "s": article.subtitle or "",
            "l": article.lead, "p": [b.text for b in body]}


def _utf16_len(token: str) -> int:
    return len(token.encode("utf-16-le")) // 2


_BASE36 = bytes.maketrans(bytes(range(len(DIGITS))), DIGITS.encode("ascii"))


def codes(tokens: Sequence[str], astral: bool = True, glossed: Callable[[str], bool] | None = None) -> str:
    """Word lengths in base 36, one character a word (``MAX_RUN``-long pieces for longer).
    With ``glossed``, a word it says has no entry, and a longer word's pieces (not words),
    are written as upper-case letters (A = 1 … Z = 26; longer in several).
    ``astral``: the text may have characters beyond U+FFFF (two UTF-16 units each)."""
    lengths = list(map(_utf16_len if astral else len, tokens))
    if glossed is None:
        if max(lengths, default=0) > MAX_RUN:
            lengths = [piece for n in lengths for piece in _pieces(n, MAX_RUN)]
        return bytes(lengths).translate(_BASE36).decode("ascii")
    out = []
    for n, has in zip(lengths, map(glossed, tokens)):
        if has and n <= MAX_RUN:
            out.append(DIGITS[n])
        else:
            out += (PLAIN[piece - 1] for piece in _pieces(n, MAX_PLAIN))
    return "".join(out)


def _pieces(n: int, most: int) -> list[int]:
    return [most] * ((n - 1) // most) + [n - most * ((n - 1) // most)] if n else [0]


class GlossWriter:
    """Makes gloss files, the site-wide dictionary's shards and key terms with one lexicon
    and segmenter; each word is looked up once per process."""

    def __init__(self, lexicon: Lexicon, segment: Segment, telling: Callable[[list[str], int], list[list[str]]],
                 fingerprint: str = "", shards: int = SHARDS, telling_version: str = "",
                 release: Callable[[], None] | None = None):
        self.lexicon = lexicon
        self.segment = segment
        self.release_cuts = release or (lambda: None)  # the segmenter's kept cuts no longer needed
        self.telling = telling
        self.shards = shards
        from sitegen.state import code_digest  # this code's format takes part in the keys

        self.fingerprint = hashlib.sha256(
            f"{data_version()}|{fingerprint}|{code_digest('gloss')}|{shards}".encode()).hexdigest()
        # Key terms also follow ``telling``: its cutter's and IDF table's version (sitegen.gloss.terms_memo).
        self.terms_version = hashlib.sha256(f"{self.fingerprint}|{telling_version}".encode()).hexdigest()
        self._has: dict[str, bool] = {}  # word -> it has an entry
        self._pinyin = _Memo(lexicon.pinyin)
        self._y = _Memo(lambda word: _json(word) + ":" + _json(self._pinyin[word]))  # '"口岸":"kǒu àn"'
        self._code = _Memo(lambda token: codes([token], True, self._has.__getitem__))  # token -> its code
        self._short: dict[str, str] = {}  # word -> its short gloss for key terms
        self._made: dict[str, str] = {}  # article's digest -> its gloss file's JSON, made ahead

    @staticmethod
    def digest(article: Article) -> str:
        """What the dictionary's words and the gloss file's key know the article by: its
        ``identity`` (a digest of all its fields, made where it was parsed), so that an
        unchanged article's texts are not hashed again on every build (~0.3 s at 10,000)."""
        return article.identity.hex()

    def key(self, members: Sequence[tuple[str, Article]]) -> tuple:
        """What a seed page's gloss file depends on: its articles, each under its key
        (``gloss_key``; their texts as the pages show them are among their fields), and the
        dictionaries."""
        return (self.fingerprint, tuple((name, self.digest(a)) for name, a in members))

    def _glossed(self, words) -> list[str]:
        """Those of ``words`` that have an entry (Chinese characters, or CC-CEDICT knows them)."""
        has, entry = self._has, self.lexicon.entry_json
        for word in filterfalse(has.__contains__, words):
            has[word] = entry(word) is not None
        return list(filter(has.__getitem__, words))

    def made(self, article: Article) -> tuple[str, list[str]]:
        """The article's part of its gloss file, as JSON — {"b": blocks' word codes, "y": pinyin
        of the headline's and lead's words} — and the words the site-wide dictionary must hold for
        it: its words that have an entry, and their parts (the popup explains those too)."""
        blocks = article_blocks(article)
        texts = [blocks["k"], blocks["h"], blocks["s"], blocks["l"], *blocks["p"]]
        cut = self.segment
        tokens = [cut(t) if t else [] for t in texts]
        words = self._glossed(dict.fromkeys(chain.from_iterable(tokens)))
        code = self._code.__getitem__  # each token's code made once (UTF-16 units: astral or not)
        coded = ["".join(map(code, t)) for t in tokens]
        # Parts of words CC-CEDICT lacks get entries too, so the popup can explain them.
        parts = self.lexicon.parts
        with_parts = list(filter(parts.__contains__, words))
        if with_parts:
            known = set(words)
            words += filterfalse(known.__contains__, dict.fromkeys(chain.from_iterable(map(parts.__getitem__, with_parts))))
        ruby = filter(self._has.__getitem__, dict.fromkeys(chain(tokens[1], tokens[3])))
        # Codes are letters and digits: JSON as they are.
        return ('{"b":{"k":"%s","h":"%s","s":"%s","l":"%s","p":[%s]},"y":{%s}}' % (
            *coded[:4], ",".join(map('"{}"'.format, coded[4:])),
            ",".join(map(self._y.__getitem__, ruby)))), words

    def words(self, article: Article, digest: str) -> list[str]:
        """The article's words for the site-wide dictionary (``made``); its part of the gloss
        file is kept until ``script`` asks for it."""
        data, words = self.made(article)
        self._made[digest] = data
        return words

    def made_data(self) -> dict[str, str]:
        """The articles' parts of the gloss files that ``words`` made and ``script`` has not yet taken, by the
        article's text digest (for a process that made it to hand on)."""
        return self._made

    def take_made(self, made: dict[str, str]) -> None:
        """Keep ``made_data`` from another process's writer."""
        self._made.update(made)

    def data(self, article: Article) -> str:
        found = self._made.pop(self.digest(article), None)
        return found if found is not None else self.made(article)[0]

    def script(self, members: Sequence[tuple[str, Article]]) -> str:
        """A seed page's gloss file: a script that queues {"v": 3, "n": shards, "a": {key: the
        article's part (``made``)}} for the page's gloss script, which takes its article's."""
        # Keys are digits (``gloss_key``): JSON as they are.
        return ('(window.sitegenGlossQueue=window.sitegenGlossQueue||[]).push({"v":%d,"n":%d,"a":{%s}});\n' % (
            FORMAT, self.shards, ",".join('"%s":%s' % (name, self.data(a)) for name, a in members)))

    def shard_files(self, words) -> list[tuple[str, tuple, Callable[[], str]]]:
        """The site-wide dictionary of ``words``: (path, key, content callable) of each shard."""
        return shards.shard_files(words, self.lexicon.entry_json, self.shards, self.fingerprint)

    def key_terms(self, articles: Sequence[Article], tags: Sequence[Sequence[str]]) -> list[tuple[KeyTerm, ...]]:
        """Each article's tags (grouping chose them from the whole text), then the most telling
        words of its headline and subtitle, with pinyin and a short gloss; words without
        Chinese characters left out."""
        texts = ["\n".join(t for t in (a.kicker, a.headline, a.subtitle) if t) for a in articles]
        telling = self.telling(texts, KEY_TERMS)
        return [self._key_terms(words, tag_words) for words, tag_words in zip(telling, tags)]

    def _key_terms(self, telling: list[str], tags: Sequence[str]) -> tuple[KeyTerm, ...]:
        tag_set = set(tags)
        out = []
        for word in list(dict.fromkeys(tags)) + [w for w in telling if w not in tag_set]:
            g = self.lexicon.gloss(word)
            if g is None:
                continue
            short = self._short.get(word)
            if short is None:
                short = self._short[word] = short_gloss(g, self.lexicon)
            out.append(KeyTerm(word, g.pinyin, short, word in tag_set))
            if len(out) == KEY_TERMS:
                break
        return tuple(out)


def _has_sense(g: Gloss | None) -> bool:
    """A dictionary sense of its own: a user-dictionary part with none (中央八项规定 in
    中央八项规定精神) would read "term + spirit"."""
    return g is not None and bool(g.readings) and bool(g.readings[0].senses)


def _json(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _Memo(dict):
    """``make(key)``, made on first lookup and kept (``__getitem__`` stays at C speed)."""

    def __init__(self, make: Callable[[str], str]):
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> str:
        value = self[key] = self.make(key)
        return value


def short_gloss(g: Gloss, lexicon: Lexicon) -> str:
    """One short line: the first sense; else the parts' first senses; else "name"/"term".
    A user-dictionary term reads as its parts only when each is a word with a sense of its
    own (高质量发展: "high quality + development"); split into single characters
    (中欧班列 → 中欧 + 班 + 列: "… + team; class; grade + to arrange") it would mislead, and
    stays "term", as a name stays "name"."""
    text = g.short
    if g.parts and not g.readings and g.kind != "name":
        senses = [lexicon.gloss(part) for part in g.parts]
        words = all(len(part) > 1 and _has_sense(pg) for part, pg in zip(g.parts, senses))
        if not g.kind or words:
            text = " + ".join(pg.short if pg is not None and pg.short else part
                              for part, pg in zip(g.parts, senses))
    if len(text) > SHORT_GLOSS_CHARS:
        text = text[: SHORT_GLOSS_CHARS - 1] + "…"
    return text
