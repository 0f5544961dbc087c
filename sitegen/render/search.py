"""Client-side search index, built at render time.

Chinese text is indexed as overlapping character bigrams (plus single
characters for one-character queries), English as lower-cased words, so the
browser needs no word segmenter. The index ships as ``search-index.js``
assigning ``window.SITEGEN_SEARCH`` so it also loads from ``file://`` where
``fetch()`` of JSON is blocked.
"""
from __future__ import annotations

import re
import unicodedata

from .util import script_json

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the to was were with".split()
)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def cjk_terms(text: str) -> set[str]:
    """Bigrams of every run of Han characters (a lone character stands for itself)."""
    out: set[str] = set()
    for run in _CJK.findall(normalise(text)):
        if len(run) == 1:
            out.add(run)
        out.update(map(str.__add__, run[:-1], run[1:]))
    return out


def en_terms(text: str) -> set[str]:
    return {w for w in _WORD.findall(normalise(text)) if w not in _STOP and (len(w) > 1 or w.isdigit())}


def terms(text: str) -> set[str]:
    return cjk_terms(text) | en_terms(text)


def build_index(docs: list[dict]) -> dict:
    """``docs``: dicts with u (url), hz, he (headlines), lz, le (leads), th (theme).

    Returns ``{"v": 1, "docs": [...], "h": {term: [doc,...]}, "b": {term: [doc,...]}}``
    where ``h`` indexes headlines (ranked higher) and ``b`` leads.
    Leads are not shipped, only their terms, to keep the file small.
    """
    # Postings are appended in document order, once per document (terms of one document
    # form a set): each list comes out sorted without sorting.
    head: dict[str, list[int]] = {}
    body: dict[str, list[int]] = {}
    out_docs = []
    for i, d in enumerate(docs):
        for t in terms(d.get("hz", "")) | terms(d.get("he", "")) | terms(d.get("k", "")):
            head.setdefault(t, []).append(i)
        for t in terms(d.get("lz", "")) | terms(d.get("le", "")):
            body.setdefault(t, []).append(i)
        out_docs.append({k: d[k] for k in ("u", "hz", "he", "th") if d.get(k)})
    return {
        "v": 1,
        "docs": out_docs,
        "h": dict(sorted(head.items())),
        "b": dict(sorted(body.items())),
    }


def index_js(index: dict) -> str:
    return "window.SITEGEN_SEARCH=" + script_json(index) + ";\n"
