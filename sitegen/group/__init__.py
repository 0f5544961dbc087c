"""Grouping stage: themes, keyword tags and related articles (issue 4).

    taxonomy = load_taxonomy(Path("themes.toml"), Path("dictionary"))
    result = group_articles([(permalink, article), ...], taxonomy)
    result.groupings[permalink]  # Grouping(theme, 0-6 tags, 3-5 related permalinks)
    result.themes                # themes with articles: configured (file order), then automatic
    result.texts_to_translate    # Chinese names of automatic themes and tags (English is None/"")
    result.with_english({zh: en})  # copy with those names filled in

See ``sitegen/group/core.py`` for the method; one module per step: ``words`` (word splitting),
``vectors`` (term weights), ``reference`` (the articles corpus statistics count over),
``similarity`` (neighbours), ``theme_scores``, ``themes`` (theme assignment), ``auto_themes``,
``tags``, ``related``; ``result`` holds ``GroupResult``.
"""
from typing import TYPE_CHECKING

from .taxonomy import Settings, Taxonomy, TaxonomyError, ThemeSpec, load_taxonomy

if TYPE_CHECKING:
    from .core import group_articles, split_words
    from .result import ArticleDebug, GroupResult
    from .text import segmenter_for, telling_words

# The method (numpy, the segmenter and its dictionary: ~0.2 s to import) loads on first use,
# so commands that only need the taxonomy or its errors (a no-op build, check) start fast.
_LAZY = {"ArticleDebug": "result", "GroupResult": "result", "group_articles": "core", "split_words": "core",
         "segmenter_for": "text", "telling_words": "text"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def prepare(taxonomy: Taxonomy) -> None:
    """Load what grouping with ``taxonomy`` needs (segmenter with the user dictionary, IDF
    table) now, e.g. while other work runs; ``group_articles`` then starts at once."""
    import importlib

    from .text import analyzer_for

    importlib.import_module(f"{__name__}.core")  # imported now rather than when grouping starts

    analyzer_for(taxonomy)


__all__ = [
    "ArticleDebug", "GroupResult", "Settings", "Taxonomy", "TaxonomyError", "ThemeSpec",
    "group_articles", "load_taxonomy", "prepare", "segmenter_for", "split_words", "telling_words",
]
