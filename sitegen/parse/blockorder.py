"""One page convention for pages whose headlines are all printed together in one block,
at the top or at the end of the page: the headlines in the block follow the order of the
bodies they head (GUIDE.md, issue 18).

The items of the block (its structural groups: a unit, or units closed by a byline) are
cut into contiguous runs, each run one article's headline block, and the runs are given
to bodies in page order (a monotone alignment, found by dynamic programming) so that the
runs cover their bodies' words best, with a small reward per body headed. The block's
order is adopted when it explains the page about as well as the content-only assignment
(:mod:`.assign`) does; a block printed in another order keeps the content assignment.
"""
from __future__ import annotations

from functools import lru_cache

from .assign import Assignment, Scorer
from .headlines import Group, is_section_name
from .resume import Body

HEADED = 0.15  # reward per body given a headline (prefer one headline per body)
MARGIN = 0.1  # the block order may explain the words this much worse per article, no more


def block_units(structural: list[list[Group]]) -> list:
    """Every headline unit of the page (to tell banners apart once the block is placed)."""
    return [u for groups in structural for g in groups for u in g.units]


def _items(structural: list[list[Group]], bodies: list[Body]) -> list[Group] | None:
    """The block's groups when all of the page's headlines are in one region printed
    before every body or after every body, else None."""
    regions = [[g for g in groups if g.units] for groups in structural]
    regions = [r for r in regions if r]
    if len(regions) != 1 or len(regions[0]) < 2 or not bodies:
        return None
    items = [g for g in regions[0] if not (len(g.units) == 1 and is_section_name(g.units[0].text))]
    first = min(b.line for b in bodies)
    last = max(end for b in bodies for _s, end in b.spans) if all(b.spans for b in bodies) else None
    lines = [g.line for g in items]
    if not items or not (max(lines) < first or (last is not None and min(lines) > last)):
        return None
    return items


def _merge(items: list[Group]) -> Group:
    return Group([u for g in items for u in g.units], [b for g in items for b in g.bylines],
                 [ln for g in items for ln in g.byline_lines], closed=any(g.closed for g in items),
                 region=items[0].region)


def order_block(structural: list[list[Group]], bodies: list[Body], scorer: Scorer,
                current: Assignment) -> Assignment | None:
    """The block-order assignment when the page is such a page and the order explains it
    about as well as ``current``; else None."""
    items = _items(structural, bodies)
    if items is None:
        return None
    order = sorted(range(len(bodies)), key=lambda i: bodies[i].line)
    m, n = len(items), len(order)

    def text(a: int, b: int) -> str:
        return _merge(items[a:b]).match_text

    @lru_cache(maxsize=None)
    def best(a: int, j: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score for items[a:] on bodies order[j:]: runs (start, end, body)."""
        if a == m:
            return 0.0, ()
        if j == n:
            return float("-inf"), ()
        skip = best(a, j + 1)  # body order[j] gets no headline
        top = skip
        for b in range(a + 1, m + 1):
            rest, runs = best(b, j + 1)
            if rest == float("-inf"):
                continue
            s = scorer.content(text(a, b), order[j]) + HEADED + rest
            if s > top[0]:
                top = (s, ((a, b, order[j]),) + runs)
        return top

    total, runs = best(0, 0)
    if not runs or total == float("-inf"):
        return None
    # (every headline of the page is in the block, so ``current`` assigned only those)
    now_total = sum(scorer.content(g.match_text, bi) + HEADED for bi, g in current.by_body.items())
    if total < now_total - MARGIN * len(runs):
        return None
    out = Assignment()
    for a, b, body in runs:
        out.by_body[body] = _merge(items[a:b])
    out.unassigned = [g for g in current.unassigned if not g.units]  # bylines printed alone
    return out
