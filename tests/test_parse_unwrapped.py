"""A page exported one paragraph per line with no blank line anywhere (issue 18,
sitegen/parse/unwrapped.py): its lines are wrapped at no column (long lines of any length,
nearly all ending a sentence), so each line is a unit of its own — a paragraph or a title —
never the wrapped line of a longer paragraph. A hard-wrapped run (inner lines filled to
the column, ending mid-sentence) is left to be joined as before."""
from __future__ import annotations

from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

from sitegen.parse.blocks import split_blocks
from sitegen.parse.unwrapped import is_unwrapped, unwrap_blocks

BRIDGE = [
    "江城晚报讯（记者 周敏）横跨长江的第三座公路大桥昨日合龙，全线预计年底建成通车，届时两岸通行时间将缩短到十分钟以内。",
    "大桥全长四千二百米，主跨九百米，采用双塔斜拉结构，是目前国内同类桥梁中跨度较大的一座。",
    "施工方介绍，合龙段钢箱梁重达三百吨，吊装时须在风速较小的凌晨完成，误差控制在毫米以内。",
    "市民王先生说：“以前过江要排很长的队，以后上下班方便多了。”",
    "据悉，大桥两端的接线道路也已进入收尾阶段。",
]
LIBRARY = [
    "本报讯　社区图书馆自上月延长开放时间以来，晚间到馆读者明显增加，自习座位经常一座难求。",
    "馆长介绍，图书馆新增了三百个座位，并开通了线上预约系统，读者可以提前一天预约座位。",
    "不少家长带着孩子前来借阅绘本，周末的亲子阅读活动场场爆满。",
    "下一步，图书馆还将与周边学校合作，开设更多公益讲座。",
]
HEAD_BRIDGE = "长江三桥昨日合龙"
SUB_BRIDGE = "预计年底建成通车"
HEAD_LIBRARY = "社区图书馆夜间开放受欢迎"


def _dense_page() -> str:
    return "\n".join([HEAD_BRIDGE, SUB_BRIDGE, *BRIDGE, HEAD_LIBRARY, *LIBRARY]) + "\n"


def test_a_page_set_one_paragraph_per_line_without_blank_lines_is_unwrapped() -> None:
    (block,) = split_blocks(_dense_page())
    assert is_unwrapped(block)
    assert [len(b) for b in unwrap_blocks([block])] == [1] * len(block)


def test_each_line_of_such_a_page_is_a_paragraph_or_a_title() -> None:
    arts = _parse(_dense_page()).articles
    assert [a.headline for a in arts] == [HEAD_BRIDGE, HEAD_LIBRARY]
    assert arts[0].subtitle == SUB_BRIDGE
    assert len(arts[0].paragraphs) == len(BRIDGE)
    assert len(arts[1].paragraphs) == len(LIBRARY)
    assert arts[1].paragraphs[-1] == LIBRARY[-1]


def test_the_same_stories_hard_wrapped_without_blank_lines_are_not_unwrapped() -> None:
    # wrapped at a column: inner lines are filled to it and end in mid-sentence
    text = "\n".join([HEAD_BRIDGE, wrapped(BRIDGE, 18).replace("\n\n", "\n")]) + "\n"
    blocks = split_blocks(text)
    assert not any(map(is_unwrapped, blocks))
    assert unwrap_blocks(blocks) is blocks


def test_short_lines_ending_sentences_are_too_few_to_tell() -> None:
    # a caption and a few one-line items: under four prose lines say nothing of a measure
    block = split_blocks("\n".join(["图为大桥合龙现场。", "本报记者 周敏 摄", *BRIDGE[3:]]) + "\n")[0]
    assert not is_unwrapped(block)


def test_long_title_lines_among_the_paragraphs_do_not_hide_the_page() -> None:
    # kicker and headline lines of 16 cells or more end no sentence: four of eleven here
    kicker = "市交通运输局重点工程建设指挥部通报"
    headline = "长江第三座公路大桥主体工程今日全线贯通"
    text = "\n".join([kicker, headline, *BRIDGE[:3], kicker, "社区图书馆延长开放时间晚间读者明显增多", *LIBRARY[:4]])
    (block,) = split_blocks(text + "\n")
    assert is_unwrapped(block)


def test_generated_pages_unwrapped_exactly_where_printed_without_blank_lines() -> None:
    import relayout

    stories = relayout.load_stories()
    dense = relayout.wider_.habits_of("dense_lines")
    for seed in (1, 2):
        for page in relayout.make_pages(30, seed, stories, harsh=True):  # hard-wrapped or blank-lined
            assert not any(map(is_unwrapped, split_blocks(page.text))), page.name
        exported = [p for p in relayout.make_pages(30, seed, stories, harsh=True, wider=dense)
                    if "\n\n" not in p.text.strip()]
        assert exported
        for page in exported:  # one paragraph per line, no blank line: one block, unwrapped
            assert [is_unwrapped(b) for b in split_blocks(page.text)] == [True], page.name
