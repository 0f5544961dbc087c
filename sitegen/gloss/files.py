"""What the reader's gloss popup loads: one small script per article, and its key terms.

``glosses/<article>.js`` holds, for each Chinese text block of the article page (kicker,
headline, subtitle, lead, body blocks), where its words begin and end, and the dictionary
gloss of each word used. It is a script that pushes its data onto ``sitegenGlossQueue``
(not JSON fetched at run time: Chromium blocks ``fetch`` of files on ``file://``), so pages
work from disk, under a sub-path and offline. The page's own script loads it on first tap.

Word boundaries are one character per word, its length in base 36 ("2213…"): a block of
600 words costs 600 bytes. Lengths count UTF-16 code units, as the browser's strings do.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from itertools import chain, filterfalse

from sitegen.models import Article, KeyTerm

from .lexicon import Gloss, Lexicon, data_version

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_RUN = len(DIGITS) - 1  # a longer token is written as several
KEY_TERMS = 8  # tags first, then telling words, at most this many in all
SHORT_GLOSS_CHARS = 60
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

Segment = Callable[[str], list[str]]


def gloss_path(permalink: str) -> str:
    """Site path of an article's gloss file: ``articles/x-01.html`` → ``glosses/x-01.js``."""
    stem = permalink.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"glosses/{stem}.js"


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


def codes(tokens: Sequence[str], astral: bool = True) -> str:
    """Word lengths in base 36, one character a word (``MAX_RUN``-long pieces for longer).
    ``astral``: the text may have characters beyond U+FFFF (two UTF-16 units each)."""
    lengths = list(map(_utf16_len if astral else len, tokens))
    if max(lengths, default=0) > MAX_RUN:
        split = []
        for n in lengths:
            while n > MAX_RUN:
                split.append(MAX_RUN)
                n -= MAX_RUN
            split.append(n)
        lengths = split
    return bytes(lengths).translate(_BASE36).decode("ascii")


class GlossWriter:
    """Makes gloss files and key terms with one lexicon and segmenter; each word's JSON is
    made once per process."""

    def __init__(self, lexicon: Lexicon, segment: Segment, telling: Callable[[list[str], int], list[list[str]]],
                 fingerprint: str = ""):
        self.lexicon = lexicon
        self.segment = segment
        self.telling = telling
        self.fingerprint = hashlib.sha256(f"{data_version()}|{fingerprint}".encode()).hexdigest()
        self._json: dict[str, str] = {}
        self._short: dict[str, str] = {}  # word -> its entry in a gloss file ("": none)

    def key(self, article: Article) -> tuple:
        """What an article's gloss file depends on: its texts as the page shows them (one
        string: its repr is made at C speed, a dataclass's is not) and the dictionaries."""
        blocks = article_blocks(article)
        return (self.fingerprint, "\x1f".join([blocks["k"], blocks["h"], blocks["s"], blocks["l"], *blocks["p"]]))

    def _entries(self, words) -> list[str]:
        """'"口岸":[…]' of each of ``words`` that has Chinese characters, each made once."""
        known = self._json
        words = list(words)
        for word in filterfalse(known.__contains__, words):
            entry = self.lexicon.entry_json(word)
            known[word] = "" if entry is None else json.dumps(word, ensure_ascii=False) + ":" + entry
        return list(filter(None, map(known.__getitem__, words)))

    def data(self, article: Article) -> str:
        """The gloss file's JSON: {"v": 1, "b": blocks' word codes, "w": entries}."""
        blocks = article_blocks(article)
        texts = [blocks["k"], blocks["h"], blocks["s"], blocks["l"], *blocks["p"]]
        astral = _ASTRAL.search("".join(texts)) is not None
        cut = self.segment
        tokens = [cut(t) if t else [] for t in texts]
        coded = [codes(t, astral) for t in tokens]
        words = dict.fromkeys(chain.from_iterable(tokens))
        entries = self._entries(words)
        # Parts of words CC-CEDICT lacks get entries too, so the popup can explain them.
        parts = self.lexicon.parts
        with_parts = list(filter(parts.__contains__, words))
        if with_parts:
            extra = filterfalse(words.__contains__, dict.fromkeys(chain.from_iterable(map(parts.__getitem__, with_parts))))
            entries += self._entries(extra)
        b = {"k": coded[0], "h": coded[1], "s": coded[2], "l": coded[3], "p": coded[4:]}
        return '{"v":1,"b":' + json.dumps(b, separators=(",", ":")) + ',"w":{' + ",".join(entries) + "}}"

    def script(self, article: Article) -> str:
        """The gloss file itself: a script that queues the data for the page's gloss script."""
        return ("(window.sitegenGlossQueue=window.sitegenGlossQueue||[]).push(" + self.data(article) + ");\n")

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


def short_gloss(g: Gloss, lexicon: Lexicon) -> str:
    """One short line: the first sense; else "name"/"term"; else the parts' first senses."""
    text = g.short
    if not text and g.parts:
        bits = []
        for part in g.parts:
            pg = lexicon.gloss(part)
            bits.append(pg.short if pg is not None and pg.short else part)
        text = " + ".join(bits)
    if len(text) > SHORT_GLOSS_CHARS:
        text = text[: SHORT_GLOSS_CHARS - 1] + "…"
    return text
