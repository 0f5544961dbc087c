"""Rejoin articles that another article interrupted.

A piece of body that ends mid-sentence (no 。！？…, no 下转 marker) continues somewhere
further down. Candidates for the continuation are

* *orphan* pieces: they start after stray scraps or visibly mid-sentence, with no
  headline, dateline or marker in front of them;
* the right-hand side of a column-break join made by the sequential joiner, when
  that join may have glued two different articles together.

Dangling ends are matched to continuations by content (TF-IDF cosine of character
bigrams between the text before the end and the text after the start), with a bonus
for keeping the join the sequential pass made. The best total is found exhaustively
over the (few) plausible candidates. An end still left over resumes at a paragraph further
down (after a finished sentence) whose words run on from it far better than from the text
printed above that paragraph: a story ending mid-sentence goes on somewhere. An end left
over after that, on a last paragraph of a few lines with no clause mark at all after a
finished sentence, is a headline printed after the story, not prose: it leaves the body.

Each decision's runner-up is kept for self-doubt (:class:`.matching.Runner`): a story left ending
mid-sentence, with the best continuation it was denied, and the margin by which a join
won over the best other reading of that end.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Element
from .matching import (KEEP_BONUS, MIN_SCORE, ORPHAN_BONUS, Runner, best_matching, junction, options_for,
                       runners)
from .paragraphs import Para
from .segment import Layout, Piece
from .text import SENTENCE_END, opens_mid_sentence, word_across

TEXT_WINDOW = 1500  # characters of text compared each side of a break
HEAD_LINES = 3  # lines of a headline printed at a story's end, at most
_CLAUSE = "，,；;：:。！？!?"
# a story left ending mid-sentence resumes at a paragraph whose words it shares this much
# (cosine), and this many times more than the text printed above that paragraph does
RESUME_MIN, RESUME_RATIO = 0.05, 2.0


@dataclass
class Segment:
    piece: int
    paras: list[Para]
    head_of_piece: bool

    @property
    def first_line(self) -> int:
        return self.paras[0].chunks[0].line

    @property
    def last_line(self) -> int:
        return self.paras[-1].chunks[-1].lines[-1].no

    @property
    def text(self) -> str:
        return "".join(p.raw for p in self.paras if not p.subhead)

    @property
    def open_end(self) -> bool:
        body = [p for p in self.paras if not p.subhead]
        return bool(body) and body[-1].open_end


@dataclass
class Body:
    """One article's body after rejoining: paragraphs in reading order."""

    paras: list[Para]
    start: str
    embedded: list[Element] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.paras[0].line

    @property
    def text(self) -> str:
        return "".join(p.raw for p in self.paras if not p.subhead)


def cut(body: Body, bounds: list[int]) -> list[Body]:
    """``body`` cut into articles at paragraph indices ``bounds`` (``0``, the cuts, then
    ``len(body.paras)``): the first piece keeps how the body started and its embedded
    elements; the others start as ``"split"``."""
    out: list[Body] = []
    for a, b in zip(bounds, bounds[1:]):
        part = body.paras[a:b]
        piece = Body(list(part), body.start if a == 0 else "split")
        piece.spans = [(part[0].line, part[-1].chunks[-1].lines[-1].no)]
        if a == 0:
            piece.embedded = list(body.embedded)
        out.append(piece)
    return out


def _join_points(piece: Piece) -> list[tuple[int, int]]:
    """(para index, chunk index) of every join made across a blank line, and (para
    index, 0) of every paragraph boundary after a finished sentence: an interrupted
    article may resume there, right under the end of the article printed inside it."""
    out = []
    for i, para in enumerate(piece.paras):
        if i > 0 and para.chunks[0].gap_before and not para.subhead \
                and not piece.paras[i - 1].subhead and not piece.paras[i - 1].open_end:
            out.append((i, 0))
        for c in range(1, len(para.chunks)):
            if para.chunks[c].gap_before:
                out.append((i, c))
    return out


def _before(piece: Piece, i: int, c: int) -> Element:
    """The chunk right before join point (i, c)."""
    return piece.paras[i].chunks[c - 1] if c > 0 else piece.paras[i - 1].chunks[-1]


def _split_piece(piece: Piece, idx: int, points: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    paras: list[Para] = []
    cuts = set(points)
    for i, para in enumerate(piece.paras):
        if (i, 0) in cuts and paras:
            segments.append(Segment(idx, paras, not segments))
            paras = []
        chunks: list[Element] = []
        for c, chunk in enumerate(para.chunks):
            if c > 0 and (i, c) in cuts:
                paras.append(Para(chunks, para.subhead))
                segments.append(Segment(idx, paras, not segments))
                paras, chunks = [], []
            chunks.append(chunk)
        paras.append(Para(chunks, para.subhead))
    segments.append(Segment(idx, paras, not segments))
    return segments


def _left_text(piece: Piece, i: int, c: int) -> str:
    parts = [p.raw for p in piece.paras[:i] if not p.subhead]
    parts.append("".join(ch.text for ch in piece.paras[i].chunks[:c]))
    return "".join(parts)[-TEXT_WINDOW:]


def _right_text(piece: Piece, i: int, c: int) -> str:
    parts = ["".join(ch.text for ch in piece.paras[i].chunks[c:])]
    parts.extend(p.raw for p in piece.paras[i + 1:] if not p.subhead)
    return "".join(parts)[:TEXT_WINDOW]


def rejoin(layout: Layout) -> list[Body]:
    """Match dangling ends to continuations and return the article bodies."""
    return rejoin_read(layout)[0]


def rejoin_read(layout: Layout) -> tuple[list[Body], list[Runner]]:
    """The article bodies, and each rejoin decision with its runner-up."""
    ends, starts = _dangling_ends_and_orphans(layout)
    kept = _rival_joins(layout.pieces, layout.vocab, ends, starts)
    worded = _worded_continuations(layout.pieces, ends, starts)
    options = options_for(ends, starts, kept, layout.vocab, worded)
    pairs = best_matching(ends, options)
    _resume_dangling(layout, ends, starts, kept, options, pairs)
    _resume_after_titles(layout, ends, starts, options, pairs)
    _headline_tails(layout, ends, kept, pairs)
    return _chain_bodies(layout.pieces, pairs, kept), runners(ends, starts, options, pairs)


def _resume_dangling(layout: Layout, ends: dict, starts: dict, kept: dict, options: dict,
                     pairs: dict) -> None:
    """A story still ending mid-sentence goes on somewhere: at the paragraph further down,
    after a finished sentence and a blank line, whose words run on from the story's far
    better than from the text printed above that paragraph (the rest of an interrupted
    story that opens like any sentence, glued under another story). Added to ``pairs``,
    ``kept``, ``starts`` and ``options``."""
    used = set(pairs.values())
    for ek in sorted(ends, key=lambda k: ends[k][0]):
        if ek[0] != "piece" or ek in pairs:
            continue
        eline, etext = ends[ek]
        best: tuple[float, tuple, int, str, float] | None = None
        for idx, piece in enumerate(layout.pieces):
            if piece.line <= eline:
                continue
            for i, c in _join_points(piece):
                key = ("join", idx, i, c)
                if c or key in used or key in kept:
                    continue
                right = _right_text(piece, i, c)
                ahead = layout.vocab.cosine(etext, right)
                above = layout.vocab.cosine(_left_text(piece, i, c), right)
                if ahead >= RESUME_MIN and ahead >= RESUME_RATIO * above:
                    if best is None or ahead - above > best[0]:
                        best = (ahead - above, key, piece.paras[i].line, right, above)
        if best is not None:
            margin, key, line, right, above = best
            starts[key] = (line, right)
            kept[key] = above + KEEP_BONUS
            options[ek] = [(margin, key)] + options.get(ek, [])
            pairs[ek] = key
            used.add(key)


def _resume_after_titles(layout: Layout, ends: dict, starts: dict, options: dict, pairs: dict) -> None:
    """A story still ending mid-sentence goes on somewhere: at a piece further down printed
    under titles, whose words run on from the story's far better than from the text printed
    right above those titles (a story interrupted by another, whose headline is printed
    between that story and the rest of the first: body A, body B, headline B, rest of A).
    Only pieces that open as a story may open (under titles, no dateline, no 上接 marker)
    are weighed: the titles above them are then the headline of the story printed before
    them. Added to ``pairs``, ``starts`` and ``options``."""
    used = set(pairs.values())
    for ek in sorted(ends, key=lambda k: ends[k][0]):
        if ek[0] != "piece" or ek in pairs:
            continue
        eline, etext = ends[ek]
        end = layout.pieces[ek[1]]
        if end.start == "first" and not any(ch in end.text for ch in SENTENCE_END):
            continue  # the page's first text, not one sentence finished: its headline block read as text?
        best: tuple[float, tuple] | None = None
        for idx, piece in enumerate(layout.pieces):
            key = ("piece", idx)
            if piece.line <= eline or idx == 0 or piece.start != "region" or piece.continued or key in used:
                continue
            right = piece.text[:TEXT_WINDOW]
            ahead = layout.vocab.cosine(etext, right)
            above = layout.vocab.cosine(layout.pieces[idx - 1].text[-TEXT_WINDOW:], right)
            if ahead >= RESUME_MIN and ahead >= RESUME_RATIO * above and (best is None or ahead - above > best[0]):
                best = (ahead - above, key)
        if best is not None:
            margin, key = best
            starts[key] = (layout.pieces[key[1]].line, layout.pieces[key[1]].text[:TEXT_WINDOW])
            options[ek] = [(margin, key)] + options.get(ek, [])
            pairs[ek] = key
            used.add(key)


def _headline_tails(layout: Layout, ends: dict, kept: dict, pairs: dict) -> None:
    """A story still ending mid-sentence whose last paragraph is a few lines with no
    clause punctuation at all, after a finished sentence: those lines are a headline
    printed after the story (or before the next one), not prose that goes on nowhere.
    They leave the body as an embedded title, and the story ends where its prose does."""
    for ek in [k for k in ends if k[0] == "piece" and k not in pairs]:
        piece = layout.pieces[ek[1]]
        body = [p for p in piece.paras if not p.subhead]
        last = piece.paras[-1]
        if len(body) < 2 or last.subhead or len(last.chunks) != 1 or len(last.chunks[0].lines) > HEAD_LINES:
            continue
        if body[-2].open_end or last.opens_mid or any(ch in last.raw for ch in _CLAUSE):
            continue
        if any(k[0] == "join" and k[1] == ek[1] and k[2] == len(piece.paras) - 1 for k in kept):
            continue  # a join into that paragraph was weighed: it is prose (or a story's rest)
        el = piece.paras.pop().chunks[0]
        el.kind = "title"
        piece.embedded.append(el)
        del ends[ek]


def _dangling_ends_and_orphans(layout: Layout) -> tuple[dict[tuple, tuple[int, str]], dict[tuple, tuple[int, str]]]:
    """ends: ("piece", idx) -> (last line, text) of pieces left open; starts: ("piece", idx)
    -> (first line, text) of orphans (pieces that open as no story's start)."""
    ends: dict[tuple, tuple[int, str]] = {}
    starts: dict[tuple, tuple[int, str]] = {}
    # a 下转 marker printed right under a piece ends that article on this page
    cut_off = {r.before for r in layout.regions if r.before is not None and r.elements
               and r.elements[0].kind == "marker" and "转" in r.elements[0].text}
    for idx, piece in enumerate(layout.pieces):
        body = [p for p in piece.paras if not p.subhead]
        if body and body[-1].open_end and idx not in cut_off:
            ends[("piece", idx)] = (piece.paras[-1].chunks[-1].lines[-1].no, piece.text[-TEXT_WINDOW:])
        if piece.start == "orphan":
            starts[("piece", idx)] = (piece.line, piece.text[:TEXT_WINDOW])
    return ends, starts


def _rival_joins(pieces: list[Piece], vocab, ends: dict, starts: dict) -> dict[tuple, float]:
    """Column-break joins inside pieces that a dangling end above or an orphan below can rival:
    each is added to ``ends`` and ``starts`` as ("join", idx, i, c) and returned with the score
    of keeping it."""
    kept: dict[tuple, float] = {}
    # orphans that visibly open mid-sentence ("的…", "，…"): the rest of a sentence cut
    # somewhere above, maybe at a column-break join that glued another story on
    orphans = [(sline, t) for sline, t in starts.values() if opens_mid_sentence(t)]
    if not (ends or orphans):
        return kept
    first_end = min((line for line, _ in ends.values()), default=None)
    last_orphan = max((line for line, _ in orphans), default=None)
    for idx, piece in enumerate(pieces):
        for i, c in _join_points(piece):
            line = piece.paras[i].chunks[c].line
            if not ((first_end is not None and line > first_end)
                    or (c > 0 and last_orphan is not None and line < last_orphan)):
                continue  # no end above it and no orphan below it to rival it
            right = _right_text(piece, i, c)
            left = _left_text(piece, i, c)
            base = vocab.cosine(left, right) + junction(left, right) + KEEP_BONUS
            rivals = [vocab.cosine(t, right) + junction(t, right) - MIN_SCORE
                      for (eline, t) in ends.values() if eline < line]
            # an orphan further down may be what the text before this join runs on into
            if c > 0:  # the text before the join ends mid-sentence
                rivals += [vocab.cosine(left, t) + junction(left, t) - MIN_SCORE + ORPHAN_BONUS
                           for (sline, t) in orphans if sline > line]
            if rivals and max(rivals) > base - 0.05:
                key = ("join", idx, i, c)
                left_line = _before(piece, i, c).lines[-1].no
                ends[key] = (left_line, _left_text(piece, i, c))
                starts[key] = (line, right)
                kept[key] = base
    return kept


def _worded_continuations(pieces: list[Piece], ends: dict, starts: dict) -> set[tuple]:
    """A piece under a headline region, or under a 下转 line (:func:`_may_resume`), may still
    be the rest of a story cut off above: when a word runs across the break (核心利|益问题),
    the region's titles (the jump) close the story printed before them. Such pieces are
    added to ``starts`` and returned."""
    worded: set[tuple] = set()
    piece_ends = [(line, t) for key, (line, t) in ends.items() if key[0] == "piece"]
    for idx, piece in enumerate(pieces):
        if _may_resume(piece) and any(
                line < piece.line and word_across(t, piece.text) for line, t in piece_ends):
            starts[("piece", idx)] = (piece.line, piece.text[:TEXT_WINDOW])
            worded.add(("piece", idx))
    return worded


def _may_resume(piece: Piece) -> bool:
    """May the piece be the rest of a story cut off above, for all the way it starts? A
    piece under a headline region may (its titles close the story printed before them), and
    so may one that opens no story by itself (no dateline, no 上接 marker) but starts anew
    only because the text above it was closed (a 下转 marker, a credit): that closes the
    story above, not the one the piece may go on with."""
    return piece.start == "region" or (piece.start == "hard" and not piece.paras[0].hard_start)


def _chain_bodies(pieces: list[Piece], pairs: dict, kept: dict[tuple, float]) -> list[Body]:
    """Pieces cut at the joins the matching broke, and the segments chained end to start
    into bodies, in the order of their first lines."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    for key in kept:
        if pairs.get(key) != key:
            cuts.setdefault(key[1], []).append((key[2], key[3]))
    segs_of = {idx: _split_piece(piece, idx, sorted(cuts.get(idx, []))) for idx, piece in enumerate(pieces)}
    succ: dict[int, Segment] = {}
    has_pred: set[int] = set()
    for end_key, start_key in pairs.items():
        if end_key == start_key:
            continue
        a = _end_segment(end_key, segs_of, pieces)
        b = _start_segment(start_key, segs_of, pieces)
        succ[id(a)] = b
        has_pred.add(id(b))
    bodies: list[Body] = []
    for idx in range(len(pieces)):
        for seg in segs_of[idx]:
            if id(seg) in has_pred:
                continue
            piece = pieces[seg.piece]
            body = Body([], piece.start if seg.head_of_piece else "orphan")
            cur: Segment | None = seg
            seen: set[int] = set()
            while cur is not None and id(cur) not in seen:
                seen.add(id(cur))
                _append_segment(body, cur)
                if cur.head_of_piece:
                    body.embedded.extend(pieces[cur.piece].embedded)
                cur = succ.get(id(cur))
            bodies.append(body)
    bodies.sort(key=lambda b: b.line)
    return bodies


def _end_segment(key: tuple, segs_of: dict[int, list[Segment]], pieces: list[Piece]) -> Segment:
    """The segment an end key (a dangling piece, or the left side of a join) closes."""
    if key[0] == "piece":
        return segs_of[key[1]][-1]
    for seg in segs_of[key[1]]:
        if seg.paras and seg.paras[-1].chunks and _ends_at(seg, pieces[key[1]], key[2], key[3]):
            return seg
    raise LookupError(key)


def _start_segment(key: tuple, segs_of: dict[int, list[Segment]], pieces: list[Piece]) -> Segment:
    """The segment a start key (an orphan piece, or the right side of a join) opens."""
    if key[0] == "piece":
        return segs_of[key[1]][0]
    target_line = pieces[key[1]].paras[key[2]].chunks[key[3]].line
    for seg in segs_of[key[1]]:
        if seg.first_line == target_line:
            return seg
    raise LookupError(key)


def _ends_at(seg: Segment, piece: Piece, i: int, c: int) -> bool:
    return seg.paras[-1].chunks[-1] is _before(piece, i, c)


def _append_segment(body: Body, seg: Segment) -> None:
    paras = [Para(list(p.chunks), p.subhead) for p in seg.paras]
    if body.paras and not body.paras[-1].subhead and paras and not paras[0].subhead \
            and body.paras[-1].open_end:
        body.paras[-1].chunks.extend(paras[0].chunks)
        paras = paras[1:]
    body.paras.extend(paras)
    body.spans.append((seg.first_line, seg.last_line))
