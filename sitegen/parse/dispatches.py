"""A round-up's dispatches: a text opened by a dateline in the run of a story, under no headline.

A round-up (综合报道) gathers what several bureaus filed on one subject under one headline,
each part opened by the dateline of the bureau that filed it (本报北京3月5日电　……, 新华社上海
3月5日电（记者 王伟）……), printed one after another in the story's run. A story of its own
opens under its headline, or, continued from another page, under a 上接 marker; a dated text
the page gives no headline, with no 上接 marker, printed right under the text of a story
that its credit or a 下转 marker has not closed, is the next dispatch of that story, not a
story. Only bodies opened by a dateline and left without a headline by the placement are
read (most pages hold none).
"""
from __future__ import annotations

from dataclasses import replace

from . import lines as L
from .assign import Assignment, Scorer
from .resume import Body

#: A round-up's dispatches report on one subject: the opening of a dispatch (OPENING
#: characters) shares at least MIN_SHARED of its words (IDF-weighted bigrams,
#: ``Scorer.content``) with the text above it. Set on the tuning pages (pd1998 RNG 1-5: the
#: three dated texts wrongly joined to the story above on default pages share 0.02-0.05;
#: 42 of 50 dispatches share 0.06 or more).
OPENING = 200
MIN_SHARED = 0.06
#: Lines between the end of one body and the start of the next when nothing but blank lines
#: parts them (a blank line or two: a column break at a paragraph's end prints two).
ADJACENT = 3


def _opens_dated(body: Body) -> bool:
    paras = [p for p in body.paras if not p.subhead]
    return bool(paras) and paras[0] is body.paras[0] and not L.START_MARKER_RE.match(paras[0].raw) \
        and L.DATELINE_START_RE.match(paras[0].raw) is not None


def _open_story(body: Body) -> bool:
    """Whether ``body``'s text may go on: not closed by a credit or a 下转 marker."""
    last = body.paras[-1]
    return not last.subhead and not last.end_marker and L.closing_credit(last.raw) is None


def dispatch_of(bodies: list[Body], result: Assignment, continued: set[int], scorer: Scorer) -> dict[int, int]:
    """``{body: the body it continues}`` for each dispatch: opened by a dateline, printed
    right under an open story's text whose words it shares, one of the two left without a
    headline and not continued from elsewhere (a page printing its headlines after their
    texts gives the round-up's headline to its last dispatch, the text above it none)."""
    out: dict[int, int] = {}
    for i in range(1, len(bodies)):
        body, prev = bodies[i], bodies[i - 1]
        if not _opens_dated(body) or not prev.spans or i in continued:
            continue
        headless = i not in result.by_body
        if not headless and (i - 1 in result.by_body or i - 1 in continued):
            continue
        if 0 < body.line - prev.spans[-1][1] <= ADJACENT and _open_story(prev) \
                and scorer.content(body.text[:OPENING], i - 1) >= MIN_SHARED:
            out[i] = i - 1
    return out


def join_dispatches(bodies: list[Body], result: Assignment,
                    continued: set[int], scorer: Scorer) -> tuple[list[Body], Assignment, set[int]] | None:
    """The bodies with each dispatch joined to the story it continues, the assignment and
    the continued bodies renumbered; None when the page holds no dispatch."""
    joins = dispatch_of(bodies, result, continued, scorer)
    if not joins:
        return None
    out: list[Body] = []
    index: dict[int, int] = {}  # old body index -> new
    for i, body in enumerate(bodies):
        if i in joins:
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
