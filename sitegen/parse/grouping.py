"""Headline units of one region grouped by content, and headline blocks left over after
the assignment paired with the body printed next to them (layout ties a headline to its
body when the words do not).

* Loose headline units of one region are grouped: neighbours that best match the same
  body form one group; a unit matching nothing well between two units of one group
  joins them; otherwise it is a banner. A unit at the edge of its region sharing some
  words with the body printed on that side heads it; a bracketed label heads the unit
  printed after it.
  A title printed after a dash deck (——…) starts a head of its own: a deck is printed last
  in its head.
* A block left over goes to a headline-less body printed right before or after it, the
  best-scoring (block, body) pair first.
"""
from __future__ import annotations

from dataclasses import replace

from .assign import MIN_ASSIGN, Assignment, Scorer
from .headlines import SUBTITLE_PREFIXES, Group, Unit, is_section_name, is_short_label, opens_statement

MIN_UNIT = 0.25
MIN_AFTER = 0.15  # ... or this, for a unit at its region's edge on the body printed next to it


def group_loose(region_groups: list[Group], scorer: Scorer) -> tuple[list[Group], list[Unit]]:
    """Merge loose single-unit groups of one region by best-matching body.

    * A unit whose content matches some body (coverage ≥ MIN_UNIT) takes that body;
      so does a unit at the edge of its region (the first, the last) whose best body is
      the one printed on that side of it, sharing some of its words (≥ MIN_AFTER): a
      headline printed right after or right before its body.
    * A weak unit between two units of the same body, or at the edge of the region
      next to one (sharing a word or two with that body: IDF coverage ≥ 0.05), joins
      them; a label sharing nothing stays a banner.
    * A unit of a region of several that shares some words (≥ MIN_AFTER) with a body
      no other unit of the region claims heads it: headlines printed together each
      head a story of their own.
    * A unit that matches nothing is a banner — unless it is alone in its region,
      where the position bonus may still place it.
    * Consecutive loose units with the same body form one group.
    * A short bracketed label (【今日聚焦】) heads the unit printed right after it
      (:func:`_labels_head_next`, :func:`_labels_over_closed`).
    """
    region_groups = _labels_over_closed(region_groups)
    loose = [k for k, g in enumerate(region_groups) if not g.closed]
    target: dict[int, int | None] = {}
    weak: dict[int, float] = {}
    best: dict[int, int | None] = {}
    section = {k for k in loose if is_section_name(region_groups[k].text)}
    for k in loose:
        g = region_groups[k]
        if k in section:
            target[k] = None
            weak[k] = 0.0
            continue
        body, _ = scorer.best(g.match_text, g.line)
        content = scorer.content(g.text, body) if body is not None else 0.0
        target[k] = body if content >= MIN_UNIT or (
            content >= MIN_AFTER and body is not None and _next_to(region_groups, k, body, scorer)) else None
        weak[k] = content
        best[k] = body
    claimed = {b for b in target.values() if b is not None}
    for k in loose:  # several headlines printed together, one for a body no other one claims
        if target[k] is None and weak[k] >= MIN_AFTER and best[k] not in claimed and len(loose) >= 2:
            target[k] = best[k]
    only_one = len(region_groups) == 1 and not section
    for k in loose:
        if target[k] is not None or only_one or k in section:
            continue
        g = region_groups[k]
        prev_b = target.get(k - 1)
        next_b = target.get(k + 1)
        sides = [b for b in (prev_b, next_b) if b is not None]
        edge = (k - 1 not in target) or (k + 1 not in target)
        if prev_b is not None and prev_b == next_b:
            target[k] = prev_b
        elif edge and len(sides) == 1 and scorer.content(g.text, sides[0]) >= 0.05:
            target[k] = sides[0]
        elif any(u.subtitle for u in g.units) and sides:
            target[k] = sides[0]
    _labels_head_next(region_groups, target)
    _statements_head_next(region_groups, target, scorer)
    return _gathered(region_groups, target, only_one, section, scorer)


def _gathered(region_groups: list[Group], target: dict[int, int | None], only_one: bool,
              section: set[int], scorer: Scorer) -> tuple[list[Group], list[Unit]]:
    """The region's groups with consecutive loose units of one body joined, and its banners
    (units with no body)."""
    out: list[Group] = []
    banners: list[Unit] = []
    prev_k: int | None = None
    for k, g in enumerate(region_groups):
        if g.closed:
            if k == len(region_groups) - 1 and prev_k == k - 1 and len(out[-1].units) == 1 \
                    and _kicker_of(g, target[k - 1], scorer):
                # the unit right above a byline-closed head printed over its body, a
                # head that matches nothing by itself, is that head's kicker
                kicker = replace(out.pop().units[0], kicker=True)
                g = replace(g, units=[kicker, *g.units])
            out.append(g)
            prev_k = None
            continue
        if (target.get(k) is None and not only_one) or k in section:
            banners.extend(g.units)
            prev_k = None
            continue
        if prev_k is not None and target.get(prev_k) == target.get(k) and target.get(k) is not None \
                and not _after_deck(out[-1], g):
            out[-1].units.extend(g.units)
        else:
            out.append(Group(list(g.units), region=g.region))
        prev_k = k
    return out, banners


def _after_deck(head: Group, g: Group) -> bool:
    """Is ``g`` a title printed after the dash deck (——…) that ends ``head``? A head stack
    prints its dash deck last, under the headline: a title after it is another story's
    head (several heads printed together), never more of this one."""
    last = head.units[-1] if head.units else None
    return last is not None and last.subtitle and last.text.lstrip().startswith(SUBTITLE_PREFIXES) \
        and bool(g.units) and not g.units[0].subtitle


def _labels_head_next(region_groups: list[Group], target: dict[int, int | None]) -> None:
    """A bracketed section label (【今日聚焦】) printed right over a loose headline unit of
    its region (blank lines between them or not) heads that unit's body, whatever words it
    seems to share with another: a label is printed over the headline it files."""
    for k in sorted(target):
        nxt = target.get(k + 1)
        if nxt is not None and is_short_label(region_groups[k].text):
            target[k] = nxt


def _statements_head_next(region_groups: list[Group], target: dict[int, int | None], scorer: Scorer) -> None:
    """A title ending on a verb that announces a statement (…批示指出, …座谈时强调) is the
    kicker over the title printed next under it, which says what was stated: no headline
    ends on 指出 or 强调, so the two are one head, a blank line between them or not. Each
    alone may seem to match another part of the story (the kicker its occasion, the
    headline its message); together they head the body that the two titles' words cover
    best."""
    for k in sorted(target):
        nxt = k + 1
        if nxt not in target or not opens_statement(region_groups[k].text) \
                or region_groups[nxt].units[0].subtitle or opens_statement(region_groups[nxt].text):
            continue
        bodies = {b for b in (target[k], target[nxt]) if b is not None}
        if not bodies:
            continue
        text = region_groups[k].match_text + region_groups[nxt].match_text
        target[k] = target[nxt] = max(sorted(bodies), key=lambda b: scorer.content(text, b))


def _labels_over_closed(region_groups: list[Group]) -> list[Group]:
    """A bracketed section label printed right over a byline-closed head is that head's
    kicker (by print: it files the headline under it). So is a title ending on a verb that
    announces a statement (…座谈时强调, …批示指出): it is printed over the title that says
    what was stated, never a head of its own (:func:`.headlines.opens_statement`)."""
    out: list[Group] = []
    for g in region_groups:
        prev = out[-1] if out else None
        over = g.closed and g.units and prev is not None and not prev.closed and len(prev.units) == 1
        if over and is_short_label(prev.units[0].text):
            label = replace(prev.units[0], label=True, loose=False)
            out[-1] = replace(g, units=[label, *g.units])
        elif over and not g.units[0].kicker and opens_statement(prev.units[0].text):
            kicker = replace(prev.units[0], kicker=True, loose=False)
            out[-1] = replace(g, units=[kicker, *g.units])
        else:
            out.append(g)
    return out


def _kicker_of(closed: Group, body: int | None, scorer: Scorer) -> bool:
    """Does a loose unit whose body is ``body`` belong over ``closed`` as its kicker? When
    ``body`` is the one printed right after the closed head and the head shares hardly
    any words with any body (a headline of images or a quote; its kicker carries the
    words)."""
    if body is None or not closed.units or scorer.spans.neighbours(closed.line)[1] != body:
        return False
    return all(scorer.content(closed.match_text, i) < MIN_ASSIGN for i in scorer.candidates(closed.line))


def _next_to(region_groups: list[Group], k: int, body: int, scorer: Scorer) -> bool:
    """Is ``body`` printed right next to unit ``k`` of its region, on the side where no
    other unit of the region stands (before the region's first unit, after its last)?"""
    before, after = scorer.spans.neighbours(region_groups[k].line)
    return (k == 0 and body == before) or (k == len(region_groups) - 1 and body == after)


def pair_leftovers(result: Assignment, scorer: Scorer) -> None:
    """A headline block that matched no body, printed right next to a body that has no
    headline: they belong together. That body may well be a continuation (上接第N版):
    papers repeat the headline over the continued part. Headlines often share few words with their body (a quote, a
    slogan, a name); the layout still ties them. The body printed before the block is
    preferred when both sides qualify (headlines usually follow their body), unless the
    other side matches the words clearly better."""
    pairs = []
    for gi, g in enumerate(result.unassigned):
        if not g.units:
            continue
        before, after, _ = scorer._around(g.line)
        heading = all(u.heading for u in g.units)
        for b in dict.fromkeys((before, after)):
            if b is not None and b not in result.by_body:
                pairs.append((scorer.score(g.match_text, g.line, b, heading), gi, b))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))  # several blocks next to one body: the best one
    used: set[int] = set()
    for _s, gi, b in pairs:
        if gi not in used and b not in result.by_body:
            result.by_body[b] = result.unassigned[gi]
            used.add(gi)
    result.unassigned = [g for gi, g in enumerate(result.unassigned) if gi not in used]


def pair_banners(result: Assignment, banners: list[Unit], scorer: Scorer, continued: set[int]) -> list[Unit]:
    """Headline units left as banners (they match no body's words) printed right next to a
    body that has no headline: they head it. Every story of a page has a headline, and a
    headline of images, a quote or a name shares no words with its story; the print still
    puts it right before or after its body. Only the units between that body and any other
    placed headline count (a run: 【基层一线】 / headline / subtitle), not section names, not
    a run of labels alone, and not for a continued body (上接…: its repeated headline would
    share its words). The best-scoring (run, body) pair first, as in :func:`pair_leftovers`.
    Returns the banners left."""
    headless = [i for i in range(len(scorer.bodies)) if i not in result.by_body and i not in continued]
    if not headless or not banners:
        return banners
    placed = sorted(u.line for g in result.by_body.values() for u in g.units)
    pairs = []
    for b in headless:
        for run in _runs_next_to(b, banners, placed, scorer):
            text = "".join(u.text for u in run if not is_short_label(u.text)) or run[0].text
            pairs.append((scorer.score(text, run[0].line, b, all(u.heading for u in run)), run[0].line, b, run))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used: set[int] = set()
    for _s, _line, b, run in pairs:
        if b in result.by_body or any(id(u) in used for u in run):
            continue
        result.by_body[b] = Group(list(run))
        used.update(id(u) for u in run)
    return [u for u in banners if id(u) not in used]


def _runs_next_to(body: int, banners: list[Unit], placed: list[int], scorer: Scorer) -> list[list[Unit]]:
    """The banner units printed right after ``body`` (before any placed headline and the
    next body) and right before it (after any placed headline and the previous body)."""
    spans = scorer.bodies[body].spans
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    runs = []
    for side in ("after", "before"):
        near = [u for u in banners if scorer.spans.neighbours(u.line)[0 if side == "after" else 1] == body
                and (u.line > last if side == "after" else u.line < first) and not is_section_name(u.text)]
        if side == "after":
            stop = next((x for x in placed if x > last), None)
            run = [u for u in near if stop is None or u.line < stop]
        else:
            stop = next((x for x in reversed(placed) if x < first), None)
            run = [u for u in near if stop is None or u.line > stop]
        run.sort(key=lambda u: u.line)
        if run and not all(is_short_label(u.text) for u in run):
            runs.append(run)
    return runs


def kickers_after(result: Assignment, banners: list[Unit], scorer: Scorer) -> list[Unit]:
    """A one-line title left over (a block that matched no body, or a banner) printed right
    over a byline-closed head that heads the body printed before it joins that head: a
    headline block printed after its story reads kicker, headline, byline — the body closes
    it from above, the byline from below. Only when the title shares words with that story
    (IDF coverage ≥ MIN_AFTER; a kicker carries its story's theme) and no other headline
    unit or body is printed between them. Which of the titles is the headline is then left
    to :func:`.title_roles.roles` (the lead, a heading mark). Returns the banners left."""
    spare = [(u, g) for g in result.unassigned if len(g.units) == 1 for u in g.units]
    spare += [(u, None) for u in banners]
    if not spare:
        return banners
    lines = [u.line for g in [*result.by_body.values(), *result.unassigned] for u in g.units]
    lines += [u.line for u in banners]
    taken: set[int] = set()
    for b, g in list(result.by_body.items()):
        if not g.closed or not g.units or g.units[0].kicker or g.units[0].label \
                or scorer.spans.neighbours(g.line)[0] != b:
            continue
        found = _title_over(g, spare, lines, scorer)
        if found is None or id(found[0]) in taken or scorer.content(found[0].text, b) < MIN_AFTER:
            continue
        unit, owner = found
        taken.add(id(unit))
        result.by_body[b] = replace(g, units=[unit, *g.units])
        if owner is not None:
            result.unassigned = [x for x in result.unassigned if x is not owner]
    return [u for u in banners if id(u) not in taken]


def _title_over(head: Group, spare: list[tuple[Unit, Group | None]], lines: list[int],
                scorer: Scorer) -> tuple[Unit, Group | None] | None:
    """The left-over one-line title printed right over ``head`` (no headline unit and no
    body between them; not a subtitle, a label or a section name), with the group it
    came in (None for a banner)."""
    for unit, owner in spare:
        if unit.line < head.line and not any(unit.line < x < head.line for x in lines):
            if unit.n_lines != 1 or unit.subtitle or is_short_label(unit.text) or is_section_name(unit.text):
                return None
            if scorer.spans.neighbours(unit.line) != scorer.spans.neighbours(head.line):
                return None
            return unit, owner
    return None
