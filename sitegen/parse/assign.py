"""Assign headline groups to article bodies by content, and split bodies that hold
several articles printed without any separator.

Scores: the IDF-weighted share of a headline's character bigrams found in a body
(``Vocabulary.coverage``), plus a small bonus for the body printed right before or
right after the headline region (tie-break, never the main signal).

* Loose headline units of one region are grouped: neighbours that best match the same
  body form one group; a unit matching nothing well between two units of one group
  joins them; otherwise it is a banner.
* Groups are assigned greedily, best (group, body) pair first, one group per body.
* A group left over whose best body already has a headline may mean that body holds
  several articles: the body's paragraphs are labelled with the competing headlines by
  dynamic programming (contiguous segments, one headline each, a cost per cut), and the
  body is cut where the labels change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .headlines import Group, Unit
from .resume import Body
from .segment import Para
from .text import Vocabulary, bigrams

MIN_ASSIGN = 0.2
MIN_UNIT = 0.25
BONUS_BEFORE = 0.12  # body printed just above the headline (headline after body)
BONUS_AFTER = 0.08  # body printed just below the headline
CUT_COST = 0.6


@dataclass
class Assignment:
    by_body: dict[int, Group] = field(default_factory=dict)  # body index -> group
    banners: list[Unit] = field(default_factory=list)
    unassigned: list[Group] = field(default_factory=list)


def neighbours(bodies: list[Body], line: int) -> tuple[int | None, int | None]:
    """Index of the body printed right before ``line`` and right after it."""
    before = after = None
    best_b = -1
    best_a = 10**12
    for i, body in enumerate(bodies):
        for first, last in body.spans:
            if last < line and last > best_b:
                best_b, before = last, i
            if first > line and first < best_a:
                best_a, after = first, i
    return before, after


class Scorer:
    def __init__(self, bodies: list[Body], vocab: Vocabulary):
        self.bodies = bodies
        self.vocab = vocab
        self.grams = [set(bigrams(b.text)) for b in bodies]

    def content(self, text: str, body: int) -> float:
        return self.vocab.coverage(text, self.grams[body])

    def score(self, text: str, line: int, body: int) -> float:
        before, after = neighbours(self.bodies, line)
        bonus = BONUS_BEFORE if body == before else BONUS_AFTER if body == after else 0.0
        return self.content(text, body) + bonus

    def best(self, text: str, line: int) -> tuple[int | None, float]:
        if not self.bodies:
            return None, 0.0
        scores = [(self.score(text, line, i), i) for i in range(len(self.bodies))]
        s, i = max(scores)
        return i, s


def group_loose(region_groups: list[Group], scorer: Scorer) -> tuple[list[Group], list[Unit]]:
    """Merge loose single-unit groups of one region by best-matching body."""
    out: list[Group] = []
    banners: list[Unit] = []
    loose_idx = [k for k, g in enumerate(region_groups) if not g.closed]
    best = {}
    for k in loose_idx:
        g = region_groups[k]
        body, s = scorer.best(g.text, g.line)
        content = scorer.content(g.text, body) if body is not None else 0.0
        best[k] = (body if content >= MIN_UNIT else None, s)
    only_one = len(region_groups) == 1
    for k, g in enumerate(region_groups):
        if g.closed:
            out.append(g)
            continue
        body = best[k][0]
        if body is None and not only_one:
            prev_b = best.get(k - 1, (None,))[0] if k - 1 in best else None
            next_b = best.get(k + 1, (None,))[0] if k + 1 in best else None
            if prev_b is not None and prev_b == next_b:
                body = prev_b
                best[k] = (body, 0.0)
            elif any(u.subtitle for u in g.units):
                pass
            else:
                banners.extend(g.units)
                continue
        if out and not out[-1].closed and k - 1 in best and best[k - 1][0] is not None \
                and best[k - 1][0] == body and out[-1] is not None and out[-1].units \
                and out[-1].units[-1].line < g.line and _last_loose(out, region_groups, k):
            out[-1].units.extend(g.units)
        else:
            out.append(Group(list(g.units), region=g.region))
    return out, banners


def _last_loose(out: list[Group], region_groups: list[Group], k: int) -> bool:
    return not region_groups[k - 1].closed


def assign(groups: list[Group], scorer: Scorer) -> Assignment:
    """Greedy one-to-one assignment of groups to bodies."""
    pairs = []
    for gi, g in enumerate(groups):
        if not g.units:
            continue
        for bi in range(len(scorer.bodies)):
            s = scorer.score(g.text, g.line, bi)
            if scorer.content(g.text, bi) >= MIN_ASSIGN or s >= MIN_ASSIGN + BONUS_BEFORE:
                pairs.append((s, gi, bi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    result = Assignment()
    used_g: set[int] = set()
    for s, gi, bi in pairs:
        if gi in used_g or bi in result.by_body:
            continue
        result.by_body[bi] = groups[gi]
        used_g.add(gi)
    result.unassigned = [g for gi, g in enumerate(groups) if gi not in used_g]
    return result


def split_bodies(bodies: list[Body], groups: list[Group], vocab: Vocabulary) -> list[Body] | None:
    """Cut bodies that hold several articles; None when nothing was cut.

    Runs the labelling on each body together with the headline groups that match it
    best; cuts only at paragraph boundaries where the paragraph before ends a sentence
    and the one after starts a sentence (and never right after a subhead).
    """
    scorer = Scorer(bodies, vocab)
    first = assign(groups, scorer)
    extra: dict[int, list[Group]] = {}
    for g in first.unassigned:
        if not g.units:
            continue
        contents = [(scorer.content(g.text, i), i) for i in range(len(bodies))]
        c, i = max(contents) if contents else (0.0, None)
        if i is not None and c >= 0.3:
            extra.setdefault(i, []).append(g)
    if not extra:
        return None
    changed = False
    out: list[Body] = []
    for bi, body in enumerate(bodies):
        labels = list(extra.get(bi, []))
        if not labels:
            out.append(body)
            continue
        if bi in first.by_body:
            labels.append(first.by_body[bi])
        pieces = _label_split(body, labels, vocab)
        if len(pieces) > 1:
            changed = True
        out.extend(pieces)
    return out if changed else None


def _label_split(body: Body, labels: list[Group], vocab: Vocabulary) -> list[Body]:
    paras = body.paras
    n = len(paras)
    heads = [set(bigrams(p.raw)) for p in paras]
    emis = [[0.0] * len(labels) for _ in range(n)]
    for i, p in enumerate(paras):
        for j, g in enumerate(labels):
            emis[i][j] = 0.0 if p.subhead else vocab.coverage(g.text, heads[i])
    # subheads take the emission of the paragraph after them
    for i in range(n - 2, -1, -1):
        if paras[i].subhead:
            emis[i] = list(emis[i + 1])

    def can_cut(i: int) -> bool:  # cut before paragraph i
        prev, cur = paras[i - 1], paras[i]
        if cur.subhead and i + 1 < n and False:
            return False
        if prev.subhead:
            return False
        return not prev.open_end and not cur.opens_mid and not cur.hard_start or cur.hard_start

    k = len(labels)
    # dp over (i, label, used mask)
    NEG = float("-inf")
    best: dict[tuple[int, int, int], tuple[float, tuple | None]] = {}
    for j in range(k):
        best[(0, j, 1 << j)] = (emis[0][j], None)
    for i in range(1, n):
        for (pi, j, mask), (score, _) in list(best.items()):
            if pi != i - 1:
                continue
            key = (i, j, mask)
            cand = score + emis[i][j]
            if cand > best.get(key, (NEG, None))[0]:
                best[key] = (cand, (pi, j, mask))
            if can_cut(i):
                for j2 in range(k):
                    if mask & (1 << j2):
                        continue
                    key2 = (i, j2, mask | (1 << j2))
                    cand2 = score + emis[i][j2] - CUT_COST
                    if cand2 > best.get(key2, (NEG, None))[0]:
                        best[key2] = (cand2, (pi, j, mask))
    finals = [(v[0], key) for key, v in best.items() if key[0] == n - 1]
    if not finals:
        return [body]
    _, key = max(finals)
    labels_seq = []
    while key is not None:
        labels_seq.append(key[1])
        key = best[key][1]
    labels_seq.reverse()
    cuts = [i for i in range(1, n) if labels_seq[i] != labels_seq[i - 1]]
    if not cuts:
        return [body]
    out: list[Body] = []
    bounds = [0] + cuts + [n]
    for a, b in zip(bounds, bounds[1:]):
        part = paras[a:b]
        first_line = part[0].line
        last_line = part[-1].chunks[-1].lines[-1].no
        nb = Body(list(part), body.start if a == 0 else "split")
        nb.spans = [(first_line, last_line)]
        if a == 0:
            nb.embedded = list(body.embedded)
        out.append(nb)
    return out
