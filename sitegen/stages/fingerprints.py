"""What the article history compares from build to build: each article's content fingerprint
(``content_fingerprint``), and a memo of them by article identity, so that a day's update
does not hash every old article's texts again (~0.2 s at 10,000 articles)."""
from __future__ import annotations

from pathlib import Path

from sitegen.models import DigestEntry
from sitegen.state import code_digest, decode_entry, digest_json, encode_entry

NAME = "fingerprints.pickle"

English = tuple  # each of kicker, headline, subtitle, lead: (text, status), or None


def english_of(entry: DigestEntry) -> English:
    """What the fingerprint takes of the article's English."""
    return tuple((t.text, t.status) if t is not None else None
                 for t in (entry.english.kicker, entry.english.headline, entry.english.subtitle, entry.english.lead))


def content_fingerprint(entry: DigestEntry) -> str:
    """What a reader of the article (and of its feed entry) sees: its texts and their English,
    not where it sits in the seed file. Its format is in the committed history: changing it
    moves every article's ``updated`` date."""
    a = entry.article
    return digest_json([a.kicker, a.headline, a.subtitle, a.byline, a.dateline,
                        [(b.kind, b.text) for b in a.blocks], list(a.markers), list(english_of(entry))])[:16]


def memo_version() -> str:
    """The code the fingerprints come from (this module, and ``state.digest_json``)."""
    return code_digest("stages/fingerprints.py") + code_digest("state.py")


class FingerprintMemo:
    """``content_fingerprint`` of the articles of the last build, by ``Article.identity`` (a
    digest of all the article's fields) and their English: an article whose identity and
    English are the same has the same fingerprint, which is taken from here."""

    def __init__(self, known: dict[bytes, tuple[English, str]] | None = None):
        self.known = known or {}
        self.now: dict[bytes, tuple[English, str]] = {}  # this build's, what ``save`` keeps

    @classmethod
    def load(cls, cache_dir: Path | None) -> "FingerprintMemo":
        """The memo in ``cache_dir``, or an empty one (none there, damaged, other code)."""
        try:
            value = decode_entry((cache_dir / NAME).read_bytes()) if cache_dir is not None else None
        except OSError:
            value = None
        if isinstance(value, tuple) and len(value) == 2 and value[0] == memo_version():
            return cls(value[1])
        return cls()

    def fingerprint(self, entry: DigestEntry) -> str:
        identity, english = entry.article.identity, english_of(entry)
        found = self.known.get(identity)
        made = found[1] if found is not None and found[0] == english else content_fingerprint(entry)
        self.now[identity] = (english, made)
        return made

    def save(self, cache_dir: Path | None) -> None:
        """Keep this build's fingerprints in ``cache_dir`` (unless they are the ones kept)."""
        from sitegen.atomic import atomic_write_bytes

        if cache_dir is not None and self.now != self.known:
            atomic_write_bytes(cache_dir / NAME, encode_entry((memo_version(), self.now)), durable=False)
