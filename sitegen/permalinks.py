"""Stable ASCII permalinks.

Rule: ``articles/<seed-slug>-<NN>.html`` where ``<seed-slug>`` is the seed file name without
its extension, lower-cased, with every run of characters outside ``[a-z0-9_-]`` replaced by
``-``, and ``<NN>`` is the article's 1-based position in its seed (two digits at least).
When the slug had to drop or change characters (non-ASCII names, spaces, ``..``) or is longer
than 60 characters, the first 8 hex digits of the SHA-256 of the original file name are
appended, so different names never collide. Translations play no part: a permalink changes
only if the seed is renamed or an article is inserted before another in the same seed.
"""
from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^a-z0-9_-]+")
MAX_SLUG = 60


def seed_slug(seed_name: str) -> str:
    stem = seed_name.rsplit(".", 1)[0] if "." in seed_name.lstrip(".") else seed_name
    slug = _UNSAFE.sub("-", stem.lower()).strip("-")
    exact = slug == stem and 0 < len(slug) <= MAX_SLUG
    if not exact:
        digest = hashlib.sha256(seed_name.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[:MAX_SLUG].strip('-')}-{digest}".strip("-")
    return slug


def article_permalink(seed_name: str, position: int) -> str:
    return f"articles/{seed_slug(seed_name)}-{position:02d}.html"
