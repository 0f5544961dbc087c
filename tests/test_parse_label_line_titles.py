"""A section label printed alone on its line over a title (【基层一线】 / 以新发展理念…) heads a
story (issue 18: two stories glued when the label and the title under it were read as the
first lines of a paragraph, or the title as a subhead). Papers set a section label over a
story's headline; a line of prose never holds a bracketed name alone, and a subhead bears no
label. A box's label (【相关链接】) and an editors' note's (【编者按】) head no story. Labels,
brackets and wordings are varied on purpose."""
from __future__ import annotations

import pytest

from sitegen.parse.blocks import build_elements
from sitegen.parse.oneliners import labelled_on_own_line
from synthetic_pages import PORT, SNOW, TEA, parse_conserved, wrapped


def _bodies(arts) -> list[str]:
    return ["".join(a.paragraphs) for a in arts]


def _element(text: str):
    return build_elements(text + "\n\n" + wrapped(SNOW) + "\n")[0]


@pytest.mark.parametrize("label", ["【基层一线】", "〔今日聚焦〕", "［民生关注］", "[地方传真]"])
@pytest.mark.parametrize("title", ["边境口岸通关效率持续提升", "口岸海关：智慧通关降本增效"])
def test_a_label_over_a_line_ending_open_is_a_title(label: str, title: str) -> None:
    assert labelled_on_own_line(_element(label + "\n" + title))


@pytest.mark.parametrize("text", ["【相关链接】\n边境口岸通关效率持续提升", "【编者按】\n边境口岸通关效率持续提升",
                                  "茶企负责人说\n边境口岸通关效率持续提升", "【基层一线】\n口岸通关效率持续提升。"])
def test_no_label_or_a_box_label_or_a_sentence_is_no_such_title(text: str) -> None:
    # a box's or an editors' note's label, a line of prose, a line ending a sentence
    assert not labelled_on_own_line(_element(text))


@pytest.mark.parametrize("label", ["【基层一线】", "〔今日聚焦〕"])
@pytest.mark.parametrize("title", ["边城扩大开放迎来发展新机遇新气象", "北疆口岸：开放之门越开越大前景好"])
def test_a_labelled_headline_after_its_story_ends_it(label: str, title: str) -> None:
    # headlines printed after their bodies; the title fills the column's measure and shares
    # few words with its story: only the label says it is no line of prose
    text = "\n\n".join([wrapped(TEA), "春茶市场交易活跃", wrapped(PORT), label + "\n" + title,
                        wrapped(SNOW), "牧区冬储草料足"]) + "\n"
    arts = parse_conserved(text).articles
    assert len(arts) == 3, [a.headline for a in arts]
    port = next(a for a in arts if _bodies([a])[0].startswith(PORT[0][:10]))
    assert port.headline == title and port.kicker == label
    assert _bodies(arts)[2].startswith(SNOW[0][:10])


@pytest.mark.parametrize("label", ["【民生关注】", "〔今日聚焦〕"])
@pytest.mark.parametrize("title", ["茶园飘香茶农采摘忙", "满园茶香茶农采摘忙"])
def test_a_label_line_of_its_own_over_a_title_heads_a_story(label: str, title: str) -> None:
    # one paragraph per line, blank lines between, headlines after their bodies: the label
    # printed on a line of its own (not glued on) still says the title under it is no subhead
    text = "\n\n".join([*TEA, label, title, *PORT, "口岸通关效率持续提升"]) + "\n"
    arts = parse_conserved(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(label, title), (None, "口岸通关效率持续提升")]
    assert not arts[0].subheads and _bodies(arts)[1].startswith(PORT[0][:10])
