"""Page keys for incremental rendering: digests of what a page shows, so that a page whose
key is unchanged since the last build is carried over instead of rendered."""
from __future__ import annotations

import hashlib
import marshal
from dataclasses import fields
from operator import attrgetter

from sitegen.models import ArticleEnglish, DigestEntry, Grouping, KeyTerm, Tag, Theme, Translation

from .views import EntryView, Pair


def key_digest(value) -> str:
    """A page's key: ``value`` (nested tuples and lists of plain values: strings, numbers,
    None) marshalled (format 2, as ``record_digest``) and hashed. Not its ``repr``: ~30,000
    keys a day at 10,000 articles took ~0.3 s more that way, most of it on the reprs of
    records. A record (dataclass) must be flattened first (``plain``): marshal refuses it
    (ValueError) rather than keying it wrongly."""
    return hashlib.sha256(marshal.dumps(value, 2)).hexdigest()


def plain(record) -> tuple:
    """A record (a frozen dataclass of plain values, such as ``Theme`` or ``Tag``) as the
    tuple of its field values, in field order, for a page key."""
    return tuple(getattr(record, f.name) for f in fields(record))


# An article's own record (its entry: texts, English, grouping, dates, key terms) is keyed as a
# tuple of its records' field values, marshalled (format 2: no back-references, so equal values
# give equal bytes whatever objects hold them) rather than through the dataclasses' reprs: 0.29 s
# instead of 0.65 s for 11,486 entries, on every day's update. The getters take every field of
# each record, so a field added later is in the key; a field that holds a record of its own
# must be flattened here too, or marshal refuses it (ValueError) rather than keying it wrongly.
# The article itself is keyed by its ``identity`` (a digest of all its fields, made once where
# it was parsed and kept in the parse cache): its ~5 KB of texts are not marshalled and hashed
# again for every entry on every build.
def _getter(cls, nested: tuple[str, ...] = ()):
    names = [f.name for f in fields(cls) if f.name not in nested]
    get = attrgetter(*names)
    return get if len(names) > 1 else (lambda obj: (get(obj),))


_ENTRY = _getter(DigestEntry, ("article", "english", "grouping", "key_terms"))
_ENGLISH = _getter(ArticleEnglish)
_TRANSLATION = _getter(Translation)
_GROUPING = _getter(Grouping, ("theme", "tags"))
_THEME = _getter(Theme)
_TAG = _getter(Tag)
_KEY_TERM = _getter(KeyTerm)
_PAIR = _getter(Pair)


def entry_record(e: DigestEntry) -> tuple:
    """Every field of ``e`` and of the records it holds, as nested tuples of plain values (the
    article's as its identity)."""
    a, g = e.article, e.grouping
    return (_ENTRY(e), a.identity,
            tuple(None if t is None else _TRANSLATION(t) for t in _ENGLISH(e.english)),
            _GROUPING(g), _THEME(g.theme), tuple(map(_TAG, g.tags)), tuple(map(_KEY_TERM, e.key_terms)))


def record_digest(record: tuple) -> str:
    return hashlib.sha256(marshal.dumps(record, 2)).hexdigest()


def card_key(ev: EntryView) -> str:
    """Digest of what a link or card to ``ev`` shows on another page. Memoised on the view
    (views do not change once built): an article's card is in about a dozen other pages'
    keys, which then hold its 64-digit digest instead of repeating the card's texts."""
    key = ev.__dict__.get("_card_key")
    if key is None:
        key = ev.__dict__["_card_key"] = record_digest((ev.href, _PAIR(ev.headline), _PAIR(ev.lead), ev.minutes,
                                                        _THEME(ev.theme.theme)))
    return key


def entry_digest(ev: EntryView) -> str:
    """Digest of ``ev``'s entry (``entry_record``), memoised on the view: the article page's
    key and its record in ``digest.json`` both need it."""
    key = ev.__dict__.get("_entry_digest")
    if key is None:
        key = ev.__dict__["_entry_digest"] = record_digest(entry_record(ev.entry))
    return key


def known_keys(ev: EntryView, card: str, entry: str) -> None:
    """Memoise on ``ev`` its card key and entry digest as the last build made them, when the
    change set says its entry is unchanged (``sitegen.render.changed``)."""
    ev.__dict__["_card_key"], ev.__dict__["_entry_digest"] = card, entry


def article_key(ev: EntryView) -> tuple:
    """What an article page shows besides the site-wide settings."""
    return (
        entry_digest(ev), _THEME(ev.theme.theme), [_TAG(t.tag) for t in ev.tags],
        card_key(ev.prev) if ev.prev else None, card_key(ev.next) if ev.next else None,
        [card_key(r) for r in ev.related],
    )
