"""``digest.json``: every article's texts, translations, theme, tags and links, as data."""
from __future__ import annotations

import json

from .util import absolute
from .views import SiteViews, entry_dates, pair


def digest_json(views: SiteViews) -> str:
    """The whole digest as one compact JSON document."""
    info = views.site.info
    articles = []
    for ev in views.entries:
        a = ev.article
        published, updated = entry_dates(info, ev)
        articles.append({
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
        })
    digest = {
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
        "articles": articles,
    }
    # Compact: json's C encoder only runs without ``indent`` (3x faster on a big digest).
    return json.dumps(digest, ensure_ascii=False, separators=(",", ":")) + "\n"
