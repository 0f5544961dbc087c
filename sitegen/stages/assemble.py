"""The renderer's input: each article with its English and grouping (``DigestSite``), dated
by the committed article history."""
from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config
from sitegen.models import Article, DigestEntry, DigestSite, SiteInfo, Translation
from sitegen.pages import PAGES_DIR, read_pages

from . import BuildError
from .inputs import build_time, iso_utc


def assemble_site(config: Config, permalinks: list[str], articles: list[Article],
                  translations: dict[str, Translation], grouped, build_date: datetime | None,
                  key_terms: list | None = None) -> tuple[DigestSite, int]:
    """The renderer's input, and how many texts still await translation."""
    from sitegen.translate import english_for

    entries = [
        DigestEntry(permalink, article, english_for(article, translations), grouped.groupings[permalink],
                    key_terms=key_terms[i] if key_terms else ())
        for i, (permalink, article) in enumerate(zip(permalinks, articles))
    ]
    pending = sum(
        1 for e in entries for t in (e.english.kicker, e.english.headline, e.english.subtitle, e.english.lead)
        if t is not None and t.status == "pending"
    )
    when = (build_date or build_time()).replace(microsecond=0)
    info = SiteInfo(
        title=config.title, title_zh=config.title_zh, base_url=config.base_url,
        build_date=when.isoformat(), version=__version__, reading_aid=config.reading_aid,
    )
    site = DigestSite(
        info=info, entries=tuple(entries), themes=tuple(grouped.themes), tag_names=dict(grouped.tags),
        pages=read_pages(config.root / PAGES_DIR),
        pending_note=(
            "Some English translations are not ready yet: where a text awaits machine "
            "translation, the Chinese original is shown." if pending else None
        ),
    )
    return site, pending

def load_history(config: Config):
    """The committed history file (``config.history_path``): each article's first appearance
    and last change."""
    from sitegen.state import ArticleHistory, HistoryError

    try:
        return ArticleHistory.load(config.history_path)
    except HistoryError as exc:
        raise BuildError(str(exc)) from None

def date_entries(history, site: DigestSite, cache_dir: Path | None = None) -> DigestSite:
    """Each article's first appearance and last change, kept in the ``history``: a rebuild,
    ``--clean`` or fresh clone moves no date unless the article's content (its texts and
    their English) changed. The fingerprints of unchanged articles come from the memo in
    ``cache_dir`` (``fingerprints.FingerprintMemo``)."""
    from .fingerprints import FingerprintMemo

    now = iso_utc(site.info.build_date)
    memo = FingerprintMemo.load(cache_dir)
    dates = history.stamp({e.permalink: memo.fingerprint(e) for e in site.entries}, now)
    history.save()
    memo.save(cache_dir)
    entries = tuple(dataclasses.replace(e, published=dates[e.permalink].published, updated=dates[e.permalink].updated)
                    for e in site.entries)
    return dataclasses.replace(site, entries=entries)
