"""A story interrupted by another goes on under the other story's headline (issue 18,
stories broken in two): on a page whose headlines follow their stories, the first story
stops mid-sentence, the second is printed whole with its headline under it, and the rest
of the first follows that headline. A story that stops mid-sentence goes on somewhere;
the rest is the piece under the titles whose words run on from it, far more than from
the story printed right above those titles."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA, parse_conserved

PORT_HEAD, TEA_HEAD, SNOW_HEAD = "口岸通关效率持续提升", "春茶市场交易活跃", "牧区群众温暖过冬"
# the port story, longer, so that its two parts share its words (the port, customs,
# clearance, foreign-trade firms), as the parts of one story do
PORT5 = ["口岸海关数据显示，一季度口岸进出口货运量同比增长，口岸通关效率持续提升，外贸企业通关成本下降。",
         *PORT[1:],
         "海关还在口岸设立外贸企业服务窗口，帮助外贸企业办理进出口通关手续，口岸通关时间进一步压缩。",
         "外贸企业负责人说，口岸通关越来越便利，外贸企业货物进出口的成本明显下降。"]


# the interrupting story opens as a story does (its dateline), so the open end above it
# is not read as a column break into it
DATELINES = ["本报讯 ", "本报杭州3月5日电　", "新华社北京7月2日电（记者 樊曦）"]


@pytest.mark.parametrize("cut", [
    ("海关关员介绍，口岸推行智慧通关，", "货车排队时间缩短，外贸企业降本增效。"),
    ("海关关员介绍，口岸推行智慧通关、", "智慧查验，货车排队时间缩短，外贸企业降本增效。"),
    ("海关关员介绍，口岸推行智慧通关，货车排队时间", "缩短，外贸企业降本增效。"),
])
@pytest.mark.parametrize("dateline", DATELINES)
def test_the_rest_of_an_interrupted_story_follows_the_other_storys_headline(cut: tuple[str, str],
                                                                             dateline: str) -> None:
    before, after = cut
    page = [PORT5[0], before, dateline + TEA[0], *TEA[1:], TEA_HEAD, after, *PORT5[2:], PORT_HEAD]
    arts = parse_conserved("\n\n".join(page) + "\n").articles
    assert [a.headline for a in arts] == [PORT_HEAD, TEA_HEAD]
    port, tea = arts
    assert "".join(port.paragraphs) == "".join([PORT5[0], before + after, *PORT5[2:]])
    assert "".join(tea.paragraphs).endswith("".join(TEA))


def test_a_story_stopping_mid_sentence_takes_no_unrelated_story_under_titles() -> None:
    """The piece under the tea story's headline is the snow story, which shares no word
    with the port story: nothing is joined, and the port story is left ending open."""
    page = [PORT5[0], "海关关员介绍，口岸推行智慧通关，", "本报讯 " + TEA[0], *TEA[1:], TEA_HEAD, *SNOW, SNOW_HEAD]
    arts = parse_conserved("\n\n".join(page) + "\n").articles
    assert [a.paragraphs[0][:8] for a in arts] == [PORT5[0][:8], TEA[0][:8], SNOW[0][:8]], arts
    assert arts[0].paragraphs[-1].endswith("智慧通关，")
