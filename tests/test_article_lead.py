"""``Article.lead``: the text of the first paragraph block, whatever comes before it."""
from __future__ import annotations

from sitegen.models import Article, Block


def _article(*blocks: Block) -> Article:
    return Article("s.txt", 1, None, "标题", None, None, None, tuple(blocks))


def test_the_lead_is_the_first_paragraph():
    a = _article(Block("paragraph", "第一段"), Block("paragraph", "第二段"))
    assert a.lead == "第一段" == a.paragraphs[0]


def test_a_subhead_before_the_first_paragraph_is_not_the_lead():
    a = _article(Block("subhead", "小标题"), Block("paragraph", "正文"), Block("subhead", "又一个"))
    assert a.lead == "正文"


def test_an_article_without_paragraphs_has_an_empty_lead():
    assert _article(Block("subhead", "小标题")).lead == ""
    assert _article().lead == ""
