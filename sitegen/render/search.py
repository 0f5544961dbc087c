"""Client-side search index, built at render time.

Chinese text is indexed as overlapping character bigrams (plus single
characters for one-character queries), English as lower-cased words, so the
browser needs no word segmenter. The index ships in shards that the search page
loads as scripts when a query needs them (``search_shards.py``), so it also loads
from ``file://`` where ``fetch()`` of JSON is blocked.
"""
from __future__ import annotations

import re
import unicodedata


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Every position followed by two Han characters (the bigrams of each run, by the regex
# engine alone), and each Han character standing alone.
_CJK_BIGRAM = re.compile(rf"(?=([{_HAN}]{{2}}))")
_CJK_ALONE = re.compile(rf"(?<![{_HAN}])[{_HAN}](?![{_HAN}])")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the to was were with".split()
)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def _cjk(normalised: str) -> list[str]:
    return _CJK_BIGRAM.findall(normalised) + _CJK_ALONE.findall(normalised)


def _en(normalised: str) -> list[str]:
    return [w for w in _WORD.findall(normalised) if w not in _STOP and (len(w) > 1 or w.isdigit())]


def _add_terms(out: set[str], normalised: str) -> None:
    out.update(_cjk(normalised))
    out.update(_en(normalised))


def cjk_terms(text: str) -> set[str]:
    """Bigrams of every run of Han characters (a lone character stands for itself)."""
    return set(_cjk(normalise(text)))


def en_terms(text: str) -> set[str]:
    return set(_en(normalise(text)))


def terms(*texts: str) -> set[str]:
    """The search terms of ``texts`` together: Chinese bigrams and English words."""
    out: set[str] = set()
    for text in texts:
        if text:
            _add_terms(out, normalise(text))
    return out


#: Index fields: (key in the index, the document texts it holds). The browser ranks a
#: headline match above a theme or tag match above a lead match, and names the fields matched.
FIELDS = (("h", ("hz", "he", "k")), ("b", ("lz", "le")), ("t", ("tn",)), ("g", ("tg",)))


def build_index(docs: list[dict]) -> dict:
    """``docs``: dicts with u (url), hz, he (headline), k (kicker and subtitle), lz, le (lead),
    th (theme name to show), tn (theme names), tg (tag names); Chinese and English alike.

    Returns ``{"v": 2, "docs": [...], "h": {term: [doc,...]}, "b": ..., "t": ..., "g": ...}``:
    ``h`` indexes headlines, ``b`` leads, ``t`` theme names and ``g`` tag names. Only what a
    result shows is shipped per document; of the rest only the terms, to keep the file small.
    """
    # Postings are appended in document order, once per document (terms of one document
    # form a set): each list comes out sorted without sorting.
    maps: dict[str, dict[str, list[int]]] = {key: {} for key, _ in FIELDS}
    out_docs = []
    for i, d in enumerate(docs):
        for key, names in FIELDS:
            postings = maps[key]
            get = postings.get
            for t in terms(*(d.get(n, "") for n in names)):
                docs_of = get(t)
                if docs_of is None:
                    postings[t] = [i]
                else:
                    docs_of.append(i)
        out_docs.append({k: d[k] for k in ("u", "hz", "he", "th", "tz") if d.get(k)})
    index: dict = {"v": 2, "docs": out_docs}
    for key, _ in FIELDS:
        index[key] = {t: maps[key][t] for t in sorted(maps[key])}
    return index
