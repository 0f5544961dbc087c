"""Place a page's headline groups on its bodies: one stage, run on the bodies the layout
gave and again whenever a rule re-cuts them.

* The headline groups are merged by content (:func:`.grouping.group_loose`), assigned one
  to one (:func:`.assign.assign`) and left-over groups paired with a neighbour
  (:func:`.grouping.pair_leftovers`).
* Bodies holding several articles are split (:func:`.assign.split_bodies`) or cut where
  a left-over headline says a story is missing (:func:`.complete.cut_at_shifts`), or
  where a group of headlines printed together counts one story more than the stretch of
  bodies it closes shows (:func:`.grouped.cut_at_groups`).
* Bodies still without a headline are filled (:func:`.complete.fill`), and a page whose
  headlines are all in one block follows the block's order (:mod:`.blockorder`), its
  bodies re-cut to the block when needed (:mod:`.blocksplit`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .assign import Assignment, Scorer, SpanIndex, assign, split_bodies
from .blockjoins import no_cut_before
from .blockorder import block_items, block_units, merged, order_block
from .blocklines import recut_body
from .blocksplit import resegment
from .complete import cut_at_shifts, cut_off_unheaded, cut_once, fill
from .dated_cut import cut_dated
from .dispatches import join_dispatches
from .continued import unhead_continued
from .convention import by_convention, conventions
from .doubt_glue import Boundary
from .grouped import cut_at_groups, pair_counted
from .glue_cut import cut_glued
from .grouping import group_loose, kickers_after, pair_banners, pair_leftovers
from .headlines import Group, Unit, unlabel
from .kickers import kickers_over, titles_under
from .resume import Body
from .text import Vocabulary

SPLIT_ROUNDS = 3  # split_bodies passes
CUT_ROUNDS = 2  # cut_at_shifts passes


@dataclass
class Placement:
    """The page's final bodies and which headline group heads which of them."""

    bodies: list[Body]
    result: Assignment
    scorer: Scorer
    banners: list[Unit]  # headline units that head no body
    span_index: SpanIndex
    continued: set[int]  # bodies continuing an article from elsewhere (上接…)
    # the readings of the page decided against on the way (for self-doubt, :mod:`.readings`)
    readings: list[Reading] = field(default_factory=list)
    # where the glue cut looked for two stories run together, by body and headline (for
    # self-doubt, :func:`.doubt_glue.glue`, which need not look again at a body left whole)
    boundaries: list[Boundary] = field(default_factory=list)


@dataclass
class Reading:
    """A reading of the page the placement decided against: its bodies and, unless None
    (only the cut was decided), which headline group heads which of them."""

    name: str
    bodies: list[Body]
    by_body: dict[int, Group] | None


class Placer:
    """The headline groups of one page (``structural``: per region, as printed) and what
    the assignment needs to know about the page."""

    def __init__(self, structural: list[list[Group]], vocab: Vocabulary, continue_lines: list[int],
                 datelines: tuple[list[int], list[int]] = ([], [])):
        """``vocab``: the page's vocabulary by stories (:meth:`.Vocabulary.by_stories`). The
        headline scores, the cuts at vocabulary shifts and the re-division of a body by a
        block's lines read it; the label split, the cut of an unheaded story and the
        re-cut to a headline block read ``vocab.paragraphs`` (by stories, each moved some
        page set down: bench/README.md, sixth round). ``continue_lines``: lines of 上接…
        markers printed outside bodies (they mark the body printed after them as a
        continuation). ``datelines``: lines of datelines printed alone, those opening the
        body below and those closing the body above (:mod:`.dated_cut`)."""
        self.datelines = datelines
        self.structural = structural
        self.vocab = vocab
        self.continue_lines = continue_lines

    def groups(self, scorer: Scorer) -> tuple[list[Group], list[Unit]]:
        """The page's headline groups merged by content against the bodies of ``scorer``,
        and banners."""
        out: list[Group] = []
        banners: list[Unit] = []
        for groups in self.structural:
            merged, ban = group_loose(unlabel(groups, lambda text, line: _cover_around(scorer, text, line)),
                                      scorer)
            out.extend(g for g in merged if g.units or g.bylines)
            banners.extend(ban)
        return out, banners

    def assigned(self, bodies: list[Body], known: tuple[Scorer, tuple[list[Group], list[Unit]]] | None = None,
                 ) -> tuple[Scorer, Assignment, list[Unit]]:
        """The page's headline groups matched to ``bodies``, left-over headlines paired.
        ``known``: a scorer of ``bodies`` and ``self.groups`` of it when already made (the
        scorer's memos then serve the assignment too)."""
        scorer, (groups, banners) = known or self._grouped(bodies)
        result = assign(groups, scorer)
        pair_leftovers(result, scorer)
        kickers_over(result, scorer, banners)
        return scorer, result, banners

    def continued(self, bodies: list[Body], span_index: SpanIndex) -> set[int]:
        """Bodies that continue an article from elsewhere (a 上接… marker before or in them)."""
        marked = {span_index.neighbours(line)[1] for line in self.continue_lines}
        marked.discard(None)  # a 上接 marker printed after the page's last body continues none of it
        return marked | {i for i, b in enumerate(bodies) if b.paras and b.paras[0].start_marker}

    def _grouped(self, bodies: list[Body]) -> tuple[Scorer, tuple[list[Group], list[Unit]]]:
        """A scorer of ``bodies`` and the page's groups and banners merged against them."""
        scorer = Scorer(bodies, self.vocab)
        return scorer, self.groups(scorer)

    def _split(self, bodies: list[Body]) -> tuple[list[Body], tuple[Scorer, tuple[list[Group], list[Unit]]]]:
        """Bodies holding several articles split: (bodies, a scorer of them and their
        groups and banners)."""
        known = self._grouped(bodies)
        for _ in range(SPLIT_ROUNDS):
            scorer, (groups, _) = known
            split = split_bodies(groups, scorer)
            if split is None:
                break
            bodies = split
            known = self._grouped(bodies)
        return bodies, known

    def _completed(self, bodies: list[Body], scorer: Scorer, result: Assignment):
        """Unmatched bodies filled and the block order tried: (span index, continued
        bodies, the block-ordered assignment or None)."""
        span_index = SpanIndex(bodies)
        marked = self.continued(bodies, span_index)
        fill(result, scorer, marked)
        return span_index, marked, order_block(self.structural, bodies, scorer, result, frozenset(marked))

    def _split_by_lines(self, bodies: list[Body], ordered: Assignment, marked: set[int] = frozenset(),
                        ) -> tuple[list[Body], Assignment] | None:
        """Bodies cut where the block order gave one body the lines of several headlines
        that each explain their own part of it (:func:`.blocklines.recut_body`): the new
        bodies and their block-order assignment, or None when nothing was cut. A body in
        ``marked`` (continued from another page, 上接…) is left whole: its story may go
        without a headline here, so its lines do not count its stories; the page's other
        bodies are read all the same."""
        out: list[Body] = []
        placed = Assignment(unassigned=list(ordered.unassigned))
        changed = False
        for i, body in enumerate(bodies):
            items = ordered.items.get(i, [])
            pieces = recut_body(items, body, self.vocab) if len(items) >= 2 and i not in marked else None
            changed |= pieces is not None
            for piece, its in pieces or [(body, items)]:
                if its:
                    placed.by_body[len(out)] = merged(its) if pieces else ordered.by_body[i]
                    placed.items[len(out)] = its
                out.append(piece)
        return (out, placed) if changed else None

    def _cut(self, bodies: list[Body], placed: tuple[Scorer, Assignment, list[Unit]], readings: list[Reading],
             boundaries: list[Boundary]) -> tuple[list[Body], tuple[Scorer, Assignment, list[Unit]]]:
        """Bodies cut where the words change and the headlines say two stories run
        together (each reading decided against added to ``readings``, each boundary the
        glue cut looked for to ``boundaries``): the bodies and their ``assigned`` scorer,
        assignment and banners. ``placed``: those of ``bodies``."""
        for _ in range(CUT_ROUNDS):  # headlines left over: articles run together?
            # (a page whose headlines all head the body next to them by one convention
            # leaves none over: no story is missing)
            cut = cut_at_shifts(bodies, by_convention(placed[0], placed[1]) or placed[1], self.vocab)
            if cut is None:
                break
            readings.append(Reading("cut", bodies, dict(placed[1].by_body)))
            bodies, placed = cut, self.assigned(cut)
        grouped = cut_at_groups(bodies, placed[1], self.structural, self.vocab, placed[2])
        if grouped is not None:  # a group of headlines counts one story more than its stretch shows
            readings.append(Reading("cut", bodies, dict(placed[1].by_body)))
            bodies, placed = grouped, self.assigned(grouped)
        unheaded = cut_off_unheaded(bodies, placed[1], self.vocab.paragraphs,
                                    self.continued(bodies, SpanIndex(bodies)))
        if unheaded is not None:  # a story without a headline ran into a headed one
            readings.append(Reading("unheaded", bodies, dict(placed[1].by_body)))
            bodies, placed = unheaded, self.assigned(unheaded)
        glued = cut_glued(bodies, placed, self.assigned)
        boundaries += glued.found
        if glued.cut is not None:  # two stories run together, and a headline of the page heads the second
            readings.append(Reading("cut", bodies, dict(placed[1].by_body)))
            bodies, placed = glued.cut
        dated = cut_once(bodies, cut_dated(bodies, *self.datelines, self.vocab.paragraphs))
        if dated is not None:  # a body opened by one dateline and closed by another: two stories
            readings.append(Reading("cut", bodies, dict(placed[1].by_body)))
            bodies, placed = dated, self.assigned(dated)
        return bodies, placed

    def place(self, bodies: list[Body]) -> Placement:
        """Headlines placed on ``bodies``, which may be split, cut or re-cut on the way."""
        given = bodies
        bodies, known = self._split(bodies)
        readings = [Reading("split", given, None)] if bodies is not given else []
        boundaries: list[Boundary] = []
        bodies, (scorer, result, banners) = self._cut(bodies, self.assigned(bodies, known), readings, boundaries)
        readings.append(Reading("content", bodies, dict(result.by_body)))
        span_index, marked, ordered = self._completed(bodies, scorer, result)
        recut = resegment(self.structural, bodies, self.vocab.paragraphs, frozenset(marked)) if ordered else None
        if recut is not None:  # the page follows its headline block: bodies re-cut to it
            readings.append(Reading("recut", bodies, dict(ordered.by_body)))
            bodies = recut
            scorer, result, banners = self.assigned(bodies)
            readings.append(Reading("content", bodies, dict(result.by_body)))
            span_index, marked, ordered = self._completed(bodies, scorer, result)
        if ordered is not None:
            split = self._split_by_lines(bodies, ordered, marked)
            if split is not None:  # several headlines of the block went to one body
                readings.append(Reading("block_lines", bodies, dict(ordered.by_body)))
                bodies, ordered = split
                scorer = Scorer(bodies, self.vocab)
                span_index = SpanIndex(bodies)
                marked = self.continued(bodies, span_index)
        if ordered is not None:  # all headlines in one block, in the bodies' order
            result = ordered
            placed = {id(x) for g in result.by_body.values() for u in g.units for x in (u, u.of)}
            banners = [u for u in block_units(self.structural) if id(u) not in placed]
        else:  # headlines between the bodies: one convention for the page?
            readings += [Reading("after" if after else "before", bodies, found.by_body)
                         for after, found in conventions(scorer, result)]
            result = by_convention(scorer, result) or result
        unhead_continued(result, scorer, marked)  # a continuation's jump headline repeats its words
        banners = pair_counted(result, pair_banners(result, banners, scorer, marked), self.structural, scorer, marked)
        banners = kickers_after(result, banners, scorer)
        banners = titles_under(result, banners, scorer)
        joined = join_dispatches(bodies, result, marked, scorer,
                                 _block_heads(self.structural, bodies) if ordered is not None else None)
        if joined is not None:  # a round-up's dispatches, cut at their datelines, joined again
            bodies, result, marked = joined
            scorer, span_index = Scorer(bodies, self.vocab), SpanIndex(bodies)
        return Placement(bodies, result, scorer, banners, span_index, marked, readings, boundaries)


def _block_heads(structural: list[list[Group]], bodies: list[Body]) -> int | None:
    """The count of headlines in the page's one block of headlines (its groups, less those
    that go on into the next, as :mod:`.blocksplit` counts them), or None when it has none."""
    items = block_items(structural, bodies)
    return None if items is None else len(items) - sum(no_cut_before(items))


def _cover_around(scorer: Scorer, text: str, line: int) -> tuple[float, float]:
    """Coverage of ``text`` on the bodies printed right before and right after ``line``
    (0 where there is none)."""
    return tuple(0.0 if i is None else scorer.content(text, i)  # type: ignore[return-value]
                 for i in scorer.spans.neighbours(line))
