"""Character-level helpers shared by the parser: punctuation classes, sentence ends and
starts, words.

Everything here is a pure function of its arguments. The parser's other text machinery
lives in modules of its own — printed widths (:mod:`.widths`), normalisation
(:mod:`.normalize`), bigram sets (:mod:`.bigrams`), the page's vocabulary
(:mod:`.vocabulary`) — and is importable from here as well.
"""
from __future__ import annotations

import operator
import re

from ..dictionary import cut_words, is_jieba_word
from .bigrams import bigram_set, forget_page_texts, joined_bigram_set
from .normalize import nfkc, squash
from .vocabulary import Vocabulary
from .widths import visual_width

__all__ = [  # (the machinery imported above is part of this module's interface)
    "BULLETS", "CLAUSE_PUNCT", "CLOSERS", "SENTENCE_END", "Vocabulary", "bigram_set",
    "ends_closed_for_title", "ends_sentence", "forget_page_texts", "is_han", "is_word",
    "joined_bigram_set", "joined_texts", "nfkc", "opens_mid_sentence", "squash", "strip_closers",
    "visual_width", "word_across", "word_spanning",
]

#: Characters that end a sentence.
SENTENCE_END = "。！？!?…；;"
#: Closing quotes/brackets that may follow a sentence end ("……。”").
CLOSERS = "”’」』）)》〉】\"'"
#: Punctuation that never ends a headline (a line ending with it is prose).
CLAUSE_PUNCT = "，,、：:"
#: Bullets that introduce bylines and captions in print.
BULLETS = "□■●◆▲★☆○◎◇△"

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
#: A first clause of one Han character before a comma ("上，一株株…": the tail of a word or
#: phrase cut off by a column break), unless it is an interjection or answer that opens
#: speech ("对，" "好，" "嗯，").
_ONE_CHAR_CLAUSE = re.compile(r"^([\u4e00-\u9fff])[，,]")
_SPEECH_OPENERS = set("对是好不嗯哦噢啊唉哎嗨喂呀咦嘿呵哈")


def opens_mid_sentence(text: str) -> bool:
    """Heuristic: does this paragraph start in the middle of a sentence?

    Signals (all generic Chinese typography):
    * it starts with clause or closing punctuation;
    * its first clause is one or two characters followed by 、 (an enumeration
      cut in half: "能、…", "元级、…"), unless those characters are numerals ("二、");
    * it starts with a reporting verb followed by a comma/colon ("表示，…"), which
      needs a subject printed before it;
    * its first clause is one character before a comma ("上，…"), not an interjection or
      answer opening speech.
    """
    t = text.lstrip()
    if not t:
        return False
    if t[0] in _OPEN_PUNCT_START:
        return True
    if t[0] in _BOUND_START and not t.startswith(_BOUND_START_WORDS):
        return True
    m = _ONE_CHAR_CLAUSE.match(t)
    if m and m.group(1) not in _SPEECH_OPENERS and m.group(1) not in _NUMERAL:
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
    return word_spanning(end, start) is not None


def word_spanning(end: str, start: str) -> str | None:
    """The word that runs across the break between ``end`` and ``start`` (see
    :func:`word_across`), or None."""
    end, start = end.rstrip(), start.lstrip()
    if not end or not start or not is_han(end[-1]) or not is_han(start[0]):
        return None
    left, right = end[-8:], start[:8]
    words = cut_words(left + right)
    if words is None:
        return None
    pos = 0
    for w in words:
        if pos < len(left) < pos + len(w):
            return w if is_jieba_word(w) else None
        pos += len(w)
        if pos >= len(left):
            return None
    return None


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
