"""Pull-quotes: a sentence of a story printed again, in larger type, between two of its
paragraphs (sometimes in quotation marks).

A paper sets a pull-quote apart from the text, so in a dump it is a block of its own (a line
or a few, a narrower measure than the body's) between two blocks of prose, and its words are
the words of a clause or sentence printed nearby in the same story, verbatim — perhaps
without its quotation marks or its closing mark. GUIDE.md counts such a repeat as a leftover:
its text is already in the body. Read as a headline it would cut the story in two; read as a
paragraph it would print the sentence twice.

What tells it from a headline or a subhead, which also share words with their story: a
headline or subhead is *written for* the text (a summary, a few words of it, rarely a whole
clause of it letter for letter); a pull-quote *is* the text. So the block's letters (Han,
letters, digits; punctuation and quotation marks set aside) must be found in a nearby body
block, running from one clause boundary to another (a start or end of a paragraph, or a
punctuation mark), and be at least ``MIN_LETTERS`` long: a few words can be a headline's
own; a clause of ten letters or more repeated whole, from mark to mark, is a quotation.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from . import lines as L
from .normalize import nfkc
from .text import CLOSERS, SENTENCE_END, ends_sentence

if TYPE_CHECKING:
    from .blocks import Element

#: The fewest letters a repeat must have to be a pull-quote. The shortest pull-quotes papers
#: print are a short sentence (~12 characters with its marks); below ten letters a clause
#: repeated from the body may be a headline's or subhead's own words (a place, a name and a
#: verb: "春运首日客流平稳").
MIN_LETTERS = 10
#: The most letters and lines a pull-quote has: a sentence or two in large type (a narrow
#: measure runs it to several lines); a longer block is prose.
MAX_LETTERS = 80
MAX_LINES = 8
#: A first line within this many cells of the column's width is wrapped at the body's measure.
SAME_MEASURE = 1.5
#: How many prose blocks, on each side, may hold the sentence a pull-quote repeats: papers
#: pull it from the story it is set in, most often from the text near it.
NEIGHBOURS = 16

_PROSE = ("para", "ambiguous")
_CANDIDATE = ("para", "ambiguous", "title")
# set into a story's text between its paragraphs, belonging to none (captions, scraps)
_SET_IN = ("caption", "fragment")
# what a story's text may have between its paragraphs (subheads, photo captions, scraps)
_INSIDE = _PROSE + _SET_IN + ("title", "enum")
_MARKS = re.compile(r"([\W_]+)")
_QUOTES = "“”‘’「」『』\"' \u3000"
_HAN = re.compile("[\u4e00-\u9fff]+")


def _letters(text: str) -> str:
    return _MARKS.sub("", nfkc(text))


def _clauses(text: str) -> tuple[list[str], list[str]]:
    """``text``'s runs of letters and the marks between them: (runs, marks), ``marks[i]``
    printed before ``runs[i]`` and ``marks[-1]`` after the last run."""
    parts = _MARKS.split(nfkc(text))  # letters, marks, letters, …, letters
    runs, marks = parts[0::2], parts[1::2]
    if not runs[0]:
        runs.pop(0)
    else:
        marks.insert(0, "")
    if runs and not runs[-1]:
        runs.pop()
    else:
        marks.append("")
    return runs, marks


def _ends(mark: str) -> bool:
    # (NFKC makes … three dots)
    return any(ch in SENTENCE_END for ch in mark) or "..." in mark


def _opens(mark: str) -> bool:
    """A sentence starts after ``mark``: the start of the text or of a paragraph, a sentence
    end, a colon opening a quotation (说：“…) or a statement (an answer after who gives it:
    杨刚平（总经理）：…), a space (Chinese prose has none inside a sentence: a space sets
    off a dateline, a label or a name before it), or a new line (a paragraph's start, or the
    end of the dateline and credit opening it: :func:`_side_text` starts a line nowhere
    else)."""
    return not mark or mark.isspace() or "\n" in mark or _ends(mark) or mark.rstrip("“‘「 ").endswith(("：", ":"))


def _quote_opens(mark: str) -> bool:
    """Does ``mark`` open a quotation (“, 「)?"""
    return any(ch in "“「『" for ch in mark)


def _set_in_quotes(text: str) -> bool:
    """Is the block ``text`` set in quotation marks (“…”, 「…」)?"""
    t = text.strip()
    return t[:1] in "“「『" and t.rstrip(SENTENCE_END)[-1:] in "”」』"


def _repeats(key: str, runs: list[str], marks: list[str], quoted: bool = False) -> bool:
    """``key`` (letters only) is found in the text of ``runs`` as one or more whole
    sentences (from where a sentence starts to where one ends) but not as a whole
    paragraph: a block that repeats a paragraph of its neighbours entire is that paragraph
    printed twice (a story set again), not a sentence pulled out of it — unless the block
    is ``quoted`` (set in quotation marks) and the paragraph is not: a paragraph set twice
    is set the same way twice, while a paper sets the sentence it pulls out in quotation
    marks of its own, whether or not it stands alone as a paragraph."""
    letters = "".join(runs)
    at = letters.find(key)
    if at < 0:
        return False
    ends = list(accumulate(map(len, runs)))  # where each run ends
    while at >= 0:
        i = bisect_left(ends, at)  # the run ``at`` falls in, or the one ending at it
        if i < len(ends) and ends[i] == at:
            i += 1  # (``at`` starts the next run)
        j = bisect_left(ends, at + len(key))
        if (ends[i - 1] if i else 0) == at and j < len(ends) and ends[j] == at + len(key) \
                and _opens(marks[i]) and (not marks[j + 1] or _ends(marks[j + 1])) \
                and not ((i == 0 or "\n" in marks[i]) and (j + 2 == len(marks) or "\n" in marks[j + 1])
                         and not (quoted and not _quote_opens(marks[i]))):
            return True
        at = letters.find(key, at + 1)
    return False


def _neighbour(elements: list[Element], k: int, step: int) -> Element | None:
    """The element printed next to ``k`` (``step`` -1 above, 1 below), past captions and
    scraps set in beside it."""
    j = k + step
    while 0 <= j < len(elements) and elements[j].kind in _SET_IN:
        j += step
    return elements[j] if 0 <= j < len(elements) else None


def _alone_between_prose(elements: list[Element], k: int) -> bool:
    """``elements[k]`` is a block of its own, short, set apart (in large type its lines are
    not wrapped at the column's measure), with prose right above and right below it."""
    el = elements[k]
    if not el.gap_before or len(el.lines) > MAX_LINES or k + 1 < len(elements) and not elements[k + 1].gap_before:
        return False
    if len(el.lines) > 1 and not math.isinf(el.width) and abs(el.lines[0].width - el.width) <= SAME_MEASURE:
        return False  # wrapped at the body's measure: a paragraph, not a quote set apart
    above, below = _neighbour(elements, k, -1), _neighbour(elements, k, 1)
    return above is not None and below is not None and above.kind in _PROSE and below.kind in _PROSE


def _paragraph_text(el: Element) -> str:
    """A prose block's text, a new line after the dateline or 上接 marker that opens it (the
    story's first sentence starts there)."""
    text = el.text
    m = L.START_MARKER_RE.match(text)
    if m:
        return text[:m.end()] + "\n" + text[m.end():]
    dateline, _byline, rest = L.split_dateline(text)  # (with the reporter's bracket after it)
    if dateline and rest:
        return text[:len(text) - len(rest)] + "\n" + rest
    # a dateline printed on a line of its own leaves its reporters' bracket opening the
    # paragraph under it: （石榴云/新疆日报记者刘翔）24日，… — the first sentence starts after it
    b = L.opening_credit(text)
    if b:
        return text[:b.end()] + "\n" + text[b.end():]
    return text


def _sides(elements: list[Element], k: int) -> tuple[list[Element], list[Element]]:
    """Up to ``NEIGHBOURS`` prose blocks above ``k`` and below it (page order), through what
    a story may hold between its paragraphs."""
    sides: list[list[Element]] = []
    for step in (-1, 1):
        found: list[Element] = []
        j = k + step
        while 0 <= j < len(elements) and len(found) < NEIGHBOURS and elements[j].kind in _INSIDE:
            if elements[j].kind in _PROSE:
                found.append(elements[j])
            j += step
        sides.append(found[::step])
    return sides[0], sides[1]


def _side_text(side: list[Element]) -> str:
    """The blocks' text, each paragraph on a new line but a block that ends open run on into
    the next (a sentence cut by a column break)."""
    text = ""
    for el in side:
        text += ("\n" if text and ends_sentence(text) else "") + _paragraph_text(el)
    return text


def _holding(side: list[Element], probe: str) -> list[Element]:
    """The blocks of ``side`` around those that print ``probe`` (with the blocks next to
    them: a sentence may run over a column break)."""
    texts = [p.text for p in side]
    near: set[int] = set()
    for i, t in enumerate(texts):
        if probe in t or i and probe in texts[i - 1][-len(probe):] + t[:len(probe)]:
            near.update((i - 1, i, i + 1))
    return [p for i, p in enumerate(side) if i in near]


def mark_pull_quotes(elements: list[Element]) -> None:
    """Give kind ``pull_quote`` to every block that repeats a sentence of the prose near it
    (module docstring)."""
    page = ""  # the text of every block that may repeat or be repeated, once asked for
    for k, el in enumerate(elements):
        if el.kind not in _CANDIDATE or not el.gap_before or len(el.lines) > MAX_LINES:
            continue
        # (quick tests first: its text as printed, without its quotation marks and closing
        # mark, is printed twice on the page, and its longest run of Chinese characters near
        # it; then the whole of it, letter for letter, from sentence start to sentence end)
        core = el.text.strip(_QUOTES).rstrip(SENTENCE_END + CLOSERS)
        if not MIN_LETTERS <= len(core) <= 2 * MAX_LETTERS:  # (fewer marks than letters)
            continue
        page = page or "".join([e.text for e in elements if e.kind in _CANDIDATE])
        if page.count(core) < 2 or not _alone_between_prose(elements, k):
            continue
        probe = max(_HAN.findall(core), key=len, default="")
        if len(probe) < 4:
            continue
        sides = [_holding(side, probe) for side in _sides(elements, k)]
        if not any(sides):
            continue
        key = _letters(el.text)
        if not MIN_LETTERS <= len(key) <= MAX_LETTERS:
            continue
        quoted = _set_in_quotes(el.text)
        if any(side and _repeats(key, *_clauses(_side_text(side)), quoted) for side in sides):
            el.kind = "pull_quote"
