"""Parser: newspaper-page text dumps → articles and leftovers.

``parse_seed(seed)`` / ``parse_text(name, text)`` return a
:class:`~sitegen.models.ParseResult`. The pipeline (one module per step):

1. :mod:`.lines` — recognise special lines (bylines, datelines, markers, credits).
2. :mod:`.blocks` — blank-line blocks → typed elements (prose chunk / title / …).
3. :mod:`.segment` — join column breaks, cut the flow into pieces of body text and
   the headline regions between them (full-width one-liners: :mod:`.oneliners`).
4. :mod:`.resume` — rejoin articles interrupted by another article (ends matched to
   continuations: :mod:`.matching`).
5. :mod:`.headlines` — headline regions → groups; :mod:`.title_roles` — each group's kicker / headline / subtitle.
6. :mod:`.assign` — assign groups to bodies by content; split bodies that hold
   several articles.
7. :mod:`.build` — assemble the records, conserving every character.

A seed's entries of ``corrections.toml`` (:mod:`sitegen.corrections`) are then applied to its
result (:mod:`.correct`). ``explain_seed`` / ``parse_explained`` also return the page's decision
tables (:mod:`.explain`, shown by ``sitegen parse --explain``).
"""
from __future__ import annotations

from ..corrections import Correction
from ..models import ParseResult, SeedFile
from .build import parse_explained, parse_text
from .correct import apply_corrections
from .explain import PageExplain


def parse_seed(seed: SeedFile, corrections: tuple[Correction, ...] = ()) -> ParseResult:
    """Parse a decoded seed file, then apply its ``corrections`` (CorrectionError when one
    no longer fits the page)."""
    result = parse_text(seed.name, seed.text)
    return apply_corrections(result, seed.text, corrections) if corrections else result


def explain_seed(seed: SeedFile, corrections: tuple[Correction, ...] = ()) -> tuple[ParseResult, PageExplain]:
    """``parse_seed`` and the page's decision tables (:mod:`.explain`: the parser's own
    reading, before the corrections)."""
    result, tables = parse_explained(seed.name, seed.text)
    return (apply_corrections(result, seed.text, corrections) if corrections else result), tables


def warm_up() -> None:
    """Load what parsing needs lazily (the word list) now — before forking workers,
    so they share it instead of each loading it."""
    from ..dictionary import load

    load()


__all__ = ["explain_seed", "parse_explained", "parse_seed", "parse_text", "warm_up"]
