"""Text helpers of the page generator (``tests/relayout.py``): widths, sentence ends, line
wrapping as a compositor does it, and the odd pieces printed between stories."""
from __future__ import annotations

import unicodedata

SENTENCE_END = "。！？!?…；;"
CLOSERS = "”’」』）)》〉】\"'"
NO_LINE_START = "，。、；：？！,.;:?!）)》〉】”’」』…"
NO_LINE_END = "“‘《（(「『〈【"
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
BULLETS = "□■●"
BANNERS = ["干字当头开新局", "要闻", "综合新闻", "国际", "时评"]
CAPTIONS = [  # (caption, credit); the first is the seeds' own, the others share no words with the stories
    ("这是7月1日拍摄的悬挂奥运五环的埃菲尔铁塔。", "新华社记者贺长山"),
    ("6月20日，游客在古城景区游览观光。", "本报记者 王鹏"),
    ("这是5月18日在阿拉木图拍摄的城市夜景。", "新华社发 李娜"),
]



def width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def ends_sentence(text: str) -> bool:
    core = text.rstrip().rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in SENTENCE_END


def wrap(text: str, w: float) -> list[str]:
    """Hard-wrap at ``w`` cells; punctuation that may not start a line stays on the line above."""
    lines: list[str] = []
    cur = ""
    for ch in text:
        if cur and width(cur) + width(ch) > w and ch not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in NO_LINE_END:  # an opening quote moves down with its word
                carry, cur = cur[-1] + carry, cur[:-1]
            if cur:
                lines.append(cur)
            cur = carry
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def split_title(text: str, tw: float) -> list[str]:
    """A headline printed on one line, or on two when longer than ``tw``: cut at a space or a
    mark near the middle (where a sub-editor breaks a title), else in the middle."""
    if width(text) <= tw or len(text) < 8:
        return [text]
    mid = len(text) // 2
    best = None
    for i, ch in enumerate(text):
        if 3 <= i <= len(text) - 3 and ch in " ，,：:、":
            if best is None or abs(i - mid) < abs(best - mid):
                best = i
    if best is not None and abs(best - mid) <= len(text) // 3:
        left, right = text[:best + (0 if text[best] == " " else 1)], text[best:].lstrip(" ，,：:、")
        if text[best] in "，,：:、":
            right = text[best + 1:]
        return [left.rstrip(), right.lstrip()]
    return [text[:mid], text[mid:]]
