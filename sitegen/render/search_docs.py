"""The search index's documents, made from the site's views (``search_shards`` makes the files).

A day's update at 10,000 articles changes the documents of a few hundred articles; making
every article's document and keying every file again cost ~0.3 s of its render. So the
search memo notes which article each document number was and how the themes were numbered
(``SearchMemo.places``): with the render's change set, a document at the number it had, of
an article whose entry did not change and whose theme kept its number, is the last build's
(``search_shards.shard_files``'s ``same``), and its dict is made only when a file that
shows it is made again.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .search_shards import SearchMemo, shard_files


def search_document(ev, number: dict[str, int]) -> dict:
    """What the index holds of an article (``ev``, an ``EntryView``): its headline (with
    kicker and subtitle), lead, theme (``number``: each theme's number by slug) and tags."""
    return {
        "u": ev.href, "hz": ev.headline.zh or "", "he": ev.headline.en or "",
        "k": " ".join(t for p in (ev.kicker, ev.subtitle) for t in (p.zh, p.en) if t),
        "lz": ev.lead.zh or "", "le": ev.lead.en or "", "ti": number[ev.theme.slug],
        "tn": f"{ev.theme.theme.name_en} {ev.theme.theme.name_zh}",
        "tg": " ".join(t for tv in ev.tags for t in (tv.tag.zh, tv.tag.en) if t),
    }


class _Documents(Sequence):
    """The documents of ``views`` (oldest first), each made when first read."""

    def __init__(self, views: list, number: dict[str, int]):
        self.views, self.number, self.made = views, number, {}

    def __len__(self) -> int:
        return len(self.views)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.views)))]
        doc = self.made.get(i)
        if doc is None:
            doc = self.made[i] = search_document(self.views[i], self.number)
        return doc


def search_files(newest: list, theme_list: list, memo: SearchMemo | None, changed: set[str] | None
                 ) -> list[tuple[str, str | Callable[[], str]]]:
    """``search/``'s files (``search_shards.shard_files``) for the articles ``newest`` (views,
    newest first) and the themes ``theme_list``. ``changed``: the articles whose entry or
    card may differ from the last build's (the change set's); None: not known."""
    oldest = newest[::-1]
    slugs = [tv.slug for tv in theme_list]
    docs = _Documents(oldest, {slug: i for i, slug in enumerate(slugs)})
    same = _same_as_last(memo, oldest, slugs, changed) if memo is not None and changed is not None else None
    files = shard_files(docs, [(tv.theme.name_en, tv.theme.name_zh) for tv in theme_list], memo, same)
    if memo is not None:
        memo.places = ([ev.path for ev in oldest], slugs)
    return files


def _same_as_last(memo: SearchMemo, oldest: list, slugs: list[str], changed: set[str]) -> list[bool] | None:
    """Whether each document is the last build's: the same article at the same number, its
    entry unchanged, its theme at the number it had (a new theme may move others: a day at
    10,000 articles brings an automatic one before "other"). None when the memo does not say."""
    if len(memo.places) != 2 or len(memo.places[0]) != len(memo.keys):
        return None
    order, was_slugs = memo.places
    was_number = {slug: i for i, slug in enumerate(was_slugs)}
    renumbered = {slug for i, slug in enumerate(slugs) if was_number.get(slug) != i}
    return [was == ev.path and was not in changed and ev.theme.slug not in renumbered
            for was, ev in zip(order, oldest)] + [False] * (len(oldest) - len(order))
