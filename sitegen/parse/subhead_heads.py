"""A title read as an in-body subhead that is the headline of the story above it, on a page
whose headlines are printed after their bodies (issue 18: "body A, headline A, body B,
headline B" read as one body with headline A as a subhead and headline B on top).

The segmenter decides a title between two paragraphs line by line (:mod:`.segment`); the
page as a whole says more. On a page that prints its headlines after their bodies (no title
over its first text, titles under its last), the titles printed right after a body are its
headline, and a story's lead repeats its headline's words. When those titles share (next to) nothing with
the body's lead but do share words with the paragraph under an in-body title, the story
they head starts under that title; and when that title repeats the text above it clearly
more than the text below it, it is the headline of the story above, printed after it as
every headline of the page is. The body is cut there and the title goes to the headlines
(the placement then decides whose it is).
"""
from __future__ import annotations

from .blocks import Element
from .paragraphs import Para
from .resume import Body
from .segment import Layout
from .text import Vocabulary, joined_bigram_set, word_across

# the headline after the body repeats nothing of the body's lead (at most this share of its
# words), and words of the paragraph under the in-body title (at least this share)
NOT_IN_LEAD, IN_LEAD = 0.05, 0.1
# the in-body title repeats the text above it (at least this share of its words), and more
# than OVER times as much as the paragraph under it (the lead of the story the titles after
# the body head: that story may be long, and share the page's subject with the one above)
ABOVE, OVER = 0.15, 2.0
_TITLES = ("title", "heading")


def _grams(paras: list[Para]) -> set[str]:
    return joined_bigram_set([t for p in paras if not p.subhead for t in p.parts()])


def _titles_after(layout: Layout, last: int, next_first: int | None) -> str:
    """The title lines printed right after line ``last`` (before the next body's first line
    ``next_first``), joined; "" when none."""
    for region in layout.regions:
        els = [el for el in region.elements if el.kind in _TITLES]
        if not els or els[0].line <= last:
            continue
        if next_first is not None and els[0].line > next_first:
            return ""
        return "".join(el.text for el in els)
    return ""


def _heads_after(layout: Layout) -> bool:
    """Does the page print no title over its first text and titles under its last (its
    headlines after their bodies)? A page of both conventions may end on a story's text."""
    if not layout.regions or not layout.pieces:
        return False
    first, last = layout.regions[0], layout.regions[-1]
    return not (first.after is not None and any(el.kind in _TITLES for el in first.elements)) \
        and last.after is None and any(el.kind in _TITLES for el in last.elements)


def _headline_above(body: Body, k: int, after: str, next_lead: list[Para], vocab: Vocabulary) -> bool:
    """Is the in-body title ``body.paras[k]`` the headline of the text above it, ``after``
    the titles printed after the body, ``next_lead`` the paragraph printed under them?"""
    above = [p for p in body.paras[:k] if not p.subhead]
    below = [p for p in body.paras[k + 1:] if not p.subhead]
    if not above or not below or body.paras[k + 1].subhead:
        return False
    heads = vocab.coverage(after, _grams(below[:1]))
    if vocab.coverage(after, _grams(above[:1])) > NOT_IN_LEAD or heads < IN_LEAD:
        return False
    if next_lead and vocab.coverage(after, _grams(next_lead)) >= heads:
        return False  # (the titles may head the story printed under them: a page of both conventions)
    title = body.paras[k].raw
    if word_across(title, below[0].raw):
        return False  # (a word runs on into the paragraph under it, 经|验: a line of prose)
    over, under = vocab.coverage(title, _grams(above)), vocab.coverage(title, _grams(below[:1]))
    return over >= ABOVE and over > OVER * under


def _split_spans(spans: list[tuple[int, int]], above_last: int, below_first: int):
    up: list[tuple[int, int]] = []
    down: list[tuple[int, int]] = []
    for first, last in spans:
        if last <= above_last:
            up.append((first, last))
        elif first >= below_first:
            down.append((first, last))
        else:
            up.append((first, above_last))
            down.append((below_first, last))
    return up, down


def _cut_at(body: Body, k: int) -> tuple[Body, Body]:
    """``body`` cut at its in-body title ``paras[k]``, which goes with the part above as a
    title printed inside it (:meth:`.build._Page.peel` reads it as a headline)."""
    title: Element = body.paras[k].chunks[0]
    title.kind = "title"
    line = body.paras[k].line
    up_spans, down_spans = _split_spans(body.spans, body.paras[k - 1].chunks[-1].lines[-1].no,
                                        body.paras[k + 1].line)
    up = Body(body.paras[:k], body.start, [el for el in body.embedded if el.line < line] + [title], up_spans)
    down = Body(body.paras[k + 1:], "split", [el for el in body.embedded if el.line > line], down_spans)
    return up, down


def retitled(bodies: list[Body], layout: Layout) -> list[Body]:
    """``bodies`` with each body cut at an in-body title that heads the story above it
    (see the module's docstring); the list given when nothing is cut."""
    if not bodies or not _heads_after(layout):
        return bodies
    by_start = {b.line: b for b in bodies}
    starts = sorted(by_start)
    out: list[Body] = []
    changed = False
    for body in bodies:
        rest = body
        while any(p.subhead for p in rest.paras[1:]):
            later = [s for s in starts if s > rest.spans[-1][1]]
            after = _titles_after(layout, rest.spans[-1][1], later[0] if later else None)
            next_lead = [p for p in by_start[later[0]].paras if not p.subhead][:1] if later else []
            k = next((k for k, p in enumerate(rest.paras) if k and p.subhead and len(p.chunks) == 1
                      and p.chunks[0].kind == "title" and after
                      and _headline_above(rest, k, after, next_lead, layout.vocab)), None)
            if k is None:
                break
            up, rest = _cut_at(rest, k)
            out.append(up)
            changed = True
        out.append(rest)
    return out if changed else bodies
