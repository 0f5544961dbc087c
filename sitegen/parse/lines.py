"""Line-level recognisers: markdown headings, continuation markers, bylines, datelines,
photo credits and stray fragments.

Each recogniser looks at one stripped line (or one joined paragraph) and uses only
generic newspaper vocabulary (本报讯, 新华社, 记者, 电, 讯, 摄, 上接, 下转, 版, 通讯员 …).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .text import BULLETS, visual_width
from .widths import cell_width

# -- continuation markers ---------------------------------------------------------
_MARKER_CORE = r"[（(]\s*(?:上接|下转|接|转)[^（）()\n]{0,12}?版\s*[）)]"
MARKER_RE = re.compile(_MARKER_CORE)
MARKER_LINE_RE = re.compile(rf"^{_MARKER_CORE}$")
START_MARKER_RE = re.compile(r"^[（(]\s*(?:上接|接)[^（）()\n]{0,12}?版\s*[）)]\s*")
END_MARKER_RE = re.compile(r"\s*[（(]\s*(?:下转|转)[^（）()\n]{0,12}?版\s*[）)]$")


def end_marker_match(text: str) -> re.Match | None:
    """``END_MARKER_RE.search(text)``, answered at once for the many texts that do not end
    in a closing bracket (the search would try every position of the paragraph)."""
    if not text.endswith(("）", ")", "）\n", ")\n")):
        return None
    return END_MARKER_RE.search(text)

# -- markdown headings ------------------------------------------------------------
MD_HEADING_RE = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")

# -- datelines ----------------------------------------------------------------------
#: 1月25日, １月２５日 or, as many papers print it, 一月二十七日.
_DATE = r"(?:\d{1,2}|[一二三四五六七八九十〇]{1,3})月(?:\d{1,2}|[一二三四五六七八九十〇]{1,3})日"
#: A paper's, agency's or broadcaster's name: 新疆日报, 新华社, 中央人民广播电台, 央视网.
_PAPER = r"[\u4e00-\u9fff]{1,12}?(?:日报|晚报|时报|报|社|网|台)"
_DATELINE_CORE = (
    r"(?:据)?(?:"
    r"本报讯"
    r"|本报[\u4e00-\u9fff]{0,8}" + _DATE + r"(?:电|讯)"
    r"|新华社[\u4e00-\u9fff]{0,10}?" + _DATE + r"(?:电|讯)"
    r"|[\u4e00-\u9fff]{2,12}?(?:日报|晚报|时报|报|社|网|台)[\u4e00-\u9fff]{0,10}?" + _DATE + r"(?:电|讯)"
    r"|[\u4e00-\u9fff]{2,10}?" + _DATE + r"(?:电|讯)"
    # undated, as papers print their own and agencies' reports: a paper's name and 讯
    # (新疆日报讯, 中央人民广播电台讯; not 通讯员, 讯息, 讯号), or 电 / a place set off by
    # the reporter's bracket or a space (新华社电 …, 本报北京讯（记者…）, 新疆日报乌鲁木齐讯 …)
    r"|" + _PAPER + r"讯(?![员息号])"
    r"|(?:本报|" + _PAPER + r")(?:[\u4e00-\u9fff]{1,8}?)?(?:电|讯)(?=[（(）)\s\u3000]|$)"
    r")"
)
#: (The lookahead first: every form holds 电 or 讯 within its first 41 characters, never past
#: a line's end; prose fails it at once, where the lazy runs of Han characters of the
#: alternatives would try many splits of every paragraph: 0.054 → 0.034 s over 200k texts.)
DATELINE_START_RE = re.compile(r"^(?=[^电讯\n]{0,40}[电讯])" + _DATELINE_CORE)
#: A dateline printed on its own, possibly in brackets at the end of a story.
DATELINE_LINE_RE = re.compile(
    r"^(?:[（(]?\s*(" + _DATELINE_CORE + r")\s*[）)]?"
    # in brackets on its own line, an agency's dateline may leave the date out: （据新华社北京电）
    r"|[（(]\s*((?:据)?(?:新华社|中新社|本报)[\u4e00-\u9fff]{0,10}?(?:电|讯))\s*[）)])$")
#: The bracket right after a dateline: （记者 张三 通讯员 李四）.
CREDIT_BRACKET_RE = re.compile(r"^\s*[（(]([^（）()]{1,80})[）)]\s*")

# -- bylines ------------------------------------------------------------------------
_ROLE = r"(?:本报|新华社|人民日报|[\u4e00-\u9fff]{0,8}(?:日报|报社|晚报|电视台|融媒体中心))?(?:特约)?(?:首席)?(?:记者|通讯员|评论员|特约撰稿人)"
#: In a closing credit's brackets a broadcaster or another agency signs too (中央人民广播电台
#: 记者刘振英、新华社记者张宿堂; 中国新闻社记者): the brackets bound it, so a longer name of the
#: organisation cannot run into prose there, as it could on a line of a wrapped bracket.
_CREDIT_ROLE = r"(?:[\u4e00-\u9fff]{0,8}(?:电台|通讯社|新闻社))?" + _ROLE
BYLINE_BARE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,10}/)?" + _ROLE + r"[\s\u3000]*[\u4e00-\u9fff·•\s\u3000/、]{2,40}$"
)
#: Names alone after a byline bullet: one to six names of two to four Han characters (a
#: transliterated name joined by ·), apart by spaces, 、 or a slash: ●张磊 尹雪, ■ 陈杉、赵嫣.
_NAME = r"[\u4e00-\u9fff]{2,4}(?:[·•][\u4e00-\u9fff]{1,8})*"
BULLET_NAMES_RE = re.compile(rf"^{_NAME}(?:[\s\u3000、/／]+{_NAME}){{0,5}}$")
#: A paper's commentator signs with no name: 本报评论员, 新华社特约评论员.
COMMENTATOR_RE = re.compile(r"^(?:本报|新华社|人民日报|[\u4e00-\u9fff]{1,8}(?:日报|报社|晚报))(?:特约)?评论员$")
#: Sentence punctuation: never in a byline or a dateline line.
SENTENCE_PUNCT_RE = re.compile(r"[，。！？；：,!?;:]")
#: A credit in brackets printed on its own after a story: （记者 张三 通讯员 李四）,
#: （石榴云/新疆日报记者刘翔）, （张三 李四）, （张三 文/摄）.
_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[\s\u3000、]+[\u4e00-\u9fff·]{2,5}){0,3}(?:\s*(?:文\s*[/／]\s*摄|摄|文))?"
CLOSING_CREDIT_RE = re.compile(
    r"^[（(]\s*((?:[\u4e00-\u9fff]{0,10}[/／])?(?:实习|见习)?" + _CREDIT_ROLE + r"[^（）()]{2,60}?|" + _NAMES + r")\s*[）)]$")
#: Editorial marks printed in brackets after a story, not names.
EDITORIAL_MARKS = frozenset({"完", "待续", "未完待续", "续完", "全文完"})


def closing_credit(text: str) -> str | None:
    """The byline inside a paragraph that is only a bracketed credit, else None."""
    m = CLOSING_CREDIT_RE.match(text.strip())
    if m is None or DATELINE_LINE_RE.match(text.strip()) or m.group(1).endswith(("电", "讯")) or SENTENCE_PUNCT_RE.search(m.group(1)) or m.group(1).strip() in EDITORIAL_MARKS:
        return None
    return m.group(1).strip()


def end_credit_at(raw: str) -> int | None:
    """Where the story's credit closing a paragraph starts: its opening bracket, after the
    last sentence (…表示感谢。（谢文）, …高质量发展。(记者 李华)), or 0 for a paragraph that
    is such a credit alone; None when the paragraph ends otherwise."""
    raw = raw.rstrip()
    if not raw.endswith(("）", ")")):  # (most paragraphs: answered without a search)
        return None
    at = max(raw.rfind("（"), raw.rfind("("))
    if at < 0 or (at > 0 and raw[at - 1] not in "。！？”」") or closing_credit(raw[at:]) is None:
        return None
    return at


ROLE_RE = re.compile(_ROLE)


def names_role(credit: str) -> bool:
    """A credit that says who its people are (记者, 通讯员 …), not only their names."""
    return bool(ROLE_RE.search(credit))


def opening_credit(text: str) -> re.Match | None:
    """The reporters' bracket opening ``text`` ((记者秦凤桐、周健伟)宁夏…): a bracket naming a
    role, no sentence in it. A story's text opens with one only under its dateline, printed
    on the line above when not on the same one."""
    b = CREDIT_BRACKET_RE.match(text) if text[:1] in "（(" or text[:1].isspace() else None
    return b if b and names_role(b.group(1)) and not SENTENCE_PUNCT_RE.search(b.group(1)) else None

# -- enumerators such as （三） ------------------------------------------------------
ENUM_LINE_RE = re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[）)]$")

# -- a sidebar's label: 相关链接, 【延伸阅读】, ■小贴士： ---------------------------------------
# Papers print beside or after a story a short box of background under a fixed heading
# (相关链接, 背景资料, 延伸阅读, 小贴士, 名词解释 …), alone on its line, in brackets or after a
# bullet, sometimes with a colon. Such a heading names a kind of box, never a story: like an
# enumerator it heads a part of the story it stands by (its paragraphs are that story's).
SIDEBAR_LABEL_RE = re.compile(
    r"^[■◆●□▲★◇◎]?\s*[【〖〔\[［]?\s*"
    r"(?:(?:相关|背景|新闻|知识|资料|数据|政策|历史|延伸)?链接|(?:延伸|相关|拓展)阅读"
    r"|背景(?:资料|知识|介绍)?|新闻背景|小(?:贴士|知识|资料)|名词解释|温馨提示)"
    r"\s*[】〗〕\]］]?\s*[:：]?$")


def is_sidebar_label(text: str) -> bool:
    """A line that is all a sidebar's label (``SIDEBAR_LABEL_RE``)."""
    return bool(SIDEBAR_LABEL_RE.match(text))


class Line(NamedTuple("_LineFields", [("no", int), ("text", str), ("width", float)])):
    """One non-blank line of the seed, stripped of surrounding whitespace: its 1-based
    number, text and printed width (asked for very often: computed once, when the line is
    made). Immutable. A tuple underneath: the parser makes one per line of every page, and
    a frozen dataclass cost seven times as much to make."""

    __slots__ = ()

    def __new__(cls, no: int, text: str) -> "Line":
        return tuple.__new__(cls, (no, text, cell_width(text)))  # (each line measured once)

    def __getnewargs__(self) -> tuple[int, str]:
        return self[0], self[1]


#: Marks that open a quotation or a bracket: print never leaves one last on a line.
OPENERS = "“‘「『（(《〈【\"'"


def opener_moved_down(line: Line, nxt: Line, width: float) -> bool:
    """Did ``line`` stop short of the column ``width`` only because the opening mark that
    starts the next line ``nxt`` could not end it? Print never leaves an opening quotation
    mark or bracket last on a line: when the mark and the character after it do not both
    fit, the mark goes down with that character and the line above stops a cell or two
    short, with no paragraph end there (…元。/ （周宝华）)."""
    return nxt.text[:1] in OPENERS and line.width + visual_width(nxt.text[:2]) > width


def is_marker_line(text: str) -> bool:
    return bool(MARKER_LINE_RE.match(text.strip()))


def md_heading(text: str) -> tuple[int, str] | None:
    """(level, title) for a markdown heading line, else None."""
    if not text.startswith("#"):
        return None
    m = MD_HEADING_RE.match(text)
    if not m or not m.group(2):
        return None
    return len(m.group(1)), m.group(2)


_TEXT_AND_PHOTOS = re.compile(r"文\s*[/／]\s*摄$")  # "文/摄": text and photos by one author


def is_photo_credit(text: str) -> bool:
    """A line ending in 摄 that is a photo credit ("本报记者 张三 摄", "贺长山 摄").

    "文/摄" (text and photos by the same author) is a byline, not a caption credit.
    """
    t = text.strip().rstrip("）)")
    if not t.endswith("摄"):
        return False
    if _TEXT_AND_PHOTOS.search(t):
        return False
    return True


def strip_bullet(text: str) -> tuple[str, bool]:
    """Text without a leading byline bullet (□■●…), and whether there was one."""
    t = text.lstrip()
    if t and t[0] in BULLETS:
        return t[1:].lstrip(" \u3000"), True
    return text, False


#: Words one of which every byline without a bullet holds: the role words of ``_ROLE``
#: (BYLINE_BARE_RE and COMMENTATOR_RE end their role with one) and 摄 (文/摄). A pattern
#: added to :func:`is_byline` must keep this true (tests/test_parse_properties.py).
SIGNING_WORDS = ("记者", "通讯员", "评论员", "撰稿人", "摄")


def _may_sign(body: str) -> bool:
    """Does ``body`` hold one of SIGNING_WORDS? (Found in C: a page's lines of prose without
    sentence punctuation, ~100 on a page, all reach :func:`is_byline` and nearly none is
    one; its patterns took ~2 µs a line to say so.)"""
    return "记者" in body or "通讯员" in body or "评论员" in body or "撰稿人" in body or "摄" in body


def is_byline(text: str) -> bool:
    """A byline line: bullet + short name list, or 记者/通讯员 + names, or "张三 文/摄".

    Bylines are short and carry no sentence punctuation.
    """
    body, bullet = strip_bullet(text.strip())
    if not bullet and not _may_sign(body):
        return False  # (most lines asked: wrapped prose without sentence punctuation)
    if not body or visual_width(body) > 40 or SENTENCE_PUNCT_RE.search(body):
        return False
    if is_photo_credit(body):
        return False
    if bullet and _may_sign(body):
        return True  # □石榴云/新疆日报记者刘翔, ■ 新华社记者 陈杉 …: a role word after the bullet
    if bullet:
        # A bullet opens bylines and headlines alike (●重点抓好５００个…基地县): a byline
        # names people, a headline states something. Without a role word, only a short run
        # of names is a byline (●张磊 尹雪, ■ 陈杉、赵嫣).
        return bool(BULLET_NAMES_RE.match(body))
    if _TEXT_AND_PHOTOS.search(body) and visual_width(body) <= 20:
        return True
    return bool(BYLINE_BARE_RE.match(body) or COMMENTATOR_RE.match(body))


def is_dateline_line(text: str) -> bool:
    """A dateline printed alone on a line: 新华社北京7月2日电, (新华社阿拉木图4月26日电).
    (Every form ends in 电 or 讯: a line without either is answered without the pattern,
    whose lazy runs of Han characters try many splits of every line of prose.)"""
    if "电" not in text and "讯" not in text:
        return False
    return bool(DATELINE_LINE_RE.match(text.strip()))


def dateline_text(text: str) -> str:
    m = DATELINE_LINE_RE.match(text.strip())
    return (m.group(1) or m.group(2)) if m else text.strip()


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Split a leading dateline (and its credit bracket) off a paragraph.

    Returns (dateline, byline, rest). A bracket after the dateline is taken as the
    byline when it names people (记者, 通讯员, a slash credit, or a short list of names).
    """
    m = DATELINE_START_RE.match(paragraph)
    if not m:
        return None, None, paragraph
    dateline = m.group(0)
    rest = paragraph[m.end():]
    byline = None
    b = CREDIT_BRACKET_RE.match(rest)
    if b:
        inner = b.group(1).strip()
        if ("记者" in inner or "通讯员" in inner or "/" in inner
                or (visual_width(inner) <= 20 and not SENTENCE_PUNCT_RE.search(inner))):
            byline = inner
            rest = rest[b.end():]
    rest = rest.lstrip(" \u3000")
    if not rest and byline is None:
        return dateline, None, ""
    return dateline, byline, rest


def is_fragment_line(text: str) -> bool:
    """A stray scrap: one or two characters that are no word of a headline ("二", "3")."""
    t = text.strip()
    # (a character is at least half a cell wide: a longer text is wider than two cells)
    return 0 < len(t) <= 4 and 0 < visual_width(t) <= 2 and not ENUM_LINE_RE.match(t)
