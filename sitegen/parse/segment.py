"""Elements → paragraphs (column breaks joined) → pieces of body text and the
regions between them.

Rules:

* **Column breaks** are joined first (:mod:`.paragraphs`).
* **Lines running on.** Headline lines whose last words run on into the paragraph under
  them (a word, a number and its unit across the break) are its first lines (:mod:`.run_on`).
* **Ambiguous one-liners.** Full-width lines ending open before prose: headline or
  column break (see :mod:`.oneliners`).
* **Pieces.** A new piece of body starts at a dateline (本报讯, 新华社…电), at a （上接…）
  marker, after a headline region, stray scraps, a 下转 marker or a closing credit (photos
  between or not), or at a paragraph that starts mid-sentence after a finished one. One or two short title lines between
  paragraphs of one piece are in-body subheads, unless they sum up the text above them
  much better than the text below (a headline printed after its body), head the text
  below in a line wider than its column (a headline printed before its body, see
  :func:`.oneliners.heads_story_below`), run far past the columns around them or carry a
  section label (:func:`.open_titles.runs_past_columns`), or follow a 下转 marker.
* **Resumed articles.** A piece that ends mid-sentence is joined to the later piece
  that continues it, matched by content (see :mod:`.resume`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lines as L
from .blocks import INSETS, PASSED_OVER, Element
from .box_labels import box_start, opens_box
from .closing_run_in import run_in_credit
from .headlines import is_section_name
from .jump_text import opens_continued, runs_to_jump_end
from .oneliners import LABEL, heads_story_below, resolve_ambiguous, sums_up, unlabelled
from .open_titles import runs_past_columns
from .paragraphs import Para, join_paragraphs
from .run_on import retitled_lines_run_on
from .text import Vocabulary, joined_bigram_set, visual_width


# A subhead inside an article (``_is_subhead_region``), set on the seeds with the first parser
# (3ff6f69): at most this many title lines, together at most this wide (cells) — a new
# story's headline block (kicker, headline, subtitle) is taller or wider.
SUBHEAD_UNITS = 2
SUBHEAD_WIDTH = 32
# A title carrying a feature's or a series' subtitle after a dash (贡献在天涯——访…校长余让水,
# 打开针灸原理的大门——记…, 经济结构调整要锲而不舍——三论…) is the head of an interview, a
# profile or a commentary: a story's own head, never a subhead inside another story.
FEATURE_SUBTITLE = re.compile(r"[—－-]{2}\s*(?:访|记|专访|[一二三四五六七八九十再]论)")


@dataclass
class Piece:
    """A run of body paragraphs (and subheads) with no article boundary inside."""

    paras: list[Para]
    start: str  # first | hard | region | orphan
    embedded: list[Element] = field(default_factory=list)  # headlines/captions printed inside
    index: int = 0
    continued: bool = False  # opened by a 上接 marker: the story's headline is on another page

    @property
    def text(self) -> str:
        return "".join(p.raw for p in self.paras if not p.subhead)

    @property
    def line(self) -> int:
        return self.paras[0].line


@dataclass
class Region:
    """Non-body elements between two pieces (or before the first / after the last)."""

    elements: list[Element]
    before: int | None  # index of the piece before it
    after: int | None  # index of the piece after it


@dataclass
class Layout:
    pieces: list[Piece]
    regions: list[Region]
    vocab: Vocabulary


def _subtitle_under(buf: list[Element], para: Para, nxt: Para | Element | None) -> bool:
    """Is ``para`` a headline's subtitle: one chunk opened by a dash (——) right under a
    headline line, ending without sentence punctuation, with no paragraph after it that
    it could run on into (a headline, a dateline or nothing follows)? Prose opens list
    items with a dash too, but finishes them, or goes on."""
    return bool(buf) and buf[-1].kind in ("title", "heading") and len(para.chunks) == 1 \
        and para.raw.lstrip().startswith(("——", "--")) and para.open_end \
        and not para.hard_start and not (isinstance(nxt, Para) and not nxt.hard_start)


def _title_tail(buf: list[Element], k: int) -> bool:
    """Is ``buf[k]`` the last few characters of the title printed on the line above it (a
    fragment too short to be a line of its own: 深化政治互信 筑牢合作 / 根基)?"""
    el = buf[k]
    return el.kind == "fragment" and k > 0 and buf[k - 1].kind == "title" \
        and el.line == buf[k - 1].lines[-1].no + 1


def _is_subhead_region(buf: list[Element], piece: Piece, para: Para, vocab: Vocabulary,
                       following: list[str], jump_middle: bool = False, dated: bool = False) -> bool:
    """Is ``buf`` (the elements between ``piece`` and ``para``) a subhead inside the article
    rather than the headline region of a new one? ``following``: the chunk texts after it;
    ``jump_middle``: ``piece`` continues a story from another page and the text from
    ``para`` on runs to a 下转 marker with no headline after it (:mod:`.jump_text`);
    ``dated``: ``piece`` opens with a dateline (本报讯, 新华社…电) and the text from ``para``
    on is closed by one printed in brackets before any other story starts."""
    if para.hard_start:
        return False
    if len(buf) == 1 and is_section_name(buf[0].text.strip()):
        return False  # a page's section name (要闻, 综合新闻) heads stories, never a part of one
    body = [p for p in piece.paras if not p.subhead]
    if body and body[-1].open_end:
        return False  # a subhead never cuts into a sentence: the text above runs on elsewhere
    if piece.start != "region" and len(body) == 1 and L.closing_credit(body[0].raw) is not None:
        # a bracketed credit alone, printed after a story's end (下转) and not under a
        # headline, closes that story: no story's text that a subhead could divide
        return False
    measured = _subhead_units(buf, piece, para)
    if measured is None:
        return False
    units, width = measured
    if units == 0:
        return True  # (a box's label, 相关链接, heads a part of the story: lines.is_sidebar_label)
    if dated:
        # the text above opens with a dateline and the text below is closed by one (in
        # brackets, under its last sentence): a story prints its dateline once, so these are
        # two stories and the title between them heads one (:mod:`.dated_cut`)
        return False
    credit = L.end_credit_at(body[-1].raw) if body else None
    if credit is not None and (credit > 0 or len(body) > 1):
        # a story prints its credit once, after its last sentence (…举办的。（陈忠）): the
        # text above is a whole story, and a title under it heads one, never divides one
        return False
    if units > SUBHEAD_UNITS or width > SUBHEAD_WIDTH:
        return False
    # A headline printed after its body repeats the body above it, not the text below:
    # the whole block, or its first line after a bracketed label (a subtitle under it
    # may say something else).
    above = joined_bigram_set([t for p in piece.paras if not p.subhead for t in p.parts()])
    below = joined_bigram_set(following)
    # (a label printed on the headline's own line, 【今日聚焦】大安：…, is no word of it)
    lines = [unlabelled(el.text) for el in buf if not LABEL.fullmatch(el.text.strip())]
    texts = [unlabelled("".join(el.text for el in buf))] + (lines[:1] if len(buf) > 1 else [])
    if len(buf) == 1 and len(buf[0].lines) == 1 and heads_story_below(
            texts[0], para.chunks[0], vocab.coverage(texts[0], above), vocab.coverage(texts[0], below)):
        return False  # a headline set wider than the column of the story it opens
    # (in the middle of a jumped story, a title summing up the text above is a subhead: the
    # text below has no headline of its own on either side, see :mod:`.jump_text`)
    return jump_middle or not any(sums_up(vocab.coverage(t, above), vocab.coverage(t, below)) for t in texts)


def _subhead_units(buf: list[Element], piece: Piece, para: Para) -> tuple[int, float] | None:
    """(title units, their width) of ``buf`` between ``piece`` and ``para``, or None when an
    element of it is never part of a subhead: a top-level heading, a line of another kind,
    a title of three lines or more, one with a label, one running far past the columns, a
    subtitle."""
    units = 0
    width = 0.0
    for k, el in enumerate(buf):
        if _title_tail(buf, k):
            width += visual_width(el.text)
            continue
        if el.kind == "heading":
            if el.level < 3:
                return None
            units += 1
            continue
        if el.kind == "enum":
            continue
        if el.kind != "title" or len(el.lines) > 2:
            return None
        if unlabelled(el.text) != el.text.strip() or LABEL.fullmatch(el.text.strip()) \
                or runs_past_columns(el, piece.paras[-1].chunks[-1], para.chunks[0]):
            # a label (【民生关注】…, glued on or on a line of its own) is printed over a
            # story's headline, never a subhead (a box's label is no title: see above)
            return None
        if el.text.startswith(("——", "--", "－－")) or FEATURE_SUBTITLE.search(el.text):
            return None  # (a subtitle: a headline's, never a subhead's; see FEATURE_SUBTITLE)
        units += 1
        width += visual_width(el.text)
    return units, width


def _following_parts(nodes: list[Para | Element], k: int) -> list[str]:
    """The chunk texts of the (up to four) paragraphs from node ``k`` on."""
    out: list[str] = []
    paras = 0
    for node in nodes[k:]:
        if isinstance(node, Para):
            out += node.parts()
            paras += 1
            if paras >= 4:
                break
        elif not getattr(node, "embedded", False) and node.kind not in INSETS:
            if paras:
                break
    return out


def _closed_by_dateline(nodes: list[Para | Element], k: int) -> bool:
    """Is the text from node ``k`` on closed by a dateline printed alone in brackets
    (（新华社福州１月１４日电）) before any headline, byline, dateline or marker opens another
    story (captions and pictures passed over)?"""
    for node in nodes[k + 1:]:
        if isinstance(node, Para):
            if node.hard_start:
                return False
            continue
        if node.kind == "dateline":
            return node.text.lstrip().startswith(("（", "("))
        if getattr(node, "embedded", False) or node.kind in INSETS or node.kind in PASSED_OVER:
            continue
        return False
    return False


class _Pieces:
    """The pieces and regions read so far, and the piece being read."""

    def __init__(self, boxed: bool = False) -> None:
        self.pieces: list[Piece] = []
        self.regions: list[Region] = []
        self.current: Piece | None = None
        self.boxed = boxed  # some paragraph of the page opens a box (:mod:`.box_labels`)

    def start(self, para: Para, start: str, titles: list[Element]) -> None:
        """A new piece opens with ``para``; ``titles`` is the region printed before it."""
        piece = Piece([para], start, index=len(self.pieces), continued=opens_continued(para, titles))
        before = self.current.index if self.current else None
        self.regions.append(Region(list(titles), before, piece.index))
        self.pieces.append(piece)
        self.current = piece

    def dated(self) -> bool:
        """Does the piece being read open with a dateline (in its first paragraph, or
        printed alone right above it)?"""
        if self.current is None:
            return False
        above = self.regions[-1].elements if self.regions else []
        return bool(L.DATELINE_START_RE.match(self.current.paras[0].raw.lstrip())) or any(
            el.kind == "dateline" and not el.text.lstrip().startswith(("（", "(")) for el in above[-2:])

    def close(self, titles: list[Element]) -> None:
        """The page ends; ``titles`` is what is printed after the last piece."""
        before = self.current.index if self.current else None
        self.regions.append(Region(list(titles), before, None))


def segment(elements: list[Element]) -> Layout:
    """Build pieces and regions from the element sequence."""
    vocab = Vocabulary(el.text for el in elements if el.kind in ("para", "ambiguous"))
    resolve_ambiguous(elements, vocab)
    retitled_lines_run_on(elements)
    for el in elements:
        el.embedded = False  # type: ignore[attr-defined]
    nodes = join_paragraphs(elements)
    built = _Pieces(any(isinstance(n, Para) and opens_box(n.raw) for n in nodes))
    buf: list[Element] = []
    for k, node in enumerate(nodes):
        if not isinstance(node, Para):
            if getattr(node, "embedded", False) and built.current is not None:
                built.current.embedded.append(node)
            else:
                buf.append(node)
            continue
        para = node
        if _subtitle_under(buf, para, nodes[k + 1] if k + 1 < len(nodes) else None):
            para.chunks[0].kind = "title"
            buf.append(para.chunks[0])
            continue
        current = built.current
        if current is None:
            built.start(para, "hard" if para.hard_start else ("region" if buf else "first"), buf)
        elif not buf:
            if para.hard_start or current.paras[-1].end_marker or (
                    _credit_closed(current, built.boxed) and not (built.boxed and opens_box(para.raw))):  # (a box under it is the story's)
                built.start(para, "hard", buf)  # (a credit under the story's text closes it)
            elif para.opens_mid and not current.paras[-1].open_end:
                built.start(para, "orphan", buf)
            else:
                current.paras.append(para)
        else:
            _after_titles(built, buf, para, vocab, nodes, k)
        buf = []
    built.close(buf)
    return Layout(built.pieces, built.regions, vocab)


def _credit_closed(current: Piece, boxed: bool) -> bool:
    """Whether the piece's text ends with its credit: a paragraph that is only a bracketed
    credit (under a paragraph of its own), or one run on after its last sentence
    (:mod:`.closing_run_in`); ``boxed``: the page holds a box, whose credit is above it. A
    credit closes a story: the titles under it head another."""
    paras = current.paras
    box = box_start(paras) if boxed else None
    if box is not None:  # a box under the story's text: the credit is above it
        paras = paras[:box]
    last = paras[-1]
    if last.subhead:
        return False
    return (len(paras) > 1 and L.closing_credit(last.raw) is not None) or run_in_credit(last.raw) is not None


def _closed_under(current: Piece, buf: list[Element], boxed: bool) -> bool:
    """Whether the piece's text ended with its credit (:func:`_credit_closed`), so that the
    titles ``buf`` under it head another story; a label among them (相关链接, （三）) heads a
    part of the story above all the same."""
    return _credit_closed(current, boxed) and not any(el.kind == "enum" for el in buf)


def _after_titles(built: _Pieces, buf: list[Element], para: Para, vocab: Vocabulary,
                  nodes: list[Para | Element], k: int) -> None:
    """``para`` (``nodes[k]``) follows non-paragraph elements ``buf`` (titles, scraps,
    captions, markers) under the piece being read: it continues that piece or opens a new
    one."""
    current = built.current
    kinds = {el.kind for el in buf}
    if kinds <= set(INSETS) and not para.hard_start and not current.paras[-1].end_marker:
        # (a caption or pull-quote between two paragraphs of one story)
        current.embedded.extend(buf)
        current.paras.append(para)
    elif kinds <= set(INSETS) and not para.hard_start:
        # a 下转 marker ends the story's text on this page: the text after the photo printed
        # under it is another story (as with no photo between, :func:`segment`), or the rest
        # of one cut off above when it opens mid-sentence
        current.embedded.extend(buf)
        built.start(para, "orphan" if para.opens_mid else "hard", [])
    elif kinds <= set(PASSED_OVER) or (
            kinds <= {*PASSED_OVER, "marker"}
            and all("转" in el.text for el in buf if el.kind == "marker")):
        # after scraps or a 下转 marker (which ends the article above) with no
        # headline, dateline or 上接 marker: the rest of an interrupted article
        built.start(para, "hard" if para.hard_start else "orphan", buf)
    elif not current.paras[-1].end_marker and not _closed_under(current, buf, built.boxed) and _is_subhead_region(
            [el for el in buf if el.kind not in INSETS], current, para, vocab,
            _following_parts(nodes, k), current.continued and runs_to_jump_end(nodes, k),
            built.dated() and _closed_by_dateline(nodes, k)):
        # a photo caption printed next to a subhead does not end the article
        for i, el in enumerate(buf):
            if el.kind in INSETS:
                current.embedded.append(el)
            elif _title_tail(buf, i) and current.paras[-1].subhead:
                current.paras[-1].chunks.append(el)  # one subhead over two lines
            else:
                current.paras.append(Para([el], subhead=True))
        current.paras.append(para)
    else:
        start = "hard" if para.hard_start else "region"
        if any(el.kind in ("byline", "marker", "dateline") for el in buf[-1:]):
            start = "hard"
        if para.opens_mid and not para.hard_start \
                and not any(el.kind == "marker" for el in buf):
            # no story opens mid-sentence: the titles above close the story
            # printed before them, and this is the rest of an interrupted one
            start = "orphan"
        built.start(para, start, buf)
