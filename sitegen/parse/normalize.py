"""Text normalised for content comparison: NFKC (fast for Chinese prose), whitespace
removed."""
from __future__ import annotations

import functools
import re
import unicodedata

_SPACE = re.compile(r"\s+")


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
