"""The wider habits of ``tests/relayout.py`` (``make_pages(..., wider=True)``, ``parse_eval.py
--wider``): what real Chinese newspaper text dumps print and the other profiles never did
(issue 18, "a harsher generator").

* ``page_header``: the page's running head, ``人民日报 2025年5月3日 星期六 第4版``, on the
  first line; ``editor_footer``: ``本版责编：张伟 王芳`` (and the like) on the last one. Both
  are leftovers (GUIDE.md: page banners are not articles);
* ``kicker_inline``: the kicker and the headline printed on one line, separated by a space
  or a ``·`` (the gold keeps them apart: kicker, headline);
* ``pull_quote``: a sentence of the body printed again between two of its paragraphs, as a
  pull-quote in large type (a leftover: the body's paragraphs are what they were);
* ``dense_lines``: a clean page (one paragraph per line) printed without any blank line, every
  headline title on its own line, as web text dumps print them.

``relayout_inserts`` adds three more, reached the same way (``--wider``, ``--wider HABIT``):
``editor_note`` (编者按 / 编后, leftovers), ``qa_interview`` (questions, body paragraphs) and
``photo_caption`` (captions in forms other than ……摄, leftovers).

Every habit draws from an RNG of the page's own (``relayout_harsh.later_rng``), never from the
page's main RNG, so a page drawn with ``wider`` is the page drawn without it plus these
habits, and the pages drawn without it are byte-identical to what they were.
"""
from __future__ import annotations

import datetime
import random

import relayout_runin as runin_
import relayout_sidebar as sidebar_
from relayout_harsh import later_rng
from relayout_inserts import INSERT_FEATURES, Inserts, printed
from relayout_text import SENTENCE_END, ends_sentence, wrap

# papers and names that share no words with the stories
PAPERS = ["光明日报", "经济日报", "南方日报", "湖北日报", "新华日报", "解放日报"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙"
GIVEN = "伟芳娜敏静丽强磊洋艳勇杰军涛明超秀霞平刚"
WEEKDAYS = "一二三四五六日"
KICKER_SEPARATORS = [" ", "　", "·", " · "]
# the habits of this module, those of relayout_inserts (editors' notes, interviews, captions)
# and relayout_sidebar's
WIDER_FEATURES = ({"page_header", "editor_footer", "kicker_inline", "pull_quote", "dense_lines", "sidebar"}
                  | INSERT_FEATURES)


class Quote(str):
    """A blank line carrying a pull-quote's lines (or an interview's question: ``blocks``, each
    printed between blank lines), printed in it when the page is finished. To everything that
    draws from the page's RNG it is the blank line it stands for, so the pages drawn with
    ``wider`` are the pages drawn without it, plus the habits."""

    def __new__(cls, lines: list[str] | None = None):
        self = super().__new__(cls, "")
        self.blocks = [lines] if lines else []
        return self


class Cut(str):
    """The blank line where a column break cut a paragraph in two (``caption``: how many lines
    of a photo caption follow it, then a blank line). A dense page joins the paragraph again:
    with no blank lines the two pieces would read as two paragraphs."""

    def __new__(cls):
        self = super().__new__(cls, "")
        self.caption = 0
        return self


class Wider:
    """The wider habits of one page, each drawing from its own RNG."""

    def __init__(self, name: str, habits: frozenset[str] = frozenset(WIDER_FEATURES)):
        self.habits = habits  # the habits printed (one at a time measures each alone)
        self.kicker_rng = later_rng(name, "kicker-inline")
        self.quote_rng = later_rng(name, "pull-quote")
        self.page_rng = later_rng(name, "page-lines")
        self.dense_rng = later_rng(name, "dense-lines")
        self.sidebar_rng = later_rng(name, "sidebar")
        self.dense = False  # a page with no blank line (draw_dense)
        self.leftovers: list[str] = []  # every leftover printed, whole (the gold keeps 20 chars)
        self.not_articles: list[str] = []  # the page's (Builder.not_articles), once bound
        self.inserts = Inserts(name, habits, lambda text: self._leftover(text, self.not_articles))

    # headline -------------------------------------------------------------------------
    def kicker_inline(self, roles: list[list[str]], feats: set[str]) -> list[list[str]]:
        """``roles``: [kicker lines], [headline lines], [subtitle]? — sometimes the kicker and
        the headline on one line, a space or a ``·`` between them."""
        rng = self.kicker_rng
        if "kicker_inline" not in self.habits or rng.random() >= 0.35:
            return roles
        feats.add("kicker_inline")
        line = "".join(roles[0]) + rng.choice(KICKER_SEPARATORS) + "".join(roles[1])
        return [[line]] + roles[2:]

    # body -----------------------------------------------------------------------------
    def pull_quote(self, paragraphs: list[str], clean: bool, w: float,
                   feats: set[str], not_articles: list[str]) -> list[str] | None:
        """Sometimes, a sentence of the story printed again as a pull-quote: its lines (a
        narrower measure than the body's), or None. Drawn once per paragraph break."""
        rng = self.quote_rng
        if "pull_quote" not in self.habits or len(paragraphs) < 3 or "pull_quote" in feats or rng.random() >= 0.12:
            return None
        sentences = [s for p in paragraphs for s in sentences_of(p) if 12 <= len(s) <= 40]
        if not sentences:
            return None
        quote = rng.choice(sentences)
        if rng.random() < 0.4:
            quote = f"“{quote.rstrip('。')}”"
        feats.add("pull_quote")
        self._leftover(quote, not_articles)
        return [quote] if clean else wrap(quote, max(8, int(w * 0.7)))

    # page -----------------------------------------------------------------------------
    def draw_dense(self, clean: bool, head_mode: str) -> bool:
        """Whether a clean page prints no blank line at all (``self.dense``). Not a page of
        headline groups: blocks of several stories running together could not be told apart,
        by a reader either."""
        self.dense = "dense_lines" in self.habits and clean and head_mode in ("before", "after", "mixed") \
            and self.dense_rng.random() < 0.6
        return self.dense

    def page_lines(self, not_articles: list[str]) -> tuple[list[str], list[str], set[str]]:
        """The running head on top and the editors' line at the foot, sometimes: (lines on
        top, lines at the end, page features)."""
        rng = self.page_rng
        head = running_head(rng) if rng.random() < 0.45 else None
        foot = editors_line(rng) if rng.random() < 0.35 else None
        top: list[str] = []
        end: list[str] = []
        feats: set[str] = set()
        if head and "page_header" in self.habits:
            top = [head]
            self._leftover(head, not_articles)
            feats.add("page_header")
        if foot and "editor_footer" in self.habits:
            end = [foot]
            self._leftover(foot, not_articles)
            feats.add("editor_footer")
        return top, end, feats

    def sidebars(self, arts: list[dict], pool: list, clean: bool, w: float) -> None:
        """Boxes of background after some stories (``relayout_sidebar``)."""
        if "sidebar" in self.habits or "sidebar_glued" in self.habits:
            sidebar_.add_sidebars(self.sidebar_rng, arts, pool, clean, w, self.inserts.runin.glued_label,
                                  plain="sidebar" in self.habits)

    def _leftover(self, text: str, not_articles: list[str]) -> None:
        self.leftovers.append(text)
        not_articles.append(text[:20])


def sentences_of(paragraph: str) -> list[str]:
    """A paragraph's sentences, each with its closing mark (a sentence still open at the
    paragraph's end is left out)."""
    out, cur = [], ""
    for ch in paragraph:
        cur += ch
        if ch in SENTENCE_END:
            out.append(cur)
            cur = ""
    return [s.strip() for s in out if ends_sentence(s) and "“" not in s and "”" not in s]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def running_head(rng: random.Random) -> str:
    """``光明日报 2025年5月3日 星期六 第4版`` in one of the ways papers print it."""
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    date = f"{day.year}年{day.month}月{day.day}日"
    week = f"星期{WEEKDAYS[day.weekday()]}"
    page = f"第{rng.randint(1, 16)}版"
    paper = rng.choice(PAPERS)
    return rng.choice([
        f"{paper} {date} {week} {page}",
        f"{date}　{week}　{page}　{paper}",
        f"{page}　{paper}　{date}",
        f"{paper}　{date}　{week}",
    ])


def editors_line(rng: random.Random) -> str:
    """``本版责编：张伟 王芳`` and the like."""
    first = rng.choice(["本版责编：", "责任编辑：", "本版编辑："])
    names = " ".join(_name(rng) for _ in range(rng.choice([1, 2])))
    extra = rng.choice(["", f"　版式设计：{_name(rng)}", f"　美编：{_name(rng)}"])
    return first + names + extra


def habits_of(wider: bool | str | frozenset[str]) -> frozenset[str]:
    """The habits an option names: True (or "all") all of them, else a set or a
    comma-separated list of their names."""
    if wider is True or wider == "all":
        return frozenset(WIDER_FEATURES)
    names = frozenset(n.strip() for n in wider.split(",") if n.strip()) \
        if isinstance(wider, str) else frozenset(wider)
    unknown = names - WIDER_FEATURES
    if unknown or not names:
        raise ValueError(f"unknown wider habit(s) {sorted(unknown)}; known: {sorted(WIDER_FEATURES)}")
    return names


def finish_page(wider: Wider | None, lines: list[str], arts: list[dict],
                not_articles: list[str]) -> list[str]:
    """The page's lines with the wider page habits (none when ``wider`` is None): pull-quotes
    printed, blank lines dropped on a dense page (a paragraph a column break cut joined again),
    the running head and the editors' line added."""
    if wider is None:
        return lines
    feats: set[str] = set()
    lines = expand(lines, wider.dense)
    if wider.dense:
        lines = [line for line in lines if line]
        feats.add("dense_lines")
    top, end, page_feats = wider.page_lines(not_articles)
    gap = [] if wider.dense else [""]
    lines = (top + gap if top else []) + lines + (gap + end if end else [])
    for a in arts:
        a["feats"] |= feats | page_feats
    return lines


def expand(lines: list[str], dense: bool) -> list[str]:
    """Pull-quotes printed between blank lines; on a dense page, a paragraph cut by a column
    break on one line again, the caption printed in the break after it."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if isinstance(line, Quote):
            out.append("")
            for block in line.blocks:
                out.extend([*block, ""])
        elif isinstance(line, Cut) and dense:
            caption = lines[i + 1:i + 1 + line.caption]
            i += line.caption + (1 if line.caption else 0) + 1
            rest = printed(sidebar_.unboxed(lines[i]))
            out[-1] += rest[0]
            out.extend(rest[1:] + caption)
            out.extend(sidebar_.box_of(lines[i]))
        elif isinstance(sidebar_.unboxed(line), runin_.Glued):
            runin_.glue(out, sidebar_.unboxed(line))
            out.extend(sidebar_.box_of(line))
        else:
            out.extend(printed(sidebar_.unboxed(line)))
            out.extend(sidebar_.box_of(line))
        i += 1
    return out
