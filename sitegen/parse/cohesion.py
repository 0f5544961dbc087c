"""Lexical cohesion inside a body, as in Hearst's TextTiling: at each paragraph boundary,
the cosine of the TF-IDF character-bigram vectors of a window of text before it and a
window after it. One story keeps talking about the same things; where two stories were
run together the vocabulary shifts and the similarity drops to near nothing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .box_labels import opens_box
from .interviews import is_question
from .text import Vocabulary

WINDOW = 600  # characters each side of a boundary (whole paragraphs, at least this many)
MIN_SIDE = 40  # a side shorter than this says too little to compare
MAX_PARAS = 6  # paragraphs each side at most


@dataclass(frozen=True)
class Gap:
    """A paragraph boundary: paragraphs ``[:index]`` before it, ``[index:]`` after it."""

    index: int
    similarity: float


def gaps(paras: Sequence[Sequence[str]], vocab: Vocabulary, allowed: Sequence[bool] | None = None,
         window: int = WINDOW, max_paras: int = MAX_PARAS,
         grams: Sequence[set[str]] | None = None) -> list[Gap]:
    """Similarity across every boundary ``i`` (1 ≤ i < len(paras)) where ``allowed[i]``
    (all boundaries when None) and both sides hold at least MIN_SIDE characters, and that
    touch no interview's question (:mod:`.interviews`): a question asks about the text
    before it and is answered by the text after it, so no story starts next to one, however
    few words it shares with either side.
    ``paras``: each paragraph as its parts (chunks), whose bigram sets are memoised;
    ``grams``: the paragraphs' ``topic_grams``, when the caller has them already."""
    lengths = [sum(map(len, p)) for p in paras]
    total = sum(lengths)
    if len(paras) < 2 or total < 2 * MIN_SIDE:
        return []
    if grams is None:
        grams = [topic_grams(p, vocab) for p in paras]
    out: list[Gap] = []
    before = 0
    asked = [is_question(p) for p in paras]
    boxed = [bool(p) and opens_box(p[0]) for p in paras]  # no story starts at a box (:mod:`.box_labels`)
    for i in range(1, len(paras)):
        before += lengths[i - 1]
        if allowed is not None and not allowed[i] or asked[i - 1] or asked[i] or boxed[i]:
            continue
        if before < MIN_SIDE or total - before < MIN_SIDE:
            continue
        left = _side(grams, lengths, range(i - 1, max(-1, i - 1 - max_paras), -1), window)
        right = _side(grams, lengths, range(i, min(len(paras), i + max_paras)), window)
        out.append(Gap(i, _cosine(left, right)))
    return out


def topic_grams(parts: Sequence[str], vocab: Vocabulary) -> frozenset[str]:
    """A paragraph's bigrams without the page's common ones (what carries its topic)."""
    return vocab.topic_grams(parts)


def _side(grams: list[set[str]], lengths: list[int], order: range, window: int) -> set[str]:
    parts = []
    n = 0
    for k in order:
        parts.append(grams[k])
        n += lengths[k]
        if n >= window:
            break
    return parts[0].union(*parts[1:])


def _cosine(a: set[str], b: set[str]) -> float:
    """Cosine of two bigram sets (binary term frequencies; the page's common bigrams are
    left out before): cheap set operations, and a few hundred characters rarely repeat a
    bigram."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def deepest(found: list[Gap]) -> Gap | None:
    """The boundary where the vocabulary shifts most (lowest similarity)."""
    return min(found, key=lambda g: (g.similarity, g.index)) if found else None
