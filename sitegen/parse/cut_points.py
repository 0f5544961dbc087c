"""Where a new article may start in a run of paragraphs: only between finished sentences,
never next to a subhead. Every reading that cuts a body (assignment, block re-cuts, the
glue cut, doubts) asks the same question."""
from __future__ import annotations

from .paragraphs import Para


def can_cut(paras: list[Para], i: int) -> bool:
    """May a new article start at paragraph ``i``? Only between finished sentences,
    never right after a subhead and never at a subhead."""
    prev, cur = paras[i - 1], paras[i]
    if prev.subhead or cur.subhead:
        return False
    return not prev.open_end and not cur.opens_mid
