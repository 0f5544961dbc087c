"""What the block re-cuts share (:mod:`.blocksplit`, :mod:`.blocklines`): how well a
headline's words are found in runs of paragraphs, when a cut inside a body is explained, and
the bodies rebuilt from a division of their paragraphs."""
from __future__ import annotations

from .resume import Body
from .paragraphs import Para
from .text import Vocabulary, joined_bigram_set

CUT_OWN = 0.3  # a cut inside a body: each side's headline covers its side this well ...
CUT_RATIO = 0.5  # ... and the other side's headline covers it at most this share of that
LINES_SHIFT = 0.05  # cohesion across a cut inside one body below this (see .cohesion)


class Run:
    """Coverage of one headline text by runs of paragraphs, computed incrementally."""

    def __init__(self, text: str, vocab: Vocabulary, paras: list[Para]):
        grams = list(dict.fromkeys(g for g in _grams(text)))
        self.weights = [vocab.idf(g) for g in grams]
        self.total = sum(self.weights) or 1.0
        sets = [joined_bigram_set(p.parts()) if not p.subhead else set() for p in paras]
        self.hits = [frozenset(k for k, g in enumerate(grams) if g in s) for s in sets]
        self.emission = [sum(self.weights[k] for k in h) / self.total for h in self.hits]

    def cover(self, p: int, q: int) -> float:
        found: set[int] = set()
        for h in self.hits[p:q]:
            found |= h
        return self.covered(found)

    def covered(self, found: set[int] | frozenset[int]) -> float:
        return sum(self.weights[k] for k in found) / self.total


def _grams(text: str) -> frozenset[str]:
    return joined_bigram_set([text])


def rebuild(order: list[Body], paras: list[Para], owner: list[int], bounds: list[int]) -> list[Body]:
    out: list[Body] = []
    for a, b in zip(bounds, bounds[1:]):
        part = paras[a:b]
        first_body = order[owner[a]]
        starts_body = a == 0 or owner[a - 1] != owner[a]
        nb = Body(list(part), first_body.start if starts_body else "split")
        spans: list[tuple[int, int]] = []
        for k in dict.fromkeys(owner[a:b]):
            mine = [p for p, o in zip(part, owner[a:b]) if o == k]
            whole = len(mine) == len(order[k].paras)
            spans.extend(order[k].spans if whole else within(order[k].spans, mine[0].line,
                                                               mine[-1].chunks[-1].lines[-1].no))
            if mine[0] is order[k].paras[0]:
                nb.embedded.extend(order[k].embedded)
        nb.spans = spans
        out.append(nb)
    return out


def within(spans: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` between lines ``first`` and ``last``."""
    return [(max(a, first), min(b, last)) for a, b in spans if b >= first and a <= last]


def in_page_order(body: Body) -> bool:
    """Are the body's spans printed one after another down the page (a story and the
    credit printed on its own under it, a 下转 line between them), so that a cut between
    its paragraphs leaves each part its own lines?"""
    return bool(body.spans) and all(a[1] < b[0] for a, b in zip(body.spans, body.spans[1:]))
