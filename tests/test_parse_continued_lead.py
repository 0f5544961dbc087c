"""A story continued from another page (上接…) runs into a story whose headline is printed
under it (issue 18, stories glued): the continuation is the end of a story headed on
another page, so the headline below heads the story run into it, and that story starts
at its lead, the first paragraph that says what its headline says. The continuation's own
clearest change of words (a new turn of its story) is no such start."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, parse_conserved

# the end of a bridge story jumped from another page: its first paragraph (the end of a
# quote about the river's history) shares no word with the three after it, so the
# continuation's clearest change of words falls inside it, too near its top to cut at
BRIDGE = ["老人们说，过去往来全靠渡船，遇上汛期只能望江兴叹，赶集走亲戚都得绕行百里。",
          "大桥主体工程由中交集团承建，主跨一千零九十二米，桥面设双向六车道，设计时速一百公里。",
          "建设者克服深水基础施工难题，采用钢围堰技术，主塔施工比计划提前两个月完成。",
          "大桥建成后，两岸车程由一个半小时缩短至十五分钟，将带动沿江产业带协同发展。"]
# a library story, headed under its last paragraph; its lead names what its headline says
LIBRARY = ["城东社区图书馆昨日正式开馆，馆内藏书三万余册，设有少儿阅读区和自习室。",
           "开馆当天，不少家长带着孩子前来借书，志愿者耐心指导读者办理借阅证。",
           "街道负责人介绍，社区还将定期举办读书会和公益讲座，让居民在家门口享受文化服务。"]
LIBRARY_HEAD = "城东社区图书馆开馆"
PORT_HEAD = "口岸推行智慧通关跑出加速度"


def _page(marker: str, marker_alone: bool, head: str = LIBRARY_HEAD, library: list[str] = LIBRARY) -> str:
    """The page's headlines follow their stories: the continued bridge story, the library
    story and its headline, the port story and its headline."""
    first = [marker, BRIDGE[0]] if marker_alone else [marker + BRIDGE[0]]
    parts = [*first, *BRIDGE[1:], *library, head, "本报讯 " + PORT[0], *PORT[1:], PORT_HEAD]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("marker,alone", [
    ("（上接第2版）", False),
    ("(上接A3版)", False),
    ("（上接第一版）", True),
    ("(接第4版)", True),
])
def test_the_story_run_into_a_continuation_starts_at_its_lead(marker: str, alone: bool) -> None:
    arts = parse_conserved(_page(marker, alone)).articles
    assert [a.headline for a in arts] == [None, LIBRARY_HEAD, PORT_HEAD]
    assert arts[0].paragraphs[-1] == BRIDGE[-1]
    assert arts[1].paragraphs == LIBRARY


def test_a_continuation_headed_under_its_own_text_stays_whole() -> None:
    """A continued story whose jump headline, printed under it, repeats its own words all
    along: no story was run into it, so nothing is cut."""
    arts = parse_conserved(_page("（上接第2版）", False, head="大桥建成两岸车程缩短", library=[])).articles
    assert [a.headline for a in arts] == ["大桥建成两岸车程缩短", PORT_HEAD]
    assert len(arts[0].paragraphs) == len(BRIDGE)
