"""Headlines printed after their bodies (issue 18, kind 1) that the chunk rules used to read
as prose: lines ending open between a finished story and the next story's dateline. Nothing
runs on into them and they run on into nothing; only the top of a column cut off
mid-sentence (a story continued elsewhere) sits there too, and it fills the column."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 17) -> str:
    """Paragraphs hard-wrapped at ``width`` characters, a blank line between them."""
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


def _dated(paras: list[str]) -> list[str]:
    return ["本报讯 " + paras[0], *paras[1:]]


PORT_HEAD = ["海关推行智慧通关货车排队时间大幅缩短了", "外贸企业降本增效通关效率持续稳步提升",
             "一季度进出口货运量同比增长"]


def test_a_headline_after_its_body_running_past_the_column_is_a_headline() -> None:
    # three lines after the port story, 19 and 18 wide in a 17-wide column, the last one
    # short, ending open, right above the next story's dateline: no prose line runs past
    # its column, and no wrapped paragraph ends open on a short line
    text = "\n\n".join([_wrapped(_dated(TEA)), "春茶上市茶农忙采新茶",
                        _wrapped(_dated(PORT)), "\n".join(PORT_HEAD),
                        _wrapped(_dated(SNOW)), "牧区降雪牧民转场有序"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert (arts[1].headline or "").startswith(PORT_HEAD[0])
    assert all("口岸海关推行" not in p for a in arts for p in a.paragraphs)


def test_a_long_glued_kicker_and_headline_one_paragraph_per_line_is_a_headline() -> None:
    # one paragraph per line: a kicker glued onto its headline makes a line of 50 and more
    # characters with no clause mark at all, ending open, between a finished story and a
    # dateline (a caption printed between them)
    glued = ("边境口岸海关全面推行智慧通关改革和查验设施升级改造试点工作稳步推进“齐步走”"
             "让外贸企业和货运司机通关更加便捷高效")
    text = "\n\n".join([*_dated(TEA), "春茶上市茶农忙采新茶", *_dated(PORT), glued,
                        "■7月1日，货车在口岸排队通关。 本报记者 王鹏 摄",
                        *_dated(SNOW), "牧区降雪牧民转场有序"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert (arts[1].headline or "").replace(" ", "") == glued
    assert all(glued not in p for a in arts for p in a.paragraphs)


def test_a_column_cut_off_mid_sentence_above_a_dateline_stays_prose() -> None:
    # a story interrupted by another and continued further down: its cut-off column fills
    # every line to the column's width, the last one too, so it is prose, not a headline
    cut = "海关关员介绍，口岸推行智慧通关以来进出货车排队等候时间明显缩短，外贸"  # 2 × 17
    rest = "企业降本增效。" + PORT[2]
    assert len(cut) == 34
    text = "\n\n".join([_wrapped(_dated(PORT[:1])), _wrapped([cut]), _wrapped(_dated(SNOW)),
                        _wrapped([rest])]) + "\n"
    result = _parse(text)
    assert not any(a.headline and "海关关员" in a.headline for a in result.articles)
    assert any(p.startswith(cut[:8]) for a in result.articles for p in a.paragraphs)


# a kicker set as wide as the 17-wide column over a short headline: on its own it fills its
# lines like prose, but it ends open on a short line between a finished story and a headline
PORT_GROUP = ["口岸海关推行智慧通关改革试点工作全", "面铺开外贸企业降本增效成效十分明显",
              "一季度口岸进出口货运量同比增长"]


def test_a_headline_group_ending_open_above_a_labelled_headline_is_a_headline() -> None:
    # headlines printed together after the bodies, a blank line between groups
    text = "\n\n".join([_wrapped(_dated(PORT)), _wrapped(_dated(SNOW)), "\n".join(PORT_GROUP),
                        "【今日聚焦】\n牧区降雪牧民转场有序"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0][:6] for a in arts] == [PORT[0][:6], SNOW[0][:6]]
    assert "一季度口岸进出口货运量同比增长" in "".join(x or "" for x in (arts[0].kicker, arts[0].headline, arts[0].subtitle))
    assert (arts[1].headline or "").endswith("牧区降雪牧民转场有序")
    assert all("口岸海关推行" not in p for a in arts for p in a.paragraphs)


def test_a_headline_group_above_a_long_headline_group_is_a_headline() -> None:
    # the group below has four lines (kicker, headline, subtitle), so it reads as prose
    # until it is classified itself; the group above is looked at again then
    snow_group = ["入冬以来牧区迎来多次降", "雪牧民转场工作有序进行", "兽医走村入户接种疫苗",
                  "帮助牧民做好防寒保暖"]
    text = "\n\n".join(["综合新闻\n春茶上市茶农忙采新茶", "\n".join(PORT_GROUP), "\n".join(snow_group),
                        _wrapped(_dated(TEA)), _wrapped(_dated(PORT)), _wrapped(_dated(SNOW))]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert "一季度口岸进出口货运量同比增长" in "".join(x or "" for x in (arts[1].kicker, arts[1].headline, arts[1].subtitle))


def test_a_banner_over_the_first_story_does_not_hide_the_headline_block_at_the_end() -> None:
    # a page banner printed alone over the first story, and the page's headlines printed
    # tight at its end, one per story in their order: the block holds as many headline
    # lines as the page has stories, so the lone line is a banner, not a second region of
    # headlines that keeps the block from being read in order
    tea, port, snow = (_wrapped(_dated(s)) for s in (TEA, PORT, SNOW))
    block = "春茶上市茶农忙\n采摘新茶\n口岸通关效率持续提升\n牧区降雪 牧民储备草料"
    result = _parse("\n\n".join(["春风送暖万象新", tea, port, snow, block]) + "\n")
    arts = result.articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert [a.headline for a in arts][1:] == ["口岸通关效率持续提升", "牧区降雪 牧民储备草料"]
    assert (arts[0].headline or "").startswith("春茶上市")
    assert [(x.kind, x.text) for x in result.leftovers] == [("banner", "春风送暖万象新")]


def test_a_long_tight_block_of_short_lines_at_the_end_is_headlines() -> None:
    # six headline lines printed tight after the stories, none of them filling the
    # 17-wide column and their widths 8 to 10: no prose stops short of its column line
    # after line, so they are headlines, not a last paragraph ending open
    block = ["春茶上市茶农忙采摘", "新茶茶叶市场交易活跃", "口岸通关效率持续提升", "海关推行智慧通关模式",
             "牧区降雪牧民转场", "兽医走村入户接种疫苗"]
    assert [len(b) for b in block] == [9, 10, 10, 10, 8, 10]
    tea, port, snow = (_wrapped(_dated(s)) for s in (TEA, PORT, SNOW))
    arts = _parse("\n\n".join([tea, port, snow, "\n".join(block)]) + "\n").articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert all("口岸通关效率" not in p for a in arts for p in a.paragraphs)


def test_prose_in_a_narrower_column_of_its_own_stays_prose() -> None:
    # a story set 13 wide on a page of 17-wide columns, cut open by a column break: every
    # line short of the page's column, but all of one width, as wrapped prose is
    rest = ("当地还举办春茶文化节，游客走进茶园体验采茶制茶茶旅融合带动消费茶叶市场交易活跃"
            "茶企订单比去年多茶农收入明显增加春茶价格稳中有升茶农采摘")
    assert len(rest) == 5 * 13 + 2
    text = "\n\n".join([_wrapped(_dated(TEA[:2])), _wrapped([rest], 13), _wrapped(_dated(PORT)) + "\n"])
    result = _parse(text)
    assert any(p.startswith(rest[:8]) for a in result.articles for p in a.paragraphs)
