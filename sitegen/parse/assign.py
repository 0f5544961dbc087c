"""Assign headline groups to article bodies by content, and split bodies that hold
several articles printed without any separator.

Scores: the IDF-weighted share of a headline's character bigrams found in a body, the IDF
counted over the page's paragraphs with one body's paragraphs counted once
(``Scorer.content``; on a page of stories on one subject a word repeated all through one
story would otherwise weigh as little as a word every story shares), plus a small bonus for the body printed right before or
right after the headline region (tie-break, never the main signal).

* (Loose headline units are grouped, and blocks left over paired with a neighbouring
  body, in :mod:`.grouping`.)
* Groups are assigned greedily, best (group, body) pair first, one group per body; of
  two bodies about as good, the one whose first paragraph holds the headline's words
  (LEAD_WEIGHT).
* A group of several headline blocks printed together whose units all matched one body
  best may mean that body is two articles run together: the group is divided in two
  when each part matches its own half of the body and clearly not the other half
  (:mod:`.merged_groups`).
* A group left over whose best body already has a headline may mean that body holds
  several articles: the body's paragraphs are labelled with the competing headlines by
  dynamic programming (contiguous segments, one headline each, a cost per cut), and the
  body is cut where the labels change.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from . import cohesion
from .cut_points import can_cut
from .headlines import Group, Unit
from .merged_groups import split_merged_group
from .resume import Body, cut
from .spans import SpanIndex
from .text import Vocabulary, joined_bigram_set

MIN_ASSIGN = 0.2
# Dividing a body among several headlines (``_label_split``); set on the seeds when the first
# parser was written (3ff6f69, f9dd53c) and bounded for big inputs (3234590):
LABEL_MIN_COVER = 0.2  # a part's headline must cover at least this share of its words
LABEL_MOST = 4  # headlines weighed at once (their permutations are tried)
LABEL_MOST_CUTS = 60  # candidate cut points in a body beyond which it is kept whole
LABEL_MANY_CUTS = 25  # ... beyond which only one cut is tried, else up to three
LEAD_WEIGHT = 0.1  # share of the headline's words found in the body's first paragraph (tie-break)
BONUS_BEFORE = 0.12  # body printed just above the headline (headline after body)
BONUS_AFTER = 0.08  # body printed just below the headline
BONUS_HEADING = 0.3  # body right below a markdown heading
CUT_COST = 0.2
EMISSION_WEIGHT = 0.5
COHESION_COST = 2.0  # per unit of cohesion across a cut inside a body


@dataclass
class Assignment:
    by_body: dict[int, Group] = field(default_factory=dict)  # body index -> group
    banners: list[Unit] = field(default_factory=list)
    unassigned: list[Group] = field(default_factory=list)
    items: dict[int, list[Group]] = field(default_factory=dict)  # body -> the block items it was given


def story_parts(body: Body) -> tuple[str, ...]:
    """The texts of a body the scores read: its paragraphs' parts, subheads left out."""
    return tuple(t for p in body.paras if not p.subhead for t in p.parts())


def story_grams(bodies: list[Body]) -> list[frozenset[str]]:
    """The bigram sets of ``bodies`` as the scores read them (``joined_bigram_set`` keeps
    them for the page: the scorers of a page score the same bodies again and again)."""
    return [joined_bigram_set(story_parts(b)) for b in bodies]


class Scorer:
    """Content and position scores of headline text against bodies.

    Only the NEAREST bodies (by printing position) are candidates for a headline, which
    keeps the work linear in the size of the page and matches how pages are laid out.
    """

    NEAREST = 12

    def __init__(self, bodies: list[Body], vocab: Vocabulary):
        """``vocab``: the page's vocabulary by stories (:meth:`.Vocabulary.by_stories`),
        whose IDF weighs the headline's words."""
        self.bodies = bodies
        self.vocab = vocab
        self.grams = story_grams(bodies)
        self._leads: list[frozenset[str] | None] = [None] * len(bodies)  # first paragraphs' bigrams
        self._near: dict[int, tuple[int | None, int | None, list[int]]] = {}
        self._contents: dict[tuple[str, int], float] = {}  # content(text, body)
        self._lead_shares: dict[tuple[str, int], float] = {}  # lead(text, body)
        self.spans = SpanIndex(bodies)
        self._order = sorted(range(len(bodies)), key=lambda i: bodies[i].line)
        self._lines = [bodies[i].line for i in self._order]

    def content(self, text: str, body: int) -> float:
        """IDF-weighted share of ``text``'s distinct bigrams found in the body (the page's
        vocabulary by stories). Memoised: grouping, assignment, pairing and the doubts ask
        for the same pairs (~60 % of the calls on the bench corpus)."""
        key = (text, body)
        found = self._contents.get(key)
        if found is None:
            found = self._contents[key] = self.vocab.coverage(text, self.grams[body])
        return found

    def lead(self, text: str, body: int) -> float:
        """``content`` on the body's first paragraph only: a story states its subject in
        its lead, so of two bodies sharing a headline's words about as much, the one that
        opens with them is the likelier."""
        key = (text, body)
        found = self._lead_shares.get(key)
        if found is not None:
            return found
        target = self._leads[body]
        if target is None:
            first = next((p for p in self.bodies[body].paras if not p.subhead), None)
            target = self._leads[body] = joined_bigram_set(first.parts() if first else ())
        found = self._lead_shares[key] = self.vocab.coverage(text, target)
        return found

    def _around(self, line: int) -> tuple[int | None, int | None, list[int]]:
        if line not in self._near:
            before, after = self.spans.neighbours(line)
            pos = bisect.bisect_left(self._lines, line)
            lo = max(0, pos - self.NEAREST // 2)
            hi = min(len(self.bodies), lo + self.NEAREST)
            lo = max(0, hi - self.NEAREST)
            near = set(self._order[lo:hi]) | {i for i in (before, after) if i is not None}
            self._near[line] = (before, after, sorted(near))
        return self._near[line]

    def candidates(self, line: int) -> list[int]:
        return self._around(line)[2]

    def bonus(self, line: int, body: int, heading: bool = False) -> float:
        """Position bonus of ``body`` for a headline at ``line``. A markdown heading heads
        the text that follows it, so its bonus for the body right after it is larger."""
        before, after, _ = self._around(line)
        return _position_bonus(body, before, after, heading)

    def score(self, text: str, line: int, body: int, heading: bool = False) -> float:
        """Content plus position bonus."""
        return self.content(text, body) + self.bonus(line, body, heading)

    def pair_score(self, text: str, line: int, body: int, heading: bool = False) -> float:
        """What :func:`assign` ranks a (headline, body) pair by: content, position bonus and
        LEAD_WEIGHT × the share found in the body's first paragraph (also read by :mod:`.explain`)."""
        before, after, _ = self._around(line)
        return self._pair_score(text, body, self.content(text, body), before, after, heading)

    def _pair_score(self, text: str, body: int, content: float, before: int | None, after: int | None,
                    heading: bool) -> float:
        """:meth:`pair_score` from the body's ``content`` and the headline's neighbours."""
        return content + _position_bonus(body, before, after, heading) + LEAD_WEIGHT * self.lead(text, body)

    def best(self, text: str, line: int) -> tuple[int | None, float]:
        """The candidate of highest :meth:`score` and that score (neighbours looked up once)."""
        before, after, cands = self._around(line)
        if not cands:
            return None, 0.0
        content = self.content
        s, i = max((content(text, i) + _position_bonus(i, before, after), i) for i in cands)
        return i, s


def _position_bonus(body: int, before: int | None, after: int | None, heading: bool = False) -> float:
    """:meth:`Scorer.bonus` of ``body`` for a headline between bodies ``before`` and ``after``."""
    if body == after:
        return BONUS_HEADING if heading else BONUS_AFTER
    if body == before:
        return BONUS_BEFORE
    return 0.0


def assign(groups: list[Group], scorer: Scorer) -> Assignment:
    """Greedy one-to-one assignment of groups to bodies."""
    pairs = []
    for gi, g in enumerate(groups):
        if not g.units:
            continue
        heading = all(u.heading for u in g.units)
        text = g.match_text
        before, after, cands = scorer._around(g.line)  # (once per group, not per candidate)
        for bi in cands:
            content = scorer.content(text, bi)
            s = scorer._pair_score(text, bi, content, before, after, heading)
            if content >= MIN_ASSIGN or s >= MIN_ASSIGN + BONUS_BEFORE:
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


def split_bodies(groups: list[Group], scorer: Scorer) -> list[Body] | None:
    """Cut the bodies of ``scorer`` that hold several articles; None when nothing was cut.

    Runs the labelling on each body together with the headline groups that match it
    best; cuts only at paragraph boundaries where the paragraph before ends a sentence
    and the one after starts a sentence (and never right after a subhead). The headline
    scores read the scorer's vocabulary (by stories); the cuts weigh words by paragraphs
    (measured: by stories they moved one article from right to wrong on the classic pages,
    bench/README.md, sixth round).
    """
    bodies = scorer.bodies
    vocab = scorer.vocab.paragraphs
    first = assign(groups, scorer)
    extra: dict[int, list[Group]] = {}
    for g in first.unassigned:
        # only complete headline blocks (with a byline, several units, or one wrapped
        # onto several lines) may claim a share of a body; a lone line may just be a
        # banner or a kicker
        if not g.units or not (g.bylines or sum(u.n_lines for u in g.units) >= 2):
            continue
        contents = [(scorer.content(g.match_text, i), i) for i in scorer.candidates(g.line)]
        c, i = max(contents) if contents else (0.0, None)
        if i is not None and c >= 0.3:
            extra.setdefault(i, []).append(g)
    divided: set[int] = set()  # bodies whose labels are the halves of their own group
    for bi, g in first.by_body.items():
        if bi in extra or g.bylines or len(g.units) < 2:
            continue
        halves = split_merged_group(bodies[bi], g, vocab)
        if halves is not None:
            extra[bi] = halves
            divided.add(bi)
    if not extra:
        return None
    changed = False
    out: list[Body] = []
    for bi, body in enumerate(bodies):
        labels = list(extra.get(bi, []))
        if not labels:
            out.append(body)
            continue
        if bi in first.by_body and bi not in divided:
            labels.append(first.by_body[bi])
        pieces = _label_split(body, labels, vocab)
        if len(pieces) > 1:
            changed = True
        out.extend(pieces)
    return out if changed else None


def _label_split(body: Body, labels: list[Group], vocab: Vocabulary) -> list[Body]:
    """Cut ``body`` into contiguous segments, one headline each, when that explains
    the text better: the total coverage of each segment by its headline, minus
    CUT_COST per cut, must beat the best single headline for the whole body, and each
    segment's headline must match it better than the other headlines do."""
    paras = body.paras
    n = len(paras)
    cut_points = [i for i in range(1, n) if can_cut(paras, i)]
    grams_cache: dict[tuple[int, int], set[str]] = {}

    def grams(a: int, b: int) -> set[str]:
        key = (a, b)
        if key not in grams_cache:
            grams_cache[key] = joined_bigram_set([t for p in paras[a:b] for t in p.parts()])
        return grams_cache[key]

    def cov(j: int, a: int, b: int) -> float:
        return vocab.coverage(labels[j].match_text, grams(a, b))

    emission = [[vocab.coverage(g.match_text, joined_bigram_set(p.parts()))
                 for g in labels] for p in paras]

    def affinity(j: int, a: int, b: int) -> float:
        return EMISSION_WEIGHT * sum(emission[i][j] for i in range(a, b))

    k = len(labels)
    if k > LABEL_MOST or len(cut_points) > LABEL_MOST_CUTS:
        return [body]  # too many combinations to weigh; keep the body whole
    # where the words go on across a boundary (lexical cohesion), a cut there costs more
    # (a boundary too near the body's ends to measure counts as a typical one)
    found = cohesion.gaps([p.parts() for p in paras], vocab)
    typical = sorted(g.similarity for g in found)[len(found) // 2] if found else 0.0
    cohesive = {g.index: g.similarity for g in found}
    max_cuts = 3 if len(cut_points) <= LABEL_MANY_CUTS else 1
    best_score = max(cov(j, 0, n) + affinity(j, 0, n) for j in range(k))
    best_bounds: list[int] | None = None
    for m in range(1, min(k, max_cuts + 1)):
        for cuts in itertools.combinations(cut_points, m):
            bounds = [0, *cuts, n]
            for perm in itertools.permutations(range(k), m + 1):
                total = 0.0
                ok = True
                for s_idx, j in enumerate(perm):
                    a, b = bounds[s_idx], bounds[s_idx + 1]
                    c = cov(j, a, b)
                    if c < LABEL_MIN_COVER or any(cov(o, a, b) >= c for o in perm if o != j):
                        ok = False
                        break
                    total += c + affinity(j, a, b)
                if not ok:
                    continue
                total -= CUT_COST * m + COHESION_COST * sum(cohesive.get(c, typical) for c in cuts)
                if total > best_score:
                    best_score, best_bounds = total, bounds
    if best_bounds is None:
        return [body]
    return cut(body, list(best_bounds))
