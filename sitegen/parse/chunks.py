"""Each text chunk of a page (a run of lines between special lines and paragraph ends, see
:mod:`.blocks`) classified as ``para`` (prose) or ``title`` (a headline or subhead line),
or left ``ambiguous`` for :mod:`.segment` to decide by content: the rules of
:func:`classify_chunk`, which look at the chunk, the element before it and the text after
it (layout cues: sentence ends, column widths, brackets and quotations left open, the end
of the page)."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..dictionary import cut_words
from . import lines as L
from .editor_notes import EDITOR_NOTE
from .numbered_heads import numbered_head
from .open_titles import (bare_line_between_sentences, bare_lines_short, fits_no_column, past_both_columns,
                          short_of_columns)
from .page_lines import PAGE_LINE_KINDS
from .text import ends_closed_for_title, ends_sentence, opens_mid_sentence, visual_width

if TYPE_CHECKING:
    from .blocks import Element

#: Characters that cannot end a headline: function words and bound prefixes.
BOUND_END = set("的地得和与及或在对为把被将从向以于副总第各每该其之而并且等是了着")


def ends_bound(text: str) -> bool:
    """Does ``text`` end on one of ``BOUND_END`` standing as a word of its own (…发展的,
    …副), not as the last character of a longer word (…土地, …目的, …成为)? A headline
    cannot end on a function word; it can on a noun or a verb that happens to end so.
    (Without a dictionary, the character decides.)"""
    if not text or text[-1] not in BOUND_END:
        return False
    words = cut_words(text[-6:])
    return not words or len(words[-1]) == 1


def _is_prose_chunk(el: Element) -> bool:
    """A chunk that certainly reads as prose (used to decide its neighbours)."""
    if el.kind == "para":
        return True
    if el.kind != "chunk":
        return False
    last = el.lines[-1].text
    if ends_closed_for_title(last) or ends_sentence(last):
        return True
    return len(el.lines) >= 3


def _between_headline_and_dateline(prev: Element | None, nxt: Element | None, clause_marks: int,
                                   joined: str) -> bool:
    """A short line over a paragraph opened by a dateline (or a 上接 marker), under a
    headline line or a finished sentence: the dateline starts a story, so no sentence runs
    on from this line into it, and none runs on into it from above; it is a headline,
    commas or not ("风成于上，俗化于下": the next line of the headline above, or the
    headline printed after the story above)."""
    if prev is None or nxt is None or nxt.kind not in ("chunk", "para"):
        return False
    if clause_marks > 2 or visual_width(joined) > 40:
        return False
    if not (L.DATELINE_START_RE.match(nxt.text) or L.START_MARKER_RE.match(nxt.text)):
        return False
    return prev.kind in ("title", "heading") or (
        prev.kind in ("chunk", "para", "ambiguous") and ends_sentence(prev.lines[-1].text))


def _top_block_over_story_start(el: Element, nxt: Element | None, texts: list[str]) -> bool:
    """The page's first lines (under nothing but headline-like lines), ending no sentence,
    most of them well short of the column or wider than the story below, right above a
    byline or a dateline: a block of headlines (kickers, subtitles), commas and 、 or not.
    Prose wrapped in the column fills every line but its last to the same width, and a
    byline or a dateline opens a story, so no sentence runs on from these lines into it."""
    if nxt is None or math.isinf(el.width) or len(texts) < 3:
        return False
    if not (nxt.kind in ("byline", "dateline") or (
            nxt.kind in ("chunk", "para") and L.DATELINE_START_RE.match(nxt.text))):
        return False
    if any(ends_sentence(t) for t in texts):
        return False
    # wider than the column the story below is set in: a headline across columns (the
    # column is read from that story's own lines, not from the page around it, so prose
    # in a wider column of its own is not taken for a headline)
    body = max((ln.width for ln in nxt.lines), default=math.inf) if len(nxt.lines) >= 2 else math.inf
    off = sum(1 for ln in el.lines if ln.width < 0.85 * el.width or ln.width > min(el.width, body) + 1.5)
    return off >= 2 / 3 * len(texts)


def _opens_story(el: Element) -> bool:
    """A byline, a dateline, or a paragraph opened by a dateline or a 上接 marker."""
    return el.kind in ("byline", "dateline") or (el.kind in ("chunk", "para") and bool(
        L.DATELINE_START_RE.match(el.text) or L.START_MARKER_RE.match(el.text)))


def _open_between_stories(el: Element, prev: Element | None, nxt: Element | None, texts: list[str],
                          joined: str, clause_marks: int, after: Element | None = None) -> bool:
    """Lines ending open between a finished sentence (or a headline) and a story's start (a
    byline, a dateline, a 上接 marker; also past an enumerator line such as （三） printed
    over that start, ``after`` being the element under it) or another headline: nothing runs on into them and
    they run on into nothing, so they are a headline printed after the story above, before
    the one below or in a block of headlines,
    unless they are the top of a column cut off mid-sentence (a story interrupted and
    continued elsewhere). That column filled its lines to the column's width, the last one
    too; these stop short of it or run past it (a headline set across columns), or, one
    paragraph per line, carry no clause mark at all (a kicker glued onto its headline)."""
    if prev is None or nxt is None or len(texts) > 4 or clause_marks > 2:
        return False
    if not (prev.kind in ("title", "heading") or (
            prev.kind in ("chunk", "para", "ambiguous") and ends_sentence(prev.lines[-1].text))):
        return False
    story_start = _opens_story(nxt) or (nxt.kind == "enum" and after is not None and _opens_story(after))
    headline_next = nxt.kind in ("title", "heading") or (nxt.kind == "chunk" and not _is_prose_chunk(nxt))
    if not (story_start or (headline_next and clause_marks == 0)):
        # (over a headline, a clause mark may be a sentence cut off and resumed elsewhere,
        # "当地还举办春茶文化节，游客")
        return False
    width = el.width
    if math.isinf(width):
        return clause_marks == 0 and all(visual_width(t) <= 100 for t in texts)
    return el.lines[-1].width < width - 1.5 or el.max_width > width + 1.5


def _open_under_title(el: Element, prev: Element | None, texts: list[str], joined: str,
                      next_opens: bool) -> bool:
    """Two lines printed apart under a headline, with no sentence in them, the second one
    ending open well short of the column: a subtitle wrapped once (or the headline's next
    lines), commas and 、 or not. Prose stops short of the column only where a paragraph
    ends, on a sentence end; a column break cuts a full line."""
    if prev is None or prev.kind not in ("title", "heading") or math.isinf(el.width):
        return False
    if len(texts) != 2 or not el.first_in_block or next_opens or visual_width(joined) > 60:
        return False
    return el.lines[-1].width < 0.8 * el.width


def _after_jump(prev: Element | None) -> bool:
    """Is ``prev`` a 下转… marker (on its own line or closing a paragraph)?"""
    if prev is None:
        return False
    if prev.kind == "marker":
        return bool(L.END_MARKER_RE.search(prev.text))
    return prev.kind in ("chunk", "para") and L.end_marker_match(prev.text.rstrip()) is not None


def classify_chunk(el: Element, prev: Element | None, nxt: Element | None, top: bool = False,
                   after: Element | None = None) -> str:
    """``para``, ``title`` or ``ambiguous`` for a text chunk.

    * Ending in 。，、：； (possibly before a closing quote), containing 。, opened by a
      dateline or leaving a bracket or quotation open → prose.
    * The page's last lines, open after a finished sentence or a headline → a headline.
    * Several lines: :func:`_lines_chunk` (line widths against the column).
    * One line ending open: :func:`_line_chunk` (what surrounds it).
    """
    texts = [ln.text for ln in el.lines]
    joined = "".join(texts)
    if _reads_as_prose(texts[-1], joined):
        return "para"
    if nxt is None and prev is not None and (ends_sentence(prev.lines[-1].text)
                                             or prev.kind in ("title", "heading")) \
            and len(texts) <= 3 and visual_width(joined) <= 20 * len(texts) + 20:
        # the page's last lines, open after a finished sentence or a headline: prose ending
        # open runs on somewhere, and nothing follows it here (a headline printed after its
        # body, or the last of a block of headlines)
        return "title"
    clause_marks = sum(joined.count(ch) for ch in "，,、；;")
    if len(texts) <= 3 and clause_marks <= 2 and visual_width(joined) <= 60 and _after_jump(prev) \
            and nxt is not None and nxt.kind in ("chunk", "para") \
            and (L.DATELINE_START_RE.match(nxt.text) or L.START_MARKER_RE.match(nxt.text)):
        # between a story that goes on on another page (下转…) and a story opened by a
        # dateline: nothing runs on into these lines and they run on into nothing
        return "title"
    if top and _top_block_over_story_start(el, nxt, texts):
        return "title"
    if prev is not None and prev.kind == "para" and numbered_head(texts, [ln.text for ln in prev.lines]):
        return "title"  # a numbered section head (一、…): set apart, no sentence in it
    if _open_between_stories(el, prev, nxt, texts, joined, clause_marks, after):
        return "title"
    next_opens = nxt is not None and nxt.kind in ("chunk", "para") and opens_mid_sentence(nxt.text)
    if len(texts) >= 2 and _open_under_title(el, prev, texts, joined, next_opens):
        return "title"
    if len(texts) >= 2 and bare_lines_short(el, prev, texts, joined, clause_marks):
        return "title"
    if len(texts) >= 2:
        return _lines_chunk(el, texts, joined, clause_marks, next_opens)
    return _line_chunk(el, prev, nxt, joined, clause_marks, next_opens)


def _under_opening_dateline(elements: list[Element], k: int) -> bool:
    """Is the chunk ``elements[k]`` printed right under a dateline alone on its line, not in
    brackets (新华社福州１月１４日电, 本报讯), that is itself printed under a headline or a
    byline? Such a dateline opens a story's text: the story's headline is printed above it,
    its first paragraph under it, so the lines under it are prose, whatever their widths. (A
    dateline printed after a finished sentence closes the story above it; the headline of
    the next story may follow it.)"""
    if k < 2:
        return False
    dateline, above = elements[k - 1], elements[k - 2]
    return dateline.kind == "dateline" and not dateline.text.lstrip().startswith(("（", "(")) \
        and above.kind in ("title", "heading", "byline")


def _reads_as_prose(last: str, joined: str) -> bool:
    """Punctuation that only prose has: a sentence or clause end, a full stop inside, a
    dateline or a 上接 marker opening it, a bracket or quotation left open."""
    if ends_closed_for_title(last) or ends_sentence(last):
        return True
    if any(ch in joined for ch in "。！？!?"):
        return True
    dateline, _byline, rest = L.split_dateline(joined)
    if (dateline is not None and rest) or L.START_MARKER_RE.match(joined):
        # a dateline opens a story's first paragraph, never a headline (据新华社巴黎7月1日电
        # （记者 …）联合国…，到205 / 0年，…: the paragraph cut by a column break); a 上接
        # marker opens the text of a story continued from another page, never its headline
        return True
    # a bracket or quotation left open ("本报讯（记者 张三 实习记者", "表示：“全市…")
    # runs on past the column break
    return sum(joined.count(ch) for ch in "（(“") > sum(joined.count(ch) for ch in "）)”")


def _lines_chunk(el: Element, texts: list[str], joined: str, clause_marks: int, next_opens: bool) -> str:
    """A chunk of several lines ending open: a headline set narrower or wider than the
    column, or prose filling it."""
    width = el.width
    if math.isinf(width):
        if visual_width(joined) <= 60:
            return "title"
        # one paragraph per line: several short lines with no sentence end and hardly
        # a comma are headlines printed one after another, not paragraphs
        short = all(visual_width(t) <= 40 for t in texts)
        if short and clause_marks <= len(texts) // 3:
            return "title"
        # where a line is a paragraph, prose lines end a sentence or a clause; lines
        # that all end open, in a chunk with no sentence end, are headlines even with
        # commas in them (a tight headline block over one-line paragraphs)
        open_ends = not any(ends_closed_for_title(t) for t in texts)
        return "title" if open_ends and all(visual_width(t) <= 120 for t in texts) else "para"
    inner = [ln.width for ln in el.lines[:-1]]
    if len(texts) <= 3 and visual_width(joined) <= 120 and (
            max(inner) > 1.4 * width + 1
            or (max(inner) > width + 2 and el.lines[-1].width < max(inner) - 2)
            or (clause_marks == 0 and el.max_width > width + 1.5)):
        # an inner line far wider than the column cannot be prose wrapped in it:
        # a headline set across several columns (so too a line running past the column
        # in lines with not one clause mark: prose breaks its clauses well within 40
        # characters, a headline and its subtitle carry none)
        return "title"
    if len(inner) >= 2 and max(inner) - min(inner) > 3 and visual_width(joined) <= 120:
        # hard-wrapped prose fills every line but the last to the same width;
        # lines of unequal width ending open are a headline block
        return "title"
    if el.lines[-1].width < 0.8 * width and all(ln.width < width - 1.0 for ln in el.lines) and len(texts) <= 4:
        return "title"
    if len(texts) <= 3 and all(ln.width <= 0.75 * width for ln in el.lines):
        return "title"
    if len(texts) >= 4 and max(inner) - min(inner) >= 2 and clause_marks <= len(texts) // 3 \
            and all(ln.width < width - 1.5 for ln in el.lines):
        # many lines, none of them filling the column and no two alike: prose set in a
        # column of its own fills its lines to one width (headlines wrapped in a block)
        return "title"
    if len(texts) >= 4 and max(inner) - min(inner) > 3 and clause_marks <= len(texts) // 3:
        # many lines of unequal width, no sentence ends and hardly a comma: headlines
        # printed one after another (a block of them), not prose filling a column
        return "title"
    if len(texts) <= 3 and visual_width(joined) <= 48 and clause_marks <= 1 and el.first_in_block \
            and not next_opens and not ends_bound(texts[-1]):
        # a headline wrapped at about the column width: decided by content later
        return "ambiguous"
    return "para"


def _line_chunk(el: Element, prev: Element | None, nxt: Element | None, joined: str,
                clause_marks: int, next_opens: bool) -> str:
    """A single line ending open: prose when it ends in a function word (的, 和, 副 …), when
    the next paragraph starts mid-sentence, when it carries clause punctuation, or when it
    was split off inside a block; otherwise a headline when it is short or when the next
    chunk is headline-like too. One paragraph per line (no column width): a short line with
    at most one clause mark, or one next to another headline, is a headline."""
    width = el.width
    last = el.lines[-1].text
    if past_both_columns(el, nxt, clause_marks):
        return "title"
    if next_opens and (math.isinf(width) or el.lines[0].width >= 0.8 * (width - 1.5)):
        # a full line cut off by a column break; a line much narrower than the column ends
        # no wrapped prose, so text opening mid-sentence under it runs on from elsewhere
        return "para"
    if ends_bound(last):
        return "para"
    if not el.first_in_block:
        if prev is not None and prev.kind in ("title", "heading") and clause_marks <= 1 \
                and el.lines[0].width < width - 1.5 and visual_width(joined) <= 50:
            # a short line printed tight under a headline, ending open, with a new
            # paragraph after it: the headline's second line (a subtitle), not prose
            return "title"
        return "para"
    if math.isinf(width):
        if visual_width(joined) > 50:
            return "title" if bare_line_between_sentences(prev, nxt, joined, clause_marks) else "para"
        if clause_marks <= 1 or (prev is not None and prev.kind in ("title", "heading")):
            return "title"
        return "para"
    if prev is not None and prev.kind in ("title", "heading") and clause_marks <= 1 \
            and el.lines[0].width < 0.8 * (width - 1.5):
        # a short line ending open under a headline, a blank line between them (风成于上，
        # 俗化于下): no prose line stops short of the column without a sentence end
        return "title"
    if fits_no_column(el, prev, nxt, clause_marks) or short_of_columns(el, prev, nxt, clause_marks):
        return "title"
    if clause_marks >= 1 and not (nxt is not None and nxt.kind == "chunk" and not _is_prose_chunk(nxt)) \
            and not (nxt is not None and nxt.kind == "byline" and clause_marks <= 2
                     and visual_width(joined) <= 40) \
            and not _between_headline_and_dateline(prev, nxt, clause_marks, joined):
        # (a short line ending open right above a byline is a headline with a comma in
        # it, "风成于上，俗化于下" / "■ 本报记者 …": bylines are printed under headlines or
        # at the top of a body, never after an unfinished sentence)
        return "para"
    if nxt is None or not _is_prose_chunk(nxt):
        return "title"
    if el.lines[0].width < 0.8 * (width - 1.5):
        return "title"
    return "ambiguous"


def classify_chunks(elements: list[Element]) -> None:
    chunks: set[int] = set()  # indices of the elements that were chunks
    top = True  # the page's first text, under nothing but headline-like lines
    for k, el in enumerate(elements):
        if el.kind == EDITOR_NOTE:
            continue  # set apart from the text around it, which is read as if it were not there
        if el.kind != "chunk":
            top = top and el.kind in ("title", "heading")
            continue
        i = k - 1
        while i >= 0 and elements[i].kind == EDITOR_NOTE:
            i -= 1
        prev = elements[i] if i >= 0 else None
        j = k + 1
        while j < len(elements) and elements[j].kind in ("credit", "caption", "fragment", EDITOR_NOTE,
                                                         *PAGE_LINE_KINDS):
            j += 1  # a caption or scrap printed inside a paragraph does not end it
        nxt = elements[j] if j < len(elements) else None
        while j < len(elements) and elements[j].kind == "enum":
            j += 1  # an enumerator line (（三）) over the text it numbers
        if _under_opening_dateline(elements, k):
            el.kind = "para"
        else:
            el.kind = classify_chunk(el, prev, nxt, top, elements[j] if j < len(elements) else None)
        top = top and el.kind in ("title", "ambiguous")
        if el.kind == "title" and prev is not None and prev.kind == "para" and k - 1 in chunks:
            # the lines above, read before this headline was known, may be one too
            _reclassify_above(elements, k - 1)
        chunks.add(k)


def _reclassify_above(elements: list[Element], k: int) -> None:
    """Prose lines ending open right above a headline: :func:`_open_between_stories` again,
    now that the headline below is known (a headline in a block of them, printed apart)."""
    el = elements[k]
    texts = [ln.text for ln in el.lines]
    joined = "".join(texts)
    if _reads_as_prose(texts[-1], joined):
        return
    clause_marks = sum(joined.count(ch) for ch in "，,、；;")
    prev = elements[k - 1] if k > 0 else None
    if _open_between_stories(el, prev, elements[k + 1], texts, joined, clause_marks):
        el.kind = "title"
