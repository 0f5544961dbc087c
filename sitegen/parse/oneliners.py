"""Full-width one-liners ending open, before prose (``ambiguous`` elements): the headline
of the story above them (printed after its body), or the first line of a paragraph cut by a
column break. A one-liner is a headline when it repeats the words of the body above it and
not those below it, when two parts of it are spaced apart (prose never is), under a
headline line when a dash opens it (a subtitle), or after a 下转 marker (the story above
goes on elsewhere). It is the headline of the story below it when it is wider than the
column that story is set in, has no clause mark, and shares words with the text below and
none with the text above (:func:`heads_story_below`); printed right under headline lines,
it is one of them when it is wider than that column and has no clause mark, whatever its
words (:func:`wider_than_below`: the last headline of a block over the page's stories).
The words-above-not-below test (:func:`sums_up`) also decides titles
between paragraphs (:mod:`.segment`); a section label in front (【节日专题】) is no word of
the headline (:func:`unlabelled`).
"""
from __future__ import annotations

import re

from . import lines as L
from .blocks import INSETS, PASSED_OVER, Element
from .editor_notes import is_label_alone
from .text import Vocabulary, ends_sentence, joined_bigram_set, opens_mid_sentence, visual_width


SUMS_UP, SUMS_UP_BELOW = 0.3, 0.05  # see sums_up
# A one-line chunk between paragraphs is a title printed after its body (resolve_ambiguous)
# when it shares most of its words with the paragraphs above and clearly fewer with those
# below; set on the seeds with the first parser (3ff6f69), sums_up's pair with 1c5f31e.
ABOVE_MOST, ABOVE_MARGIN = 0.5, 0.25  # covered above at least this, and this much more than below
SUMMARY_ABOVE, SUMMARY_BELOW = 0.6, 0.35  # sums_up: most of its words above, few below
WINDOW_ABOVE, WINDOW_BELOW = 12, 4  # paragraphs read above it (its story) and below it
LABEL = re.compile(r"[【〔\[［][^】〕\]］]{1,12}[】〕\]］]")  # a section label: 【节日专题】
_CLAUSE_MARKS = frozenset("，,、；;：:。！？!?（）()《》")
HEADS_BELOW, HEADS_ABOVE = 0.15, 0.05  # see heads_story_below
_SPACED = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")
_SPACED_PHRASES = re.compile(r"[\u4e00-\u9fff]{4}[ \u3000]+[\u4e00-\u9fff]{4}")


def spaced_title(text: str) -> bool:
    """A line with a space between two Han characters outside quotes and no clause
    punctuation or brackets ("凝聚共识 同心共筑命运共同体", "田睿：巾帼薯香飘绿野 筑梦沃土新农人"
    after a name and a colon) is a two-part headline: prose never spaces words apart
    (bylines and names in brackets do, but carry their marks)."""
    if any(ch in text for ch in "，,、；;（）()《》"):
        return False
    tail = re.split("[：:]", text)[-1]
    # after a colon, both parts are phrases, not names ("记者：张三 李四" is a byline)
    spaced = _SPACED_PHRASES if tail != text else _SPACED
    for m in spaced.finditer(tail):
        before = tail[: m.start()]
        if before.count("“") == before.count("”") and before.count('"') % 2 == 0:
            return True
    return False


def heads_story_below(text: str, nxt: Element, cov_prev: float, cov_next: float) -> bool:
    """Is the one-liner ``text`` the headline of the story ``nxt`` opens (printed before its
    body), not the first line of a paragraph cut by a column break? A line of a column is
    never wider than the column's full lines; a headline is set wider, carries no clause
    mark, and repeats words of the story under it but none of the text above it."""
    if cov_prev > HEADS_ABOVE or cov_next < HEADS_BELOW:
        return False
    return wider_than_below(text, nxt)


def wider_than_below(text: str, nxt: Element | None) -> bool:
    """Is the one-liner ``text`` set wider than the column of the text ``nxt`` under it
    (a paragraph, or a chunk of one), with no clause mark? A line of a column is never
    wider than the column's full lines: printed under headline lines, such a line is one
    of them (the last headline of a block over the page's stories), not the first line of
    a paragraph."""
    if nxt is None or len(nxt.lines) < 2 or any(ch in _CLAUSE_MARKS for ch in text):
        return False
    column = max(visual_width(line.text) for line in nxt.lines[:-1])
    return visual_width(text.strip()) >= column + 1


def continued_below(el: Element) -> bool:
    """A 下转… marker, on its own line or closing a paragraph: the story above goes on on
    another page."""
    if el.kind == "marker":
        return bool(L.END_MARKER_RE.search(el.text))
    return el.kind == "para" and L.end_marker_match(el.text.rstrip()) is not None


def _title_by_print(elements: list[Element], k: int, nxt: Element | None) -> bool:
    """Is the one-liner ``elements[k]`` a headline by what is printed around it: nothing
    prose after it, a story's start under it, two parts spaced apart, a dash under a
    headline, a bare section label over it, a 下转 marker above it?"""
    el = elements[k]
    text = el.text
    prev = elements[k - 1] if k > 0 else None
    quoted = text.startswith(("“", "\"", "「")) and text.endswith(("”", "\"", "」"))
    if nxt is None or nxt.kind != "para" or quoted:
        return True
    if L.START_MARKER_RE.match(nxt.text) or L.DATELINE_START_RE.match(nxt.text):
        return True
    if len(el.lines) == 1 and spaced_title(text) and not L.DATELINE_START_RE.match(text):
        return True
    if labelled_on_own_line(el):
        return True
    if prev is None:
        return False
    if prev.kind in ("title", "heading") and text.startswith(("——", "--")):
        # a line opened by a dash under a headline line is its subtitle (prose opens
        # a list item with a dash too, but not under a headline)
        return True
    if _label_only(prev) and not any(ch in _CLAUSE_MARKS for ch in text):
        # a section label (【今日聚焦】) is printed over a headline, not over prose
        return True
    # the story above goes on elsewhere: no sentence of it runs on into this line
    return continued_below(prev) and not opens_mid_sentence(nxt.text)


def resolve_ambiguous(elements: list[Element], vocab: Vocabulary) -> None:
    """Decide full-width one-liners ending open: headline after its body, or column break."""
    for k, el in enumerate(elements):
        if el.kind != "ambiguous":
            continue
        text = el.text
        # a caption printed in a column break does not decide what comes next
        j = k + 1
        while j < len(elements) and elements[j].kind in PASSED_OVER:
            j += 1
        nxt = elements[j] if j < len(elements) else None
        if len(el.lines) > 1:
            prev = elements[k - 1] if k > 0 else None
            if prev is not None and prev.kind == "para" and not ends_sentence(prev.text):
                el.kind = "para"  # the rest of a sentence cut by a column break
                continue
        if _title_by_print(elements, k, nxt):
            el.kind = "title"
            continue
        before: list[str] = []
        j = k - 1
        # a headline printed after its body may sit under other headline lines
        # (kicker above it, or the previous units of a headline block)
        while j >= 0 and elements[j].kind in ("title", "heading", "byline"):
            j -= 1
        if j >= 0 and elements[j].kind == "dateline" and elements[j].text.lstrip().startswith(("（", "(")):
            j -= 1  # a bracketed dateline closing the body above: （新华社太原1月21日电）
        while j >= 0 and elements[j].kind in ("para", *INSETS) and len(before) < WINDOW_ABOVE:
            if elements[j].kind == "para":
                before.append(elements[j].text)
            j -= 1
        after: list[str] = []
        j = k + 1
        while j < len(elements) and elements[j].kind == "para" and len(after) < WINDOW_BELOW:
            after.append(elements[j].text)
            j += 1
        prev_set, next_set = joined_bigram_set(before), joined_bigram_set(after)
        # the whole chunk, or its first line (a subtitle under a headline may say
        # something else), without a section label in front of it (【节日专题】)
        texts = [unlabelled(text)] + ([unlabelled(el.lines[0].text)] if len(el.lines) > 1 else [])
        el.kind = "para"
        for t in texts:
            cov_prev, cov_next = vocab.coverage(t, prev_set), vocab.coverage(t, next_set)
            # most of its words above and clearly fewer below; or, for one line, a fair
            # share above and next to none below (the test of a title between paragraphs,
            # sums_up: a line of prose shares words with the paragraph it runs on into)
            if (cov_prev >= ABOVE_MOST and cov_prev >= cov_next + ABOVE_MARGIN) \
                    or (len(el.lines) == 1 and cov_prev >= SUMS_UP and cov_next <= SUMS_UP_BELOW):
                el.kind = "title"
        j = k - 1
        while j >= 0 and elements[j].kind in PASSED_OVER:
            j -= 1
        # (under headline lines it is one of theirs either way: the block decides whose)
        under_titles = j >= 0 and elements[j].kind in ("title", "heading", "byline")
        if len(el.lines) == 1 and not under_titles \
                and heads_story_below(text, nxt, *(vocab.coverage(texts[0], s) for s in (prev_set, next_set))):
            el.kind = "title"
        elif len(el.lines) == 1 and under_titles and wider_than_below(text, nxt):
            el.kind = "title"  # the last line of a block of headlines, set wider than the text under it


def labelled_on_own_line(el: Element) -> bool:
    """Is ``el`` a section label printed alone on its line (【基层一线】, 〔今日聚焦〕) over a
    line ending open with no clause mark (以新发展理念推动高质量发展)? A paper sets a section
    label over a story's headline; a line of prose never holds a bracketed name alone. A
    box's label (【相关链接】, :func:`.lines.is_sidebar_label`) heads its box and an editors'
    note's (【编者按】) the note, not a story."""
    if len(el.lines) != 2:
        return False
    label, title = el.lines[0].text.strip(), el.lines[1].text.strip()
    return LABEL.fullmatch(label) is not None and not L.is_sidebar_label(label) \
        and not is_label_alone(label) and not ends_sentence(title)


def _label_only(el: Element) -> bool:
    """Is ``el`` a headline line that is only a section label (【今日聚焦】)?"""
    m = LABEL.fullmatch(el.text.strip())
    return el.kind in ("title", "heading") and len(el.lines) == 1 and m is not None


def sums_up(above: float, below: float) -> bool:
    """Does a title covering the text above it and the text below it this well sum up the
    text above (a headline printed after its body)? Most of its words are there and few
    below, or a fair share there and next to none below."""
    return (above >= SUMMARY_ABOVE and below <= SUMMARY_BELOW) or (above >= SUMS_UP and below <= SUMS_UP_BELOW)


def unlabelled(text: str) -> str:
    """``text`` without a section label in front of it."""
    text = text.strip()
    m = LABEL.match(text)
    return text[m.end():] if m and m.end() < len(text) else text
