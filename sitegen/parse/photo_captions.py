"""Photo captions in the forms papers print besides ``……摄`` (which :func:`.lines.is_photo_credit`
reads): a caption opened by what points at the photo (图为……, 图①：……, 上图：……, ▲……), and a
credit other than a photographer's (（新华社发）, 视觉中国供图, 资料图片, 制图：张伟).

A story's prose never opens a paragraph with 图为 or 图①： (it speaks of what happened, not of
a picture beside it); a caption does, and is short: a sentence or two. A credit names who gave
or drew the picture, at the end of the caption, set apart from its sentence by a space, a
full stop or brackets (a line of prose broken after 新华社发 runs on: 新华社发 / 布的消息). ▲
also opens list items in some papers, so it is read as a caption's only with a credit at its
end.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blocks import Element

#: A credit other than 摄 at a caption's end: an agency's or paper's (新华社发, 中新社发), a
#: giver's (视觉中国供图, 受访者供图), 资料图片, a drawer's (制图：张伟), a source's.
_AGENCY = r"[\u4e00-\u9fff]{0,8}(?:社|报|网|台)\s*发"
_GIVER = r"(?:[\u4e00-\u9fff]{1,10}\s*供图|资料图片|(?:制|绘)图\s*[：:]\s*[\u4e00-\u9fff]{2,4}|图片来源\s*[：:]\s*[\u4e00-\u9fffA-Za-z]{2,12})"
_WHO = rf"(?:{_AGENCY}|{_GIVER})"
#: After a caption's sentence, or in brackets; alone on a line only the giver's forms (a line
#: of prose may break after 新华社发: 据新华社发 / 布的消息).
_CREDIT_END = re.compile(rf"[\s\u3000。！!）)]\s*{_WHO}$|^{_GIVER}$|[（(]\s*{_WHO}\s*[）)]$")
_POINTER = re.compile(r"^(?:图为|(?:[上下左右中]|小)?图\s*[①-⑩0-9一二三四五六七八九十]{0,2}\s*[：:]|图\s*[①-⑩0-9一二三四五六七八九十]{1,2}\s*[、]?)")
_TRIANGLE = "▲△"
#: The longest caption opened by a pointer (a sentence or two).
MAX_CAPTION = 100


#: Whether a page may hold such a credit or pointer at all: searches that each open with a
#: literal (fast to search for); a page that answers none holds neither.
_CREDIT_GATES = [re.compile("(?m)" + p) for p in (
    r"社[ \u3000]*发[）)]?[ \t\u3000]*$", r"报[ \u3000]*发[）)]?[ \t\u3000]*$", r"网[ \u3000]*发[）)]?[ \t\u3000]*$",
    r"台[ \u3000]*发[）)]?[ \t\u3000]*$", r"供图", r"资料图片", r"制图", r"绘图", r"图片来源")]
_POINTER_GATES = [re.compile(p) for p in (r"图为", r"图[①-⑩0-9一二三四五六七八九十 \u3000]{0,3}[：:、]", r"▲", r"△")]


def page_may_credit(text: str) -> bool:
    return any(g.search(text) for g in _CREDIT_GATES)


def page_may_point(text: str) -> bool:
    return any(g.search(text) for g in _POINTER_GATES)


def is_other_credit(text: str) -> bool:
    """A caption's line ending in a credit other than 摄."""
    t = text.strip()
    if not t or t[-1] not in "发图片）)" and not ("图" in t and ("制图" in t or "绘图" in t or "图片来源" in t)):
        return False  # (most lines: answered without the pattern)
    return bool(_CREDIT_END.search(t))


def opens_caption(text: str) -> bool:
    """A short text that points at a photo (图为, 图①：, 上图：), or opens with ▲ and ends with
    a credit."""
    t = text.strip()
    if len(t) > MAX_CAPTION or not t:
        return False
    if t[0] in _TRIANGLE:
        return is_other_credit(t) or t.rstrip("）)").endswith("摄")
    return t[0] in "图上下左右中小" and bool(_POINTER.match(t))


def mark_captions(elements: list[Element]) -> None:
    """Text read as prose or a headline line that opens as a caption is one."""
    for el in elements:
        if el.kind in ("para", "ambiguous", "title") and opens_caption(el.text):
            el.kind = "caption"
