"""What the render hands back, and where its pages go."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sitegen.models import Page


class PageSink(Protocol):
    """Where rendered pages go (``sitegen.write.SiteWriter`` is one)."""

    def write(self, page: Page) -> None:
        """Store ``page`` (may be called in a forked worker process)."""

    def adopt(self, path: str) -> None:
        """Count ``path`` as stored: a worker process wrote it with ``write``."""


@dataclass
class RenderResult:
    """What an incremental render made: new pages, pages unchanged since ``previous``
    (to carry over from the old site), and every page's dependency key."""

    pages: list[Page]
    unchanged: list[str]
    keys: dict[str, str]
    made: int = 0
    outline: tuple = ()  # what the pages showed, for the next build's change set (``changed.Outline``)
