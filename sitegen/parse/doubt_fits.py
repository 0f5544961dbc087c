"""Self-doubt (:mod:`.doubts`) from which printed title fits which text: a headline sums up
its whole story, so a title that fits only part of its article, or fits another text
better than its own, tells of a boundary the parser may have got wrong.

* ``two_titles`` — two lines of one headline block (say the headline and what was read as
  its subtitle or kicker) each fit one part of the body, on either side of a boundary where
  a story may start (a finished sentence, then a blank line), and hardly the other part,
  the line printed first fitting the part printed first (titles printed together stand
  in the order of their stories): the lines sum up a story each, so two stories and their
  titles were joined;
* ``orphan`` — a body given no headline covers the headline of another article better
  than that article's own body does: the headline is most likely this body's (a story
  continued from another page keeps its headline on the page it started on, so a body
  opening with 上接 is doubted only through this cue);
* ``mid_start`` — a paragraph inside the body, after a finished sentence, opens with a
  dateline (本报北京3月5日电, 新华社…电) or a continuation marker (上接第1版): a story
  is printed from there; unless it reads as a round-up's next dispatch (the story's day,
  the story's words: :func:`.dispatches.expected_dispatch`), which a round-up prints so;
* ``two_datelines`` — the text opens with a dateline (新华社北京1月26日电 …) and a dateline
  printed alone in brackets after it closes a story ((据新华社北京1月25日电)), or two such
  closing datelines follow it: a story names its source and date once, at its start or
  at its end, so the text holds the end of another story (the parse keeps the first
  dateline and leaves the other over). An unbracketed dateline printed alone opens the
  story below it, which is no such evidence.
"""
from __future__ import annotations
from typing import TYPE_CHECKING, Sequence

from . import lines as L
from .assign import Assignment, Scorer
from .cut_points import can_cut
from .dispatches import expected_dispatch
from .bigrams import bigram_set, side_grams
from .headlines import Group, is_bracket_label
from .resume import Body
from .paragraphs import Para
from .text import Vocabulary
from .doubt_heads import rules

if TYPE_CHECKING:  # the signals these rules read (:mod:`.doubts` imports this module)
    from .doubts import Signals

# a title "fits" a part when it covers this share of its words there (IDF-weighted) ...
FITS = 0.3
# ... and "hardly" fits the other part when it covers at most this share of that (as
# :mod:`.doubt_glue` reads one headline on two sides)
HARDLY = 0.34
MIN_TITLE = 4  # characters of a block's line worth reading as a title of its own
# a body with no headline covers another article's headline at least this well, and
# better than that article's body does by this margin
ORPHAN, ORPHAN_MARGIN = 0.4, 0.1


def _titles(group: Group) -> list[tuple[str, int]]:
    """(text, line) of the block's lines that may be titles (labels aside)."""
    return [(u.text, u.line) for u in group.units
            if not (u.label or is_bracket_label(u.text)) and len(u.text.strip()) >= MIN_TITLE]


def two_titles(paras: Sequence[Para], group: Group, vocab: Vocabulary) -> tuple[int, int, int] | None:
    """(line of one title of the block, line of another, first line of the part the second
    fits) when the two fit the two parts of the body on either side of one boundary where
    a story may start, each hardly the other part; None otherwise. ``paras``: the body's
    paragraphs, subheads aside."""
    titles = _titles(group)
    if len(titles) < 2 or len(paras) < 2:
        return None
    paras = list(paras)
    cuts = [k for k in range(1, len(paras)) if paras[k].chunks[0].gap_before and can_cut(paras, k)]
    if not cuts:
        return None
    grams = frozenset().union(*(bigram_set(t) for t, _l in titles))
    for k, (left, right) in zip(cuts, side_grams([p.parts() for p in paras], cuts, grams)):
        sides = [(vocab.coverage(t, left), vocab.coverage(t, right), line) for t, line in titles]
        before = [line for a, b, line in sides if a >= FITS and b <= HARDLY * a]
        after = [line for a, b, line in sides if b >= FITS and a <= HARDLY * b]
        # (titles printed together stand in the order of their stories)
        pairs = [(a, b) for a in before for b in after if a < b]
        if pairs:
            return pairs[0][0], pairs[0][1], paras[k].line
    return None


def orphans(bodies: Sequence[Body], result: Assignment, scorer: Scorer) -> list[tuple[int, int] | None]:
    """For every body without a headline, (line of the headline of another article that it
    covers best, that article's first line) when it covers it at least ORPHAN and better
    than that article's body by ORPHAN_MARGIN; None otherwise."""
    out: list[tuple[int, int] | None] = [None] * len(bodies)
    heads = list(result.by_body.items())
    for j in range(len(bodies)):
        if j in result.by_body:
            continue
        best = None
        for i, g in heads:
            fit = scorer.content(g.match_text, j)
            if fit >= ORPHAN and fit >= scorer.content(g.match_text, i) + ORPHAN_MARGIN \
                    and (best is None or fit > best[0]):
                best = (fit, g.line, bodies[i].line)
        out[j] = None if best is None else best[1:]
    return out


def mark(bodies: Sequence[Body], texts: Sequence[Sequence[Para]], result: Assignment, scorer: Scorer,
         out: Sequence["Signals"]) -> None:
    """Set ``two_titles``, ``orphan`` and ``mid_start`` of every body's signals ``out``
    (``texts``: each body's paragraphs, subheads aside)."""
    for s, ps in zip(out, texts):
        s.mid_start = mid_start(ps, scorer.vocab)
    for i, group in result.by_body.items():
        out[i].two_titles = two_titles(texts[i], group, scorer.vocab)
    for s, found in zip(out, orphans(bodies, result, scorer)):
        s.orphan = found


def mid_start(paras: Sequence[Para], vocab: Vocabulary) -> int:
    """Line of the first paragraph after the lead that opens with a dateline or a
    continuation marker after a finished sentence, a round-up's expected dispatch aside,
    or 0."""
    for k in range(1, len(paras)):
        if paras[k].hard_start and not paras[k - 1].open_end \
                and not expected_dispatch(list(paras), k, vocab):
            return paras[k].line
    return 0


def two_datelines(paras: Sequence[Para], opening: str | None, closing: Sequence[str]) -> tuple[str, str] | None:
    """The first two datelines of a text when it has two or more, else None: the one that
    opens it (``opening``, printed alone above it, or else the one opening its first
    paragraph after a 上接 marker), then ``closing``, those printed alone in brackets after
    it. ``paras``: its paragraphs, subheads aside."""
    if not closing:  # no second dateline possible: the pattern (lazy runs of Han characters) not tried
        return None
    if opening is None and paras:
        first = paras[0].raw
        m = L.START_MARKER_RE.match(first)
        d = L.DATELINE_START_RE.match(first[m.end():] if m else first)
        opening = d.group(0) if d else None
    found = ([opening] if opening else []) + list(closing[:2])
    return (found[0], found[1]) if len(found) >= 2 else None


# (rule, the Signals field it reads, its reason), as :data:`.doubt_heads.REASONS`
REASONS = (
    ("two_titles", "two_titles",
     "the headline's lines {0} and {1} each fit only the text before / from line {2}: two articles joined?"),
    ("orphan", "orphan",
     "no headline, but the headline at line {0} fits this text better than its own (line {1}): it is this text's?"),
    ("mid_start", "mid_start",
     "the paragraph at line {0} opens with a dateline or 上接 marker: a new article starts there?"),
    ("two_datelines", "two_datelines",
     "the text has two datelines ({0}; {1}): a story gives one, so two articles joined?"),
)

RULES = rules(REASONS)
