"""Self-doubt (:mod:`.doubts`) from a body's first subhead: is the text above it another story?

A headline sums up its story, and a story's opening (its lead, the part before the first
subhead) names what the headline names. When the text above a body's first subhead
shares (nearly) none of the headline's words while the text under the subheads shares
many, the text above is likely another story run in over this one, the subhead where this
story's own opening went on (``head_below``): the page's headline block stands over another
story's text, or a headless text was glued on top.

Measured on generated pages (tests/relayout.py, RNG 1-5, 21-25, 31-35, 30 pages each, both
story pools, with and without the wider habits), over the articles no other doubt reaches:
10 wrong ones gained for 1 right one; the counts hold for thresholds 0.02-0.05 (above) and
0.15-0.25 (under). On RNG 101-105 and 201-205 (all four variants): 3 wrong gained, no right
one. Also measured, on a body's only subhead, and dropped: of the 35 wrong articles no doubt
reached with one, the text above it ended a sentence on all (so do right ones) and on a
closing credit on 1; the subhead's words were taken up more by the paragraph under it than
by the text above on 5; and the reverse of ``head_below`` (the headline's words above the
subhead, none under it) fired on 8 wrong and 144 right articles.
``bench/README.md``, s13b-doubt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .bigrams import bigram_set, joined_bigram_set
from .paragraphs import Para
from .resume import Body

if TYPE_CHECKING:  # the signals a rule reads (:mod:`.doubts` imports this module)
    from .doubts import Signals

# the headline's bigrams found in the text above the first subhead (share) at most this ...
ABOVE = 0.05
# ... and in the text under the subheads at least this
UNDER = 0.2


@dataclass(frozen=True)
class FirstSubhead:
    """A body's first subhead and how the headline's words stand around it."""

    line: int  # the subhead's line
    head_over: float  # share of the headline's bigrams found in the text above it
    head_under: float  # ... in the text under the subheads


def _found(head: frozenset[str], paras: Sequence[Para]) -> set[str]:
    """The bigrams of ``head`` some paragraph of ``paras`` prints. A paragraph's set is its
    whole text's, the bigram across each column break included (区域合|作: a word split by
    the break is still printed): ``joined_bigram_set`` of its chunks, which the placement
    has read already (memoised for the page)."""
    out: set[str] = set()
    for p in paras:
        out |= head & joined_bigram_set(p.parts())
    return out


def measure(bodies: Sequence[Body], heads: dict[int, str]) -> list[FirstSubhead | None]:
    """Per body, its first subhead (None when the body has no headline, prints no
    subhead, or one that opens or closes it). ``heads``: the headline's words of each
    headed body, by index."""
    out: list[FirstSubhead | None] = [None] * len(bodies)
    for i, words in heads.items():
        paras = bodies[i].paras
        k = next((k for k, p in enumerate(paras) if p.subhead), None)
        h = bigram_set(words)
        if k is None or k == 0 or paras[-1].subhead or not h:
            continue
        over = _found(h, paras[:k])
        under = _found(h, [p for p in paras[k + 1:] if not p.subhead])
        out[i] = FirstSubhead(paras[k].line, len(over) / len(h), len(under) / len(h))
    return out


def _head_below(s: Signals) -> str | None:
    u = s.first_sub
    if u is None or u.head_over > ABOVE or u.head_under < UNDER:
        return None
    return (f"the headline's words are under the subhead at line {u.line}, none above it: "
            "the text above may be another story's")


RULES = (("head_below", _head_below),)
