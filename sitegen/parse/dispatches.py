"""A round-up's dispatches: a text opened by a dateline in the run of a story, under no headline.

A round-up (综合报道, 各地……) gathers what several bureaus filed on one subject under one
headline, each later part opened by the dateline of the bureau that filed it (本报北京3月5日电
……, 新华社上海3月5日电（记者 王伟）……), printed one after another in the story's run with no
title between them. A dateline opens a story once: a story of its own opens under its
headline (or its headline is printed under its text, on a page that prints them so), or,
continued from another page, under a 上接 marker. So a dated text is the next dispatch of
the story printed right above it when

* it names the day it was filed (本报北京3月5日电; a bare 本报讯 names no bureau),
* nothing but a blank line parts it from that story's text,
* that text was not closed (by a credit, a 下转 marker or an unfinished sentence, which
  says the story is cut off there) and is no continuation (a continued text is headless
  because its headline is on another page, not because it is a dispatch; so is the rest
  of an interrupted story, opening mid-sentence),
* the two name the same day when the story above opens with a dated dateline (a day's
  round-up gathers that day's dispatches; stories side by side are often filed on
  different days),
* one of the two was left without a headline: a page gives each story a headline, so
  when both carry one they are two stories,
* the headlines printed nearest around the two each head one story: a page printing its
  headlines together, no story's text between them (a group after the stories they
  head, a block at the top), runs those stories one after another with nothing between
  them, so a text printed right under another is no evidence there (but when the page
  prints them all in one block, above or under all its stories, holding fewer headlines
  than it has stories not continued from elsewhere, the block's count says some dated text
  is no story of its own: that holds when the story above opens with a dateline naming the
  same day, which ties the two in a day's round-up), and
* it reports on that story's subject (shares its words).

Only bodies opened by a dateline are read (most pages hold few).

Once joined, a dispatch is read again by the self-doubt (``mid_start``, :mod:`.doubt_fits`)
the way an editor reads a round-up: a later dispatch naming the day its story names (or
filed under a story naming none, opened by 本报讯) and reporting on the story's subject
(:func:`expected_dispatch`) is what a round-up prints, no doubt; one naming another day, or
sharing few of the story's words, may be a story of its own and keeps the doubt.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from . import lines as L
from .assign import Assignment, Scorer
from .bigrams import joined_bigram_set
from .paragraphs import Para
from .resume import Body
from .text import Vocabulary

#: A round-up's dispatches report on one subject: the opening of a dispatch (OPENING
#: characters) shares at least MIN_SHARED of its words (IDF-weighted bigrams,
#: ``Scorer.content``) with the text above it.
OPENING = 200
MIN_SHARED = 0.03
#: Lines between the end of one body and the start of the next when nothing but a blank
#: line parts them (one more may be a 下转 marker or a caption: something printed between).
ADJACENT = 2
#: A finished sentence: what the paragraph before a dispatch ends with.
SENTENCE_END = tuple("。！？!?”』…")
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
#: A dispatch names where and when it was filed (本报北京3月5日电, 新华社上海３月５日电): that is
#: what sets it apart inside the round-up. A bare 本报讯 names no bureau; it opens a story.
FILED_ON = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日")
#: A joined dispatch is expected, no doubt, when its opening (OPENING characters) shares at
#: least EXPECTED_SHARED of its words with its story's text before it: twice what the join
#: asks (MIN_SHARED, of the text right above). Below it, right and wrong joins come about
#: as often (--wider tuning sets 1-5, 21-25, 31-35, both pools: 9 wrong, 6 right).
EXPECTED_SHARED = 0.06


def _opens_dispatch(body: Body) -> bool:
    """Whether ``body`` opens with a bureau's dateline, naming when it was filed (the
    segmenter starts a piece there: a hard start)."""
    return body.start == "hard" and not L.START_MARKER_RE.match(body.paras[0].raw) \
        and _filed_on(body) is not None


def _filed_on(body: Body) -> str | None:
    """The day ``body``'s opening dateline names (full-width digits read as ASCII), or None."""
    return _day_of(body.paras[0])


def _day_of(para: Para) -> str | None:
    """The day the dateline opening ``para`` names (full-width digits read as ASCII), or None."""
    m = None if para.subhead else L.DATELINE_START_RE.match(para.raw)
    day = FILED_ON.search(m.group(0)) if m else None
    return day.group(0).translate(FULL_WIDTH) if day else None


def expected_dispatch(paras: list[Para], k: int, vocab: Vocabulary) -> bool:
    """Whether paragraph ``k`` of a story's ``paras`` (subheads aside) reads as the next
    dispatch of a round-up: it opens with a dateline naming its day, the story's opening
    names that day or none (本报讯, or no dateline), and its opening shares at least
    EXPECTED_SHARED of its words with the story's text before it."""
    day = _day_of(paras[k])
    if day is None or L.START_MARKER_RE.match(paras[k].raw):
        return False
    if _day_of(paras[0]) not in (None, day):
        return False
    opening = "".join(p.raw for p in paras[k:])[:OPENING]
    before = joined_bigram_set(tuple(t for p in paras[:k] for t in p.parts()))
    return vocab.coverage(opening, before) >= EXPECTED_SHARED


def _open_story(body: Body) -> bool:
    """Whether ``body``'s text may go on: its last paragraph a finished sentence not closed
    by a credit or a 下转 marker (one ending mid-sentence is cut off, its rest elsewhere)."""
    last = body.paras[-1]
    raw = last.raw.rstrip()
    return not last.subhead and not last.end_marker and raw.endswith(SENTENCE_END) \
        and L.end_credit_at(raw) is None


def headed_regions(bodies: list[Body], result: Assignment) -> list[tuple[int, int]]:
    """Each run of headlines printed together (no body's text starts between them) that
    heads bodies: its first line and the count of bodies its headlines head (two or more:
    a group, a block), in the page's order. Read from where each headline is printed, not
    from its region's index (a headline paired from a banner carries none)."""
    starts = sorted(s for b in bodies for s, _ in b.spans)
    out: list[tuple[int, int, int]] = []  # (first line, bodies headed, body spans started before it)
    for line in sorted(g.line for g in result.by_body.values() if g.units):
        before = bisect.bisect(starts, line)
        if out and out[-1][2] == before:
            out[-1] = (out[-1][0], out[-1][1] + 1, before)
        else:
            out.append((line, 1, before))
    return [(line, n) for line, n, _ in out]


def _headed_apart(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the headlines printed nearest before line ``start`` and nearest after line
    ``end`` each head one body (``regions``: :func:`headed_regions`), not several as a
    group or a block does."""
    before = [n for line, n in regions if line < start][-1:]
    after = [n for line, n in regions if line > end][:1]
    return all(n < 2 for n in before + after)


def _too_few_heads(block_heads: int | None, stories: int) -> bool:
    """Whether the page prints all its headlines in one block (above all its stories or
    under them all) holding fewer headlines (``block_heads``, :func:`.blockorder.block_items`:
    None when the page has no such block) than the page holds stories not continued from
    elsewhere (``stories``): the block gives each story one headline, so its count says some
    dated text is no story of its own. (Read only when the story above opens with a dated
    dateline naming the dispatch's day: nothing printed near them tells the two apart, but a
    day's round-up gathers that day's dispatches.)"""
    return block_heads is not None and 2 <= block_heads < stories


def dispatch_of(bodies: list[Body], result: Assignment, continued: set[int], scorer: Scorer,
                block_heads: int | None = None) -> dict[int, int]:
    """``{body: the body it continues}`` for each dispatch (see the module's doc);
    ``block_heads``: the count of headlines in the page's one block of headlines, if any
    (:func:`_too_few_heads`)."""
    out: dict[int, int] = {}
    regions: list[tuple[int, int]] | None = None  # (made when a dated text sits under an open story)
    headed = {i: i in result.by_body for i in range(len(bodies))}  # the story's, once joined
    for i in range(1, len(bodies)):
        body, prev = bodies[i], bodies[i - 1]
        if not prev.spans or i in continued or i - 1 in continued or not _opens_dispatch(body):
            continue
        root = out.get(i - 1, i - 1)
        if headed[i] and headed[root] or bodies[root].start == "orphan":
            continue  # (text opening mid-sentence is a story's rest, headless for that)
        day = _filed_on(bodies[root])
        if day is not None and day != _filed_on(body):
            continue  # (a day's round-up: its dispatches are filed the day it names)
        if not (0 < body.line - prev.spans[-1][1] <= ADJACENT and _open_story(prev)):
            continue
        regions = headed_regions(bodies, result) if regions is None else regions
        if (_headed_apart(regions, bodies[root].spans[0][0], body.spans[-1][1])
                or day is not None and _too_few_heads(block_heads, len(bodies) - len(continued))) \
                and scorer.content(body.text[:OPENING], i - 1) >= MIN_SHARED:
            out[i] = root
            headed[root] = headed[root] or headed[i]
    return out


def join_dispatches(bodies: list[Body], result: Assignment, continued: set[int], scorer: Scorer,
                    block_heads: int | None = None) -> tuple[list[Body], Assignment, set[int]] | None:
    """The bodies with each dispatch joined to the story it continues, the assignment and
    the continued bodies renumbered; None when the page holds no dispatch. ``block_heads``:
    as for :func:`dispatch_of`."""
    joins = dispatch_of(bodies, result, continued, scorer, block_heads)
    if not joins:
        return None
    out: list[Body] = []
    index: dict[int, int] = {}  # old body index -> new
    for i, body in enumerate(bodies):
        if i in joins:  # (joined to its story's first body, printed before it)
            k = index[joins[i]]
            prev = out[k]
            out[k] = replace(prev, paras=[*prev.paras, *body.paras], embedded=[*prev.embedded, *body.embedded],
                             spans=[*prev.spans, *body.spans])
            index[i] = k
            continue
        index[i] = len(out)
        out.append(body)
    placed = replace(result, by_body={index[i]: g for i, g in result.by_body.items()},
                     items={index[i]: g for i, g in result.items.items()})
    return out, placed, {index[i] for i in continued}
