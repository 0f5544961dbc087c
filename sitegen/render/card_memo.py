"""Article cards kept from build to build.

A theme or tag page is a list of article cards (the ``card`` macro of ``_macros.html``), and
the cards are most of its rendering. A day re-renders every page of a list whose front moved
(numbered pages shift when articles enter or leave), so at 10,000 articles it rendered some
12,000 cards, nearly all of articles it did not change. The renderer already memoises each
distinct card within a process; this memo keeps the cards' HTML in the build's state
directory so that the next build renders only the cards of articles whose card changed.

A card is keyed by its article's ``card_key`` (the digest of everything a card shows; page
keys rely on it in the same way) and the macro's other arguments, under a version: the
renderer's site-wide key (templates, strings, rendering code, site settings). A different
version empties the memo. Cards of articles no longer in the site, or whose card key moved,
are dropped when the memo is written whole.
"""
from __future__ import annotations

import marshal
from pathlib import Path

from markupsafe import Markup

from .keys import card_key

MEMO_NAME = "cards.marshal"  # the cards as of the last compaction
ADDED_NAME = "cards-added.marshal"  # the cards made since
#: The cards made since the memo was last written whole, beyond which it is written whole again
#: (and the cards of articles gone or changed dropped): a share of its size, at least a floor.
COMPACT_SHARE, COMPACT_FLOOR = 8, 512


def _read(path: Path):
    try:
        version, cards = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return (version, cards) if isinstance(version, str) and isinstance(cards, dict) else None


def _plain(cards: dict) -> dict:
    """Cards as stored: UTF-8 (bytes load in about half the time of str)."""
    return {key: html if type(html) is bytes else str(html).encode("utf-8") for key, html in cards.items()}


class CardMemo:
    """``{(card key, root, heading, show_theme): card HTML}`` under a ``version``.

    On disk in two files: the memo as last written whole, and the cards made since (a day's
    few hundred), so that a day writes ~1 MB rather than the ~35 MB of every card at 10,000
    articles. Once the cards made since reach a share of the whole (``COMPACT_SHARE``), the
    memo is written whole again, without the cards no article shows any more."""

    def __init__(self, version: str = "", cards: dict | None = None, added: dict | None = None):
        self.version = version
        self.cards: dict[tuple, object] = cards if cards is not None else {}  # bytes as loaded, Markup once used
        self.added: dict[tuple, object] = added if added is not None else {}  # made since written whole
        self.whole = len(self.cards) - len(self.added)  # cards in the file written whole
        self.fresh: dict[tuple, object] = {}  # made in this process since ``take_fresh``
        self.rewrite = False  # the whole memo to be written (another version, or compacted)
        self.grew = False  # cards were added since the memo was loaded

    @classmethod
    def load(cls, cache_dir: Path) -> "CardMemo":
        """The memo kept in ``cache_dir`` (empty if none, or unreadable)."""
        whole = _read(Path(cache_dir) / MEMO_NAME)
        if whole is None:
            return cls()
        added = _read(Path(cache_dir) / ADDED_NAME)
        added = added[1] if added is not None and added[0] == whole[0] else {}
        return cls(whole[0], {**whole[1], **added}, added)

    def wrap(self, card, version: str):
        """``card`` (the macro, as the templates call it) answered from the memo where it holds
        the card, else rendered and kept. The memo is emptied first when ``version`` (the
        renderer's site-wide key) is not the one it was made under."""
        if version != self.version:
            self.version, self.cards, self.added, self.whole, self.rewrite = version, {}, {}, 0, True
        cards, added, fresh = self.cards, self.added, self.fresh

        def stored_card(e, root, heading="h3", show_theme=False):
            key = (card_key(e), root, heading, bool(show_theme))
            html = cards.get(key)
            if html is None:
                html = cards[key] = added[key] = fresh[key] = card(e, root, heading, show_theme)
                self.grew = True
            elif type(html) is bytes:  # as loaded: decoded and marked safe once, when first used
                html = cards[key] = Markup(html.decode("utf-8"))
            return html

        return stored_card

    def take_fresh(self) -> dict[tuple, bytes]:
        """The cards made here since the last call (a forked helper sends them to the parent)."""
        fresh = _plain(self.fresh)
        self.fresh.clear()
        return fresh

    def add(self, cards: dict[tuple, bytes]) -> None:
        """Cards a helper made (``take_fresh`` there)."""
        for key, html in cards.items():
            if key not in self.cards:
                self.cards[key] = self.added[key] = html
                self.grew = True

    def keep_only(self, keys: set[str]) -> None:
        """Once the render is done: ``keys`` are the site's card keys now. When the memo is to
        be written whole, the cards of other keys are dropped first."""
        self.fresh.clear()
        if len(self.added) >= max(COMPACT_FLOOR, self.whole // COMPACT_SHARE):
            self.rewrite = True
        if self.rewrite:
            self.cards = {key: html for key, html in self.cards.items() if key[0] in keys}
            self.added, self.whole = {}, len(self.cards)

    def save(self, cache_dir: Path) -> None:
        """Keep the memo in ``cache_dir``: whole when so decided, else the cards added since."""
        from sitegen.atomic import atomic_write_bytes

        cache_dir = Path(cache_dir)
        if self.rewrite:
            atomic_write_bytes(cache_dir / MEMO_NAME, marshal.dumps((self.version, _plain(self.cards))), durable=False)
            (cache_dir / ADDED_NAME).unlink(missing_ok=True)
        elif self.grew:
            atomic_write_bytes(cache_dir / ADDED_NAME, marshal.dumps((self.version, _plain(self.added))), durable=False)
        self.rewrite = self.grew = False
