"""Layout cues of a page's text (issue 18), on small synthetic pages: a line that ends the
page open after a finished sentence (one line, even with a comma in it, or up to three) is
a headline; a headline printed after its body with a section label on its line ends that
body; a line opened by a dateline is prose, however it ends; a title after an unfinished
sentence is no subhead; a caption in the column break under a full-width line does not
decide what that line is; a subhead or headline wrapped onto a short second line keeps
it; a line with a quotation left open is prose; a headline after its body that shares a
fair share of words with it and none with the story below ends it; a line after a
下转 marker is no run-on of the story above; over one-line paragraphs, lines that all end
open are headline lines even with commas in them; an open line ending the page under a
headline is the block's last headline; a short open line tight under a headline is its
subtitle; a short line with a comma between a headline and a dateline is a headline line; a tight
block over one body is aligned line by line; a short line with a comma between a finished story
and a dateline is that story's headline; so is a short line with a comma under a headline line; a dash line under a headline is
its subtitle; a line under a paragraph closed by a 下转 marker does not continue it; lines
between a 下转 marker and a dateline are a headline; a spaced two-part headline after a name
and a colon is a headline."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 16) -> str:
    """Paragraphs hard-wrapped at ``width`` characters, one after another (no blank line)."""
    return "\n".join(p[k:k + width] for p in paras for k in range(0, len(p), width))


def test_an_open_line_ending_the_page_after_a_finished_sentence_is_a_headline() -> None:
    # headlines printed after their bodies; the last one carries a comma, ends open and
    # nothing follows it: prose ending open would run on somewhere, so it is a headline
    text = (_wrapped(PORT) + "\n\n口岸通关效率持续提升\n\n" + _wrapped(TEA)
            + "\n\n春茶品质好,茶农收入增\n")
    arts = _parse(text).articles
    assert [a.paragraphs[-1] for a in arts] == [PORT[-1], TEA[-1]]
    assert arts[1].headline == "春茶品质好,茶农收入增"


def test_a_headline_after_its_body_with_a_label_on_its_line_ends_the_body() -> None:
    # headlines printed after their bodies; a section label printed on the headline's own
    # line is no word of it: the headline still sums up the text above, not a subhead
    text = "\n\n".join([*TEA, "【今日聚焦】春茶上市茶农采摘新茶", *PORT, "口岸通关效率持续提升"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert "春茶上市茶农采摘新茶" in "".join(x or "" for x in (arts[0].kicker, arts[0].headline))


def test_a_dateline_line_cut_by_a_column_break_opens_a_body_not_a_headline() -> None:
    # one paragraph per line; the port story's only paragraph, opened by a dateline, is
    # cut inside a number by a column break: its first line ends open like a headline
    port = "口岸海关数据显示，一季度进出口货运量达77.9万吨，通关效率持续提升。"
    first, rest = port[:port.index("7") + 1], port[port.index("7") + 1:]
    text = "\n\n".join(["春茶上市茶农忙采摘", *TEA, "口岸通关效率持续提升",
                        "据新华社北京7月1日电（记者 王小明）" + first, rest]) + "\n"
    result = _parse(text)
    arts = result.articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], port]
    assert arts[1].dateline == "据新华社北京7月1日电" and arts[1].headline == "口岸通关效率持续提升"
    assert not [x for x in result.leftovers if x.kind in ("banner", "headline")]


def test_a_title_after_an_unfinished_sentence_is_no_subhead() -> None:
    # the tea story is interrupted mid-sentence by the port story and its headline, and
    # resumes after it: a subhead never cuts into a sentence, so the title heads a story
    cut = TEA[2].index("游客") + 2
    text = "\n\n".join([_wrapped([*TEA[:2], TEA[2][:cut]]), "口岸推行智慧通关", _wrapped(PORT),
                        _wrapped([TEA[2][cut:]])]) + "\n"
    arts = _parse(text).articles
    port = [a for a in arts if a.paragraphs[0].startswith(PORT[0])]
    assert port and port[0].headline == "口岸推行智慧通关"
    assert not any("口岸推行智慧通关" in (b.text for b in a.blocks) for a in arts)


def test_wrapped_headline_lines_ending_the_page_after_a_finished_sentence_are_a_headline() -> None:
    # a kicker wrapped over two lines and the headline under it, printed after the last
    # body at the page's end: no line of prose ends the page open
    kicker = "春茶上市以来茶农忙着采摘新茶茶叶市场交易活跃价格稳中有升茶企订单比去年多了不少"
    head = "今年春茶品质好茶农收入增加"
    assert (len(kicker), len(head)) == (39, 13)  # two lines about the column's width, a shorter one
    text = (_wrapped(PORT, 20) + "\n\n口岸通关效率持续提升\n\n" + _wrapped(TEA, 20) + "\n\n"
            + kicker[:20] + "\n" + kicker[20:] + "\n" + head + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[-1] for a in arts] == [PORT[-1], TEA[-1]]
    assert head in "".join(x or "" for x in (arts[1].kicker, arts[1].headline, arts[1].subtitle))


def test_a_full_width_line_cut_off_by_a_caption_runs_on_after_it() -> None:
    # the tea story jumps to another page; the port story's headline, then its first line,
    # which fills the column and ends open, and a photo caption printed in the column
    # break right under it: the caption does not make that line a headline, the text
    # after the caption decides (it goes on with the port story)
    first = "口岸海关数据显示一季度进出口货运量同比增长，通关效率持续提升。"
    lines = _wrapped([first, *PORT[1:]], 20).split("\n")
    text = ("春茶上市茶农忙采摘\n\n" + _wrapped(TEA, 20) + "（下转第2版）\n\n口岸通关效率持续提升\n\n"
            + lines[0] + "\n\n6月20日，货车在口岸\n排队通关。\n■ 本报记者 王小明 摄\n\n"
            + "\n".join(lines[1:]) + "\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], first]
    assert [a.headline for a in arts] == ["春茶上市茶农忙采摘", "口岸通关效率持续提升"]


def test_a_subhead_wrapped_onto_a_short_second_line_stays_one_subhead() -> None:
    # a subhead wider than the column wraps, its last two characters alone on the next
    # line: still one subhead of the story, not a headline starting another
    text = ("春茶上市茶农忙采摘\n\n本报讯 " + _wrapped(TEA[:2], 12) + "\n\n茶旅融合 带动乡村消\n费\n\n"
            + _wrapped(TEA[2:], 12) + "\n")
    arts = _parse(text).articles
    assert len(arts) == 1 and arts[0].paragraphs == TEA
    assert [b.text for b in arts[0].blocks if b.kind == "subhead"] == ["茶旅融合 带动乡村消费"]


def test_the_last_characters_of_a_wrapped_headline_alone_on_a_line_stay_in_it() -> None:
    text = ("春茶上市茶农忙采摘\n\n本报讯 " + _wrapped(TEA, 12) + "\n\n口岸推行智慧通关货运量同比\n增长\n\n本报讯 "
            + _wrapped(PORT, 12) + "\n")
    result = _parse(text)
    assert [a.headline for a in result.articles] == ["春茶上市茶农忙采摘", "口岸推行智慧通关货运量同比增长"]
    assert not [x for x in result.leftovers if x.kind == "fragment"]


def test_a_line_with_a_quotation_left_open_is_prose() -> None:
    # one paragraph per line; a paragraph cut by a column break inside a quotation, its
    # first part ending open with the quotation still open, is not a headline
    quote = "茶企负责人说：“今年春茶品质好，茶叶订单比去年多，茶农收入明显增加。”"
    cut = quote.index("订单") + 1  # (in the middle of a word)
    text = "\n\n".join(["春茶上市茶农忙采摘", TEA[0], quote[:cut], quote[cut:], TEA[2]]) + "\n"
    arts = _parse(text).articles
    assert len(arts) == 1 and arts[0].paragraphs == [TEA[0], quote, TEA[2]]


def test_a_headline_sharing_a_fair_share_of_words_with_the_text_above_only_ends_it() -> None:
    # headlines printed after their bodies; the tea headline shares some of its words with
    # the tea story (not most: 如织 is nowhere) and none with the port story under it
    head = "春茶上市茶园游客如织"
    text = "\n\n".join([*TEA, head, *PORT, "口岸通关效率持续提升"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs for a in arts] == [TEA, PORT]
    assert [a.headline for a in arts] == [head, "口岸通关效率持续提升"]


def test_a_line_after_a_continued_to_marker_does_not_run_into_the_next_lead() -> None:
    # the tea story goes on on page 2 (下转第2版); the full-width line after the marker
    # ends open and shares no words with the text above, but no sentence of the tea story
    # runs on into it: it is a title, not the first line of the port story's lead
    title = "边境口岸多措并举保障货物快速通关"
    text = (_wrapped(TEA) + "\n（下转第2版）\n\n" + title + "\n\n" + _wrapped(PORT) + "\n")
    result = _parse(text)
    arts = result.articles
    port = [a for a in arts if a.paragraphs and PORT[0] in a.paragraphs[0]]
    assert port and port[0].paragraphs[0].startswith(PORT[0])
    assert all(title not in p for a in arts for p in a.paragraphs)


def test_a_headline_block_with_commas_over_one_line_paragraphs_is_headlines() -> None:
    # one paragraph per line (no column width); the page's headlines are printed together
    # at its top, each with a comma in it. Prose lines end a sentence or a clause; these
    # all end open, so they are headline lines, not a paragraph opening the first story
    heads = ["春茶上市茶叶市场交易活跃，茶农忙着采摘新茶", "口岸推行智慧通关，外贸企业降本增效通关提速",
             "牧区迎来多次降雪，牧民提前储备草料，兽医走村入户"]
    text = "\n".join(heads) + "\n\n" + "\n\n".join([*TEA, *PORT, *SNOW]) + "\n"
    arts = _parse(text).articles
    assert arts[0].paragraphs[0] == TEA[0]
    assert all(h not in p for a in arts for p in a.paragraphs for h in heads)
    assert heads[0] in (arts[0].headline or "")


def test_an_open_line_ending_the_page_under_a_headline_is_a_headline() -> None:
    # headlines printed together at the page's end, the first set as a heading: the last
    # line ends open under it and nothing follows; prose ending open would run on
    # somewhere, so it is the block's last headline, not a body of its own
    text = "\n\n".join([*TEA, *PORT]) + "\n\n# 春茶上市茶农忙着采摘新茶\n口岸通关效率持续提升\n"
    result = _parse(text)
    assert all("口岸通关效率持续提升" not in p for a in result.articles for p in a.paragraphs)
    assert [a.paragraphs[-1] for a in result.articles][-1] == PORT[-1]


def test_a_short_open_line_tight_under_a_headline_is_its_subtitle() -> None:
    # one paragraph per line; a short line printed under the port story's heading with no
    # blank line between them, ending open, a new paragraph after it: the headline's
    # second line, not the first words of the lead
    text = "\n\n".join(["# 春茶上市茶农忙着采摘新茶", *TEA, "# 口岸通关效率持续提升\n海关推行智慧通关货车排队缩短",
                        *PORT]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]]
    assert "海关推行智慧通关货车排队缩短" in "".join(x or "" for x in (arts[1].headline, arts[1].subtitle))


def test_a_line_with_a_comma_between_a_headline_and_a_dateline_is_a_headline_line() -> None:
    # a kicker, then the headline with a comma in it, each on its own line, then the
    # port story opened by a dateline: the dateline starts a story, so no sentence runs on
    # from the comma line into it; it is a headline line, not a body of its own
    text = "\n\n".join(["春茶上市茶农忙着采摘新茶", _wrapped(TEA), "口岸通关效率持续提升", "通关提速，企业减负",
                        _wrapped(["据新华社北京7月1日电　" + PORT[0], *PORT[1:]])]) + "\n"
    arts = _parse(text).articles
    assert len(arts) == 2
    assert "通关提速，企业减负" in "".join(x or "" for x in (arts[1].kicker, arts[1].headline, arts[1].subtitle))


def test_a_tight_block_over_one_body_is_cut_into_its_lines() -> None:
    # one paragraph per line; three headlines printed tight at the top (one group, no
    # blank line between them) over three stories with no layout cue between them: the
    # block's lines are aligned with the body's parts, which cuts it where the words change
    heads = ["春茶上市茶农忙着采摘新茶", "口岸通关提速外贸企业降本增效", "牧区迎来降雪牧民储备草料转场"]
    text = "\n".join(heads) + "\n\n" + "\n\n".join([*TEA, *PORT, *SNOW]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == heads


def test_a_line_with_a_comma_between_a_finished_story_and_a_dateline_is_a_headline() -> None:
    # headlines printed after their bodies; the tea story's headline carries a comma. A
    # dateline opens the next story, so no sentence runs on into it, and the sentence above
    # is finished: the line between them is the headline of the story above, not prose
    text = (_wrapped(TEA) + "\n\n春茶品质好，茶农收入增\n\n" + _wrapped(["本报讯 " + PORT[0], *PORT[1:]])
            + "\n\n口岸通关效率持续提升\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert [a.headline for a in arts] == ["春茶品质好，茶农收入增", "口岸通关效率持续提升"]


def test_a_short_line_with_a_comma_under_a_headline_line_is_a_headline_line() -> None:
    # headlines before their bodies, a blank line between the headline's lines: the second
    # one carries a comma and ends open, far short of the column: no prose line does
    text = ("春茶上市茶农忙采摘\n\n品质好，价格稳\n\n" + _wrapped(TEA) + "\n\n口岸通关效率持续提升\n\n"
            + _wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert "品质好，价格稳" in "".join(x or "" for x in (arts[0].kicker, arts[0].headline, arts[0].subtitle))


def test_a_dash_line_under_a_headline_is_its_subtitle_not_the_lead() -> None:
    # headline, blank line, a subtitle opened by a dash about the column's width, blank
    # line, the body: the dash line is no column-broken first line of the lead
    sub = "——茶企订单比去年多茶农收入增"
    assert len(sub) == 15  # the dash prints about one character wide: 14 of a 16 column
    text = ("春茶上市茶农忙采摘\n\n" + sub + "\n\n" + _wrapped(TEA) + "\n\n口岸通关效率持续提升\n\n"
            + _wrapped(["本报讯 " + PORT[0], *PORT[1:]]) + "\n")
    arts = _parse(text).articles
    assert arts[0].paragraphs[0] == TEA[0]
    assert sub in "".join(x or "" for x in (arts[0].kicker, arts[0].headline, arts[0].subtitle))


def test_a_line_under_a_paragraph_closed_by_a_jump_marker_is_no_run_on() -> None:
    # the tea story goes on on another page, its 下转 marker closing its last paragraph; a
    # line about the column's width follows, then the port story: nothing of the tea story
    # runs on into that line, so it is the port story's headline, not its lead's first line
    head = "口岸通关效率持续提升货运量同比增"
    assert len(head) == 16
    text = (_wrapped([*TEA[:2], TEA[2] + "（下转第2版）"]) + "\n\n" + head + "\n\n" + _wrapped(PORT) + "\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert arts[0].markers == ("（下转第2版）",)
    assert head in "".join(x or "" for x in (arts[1].kicker, arts[1].headline, arts[1].subtitle))


def test_lines_between_a_jump_marker_and_a_dateline_are_a_headline() -> None:
    # the tea story goes on on another page (下转 marker line); a long kicker wrapped at the
    # column's width and a headline follow, then the port story opened by a dateline:
    # nothing runs on into these lines and they run on into nothing
    kicker = "口岸推行智慧通关货车排队时间缩短外贸企业降本增效海关数据显示一季度进出口持续增长"
    head = "口岸通关效率持续提升货运量增"
    assert (len(kicker), len(head)) == (40, 14)  # two lines of the 20 column, one shorter
    text = (_wrapped(TEA, 20) + "\n（下转第2版）\n\n" + _wrapped([kicker], 20) + "\n" + head + "\n\n"
            + _wrapped(["本报讯 " + PORT[0], *PORT[1:]], 20) + "\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(PORT)]
    assert head in "".join(x or "" for x in (arts[1].kicker, arts[1].headline, arts[1].subtitle))


def test_a_spaced_two_part_headline_after_a_name_and_a_colon_is_a_headline() -> None:
    # a headline printed about the column's width, "name：phrase phrase", between a finished
    # story and the next one (no dateline): prose never spaces two phrases apart
    head = "茶农：春茶品质好 茶叶订单多"
    text = (_wrapped(PORT) + "\n\n口岸通关效率提升\n\n" + head + "\n\n" + _wrapped(TEA) + "\n")
    arts = _parse(text).articles
    assert arts[-1].paragraphs[0] == TEA[0]
    assert head in "".join(x or "" for x in (arts[-1].kicker, arts[-1].headline, arts[-1].subtitle))
