"""Grouping stage: themes, tags and related articles (``sitegen.group``), starting from what
the last build kept: word counts per article and the grouping memo."""
from __future__ import annotations

from datetime import datetime

from sitegen.config import Config
from sitegen.models import Article
from sitegen.state import BuildState

from .inputs import build_time, iso_utc


def prepare_grouping(config: Config):
    """Load the taxonomy and what segmenting with it needs (dictionary, IDF table): about
    0.3 s that does not depend on the articles, so it runs while the seeds are parsed."""
    from sitegen.group import load_taxonomy, prepare

    taxonomy = load_taxonomy(config.themes_path, config.dictionary_dir)
    prepare(taxonomy)
    return taxonomy

def group_stage(items: list[tuple[str, Article]], taxonomy, term_cache: dict, history,
                build_date: datetime | None, memo=None):
    """Themes, tags and related articles, reusing cached per-article word counts.
    ``term_cache``: the stored counts plus any made since (group_articles adds this
    build's new keys to the mapping); ``save_terms`` stores the result's. Term weights are
    counted over the oldest articles by the ``history`` (ArticleHistory; an article it does
    not know first appears now), which a day's new articles leave alone
    (``sitegen/group/reference.py``). ``memo``: the last build's per-article results
    (``sitegen/group/memo.py``), updated to this build's."""
    from sitegen.group import group_articles

    now = iso_utc((build_date or build_time()).replace(microsecond=0).isoformat())
    known = history.records
    first_seen = {p: known[p]["published"] if p in known else now for p, _ in items}
    return group_articles(items, taxonomy, term_cache=term_cache, first_seen=first_seen, memo=memo)

def load_memo(state: BuildState, taxonomy):
    """Grouping's memo of the last build, or an empty one (``sitegen/group/memo.py``)."""
    from sitegen.group.memo import GroupMemo, memo_version

    version = memo_version(taxonomy)
    return state.get_memo(version) or GroupMemo(version)

def load_terms(state: BuildState) -> dict:
    """The stored word counts (term key -> ``Terms``), each article's counts read when first
    used (``sitegen.group.words.StoredCounts``)."""
    from sitegen.group.words import stored_terms

    return stored_terms(state.get_terms())

def save_terms(state: BuildState, grouped, known_terms: set) -> None:
    """Store the word counts of this build's articles (stale ones drop out when the store
    rewrites its base), unless they are the ones stored (``known_terms``: the stored keys)."""
    from sitegen.group.words import records_of

    if set(grouped.term_cache) != known_terms:
        state.put_terms(grouped.term_cache, compact=records_of)
