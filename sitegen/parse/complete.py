"""Page-level completion of the headline ↔ body assignment.

Every headline block printed on a page heads some body of that page. When headline blocks
are left over after the content assignment (:mod:`.assign`), the page holds more articles
than bodies were found — two stories were run together — or a headline shares too few
words with its body to be matched by content alone. Two general rules use that evidence:

* ``cut_at_shifts``: one cut per left-over headline block, in the body whose vocabulary
  shifts most clearly at a paragraph boundary (:mod:`.cohesion`), when that headline
  covers the words of one side of the cut and clearly not the other;
* ``fill``: left-over headline blocks and bodies without a headline (and without a
  continuation marker) are paired, best content match first, each headline to at most
  one body, when they share at least a few words.
"""
from __future__ import annotations

from . import cohesion
from .assign import Assignment, Scorer
from .cut_points import can_cut
from .headlines import Group
from .resume import Body, cut
from .paragraphs import Para
from .text import Vocabulary, joined_bigram_set

SHIFT = 0.02  # cohesion across the cut below this ...
SHIFT_RATIO = 0.35  # ... and below this share of the body's median cohesion
OWN_SIDE = 0.1  # the left-over headline covers its side at least this well ...
OTHER_SIDE = 0.4  # ... and the other side at most this share of that
HEAD_SIDE = 0.3  # or the body's own headline covers its side this well (and the other not)
FILL_MIN = 0.05  # a left-over headline and a headline-less body sharing this much
NEAR_SIDE = 0.15  # a headline covers the side printed next to it this well (itself or one of its lines)
FAR_SIDE = 0.1  # ... and the story cut off (left without headline) at most this share of that
UNHEADED_PARAS = 3  # paragraphs on each side of such a cut
CONTINUED_SHIFT, CONTINUED_RATIO = 1.0, 1.0  # the same in a continued body headed from below
LEAD_SIDE = 0.05  # ... else its lead brings this much of the headline's words, new to the text above
LEAD_FAR_SIDE = 0.2  # ... and that text covers the headline at most this share of the text below


def complete_headline(g: Group) -> bool:
    """A whole headline block (a byline, a subtitle, several units or lines), not a stray
    label or kicker line."""
    if not g.units or all(u.label for u in g.units):
        return False
    return bool(g.bylines) or len(g.units) >= 2 or any(u.n_lines >= 2 for u in g.units)


def shift_cut(body: Body, vocab: Vocabulary, shift: float = SHIFT, ratio: float = SHIFT_RATIO,
               ) -> tuple[int, float] | None:
    """(index into body.paras, score) of the clearest topic shift at a boundary where an
    article may start, or None. Lower scores are clearer shifts. The shift's cohesion is
    below ``shift`` and below ``ratio`` times the body's median."""
    idx = [k for k, p in enumerate(body.paras) if not p.subhead]
    if len(idx) < 2:
        return None
    found = cohesion.gaps([body.paras[k].parts() for k in idx], vocab)
    if not found:
        return None
    sims = sorted(g.similarity for g in found)
    typical = sims[len(sims) // 2]
    best = None
    for gap in found:
        at = idx[gap.index]
        if gap.similarity >= shift or gap.similarity >= ratio * typical:
            continue
        if not can_cut(body.paras, at):
            continue
        if best is None or gap.similarity < best[1]:
            best = (at, gap.similarity)
    return best


def cut_sides(paras: list[Para], at: int) -> tuple[set[str], set[str]]:
    """The bigrams of the text before paragraph ``at`` and of the text from it on."""
    return (joined_bigram_set([t for p in paras[:at] for t in p.parts()]),
            joined_bigram_set([t for p in paras[at:] for t in p.parts()]))


def _sides(g: Group, left: set[str], right: set[str], vocab: Vocabulary) -> tuple[float, float]:
    """Coverage of the headline by the side it fits better, and by the other side."""
    a, b = vocab.coverage(g.match_text, left), vocab.coverage(g.match_text, right)
    return (a, b) if a >= b else (b, a)


def cut_at_shifts(bodies: list[Body], first: Assignment, vocab: Vocabulary) -> list[Body] | None:
    """Bodies cut where headline blocks left over by the assignment ``first`` say an
    article is missing; None when nothing was cut."""
    unused = [g for g in first.unassigned if g.units and not all(u.label for u in g.units)]
    if not unused:
        return None
    cuts: dict[int, int] = {}
    shifts: dict[int, tuple[int, float] | None] = {}
    for g in unused:
        best = None
        for i, body in enumerate(bodies):
            if i in cuts:
                continue
            if i not in shifts:
                shifts[i] = shift_cut(body, vocab)
            found = shifts[i]
            if found is None:
                continue
            at, sim = found
            left, right = cut_sides(body.paras, at)
            # the left-over headline fits one side, or the body's own headline fits one
            # side only (the other side is the story that lost its headline)
            own, other = _sides(g, left, right, vocab)
            head = first.by_body.get(i)
            if head is not None:
                h_own, h_other = _sides(head, left, right, vocab)
                h_left = vocab.coverage(head.match_text, left) >= vocab.coverage(head.match_text, right)
                g_far = vocab.coverage(g.match_text, right if h_left else left)
                if h_own >= HEAD_SIDE and h_other <= OTHER_SIDE * h_own and g_far >= FILL_MIN:
                    own, other = max(own, h_own), min(other, h_other)
            if own < OWN_SIDE or other > OTHER_SIDE * own:
                continue
            if best is None or own - other > best[0]:
                best = (own - other, i, at)
        if best is not None:
            cuts[best[1]] = best[2]
    return cut_once(bodies, cuts)


def cut_once(bodies: list[Body], cuts: dict[int, int]) -> list[Body] | None:
    """``bodies`` with body ``i`` cut in two before its paragraph ``cuts[i]``; None when
    ``cuts`` is empty."""
    if not cuts:
        return None
    out: list[Body] = []
    for i, body in enumerate(bodies):
        out += cut(body, [0, cuts[i], len(body.paras)]) if i in cuts else [body]
    return out


def cut_off_unheaded(bodies: list[Body], result: Assignment, vocab: Vocabulary,
                     continued: set[int] = frozenset()) -> list[Body] | None:
    """Bodies cut where a story without a headline of its own (a continuation from
    another page, a brief) runs into a headed one; None when nothing was cut.

    A headline is printed next to its story: right above its first paragraph or right
    below its last. When the vocabulary of a body shifts clearly at a boundary where an
    article may start, the body's headline covers the side printed next to it
    (≥ NEAR_SIDE, the whole block or one of its lines) and shares hardly a word with
    the far side (≤ FAR_SIDE of that), the far side is another story: it is cut off and
    keeps no headline. Both sides hold UNHEADED_PARAS paragraphs or more (the closing
    quote of a feature shares no headline words either). A body in ``continued`` opens
    with a story begun on another page (上接…); when its headline is printed below it, the
    headline heads a story run into that continuation (it is not the continuation's), so
    the cut needs only the body's clearest shift, below its median cohesion, not one
    below SHIFT and SHIFT_RATIO of the median; when that shift is no story's start (a new
    turn of the continued story, too near an end to cut at), the story starts at its
    lead (:func:`continued_cut`)."""
    cuts: dict[int, int] = {}
    for i, g in result.by_body.items():
        body = bodies[i]
        if not g.units or len(body.paras) < 2 * UNHEADED_PARAS:
            continue
        above = g.line < body.line
        # (cheap test first: the far side holds at least the last/first paragraphs)
        edge = body.paras[-UNHEADED_PARAS:] if above else body.paras[:UNHEADED_PARAS]
        if any(vocab.coverage(g.match_text, joined_bigram_set(p.parts())) > FAR_SIDE for p in edge):
            continue
        jumped = i in continued and not above
        texts = [g.match_text] + [u.text for u in g.units if not u.label]
        found = shift_cut(body, vocab, *((CONTINUED_SHIFT, CONTINUED_RATIO) if jumped else (SHIFT, SHIFT_RATIO)))
        if found is not None and _unheaded_side(body, found[0], texts, above, vocab):
            cuts[i] = found[0]
        elif jumped:
            at = continued_cut(body, texts, vocab)
            if at is not None:
                cuts[i] = at
    return cut_once(bodies, cuts)


def _unheaded_side(body: Body, at: int, texts: list[str], above: bool, vocab: Vocabulary,
                   far_side: float = FAR_SIDE) -> bool:
    """Cut before paragraph ``at``, does ``body`` hold UNHEADED_PARAS paragraphs or more
    each side, and do the headline ``texts`` (the block, its lines) printed above it
    (``above``) or below it cover the side next to them (≥ NEAR_SIDE) and hardly the
    far side (≤ ``far_side`` of that)?"""
    if min(at, len(body.paras) - at) < UNHEADED_PARAS:
        return False
    left, right = cut_sides(body.paras, at)
    near, far = (left, right) if above else (right, left)
    own = max(vocab.coverage(t, near) for t in texts)
    other = max(vocab.coverage(t, far) for t in texts)
    return own >= NEAR_SIDE and other <= far_side * own


def continued_cut(body: Body, texts: list[str], vocab: Vocabulary) -> int | None:
    """Where the story headed by ``texts`` (printed below ``body``) starts in a body that
    opens with a story continued from another page (上接…), when its clearest shift is no
    such start: of the boundaries below the body's median cohesion where the headline
    covers the side after and hardly the side before (≤ LEAD_FAR_SIDE of that,
    :func:`_unheaded_side`), the one of least cohesion whose paragraph after brings
    words of the headline that the text before it never uses (≥ LEAD_SIDE).

    A continued piece is the end of a story headed on another page: the headline printed
    under it heads the story run into it, and a news story's first paragraph, its lead,
    says what its headline says; a paragraph of the continued story that happens to
    share few words with the one before it brings none of the headline's own words."""
    idx = [k for k, p in enumerate(body.paras) if not p.subhead]
    found = cohesion.gaps([body.paras[k].parts() for k in idx], vocab)
    if not found:
        return None
    typical = sorted(g.similarity for g in found)[len(found) // 2]
    for gap in sorted(found, key=lambda g: g.similarity):
        at = idx[gap.index]
        if gap.similarity >= typical:
            break
        if not can_cut(body.paras, at) or not _unheaded_side(body, at, texts, False, vocab, LEAD_FAR_SIDE):
            continue
        new = joined_bigram_set(body.paras[at].parts()) - cut_sides(body.paras, at)[0]
        if max(vocab.coverage(t, new) for t in texts) >= LEAD_SIDE:
            return at
    return None


def fill(result: Assignment, scorer: Scorer, continuations: set[int]) -> None:
    """Pair left-over headline blocks with headline-less bodies (not continuations) that
    share words with them, best pair first, one to one."""
    free = [i for i in range(len(scorer.bodies)) if i not in result.by_body and i not in continuations]
    groups = [g for g in result.unassigned if complete_headline(g)]
    pairs = sorted(((scorer.content(g.match_text, i), gi, i) for gi, g in enumerate(groups) for i in free),
                   key=lambda t: (-t[0], t[1], t[2]))
    used: set[int] = set()
    for c, gi, i in pairs:
        if c < FILL_MIN:
            break
        if gi in used or i in result.by_body:
            continue
        result.by_body[i] = groups[gi]
        used.add(gi)
    taken = {id(groups[gi]) for gi in used}
    result.unassigned = [g for g in result.unassigned if id(g) not in taken]
