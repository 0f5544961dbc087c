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

from . import lines as L
from .bigrams import bigram_set
from .resume import Body
from .text import ends_sentence

if TYPE_CHECKING:  # the signals a rule reads (:mod:`.doubts` imports this module)
    from .doubts import Signals

# the headline's bigrams found in the text above the first subhead (share) at most this ...
ABOVE = 0.05
# ... and in the text under the subheads at least this
UNDER = 0.2


@dataclass(frozen=True)
class FirstSubhead:
    """A body's first subhead and what stands around it."""

    line: int  # the subhead's line
    above: int  # text paragraphs above it
    below: int  # text paragraphs under it
    credit: bool  # the paragraph above ends with a closing credit, or is one
    closed: bool  # the paragraph above ends a sentence
    under: float  # the subhead's bigrams shared with the paragraph under it (share of the subhead's)
    over: float  # ... with the text above it (share)
    head_over: float  # the headline's bigrams shared with the text above (share)
    head_under: float  # ... with the text under the subhead (share)
    chars: int  # characters of the subhead
    count: int  # subheads in the body


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


def measure(bodies: Sequence[Body], heads: dict[int, str]) -> list[FirstSubhead | None]:
    """Per body, its first subhead (None when it prints none, or one opening or closing it). ``heads``: the
    headline's words of each headed body, by index."""
    out: list[FirstSubhead | None] = []
    for i, b in enumerate(bodies):
        subs = [k for k, p in enumerate(b.paras) if p.subhead]
        if not subs or subs[0] == 0 or subs[-1] == len(b.paras) - 1:
            out.append(None)
            continue
        k = subs[0]
        top = [p for p in b.paras[:k]]
        rest = [p for p in b.paras[k + 1:] if not p.subhead]
        sub = b.paras[k].raw.strip()
        g = bigram_set(sub)
        over = set().union(*(bigram_set(p.raw) for p in top))
        under = bigram_set(rest[0].raw)
        after = set().union(*(bigram_set(p.raw) for p in rest))
        h = bigram_set(heads.get(i, ""))
        last = top[-1].raw.rstrip()
        out.append(FirstSubhead(
            line=b.paras[k].line, above=len(top), below=len(rest),
            credit=bool(L.closing_credit(last) or L.end_credit_at(last) is not None),
            closed=ends_sentence(last), under=_share(g, under), over=_share(g, over),
            head_over=_share(h, over), head_under=_share(h, after), chars=len(sub), count=len(subs)))
    return out


def _head_below(s: Signals) -> str | None:
    u = s.first_sub
    if u is None or u.head_over > ABOVE or u.head_under < UNDER:
        return None
    return (f"the headline's words are under the subhead at line {u.line}, none above it: "
            "the text above may be another story's")


RULES = (("head_below", _head_below),)
