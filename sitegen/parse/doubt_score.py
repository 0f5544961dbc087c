"""Self-doubt (:mod:`.doubts`) from weak signs counted together, each graded, not cut.

Each sign below also shows on articles the parser got right: two stories on one subject
share words across their boundary, a short headline is often covered by a neighbour too,
a story continued from another page (上接) prints no headline. What rarely happens on a
right article is several of them at once, each a little stronger than usual. Each sign is
measured as a number (how much, not whether), weighted, and the article is doubted when
the sum reaches ``THRESHOLD``:

* ``rival`` — another text covers the headline nearly as well as the article's own text
  (coverage of the other text minus this one's; a headline sums up its own story, so a
  second text it fits about as well may be part of it, or the one it heads);
* ``join`` — the words run on across the boundary into the neighbouring article as they do
  inside one story (cosine of the topic bigrams either side);
* ``tail`` — the article's last paragraph shares words with the next text's opening (a
  story's end does not announce the next story: that paragraph may be the next one's start);
* ``headless`` — no headline (only on texts no rule doubts: a continued text, 上接, or one
  opening mid-sentence, whose headline may be on the page after all);
* ``runs_on`` — a reading of the page the placement decided against runs this story on into
  the next text (:mod:`.readings`);
* ``long_head`` — characters of the headline block (a joined block is longer).

Weights and threshold were fitted on generated pages (tests/relayout.py, RNG 1-5, 21-25 and
31-35, 30 pages each, the seeds' stories with and without the wider habits; a logistic
regression over the articles no other doubt reaches, the threshold set so that about 1.3 %
of all right articles gain a doubt: ``bench/doubt_calibration.py --rng
1,2,3,4,5,21,22,23,24,25,31,32,33,34,35 --wider both --fit-signs 0.013`` gives these weights
and 2.12, 0.012 gives 2.16) and checked on RNG 101-105 and 201-205, both story pools
(``bench/README.md``, s13-doubt). Only articles no other rule or cue doubts are scored.
The reason names the signs that stand out against a right article's usual values,
strongest first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the signals scored (:mod:`.doubts` imports this module)
    from .doubts import Signals

THRESHOLD = 2.13
W_RIVAL = 2.0  # per unit of coverage difference (another text's minus its own), from -1
W_JOIN = 15.8  # per unit of cosine across the boundary, up to CAP
W_TAIL = 7.8  # per unit of cosine of the last paragraph with the next text's opening, up to CAP
W_HEADLESS = 1.75
W_RUNS_ON = 2.1
W_HEAD_CHAR = 0.0114  # per character of the headline block, up to HEAD_CAP
CAP = 0.15  # a cosine past this adds nothing more
HEAD_CAP = 80
# a right article's usual values (means on the fitting pages): a sign is named in the
# reason when it adds this much more than usual to the score
USUAL = {"rival": -0.51, "join": 0.036, "tail": 0.009, "headless": 0.06, "runs_on": 0.017, "long_head": 21.0}
NAMED = 0.2
WEIGHTS = {"rival": W_RIVAL, "join": W_JOIN, "tail": W_TAIL, "headless": W_HEADLESS,
           "runs_on": W_RUNS_ON, "long_head": W_HEAD_CHAR}


def measures(s: Signals) -> dict[str, float]:
    """Each sign's value on ``s`` (see the module's list)."""
    rival = s.cues.rival
    return {
        "rival": max(rival[0] - s.match, -1.0) if rival is not None and s.match is not None else -1.0,
        "join": min(s.cues.join[0], CAP) if s.cues.join is not None else 0.0,
        "tail": min(s.tail[1], CAP) if s.tail is not None else 0.0,
        "headless": 1.0 if s.match is None else 0.0,
        "runs_on": 1.0 if s.other.cut is not None and s.other.cut[1] == "on" else 0.0,
        "long_head": float(min(s.head_chars, HEAD_CAP)),
    }


def score(s: Signals) -> float:
    return sum(WEIGHTS[k] * v for k, v in measures(s).items())


def _sign(name: str, s: Signals) -> str:
    if name == "rival":
        return f"the headline also fits the text at line {s.cues.rival[1]} " \
               f"({s.cues.rival[0]:.2f}; its own {s.match:.2f})"
    if name == "join":
        return f"the words run on across line {s.cues.join[1]} into the neighbouring article ({s.cues.join[0]:.2f})"
    if name == "tail":
        return f"its last paragraph (line {s.tail[2]}) shares words with the next text's opening"
    if name == "headless":
        return "no headline (a continued text?)"
    if name == "runs_on":
        return f"another reading runs it on to line {s.other.cut[0]}"
    return f"a headline block of {s.head_chars} characters"


def reason(s: Signals) -> str | None:
    """The doubt when the weak signs on ``s`` add up to THRESHOLD, naming the ones that stand
    out, strongest first; None otherwise."""
    values = measures(s)
    total = sum(WEIGHTS[k] * v for k, v in values.items())
    if total < THRESHOLD:
        return None
    extra = sorted(((WEIGHTS[k] * (v - USUAL[k]), k) for k, v in values.items()), reverse=True)
    named = [_sign(k, s) for add, k in extra if add >= NAMED] or [_sign(extra[0][1], s)]
    return f"several weak signs together ({total:.1f}): " + "; ".join(named)
