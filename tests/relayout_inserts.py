"""Three more wider habits of ``tests/relayout.py`` (``--wider``, ``--wider HABIT``): text that
real papers print inside a story's run but that the story's writer did not write as its body.

* ``editor_note``: an editor's note (``【编者按】``, ``编者按：``, ``〔编者按〕``, ``编者的话``, or
  ``编者按`` on a line of its own) printed just before a story's body, and sometimes an
  afterword (``编后：``, ``【编后】``, ``编后语``) just after it. **Gold: leftovers.** GUIDE.md has
  no field for them. They are the editors' words, set apart from the story (boxed, in another
  type) and signed by no reporter; the story's lead is the reporter's first paragraph, the one
  the digest translates, and a digest reader wants that lead, not the paper's framing of the
  series. So they are kept out of the article, like a banner or a column name, as the guide
  keeps "page banners/column names" out; the characters are still all kept (leftovers).
* ``qa_interview``: a story printed as an interview: after the opening paragraph, a question
  line (``记者：……？``, ``问：……？``, ``本报记者：……？``) before some of its paragraphs, each
  answer a paragraph as it was. **Gold: body paragraphs.** The questions are prose of the
  story (the interviewer's half of it; GUIDE.md: "every article (a story with a body of
  prose)"); a reader of the digest needs them to follow the answers, so each question is one
  paragraph of the body, in place, and never a subhead (a subhead names a section; a question
  is said by a person). Many papers print the answers plain under a bold question; many
  others open each answer with who says it: the interviewee's name (``王伟：``, ``王 伟：``,
  ``李明（村党支部书记）：``, ``王伟　``) after a ``记者：`` question, or ``答：`` after ``问：``.
  Some stories here do (``Answered``, drawn from an RNG of its own). **Gold: the answer is a
  body paragraph with its prefix** (the prefix is printed prose of the story, like the
  question's asker; GUIDE.md keeps every character of a body). The name is one of the story's
  people (a name before 说/表示/介绍 in its text) or a made-up one.

* ``photo_caption``: a photo set in a story's columns, its caption printed in the text layer
  between two paragraphs in the forms papers use besides ``…摄`` (the generator's other
  captions): ``图为……。``, ``图①：……``, ``▲……（新华社发）``, ``上图：……``, ``（资料图片）``,
  ``制图：张伟``, ``……视觉中国供图``. **Gold: leftovers** (GUIDE.md: photo captions are not
  articles; the paragraphs around it are what they were).
* ``numbered_subhead``: a story's subheads numbered as many papers number the sections of a
  long piece, ``一、……`` ``二、……`` or ``（一）……``. **Gold: the subhead as printed, number
  and all** (GUIDE.md copies headings as printed; the number is part of the heading).

Like ``relayout_wider``'s habits, each draws from an RNG of its own (``later_rng``) and is
carried by lines the main draws already made (a blank line, a body's first or last line), so a
page drawn with them is the page drawn without them plus these insertions.
"""
from __future__ import annotations

import random
import re
from typing import Callable

from relayout_harsh import later_rng
from relayout_runin import RUNIN_FEATURES, Glued, RunIn
from relayout_text import width, wrap

INSERT_FEATURES = {"editor_note", "qa_interview", "photo_caption", "numbered_subhead"} | RUNIN_FEATURES

NOTE_LABELS = ["【编者按】", "编者按：", "〔编者按〕", "编者的话：", "■编者按　"]
NOTE_ALONE = ["编者按", "【编者按】", "编者的话"]  # a label printed on a line of its own
AFTER_LABELS = ["编后：", "【编后】", "编后语："]
NOTE_OPEN = ["今年是“十四五”规划收官之年。", "基层是一切工作的落脚点。", "民生无小事，枝叶总关情。",
             "一个地方的变化，折射着一个时代的进步。", "实干才能梦想成真。"]
NOTE_MIDDLE = ["近期，本报记者深入基层一线，走访企业、社区和田间地头，记录干部群众干事创业的生动实践。",
               "各地认真贯彻落实决策部署，一批新做法、新经验不断涌现。",
               "这些探索有成效也有困惑，值得认真总结。"]
NOTE_CLOSE = ["今起，本版推出“基层观察”栏目，敬请关注。", "本报今日起推出系列报道，敬请关注。",
              "今天刊发其中一篇，以飨读者。", "欢迎读者来信参与讨论。"]
AFTER_TEXT = ["读罢这篇报道，令人感慨。", "好的做法贵在坚持，久久为功才能见实效。",
              "群众满意不满意，是检验工作的标尺。", "希望更多地方能从中得到启发。"]
ASKERS = ["记者：", "问：", "本报记者：", "记者　"]
QUESTIONS = ["请介绍一下具体情况。", "这项工作是怎么开展起来的？", "目前取得了哪些成效？",
             "过程中遇到过哪些困难？", "群众的反响怎么样？", "下一步有什么打算？",
             "您怎么看待这些变化？", "和过去相比，最大的不同在哪里？", "还有哪些问题需要解决？"]

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林"
GIVEN = "伟芳娜敏静丽强磊洋艳勇杰军涛明超秀霞平刚建国华"
ROLES = ["村党支部书记", "公司总经理", "局长", "主任", "研究员", "负责人", "校长"]
SAYS = re.compile(f"([{SURNAMES}][\u4e00-\u9fa5]{{1,2}})(?:说|表示|介绍|告诉)")


def interviewee(rng: random.Random, paras: list[tuple[str, str]]) -> str:
    """Who answers: one of the story's people (a name before 说/表示/介绍/告诉), or a made-up one."""
    people = sorted({m.group(1) for _, t in paras for m in SAYS.finditer(t)})
    if people and rng.random() < 0.5:
        return rng.choice(people)
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def answer_prefixes(rng: random.Random, asker: str, paras: list[tuple[str, str]]) -> tuple[str, str] | None:
    """How this interview opens its answers: (first answer's prefix, the others'), or None when
    its answers are printed plain. ``答：`` answers ``问：``; a name answers a reporter."""
    if rng.random() < 0.4:
        return None
    if asker.startswith("问") and rng.random() < 0.8:
        mark = rng.choice(["答：", "答：", "答　"])
        return mark, mark
    name = interviewee(rng, paras)
    shown = f"{name[0]} {name[1]}" if len(name) == 2 and rng.random() < 0.3 else name
    sep = rng.choice(["：", "：", "：", "　"])
    first = f"{shown}（{rng.choice(ROLES)}）{sep}" if rng.random() < 0.4 else shown + sep
    return first, shown + sep


NUMERALS = "一二三四五六七八九十"
NUMBERINGS = ["{}、", "{}、", "（{}）"]


class Answered(str):
    """An answer paragraph's (or a numbered subhead's) first line carrying its prefix (王伟：,
    答：, 一、): printed as the block re-wrapped with the prefix when the page is finished (its
    other lines, ``Folded``, print nothing). To everything that draws from the page's RNG it
    is the line it stands for."""

    def __new__(cls, line: str, shown: list[str], prefix: str = "", text: str = ""):
        self = super().__new__(cls, str(line))
        self.shown, self.prefix, self.text = shown, prefix, text
        self.plain = False  # printed without its prefix after all (``unfold``)
        return self


class Folded(str):
    """A line of an answer paragraph that its ``Answered`` first line prints (re-wrapped)."""


SCENES = ["市民在公园里晨练", "工人在生产线上忙碌", "农民在田间收割小麦", "孩子们在图书馆里阅读",
          "志愿者为老人测量血压"]
CREDITS = ["新华社发", "视觉中国供图", "本报记者 孙磊摄", "资料图片", "受访者供图"]


def photo_caption(rng: random.Random) -> str:
    """A photo caption in one of the forms papers print besides ``…摄``."""
    scene = rng.choice(SCENES)
    date = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    credit = rng.choice(CREDITS)
    return rng.choice([
        f"图为{date}，{scene}。",
        f"图①：{scene}。{credit}",
        f"▲{date}，{scene}。（{credit}）",
        f"上图：{date}，{scene}。",
        f"{date}，{scene}。 {credit}",
        f"（{credit}）",
        f"制图：{rng.choice('张王李赵')}{rng.choice('伟芳敏静')}",
    ])


class Framed(str):
    """A body's first or last line carrying an editor's note printed before it or an
    afterword printed after it (each with a blank line between), when the page is finished.
    To everything that draws from the page's RNG it is the line it stands for."""

    def __new__(cls, line: str, before: list[str] | None = None, after: list[str] | None = None):
        self = super().__new__(cls, str(line))
        self.before = list(getattr(line, "before", [])) + (before or [])
        self.after = (after or []) + list(getattr(line, "after", []))
        return self

    def printed(self) -> list[str]:
        return ([*self.before, ""] if self.before else []) + [str(self)] + (["", *self.after] if self.after else [])


class Inserts:
    """The editor's notes and interview questions of one page, each drawing from its own RNG."""

    def __init__(self, name: str, habits: frozenset[str], leftover: Callable[[str], None]):
        self.habits = habits
        self.leftover = leftover  # records a leftover (Wider._leftover)
        self.note_rng = later_rng(name, "editor-note")
        self.qa_rng = later_rng(name, "qa-interview")
        self.answer_rng = later_rng(name, "qa-answer")
        self.number_rng = later_rng(name, "numbered-subhead")
        self.numbers: list[str] | None = None  # this story's subhead numbers (一、 二、), if any
        self.runin = RunIn(name, habits)  # relayout_runin's marks
        self.ordinal = 0  # this story's paragraphs opened by an ordinal (一是) so far
        self.n_answers = 0  # this story's answers printed with a prefix
        self.answered: dict[int, str] = {}  # this story's answer prefixes by block index
        self.answers: list[Answered] = []  # every answer (or subhead) of the page carrying a prefix
        self.heads: set[int] = set()  # this story's numbered subheads (block indexes)
        self.photo_rng = later_rng(name, "photo-caption")
        self.photo_printed = False  # a story's caption printed already
        self.asked: list[tuple[int, str]] = []  # this story's questions: (block index, text)
        self.questions: list[str] = []  # every question of the page (the body text added)
        self.interview = False

    # interview ------------------------------------------------------------------------
    def start_story(self, paras: list[tuple[str, str]], feats: set[str], headline: str | None = None,
                    dateline: str | None = None) -> None:
        """Whether this story is printed as an interview: one with four paragraphs or more,
        sometimes (drawn once per story, whatever the other habits do)."""
        self.runin.start_story(paras, headline, feats, dateline)
        self.ordinal = self.n_answers = 0
        self.asked = []
        self.answered = {}
        self.heads: set[int] = set()  # block indexes of the subheads numbered
        self.photo_printed = False
        n = sum(k == "paragraph" for k, _ in paras)
        draw = self.qa_rng.random()
        asking = "qa_interview" in self.habits or "qa_named" in self.habits
        self.interview = asking and n >= 4 and draw < 0.2
        self.asker = self.qa_rng.choice(ASKERS)
        self.pool = self.qa_rng.sample(QUESTIONS, len(QUESTIONS))
        self.prefixes = answer_prefixes(self.answer_rng, self.asker, paras) if self.interview else None
        heads = sum(k == "subhead" for k, _ in paras)
        numbered = self.number_rng.random() < 0.5 and "numbered_subhead" in self.habits and heads >= 2
        style = self.number_rng.choice(NUMBERINGS)
        numbered = numbered and heads <= len(NUMERALS)
        self.numbers = [style.format(n) for n in NUMERALS[:heads]] if numbered else None
        if self.numbers:
            feats.add("numbered_subhead")
        arabic = self.runin.subhead_numbers(heads, taken=numbered)
        self.numbers = self.numbers or arabic

    def subhead(self, index: int, lines: list[str], text: str, w: float, clean: bool) -> list[str]:
        """A subhead's printed ``lines`` (block ``index``), numbered (一、, （二）) when the story
        numbers its subheads: carried by them (``Answered``), re-wrapped when printed."""
        if not self.numbers:
            return lines
        prefix = self.numbers[len(self.heads)]
        self.heads.add(index)
        return self._prefixed(index, prefix, lines, text, w, clean)

    def answer(self, index: int, lines: list[str], text: str, w: float, clean: bool,
               run_on: bool = False) -> list[str]:
        """An answer paragraph's printed ``lines`` (block ``index``, just after a question),
        with the interview's answer prefix carried by them (``Answered``) when it has one; any
        other paragraph with its run-in mark (``relayout_runin``: 一是, a round-up's dateline)
        when it has one. ``run_on``: the next paragraph follows with no blank line, which the
        page may do only after a short last line; a paragraph whose last line the prefix would
        fill stays plain."""
        answer = bool(self.prefixes and self.asked and self.asked[-1][0] == index)
        if answer:
            prefix = self.prefixes[0] if not self.n_answers else self.prefixes[1]
        else:
            prefix = self.runin.paragraph_prefix(index, self.ordinal, text)
        if not prefix:
            return lines
        shown = [prefix + "".join(lines)] if clean else wrap(prefix + "".join(lines), w)
        if run_on and width(shown[-1]) >= w - 1.5:
            return lines
        if answer:
            self.n_answers += 1
        elif prefix in self.runin.ordinals:
            self.ordinal += 1
        return self._prefixed(index, prefix, lines, text, w, clean)

    def _prefixed(self, index: int, prefix: str, lines: list[str], text: str, w: float,
                  clean: bool) -> list[str]:
        self.answered[index] = prefix
        shown = [prefix + "".join(lines)] if clean else wrap(prefix + "".join(lines), w)
        first = Answered(lines[0], shown, prefix, text)
        self.answers.append(first)
        return [first] + [Folded(line) for line in lines[1:]]

    def prefixes_printed(self) -> list[str]:
        """The answer prefixes and subhead numbers printed on the page (the text they add)."""
        return [a.prefix for a in self.answers if not a.plain]

    def question(self, index: int, w: float, clean: bool, feats: set[str]) -> list[str] | None:
        """A question's lines before block ``index`` (an answer paragraph), sometimes."""
        rng = self.qa_rng
        if not self.interview or rng.random() >= 0.6 or not self.pool:
            return None
        text = self.asker + self.runin.question(self.pool.pop())
        feats.add("qa_interview")
        self.asked.append((index, text))
        self.questions.append(text)
        return [text] if clean else wrap(text, w)

    def caption(self, w: float, clean: bool, feats: set[str]) -> list[str] | None:
        """A photo's caption between two paragraphs, sometimes (one a story at most; a
        narrower measure than the body's), or None. Drawn once per paragraph break."""
        rng = self.photo_rng
        if "photo_caption" not in self.habits or rng.random() >= 0.06 or self.photo_printed:
            return None
        text = photo_caption(rng)
        self.photo_printed = True
        feats.add("photo_caption")
        self.leftover(text)
        return [text] if clean or rng.random() < 0.5 else wrap(text, max(8, int(w * 0.6)))

    def with_questions(self, blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The story's blocks with its questions as paragraphs before their answers (the gold)."""
        at = dict(self.asked)
        out: list[tuple[str, str]] = []
        for i, block in enumerate(blocks):
            if i in at:
                out.append(("paragraph", at[i]))
            out.append((block[0], self.answered[i] + block[1]) if i in self.answered else block)
        return out

    # editor's note --------------------------------------------------------------------
    def editor_note(self, body: list[str], w: float, clean: bool, has_head: bool, feats: set[str]) -> None:
        """An editor's note before a headed story's body and sometimes an afterword after it,
        carried by the body's first and last lines (``Framed``), in place."""
        rng = self.note_rng
        note, after = rng.random() < 0.12, rng.random() < 0.05
        if "editor_note" not in self.habits or not body or not has_head or not (note or after):
            return
        feats.add("editor_note")
        if note:
            body[0] = Framed(body[0], before=self._note(rng, w, clean))
        after = after and not isinstance(body[-1], Glued)  # the story's end run on into its text
        if after:
            text = rng.choice(AFTER_LABELS) + "".join(rng.sample(AFTER_TEXT, rng.randint(1, 2)))
            self.leftover(text)
            body[-1] = Framed(body[-1], after=[text] if clean else wrap(text, w))

    def _note(self, rng: random.Random, w: float, clean: bool) -> list[str]:
        text = (rng.choice(NOTE_OPEN) if rng.random() < 0.6 else "") + rng.choice(NOTE_MIDDLE) \
            + rng.choice(NOTE_CLOSE)
        if rng.random() < 0.3:
            label = rng.choice(NOTE_ALONE)
            self.leftover(label + text)
            return [label] + ([text] if clean else wrap(text, w))
        text = rng.choice(NOTE_LABELS) + text
        self.leftover(text)
        return [text] if clean else wrap(text, w)


def unfold(a: dict, k: int) -> None:
    """Article ``a``'s body about to be cut before line ``k`` (an interruption): an answer cut
    there is printed plain, and its gold paragraph has no prefix (a prefix would re-wrap the
    paragraph across the cut)."""
    body = a["body"]
    if k >= len(body) or not isinstance(body[k], Folded):
        return
    j = k - 1
    while not isinstance(body[j], Answered):
        j -= 1
    first = body[j]
    first.plain = True
    body[j:k] = [str(first)] + [str(line) for line in body[j + 1:k]]
    while k < len(body) and isinstance(body[k], Folded):
        body[k] = str(body[k])
        k += 1
    a["blocks"] = [(kind, first.text) if t == first.prefix + first.text else (kind, t)
                   for kind, t in a["blocks"]]


def printed(line: str) -> list[str]:
    """A line as printed: a ``Framed`` line with its note and afterword, an answer's first line
    re-wrapped with its prefix (its other lines nothing), else the line."""
    if isinstance(line, Framed):
        return line.printed()
    if isinstance(line, Answered):
        return line.shown
    return [] if isinstance(line, Folded) else [line]
