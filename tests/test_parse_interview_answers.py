"""Interview answers opened by who says them (王伟：…, 王 伟：…, 李明（村党支部书记）：…, 答：…,
张建国 in bold and a space): each is a paragraph of the story, with its prefix; the name is
no byline, the answer no headline and no story start. Hand-written pages in several forms:
one paragraph a line, wrapped in narrow columns (a name's first line then looks like a
byline), other papers' separators."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped

INTRO = "近日，记者就春茶产销情况采访了县茶叶协会会长王伟。"
FORMS = [("记者：", "王伟：", "王伟："), ("记者：", "王 伟：", "王 伟："), ("本报记者：", "王伟（县茶叶协会会长）：", "王伟："),
         ("问：", "答：", "答："), ("记者　", "王伟　", "王伟　"), ("记者:", "王伟:", "王伟:")]


@pytest.mark.parametrize("asker,first,other", FORMS)
@pytest.mark.parametrize("width", [None, 10, 14])
def test_answers_with_their_prefix_are_paragraphs(asker: str, first: str, other: str, width: int | None) -> None:
    paras = [INTRO, f"{asker}今年春茶行情怎么样？", first + TEA[0], f"{asker}茶农收入有变化吗？", other + TEA[1],
             f"{asker}下一步有什么打算？", other + TEA[2]]
    printed = ["本报讯 " + paras[0], *paras[1:]]
    port = ["本报讯 " + PORT[0], *PORT[1:]]
    body = "\n\n".join(printed) if width is None else wrapped(printed, width)
    other_body = story(PORT) if width is None else wrapped(port, width)
    text = "\n\n".join(["春茶走俏海外市场", body, "口岸通关效率持续提升", other_body]) + "\n"
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    tea = result.articles[0]
    assert tea.byline is None and tea.subheads == []
    assert ["".join(p.split()) for p in tea.paragraphs] == ["".join(p.split()) for p in paras]

