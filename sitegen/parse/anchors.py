"""Matching the texts of ``corrections.toml`` against a page and its parse.

Anchors and headline texts are compared without whitespace and after NFKC normalisation
(full- and half-width forms alike), so a maintainer may quote across a wrapped line; every
normalised character keeps the index of the character it came from, so a match can be cut
out of the original text exactly.
"""
from __future__ import annotations

import unicodedata

from ..models import Article


def norm_map(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, NFKC-normalised, and for each of its characters the index
    of the character of ``text`` it came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                chars.append(c)
                where.append(i)
    return "".join(chars), where


def norm(text: str | None) -> str:
    return norm_map(text or "")[0]



def body_of(article: Article) -> tuple[str, list[tuple[int, int]]]:
    """An article's body (normalised) and, per character, (block index, raw offset)."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for bi, block in enumerate(article.blocks):
        n, idx = norm_map(block.text)
        chars.append(n)
        where.extend((bi, i) for i in idx)
    return "".join(chars), where


def starts_with(article: Article, anchor: str) -> bool:
    """The article's body (with or without its dateline and byline, with or without the
    subheads before its lead) starts with ``anchor``."""
    body = body_of(article)[0]
    paragraphs = norm("".join(article.paragraphs))
    heads = [""]
    if article.dateline:
        heads.append(norm(article.dateline))
        if article.byline:
            heads += [norm(f"{article.dateline}（{article.byline}）"), norm(f"{article.dateline}{article.byline}")]
    if article.markers:
        heads += [norm(m) + h for m in article.markers for h in list(heads)]
    return any((h + b).startswith(anchor) for h in heads for b in (body, paragraphs))



def show(text: str) -> str:
    """An anchor as a note quotes it: without its line breaks and spaces."""
    return "".join(text.split())


def occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def joined(before: str, after: str) -> str:
    return " ".join(p for p in (before.strip(), after.strip()) if p)


def take(texts: list[str], wanted: str) -> tuple[list[tuple[str, str]], int, int] | None:
    """Find ``wanted`` (normalised) in the texts read one after another. Returns, per text,
    what is left (before, after) of the match — the whole text as ``before`` when the match
    does not touch it — and the first and last index of the texts it touches."""
    chars: list[str] = []
    spots: list[tuple[int, int]] = []
    for ti, t in enumerate(texts):
        n, where = norm_map(t)
        chars.append(n)
        spots.extend((ti, i) for i in where)
    at = "".join(chars).find(wanted)
    if at == -1 or not wanted:
        return None
    (first, start), (last, end) = spots[at], spots[at + len(wanted) - 1]
    kept: list[tuple[str, str]] = []
    for ti, t in enumerate(texts):
        if ti < first or ti > last:
            kept.append((t, ""))
        else:
            kept.append((t[:start].strip() if ti == first else "", t[end + 1:].strip() if ti == last else ""))
    return kept, first, last


def printed_alone(text: str, wanted: str) -> bool:
    """``wanted`` (normalised) occurs once in ``text``, on lines of its own."""
    page, where = norm_map(text)
    places = occurrences(page, wanted)
    if len(places) != 1 or not wanted:
        return False
    start, end = where[places[0]], where[places[0] + len(wanted) - 1] + 1
    line_end = text.find("\n", end)
    return (not text[text.rfind("\n", 0, start) + 1:start].strip()
            and not text[end:line_end if line_end >= 0 else len(text)].strip())
