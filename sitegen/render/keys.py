"""Page keys for incremental rendering: digests of what a page shows, so that a page whose
key is unchanged since the last build is carried over instead of rendered."""
from __future__ import annotations

import hashlib

from .views import EntryView


def key_digest(value) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def card_key(ev: EntryView) -> str:
    """Digest of what a link or card to ``ev`` shows on another page. Memoised on the view
    (views do not change once built): an article's card is in about a dozen other pages'
    keys, which then hold its 64-digit digest instead of repeating the card's texts."""
    key = ev.__dict__.get("_card_key")
    if key is None:
        key = ev.__dict__["_card_key"] = key_digest((ev.href, ev.headline, ev.lead, ev.minutes, ev.theme.slug,
                                                 ev.theme.theme.name_en, ev.theme.theme.name_zh))
    return key


# Keys hold the records themselves: ``key_digest`` takes the repr of the whole key once
# (a repr nested in a key was escaped a second time: half the time of keying a page).
def article_key(ev: EntryView) -> tuple:
    """What an article page shows besides the site-wide settings."""
    return (
        ev.entry, ev.theme.theme, [t.tag for t in ev.tags],
        card_key(ev.prev) if ev.prev else None, card_key(ev.next) if ev.next else None,
        [card_key(r) for r in ev.related],
    )
