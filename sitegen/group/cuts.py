"""Grouping's cut of each article, kept line by line for the reading aid, which needs the
same words of the same texts (``sitegen.gloss``): each text is then cut once in a build.

Grouping cuts an article's title lines, lead and body joined by "\\n"; the segmenter cuts
each line alone ("\\n" is a token of its own, jieba's whitespace rule), so the tokens between
two "\\n" tokens are the cut of the line between them. The tokens partition the text, so
joined by NUL they split into lines where the text does. A line's tokens are kept as one
string, NUL-joined: made at C speed while the seeds parse, where this process has the most
to do, and split again only when asked for (1,000 articles: ~5,000 strings instead of
~550,000 token objects).
"""
from __future__ import annotations

from collections.abc import Callable

_SEP = "\x00"


class KeptCuts:
    """{line of text: its tokens, NUL-joined}, filled by ``keep``; ``cut`` answers from it
    or cuts."""

    def __init__(self, cut: Callable[[str], list[str]]):
        self._cut = cut
        self._lines: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def keep(self, text: str, tokens: list[str]) -> None:
        """Keep ``tokens`` (``text``'s cut) as the cuts of ``text``'s lines."""
        joined = _SEP.join(tokens)
        if len(joined) != len(text) + len(tokens) - 1 or _SEP in text:
            return  # not a partition of the text (never seen), or a text holding the separator
        self._lines.update(zip(text.split("\n"), joined.split("\n")))

    def cut(self, text: str) -> list[str]:
        """``text``'s tokens: as kept, or cut now."""
        found = self._lines.get(text)
        if found is None:
            return self._cut(text)
        found = found.strip(_SEP)  # the NULs next to the "\n" tokens around the line
        return found.split(_SEP) if found else []

    def clear(self) -> None:
        self._lines = {}
