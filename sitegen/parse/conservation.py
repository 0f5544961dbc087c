"""Text conservation check: every Han character, digit and letter of the input must
appear exactly once in the parse output (articles' fields, subheads, paragraphs,
markers and leftovers). Whitespace and punctuation are not counted."""
from __future__ import annotations

import unicodedata
from collections import Counter

from ..models import ParseResult


def counted(text: str) -> Counter[str]:
    """Alphanumeric characters of ``text`` after NFKC normalisation."""
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def output_texts(result: ParseResult) -> list[str]:
    out: list[str] = []
    for art in result.articles:
        out.extend(x or "" for x in (art.kicker, art.headline, art.subtitle, art.byline, art.dateline))
        out.extend(b.text for b in art.blocks)
        out.extend(art.markers)
    out.extend(left.text for left in result.leftovers)
    return out


def conservation(text: str, result: ParseResult) -> tuple[int, int]:
    """(lost, duplicated) alphanumeric characters between ``text`` and ``result``."""
    have = counted("".join(output_texts(result)))
    want = counted(text)
    return sum((want - have).values()), sum((have - want).values())
