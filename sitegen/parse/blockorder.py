"""One page convention for pages whose headlines are all printed together in one block,
at the top or at the end of the page: the headlines in the block follow the order of the
bodies they head (GUIDE.md, issue 18).

The items of the block (its structural groups: a unit, or units closed by a byline) are
cut into contiguous runs, each run one article's headline block, and the runs are given
to bodies in page order (a monotone alignment, found by dynamic programming) so that the
runs cover their bodies' words best, with a small reward per body headed; a run that goes on
past a dash deck (——…, printed last in its head) gives the lines after it to the next run. The block's
order is adopted when it explains the page about as well as the content-only assignment
(:mod:`.assign`) does; a block printed in another order keeps the content assignment.
"""
from __future__ import annotations

import math
import statistics
from functools import lru_cache

from .assign import Assignment, Scorer
from .blockjoins import after_deck, inside_items, joined_units, label_items
from .headlines import Group, Unit, is_bracket_label, is_section_name
from .resume import Body
from .text import is_han

HEADED = 0.15  # reward per body given a headline (prefer one headline per body)
CONTINUED_FIT = 0.1  # a block's lines head a continued body only when they cover it this well
SHORT_SHARE = 0.5  # a run of lines shorter than this share of the block's median line ...
SHORT_COST = 0.05  # ... is this much less likely a whole headline (a tie-breaker)
MARGIN = 0.1  # the block order may explain the words this much worse per article, no more


def block_units(structural: list[list[Group]]) -> list:
    """Every headline unit of the page (to tell banners apart once the block is placed)."""
    return [u for groups in structural for g in groups for u in g.units]


def _items(structural: list[list[Group]], bodies: list[Body], continued: int = 0,
           wholes: dict[tuple[int, int], Group] | None = None, by_line: bool = True,
           within: list[tuple[int, int]] | None = None) -> list[Group] | None:
    """The block's groups when all of the page's headlines are in one region printed
    before every body or after every body, else None. When the groups are cut into their
    printed lines, ``wholes`` (when given) maps each group's run of lines (start, end) to
    the group itself. ``by_line=False``: never cut into lines. ``within`` (when given)
    receives the runs of lines of the groups cut only because they are closed by a byline
    (see below): a headline run keeps within such a group or takes it whole."""
    # (a section name printed alone, 综合新闻 at the page's top, is no headline)
    regions = [[g for g in groups if g.units and not (len(g.units) == 1 and is_section_name(g.units[0].text))]
               for groups in structural]
    regions = [r for r in regions if r]
    if len(regions) == 2 and bodies and _lone_line(regions[0]) and not _lone_line(regions[1]) \
            and regions[0][0].line < min(b.line for b in bodies) \
            and _block_size(regions[1]) >= max(2, len(bodies)):
        # a lone line over the page's first story, and a block of as many headline lines as
        # the page has bodies or more after the stories: the line is a page banner
        # (干字当头开新局), not a part of the block, and is left over as one
        regions = regions[1:]
    if len(regions) != 1 or not bodies:
        return None
    items = regions[0]
    first = min(b.line for b in bodies)
    last = max(end for b in bodies for _s, end in b.spans) if all(b.spans for b in bodies) else None
    lines = [g.line for g in items]
    if not items or not (max(lines) < first or (last is not None and min(lines) > last)):
        return None
    fewer = len(items) < max(2, len(bodies)) and (len(bodies) > 1 or not continued)
    if by_line and (fewer or 1 < len(bodies) and len(items) <= len(bodies)):
        # fewer headline blocks than bodies, or one block: some block holds several
        # headlines printed without a blank line between them (one block over one body:
        # the body may hold several stories run together, which the block's lines then
        # cut). A body continued from another page counts: its headline is often
        # repeated here (where it is not, it goes without one, see CONTINUED_FIT).
        # As many groups as bodies or more: a group closed by a byline may still hold
        # two stories' headlines (the byline closes the one printed right above it, a line
        # under it is the next story's), so such a group's lines are read one by one, each
        # headline run keeping within the group or taking it whole (``within``); a group
        # without a byline (a kicker, a headline, its decks) stays one headline.
        atoms: list[Group] = []
        for g in items:
            pieces = _atoms(g) if fewer or g.closed else [g]
            if wholes is not None and len(pieces) > 1:
                wholes[(len(atoms), len(atoms) + len(pieces))] = g
            if within is not None and not fewer and len(pieces) > 1:
                within.append((len(atoms), len(atoms) + len(pieces)))
            atoms.extend(pieces)
        items = atoms
    return items if len(items) >= 2 else None


def _keeps_within(a: int, b: int, within: list[tuple[int, int]]) -> bool:
    """Does the run of items [a, b) keep within one of the groups ``within`` (runs of
    lines) or take each of them it touches whole?"""
    if any(s <= a and b <= e for s, e in within):
        return True
    return not any(s < x < e for s, e in within for x in (a, b))


def _lone_line(region: list[Group]) -> bool:
    """A region of one headline line printed alone (no byline, no second line)."""
    return len(region) == 1 and len(region[0].units) == 1 and region[0].units[0].n_lines == 1 \
        and not region[0].bylines


def _block_size(region: list[Group]) -> int:
    """How many headline lines a region prints."""
    return sum(u.n_lines for g in region for u in g.units)


def _atoms(group: Group) -> list[Group]:
    """A group cut into its printed lines: in a block, lines of several headlines run
    together without a blank line between them, and which lines belong together is
    decided by the alignment (a line fitting no body better than its neighbour's stays
    with it). A byline in the group stays with the line printed right above it; a line
    printed under the byline (read as the head's series label) is a line of its own: in a
    block it may as well be the next story's headline."""
    after = [u for u in group.units if u.label and group.byline_lines and u.line > max(group.byline_lines)]
    if after:
        head = Group([u for u in group.units if all(u is not x for x in after)], list(group.bylines),
                     list(group.byline_lines), closed=True, region=group.region)
        return _atoms(head) + [Group([u], region=group.region) for u in after]
    if all(not u.parts for u in group.units):
        return [group]
    if group.closed:  # the byline closes the headline printed right above it, not all of them
        atoms = _atoms(Group(group.units, region=group.region))
        at = min(group.byline_lines, default=math.inf)
        k = max((i for i, a in enumerate(atoms) if a.line < at), default=len(atoms) - 1)
        atoms[k] = Group(atoms[k].units, bylines=list(group.bylines), byline_lines=list(group.byline_lines),
                         closed=True, region=group.region)
        return atoms
    out = []
    for u in group.units:
        if not u.parts:
            out.append(Group([u], region=group.region))
            continue
        label: Unit | None = None
        for k, text in enumerate(u.parts):
            piece = Unit(text, u.line + k, 1, subtitle=u.subtitle and k == 0, of=u)
            if is_bracket_label(text):  # a bracketed label is the kicker of the line after it
                piece.label = True
                if label is None:
                    label = piece
                    continue
            out.append(Group([p for p in (label, piece) if p is not None], region=group.region))
            label = None
        if label is not None:
            out.append(Group([label], region=group.region))
    return out


EDGE_OWN = 0.1  # a line at the edge of a run covers the neighbouring run's body this well ...
EDGE_RATIO = 2.0  # ... and this many times better than its own run's body: it moves there


def _shift_edges(runs: list[tuple[int, int, int]], items: list[Group], scorer: Scorer,
                 labels: list[bool], inside: list[bool], deck: list[bool] | None = None,
                 ) -> list[tuple[int, int, int]]:
    """Runs whose edge line belongs to the neighbouring run by its own words: the
    alignment weighs each run's words as a share, so a line covering its body less
    well than the rest of its run (a subtitle, a kicker) can be pushed to the
    neighbour's run. Such a line moves back when it covers the neighbour's body well
    (≥ EDGE_OWN) and clearly better than its own run's body (EDGE_RATIO times), unless a
    head must start at the line after it (``deck``: :func:`.blockjoins.after_deck`)."""
    deck = deck or [False] * len(items)
    for j in range(len(runs) - 1):
        (a1, b1, body1), (a2, b2, body2) = runs[j], runs[j + 1]
        if b1 != a2:
            continue
        if b2 - a2 > 1 and not labels[a2] and not inside[a2 + 1] and not deck[a2]:
            text = items[a2].match_text  # the first line of the second run
            mine, theirs = scorer.content(text, body2), scorer.content(text, body1)
            if theirs >= EDGE_OWN and theirs >= EDGE_RATIO * mine:
                runs[j], runs[j + 1] = (a1, b1 + 1, body1), (a2 + 1, b2, body2)
                continue
        if b1 - a1 > 1 and not labels[b1 - 2] and not inside[b1 - 1] and not deck[a2]:
            text = items[b1 - 1].match_text  # the last line of the first run
            mine, theirs = scorer.content(text, body1), scorer.content(text, body2)
            if theirs >= EDGE_OWN and theirs >= EDGE_RATIO * mine:
                runs[j], runs[j + 1] = (a1, b1 - 1, body1), (a2 - 1, b2, body2)
    return runs


def _past_decks(runs: list[tuple[int, int, int]], deck: list[bool]) -> list[tuple[int, int, int]]:
    """Runs that go on past a dash deck (``deck``: a headline must start there) give the
    lines printed after the deck to the next run, when it follows right on: they are the
    next story's kicker or headline, printed over it."""
    for j in range(len(runs) - 1):
        (a1, b1, body1), (a2, b2, body2) = runs[j], runs[j + 1]
        cut = next((k for k in range(a1 + 1, b1) if deck[k]), None)
        if cut is not None and b1 == a2:
            runs[j], runs[j + 1] = (a1, cut, body1), (cut, b2, body2)
    return runs


def block_lines(structural: list[list[Group]], bodies: list[Body]) -> list[Group] | None:
    """The printed lines of the page's one headline block when the layout gives it as a
    single group over several bodies (headlines printed with no blank line between them),
    or None."""
    items = _items(structural, bodies, len(bodies), by_line=False)
    if items is not None or len(bodies) < 2:
        return None
    one = _items(structural, bodies, 0, {}, by_line=True)
    return one if one is not None and len(one) >= 2 else None


def block_items(structural: list[list[Group]], bodies: list[Body]) -> list[Group] | None:
    """The groups of the page's one headline block as printed (not cut into lines), or None."""
    return _items(structural, bodies, len(bodies), by_line=False)


def merged_text(items: list[Group]) -> str:
    """The words of consecutive items taken as one headline block."""
    return merged(items).match_text


def merged(items: list[Group]) -> Group:
    """Consecutive items as one headline block."""
    return Group(joined_units([u for g in items for u in g.units]), [b for g in items for b in g.bylines],
                 [ln for g in items for ln in g.byline_lines], closed=any(g.closed for g in items),
                 region=items[0].region)


class _RunFit:
    """How well runs of a block's items head the page's bodies (for the block order).

    Over groups as printed, a run scores the share of its words found in the body. Over
    printed lines (``lines``) the run scores the sum of each line's own share: the share of
    a run's words taken as one text lets a short line that fits perfectly win its body
    alone and push the lines printed with it, which fit less (a second line, a subtitle),
    onto the next body. Lines sharing no words with any body (a kicker, a column name)
    head no body of their own and are left out of the scores; a run far shorter than the
    block's lines is more likely a piece of a headline printed on two lines (SHORT_COST);
    a run heads a continued body only when it covers it (CONTINUED_FIT)."""

    def __init__(self, items: list[Group], bodies: list[int], scorer: Scorer, lines: bool):
        self.items, self.scorer, self.lines = items, scorer, lines
        self.decor = [lines and all(scorer.content(it.match_text, j) == 0 for j in bodies) for it in items]
        self.typical = statistics.median(self.han(k, k + 1) for k in range(len(items)))
        self._line: dict[tuple[int, int], float] = {}

    def words(self, a: int, b: int) -> str:
        """The words of items[a:b] that count (lines sharing no words left out)."""
        kept = [it for it, d in zip(self.items[a:b], self.decor[a:b]) if not d]
        return merged(kept).match_text if kept else ""

    def han(self, a: int, b: int) -> int:
        return sum(sum(map(is_han, it.match_text)) for it, d in zip(self.items[a:b], self.decor[a:b]) if not d)

    def line(self, k: int, body: int) -> float:
        if (k, body) not in self._line:
            self._line[(k, body)] = self.scorer.content(self.items[k].match_text, body)
        return self._line[(k, body)]

    def share(self, a: int, b: int, body: int) -> float:
        """The share of the run's words found in ``body`` (the content assignment's measure)."""
        return self.scorer.content(self.words(a, b), body)

    def fit(self, a: int, b: int, body: int, continued: bool) -> float | None:
        """The run's score on ``body``, or None when it cannot head it."""
        if all(self.decor[a:b]):
            return None
        fit = self.share(a, b, body)
        if continued and fit < CONTINUED_FIT:
            return None  # (a continued story may have its headline on its first page)
        if not self.lines:
            return fit
        if b - a > 1:
            fit = sum(self.line(k, body) for k in range(a, b) if not self.decor[k])
        if self.han(a, b) < SHORT_SHARE * self.typical:
            fit -= SHORT_COST  # (a piece of a headline printed on two lines, not one)
        return fit


def order_block(structural: list[list[Group]], bodies: list[Body], scorer: Scorer,
                current: Assignment, marked: frozenset[int] = frozenset()) -> Assignment | None:
    """The block-order assignment when the page is such a page and the order explains it
    about as well as ``current``; else None. ``marked``: the bodies that continue an
    article from another page (上接…)."""
    wholes: dict[tuple[int, int], Group] = {}
    within: list[tuple[int, int]] = []
    items = _items(structural, bodies, len(marked), wholes, within=within)
    if items is None:
        return None
    order = sorted(range(len(bodies)), key=lambda i: bodies[i].line)
    m, n = len(items), len(order)
    labels = label_items(items)
    inside = inside_items(items)
    deck = after_deck(items)
    scores = _RunFit(items, order, scorer, lines=bool(wholes))  # (wholes: cut into lines)

    @lru_cache(maxsize=None)
    def best(a: int, j: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score for items[a:] on bodies order[j:]: runs (start, end, body)."""
        if a == m:
            return 0.0, ()
        if j == n:
            return float("-inf"), ()
        top = best(a, j + 1)  # body order[j] gets no headline
        for b in range(a + 1, m + 1):
            if b < m and (labels[b - 1] or inside[b]):
                continue  # a bracketed label heads the headline printed after it
            if not _keeps_within(a, b, within):
                continue
            fit = scores.fit(a, b, order[j], order[j] in marked)
            if fit is None:
                continue
            rest, runs = best(b, j + 1)
            if rest == float("-inf"):
                continue
            if fit + HEADED + rest > top[0]:
                top = (fit + HEADED + rest, ((a, b, order[j]),) + runs)
        return top

    total, runs = best(0, 0)
    if not runs or total == float("-inf"):
        return None
    # compared with the content assignment by its measure (every headline of the page is
    # in the block, so ``current`` assigned only those)
    total = sum(scores.share(a, b, body) + HEADED for a, b, body in runs)
    now_total = sum(scorer.content(g.match_text, bi) + HEADED for bi, g in current.by_body.items())
    if total < now_total - MARGIN * len(runs):
        return None
    runs = _shift_edges(_past_decks(list(runs), deck), items, scorer, labels, inside, deck)
    out = Assignment()
    for a, b, body in runs:
        # a run of exactly one printed group's lines is that group, roles and all
        out.by_body[body] = wholes.get((a, b)) or merged(items[a:b])
        out.items[body] = items[a:b]
    out.unassigned = [g for g in current.unassigned if not g.units]  # bylines printed alone
    return out
