"""Column widths of a page's blocks, read from its hard-wrapped prose: how wide a line of
the column is (its widest lines) and how full prose lines are filled, near each block
(:func:`.blocks.build_elements` reads paragraph ends and captions against them)."""
from __future__ import annotations

import bisect
import math
import operator
import statistics

from . import lines as L

_WIDTH = operator.attrgetter("width")


def column_widths(blocks: list[list[L.Line]]) -> tuple[list[float], list[float], list[float | None]]:
    """Local column widths for each block: (width, fill, own fill).

    The width is the median widest line of the (up to five) nearest blocks within eight
    blocks that have at least three lines (hard-wrapped prose); infinite where there are
    fewer than two such blocks (one paragraph per line).

    The fill is the width prose lines are actually filled to, from the same blocks: the
    median of each block's inner lines (all but the last) instead of its widest line, which
    punctuation hanging past the column edge ("，" / "。" kept on the line) makes one cell
    too wide.

    The own fill is that median of the block's own inner lines (None for a block of fewer
    than three lines): a long block shows its own column.
    """
    wide_idx = [i for i, b in enumerate(blocks) if len(b) >= 3]
    widest = [max(map(_WIDTH, blocks[i])) for i in wide_idx]  # (widths read in C)
    filled = [statistics.median(map(_WIDTH, blocks[i][:-1])) for i in wide_idx]
    own: list[float | None] = [None] * len(blocks)
    for i, fill in zip(wide_idx, filled):
        own[i] = fill
    fallback = _global_width(blocks)
    medians: dict[tuple[int, int], tuple[float, float]] = {}  # neighbouring blocks share them
    widths: list[float] = []
    fills: list[float] = []
    for i in range(len(blocks)):
        lo, hi = _nearest(wide_idx, i)
        if hi - lo >= 2:
            if (lo, hi) not in medians:
                medians[lo, hi] = (statistics.median(widest[lo:hi]), statistics.median(filled[lo:hi]))
            width, fill = medians[lo, hi]
            widths.append(width)
            fills.append(fill)
        else:
            widths.append(fallback)
            fills.append(fallback)
    return widths, fills, own


def _nearest(wide_idx: list[int], i: int, most: int = 5, reach: int = 8) -> tuple[int, int]:
    """The (up to ``most``) entries of the sorted ``wide_idx`` nearest ``i`` and at most
    ``reach`` from it, as the range ``wide_idx[lo:hi]`` they form (the nearer first, the
    earlier of two as near)."""
    lo = hi = bisect.bisect_left(wide_idx, i)
    while hi - lo < most:
        left = i - wide_idx[lo - 1] if lo > 0 else math.inf
        right = wide_idx[hi] - i if hi < len(wide_idx) else math.inf
        if min(left, right) > reach:
            break
        if left <= right:
            lo -= 1
        else:
            hi += 1
    return lo, hi


def _global_width(blocks: list[list[L.Line]]) -> float:
    """Whole-file column width for short pages: the median widest line of blocks with
    two or more lines — unless the file sets one paragraph per line (many long lines),
    where there is no column width (infinite)."""
    all_lines = [ln for b in blocks for ln in b]
    if not all_lines:
        return math.inf
    long_lines = sum(1 for ln in all_lines if ln.width > 50)
    if long_lines * 5 > len(all_lines):
        return math.inf
    multi = [max(map(_WIDTH, b)) for b in blocks if len(b) >= 2]
    if len(multi) < 2:
        return math.inf
    return statistics.median(multi)
