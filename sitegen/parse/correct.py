"""Apply a seed's ``corrections.toml`` entries (:mod:`sitegen.corrections`) to its parse.

The corrections work on the finished :class:`~sitegen.models.ParseResult`, through the
records only, so they hold whatever the segmenter does. Splits come first, then joins,
then headlines (each kind in file order): a headline may name an article a split made.

Every character stays in exactly one place:

* ``[[split]]`` cuts an article's body where the anchor starts; the new article takes the
  rest of the body, its continuation marker (下转) and the dateline/byline at its start.
* ``[[join]]`` appends an article to the one before it; its dateline goes back in front of
  its first paragraph, its byline to the first article if that has none, and its headline
  fields become ``headline`` leftovers.
* ``[[headline]]`` *moves* the text from where the page prints it: first the article's own
  kicker/headline/subtitle (a label glued in front becomes the kicker, a tail the
  subtitle), then the leftovers, then other articles' headline fields (nearest first),
  then a subhead or the start or end of a paragraph. The article's old headline, if it was
  not part of the text, becomes a ``headline`` leftover. A text printed nowhere is an error
  unless the entry says ``editorial = true``: then it is the one text that is not from the
  page, and the article says so.

An anchor that matches nothing, or more than one place, raises CorrectionError naming
``corrections.toml:LINE`` and the seed.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace

from ..models import Article, Block, Leftover, ParseResult, ParseWarning
from . import lines as L
from ..corrections import Correction, CorrectionError, Headline, Join, Split

SENTENCE_END = "。！？!?…；;”’」』\"'）)"
HEAD_FIELDS = ("kicker", "headline", "subtitle")


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


def apply_corrections(result: ParseResult, text: str, items: tuple[Correction, ...] | list[Correction]
                      ) -> ParseResult:
    """``result`` (the parse of ``text``) with ``items`` applied."""
    if not items:
        return result
    page = _Page(list(result.articles), list(result.leftovers), list(result.warnings))
    for kind in (Split, Join, Headline):
        for item in items:
            if isinstance(item, kind):
                getattr(page, kind.__name__.lower())(item, text)
    return page.result()


def _fail(item: Correction, message: str) -> CorrectionError:
    kind = type(item).__name__.lower()
    return CorrectionError(f"{item.origin}: [[{kind}]] for seed {item.seed!r}: {message}")


def _note(article: Article, what: str) -> Article:
    return replace(article, corrections=(*article.corrections, what))


def _body(article: Article) -> tuple[str, list[tuple[int, int]]]:
    """An article's body (normalised) and, per character, (block index, raw offset)."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for bi, block in enumerate(article.blocks):
        n, idx = norm_map(block.text)
        chars.append(n)
        where.extend((bi, i) for i in idx)
    return "".join(chars), where


def _starts_with(article: Article, anchor: str) -> bool:
    """The article's body (with or without its dateline and byline) starts with ``anchor``."""
    body = _body(article)[0]
    heads = [""]
    if article.dateline:
        heads.append(norm(article.dateline))
        if article.byline:
            heads += [norm(f"{article.dateline}（{article.byline}）"), norm(f"{article.dateline}{article.byline}")]
    if article.markers:
        heads += [norm(m) + h for m in article.markers for h in list(heads)]
    return any((h + body).startswith(anchor) for h in heads)


class _Page:
    def __init__(self, articles: list[Article], leftovers: list[Leftover], warnings: list[ParseWarning]):
        self.articles = articles
        self.leftovers = leftovers
        self.warnings = warnings

    def result(self) -> ParseResult:
        articles = tuple(replace(a, position=i) for i, a in enumerate(self.articles, 1))
        with_headline = {a.line for a in articles if a.headline}
        warnings = tuple(w for w in self.warnings
                         if not (w.message == "body without headline" and w.line in with_headline))
        return ParseResult(articles, tuple(sorted(self.leftovers, key=lambda x: x.line)), warnings)

    def _article_at(self, item: Correction, anchor_text: str) -> int:
        anchor = norm(anchor_text)
        found = [i for i, a in enumerate(self.articles) if _starts_with(a, anchor)]
        if len(found) > 1:
            raise _fail(item, f"{anchor_text!r} starts {len(found)} articles (lines "
                        f"{', '.join(str(self.articles[i].line) for i in found)}): quote more of it")
        if not found:
            inside = [a for a in self.articles if anchor in _body(a)[0]]
            hint = (f"; it is inside the article at line {inside[0].line} (a [[split]] there would "
                    f"start one)" if inside else "")
            raise _fail(item, f"no article starts with {anchor_text!r}{hint}")
        return found[0]

    # -- [[split]] -------------------------------------------------------------------------
    def split(self, item: Split, text: str) -> None:
        anchor = norm(item.at)
        page, where = norm_map(text)
        places = _occurrences(page, anchor)
        if not places:
            raise _fail(item, f"{item.at!r} matches nothing in the seed")
        if len(places) > 1:
            lines = [text.count("\n", 0, where[p]) + 1 for p in places]
            raise _fail(item, f"{item.at!r} matches {len(places)} places (lines "
                        f"{', '.join(map(str, lines))}): quote more of it")
        line = text.count("\n", 0, where[places[0]]) + 1
        if any(_starts_with(a, anchor) for a in self.articles):
            return  # an article starts there already (the parser has learnt it)
        for ai, article in enumerate(self.articles):
            body, spots = _body(article)
            at = body.find(anchor)
            if at > 0:
                head, tail = _cut(article, *spots[at], line)
                what = f"split at {_show(item.at)!r}"
                self.articles[ai:ai + 1] = [_note(head, what), _note(tail, what)]
                return
        raise _fail(item, f"{item.at!r} (line {line}) is not inside an article's body: "
                    f"`sitegen parse {item.seed}` shows where it is")

    # -- [[join]] --------------------------------------------------------------------------
    def join(self, item: Join, text: str) -> None:
        j = self._article_at(item, item.at)
        if j == 0:
            raise _fail(item, f"the article starting with {item.at!r} is the first of the seed: "
                        "there is none before it to continue")
        first, second = self.articles[j - 1], self.articles[j]
        for name in HEAD_FIELDS:
            value = getattr(second, name)
            if value:
                self.leftovers.append(Leftover(second.seed, "headline", value, second.line))
        blocks = list(second.blocks)
        if second.dateline:
            if blocks and blocks[0].kind == "paragraph":
                blocks[0] = replace(blocks[0], text=second.dateline + blocks[0].text)
            else:
                blocks.insert(0, Block("paragraph", second.dateline, second.line))
        byline = first.byline or second.byline
        if first.byline and second.byline:
            self.leftovers.append(Leftover(second.seed, "fragment", second.byline, second.line))
        before = list(first.blocks)
        if (before and blocks and before[-1].kind == blocks[0].kind == "paragraph"
                and not before[-1].text.rstrip().endswith(tuple(SENTENCE_END))):
            before[-1] = replace(before[-1], text=before[-1].text + blocks.pop(0).text)
        joined = replace(first, byline=byline, blocks=tuple(before + blocks),
                         markers=first.markers + second.markers,
                         corrections=first.corrections + second.corrections)
        self.articles[j - 1:j + 1] = [_note(joined, f"joined with the article at {_show(item.at)!r}")]

    # -- [[headline]] ----------------------------------------------------------------------
    def headline(self, item: Headline, text: str) -> None:
        t = self._article_at(item, item.article)
        wanted = norm(item.text)
        target = self.articles[t]
        if norm(target.headline) == wanted:  # the same characters: keep the maintainer's spacing
            what = "headline confirmed" if target.headline == item.text else "headline spacing corrected"
            self.articles[t] = _note(replace(target, headline=item.text), what)
            return
        if self._from_own_fields(t, item, wanted):
            return
        if not (self._from_leftovers(wanted) or self._from_other_articles(t, wanted) or self._from_blocks(t, wanted)):
            if not item.editorial:
                raise _fail(item, f"the headline {item.text!r} is printed nowhere in the seed (a typo?); "
                            "if it is an editorial headline, add editorial = true")
            what = "editorial headline (not printed on the page)"
        else:
            what = "headline moved from the page"
        target = self.articles[t]
        if target.headline:
            self.leftovers.append(Leftover(target.seed, "headline", target.headline, target.line))
        self.articles[t] = _note(replace(target, headline=item.text), what)

    def _from_own_fields(self, t: int, item: Headline, wanted: str) -> bool:
        """The text is in the article's own kicker/headline/subtitle (e.g. two lines of one
        headline, or a label glued in front): rebuild the three fields around it."""
        article = self.articles[t]
        fields = [getattr(article, name) or "" for name in HEAD_FIELDS]
        cut = _take(fields, wanted)
        if cut is None:
            return False
        kept, first, last = cut
        new: dict[str, str | None] = {name: None for name in HEAD_FIELDS}
        displaced: list[str] = []
        for i, name in enumerate(HEAD_FIELDS):
            value = kept[i][0]
            if first <= i <= last or not value:
                continue
            if name == "headline":  # an old headline the text leaves out is not this one's
                displaced.append(value)
            else:
                new[name] = value
        lead_rest, tail_rest = kept[first][0], kept[last][1]
        for rest, slot in ((lead_rest, "kicker"), (tail_rest, "subtitle")):
            if rest and new[slot] is None:
                new[slot] = rest  # a label in front is a kicker; a tail, a subtitle
            elif rest:
                displaced.append(rest)
        new["headline"] = item.text
        for rest in displaced:
            self.leftovers.append(Leftover(article.seed, "headline", rest, article.line))
        self.articles[t] = _note(replace(article, **new), "headline corrected from its own lines")
        return True

    def _from_leftovers(self, wanted: str) -> bool:
        order = sorted(range(len(self.leftovers)), key=lambda i: self.leftovers[i].line)
        cut = _take([self.leftovers[i].text for i in order], wanted)
        if cut is None:
            return False
        kept, first, last = cut
        gone = set()
        for k in range(first, last + 1):
            i = order[k]
            rest = _joined(*kept[k])
            if rest:
                self.leftovers[i] = replace(self.leftovers[i], text=rest)
            else:
                gone.add(i)
        gone_lines = {self.leftovers[i].line for i in gone if self.leftovers[i].kind == "headline"}
        self.warnings = [w for w in self.warnings
                         if not (w.line in gone_lines and w.message.startswith("headline "))]
        self.leftovers = [x for i, x in enumerate(self.leftovers) if i not in gone]
        return True

    def _from_other_articles(self, t: int, wanted: str) -> bool:
        line = self.articles[t].line
        for ai in sorted((i for i in range(len(self.articles)) if i != t),
                         key=lambda i: abs(self.articles[i].line - line)):
            other = self.articles[ai]
            cut = _take([getattr(other, name) or "" for name in HEAD_FIELDS], wanted)
            if cut is not None:
                kept = cut[0]
                self.articles[ai] = _note(replace(other, **{
                    name: _joined(*kept[i]) or None for i, name in enumerate(HEAD_FIELDS)}),
                    "headline text given to another article")
                return True
        return False

    def _from_blocks(self, t: int, wanted: str) -> bool:
        """A subhead that is the text, or a paragraph that starts or ends with it."""
        line = self.articles[t].line
        for ai in sorted(range(len(self.articles)), key=lambda i: abs(self.articles[i].line - line)):
            article = self.articles[ai]
            for bi, block in enumerate(article.blocks):
                n, where = norm_map(block.text)
                if n == wanted or (block.kind == "paragraph" and (n.startswith(wanted) or n.endswith(wanted))):
                    if n.startswith(wanted):
                        rest = block.text[where[len(wanted) - 1] + 1:].strip()
                    else:
                        rest = block.text[:where[len(n) - len(wanted)]].strip()
                    blocks = list(article.blocks)
                    if rest:
                        blocks[bi] = replace(block, text=rest)
                    else:
                        del blocks[bi]
                    self.articles[ai] = replace(article, blocks=tuple(blocks))
                    return True
        return False


def _show(text: str) -> str:
    """An anchor as a note quotes it: without its line breaks and spaces."""
    return "".join(text.split())


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _joined(before: str, after: str) -> str:
    return " ".join(p for p in (before.strip(), after.strip()) if p)


def _take(texts: list[str], wanted: str) -> tuple[list[tuple[str, str]], int, int] | None:
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


def _cut(article: Article, bi: int, offset: int, line: int) -> tuple[Article, Article]:
    """Split ``article`` before raw ``offset`` of block ``bi``; the second part starts on ``line``."""
    block = article.blocks[bi]
    head = list(article.blocks[:bi])
    if block.text[:offset].strip():
        head.append(replace(block, text=block.text[:offset].rstrip()))
    tail = [replace(block, text=block.text[offset:].lstrip(), line=line), *article.blocks[bi + 1:]]
    ends = tuple(m for m in article.markers if "转" in m)
    starts = tuple(m for m in article.markers if "转" not in m)
    dateline = byline = None
    markers: list[str] = []
    first = tail[0]
    if first.kind == "paragraph":
        raw = first.text
        m = L.START_MARKER_RE.match(raw)
        if m:
            markers.append(m.group(0).strip())
            raw = raw[m.end():]
        dateline, byline, raw = L.split_dateline(raw)
        if raw.strip():
            tail[0] = replace(first, text=raw.strip())
        else:
            tail.pop(0)
    before = replace(article, blocks=tuple(head), markers=starts)
    after = Article(seed=article.seed, position=article.position + 1, kicker=None, headline=None,
                    subtitle=None, byline=byline, dateline=dateline, blocks=tuple(tail),
                    markers=(*markers, *ends), line=line)
    return before, after
