"""Run-in marks, more wider habits of ``tests/relayout.py`` (``--wider``, ``--wider HABIT``):
marks real papers print inside a story's text that the other habits never did. Each is opt-in,
draws from an RNG of its own (``later_rng``) and is carried by lines the page's main draws
already made, so a page drawn with them is the page drawn without them plus these marks.

* ``arabic_subhead``: a story's subheads numbered with Arabic numerals or circled ones
  (``1.`` ``1、`` ``1．`` ``①``), as many papers number the parts of a long report or a
  policy piece. **Gold: the subhead as printed, number and all** (as ``numbered_subhead``).
* ``ordinal_paragraphs``: a run of paragraphs opened by ``一是`` / ``二是`` / ``三是`` (or
  ``第一，`` ``第二，``), the way reports list measures. **Gold: body paragraphs as printed**
  (the ordinal is prose: ``一是加强……`` is a sentence, not a heading).
* ``roundup_dateline``: a round-up story (综合报道) whose later paragraphs each open with
  the dateline of the bureau that filed them (``本报北京3月5日电　``, ``新华社上海3月5日电（记者
  王伟）``). **Gold: body paragraphs with their dateline** (the story's own dateline field is
  what it was: the one printed at its start).
* ``closing_inline``: the closing credit of a story that prints one (``（新华社北京3月5日电）``,
  ``（记者 王伟）``) run on at the end of its last paragraph instead of on a line of its own.
  **Gold: the credit is part of the last paragraph, as printed, and the byline (or
  dateline) field is null** — the convention of the pd1998 pool's gold, whose stories print
  their credits so (……表示感谢。（谢文）: byline null); one convention for both pools.
* ``qa_named``: an interview (``relayout_inserts``' ``qa_interview``, drawn the same way) whose
  questions name what the story is about, as real interviewers' questions do
  (``春茶市场目前取得了哪些成效？``): the subject is the longest run of the headline that the
  body repeats. **Gold: body paragraphs** (as ``qa_interview``'s questions).
* ``sidebar_glued``: a sidebar (``relayout_sidebar``) whose label is run on into its first
  sentence (``链接：……``, ``【相关链接】……``). **Gold: the label is part of the box's first
  paragraph** (a run-in heading is printed prose of the paragraph, like an answer's ``答：``;
  there is no subhead line to file it as).
"""
from __future__ import annotations

import re

from relayout_harsh import later_rng
from relayout_text import wrap

RUNIN_FEATURES = {"arabic_subhead", "ordinal_paragraphs", "roundup_dateline", "closing_inline",
                  "qa_named", "sidebar_glued"}

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
ARABIC = ["{}.", "{}. ", "{}、", "{}．", "circled"]
ORDINALS = [("一是", "二是", "三是", "四是", "五是"), ("第一，", "第二，", "第三，", "第四，", "第五，"),
            ("其一，", "其二，", "其三，", "其四，", "其五，")]
CITIES = ["北京", "上海", "广州", "成都", "武汉", "西安", "沈阳", "杭州", "昆明", "兰州"]
BUREAUS = ["本报{city}{date}电　", "本报{city}{date}电 ", "新华社{city}{date}电　",
           "新华社{city}{date}电（记者 {name}）", "本报{city}{date}电（记者{name}）"]
NAMES = ["王伟", "李娜", "张磊", "刘洋", "陈静", "赵强", "孙丽"]
NAMED = ["{s}是怎么开展起来的？", "{s}目前取得了哪些成效？", "推进{s}，过程中遇到过哪些困难？",
         "群众对{s}反响怎么样？", "围绕{s}，下一步有什么打算？", "您怎么看待{s}带来的变化？",
         "请介绍一下{s}的具体情况。", "{s}还有哪些问题需要解决？"]
GLUED_LABELS = ["链接", "相关链接", "背景链接", "新闻链接", "延伸阅读", "小贴士", "背景资料"]
GLUED_FORMS = ["{}：", "{}：", "【{}】", "■{}：", "〖{}〗"]
FUNCTION = set("的了是在和与及也都就而并为对把被从向以之其这那")
#: The day a dateline names (3月5日, １月２６日, 一月十九日).
FILED_ON = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日")
HAN = re.compile(r"[\u4e00-\u9fa5]+")
ENUMERATED = re.compile(r"[（(]?[一二三四五六七八九十0-9０-９]+[、是.．)）]|[①-⑩]|第[一二三四五六七八九十]+[，、]|其[一二三四五]，")


def subject_of(headline: str | None, paragraphs: list[str]) -> str | None:
    """What a story is about, as an interviewer names it: the longest run of one to three
    words of the headline (two to six Han characters, opening and closing on no function
    word) that the body repeats."""
    if not headline:
        return None
    import logging

    import jieba  # the project's word cutter; loaded only for the pages that need it
    jieba.setLogLevel(logging.WARNING)
    body = "".join(paragraphs)
    words = [w for w in jieba.lcut(headline)]
    best = None
    for i in range(len(words)):
        for j in range(i + 1, min(i + 4, len(words) + 1)):
            s = "".join(words[i:j])
            if not HAN.fullmatch(s) or not 2 <= len(s) <= 6 or words[i] in FUNCTION or words[j - 1] in FUNCTION:
                continue
            if s in body and (best is None or len(s) > len(best)):
                best = s
    return best


def enumerated(paragraph: str) -> bool:
    """Whether a paragraph opens with a number of its own (二、 四是 3. （一）): no other
    mark goes before it."""
    return bool(ENUMERATED.match(paragraph))


class Glued(str):
    """A story's closing credit line (``（记者 王伟）``) printed run on at the end of the line
    before it (the body's last), with the blank line between them dropped, when the page is
    finished; ``w``: the measure (None on a clean page). To everything that draws from the
    page's RNG it is the line it stands for."""

    def __new__(cls, line: str, w: float | None):
        self = super().__new__(cls, line)
        self.w = w
        return self


def credit_in_text(blocks: list[tuple[str, str]], body: list[str], byline: str | None,
                   dateline: str | None) -> tuple[list[tuple[str, str]], set[str]]:
    """The gold's blocks of a story whose closing credit runs on (``body``'s last line a
    ``Glued`` one): the credit at the end of its last paragraph; and the fields (byline,
    dateline) the credit no longer fills."""
    last = body[-1] if body else None
    last = getattr(last, "line", last)  # (a sidebar's Boxed line carries it)
    if not isinstance(last, Glued) or not blocks or blocks[-1][0] != "paragraph":
        return blocks, set()
    kind, text = blocks[-1]
    gone = {"dateline"} if dateline and str(last) == f"（{dateline}）" else {"byline"}
    return [*blocks[:-1], (kind, text + str(last))], gone


def glue(out: list[str], line: Glued) -> None:
    """Print ``line`` run on after the last text line of ``out``, wrapped at the measure as
    a compositor sets the paragraph's end (on a clean page, on that line)."""
    while out and out[-1] == "":
        out.pop()
    if not out:
        out.append(str(line))
    elif line.w is None:
        out[-1] += str(line)
    else:
        out[-1:] = wrap(out[-1] + line, line.w)


class RunIn:
    """The run-in marks of one page, each drawing from its own RNG."""

    def __init__(self, name: str, habits: frozenset[str]):
        self.habits = habits
        self.arabic_rng = later_rng(name, "arabic-subhead")
        self.ordinal_rng = later_rng(name, "ordinal-paragraphs")
        self.roundup_rng = later_rng(name, "roundup-dateline")
        self.closing_rng = later_rng(name, "closing-inline")
        self.named_rng = later_rng(name, "qa-named")
        self.glued_rng = later_rng(name, "sidebar-glued")
        self.feats: set[str] = set()
        self.ordinals: tuple[str, ...] = ()
        self.ordinal_at: set[int] = set()
        self.datelines: dict[int, str] = {}
        self.subject: str | None = None

    def start_story(self, paras: list[tuple[str, str]], headline: str | None, feats: set[str],
                    dateline: str | None = None) -> None:
        """This story's draws: its paragraphs' marks (by block index), its subject. A
        round-up's dispatches are filed the day its own dateline names (``dateline``), as a
        day's round-up gathers that day's reports; the drawn date when it names none."""
        self.feats = feats
        index = [i for i, (k, _) in enumerate(paras) if k == "paragraph"]
        rng = self.ordinal_rng
        run = rng.randint(2, 4)
        on = rng.random() < 0.25 and "ordinal_paragraphs" in self.habits and len(index) >= run + 2
        style = rng.choice(ORDINALS)
        start = rng.randint(1, max(1, len(index) - run - 1))
        self.ordinals = style if on else ()
        self.ordinal_at = set(index[start:start + run]) if on else set()
        rng = self.roundup_rng
        on = rng.random() < 0.15 and "roundup_dateline" in self.habits and len(index) >= 4
        date = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        filed = FILED_ON.search(dateline or "")
        date = filed.group(0) if filed else date
        picks = rng.sample(index[2:-1], min(len(index[2:-1]), rng.randint(1, 3))) if len(index) > 3 else []
        self.datelines = {}
        for i in picks if on else []:
            self.datelines[i] = rng.choice(BUREAUS).format(city=rng.choice(CITIES), date=date,
                                                            name=rng.choice(NAMES))
        self.subject = subject_of(headline, [t for k, t in paras if k == "paragraph"])

    def subhead_numbers(self, heads: int, taken: bool = False) -> list[str] | None:
        """The numbers of a story's ``heads`` subheads (1. 2. / ①②), sometimes, or None
        (``taken``: numbered 一、 二、 already)."""
        rng = self.arabic_rng
        on = rng.random() < 0.5 and "arabic_subhead" in self.habits and 2 <= heads <= len(CIRCLED)
        style = rng.choice(ARABIC)
        on = on and not taken
        if not on:
            return None
        self.feats.add("arabic_subhead")
        if style == "circled":
            return list(CIRCLED[:heads])
        return [style.format(i + 1) for i in range(heads)]

    def paragraph_prefix(self, index: int, ordinal: int, text: str) -> str | None:
        """The mark opening paragraph ``index`` (a round-up dateline, else the story's next
        ordinal: ``ordinal`` of them printed already), or None (``text`` opens with a number
        of its own)."""
        if enumerated(text):
            return None
        if index in self.datelines:
            self.feats.add("roundup_dateline")
            return self.datelines[index]
        if index in self.ordinal_at and ordinal < len(self.ordinals):
            self.feats.add("ordinal_paragraphs")
            return self.ordinals[ordinal]
        return None

    def closing(self, tail: list[str], w: float | None, end_marker: str | None) -> list[str]:
        """A story's closing lines, the credit run on into its last paragraph sometimes."""
        rng = self.closing_rng
        if "closing_inline" not in self.habits or rng.random() >= 0.6 or end_marker or len(tail) != 1:
            return [""] + tail
        self.feats.add("closing_inline")
        return ["", Glued(tail[0], w)]

    def question(self, asked: str) -> str:
        """An interview's question (``asked``, drawn by ``qa_interview``) or, mostly, one
        naming the story's subject when ``qa_named`` prints it."""
        rng = self.named_rng
        if "qa_named" not in self.habits or not self.subject or rng.random() >= 0.7:
            return asked
        self.feats.add("qa_named")
        return rng.choice(NAMED).format(s=self.subject)

    def glued_label(self) -> str | None:
        """A sidebar's label run on into its first sentence, sometimes, or None."""
        rng = self.glued_rng
        if "sidebar_glued" not in self.habits or rng.random() >= 0.5:
            return None
        return rng.choice(GLUED_FORMS).format(rng.choice(GLUED_LABELS))

