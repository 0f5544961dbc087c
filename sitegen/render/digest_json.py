"""``digest.json``: every article's texts, translations, theme, tags and links, as data.

A day's update changes ~1 % of the articles' records, but building and encoding all of them
took ~0.7 s at 10,000 articles. So each record is keyed by what it shows (``_part_key``, and
``_site_key`` for what all records share), and ``DigestMemo`` keeps, from one build to the
next, where each key's record sits in the ``digest.json`` that build wrote; a record whose key
is unchanged is copied from that file (if its size and modification time are still those the
build left) instead of made again. The JSON is compact, so the array of records is their
texts joined by commas: the bytes are those a build without the memo writes.
"""
from __future__ import annotations

import hashlib
import json
import marshal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .keys import entry_digest
from .util import absolute
from .views import EntryView, SiteViews, entry_dates, pair

MEMO_NAME = "digest-parts.pickle"


@dataclass
class DigestMemo:
    """Where each record of the last ``digest.json`` sits: its key → (start, end) in the
    file's bytes. ``site_key``: what every record shows besides its own (the code, the base
    URL); ``stamp``: the file's size and modification time once written; ``keys``: each
    article's record key by permalink; ``site_file`` (not stored): that file."""

    site_key: bytes = b""
    stamp: tuple[int, int] = (0, 0)
    parts: dict[bytes, tuple[int, int]] = field(default_factory=dict)
    site_file: Path | None = None
    keys: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def load(cls, cache_dir: Path, site_dir: Path) -> "DigestMemo":
        """The memo kept in ``cache_dir`` for the ``digest.json`` of ``site_dir`` (empty if none)."""
        from sitegen.state import decode_entry

        try:
            value = decode_entry((cache_dir / MEMO_NAME).read_bytes())
        except OSError:
            value = None
        memo = value if isinstance(value, cls) else cls()
        memo.site_file = site_dir / "digest.json"
        return memo

    def save(self, cache_dir: Path) -> None:
        """Keep the memo in ``cache_dir``, once ``site_file`` is the file it indexes."""
        from sitegen.atomic import atomic_write_bytes
        from sitegen.state import encode_entry

        kept = DigestMemo(self.site_key, _stamp(self.site_file), self.parts, keys=self.keys)
        atomic_write_bytes(cache_dir / MEMO_NAME, encode_entry(kept), durable=False)

    def old_parts(self, site_key: bytes) -> tuple[bytes, dict[bytes, tuple[int, int]]]:
        """The last ``digest.json``'s bytes and its records' places, if they show what
        ``site_key`` says and the file is as the last build left it; else nothing."""
        if site_key != self.site_key or not self.parts or _stamp(self.site_file) != self.stamp:
            return b"", {}
        try:
            return self.site_file.read_bytes(), self.parts
        except OSError:
            return b"", {}


def _stamp(path: Path | None) -> tuple[int, int]:
    try:
        st = path.stat()
    except (OSError, AttributeError):
        return (0, 0)
    return (st.st_size, st.st_mtime_ns)


def digest_json(views: SiteViews, memo: DigestMemo | None = None, version: str = "",
                page_key: Callable[[EntryView], str | None] | None = None,
                same: Callable[[EntryView], bool] | None = None) -> bytes:
    """The whole digest as one compact JSON document (UTF-8). With ``memo`` (made by render
    code ``version``), records unchanged since the last build are copied from its file, and
    the memo then indexes this one. ``page_key``: each article's page key, when the caller
    has them (``_part_key``). ``same``: whether an article's record is known to be the last
    build's (its page and dates are: ``sitegen.render.changed``); its key is then the one the
    memo kept, not made again."""
    info = views.site.info
    site_key = _site_key(views, version) if memo is not None else b""
    old_file, old = memo.old_parts(site_key) if memo is not None else (b"", {})
    old_keys = memo.keys if memo is not None and same is not None and old else {}
    keys, records = [], []
    for ev in views.entries:
        key = old_keys.get(ev.path) if old_keys and same(ev) else None
        if key is not None and key in old:
            start, end = old[key]
            records.append(old_file[start:end])
            keys.append(key)
            continue
        published, updated = entry_dates(info, ev)
        key = _part_key(ev, published, updated, page_key) if memo is not None else b""
        place = old.get(key)
        records.append(old_file[place[0]:place[1]] if place is not None
                       else _compact(_record(info, ev, published, updated)).encode("utf-8"))
        keys.append(key)
    head = _compact(_site_record(views)).encode("utf-8")
    assert head.endswith(b'"articles":[]}')
    head = head[: -len(b"]}")]
    if memo is not None:
        memo.site_key, memo.parts = site_key, {}
        memo.keys = {ev.path: key for ev, key in zip(views.entries, keys)}
        start = len(head)
        for key, record in zip(keys, records):
            memo.parts[key] = (start, start + len(record))
            start += len(record) + 1
    return head + b",".join(records) + b"]}\n"


def _compact(value) -> str:
    # Compact: json's C encoder only runs without ``indent`` (3x faster on a big digest).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _site_key(views: SiteViews, version: str) -> bytes:
    """What every record may show besides its own article: the render code and the base URL."""
    return hashlib.blake2b(marshal.dumps((version, views.site.info.base_url), 2), digest_size=16).digest()


def _part_key(ev: EntryView, published: str, updated: str, page_key=None) -> bytes:
    """What an article's record shows of its own: its entry (``entry_digest``), where it is,
    its dates, its theme and tags as the site shows them and the articles it links to.
    Its article page shows all of that but the dates (the page's key holds its entry, its
    theme and tags as shown and the cards of the articles it links to, each with its
    address; and the render code and base URL), so with the page's key (``page_key``) the
    record's is that key and the dates: ~0.2 s less on a day's update at 10,000 articles,
    the page keys being made anyway."""
    found = page_key(ev) if page_key is not None else None
    if found is not None:
        return hashlib.blake2b(f"{found}\x1f{published}\x1f{updated}".encode(), digest_size=16).digest()
    th = ev.theme
    return hashlib.blake2b(marshal.dumps((
        entry_digest(ev), ev.path, published, updated, th.slug, th.theme.name_en, th.theme.name_zh,
        [(t.slug, t.tag.zh, t.tag.en) for t in ev.tags], [r.path for r in ev.related],
        ev.prev.path if ev.prev else None, ev.next.path if ev.next else None), 2), digest_size=16).digest()


def _record(info, ev: EntryView, published: str, updated: str) -> dict:
    a = ev.article
    return {
        "permalink": ev.path,
        "url": absolute(info.base_url, ev.path) or None,
        "seed": a.seed,
        "position": a.position,
        "line": a.line,
        "headline": ev.headline.to_json() if not ev.headline_is_fallback else pair(None, ev.entry.english.headline).to_json(),
        "excerpt": ev.headline_is_fallback,  # printed without a headline
        "published": published,
        "updated": updated,
        "kicker": ev.kicker.to_json(),
        "subtitle": ev.subtitle.to_json(),
        "lead": ev.lead.to_json(),
        "byline": a.byline,
        "dateline": a.dateline,
        "subheads": a.subheads,
        "chars": ev.chars,
        "reading_minutes": ev.minutes,
        "theme": {"slug": ev.theme.slug, "name_en": ev.theme.theme.name_en, "name_zh": ev.theme.theme.name_zh},
        "tags": [{"slug": t.slug, "zh": t.tag.zh, "en": t.tag.en} for t in ev.tags],
        "related": [r.path for r in ev.related],
        "key_terms": [{"zh": k.zh, "pinyin": k.pinyin, "gloss": k.gloss, "tag": k.tag}
                      for k in ev.entry.key_terms],
        "previous": ev.prev.path if ev.prev else None,
        "next": ev.next.path if ev.next else None,
    }


def _site_record(views: SiteViews) -> dict:
    """The digest without its articles' records (``"articles"`` last, and empty)."""
    info = views.site.info
    return {
        "schema": "sitegen-digest/1",
        "site": {
            "title": info.title, "title_zh": info.title_zh, "base_url": info.base_url or None,
            "build_date": info.build_date or None, "version": info.version or None,
            "pending_note": views.site.pending_note,
            "key_terms_note": "key_terms: dictionary glosses (CC-CEDICT, pinyin by pypinyin), not translations",
        },
        "themes": [{"slug": t.slug, "name_en": t.theme.name_en, "name_zh": t.theme.name_zh,
                    "automatic": t.theme.automatic, "page": t.path,
                    "articles": [e.path for e in t.entries]} for t in views.theme_list],
        "tags": [{"slug": t.slug, "zh": t.tag.zh, "en": t.tag.en, "page": t.path,
                  "articles": [e.path for e in t.entries]} for t in views.tag_list],
        "articles": [],
    }
