"""A body that is nothing but a bracketed credit is no article (issue 18): it closes the
story printed right before it and becomes that article's byline."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


def test_a_credit_printed_alone_after_a_continued_story_is_its_byline_not_an_article() -> None:
    # the story ends with a 下转 marker, its credit under it; the next story opens with
    # its own dateline and byline, so the credit cannot be that one's
    port = ["新华社北京7月2日电（新华社记者 王五）" + PORT[0], *PORT[1:]]
    text = (_wrapped(TEA) + "\n\n（下转第8版）\n\n（本报记者 张明）\n\n" + _wrapped(port) + "\n\n\n"
            + _wrapped(SNOW) + "\n\n春茶上市茶农忙着采摘新茶\n口岸通关效率持续提升\n牧区降雪 牧民储备草料\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert arts[0].byline == "本报记者 张明"
    assert [a.headline for a in arts] == ["春茶上市茶农忙着采摘新茶", "口岸通关效率持续提升", "牧区降雪 牧民储备草料"]
