"""A line printed right after a byline-closed head: the head's series label (a column name
under the author line), or the next story's headline.

:func:`.headlines.build_groups` reads one line printed after a byline-closed group as that
group's label by print alone; :func:`unlabel` gives such a line back as a headline of its
own when its words say it names a story (see there).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .headlines import Group, is_bracket_label


LABEL_OWN = 0.2  # a label line's coverage of the body below it that makes it that body's headline


def unlabel(groups: list[Group], cover: Callable[[str, int], tuple[float, float]],
            best: Callable[[str, int], tuple[float, int | None]] | None = None) -> list[Group]:
    """A line printed after a byline-closed group is its series label, unless it opens the
    next story's head: its words are those of the body printed below it (coverage
    ≥ LABEL_OWN, more than twice its coverage of the body above), while the group's own
    headline reads as the head of the body above (a headline printed after its body, its
    byline under it, then the next story's headline over that story). Such a line becomes
    a group of its own. So does a line whose words are those of the body printed right
    above it (coverage ≥ LABEL_OWN) more than twice the head's own and the body below's: a
    story's headline printed after its body, under the next story's head. Bracketed labels
    (【…】) printed over the head are kickers by print and take no part.
    So, last, does a line whose words are those of another story than the head's, wherever
    printed (its best body nearby, ``best(text, line)`` → (coverage, body), covered
    ≥ LABEL_OWN and not the head's best body): a series label names a column and
    shares hardly a word with any story, the next headline of a block of them printed at
    the page's top (话说… / ●姚柏林 / 慎始而敬终) names its own story.
    ``cover(text, line)``: coverage of ``text`` on the bodies printed right before and
    right after ``line``. The groups given are not changed."""
    out: list[Group] = []
    for g in groups:
        labels = [u for u in g.units if u.label and not is_bracket_label(u.text)]
        head = "".join(u.text for u in g.units if not u.label and not is_bracket_label(u.text))
        if not g.closed or len(labels) != 1 or not head:
            out.append(g)
            continue
        lab = labels[0]
        lb, la = cover(lab.text, lab.line)
        hb, ha = cover(head, lab.line)
        if (la >= LABEL_OWN and la > 2 * lb and hb > ha) or (lb >= LABEL_OWN and lb > 2 * max(la, hb)) \
                or (best is not None and _names_other_story(lab.text, head, lab.line, best)):
            out.append(replace(g, units=[u for u in g.units if u is not lab]))
            out.append(Group([replace(lab, label=False, loose=True)], region=g.region))
        else:
            out.append(g)
    return out


def _names_other_story(label: str, head: str, line: int,
                       best: Callable[[str, int], tuple[float, int | None]]) -> bool:
    """Does the line printed as a label cover a story well (≥ LABEL_OWN), not the one its head covers best?"""
    own, body = best(label, line)
    return body is not None and own >= LABEL_OWN and best(head, line)[1] != body
