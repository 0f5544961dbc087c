"""Typographic cues for self-doubt (:mod:`.doubts`) on an article's headline block and
on the first line of its lead: what a reader of the printed page sees is not a whole
headline or not a body's first line.

* ``label_only`` — every line of the headline block is a bracketed section label
  (【今日聚焦】): a label is printed over a headline, not instead of one, so the article's
  own headline may have gone elsewhere (into the lead, to another article, or left over);
* ``open_head`` — the headline block ends on a verb that announces a statement
  (…座谈时强调, …批示指出) with nothing printed after it: such a line is the kicker over
  the main headline, which went elsewhere;
* ``lead_line`` — the lead's first line has no clause mark, no bracket and no dateline,
  stops short of (or runs past) the column of the text it was joined to across a break:
  a line of a headline (another story's, or this one's) taken in as the lead's start;
* ``credit_lead`` — the lead is nothing but a bracketed credit (（李登）, （记者王连志、杨元勇）):
  a byline printed as its own paragraph, so the story's first paragraph is the next one.
"""
from __future__ import annotations

import re
from typing import Sequence

from . import lines as L
from .headlines import Group, is_bracket_label
from .segment import Para

# verbs after which a statement must follow (a kicker ending …时强调 sits over the headline
# that says what was stressed); 讲话 / 致辞 ("gave a speech") end a whole headline
ANNOUNCING = ("强调", "指出", "表示", "认为", "要求", "提出", "希望", "透露", "表明", "说")
# a line this much narrower than the column it was joined to, or wider, is no column line
# (a column line is as wide as its column, give or take punctuation hanging at its end)
NARROWER, WIDER = 1.5, 0.5
_BRACKETS = re.compile(r"[（()）]")


def label_only(group: Group) -> bool:
    """Is every line of the headline block a bracketed section label? (Not a line the
    parser took as a series label by its place: that is shown as the headline.)"""
    return bool(group.units) and all(is_bracket_label(u.text) for u in group.units)


def open_head(group: Group) -> str | None:
    """The announcing verb the headline block ends on, or None."""
    last = next((u.text.rstrip() for u in reversed(group.units)
                 if not (u.label or is_bracket_label(u.text))), "")
    return next((v for v in ANNOUNCING if last.endswith(v)), None)


def lead_line(paras: Sequence[Para]) -> tuple[int, str] | None:
    """(line, text) of the lead's first line when it reads like a headline line rather
    than the first line of a paragraph (see the module's docstring); None otherwise."""
    if not paras or len(paras[0].chunks) < 2 or len(paras[0].chunks[0].lines) != 1:
        return None
    first, column = paras[0].chunks[0].lines[0], max(ln.width for ln in paras[0].chunks[1].lines)
    text = first.text
    if L.SENTENCE_PUNCT_RE.search(text) or _BRACKETS.search(text) or L.DATELINE_START_RE.match(text):
        return None
    if column - NARROWER <= first.width <= column + WIDER:
        return None
    return first.no, text


def credit_lead(paras: Sequence[Para]) -> tuple[int, str] | None:
    """(line, text) of a lead that is only a bracketed credit (not an enumerator such as
    （三）); None otherwise."""
    if not paras:
        return None
    text = paras[0].raw.strip()
    m = L.CREDIT_BRACKET_RE.match(text)
    if m is None or m.end() != len(text) or L.ENUM_LINE_RE.match(text):
        return None
    return paras[0].line, text
