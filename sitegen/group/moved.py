"""Which articles' grouping moved since the last build: the grouping stage's report to the
render's change set (``sitegen.changes``). An article's grouping shows as its theme, its tags
and its related articles; their names (a theme's or tag's record) are compared by the render,
which shows them."""
from __future__ import annotations

from typing import Mapping

from sitegen.models import Grouping

Outline = tuple  # (theme slug, tag slugs, related permalinks)


def outline(groupings: Mapping[str, Grouping]) -> dict[str, Outline]:
    """Each article's grouping as plain values (kept from build to build)."""
    return {p: (g.theme.slug, tuple(t.slug for t in g.tags), g.related) for p, g in groupings.items()}


def moved(before: Mapping[str, Outline], now: Mapping[str, Outline]) -> set[str]:
    """The articles of ``now`` whose outline is not the one in ``before`` (new ones too)."""
    get = before.get
    return {p for p, o in now.items() if get(p) != o}
