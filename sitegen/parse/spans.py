"""Where bodies are printed: which body lies right before or right after a line of the
page (headlines are scored against their neighbours)."""
from __future__ import annotations

import bisect

from .resume import Body


class SpanIndex:
    """Line spans of bodies, for "which body is printed right before/after line N"."""

    def __init__(self, bodies: list[Body]):
        spans = [(first, last, i) for i, b in enumerate(bodies) for first, last in b.spans]
        self.by_first = sorted(spans)
        self.firsts = [s[0] for s in self.by_first]
        self.by_last = sorted(spans, key=lambda s: (s[1], s[0]))
        self.lasts = [s[1] for s in self.by_last]

    def neighbours(self, line: int) -> tuple[int | None, int | None]:
        k = bisect.bisect_right(self.firsts, line) - 1
        if k >= 0 and self.by_first[k][1] >= line:
            return self.by_first[k][2], self.by_first[k][2]
        k = bisect.bisect_left(self.lasts, line) - 1
        before = self.by_last[k][2] if k >= 0 else None
        k = bisect.bisect_right(self.firsts, line)
        after = self.by_first[k][2] if k < len(self.by_first) else None
        return before, after
