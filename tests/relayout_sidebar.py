"""The ``sidebar`` habit of the page generator (``tests/relayout_wider.py``, ``--wider sidebar``):
real Chinese papers print beside or after a story a short box headed ``相关链接`` / ``延伸阅读`` /
``小贴士`` and the like (in ``【】``, after a ``■``, or bare, on a line of its own), with one to
three paragraphs of background under it.

The gold keeps the box with the story it stands by: its label as one of the story's subheads,
its paragraphs as the story's last paragraphs. GUIDE.md has no field for a sidebar; a reader
of the digest wants the background with the story it explains (a separate "article" headed
``相关链接`` would mean nothing on its own), and a subhead is what the label is to the reader:
a heading inside the story's text. So the gold's ``subheads``, ``paragraphs`` and ``last``
of a story with a sidebar count the box too.

The background is taken from another story of the same pool, the nearest in subject among a
few drawn (most character bigrams shared with the story, as ``relayout_harsh.topic_stories``
measures it) and never one printed on the same page: with the seeds' 26 stories that is often
another subject, with the pd1998 pool often the same one. Whole sentences, one to two to a
paragraph.

The box rides on the story's last body line (``Boxed``: to everything that draws from the
page's RNG it is that line), so a page drawn with the habit is the page drawn without it plus
the boxes, and the default pages do not move.
"""
from __future__ import annotations

import random
from typing import Callable

from relayout_text import CLOSERS, wrap

LABELS = ["相关链接", "链接", "延伸阅读", "背景链接", "新闻链接", "知识链接", "小贴士"]
FORMS = ["{}", "【{}】", "■{}", "■ {}", "◆{}", "{}：", "〖{}〗"]
RATE = 0.2  # stories (with a headline, ending on the page) that get a box
CANDIDATES = 30  # pool stories drawn to find the nearest in subject


class Boxed(str):
    """A story's last body line carrying its sidebar's lines (printed after it when the page
    is finished)."""

    def __new__(cls, line: str, box: list[str]):
        self = super().__new__(cls, line)
        self.box = box
        self.line = line  # the line as it was (it may carry other habits' lines: an afterword)
        return self


def unboxed(line: str) -> str:
    """The line a ``Boxed`` line was made from (with whatever else it carries), else the line."""
    return line.line if isinstance(line, Boxed) else line


def box_of(line: str) -> list[str]:
    """The sidebar lines a body line carries (none for an ordinary line)."""
    return line.box if isinstance(line, Boxed) else []


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _sentences(paragraph: str) -> list[str]:
    """A paragraph's whole sentences (ended by 。！？, quotes closed), 10 to 90 characters."""
    out, cur = [], ""
    for i, ch in enumerate(paragraph):
        cur += ch
        nxt = paragraph[i + 1] if i + 1 < len(paragraph) else ""
        if cur.rstrip(CLOSERS)[-1:] in ("。", "！", "？") and nxt not in CLOSERS:
            out.append(cur.strip())
            cur = ""
    return [s for s in out if 10 <= len(s) <= 90 and s.count("“") == s.count("”")]


def background(rng: random.Random, story, pool: list, page: list) -> list[str]:
    """One to three paragraphs from the story nearest in subject among a few drawn from the
    pool (none printed on the page), or [] when none has whole sentences enough."""
    others = [s for s in pool if all(s is not p for p in page) and s.paragraphs]
    if not others:
        return []
    grams = _bigrams("".join(story.paragraphs))
    drawn = rng.sample(others, min(CANDIDATES, len(others)))
    near = max(drawn, key=lambda s: len(grams & _bigrams("".join(s.paragraphs))))
    sentences = [x for p in near.paragraphs for x in _sentences(p)]
    n = rng.choice([1, 1, 2, 2, 3])
    if len(sentences) < n:
        return []
    start = rng.randrange(len(sentences) - n + 1)
    paras = []
    for s in sentences[start:start + n]:
        if paras and rng.random() < 0.3:
            paras[-1] += s  # two sentences to a paragraph
        else:
            paras.append(s)
    return paras


def add_sidebars(rng: random.Random, arts: list[dict], pool: list, clean: bool, w: float,
                 glued: Callable[[], str | None] | None = None, plain: bool = True) -> None:
    """Sometimes, a sidebar after a story that ends on the page: its lines carried by the
    story's last body line, its label and paragraphs added to the story's blocks (the gold),
    the feature ``sidebar`` to its features. ``glued`` (``relayout_runin``): a label run on
    into the box's first sentence, sometimes (feature ``sidebar_glued``; the gold's first box
    paragraph holds it, no subhead); ``plain``: the boxes whose label is on a line of its
    own are printed too."""
    page = [a["story"] for a in arts]
    for a in arts:
        if rng.random() >= RATE or not a["story"].headline or a["end_marker"] or not a["body"]:
            continue
        paras = background(rng, a["story"], pool, page)
        if not paras:
            continue
        label = rng.choice(FORMS).format(rng.choice(LABELS))
        gap = clean or rng.random() < 0.5  # a blank line under the label
        run_in = glued() if glued else None
        if run_in:
            paras = [run_in + paras[0]] + paras[1:]
        elif not plain:
            continue
        box = [""] if run_in else ["", label] + ([""] if gap else [])
        for i, p in enumerate(paras):
            if i:
                box.append("")
            box.extend([p] if clean else wrap(p, w))
        a["body"][-1] = Boxed(a["body"][-1], box)
        heading = [] if run_in else [("subhead", label)]
        a["blocks"] = list(a["blocks"]) + heading + [("paragraph", p) for p in paras]
        a["feats"].add("sidebar_glued" if run_in else "sidebar")
