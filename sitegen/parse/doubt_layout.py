"""Self-doubt (:mod:`.doubts`) from how a headline line is printed and where it stands
between the texts of the page.

* ``dot_join`` — one printed line of the headline block joins two titles with a middle dot
  (民营经济高质量发展一线观察·企业家风采 · 田睿：巾帼薯香飘绿野…): a dot inside a title joins
  short names (艾尔肯·吐尼亚孜) or the words of a series name, while a kicker printed on
  the headline's own line is parted from it by a dot, with a whole title after it (at least
  DOT_AFTER characters up to the next clause mark, or a title of clauses: 风成于上，俗化于下)
  and a phrase before it (at least DOT_BEFORE): kicker and headline were taken as one headline (a foreign name printed after
  five characters or more of a headline with no clause mark between, 美宇航员安德鲁·托马斯…,
  reads the same: a false doubt this rule accepts);
* ``next_headless`` — the headline is printed between the end of its text and the start
  of the next text, and that next text has no headline of its own (no 上接 marker, no
  opening mid-sentence): a page prints each story's headline once, either above or below
  it, so the line may head the text after it, or be a subhead of one story that goes on
  there;
* ``mid_headed`` — the text opens mid-sentence (its first line goes on from words printed
  elsewhere: a column or page break inside a story; or a first clause of one Han character,
  议，…, the end of a word cut at the break) and yet was given a headline: a
  story's headline stands over its opening, so the headline is most likely another text's;
* ``better_text`` — another text of the page covers the headline's words clearly better
  (by RIVAL_CLEAR or more) than the text it was given to: a headline sums up its own story,
  so it most likely heads that other text (the weighted ``rival`` cue of :mod:`.doubts`
  reads smaller margins, weak evidence alone);
* ``prose_title`` — a line of the headline block reads like running text: a reporting verb
  followed by a comma (…还指出，东南亚金融危机), where a headline names its speaker with a
  colon (…强调：), or a quotation whose first clause ends within PROSE_QUOTE characters
  (“时下，如此…): a body's line, its paragraph cut by a column break, taken for a title;
* ``under_prose`` — the line printed right over the lead (one blank line between at most)
  is running text (a clause mark in it) that stops mid-sentence, on a clause mark or a word
  no title ends on (的, 也, 和, 在, 是, 对 …), and went to no text (a title or a leftover):
  the lead goes on from it, so the story starts there (the
  ``cut_above`` rule of :mod:`.doubt_heads` reads the same over a line of some text, when
  a word runs across the break);
* ``leaning_title`` — the headline block's first title opens on a word that leans on a
  title printed before it (同比增长18.4%, 其中…, 同时…: a comparison with the period
  before, a connective), or it is a figure alone: a subtitle or a figure line of a headline
  block, whose main title went elsewhere (a headline block split), so this text's headline
  is most likely that main title;
* ``box_after`` — the next text of the page has no headline and opens with a short label
  line (【链接】, 小贴士：, ◆延伸阅读): a paper prints such a box of background right after
  the story it belongs to, so this story's text goes on there.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .headlines import Group, is_bracket_label
from .paragraphs import Para
from .text import ends_sentence, is_han
from .resume import Body
from .doubt_heads import rules

if TYPE_CHECKING:  # the signals these rules read (:mod:`.doubts` imports this module)
    from .assign import Assignment
    from .doubts import Signals

_DOTS = "·・•"
_REPORTED = re.compile(r"(?:指出|表示|说|认为|强调|介绍|透露|告诉记者)[，,]")
PROSE_QUOTE = 4  # characters of a quotation's first clause at most, in a line of running text
_SHORT_QUOTE = re.compile(r"^[“「『][^”」』，,]{1,%d}[，,]" % PROSE_QUOTE)
# a title after the dot runs this many characters at least (up to a clause mark) ...
DOT_AFTER = 8
# ... and the phrase before it (from a clause mark, a space or another dot): a transliterated
# name's parts are shorter (艾尔肯·吐尼亚孜, 安德鲁·托马斯)
DOT_BEFORE = 5
# ... or, for a title of clauses after the dot, this many characters in its first clause
DOT_CLAUSE = 4
# another text covers the headline this much better than its own (RNG 1-5 x 100 pages, among
# articles no other doubt reached: 0.04 caught 9 wrong / 17 right on the default pages, 0.12 5 / 3,
# 0.2 4 / 1; on the pool 2-5 / 6, 2-4 / 3, 0 / 3)
RIVAL_CLEAR = 0.12
_BEFORE = re.compile(r"[^\s，,、；;。：:" + _DOTS + r"]*$")
_AFTER = re.compile(r"[^\s，,、；;。" + _DOTS + r"]*")


def dot_join(group: Group) -> tuple[int, str] | None:
    """(line, the printed line) of a unit of the headline block that joins a phrase and a
    title with a middle dot (see the module's docstring), or None."""
    for u in group.units:
        if u.label or is_bracket_label(u.text):
            continue
        for line in (u.parts or (u.text,)):
            for m in re.finditer(f"[{_DOTS}]", line):
                before = _BEFORE.search(line[:m.start()].rstrip())
                rest = line[m.end():].lstrip()
                after = _AFTER.match(rest)
                if before and after and len(before.group()) >= DOT_BEFORE and _title_after(after.group(), rest):
                    return u.line, line.strip()
    return None


def _title_after(clause: str, rest: str) -> bool:
    """Is a whole title printed after the dot: DOT_AFTER characters up to a clause mark, or a
    title of clauses (风成于上，俗化于下) whose first clause has DOT_CLAUSE characters and
    whose clauses together, up to a space, have DOT_AFTER? (A name's part after its dot is
    shorter than DOT_CLAUSE: 安德鲁·托马斯，…)"""
    if len(clause) >= DOT_AFTER:
        return True
    if len(clause) < DOT_CLAUSE:
        return False
    words = re.sub(r"[，,、；;]", "", rest.split()[0])  # (a space ends the title: 风采 田睿：…)
    return len(words) >= DOT_AFTER


def prose_title(group: Group) -> tuple[int, str] | None:
    """(line, text) of a unit of the headline block that reads like running text (see the
    module's docstring), or None."""
    for u in group.units:
        text = u.text.strip()
        if _REPORTED.search(text) or _SHORT_QUOTE.match(text):
            return u.line, text
    return None


# a title opening on a word that leans on a title printed before it: a comparison with the
# period before (同比, 环比, 比上年, 较去年 …) or a connective (其中, 同时, 此外 …)
_LEANING = re.compile(r"(?:同比|环比|[比较](?:上年|去年|上月|上季度|前年)|其中|同时|此外|另外|并且|而且)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def leaning_title(group: Group) -> tuple[int, str] | None:
    """(line, text) of the headline block's first title when it cannot head a text on its
    own (see the module's docstring): it opens on a word leaning on a title before it
    (同比增长18.4%, 其中出口增长三成), or it is a figure alone (18.4%); None otherwise."""
    u = next((u for u in group.units if not u.label and not is_bracket_label(u.text)), None)
    if u is None:
        return None
    text = u.text.strip()
    if _LEANING.match(text) or (not _HAN.search(text) and any(c.isdigit() for c in text)):
        return u.line, text
    return None


_CLAUSE = re.compile(r"[，,、；;]")
# a line of running text cut at a column break may stop here; a title does not (it ends on
# a noun or a verb): a clause mark, a particle, a conjunction, a preposition or a copula
OPEN_ENDINGS = tuple("，,、；;的也和与及并而在是了对把被将为从向于以")


def under_prose(paras: Sequence[Para], page: Sequence[str], spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """(the lead's first line, the line over it) when that line is running text stopping
    mid-sentence that went to no text (see the module's docstring); None otherwise.
    ``page``: the page's lines (line N is ``page[N - 1]``); ``spans``: the (first, last)
    lines of every text of the page."""
    if not paras or not paras[0].chunks or paras[0].hard_start:
        return None
    first = paras[0].chunks[0].lines[0].no
    at = first - 2  # index of the line above
    if at >= 0 and not page[at].strip():
        at -= 1  # one blank line: a column break
    above = page[at].strip() if at >= 0 else ""
    if not above or ends_sentence(above) or not _CLAUSE.search(above) or not above.endswith(OPEN_ENDINGS) \
            or any(f <= at + 1 <= last for f, last in spans):
        return None
    return first, at + 1


def titles_near(bodies: Sequence[Body], lines: Sequence[int]) -> list[int]:
    """For every body, the line of the title left to no article (``lines``) nearest it among
    those printed between the body and its neighbours, or 0."""
    if not lines:
        return [0] * len(bodies)
    spans = [(min(f for f, _l in b.spans), max(la for _f, la in b.spans)) if b.spans else (b.line, b.line)
             for b in bodies]
    out = []
    for first, last in spans:
        lo = max((la for f, la in spans if la < first), default=0)
        hi = min((f for f, la in spans if f > last), default=1 << 30)
        near = [ln for ln in lines if lo < ln < first or last < ln < hi]
        out.append(min(near, key=lambda ln: min(abs(ln - first), abs(ln - last))) if near else 0)
    return out


BOX_LABEL = 8  # characters of a box's label line at most (链接, 小贴士：, ■ 延伸阅读)


def box_label(body: Body, printed_above: Sequence[str]) -> str | None:
    """The short label line opening ``body``: the first of ``printed_above`` (subheads
    printed over it), or its own first paragraph when that is a subhead; None when none."""
    label = printed_above[0].strip() if printed_above else \
        body.paras[0].raw.strip() if body.paras and body.paras[0].subhead else ""
    return label if 0 < len(label) <= BOX_LABEL else None


# how a box's label line is printed: in brackets, after a block mark, or ending on a colon
BOX_OPEN, BOX_CLOSE, BOX_MARKS = "【〖〔[［", "】〗〕]］", "■◆●▲□◇★"


def is_box_label(text: str) -> bool:
    """A short line printed as a label (【链接】, ■延伸阅读, 背景：): at most BOX_LABEL
    characters, no sentence end, in brackets, after a block mark or ending on a colon."""
    t = text.strip()
    if not 0 < len(t) <= BOX_LABEL or t[-1] in "。！？!?；;":
        return False
    return (t[0] in BOX_OPEN and t[-1] in BOX_CLOSE) or t[0] in BOX_MARKS or t[-1] in "：:"


def box_from(paras: Sequence[Para]) -> int:
    """How many of ``paras`` (a body's text paragraphs and subheads, in print order) come
    before a box printed at the body's end under a label line (:func:`is_box_label`), with
    some of the story's own text before it and the box's text after it: len(paras) when none.
    A paper prints such a box of background in words of its own, so a change of words at it
    is no sign of two stories run together."""
    for k in range(1, len(paras) - 1):
        raw = paras[k].raw
        if len(raw) <= 2 * BOX_LABEL and is_box_label(raw):  # (a quick length test first: most are prose)
            return k
    return len(paras)


def box_after(bodies: Sequence[Body], headed: Sequence[bool], labels: Sequence[str | None]) -> list[tuple[int, str] | None]:
    """For every body, (line, label) of the next text of the page when it has no headline
    and opens with a box's label (``labels``, from :func:`box_label`) and this one has a
    headline, else None."""
    order = sorted(range(len(bodies)), key=lambda k: bodies[k].line)
    out: list[tuple[int, str] | None] = [None] * len(bodies)
    for i, j in zip(order, order[1:]):
        if headed[i] and not headed[j] and labels[j] is not None:
            out[i] = (bodies[j].line, labels[j])
    return out


def one_char_clause(body: Body) -> bool:
    """Does the text's first paragraph open with a clause of one Han character (议，国家体委…)?
    No sentence starts so: it is the end of a word cut at a break (…召开会 | 议，…), the
    story's opening printed elsewhere. (Not before a colon: 问：, 答：, 注： name a speaker
    or a note.)"""
    text = next((p.raw.lstrip() for p in body.paras if not p.subhead), "")
    return len(text) >= 2 and is_han(text[0]) and text[1] in "，,；;"


def mark(bodies: Sequence[Body], result: "Assignment", out: Sequence["Signals"]) -> None:
    """Set ``next_headless`` = (headline line, next text's line) of every headed body whose
    headline is printed between its own text and the next text of the page, when that text
    has no headline and neither says it is continued (上接) nor opens mid-sentence; and
    ``mid_headed`` = (headline line, text's line) of every headed body opening mid-sentence;
    ``better_text`` = (headline line, that text's line) of a headline another text covers
    clearly better."""
    for i, group in result.by_body.items():
        if out[i].opens_mid or one_char_clause(bodies[i]):
            out[i].mid_headed = (group.line, bodies[i].line)
        rival, match = out[i].cues.rival, out[i].match
        if rival is not None and match is not None and rival[0] >= match + RIVAL_CLEAR:
            out[i].better_text = (group.line, rival[1])
    order = sorted(range(len(bodies)), key=lambda k: bodies[k].line)
    for i, j in zip(order, order[1:]):
        group = result.by_body.get(i)
        if group is None or j in result.by_body or out[j].continuation or out[j].opens_mid:
            continue
        own_end = max((last for _f, last in bodies[i].spans), default=bodies[i].line)
        if own_end < group.line < bodies[j].line:
            out[i].next_headless = (group.line, bodies[j].line)


# (rule, the Signals field it reads, its reason), as :data:`.doubt_heads.REASONS`
REASONS = (
    ("dot_join", "dot_join",
     "the headline line {0} ({1}) joins two titles with a dot: a kicker printed on the headline's line?"),
    ("mid_headed", "mid_headed",
     "the headline at line {0} heads a text that opens mid-sentence (line {1}): the headline is another text's?"),
    ("better_text", "better_text",
     "the headline at line {0} fits the text at line {1} clearly better than its own: it is that text's?"),
    ("prose_title", "prose_title",
     "the headline line {0} ({1}) reads like running text: a body's line taken for a title?"),
    ("under_prose", "under_prose",
     "the lead at line {0} goes on from the running text at line {1}, which went to no text: the story starts there?"),
    ("leaning_title", "leaning_title",
     "the headline line {0} ({1}) leans on a title before it: a subtitle whose main title went elsewhere?"),
    ("box_after", "box_after",
     "the text at line {0}, next to this one, has no headline and opens with the label {1}: "
     "a box of this story's?"),
    ("next_headless", "next_headless",
     "the headline at line {0} stands between this text and the text at line {1}, which has no headline: "
     "it may head that text, or be a subhead of one story going on there?"),
)

RULES = rules(REASONS)
