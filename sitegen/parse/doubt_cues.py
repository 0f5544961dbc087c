"""Page cues for self-doubt (:mod:`.doubts`): other explanations of the page that the
parser's decisions left open. Each cue is measured per body and kept with the line a
maintainer should look at.

* ``halves`` — the two parts of the body on either side of some paragraph boundary
  share almost no topic words (a whole-body version of TextTiling's depth: two stories
  run together rather than one changing subject);
* ``rival`` — another body covers the headline better than its own body does;
* ``side_title`` — a title of another article, or one left to no article, covers one
  side of some boundary of this body better than the other side and better than this
  body's own headline covers that side;
* ``join`` — the words go on across the boundary with the neighbouring article as they
  do inside a body: one article cut in two?
* ``mid_end`` — a 下转 marker or a closing credit inside the body, not at its end;
* ``beside_head`` — a line printed next to the headline went to no article (part of
  the headline?).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..models import Leftover
from . import lines as L
from .assign import Assignment, Scorer
from .headlines import Group, is_section_name
from .resume import Body
from .paragraphs import Para
from .bigrams import bigram_set, side_grams

MIN_PART = 100  # characters each side of a boundary for ``halves`` (a third of a shorter body)
SIDE_CUTS = 3  # boundaries (where the words change most) at which other titles are tried
NEAR_HEAD = 2  # lines between a headline block and a left-over line printed "next to" it


@dataclass
class Cues:
    halves: tuple[float, int] | None = None  # lowest cosine of the two parts, first line after
    rival: tuple[float, int] | None = None  # best other body's coverage of the headline, its line
    side_title: tuple[float, int, int] | None = None  # margin, first line of the side, title line
    join: tuple[float, int] | None = None  # cohesion across the boundary with a neighbour, its line
    mid_end: int = 0  # line of a 下转 marker / closing credit inside the body (0: none)
    beside_head: int = 0  # line of a left-over line next to the headline block (0: none)


def cosine(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def window(paras: Sequence[Para], grams: Sequence[set[str]], size: int, max_paras: int) -> set[str]:
    """Bigrams of whole paragraphs, in the order given, until ``size`` characters."""
    acc: set[str] = set()
    n = 0
    for k, (p, g) in enumerate(zip(paras, grams)):
        acc |= g
        n += len(p.raw)
        if n >= size or k + 1 >= max_paras:
            break
    return acc


def measure(bodies: list[Body], texts: list[list[Para]], grams: list[list[set[str]]], result: Assignment,
            scorer: Scorer, leftovers: Sequence[Leftover], size: int, max_paras: int,
            side_floor: float, own: Sequence[int] | None = None) -> list[Cues]:
    """Cues of every body. ``texts``: each body's paragraphs (subheads aside); ``grams``:
    their topic bigrams (:func:`.cohesion.topic_grams`); ``size``, ``max_paras``: the
    window compared across a boundary between bodies; ``side_floor``: the least margin of
    a ``side_title`` worth measuring; ``own``: how many of each body's paragraphs are its
    story's own text, before a box printed under a label (``halves`` reads only those)."""
    out = [Cues() for _ in bodies]
    titles = [(g.match_text, g.line, j) for j, g in result.by_body.items()]
    titles += [(g.match_text, g.line, None) for g in result.unassigned if g.units]
    titles += [(x.text, x.line, None) for x in leftovers
               if x.kind in ("headline", "banner") and not is_section_name(x.text)]
    loose = [x.line for x in leftovers if x.kind in ("headline", "banner", "fragment")]
    for i, c in enumerate(out):
        paras = texts[i]
        n = len(paras) if own is None else own[i]
        cuts = _halves(paras[:n], grams[i][:n])
        if cuts:
            c.halves = (cuts[0][0], paras[cuts[0][1]].line)
        c.mid_end = _mid_end(paras)
        group = result.by_body.get(i)
        if group is None:
            continue
        others = [(scorer.content(group.match_text, j), bodies[j].line)
                  for j in scorer.candidates(group.line) if j != i]
        if others:
            c.rival = max(others)
        c.beside_head = _beside(group, loose)
        if len(paras) >= 2:
            c.side_title = _side_title(paras, [k for _sim, k in cuts[:SIDE_CUTS]], group, i, titles, scorer,
                                       side_floor)
    _joins(bodies, texts, grams, out, size, max_paras)
    return out


def _halves(paras: list[Para], grams: list[set[str]]) -> list[tuple[float, int]]:
    """Cosine of the bigrams before and after each paragraph boundary with MIN_PART
    characters on both sides, lowest first: (cosine, index of the first paragraph after)."""
    lengths = [len(p.raw) for p in paras]
    total = sum(lengths)
    # The sets after each boundary are needed only for their sizes (the shared bigrams
    # are those of both sides less those of the whole body): one set grown from the end
    # gives them all, without a copy per boundary.
    suffix_sizes = [0] * (len(paras) + 1)
    suffix: set[str] = set()
    for k in range(len(paras) - 1, 0, -1):
        suffix |= grams[k]
        suffix_sizes[k] = len(suffix)
    if paras:
        suffix |= grams[0]  # (in place: the suffix is not read again)
    whole = len(suffix)  # both sides of any boundary together
    out: list[tuple[float, int]] = []
    prefix: set[str] = set()
    before = 0
    least = min(MIN_PART, total // 3)  # a short body: a third of it each side
    for k in range(1, len(paras)):
        prefix |= grams[k - 1]
        before += lengths[k - 1]
        if before >= least and total - before >= least:
            out.append((_cosine_of_sizes(len(prefix), suffix_sizes[k], whole), k))
    return sorted(out)


def _cosine_of_sizes(a: int, b: int, union: int) -> float:
    """``cosine`` of two sets of sizes ``a`` and ``b`` whose union has ``union`` members."""
    return (a + b - union) / (a * b) ** 0.5 if a and b else 0.0


def _mid_end(paras: list[Para]) -> int:
    for k, p in enumerate(paras[:-1]):
        if L.end_marker_match(p.raw) or (k >= 1 and L.closing_credit(p.raw)):
            return paras[k + 1].line
    return 0


def _beside(group: Group, loose: list[int]) -> int:
    if not group.units:
        return 0
    first = min(u.line for u in group.units)
    last = max(u.line + u.n_lines - 1 for u in group.units)
    near = [ln for ln in loose if first - NEAR_HEAD <= ln <= last + NEAR_HEAD]
    return near[0] if near else 0


def _side_title(paras: list[Para], cuts: list[int], group: Group, i: int,
                titles: list[tuple[str, int, int | None]], scorer: Scorer,
                floor: float) -> tuple[float, int, int] | None:
    """The title (not this body's) that best covers one side of a boundary (among
    ``cuts``, the indices of the paragraphs after the boundaries where the words change
    most) more than the other side, and more than the body's own headline covers that
    side. Titles that cover the whole body less than ``floor`` cannot reach it on one
    side: not measured."""
    vocab = scorer.vocab
    titles = [t for t in titles if t[2] != i and scorer.content(t[0], i) >= floor]
    if not titles or not cuts:
        return None
    # each side's bigrams among the titles' (all a coverage reads)
    grams = bigram_set(group.match_text).union(*(bigram_set(t[0]) for t in titles))
    splits = [(k, a, b) for k, (a, b) in zip(cuts, side_grams([p.parts() for p in paras], cuts, grams))]
    own = [(vocab.coverage(group.match_text, a), vocab.coverage(group.match_text, b)) for _k, a, b in splits]
    best: tuple[float, int, int] | None = None
    for text, line, _owner in titles:
        for (k, a, b), (h1, h2) in zip(splits, own):
            t1, t2 = vocab.coverage(text, a), vocab.coverage(text, b)
            for margin, at in ((t2 - max(t1, h2), k), (t1 - max(t2, h1), 0)):
                if best is None or margin > best[0]:
                    best = (margin, at, line)
    return None if best is None else (best[0], paras[best[1]].line, best[2])


def _joins(bodies: list[Body], texts: list[list[Para]], grams: list[list[set[str]]], out: list[Cues],
           size: int, max_paras: int) -> None:
    """Cohesion across the boundary between bodies printed one after the other."""
    order = sorted(range(len(bodies)), key=lambda i: bodies[i].line)
    for a, b in zip(order, order[1:]):
        if not texts[a] or not texts[b]:
            continue
        sim = cosine(window(texts[a][::-1], grams[a][::-1], size, max_paras),
                     window(texts[b], grams[b], size, max_paras))
        for x in (a, b):
            if out[x].join is None or sim > out[x].join[0]:
                out[x].join = (sim, texts[b][0].line)


def edges(texts: list[list[Para]], grams: list[list[set[str]]], size: int,
          max_paras: int) -> list[tuple[float, float, int] | None]:
    """Where each body meets the next (in the order given): does its last paragraph read more
    like the rest of its body or like the next body's opening? For every body but the last,
    (cosine with the rest of its body, cosine with the next body's opening, the paragraph's
    line), or None for a one-paragraph body or an empty next one. ``texts``: each body's
    paragraphs, subheads aside; ``grams``: their topic bigrams; ``size``, ``max_paras``: the
    window read on each side (:func:`window`)."""
    out: list[tuple[float, float, int] | None] = []
    for i in range(len(texts) - 1):
        own, nxt = texts[i], texts[i + 1]
        if len(own) < 2 or not nxt:
            out.append(None)
            continue
        rest = window(own[-2::-1], grams[i][-2::-1], size, max_paras)
        opening = window(nxt, grams[i + 1], size, max_paras)
        last = grams[i][-1]
        out.append((cosine(last, rest), cosine(last, opening), own[-1].line))
    return out
