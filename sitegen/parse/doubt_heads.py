"""Typographic cues for self-doubt (:mod:`.doubts`) on an article's headline block and
on the first line of its lead: what a reader of the printed page sees is not a whole
headline or not a body's first line.

* ``repeated`` — the headline's words are printed again, alone, elsewhere on the page and
  head nothing there: a page prints a story's headline once, and a line it prints twice
  is a banner or running title over the page or a run of stories, so the article (a
  continuation, a brief) may have been printed without a headline;
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
  a byline printed as its own paragraph, so the story's first paragraph is the next one;
* ``cut_above`` — the lead's first words finish the line printed right above it (one
  blank line between at most), a line of running text (a clause mark in it, or as wide as
  the lead's column) that stops mid-sentence, a word across the break (…举行中国新 |
  春民族音乐会…; …正式批准组 | 成一个…) or a number cut from its unit: a column break
  inside the story's first sentence, so the story starts above, with that line;
* ``kicker_below`` — the line read as the kicker (引题) is printed below the headline, or
  the block holds two lines a Markdown dump marks as headings: a kicker stands over its
  headline and a dump marks one title per story, so two headlines were joined;
* ``wide_gap`` — two lines of the headline block are printed two or more blank lines
  apart: a headline's kicker, main line and subtitle stand together (a blank line between
  them at most), a wider gap parts one story's title from the next;
* ``runs_on`` — the headline's last words run on into the first words of a body on the
  page, a word across the break (…解决国际 | 争端，…; …协会副秘 | 书长…), a number cut
  from its unit (…１月１４ | 日选举…) or a counted noun cut from its number and measure word
  (…送还一顶 | 帽子，…): a body's line taken for a headline. The text it runs
  into is doubted too, and so is the story whose end is printed right over that line (one
  blank line at most): the line is most likely that story's next paragraph, cut off (乔石说：
  我们主张和平解决国际 under the end of 乔石会见伊拉克议长);
* ``byline_text`` — the byline holds words of running text (的, 了, 在此间, 获悉): a byline
  names an outlet, a role and people, so the lead's first words were read into it
  (记者萧关根在此间举行的全国气象局长会议上获悉：…, the story's first sentence) and the
  lead starts mid-sentence.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from . import lines as L
from .headlines import Group, is_bracket_label
from .title_roles import role_units
from .paragraphs import Para
from .run_on import NUMBER_END, NUMBER_UNITS, runs_on
from .text import ends_sentence, visual_width, word_spanning

if TYPE_CHECKING:  # the signals these rules read (:mod:`.doubts` imports this module)
    from ..models import Leftover
    from .assign import Assignment
    from .doubts import Signals

# verbs after which a statement must follow (a kicker ending …时强调 sits over the headline
# that says what was stressed); 讲话 / 致辞 ("gave a speech") end a whole headline
ANNOUNCING = ("强调", "指出", "表示", "认为", "要求", "提出", "希望", "透露", "表明", "说")
# a line this much narrower than the column it was joined to, or wider, is no column line
# (a column line is as wide as its column, give or take punctuation hanging at its end)
NARROWER, WIDER = 1.5, 0.5
_BRACKETS = re.compile(r"[（()）]")
WIDE_GAP = 2  # lines from one title line to the next beyond which blank lines part them (2: one blank)
RUN_ABOVE = 2  # a body ending this many lines above such a headline (one blank line) was printed right over it
# words of running text that no byline holds (particles, a reporter's "here", "learnt")
RUNNING_TEXT = re.compile(r"[的了]|在此间|获悉")


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


def cut_above(paras: Sequence[Para], page: Sequence[str]) -> tuple[int, int, str] | None:
    """(the lead's first line, the line above it, what runs across) when the lead goes on
    from the line printed above it (see the module's docstring); None otherwise. ``page``:
    the page's lines (line N is ``page[N - 1]``)."""
    if not paras or not paras[0].chunks or paras[0].hard_start:
        return None
    first = paras[0].chunks[0].lines[0]
    at = first.no - 2  # index of the line above
    if at >= 0 and not page[at].strip():
        at -= 1  # one blank line: a column break
    above = page[at].strip() if at >= 0 else ""
    if not above or ends_sentence(above) or L.DATELINE_START_RE.match(above):
        return None
    if not (_TEXT_MARK.search(above) or visual_width(above) >= first.width - NARROWER):
        return None  # not a line of running text: a title's (runs_on reads those)
    if NUMBER_END.search(above) and first.text.startswith(NUMBER_UNITS):
        what: str | None = above[-2:] + first.text[0]  # …１月１４ | 日…
    else:
        what = word_spanning(above, first.text)
    return (first.no, at + 1, what) if what else None


_TEXT_MARK = re.compile(r"[，,、；;：:]")  # a clause mark: running text, not a title line


def kicker_below(group: Group) -> tuple[int, int, bool] | None:
    """(line of a kicker unit printed below the headline, the headline's line, False), or
    (lines of the first two units marked as headings (## …), True); None when neither."""
    if len(group.units) < 2:  # the pieces of one printed unit share its line
        return None
    _labels, kickers, head, _subs = role_units(group)
    if head is None:
        return None
    # (a series label read by its place is printed after the byline, below the headline, as
    # the seeds do: not counted)
    below = [u.line for u in kickers if u.line > head.line]
    if below:
        return min(below), head.line, False
    headings = sorted(u.line for u in group.units if u.heading)
    return (headings[1], headings[0], True) if len(headings) >= 2 else None


def wide_gap(group: Group) -> tuple[int, int] | None:
    """(last line of a unit, first line of the next) when two or more blank lines part
    them; labels aside (a series label is printed after the byline)."""
    units = sorted((u for u in group.units if not (u.label or is_bracket_label(u.text))), key=lambda u: u.line)
    for a, b in zip(units, units[1:]):
        end = a.line + a.n_lines - 1
        if b.line - end > WIDE_GAP:
            return end, b.line
    return None


def mark_runs_on(result: "Assignment", texts: Sequence[Sequence[Para]], out: Sequence["Signals"]) -> None:
    """``runs_on`` of every headed body: its headline's last printed words run on into the
    first paragraph of some body of the page (``texts``: each body's paragraphs, subheads
    aside; ``out``: their signals)."""
    # (a text opening with a dateline or a continuation marker starts where it says)
    openings = [(j, ps[0].line, ps[0].raw) for j, ps in enumerate(texts) if ps and not ps[0].hard_start]
    for i, group in result.by_body.items():
        units = [u for u in group.units if not (u.label or is_bracket_label(u.text))]
        if not units:
            continue
        last = max(units, key=lambda u: u.line)
        found = next(((j, line, what) for j, line, text in openings if (what := runs_on(last.text, text))), None)
        if found is not None:
            j, line, what = found
            if j != i:  # the text the line was cut from: doubted too
                out[j].runs_on = (last.line, line, what, False)
            out[i].runs_on = (last.line, line, what, True)
            above = _ending_above(texts, group.line)
            if above is not None and above not in (i, j):
                out[above].runs_under = (last.line, line, what)


def _ending_above(texts: Sequence[Sequence[Para]], line: int) -> int | None:
    """The body whose text ends on the line above ``line`` or one blank line above it."""
    for k, ps in enumerate(texts):
        if ps and ps[-1].chunks and 0 < line - ps[-1].chunks[-1].lines[-1].no <= RUN_ABOVE:
            return k
    return None


# The rules' reasons (doubts.RULES), one table: (rule, the Signals field it reads, its reason).
# The reason is formatted with the field's value (a line, or a tuple of what the cue found);
# a pair of reasons is chosen by the value's last item (False, True). A rule with several
# rows says the first whose field is set.
REASONS: tuple[tuple[str, str, str | tuple[str, str]], ...] = (
    ("repeated", "repeated",
     "the headline at line {0} is printed again at line {1}, heading nothing there: a banner, "
     "the story printed without a headline?"),
    ("label_only", "label_only",
     "the headline at line {0} is only a section label: its own headline went elsewhere?"),
    ("open_head", "open_head",
     "the headline at line {0} ends on “{1}” with nothing after it: its main line went elsewhere?"),
    ("open_head", "under_open",
     "the headline at line {0} may be the main line under the one at line {1}: one story split?"),
    ("lead_line", "lead_line",
     "the lead's first line ({0}: {1}) reads like a headline line, not a column's: part of a headline?"),
    ("credit_lead", "credit_lead",
     "the lead at line {0} is only a credit {1}: the story's first paragraph is the next one?"),
    ("cut_above", "cut_above",
     "the lead at line {0} goes on from the line {1} above it (“{2}”): the story starts earlier?"),
    ("kicker_below", "kicker_below",
     ("the kicker at line {0} is printed below its headline (line {1}): two headlines joined?",
      "the lines {1} and {0} are both marked as headings (##): two headlines joined?")),
    ("wide_gap", "wide_gap",
     "the headline's lines {0} and {1} are printed two or more blank lines apart: two headlines joined?"),
    ("runs_on", "runs_under",
     "the line at {0}, printed under its end, runs on into the text at line {1} (“{2}”): its story goes on there?"),
    ("runs_on", "runs_on",
     ("its opening at line {1} goes on from the headline at line {0} (“{2}”): that line is this text's?",
      "the headline at line {0} runs on into the text at line {1} (“{2}”): a line of a body, not a headline?")),
    ("byline_text", "byline_text",
     "the byline “{0}” reads like running text: the lead's first words taken into it?"),
)


def repeated(group: Group, leftovers: Sequence[Leftover]) -> tuple[int, int] | None:
    """(headline line, line) of a title left over elsewhere on the page that prints the
    headline's words again (whitespace aside), or None."""
    words = "".join(group.match_text.split())
    for x in leftovers:
        if x.kind in ("headline", "banner") and x.line != group.line and "".join(x.text.split()) == words:
            return group.line, x.line
    return None


def byline_text(byline: str | None) -> str | None:
    """The byline when it holds words of running text (see the module's docstring), else None."""
    return byline if byline and RUNNING_TEXT.search(byline) else None


def _reason(rows: Sequence[tuple[str, str | tuple[str, str]]]):
    """The rule of ``rows`` ((field, reason) of one rule name in :data:`REASONS`): the
    first set field's reason, or None."""
    def rule(s: "Signals") -> str | None:
        for fld, say in rows:
            value = getattr(s, fld)
            if value:
                args = value if isinstance(value, tuple) else (value,)
                return (say[bool(args[-1])] if isinstance(say, tuple) else say).format(*args)
        return None
    return rule


def rules(table: Sequence[tuple[str, str, str | tuple[str, str]]]) -> tuple:
    """(rule name, rule) for doubts.RULES of a table of reasons such as :data:`REASONS`, in
    the table's order."""
    return tuple((name, _reason([(f, say) for n, f, say in table if n == name]))
                 for name in dict.fromkeys(n for n, _f, _s in table))


RULES = rules(REASONS)
