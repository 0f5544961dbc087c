"""A page's own lines, printed by the page and not by any story: its running head
(光明日报 2025年5月3日 星期六 第4版) and its editors' line (本版责编：张伟 王芳).

Every printed page carries a running head: the date the paper came out, with its weekday
and/or the page's number, and the paper's or the section's name, in whatever order and
with whatever spacing the paper's design gives them. Papers' names are no fixed list, so a
running head is known by its shape: a date and a weekday or page number, and besides them
only a few short names, no sentence. A story never prints that: its dateline gives no
weekday or page and ends in 电/讯 (本报北京5月3日电); a headline that names a date reads on
(a verb, a comma) around it.

The editors' line names the page's staff by their roles (责编, 责任编辑, 编辑, 校对, 版式,
美编, 统筹 …), each followed by a colon and names, and nothing else: no sentence of a story
is a role word, a colon and a list of names.
"""
from __future__ import annotations

import re

#: The element and leftover kinds of a page's own lines: lines outside every story, skipped
#: over like a stray scrap by everything that reads a story's text.
RUNNING_HEAD = "running_head"
EDITORS = "editors"
PAGE_LINE_KINDS = (RUNNING_HEAD, EDITORS)

_DIGIT = "0-9０-９"
_CN_DIGIT = "〇零一二三四五六七八九十"
_MONTH_DAY = rf"(?:[{_DIGIT}]{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月\s*(?:[{_DIGIT}]{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日"
#: 2025年5月3日, 二〇二五年五月三日, 2025-05-03, 2025.5.3, 2025/5/3
_DATED = re.compile(
    rf"(?:[{_DIGIT}]{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*{_MONTH_DAY}"
    rf"|(?<![{_DIGIT}])[{_DIGIT}]{{4}}[-./－．／][{_DIGIT}]{{1,2}}[-./－．／][{_DIGIT}]{{1,2}}(?![{_DIGIT}])(?:日)?")
_UNDATED = re.compile(_MONTH_DAY)
#: 星期六, 周六, 礼拜六
_WEEKDAY = re.compile(r"(?:星期|礼拜)[一二三四五六日天]|(?<![\u4e00-\u9fff])周[一二三四五六日]")
#: 第4版, 第04版, 4版, 第十二版, and the letter-and-number pages of sectioned papers (A4, B02)
_PAGE = re.compile(
    rf"第\s*(?:[{_DIGIT}]{{1,3}}|[{_CN_DIGIT}]{{1,3}})\s*(?:版|页)"
    rf"|(?<![{_DIGIT}A-Za-zＡ-Ｚａ-ｚ])(?:[{_DIGIT}]{{1,3}}版"
    rf"|[A-Za-zＡ-Ｚａ-ｚ][{_DIGIT}]{{1,3}}(?:版)?(?![{_DIGIT}A-Za-zＡ-Ｚａ-ｚ]))")
#: What may part the items of a running head.
_SEPARATORS = re.compile(r"[\s\u3000|｜·•・/／\-—－_]+")
#: Any other item: a paper's or a section's name, 农历四月初六, 总第27650期.
_NAME_ITEM = re.compile(rf"[\u4e00-\u9fff{_DIGIT}A-Za-zＡ-Ｚａ-ｚ《》]{{1,12}}")
#: A paper's and a section's names together (21世纪经济报道 综合新闻: 12), not a phrase more.
_NAMES_AT_MOST = 14
_SENTENCE = re.compile(r"[，。！？；：,!?;:、“”\"（）()]")


def is_running_head(text: str) -> bool:
    """A page's running head: a date (with its year, or else with both a weekday and a page
    number) and a weekday or a page number, besides which at most three short names."""
    t = text.strip()
    if not ("月" in t and "日" in t or "-" in t or "." in t or "/" in t or "．" in t or "－" in t or "／" in t):
        return False  # (no date: most lines, answered without the patterns)
    if not 6 <= len(t) <= 60 or _SENTENCE.search(t) or t.endswith(("电", "讯")):
        return False
    dated = _DATED.search(t)
    date = dated or _UNDATED.search(t)
    if date is None:
        return False
    rest = t[:date.start()] + " " + t[date.end():]
    week = _WEEKDAY.search(rest)
    if week:
        rest = rest[:week.start()] + " " + rest[week.end():]
    page = _PAGE.search(rest)
    if page:
        rest = rest[:page.start()] + " " + rest[page.end():]
    if not (week or page) or (dated is None and not (week and page)):
        return False
    items = [x for x in _SEPARATORS.split(rest) if x]
    return (len(items) <= 3 and sum(map(len, items)) <= _NAMES_AT_MOST
            and all(_NAME_ITEM.fullmatch(x) for x in items))


_OWN = r"(?:本版|本期|本刊)"
_ROLE_WORD = (r"(?:责任编辑|责编|美术编辑|图片编辑|文字编辑|编辑|校对|审校"
              r"|版式设计|版面设计|版式|美编|统筹|制图)")
_ROLE = rf"{_OWN}?{_ROLE_WORD}"
_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·•]{1,11}"
_NAMES = rf"{_NAME}(?:[\s\u3000、,，/／]+{_NAME})*"
#: ROLE：names, several on a line; a role the page's own (本版…) may drop the colon.
_ROLE_NAMES = rf"(?:{_ROLE}\s*[：:]|{_OWN}{_ROLE_WORD}\s)\s*{_NAMES}"
_EDITORS = re.compile(
    rf"[（(]?\s*{_ROLE_NAMES}(?:[\s\u3000|｜;；]+{_ROLE_NAMES})*\s*[）)]?")
_ROLE_START = re.compile(rf"[（(]?\s*{_ROLE}")
#: The characters an editors' line can open with (asked of every line of prose: most fail here).
EDITORS_FIRST = frozenset("（(本责美图文编校审版统制")


def is_editors_line(text: str) -> bool:
    """A page's editors' line: 本版责编：张伟 王芳, 责任编辑：李强　版式设计：赵敏,
    （责任编辑：刘洋）, 本版统筹 陈杰 — role words, each with a colon and names, and nothing
    else."""
    t = text.strip()
    if t[:1] not in EDITORS_FIRST or not _ROLE_START.match(t):
        return False
    m = _EDITORS.fullmatch(t)
    if m is None:
        return False
    return (t[0] in "（(") == (t[-1] in "）)")
