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

A line of the group that shares no word with any body (a banner: a headline of images,
a slogan) counts a story as well when it is printed apart from each of the group's other
headlines, a blank line between: a kicker or a column name is printed tight over its
headline. With no words of its own to place the cut, the body's words and its own
headline must: the cut is at the body's clearest vocabulary shift
(:func:`.complete.shift_cut`), where that headline covers one side (HEAD_SIDE) and hardly a
word of the other (FAR_SIDE of that); the banner then heads the story cut off
(:func:`.grouping.pair_banners`). Measured (RNG 1-5 / 101-105 / 201-205, 30 pages): recall
default 94.1 → 94.5 / 94.2 → 94.2 / 92.7 → 92.7, pool 92.9 → 92.9 / 92.8 → 92.8 / 89.3 → 89.7.

The same count places such a banner (``pair_counted``): printed apart in a group, the one
banner of its group heads the one body of the group's stretch left without a headline.
"""
from __future__ import annotations

from collections.abc import Sequence

from .assign import Assignment, Scorer
from .cut_points import can_cut
from .complete import FAR_SIDE, FILL_MIN, HEAD_SIDE, OTHER_SIDE, complete_headline, cut_once, cut_sides, shift_cut
from .headlines import LEADING_LABEL, Group, Unit, is_section_name
from .resume import Body
from .text import Vocabulary

MAX_CUTS = 40  # boundaries weighed in one body at most


def cut_at_groups(bodies: list[Body], result: Assignment, structural: list[list[Group]],
                  vocab: Vocabulary, banners: Sequence[Unit] = ()) -> list[Body] | None:
    """Bodies cut where a headline left over from a group of headlines printed together
    says that the stretch of bodies the group closes (or opens) holds one more story;
    None when nothing was cut. ``banners``: headline units that matched no body's words
    (a line set apart by blank lines from the group's other headlines counts as one)."""
    spans = _region_spans(structural)
    cuts: dict[int, int] = {}
    for g, least, banner in [(g, 1 if g.bylines else 2, False) for g in result.unassigned if complete_headline(g)] \
            + [(g, 1, True) for g in _apart(banners, structural)]:
        if g.region not in spans:
            continue
        lo, hi = _stretch(spans, g.region, bodies, result, least)  # (a byline: no kicker)
        best = None
        for i, body in enumerate(bodies):
            head = result.by_body.get(i)
            if i in cuts or head is None or not body.spans or body.line < lo or body.spans[-1][1] > hi:
                continue
            found = _banner_cut(body, head, vocab) if banner else _best_cut(body, head, g, vocab)
            if found is None and not banner and _wordless(g, bodies, vocab):
                found = _banner_cut(body, head, vocab)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], i, found[1])
        if best is not None:
            cuts[best[1]] = best[2]
    return cut_once(bodies, cuts)


def pair_counted(result: Assignment, banners: list[Unit], structural: list[list[Group]], scorer: Scorer,
                 continued: set[int]) -> list[Unit]:
    """A group of headlines printed together counts the stories of the stretch it closes (or
    opens), one headline each. A headline of the group sharing no words with any body (a
    headline of images, a name, a translated story's) is placed by that count: a banner
    printed apart from the group's other headlines (a blank line between: a kicker or a
    column name is printed tight over its headline), or a left-over headline block closed
    by its own author line (a kicker never has one). When it is the only one of its group
    and exactly one body of the stretch (not a 上接 continuation: its headline is on another
    page) has no headline, it heads that body. Returns the banners left."""
    spans = _region_spans(structural)
    bodies = scorer.bodies
    wordless = [g for g in result.unassigned if g.bylines and complete_headline(g)
                and all(scorer.content(g.match_text, i) == 0 for i in range(len(bodies)))]
    found = _apart(banners, structural) + wordless
    for g in found:
        if g.region not in spans or sum(x.region == g.region for x in found) != 1:
            continue
        lo, hi = _stretch(spans, g.region, bodies, result, 1)
        headless = [i for i, b in enumerate(bodies) if i not in result.by_body and i not in continued
                    and b.spans and lo <= b.line and b.spans[-1][1] <= hi]
        if len(headless) == 1:
            result.by_body[headless[0]] = g
            result.unassigned = [x for x in result.unassigned if x is not g]
    used = {id(u) for grp in result.by_body.values() for u in grp.units}
    return [u for u in banners if id(u) not in used]


def _wordless(g: Group, bodies: list[Body], vocab: Vocabulary) -> bool:
    """Does the left-over headline share no words with any body (a headline of images, a
    quotation's)? Then it cannot place the cut itself, as a banner cannot."""
    return all(vocab.coverage(g.match_text, cut_sides(b.paras, 0)[1]) == 0 for b in bodies)


def _apart(banners: Sequence[Unit], structural: list[list[Group]]) -> list[Group]:
    """Banner units printed in a group of headlines, set apart from each of its other
    headline units by a blank line (a kicker or a column name is printed tight over its
    headline), not a section name or a bracketed label: each as a group of its own."""
    out = []
    if not banners:
        return out
    region = {id(v): r for r, groups in enumerate(structural) for g in groups for v in g.units}
    for u in banners:
        r = region.get(id(u))
        if r is None or is_section_name(u.text) or LEADING_LABEL.fullmatch(u.text.strip()):
            continue
        others = [v for g in structural[r] for v in g.units if v is not u]
        if others and all(v.line > u.line + u.n_lines or v.line + v.n_lines < u.line for v in others):
            out.append(Group([u], region=r))
    return out


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


def _banner_cut(body: Body, head: Group, vocab: Vocabulary) -> tuple[float, int] | None:
    """(score, paragraph index) of the body's clearest vocabulary shift (:func:`.complete.shift_cut`)
    when ``head`` covers one side of it (HEAD_SIDE) and hardly a word of the other (FAR_SIDE
    of that), or None: the story cut off takes a headline that shares no words with it
    (a banner), so the words of the body and its own headline must say it all."""
    found = shift_cut(body, vocab)
    if found is None:
        return None
    left, right = cut_sides(body.paras, found[0])
    near, far = sorted((vocab.coverage(head.match_text, left), vocab.coverage(head.match_text, right)), reverse=True)
    return (near - far, found[0]) if near >= HEAD_SIDE and far <= FAR_SIDE * near else None


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
