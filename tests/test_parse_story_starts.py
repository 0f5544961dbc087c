"""Where a story's text starts (issue 18): the lines under a dateline that opens a story, and
a paragraph opened by a 上接 marker, are the story's text, never a headline, whatever their
widths. Small hand-written pages."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA, parse_conserved, story, wrapped

from sitegen.parse.blocks import build_elements

LEAD = "浙江省首届春茶交易博览会今天在杭州西湖国际会展中心开幕，来自全国各地的茶商云集杭州，春茶价格稳中有升。"


def _kinds(text: str) -> dict[int, str]:
    return {el.line: el.kind for el in build_elements(text)}


def test_lines_under_an_opening_dateline_are_the_first_paragraph() -> None:
    # the story set in a column wider than the stories around it; a column break cuts its
    # first paragraph after two lines: those lines are still prose, not a headline
    lines = [LEAD[i:i + 20] for i in range(0, len(LEAD), 20)]
    tea = "新华社杭州４月２日电\n\n" + "\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n\n" \
        + wrapped(TEA[1:], 20)
    text = wrapped(PORT + SNOW, 13) + "\n\n春茶市场交易活跃\n\n" + tea + "\n"
    arts = parse_conserved(text).articles
    tea_art = next(a for a in arts if a.dateline)
    assert tea_art.headline == "春茶市场交易活跃"
    assert tea_art.dateline == "新华社杭州４月２日电"
    assert tea_art.paragraphs == [LEAD, *TEA[1:]]


def test_a_dateline_after_a_finished_story_leaves_the_headline_below_a_headline() -> None:
    # a dateline printed alone after a story's last sentence closes that story: the line under
    # it is the next story's headline, not the first line of a paragraph
    text = "\n\n".join(["口岸通关效率持续提升", wrapped(PORT, 16), "新华社北京７月２日电",
                        "春茶市场交易活跃", wrapped(TEA, 16)]) + "\n"
    kinds = _kinds(text)
    line = text.split("\n").index("春茶市场交易活跃") + 1
    assert kinds[line] != "para"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["口岸通关效率持续提升", "春茶市场交易活跃"]
    assert arts[0].dateline == "新华社北京７月２日电"


def test_a_paragraph_opened_by_a_continued_from_marker_is_prose() -> None:
    # half-width punctuation makes the lines of one column differ in width, as a headline
    # block's lines do; the 上接 marker opening them says they are a story's text
    cont = ["(上接第1版)今年以来,当地茶企扩建厂", "房,引进制茶设备,组织茶农培训,春茶产",
            "量和品质明显提升,茶叶订单比去年多,茶", "农收入明显增加,当地还举办春茶文化节"]
    text = "茶旅融合带动消费\n\n" + "\n".join(cont) + "\n\n游客走进茶园体验采茶制茶。\n"
    assert _kinds(text)[3] == "para"
    art = parse_conserved(text).articles[0]
    assert art.markers == ("(上接第1版)",)
    assert art.paragraphs[0].startswith("今年以来,当地茶企扩建厂房,")


def test_a_line_ending_inside_a_word_is_the_first_line_of_the_text_it_runs_into() -> None:
    # one paragraph per line; a column break (and a photo caption printed in it) cuts the
    # story's first paragraph inside a word: 副秘 | 书长. No headline ends inside a word
    first = "出席春茶文化节开幕式的还有中国茶叶流通协会副秘"
    rest = "书长和各地茶商代表，茶农忙着采摘新茶，春茶价格稳中有升。"
    caption = "本报记者 张三 摄"
    for between in ([], [caption]):
        text = "\n\n".join(["春茶市场交易活跃", first, *between, rest, *TEA[1:]]) + "\n"
        art = parse_conserved(text).articles[0]
        assert art.headline == "春茶市场交易活跃"
        assert art.paragraphs == [first + rest, *TEA[1:]]


def test_what_runs_on_across_a_break() -> None:
    from sitegen.parse.run_on import runs_on

    assert runs_on("出席开幕式的还有中国茶叶流通协会副秘", "书长和各地茶商代表，") == "秘书长"
    assert runs_on("福建省第九届人民代表大会第一次会议１月１４", "日选举袁启彤为主任") == "１４日"
    assert runs_on("出租汽车司机为乘客送还一顶", "帽子，竟荣获大奖。") == "一顶帽子"
    # a headline's last word and a body's first word that make no word together
    assert runs_on("春茶市场交易活跃", "春茶上市以来，茶农忙着采摘新茶。") is None
    assert runs_on("口岸通关效率持续提升", "海关数据显示，一季度货运量增长。") is None


def test_a_line_short_because_an_opening_bracket_went_down_ends_no_paragraph() -> None:
    # a column of 15: "（" after 元。 would have ended the line, which print never does, so
    # it went down with the credit; the line above stops short with no paragraph end there
    para = ["本报讯在党中央和国务院的亲切关", "怀下，民政部、财政部联合发出通", "知，提高在乡老红军的抚恤补助标",
            "准，提高了１２０—４８０元。", "（周宝华）"]
    page = "口岸通关效率持续提升\n\n" + wrapped(PORT, 15) + "\n\n抚恤补助标准提高\n\n"
    tail = [el.kind for el in build_elements(page + "\n".join(para) + "\n")][-2:]
    assert tail == ["title", "para"]
    art = parse_conserved(page + "\n".join(para) + "\n").articles[-1]
    assert art.paragraphs == ["".join(para[:4]).removeprefix("本报讯") + "（周宝华）"]
    # a line well short of the column ends its paragraph, an opening mark after it or not
    para[3] = "准，每人提高４８０元。"
    tail = [el.kind for el in build_elements(page + "\n".join(para) + "\n")][-3:]
    assert tail == ["title", "para", "para"]


def test_a_dateline_printed_over_the_byline_opens_the_story_below() -> None:
    # headline, dateline, byline, each on its own line: the dateline opens the story under
    # the byline (it was a leftover when the byline, not the text, came right under it)
    text = "\n\n".join(["本报讯 " + PORT[0], *PORT[1:], "春茶市场交易活跃", "本报杭州４月２日电",
                        "本报记者 张三", wrapped(TEA, 16)]) + "\n"
    result = parse_conserved(text)
    tea = result.articles[-1]
    assert (tea.headline, tea.dateline, tea.byline) == ("春茶市场交易活跃", "本报杭州４月２日电", "本报记者 张三")
    assert tea.paragraphs == TEA
    assert not any("电" in left.text for left in result.leftovers)


def test_a_headline_ending_on_a_noun_that_ends_like_a_particle_is_no_prose() -> None:
    # 土地 ends on 地, which as a word of its own (…地走) ends no headline; as the end of a
    # noun it may: the short line over the story is its headline, not the lead's first line
    from sitegen.parse.chunks import ends_bound

    assert ends_bound("推动经济发展的") and ends_bound("改革开放和")
    assert not ends_bound("静静的心贴着土地") and not ends_bound("春茶走进当地")
    text = "\n\n".join(["春茶飘香的土地", wrapped(TEA, 20), "口岸通关效率持续提升", story(PORT)]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["春茶飘香的土地", "口岸通关效率持续提升"]
    assert arts[0].paragraphs == TEA
