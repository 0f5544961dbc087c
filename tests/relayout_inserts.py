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
  is said by a person). The answers keep no "答：" here: many papers print the questions in
  bold with the asker's name and the answers plain, and re-wrapping an answer would move the
  page's main RNG draws.

* ``photo_caption``: a photo set in a story's columns, its caption printed in the text layer
  between two paragraphs in the forms papers use besides ``…摄`` (the generator's other
  captions): ``图为……。``, ``图①：……``, ``▲……（新华社发）``, ``上图：……``, ``（资料图片）``,
  ``制图：张伟``, ``……视觉中国供图``. **Gold: leftovers** (GUIDE.md: photo captions are not
  articles; the paragraphs around it are what they were).

Like ``relayout_wider``'s habits, each draws from an RNG of its own (``later_rng``) and is
carried by lines the main draws already made (a blank line, a body's first or last line), so a
page drawn with them is the page drawn without them plus these insertions.
"""
from __future__ import annotations

import random
from typing import Callable

from relayout_harsh import later_rng
from relayout_text import wrap

INSERT_FEATURES = {"editor_note", "qa_interview", "photo_caption"}

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
        self.photo_rng = later_rng(name, "photo-caption")
        self.photo_printed = False  # a story's caption printed already
        self.asked: list[tuple[int, str]] = []  # this story's questions: (block index, text)
        self.questions: list[str] = []  # every question of the page (the body text added)
        self.interview = False

    # interview ------------------------------------------------------------------------
    def start_story(self, paras: list[tuple[str, str]], feats: set[str]) -> None:
        """Whether this story is printed as an interview: one with four paragraphs or more,
        sometimes (drawn once per story, whatever the other habits do)."""
        self.asked = []
        self.photo_printed = False
        n = sum(k == "paragraph" for k, _ in paras)
        draw = self.qa_rng.random()
        self.interview = "qa_interview" in self.habits and n >= 4 and draw < 0.2
        self.asker = self.qa_rng.choice(ASKERS)
        self.pool = self.qa_rng.sample(QUESTIONS, len(QUESTIONS))

    def question(self, index: int, w: float, clean: bool, feats: set[str]) -> list[str] | None:
        """A question's lines before block ``index`` (an answer paragraph), sometimes."""
        rng = self.qa_rng
        if not self.interview or rng.random() >= 0.6 or not self.pool:
            return None
        text = self.asker + self.pool.pop()
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
            out.append(block)
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


def printed(line: str) -> list[str]:
    """A line as printed: a ``Framed`` line with its note and afterword, else the line."""
    return line.printed() if isinstance(line, Framed) else [line]
