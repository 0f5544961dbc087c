"""A box's label run on into its first sentence (链接：……, 【相关链接】……, ■背景资料：……).

Papers print beside or after a story a box of background headed by a fixed label (相关链接,
延伸阅读, 背景资料, 小贴士 …: :data:`.lines.SIDEBAR_LABEL_RE` reads it alone on a line). As
often the label is set in bold at the head of the box's first paragraph, run on into its
text after a colon or a closing bracket. Such a label names a kind of box, never a story: the
paragraph it opens belongs to the story the box stands by, the one printed above it, even
after that story's closing credit (the box is set apart from the story's text, under it), and
no story starts there.
"""
from __future__ import annotations

import re

#: The label words (as :data:`.lines.SIDEBAR_LABEL_RE`), in brackets or before a colon,
#: then the box's text.
_LABEL = (r"(?:(?:相关|背景|新闻|知识|资料|数据|政策|历史|延伸)?链接|(?:延伸|相关|拓展)阅读"
          r"|背景(?:资料|知识|介绍)?|新闻背景|小(?:贴士|知识|资料)|名词解释|温馨提示)")
_RUN_IN = re.compile(r"[■◆●□▲★◇◎]?\s*(?:[【〖〔\[［]\s*" + _LABEL + r"\s*[】〗〕\]］]\s*[:：]?|"
                     + _LABEL + r"\s*[:：])\s*[^\s:：]")
#: What follows the label: a colon or a closing bracket.
_AFTER = "：:】〗〕]］"
#: The characters such a paragraph can open with (the rest are not read).
_FIRST = frozenset("■◆●□▲★◇◎【〖〔[［相背新知资数政历延拓小名温链 \u3000")


#: A box is short: its label opens one of a story's last few paragraphs.
BOX_PARAS = 4


def opens_box(text: str) -> bool:
    """Whether a paragraph opens with a box's label run on into its text (a colon or a
    closing bracket among its first characters, else it is not read further)."""
    head = text[:14]
    return text[:1] in _FIRST and any(c in head for c in _AFTER) and _RUN_IN.match(text.lstrip()) is not None


def box_start(paras) -> int | None:
    """The index of the last paragraph (of ``paras``, :class:`.paragraphs.Para`; one of the
    last BOX_PARAS, not the first) opening a box with its label run on, else None."""
    for k in range(len(paras) - 1, max(0, len(paras) - 1 - BOX_PARAS), -1):
        if not paras[k].subhead and opens_box(paras[k].raw):
            return k
    return None
