"""Grouping stage: themes, keyword tags and related articles (issue 4).

    taxonomy = load_taxonomy(Path("themes.toml"), Path("dictionary"))
    result = group_articles([(permalink, article), ...], taxonomy)
    result.groupings[permalink]  # Grouping(theme, 3-6 tags, 3-5 related permalinks)
    result.themes                # themes with articles: configured (file order), then automatic
    result.texts_to_translate    # Chinese names of automatic themes and tags (English is None/"")
    result.with_english({zh: en})  # copy with those names filled in

See ``sitegen/group/core.py`` for the method.
"""
from .core import ArticleDebug, GroupResult, group_articles
from .taxonomy import Settings, Taxonomy, TaxonomyError, ThemeSpec, load_taxonomy
from .text import analyzer_for


def prepare(taxonomy: Taxonomy) -> None:
    """Load what grouping with ``taxonomy`` needs (segmenter with the user dictionary, IDF and
    POS tables) now, e.g. while other work runs; ``group_articles`` then starts at once."""
    analyzer_for(taxonomy)


__all__ = [
    "ArticleDebug", "GroupResult", "Settings", "Taxonomy", "TaxonomyError", "ThemeSpec",
    "group_articles", "load_taxonomy", "prepare",
]
