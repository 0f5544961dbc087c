"""Text normalisation, memory keys and the Chinese sentence splitter.

Pure functions, no heavy imports: used on every build, including the ones that
never touch the model.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

#: Characters that end a Chinese sentence (full-width and, after NFKC, ASCII forms).
SENTENCE_END = "。！？!?"
#: Closing quotes/brackets that stay with the sentence they close.
CLOSERS = "”」』’）)》〉"
#: Ellipsis / dash runs count as sentence ends only when followed by a closer or an end mark.
_SPLIT_RE = re.compile(rf"[{re.escape(SENTENCE_END)}]+[{re.escape(CLOSERS)}]*")
_WS_RE = re.compile(r"\s+")
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE_RE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_HAS_CONTENT_RE = re.compile(r"[\w\u2e80-\u9fff]")

KEY_LENGTH = 16  # hex digits of sha256 kept as the memory key


def normalise(text: str) -> str:
    """NFKC, then every whitespace run collapsed to one space, stripped.

    This is what the memory key is computed from, so cosmetic differences in a
    dump (full-width digits, re-wrapped lines, trailing spaces) hit the same entry.
    """
    return _WS_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def source_key(text: str) -> str:
    """Short sha256 of the normalised text: the translation-memory key."""
    return key_of_normalised(normalise(text))


def key_of_normalised(normalised: str) -> str:
    """``source_key`` of a text whose ``normalise`` is ``normalised`` (for callers that
    need both: NFKC on every text of a build is most of the memory's cost)."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:KEY_LENGTH]


def model_input(text: str) -> str:
    """Text as fed to the model: whitespace collapsed, and removed next to CJK.

    Newspaper dumps wrap lines inside words ("推动\\n经济发展"); a space there
    would be a spurious token for the model. Latin words keep their spaces.
    """
    text = _WS_RE.sub(" ", text).strip()
    return _CJK_SPACE_RE.sub("", text)


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences for the model.

    A sentence ends after a run of 。！？ (or !?), together with any closing
    quotes/brackets that follow (”」』）…), so ``他说：“好。”然后`` splits after
    the closing quote. Fragments without any letter or ideograph (a stray quote,
    a lone mark) are attached to the previous sentence. Text without any end
    mark is a single sentence; an empty text gives an empty list.
    """
    text = model_input(text)
    if not text:
        return []
    pieces: list[str] = []
    start = 0
    for match in _SPLIT_RE.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    sentences: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if sentences and not _HAS_CONTENT_RE.search(piece):
            sentences[-1] += piece
        else:
            sentences.append(piece)
    return sentences


def join_sentences(sentences: list[str]) -> str:
    """Rejoin translated (English) sentences of one text."""
    return " ".join(s.strip() for s in sentences if s.strip())
