"""Which articles are newest: the one notion of "new" that the home page, the lists, the
archive and search ranking share.

An article is as new as its first appearance in the digest. The build records that
appearance (``DigestEntry.published``, from the committed article history) once it has
one; until then, or for articles that first appeared in the same build, the digest's own
reading order decides: seeds are added in date order, so a later article is a newer one.
"""
from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")


def first_appearance(entry) -> str:
    """When ``entry`` (a :class:`~sitegen.models.DigestEntry`) first appeared in the digest,
    as an ISO timestamp, or "" when not known. The single place that reads it."""
    return getattr(entry, "published", None) or ""


def newest_first(views: Sequence[T], entry=lambda v: v.entry) -> list[T]:
    """``views`` (in the digest's reading order) newest first: by first appearance, then
    later in reading order first. Stable from one build to the next."""
    # Unknown ("") means the article appears in this build (the history dates it to the build
    # date), so it is among the newest.
    order = sorted(range(len(views)), key=lambda i: (first_appearance(entry(views[i])) or "\uffff", i),
                   reverse=True)
    return [views[i] for i in order]
