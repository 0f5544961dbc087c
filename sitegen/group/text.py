"""Segmentation and term weighting for the grouping stage.

Words come from jieba's algorithm and dictionary as implemented by ``rjieba`` (the Python
binding of jieba-rs, a port of jieba): the same words, segmented the same way, about twenty
times faster than the pure-Python ``jieba``, which made word splitting most of a build's time.
Each taxonomy gets its own segmenter (``sitegen.dictionary.segmenter``: the first one in a
process is the dictionary the parser already loaded) with the repo's user dictionary and the
taxonomy keywords added, so multi-character terms such as 上合组织 or 铸牢中华民族共同体意识
come out as one token; the parser's answers never include these words. Term specificity
comes from jieba's bundled IDF table (general Chinese corpus); part-of-speech classes come
from the user dictionary and the taxonomy, else from the segmenter's own dictionary (jieba's,
tags included: ``Analyzer.pos_of``), so jieba's 350,000-word POS table is read only in the
rare case that needs it.

jieba's IDF and POS tables are read by ``jieba_tables``, once per process.
"""
from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from ..dictionary import add_word, segmenter
from ..installed import version
from .cedict import cedict_has
from .cuts import KeptCuts
from .jieba_tables import idf_table, jieba_version, pos_table
from .taxonomy import Taxonomy

_LOCK = threading.Lock()
_ANALYZERS: dict[tuple, "Analyzer"] = {}
_SPLITS_ALONE = object()  # see Analyzer._class_alone

#: Bump when ``article_terms`` changes what it returns for the same inputs: cached term counts
#: (``group_articles(..., term_cache=...)``) made by older code are then never reused.
TERMS_VERSION = 4

HAN = r"\u3400-\u9fff"
WORD_RE = re.compile(rf"^(?:[{HAN}][{HAN}·—\-]*[{HAN}]|[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9])$")
# POS classes (jieba/ICTCLAS tag set) that can name what an article is about.
NOUNISH = ("n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "vn", "an", "j", "l", "eng", "s")
# Classes of names: a tag only one article has is kept only when it is one of these.
NAME_CLASSES = ("nr", "nrfg", "nrt", "ns", "nt", "nz")
# Classes the segmenter's HMM gives a word no dictionary has that make it a recognised name
# (马兴瑞 nr, 乐胜乡 ns); a guessed "word" of any other class (内病 n, 且会 v) is a fragment.
HMM_NAME_CLASSES = frozenset(("nr", "nrfg", "nrt", "ns", "nt"))
# Function-word classes never used as terms.
FUNCTION = frozenset("d p c u uj ul uz uv ud ug r rr rz m mq q f t tg y e o zg ad ag a b z h k x dg".split())


# An HMM-found "word" starting with one of these is usually a function character glued to a
# fragment (以新, 之要, 率下), not a name.
UNKNOWN_BAD_START = frozenset("以之于为和与在将对把被的了是及而其向从由率使让给更最很也都又")
# ... or ending with one of these (中伊在, 江在).
UNKNOWN_BAD_END = frozenset("在的了和与是将对把被也都又着过")
# Even a dictionary word starting with one of these is no tag: jieba's dictionary holds
# corpus debris such as 的花海 (ns).
PARTICLE_START = frozenset("的了着")


_RJIEBA_VERSION = version("rjieba") or "unknown"


@dataclass
class Terms:
    """Weighted term counts of one article (before IDF)."""

    counts: dict[str, float]  # term -> weighted count (headline counts more)
    total: float  # sum of weighted counts over all content tokens
    head: tuple[str, ...] = ()  # the headline block's distinct terms, in order


class Analyzer:
    """Tokenizer + stop words + IDF + POS classes for one taxonomy."""

    def __init__(self, taxonomy: Taxonomy):
        tk = segmenter()  # jieba's dictionary, shared with the parser (see sitegen.dictionary)
        # POS classes come from the segmenter: its dictionary is jieba's, tags included, and
        # segmenting with ``tag`` reports each token's (see ``pos_of``). The taxonomy's own
        # words are decided here: tagged user words take their tag, keywords jieba lacks are
        # "nz", untagged user words jieba lacks have no class and do not count as known.
        self._own_pos: dict[str, str] = {}
        self._unknown: set[str] = set()
        self._topic_words: set[str] = set()
        tagged = {word for word, _, tag in taxonomy.user_words if tag}
        for word, freq, tag in taxonomy.user_words:
            if tag:
                self._own_pos[word] = tag
            elif not tk.has_word(word) and word not in self._own_pos:
                self._unknown.add(word)
            add_word(tk, word, freq, tag)  # a word jieba has keeps jieba's tag
        # Taxonomy keywords are segmented as whole words so they can match tokens.
        for spec in taxonomy.themes:
            for kw in spec.keywords:
                if kw not in self._own_pos and (kw in self._unknown or not tk.has_word(kw)):
                    self._unknown.discard(kw)
                    self._own_pos[kw] = "nz"
                if kw not in tagged:  # a theme keyword names a topic, not a person or place,
                    self._topic_words.add(kw)  # unless the user dictionary says so
                if not tk.has_word(kw):
                    add_word(tk, kw, 500, None)
        self.tokenizer = tk
        self._seen_pos: dict[str, str | None] = {}  # token -> class, as segmentation found it
        self._idf = idf_table()
        self.median_idf = self._idf.median
        self.stopwords = taxonomy.stopwords
        self.settings = taxonomy.settings
        self.fingerprint = _fingerprint(taxonomy)
        self._term_cache: dict[str, bool] = {}
        self._tag_cache: dict[str, bool] = {}
        self._taggable: dict[str, bool] = {}
        self._guessed: dict[str, str | None] = {}
        self.kept: KeptCuts | None = None  # see keep_cuts

    def keep_cuts(self) -> KeptCuts:
        """From now on, keep the cuts ``article_terms`` makes (``sitegen.group.cuts``), for
        the reading aid, which cuts the same texts."""
        if self.kept is None:
            self.kept = KeptCuts(self.tokenizer.cut)
        return self.kept

    # -- tokens -------------------------------------------------------------------------
    def pos_of(self, token: str) -> str | None:
        """The token's POS class (jieba/ICTCLAS tag) from the user dictionary, the taxonomy or
        jieba's dictionary; None for a word no dictionary has (found by the HMM)."""
        own = self._own_pos.get(token)
        if own is not None:
            return own
        try:
            return self._seen_pos[token]
        except KeyError:
            pos = self._seen_pos[token] = self._look_up_pos(token)
            return pos

    def _look_up_pos(self, token: str) -> str | None:
        """POS class of a token that segmentation in this process did not report (terms
        cached by an earlier build); jieba's table for a dictionary word that splits alone."""
        pos = self._class_alone(token)
        return pos_table().get(token) if pos is _SPLITS_ALONE else pos

    def _class_alone(self, token: str):
        """None (no dictionary has the token: found by the HMM), its dictionary tag (it comes
        out whole when tagged alone) or ``_SPLITS_ALONE`` (a dictionary word that only the
        HMM joins, in context: ~0.4 % of tokens)."""
        if token in self._unknown or not self.tokenizer.has_word(token):
            return None
        alone = self.tokenizer.tag(token, False)
        return alone[0][1] if len(alone) == 1 and alone[0][0] == token else _SPLITS_ALONE

    def _note_classes(self, tokens, text: str) -> None:
        """Record the POS class of each of ``tokens`` (found in ``text``) not met before; a
        word that splits when alone takes the tag that tagging ``text`` reports for it."""
        seen = self._seen_pos
        in_context = None
        for tok in tokens:
            if tok in seen:
                continue
            pos = self._class_alone(tok)
            if pos is _SPLITS_ALONE:
                if in_context is None:
                    in_context = dict(self.tokenizer.tag(text))  # ``tag`` cuts exactly as ``cut`` does
                pos = in_context.get(tok)
            seen[tok] = pos

    def is_term(self, token: str) -> bool:
        """Content token usable for similarity and theme scoring."""
        ok = self._term_cache.get(token)
        if ok is None:
            ok = (len(token) >= 2 and token not in self.stopwords and bool(WORD_RE.match(token))
                  and (self.pos_of(token) or "n") not in FUNCTION)
            self._term_cache[token] = ok
        return ok

    def is_tag_candidate(self, token: str) -> bool:
        """Term that can name a topic (nouns, names, places, organisations, slogans)."""
        ok = self._tag_cache.get(token)
        if ok is None:
            ok = self._tag_cache[token] = self._is_tag_candidate(token)
        return ok

    def _is_tag_candidate(self, token: str) -> bool:
        if not self.is_term(token):
            return False
        if token.isascii():  # acronyms and names (SCO, APEC, TikTok), not codes (X9043) or English words
            return sum(c.isalpha() for c in token) >= 2 and any(c.isupper() for c in token) \
                and not any(c.isdigit() for c in token)
        if token[0] in PARTICLE_START:  # 的花海, 了解到: in jieba's dictionary, yet no name of a topic
            return False
        pos = self.pos_of(token)
        if pos is None:  # unknown to jieba and the user dictionary: found by the HMM
            return (len(token) <= 6 and token[0] not in UNKNOWN_BAD_START and token[-1] not in UNKNOWN_BAD_END
                    and (self.guessed_class(token) in HMM_NAME_CLASSES or cedict_has(token)))
        return pos.startswith(NOUNISH)

    def guessed_class(self, token: str) -> str | None:
        """The class the segmenter's HMM gives ``token`` alone (for a word no dictionary has:
        nr for a person's name, ns a place ...), None if it does not come out whole."""
        try:
            return self._guessed[token]
        except KeyError:
            tagged = self.tokenizer.tag(token, True)
            found = self._guessed[token] = tagged[0][1] if len(tagged) == 1 and tagged[0][0] == token else None
            return found

    def taggable(self, token: str) -> bool:
        """Can ``token`` be a tag: a noun-like term of jieba's, the user's or CC-CEDICT's
        dictionary, or a name the segmenter recognised (memoised)."""
        try:
            return self._taggable[token]
        except KeyError:
            ok = self._taggable[token] = self.is_tag_candidate(token)
            return ok

    def is_name(self, token: str) -> bool:
        """A proper name (person, place, organisation, other proper noun): the dictionaries'
        class, else the HMM's for a word they lack."""
        if token in self._topic_words:
            return False
        pos = self.pos_of(token)
        if pos is None:
            return self.guessed_class(token) in HMM_NAME_CLASSES
        return pos.startswith(NAME_CLASSES)

    def term_idfs(self, tokens: Collection[str]) -> dict[str, float]:
        """{token: its IDF in jieba's table, or ``median_idf`` when the table lacks it};
        ask for many tokens at once (each batch of new tokens is one pass over the table)."""
        return self._idf.lookup(tokens)

    def term_idf(self, token: str) -> float:
        return self._idf.lookup((token,))[token]

    def is_known(self, token: str) -> bool:
        """In jieba's or the user's dictionary (not a word guessed by the HMM)."""
        return token in self._own_pos or (token not in self._unknown and self.tokenizer.has_word(token))

    def cut(self, text: str) -> list[str]:
        tokens = self.tokenizer.cut(text)
        self._note_classes(dict.fromkeys(tokens), text)
        return [t for t in tokens if self.is_term(t)]

    def terms_key(self, title: str, lead: str, body: str) -> str:
        """Cache key of ``article_terms(title, lead, body)``: the texts plus everything else the
        result depends on (dictionaries, keywords, stop words, weights, code version)."""
        h = hashlib.sha256(self.fingerprint.encode("ascii"))
        for text in (title, lead, body):
            data = text.encode("utf-8")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def article_terms(self, title: str, lead: str, body: str) -> Terms:
        s = self.settings
        counts: dict[str, float] = {}
        total = 0.0
        is_term, judged = self.is_term, self._term_cache
        head: tuple[str, ...] = ()
        for text, weight in ((title, s.headline_weight), (lead, s.lead_weight), (body, 1.0)):
            if not text:
                continue
            # Count all tokens at C speed, then judge each distinct one (insertion order:
            # first occurrence, as when counting term by term).
            cut = self.tokenizer.cut(text)
            if self.kept is not None:
                self.kept.keep(text, cut)
            tokens = Counter(cut)
            self._note_classes(tokens, text)
            for tok, n in tokens.items():
                ok = judged.get(tok)  # is_term's own memo, read without a call per token
                if ok is None:
                    ok = is_term(tok)
                if ok:
                    counts[tok] = counts.get(tok, 0.0) + weight * n
                    total += weight * n
            if text is title:
                head = tuple(counts)
        return Terms(counts=counts, total=total, head=head)


def _fingerprint(taxonomy: Taxonomy) -> str:
    """Digest of what segmentation and term filtering depend on, besides the text."""
    st = taxonomy.settings
    parts = (
        TERMS_VERSION, jieba_version(), _RJIEBA_VERSION,
        taxonomy.user_words, tuple(t.keywords for t in taxonomy.themes), sorted(taxonomy.stopwords),
        st.headline_weight, st.lead_weight,
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def analyzer_for(taxonomy: Taxonomy) -> Analyzer:
    key = (taxonomy.user_words, tuple(t.keywords for t in taxonomy.themes), taxonomy.stopwords,
           taxonomy.settings)
    with _LOCK:
        found = _ANALYZERS.get(key)
    if found is None:
        found = Analyzer(taxonomy)
        with _LOCK:
            if len(_ANALYZERS) > 8:
                _ANALYZERS.clear()
            _ANALYZERS[key] = found
    return found


def corpus_factor(df: int, n: int) -> float:
    """Smoothed, normalised corpus IDF in (0, 1]: 1 for a term in one article, lower when common."""
    return (1.0 + math.log((n + 1) / (df + 1))) / (1.0 + math.log((n + 1) / 2))


def segmenter_for(taxonomy: Taxonomy):
    """A function giving every token of a text, punctuation included, as grouping cuts it
    (jieba's dictionary plus the user dictionary and the taxonomy's keywords)."""
    return analyzer_for(taxonomy).tokenizer.cut


def telling_words(taxonomy: Taxonomy, texts: list[str], n: int) -> list[list[str]]:
    """For each of ``texts``, up to ``n`` of its words that say most about it: tag candidates
    ranked by count × IDF (jieba's table), ties in order of first occurrence. Ask for many
    texts at once: the IDF table answers each batch in one pass."""
    analyzer = analyzer_for(taxonomy)
    counts = [Counter(filter(analyzer.is_tag_candidate, analyzer.cut(text))) for text in texts]
    idf = analyzer.term_idfs(set().union(*counts))
    return [sorted(c, key=lambda t, c=c: -c[t] * idf[t])[:n] for c in counts]
