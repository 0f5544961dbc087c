"""Stories run together next to a group of headlines printed together (issue 18, kind 2).

Some pages print the headlines of a few stories together, one after another, between
stretches of bodies: two or three bodies, then their headlines, then the next bodies.
Such a group counts the stories of the stretch it closes (or opens). When one of its
headlines is left over by the content assignment, the stretch holds a story the layout
ran into another one: two stories whose text meets at a finished sentence and a blank
line, about related things, so that no clear vocabulary shift (:func:`.complete.cut_at_shifts`)
marks the junction.

``cut_at_groups`` cuts such a body where the two headlines divide it between them: the
body's own headline covers one side well and the other side clearly less, and the
left-over headline is found on the other side at least as well as on the first. Of all
the boundaries of the stretch that allow it (finished sentences, a blank line between
them), the one where the two headlines' coverage differs most is taken. The group
closes (or opens) a stretch when two of its headlines or more head bodies printed on
one side of it and none heads a body on the other side: a kicker or a column name left
over above a headline printed next to its own story says nothing about the count. A
left-over headline closed by its own author line is a headline block, never a kicker:
one other headline of the group heading a body of the stretch is enough then.
"""
from __future__ import annotations

from .assign import Assignment, can_cut
from .complete import FILL_MIN, HEAD_SIDE, OTHER_SIDE, complete_headline, cut_once, cut_sides
from .headlines import Group
from .resume import Body
from .text import Vocabulary

MAX_CUTS = 40  # boundaries weighed in one body at most


def cut_at_groups(bodies: list[Body], result: Assignment, structural: list[list[Group]],
                  vocab: Vocabulary) -> list[Body] | None:
    """Bodies cut where a headline left over from a group of headlines printed together
    says that the stretch of bodies the group closes (or opens) holds one more story;
    None when nothing was cut."""
    spans = _region_spans(structural)
    cuts: dict[int, int] = {}
    for g in result.unassigned:
        if not complete_headline(g) or g.region not in spans:
            continue
        lo, hi = _stretch(spans, g.region, bodies, result, 1 if g.bylines else 2)  # (a byline: no kicker)
        best = None
        for i, body in enumerate(bodies):
            head = result.by_body.get(i)
            if i in cuts or head is None or not body.spans or body.line < lo or body.spans[-1][1] > hi:
                continue
            found = _best_cut(body, head, g, vocab)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], i, found[1])
        if best is not None:
            cuts[best[1]] = best[2]
    return cut_once(bodies, cuts)


def _region_spans(structural: list[list[Group]]) -> dict[int, tuple[int, int]]:
    """(first line, last line) of every region of headlines."""
    out = {}
    for r, groups in enumerate(structural):
        lines = [u.line + u.n_lines - 1 for g in groups for u in g.units] + \
            [ln for g in groups for ln in g.byline_lines]
        if lines:
            out[r] = (min(g.line for g in groups), max(lines))
    return out


def _stretch(spans: dict[int, tuple[int, int]], r: int, bodies: list[Body], result: Assignment,
             least: int = 2) -> tuple[int, int]:
    """Lines of the stretch of bodies that region ``r`` closes or opens, up to the
    neighbouring region: the side where ``least`` of its headlines or more head bodies,
    all of them on that side ((0, -1) when there is no such side)."""
    lo, hi = spans[r]
    heads = [i for i, h in result.by_body.items() if lo <= h.line <= hi]
    sides = {bodies[i].line < lo for i in heads}
    if len(heads) < least or len(sides) != 1:
        return 0, -1
    if sides.pop():
        return max([b for a, b in spans.values() if b < lo], default=-1) + 1, lo - 1
    return hi + 1, min([a for a, b in spans.values() if a > hi], default=10 ** 9) - 1


def _best_cut(body: Body, head: Group, g: Group, vocab: Vocabulary) -> tuple[float, int] | None:
    """(score, paragraph index) of the boundary where ``head`` keeps one side and the
    left-over ``g`` takes the other, or None."""
    paras = body.paras
    at = [k for k in range(1, len(paras)) if paras[k].chunks[0].gap_before and can_cut(paras, k)][:MAX_CUTS]
    best = None
    for k in at:
        left, right = cut_sides(paras, k)
        h_l, h_r = vocab.coverage(head.match_text, left), vocab.coverage(head.match_text, right)
        g_l, g_r = vocab.coverage(g.match_text, left), vocab.coverage(g.match_text, right)
        h_near, h_far, g_near, g_far = (h_l, h_r, g_r, g_l) if h_l >= h_r else (h_r, h_l, g_l, g_r)
        if h_near < HEAD_SIDE or h_far > OTHER_SIDE * h_near or g_near < max(g_far, FILL_MIN):
            continue
        score = h_near - h_far + g_near - g_far
        if best is None or score > best[0]:
            best = (score, k)
    return best
