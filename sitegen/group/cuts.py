"""Grouping's cut of each article, kept line by line for the reading aid, which needs the
same words of the same texts (``sitegen.gloss``): each text is then cut once in a build.

Grouping cuts an article's title lines, lead and body joined by "\\n"; the segmenter cuts
each line alone ("\\n" is a token of its own, jieba's whitespace rule), so the tokens between
two "\\n" tokens are the cut of the line between them. A text whose "\\n" tokens do not match
its lines (a "\\r\\n" pair is one token) is not kept. Tokens are kept as one string object
per distinct token: a cold build of 1,000 articles keeps ~550,000 of them.
"""
from __future__ import annotations

from collections.abc import Callable


class KeptCuts:
    """{line of text: its tokens}, filled by ``keep``; ``cut`` answers from it or cuts."""

    def __init__(self, cut: Callable[[str], list[str]]):
        self._cut = cut
        self._lines: dict[str, list[str]] = {}
        self._tokens: dict[str, str] = {}  # one object per distinct token

    def __len__(self) -> int:
        return len(self._lines)

    def keep(self, text: str, tokens: list[str]) -> None:
        """Keep ``tokens`` (``text``'s cut) as the cuts of ``text``'s lines."""
        lines = text.split("\n")
        if tokens.count("\n") != len(lines) - 1:
            return
        one = self._tokens.setdefault
        tokens = list(map(one, tokens, tokens))
        kept, start = self._lines, 0
        for line in lines[:-1]:
            end = tokens.index("\n", start)
            kept[line] = tokens[start:end]
            start = end + 1
        kept[lines[-1]] = tokens[start:]

    def cut(self, text: str) -> list[str]:
        """``text``'s tokens: as kept, or cut now."""
        found = self._lines.get(text)
        return found if found is not None else self._cut(text)

    def clear(self) -> None:
        self._lines = {}
        self._tokens = {}
