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

from dataclasses import replace

from ..corrections import Correction, CorrectionError, Headline, Join, Split
from ..models import HEADLESS_BODY, Article, Block, Leftover, ParseResult, ParseWarning
from . import lines as L
from .anchors import body_of, joined, norm, norm_map, occurrences, show, starts_with, take
from .titles import HEAD_FIELDS, TitleSources, note

SENTENCE_END = "。！？!?…；;”’」』\"'）)"
MIN_ANCHOR = 4  # characters of an anchor that must fall inside a body
FOLLOW_GAP = 80  # characters (a title block) between a body start taken for a title and its rest


def apply_corrections(result: ParseResult, text: str, items: tuple[Correction, ...] | list[Correction]
                      ) -> ParseResult:
    """``result`` (the parse of ``text``) with ``items`` applied."""
    if not items:
        return result
    page = _Page(list(result.articles), list(result.leftovers), list(result.warnings), text)
    for item in items:
        if isinstance(item, Split):
            page.split(item, text)
    for item in items:
        if isinstance(item, Join):
            page.join(item)
    # Headlines name their articles as splits and joins left them, before any text moves
    # (a headline taken from the start of a body must not hide that body from the next entry).
    targets = [(item, page.article_at(item, item.article)) for item in items if isinstance(item, Headline)]
    for item, t in targets:
        page.headline(item, t)
    return page.result()


def _fail(item: Correction, message: str) -> CorrectionError:
    kind = type(item).__name__.lower()
    return CorrectionError(f"{item.origin}: [[{kind}]] for seed {item.seed!r}: {message}")


class _Page(TitleSources):
    def __init__(self, articles: list[Article], leftovers: list[Leftover], warnings: list[ParseWarning],
                 text: str):
        self.text = text  # the seed
        self.articles = articles
        self.leftovers = leftovers
        self.warnings = warnings

    def result(self) -> ParseResult:
        for article in [a for a in self.articles if a.corrections and not a.blocks]:
            self._dissolve(article)  # its body was a headline a correction took away
        articles = tuple(replace(a, position=i) for i, a in enumerate(self.articles, 1))
        with_headline = {a.line for a in articles if a.headline}
        warnings = tuple(w for w in self.warnings
                         if not (w.message == HEADLESS_BODY and w.line in with_headline))
        return ParseResult(articles, tuple(sorted(self.leftovers, key=lambda x: x.line)), warnings)

    def _dissolve(self, article: Article) -> None:
        """Remove an article without a body; what it still holds goes to the leftovers."""
        for name in HEAD_FIELDS:
            if getattr(article, name):
                self.leftovers.append(Leftover(article.seed, "headline", getattr(article, name), article.line))
        for value in (article.byline, article.dateline, *article.markers):
            if value:
                self.leftovers.append(Leftover(article.seed, "fragment", value, article.line))
        self.articles.remove(article)

    def article_at(self, item: Correction, anchor_text: str) -> int:
        anchor = norm(anchor_text)
        found = [i for i, a in enumerate(self.articles) if starts_with(a, anchor)]
        if len(found) > 1:
            raise _fail(item, f"{anchor_text!r} starts {len(found)} articles (lines "
                        f"{', '.join(str(self.articles[i].line) for i in found)}): quote more of it")
        if not found:
            inside = [a for a in self.articles if anchor in body_of(a)[0]]
            hint = (f"; it is inside the article at line {inside[0].line} (a [[split]] there would "
                    f"start one)" if inside else "")
            raise _fail(item, f"no article starts with {anchor_text!r}{hint}")
        return found[0]

    # -- [[split]] -------------------------------------------------------------------------
    def split(self, item: Split, text: str) -> None:
        anchor = norm(item.at)
        page, where = norm_map(text)
        places = occurrences(page, anchor)
        if not places:
            raise _fail(item, f"{item.at!r} matches nothing in the seed")
        if len(places) > 1:
            lines = [text.count("\n", 0, where[p]) + 1 for p in places]
            raise _fail(item, f"{item.at!r} matches {len(places)} places (lines "
                        f"{', '.join(map(str, lines))}): quote more of it")
        line = text.count("\n", 0, where[places[0]]) + 1
        if any(starts_with(a, anchor) for a in self.articles):
            return  # an article starts there already (the parser has learnt it)
        # Where the anchor's first words were printed outside the bodies (a byline line, a
        # dateline the parser filed elsewhere), the article starts with the rest of it.
        for skip in range(max(1, len(anchor) - MIN_ANCHOR + 1)):
            rest = anchor[skip:]
            if skip and page.count(rest) > 1:
                break
            if skip and any(starts_with(a, rest) for a in self.articles):
                return
            for ai, article in enumerate(self.articles):
                body, spots = body_of(article)
                at = body.find(rest)
                if at > 0:
                    line = text.count("\n", 0, where[places[0] + skip]) + 1
                    head, tail = _cut(article, *spots[at], line)
                    what = f"split at {show(item.at)!r}"
                    self.articles[ai:ai + 1] = [note(head, what), note(tail, what)]
                    return
            what = f"split at {show(item.at)!r}"
            if self._split_field(rest, what, page) or self._split_leftover(rest, what, page):
                return
        raise _fail(item, f"{item.at!r} (line {line}) is not inside an article's body: "
                    f"`sitegen parse {item.seed}` shows where it is")

    def _split_field(self, anchor: str, what: str, page: str) -> bool:
        """The anchor is in an article's kicker/headline/subtitle (the parser took the first
        lines of a body for a title): from there on, that text starts the body printed right
        after it (the article's own when no other body follows it on the page)."""
        for ai, article in enumerate(self.articles):
            for name in HEAD_FIELDS:
                value = getattr(article, name) or ""
                n, where = norm_map(value)
                at = n.find(anchor)
                if at < 0:
                    continue
                cut = where[at]
                self.articles[ai] = note(replace(article, **{name: value[:cut].strip() or None}), what)
                moved = norm(value[cut:])
                end = page.find(moved) + len(moved) if page.count(moved) == 1 else -1
                self._prepend(self._body_after(end, page, ai), value[cut:].strip(), what)
                return True
        return False

    def _split_leftover(self, anchor: str, what: str, page: str) -> bool:
        """The anchor is in a leftover (a body's first line cut off by a caption and filed
        as a stray title): from there on, that text starts the body printed right after it."""
        for li, left in enumerate(self.leftovers):
            n, where = norm_map(left.text)
            at = n.find(anchor)
            if at < 0:
                continue
            cut = where[at]
            moved = norm(left.text[cut:])
            end = page.find(moved) + len(moved) if page.count(moved) == 1 else -1
            t = self._body_after(end, page, -1)
            if t < 0:
                return False
            if left.text[:cut].strip():
                self.leftovers[li] = replace(left, text=left.text[:cut].strip())
            else:
                del self.leftovers[li]
            self._prepend(t, left.text[cut:].strip(), what)
            return True
        return False

    def _body_after(self, end: int, page: str, default: int) -> int:
        """The article whose body starts first after ``end`` on the page, at most a title's
        length (FOLLOW_GAP characters) further; else ``default``."""
        best, best_at = default, None
        if end < 0:
            return default
        for i, article in enumerate(self.articles):
            start = body_of(article)[0][:6]
            at = page.find(start, end) if len(start) >= 4 else -1
            if 0 <= at - end <= FOLLOW_GAP and (best_at is None or at < best_at):
                best, best_at = i, at
        return best

    def _prepend(self, t: int, text: str, what: str) -> None:
        """``text`` starts article ``t``'s body (its dateline and credit taken as such)."""
        article = self.articles[t]
        piece = Article(seed=article.seed, position=article.position, kicker=None, headline=None,
                        subtitle=None, byline=None, dateline=None, blocks=(Block("paragraph", text, article.line),))
        _, tail = _cut(piece, 0, 0, article.line)
        blocks, rest = list(tail.blocks), list(article.blocks)
        if (blocks and rest and rest[0].kind == "paragraph"
                and not blocks[-1].text.endswith(tuple(SENTENCE_END))):  # one sentence, cut by the title
            blocks[-1] = replace(blocks[-1], text=blocks[-1].text + rest.pop(0).text)
        extra = {x: getattr(tail, x) for x in ("dateline", "byline") if getattr(tail, x)}
        for name, value in extra.items():
            if getattr(article, name):  # the article has one: this one stays text
                self.leftovers.append(Leftover(article.seed, "fragment", value, article.line))
        fields = {x: v for x, v in extra.items() if not getattr(article, x)}
        self.articles[t] = note(replace(article, **fields, blocks=tuple(blocks + rest),
                                         markers=tail.markers + article.markers), what)

    # -- [[join]] --------------------------------------------------------------------------
    def join(self, item: Join) -> None:
        j = self.article_at(item, item.at)
        if item.to is not None:
            i = self.article_at(item, item.to)
            if i == j:
                raise _fail(item, f"{item.at!r} and {item.to!r} start the same article")
        elif j == 0:
            raise _fail(item, f"the article starting with {item.at!r} is the first of the seed: "
                        "there is none before it to continue")
        else:
            i = j - 1
        first, second = self.articles[i], self.articles[j]
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
        if (before and blocks and blocks[0].kind == "paragraph"
                and not before[-1].text.rstrip().endswith(tuple(SENTENCE_END))):
            # a sentence running on: one paragraph (a "subhead" that runs on was none)
            before[-1] = Block("paragraph", before[-1].text + blocks.pop(0).text, before[-1].line)
        joined = replace(first, byline=byline, blocks=tuple(before + blocks),
                         markers=first.markers + second.markers,
                         corrections=first.corrections + second.corrections)
        self.articles[i] = note(joined, f"joined with the article at {show(item.at)!r}")
        del self.articles[j]

    # -- [[headline]] ----------------------------------------------------------------------
    def headline(self, item: Headline, t: int) -> None:
        """In reading order (kicker, headline, subtitle): a headline block the parser took
        for a paragraph is then taken from its front, one text after another."""
        if item.kicker:
            self._set_slot(t, item, "kicker", item.kicker)
        self._set_headline(t, item)
        if item.subtitle:
            self._set_slot(t, item, "subtitle", item.subtitle)

    def _set_headline(self, t: int, item: Headline) -> None:
        wanted = norm(item.text)
        target = self.articles[t]
        if norm(target.headline) == wanted:  # the same characters: keep the maintainer's spacing
            what = "headline confirmed" if target.headline == item.text else "headline spacing corrected"
            self.articles[t] = note(replace(target, headline=item.text), what)
            return
        if self._from_own_fields(t, item, wanted):
            return
        what = self._from_elsewhere(t, item, "headline", item.text)
        target = self.articles[t]
        if target.headline:
            self.leftovers.append(Leftover(target.seed, "headline", target.headline, target.line))
        self.articles[t] = note(replace(target, headline=item.text), what)

    def _set_slot(self, t: int, item: Headline, slot: str, value: str) -> None:
        """Give the article this kicker or subtitle: from the slot itself, the other slot, or
        (as a headline text is) from elsewhere on the page. What the slot held goes to the
        leftovers."""
        wanted = norm(value)
        article = self.articles[t]
        other = "subtitle" if slot == "kicker" else "kicker"
        old = getattr(article, slot) or ""
        if norm(old) == wanted:
            self.articles[t] = replace(article, **{slot: value})
            return
        what = f"{slot} corrected"
        own = take([old], wanted)
        if own is not None:
            old = joined(*own[0][0])
        else:
            for name in ("headline", other):  # e.g. a kicker glued in front of the headline
                cut = take([getattr(article, name) or ""], wanted)
                if cut is not None:
                    self.articles[t] = replace(article, **{name: joined(*cut[0][0]) or None})
                    break
            else:
                what = self._from_elsewhere(t, item, slot, value)
        article = self.articles[t]
        if old:
            self.leftovers.append(Leftover(article.seed, "headline", old, article.line))
        self.articles[t] = note(replace(article, **{slot: value}), what)

    def _from_elsewhere(self, t: int, item: Headline, field: str, value: str) -> str:
        """Take ``value`` from the leftovers, another article or a body; say how it was found."""
        wanted = norm(value)
        if self._from_leftovers(wanted) or self._from_other_articles(t, wanted) or self._from_blocks(t, wanted):
            return f"{field} moved from the page"
        if not item.editorial:
            where = ("only inside body text, not as a title" if wanted in norm(self.text)
                     else "nowhere in the seed (a typo?)")
            raise _fail(item, f"the {field} {value!r} is printed {where}; "
                        "if it is an editorial text, add editorial = true")
        return f"editorial {field} (not printed as a title on the page)"

    def _from_own_fields(self, t: int, item: Headline, wanted: str) -> bool:
        """The text is in the article's own kicker/headline/subtitle (e.g. two lines of one
        headline, or a label glued in front): rebuild the three fields around it."""
        article = self.articles[t]
        fields = [getattr(article, name) or "" for name in HEAD_FIELDS]
        cut = take(fields, wanted)
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
        self.articles[t] = note(replace(article, **new), "headline corrected from its own lines")
        return True


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
