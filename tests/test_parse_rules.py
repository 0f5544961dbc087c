"""Each parsing rule on a small made-up page (no seed text)."""
from __future__ import annotations

from sitegen.parse import parse_text
from sitegen.parse.conservation import conservation


def wrap(text: str, width: int = 16) -> str:
    """Hard-wrap like a PDF text layer: fixed number of characters per line."""
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


BRIDGE = ("本报讯（记者 王小明）5月3日，东河大桥正式通车。大桥全长1200米，连接东西两岸，"
          "将两地通行时间缩短到十分钟。")
BRIDGE_2 = "据介绍，东河大桥建设历时三年，采用新型钢结构，设计使用寿命一百年。施工期间，建设者克服了汛期多雨等困难。"
APPLE = ("本报讯（记者 李红 通讯员 赵刚）连日来，南山村的苹果进入采摘季，果农们忙着采摘、分拣、装箱，"
         "一派丰收景象。")
APPLE_2 = "今年南山村苹果种植面积达到三千亩，预计产量八千吨，果农人均增收两千元。村里还建起了冷库和电商服务站。"


def parse(text: str):
    result = parse_text("synthetic.txt", text)
    assert conservation(text, result) == (0, 0)
    return result


def test_column_break_is_joined_but_paragraph_break_is_not() -> None:
    first = "东河大桥通车后，沿岸居民出行更加方便，附近的集市也热闹了起来，商户们纷纷表示生意比往年好了很多。"
    second = "下一步，当地还将在桥头建设公园和停车场。"
    # cut the first paragraph at a column break in mid-sentence
    text = "\n\n".join([
        wrap(BRIDGE), wrap(first[:32]), wrap(first[32:]), wrap(second), "东河大桥正式通车",
    ])
    result = parse(text)
    (art,) = result.articles
    assert art.paragraphs == [BRIDGE.split("）", 1)[1], first, second]
    assert art.headline == "东河大桥正式通车"


def test_headline_after_body_and_dateline_paragraph() -> None:
    text = "\n\n".join([wrap(BRIDGE), wrap(BRIDGE_2), "东河大桥", "正式通车"])
    result = parse(text)
    (art,) = result.articles
    assert art.dateline == "本报讯"
    assert art.byline == "记者 王小明"
    assert art.lead.startswith("5月3日，东河大桥正式通车。")
    assert art.lead.endswith("缩短到十分钟。")
    assert art.headline is not None
    assert (art.kicker or "") + art.headline + (art.subtitle or "") == "东河大桥正式通车"


def test_grouped_headlines_are_assigned_by_content_not_position() -> None:
    # two bodies, then their headlines grouped — printed in the opposite order
    text = "\n\n".join([
        wrap(BRIDGE), wrap(BRIDGE_2), wrap(APPLE), wrap(APPLE_2),
        "南山村苹果\n喜获丰收", "东河大桥\n正式通车",
    ])
    result = parse(text)
    bridge, apple = result.articles
    assert bridge.lead.startswith("5月3日")
    assert (bridge.headline or "") + (bridge.subtitle or "") == "东河大桥正式通车"
    assert (apple.headline or "") + (apple.subtitle or "") == "南山村苹果喜获丰收"
    assert apple.byline == "记者 李红 通讯员 赵刚"


def test_headline_before_body_with_kicker_and_subtitle() -> None:
    text = "\n\n".join([
        "东河两岸迎来新变化", "东河大桥正式通车", "——全长1200米 通行时间缩短到十分钟",
        wrap(BRIDGE), wrap(BRIDGE_2),
    ])
    (art,) = parse(text).articles
    assert art.kicker == "东河两岸迎来新变化"
    assert art.headline == "东河大桥正式通车"
    assert art.subtitle == "——全长1200米 通行时间缩短到十分钟"


def test_dateline_printed_at_the_end() -> None:
    body = "联合国粮农组织5月2日发布报告说，全球粮食价格连续第三个月下降，主要原因是谷物和植物油价格回落。"
    text = "\n\n".join(["全球粮价连续三个月下降", wrap(body, 20) + "\n（新华社罗马5月2日电）"])
    (art,) = parse(text).articles
    assert art.dateline == "新华社罗马5月2日电"
    assert art.paragraphs == [body]


def test_markdown_headings_and_one_line_paragraphs() -> None:
    text = "\n\n".join([
        "# 南山村苹果喜获丰收 李红",
        APPLE.split("）", 1)[1],
        "### 冷库和电商服务站",
        APPLE_2,
    ])
    (art,) = parse(text).articles
    assert art.headline == "南山村苹果喜获丰收"
    assert art.byline == "李红"
    assert art.subheads == ["冷库和电商服务站"]
    assert len(art.paragraphs) == 2


def test_photo_caption_inside_a_paragraph_is_a_leftover() -> None:
    caption = "■ 5月3日，车辆驶过东河大桥。本报记者 王小明 摄"
    para = "通车当天，不少市民来到桥上拍照留念，大家纷纷表示，大桥让两岸的联系更加紧密了，生活也更方便了。"
    text = "\n\n".join([wrap(BRIDGE), wrap(para[:32]), caption, wrap(para[32:]), "东河大桥正式通车"])
    result = parse(text)
    (art,) = result.articles
    assert para in art.paragraphs
    assert [x.kind for x in result.leftovers] == ["caption"]
    assert result.leftovers[0].text == caption


def test_continuation_markers() -> None:
    tail = "（上接第2版）" + BRIDGE_2
    cut = "大桥通车后，两岸将联合举办旅游节，推动文化和旅游融合发展，吸引更多游客 （下转第6版）"
    text = "\n\n".join([wrap(tail, 18), wrap(cut, 18), "东河大桥带来新机遇"])
    (art,) = parse(text).articles
    assert art.markers == ("（上接第2版）", "（下转第6版）")
    assert art.lead == BRIDGE_2
    assert art.paragraphs[-1].endswith("吸引更多游客")


def test_byline_forms() -> None:
    for line, expected in [
        ("□本报记者 王小明", "本报记者 王小明"),
        ("■ 新华社记者 李四 赵五", "新华社记者 李四 赵五"),
        ("●本报记者 赵五", "本报记者 赵五"),
    ]:
        text = "\n\n".join([line, wrap(BRIDGE_2), wrap(APPLE_2.replace("南山村", "东河")), "东河大桥"])
        (art,) = parse(text).articles
        assert art.byline == expected
        assert art.lead == BRIDGE_2


def test_half_width_punctuation() -> None:
    body = "本报讯(记者 张三)5月3日,东河大桥正式通车.大桥全长1200米,连接东西两岸。"
    text = "\n\n".join([wrap(body, 18), "东河大桥正式通车"])
    (art,) = parse(text).articles
    assert art.dateline == "本报讯"
    assert art.byline == "记者 张三"
    assert art.lead.startswith("5月3日,东河大桥")


def test_stray_scraps_and_banners_become_leftovers() -> None:
    text = "\n\n".join(["二", wrap(BRIDGE), wrap(BRIDGE_2), "东河大桥正式通车"])
    result = parse(text)
    assert len(result.articles) == 1
    assert [(x.kind, x.text) for x in result.leftovers] == [("fragment", "二")]


def test_body_without_headline_is_warned_about() -> None:
    result = parse(wrap(BRIDGE_2) + "\n\n" + wrap(APPLE_2))
    assert len(result.articles) == 1
    assert result.articles[0].headline is None
    assert any("without headline" in w.message for w in result.warnings)


def test_article_interrupted_and_resumed_further_down() -> None:
    # one-paragraph-per-line page: the tariff commentary is cut in the middle of a word
    # (原|料) by the tea-fair report, which is itself cut (表|演) and resumed after a scrap
    first = ("近日，美国一名官员公开表示，将对进口钢材加征关税。分析人士认为，加征关税将推高美国国内钢材价格，"
             "损害美国制造业的竞争力，最终由美国消费者承担加征关税的成本。钢材是汽车、机械等行业的重要原")
    rest = "料，对钢材加征关税后，这些行业的生产成本将明显上升，美国消费者购买汽车和家电时也要为关税付出更多。"
    other = ("2025年5月1日，第五届湖畔茶叶博览会在西湖区开幕，来自全国各地的三百多家茶企参展，"
             "茶叶博览会为期三天，茶农和茶商共同探讨茶叶品牌建设。博览会期间还将举办茶艺表")
    other_rest = "演和茶叶品鉴活动，茶叶博览会吸引了大批市民和游客，参展茶企负责人纷纷表示收获满满。"
    text = "\n\n".join([
        "# 加征关税损人不利己", first, "## 湖畔茶叶博览会开幕", other, rest, "二", other_rest,
    ])
    result = parse(text)
    tariff, tea = result.articles
    assert tariff.paragraphs == [first + rest]
    assert tea.paragraphs == [other + other_rest]
    assert tariff.headline == "加征关税损人不利己"
    assert tea.headline == "湖畔茶叶博览会开幕"


def test_full_line_stopping_half_a_cell_early_is_not_a_paragraph_end() -> None:
    """Punctuation hanging past the column makes the widest lines one cell too wide; a
    sentence-final line filled to the column (the next character did not fit) stays in
    its paragraph, while a clearly short one still ends it."""
    from sitegen.parse.text import visual_width

    lines = [
        "东河大桥通车后，沿岸居民出行更加",
        "方便，附近集市也热闹了起来，商户，",  # punctuation hanging past the column
        "们纷表示今年生意比去年好了3成。",  # full: the next character did not fit
        "当地还将在桥头建设公园和停车场，",
        "方便市民休闲。",
    ]
    assert [visual_width(x) for x in lines[:4]] == [16, 17, 15.5, 16]
    # every block has a line with hanging punctuation, as wrapped prose does
    other = "\n".join(["据介绍，东河大桥建设历时三年，采", "用新型钢结构，设计使用寿命一百年，",
                       "施工期间建设者克服了汛期多雨等困", "难。"])
    text = "\n".join([wrap(BRIDGE), "", "\n".join(lines), "", other, "", other, "", "东河大桥正式通车"])
    (art,) = parse(text).articles
    assert "".join(lines) in art.paragraphs
    short = lines[:2] + ["们纷表示生意好。"] + lines[3:]
    text = "\n".join([wrap(BRIDGE), "", "\n".join(short), "", other, "", other, "", "东河大桥正式通车"])
    (art,) = parse(text).articles
    assert "".join(short[:3]) in art.paragraphs


PORT = ("本报讯（记者 陈静）今年以来，西湾港集装箱吞吐量持续增长，前五个月累计完成三百万标准箱，"
        "同比增长百分之十二。港口新开通航线六条，覆盖东南亚和中东地区的主要港口。")
PORT_2 = "港口负责人介绍，西湾港正在建设自动化码头，建成后集装箱装卸效率将提高三成，港口吞吐能力进一步提升。"


BRIDGE_3 = "东河大桥通车后，两岸居民出行更加方便，大桥桥头的集市也热闹了起来。"


def test_article_resumed_under_the_article_printed_inside_it() -> None:
    """An article cut mid-sentence, another article printed in between, and the rest of the
    first one right under the second (no headline of its own): the rest is rejoined."""
    cut = 30
    text = "\n\n".join([
        "东河大桥正式通车", wrap(BRIDGE + BRIDGE_2[:cut]),
        "西湾港吞吐量持续增长", wrap(PORT), wrap(PORT_2),
        wrap(BRIDGE_2[cut:]), wrap(BRIDGE_3),
    ])
    result = parse(text)
    bridge = next(a for a in result.articles if a.headline == "东河大桥正式通车")
    assert bridge.paragraphs[-2].endswith(BRIDGE_2) and bridge.paragraphs[-1] == BRIDGE_3
    port = next(a for a in result.articles if a.headline == "西湾港吞吐量持续增长")
    assert port.paragraphs[-1] == PORT_2


def test_article_resumed_after_a_cut_off_one() -> None:
    """A 下转 marker ends the article above it; the headless text right after it continues
    the article interrupted earlier, even when they share few words."""
    cut = 30
    text = "\n\n".join([
        "东河大桥正式通车", wrap(BRIDGE + BRIDGE_2[:cut]),
        "西湾港吞吐量持续增长", wrap(PORT + PORT_2[:20]), "（下转第3版）",
        wrap(BRIDGE_2[cut:]),
    ])
    result = parse(text)
    assert len(result.articles) == 2
    bridge = next(a for a in result.articles if a.headline == "东河大桥正式通车")
    assert bridge.paragraphs[-1].endswith(BRIDGE_2[-10:])


def test_headline_sharing_no_words_pairs_with_the_adjacent_headless_body() -> None:
    """A headline block (here with its byline) that shares no words with any body, printed
    right under a body that has no headline: layout ties them. A continuation from
    another page (上接) takes it too: papers repeat the headline over the continued
    part (seed 001 does)."""
    text = "\n\n".join([
        "东河大桥\n正式通车", wrap(BRIDGE), wrap(BRIDGE_2),
        wrap(APPLE), wrap(APPLE_2), "甜蜜的事业\n■ 本报记者 周洁",
    ])
    result = parse(text)
    bridge, apple = result.articles
    assert bridge.headline == "东河大桥正式通车"
    assert apple.headline == "甜蜜的事业"
    cont = parse("\n\n".join([wrap(BRIDGE), wrap(BRIDGE_2), "东河大桥\n正式通车",
                              "（上接第2版）" + wrap(APPLE_2), "甜蜜的事业\n■ 本报记者 周洁"]))
    assert cont.articles[-1].headline == "甜蜜的事业"
    assert cont.articles[-1].markers[0] == "（上接第2版）"


def test_headline_with_little_content_after_its_kicker_is_not_a_banner() -> None:
    """Kicker and headline printed apart (blank line between): the headline shares only a
    word or two with the body but sits at the edge of the headline region right next to
    a unit that matches the body, so it joins that group; a label sharing nothing stays
    a banner."""
    kicker, head = "南山村苹果种植面积达到三千亩果农增收", "让家家户户尝到丰收甜蜜"
    text = "\n\n".join([wrap(BRIDGE), wrap(BRIDGE_2), "东河大桥\n正式通车",
                        wrap(APPLE), wrap(APPLE_2), kicker, head])
    apple = parse(text).articles[1]
    assert (apple.kicker or "") + apple.headline + (apple.subtitle or "") == kicker + head
    result = parse("\n\n".join([wrap(BRIDGE), wrap(BRIDGE_2), "东河大桥\n正式通车",
                                wrap(APPLE), wrap(APPLE_2), kicker, "综合新闻"]))
    apple = result.articles[1]
    assert (apple.kicker or "") + apple.headline + (apple.subtitle or "") == kicker
    assert [x.text for x in result.leftovers if x.kind == "banner"] == ["综合新闻"]


def test_section_names_are_banners_never_kickers() -> None:
    """A generic page/section name ("要闻", "综合新闻", "国际·时评") printed over or under a
    headline is a banner, even when a body happens to use the word."""
    from sitegen.parse.headlines import is_section_name
    assert is_section_name("综合新闻") and is_section_name("国际·时评") and is_section_name("要闻版")
    assert not is_section_name("东河大桥正式通车") and not is_section_name("民营经济高质量发展一线观察")
    body = "本报讯（记者 王小明）国际新闻中心5月3日发布消息，东河大桥正式通车，大桥全长1200米。"
    for banner in ("国际", "综合新闻"):
        text = "\n\n".join([banner, "东河大桥\n正式通车", wrap(body), wrap(BRIDGE_2)])
        result = parse(text)
        (art,) = result.articles
        assert (art.kicker or "") + art.headline + (art.subtitle or "") == "东河大桥正式通车"
        assert [x.text for x in result.leftovers] == [banner]


def test_line_with_a_comma_above_a_byline_is_a_headline() -> None:
    """A short line ending open with a comma inside, right above a bullet byline, is a
    headline (bylines are never printed after an unfinished sentence), not the last
    paragraph of the body before it."""
    text = "\n\n".join([
        "东河大桥\n正式通车", wrap(BRIDGE), wrap(BRIDGE_2),
        "苹果红满枝，果农笑开颜", "■ 本报记者 周洁", wrap(APPLE), wrap(APPLE_2),
    ])
    result = parse(text)
    bridge, apple = result.articles
    assert bridge.paragraphs[-1] == BRIDGE_2
    assert apple.headline == "苹果红满枝，果农笑开颜"


def test_grouped_one_line_headlines_divide_bodies_run_together() -> None:
    """Two bodies with no dateline printed one after the other, their one-line headlines
    grouped below: the bodies run together and both headlines match the merged body best.
    The body is divided at the sentence-final paragraph boundary where each headline
    matches its own half and not the other (content of both halves, two paragraphs at
    least each); a headline quoting one paragraph of a short body divides nothing."""
    bridge = [BRIDGE.split("）", 1)[1], BRIDGE_2]
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join([*map(wrap, bridge + apple), "东河大桥正式通车", "南山村苹果采摘季"])
    result = parse(text)
    assert [a.headline for a in result.articles] == ["东河大桥正式通车", "南山村苹果采摘季"]
    assert [a.paragraphs for a in result.articles] == [bridge, apple]
    # a quote from the lead as headline, the kicker matching the rest: one article
    quote = "东河大桥正式通车"
    result = parse("\n\n".join([*map(wrap, [bridge[0], APPLE_2, BRIDGE_2]),
                                "南山村苹果种植面积达到三千亩", quote]))
    (art,) = result.articles
    assert len(art.paragraphs) == 3


def test_wrapped_headline_claims_its_share_of_a_merged_body() -> None:
    """A headline wrapped onto two lines is a complete headline block, like one with a
    byline or several units: when it matched no body because its body ran into another
    one (no dateline between them), it may claim a share of that body; a lone one-line
    label may not (it may be a banner or a kicker)."""
    bridge = [BRIDGE.split("）", 1)[1], BRIDGE_2]
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join([*map(wrap, bridge + apple), "东河大桥正式通车\n■ 本报记者 王小明",
                        "跨里海中欧班列实现常态化开行", "南山村的苹\n果进入采摘季\n冷库电商服务站建成"])
    result = parse(text)
    bridge_art, apple_art = result.articles
    assert bridge_art.headline == "东河大桥正式通车"
    assert ((apple_art.kicker or "") + (apple_art.headline or "") + (apple_art.subtitle or "")
            == "南山村的苹果进入采摘季冷库电商服务站建成")
    assert [a.paragraphs for a in result.articles] == [bridge, apple]


def test_open_chunk_wider_than_the_column_is_a_headline_not_the_lead() -> None:
    """A two-line chunk ending open whose first line is far wider than the column is a
    headline set across columns (here a subtitle above its body), not prose cut by a
    column break: it must not be glued onto the lead."""
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join(["南山村苹果丰收",
                        "果农们忙着采摘分拣装箱，冷库和电商服务站帮助销售\n预计产量八千吨",
                        *map(wrap, apple)])
    (art,) = parse(text).articles
    assert art.lead == apple[0]
    assert art.paragraphs == apple


def test_no_subhead_after_a_continued_on_marker() -> None:
    """A 下转 marker ends the article above it: a short title line after it heads the next
    article, it is no in-body subhead of the cut-off one."""
    bridge = [BRIDGE.split("）", 1)[1], BRIDGE_2]
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join(["东河大桥正式通车", wrap(bridge[0]), wrap(bridge[1] + "（下转第5版）"),
                        "丰收季", *map(wrap, apple)])
    first, second = parse(text).articles
    assert first.paragraphs == bridge and first.markers
    assert second.headline == "丰收季"
    assert second.paragraphs == apple


def test_full_width_line_with_two_spaced_parts_is_a_headline() -> None:
    """A column-wide line ending open would be read as prose cut by a column break; when
    two parts of it are spaced apart ("丰收在望 果香满村") it is a two-part headline, and
    the lead below it starts clean."""
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join(["南山村丰收在望 果香满村飘四方", *map(wrap, apple)])
    (art,) = parse(text).articles
    assert art.headline == "南山村丰收在望 果香满村飘四方"
    assert art.lead == apple[0]


def test_open_chunk_overrunning_the_column_is_a_headline() -> None:
    """Wrapped prose never runs past the column by more than a hanging punctuation mark:
    a two-line chunk ending open whose first line overruns it by a few cells (and whose
    last line is shorter) is a headline, even when it is not far wider."""
    apple = [APPLE.split("）", 1)[1], APPLE_2]
    text = "\n\n".join(["南山村苹果丰收",
                        "果农们忙着采摘分拣装箱、冷库电商服务站\n预计产量八千吨",
                        *map(wrap, apple)])
    (art,) = parse(text).articles
    assert art.lead == apple[0]
    assert art.paragraphs == apple


def test_sentence_end_carried_over_a_column_break_is_text() -> None:
    """A column break (with a photo caption in it) may cut a sentence a few characters
    before its end: the short "4%。" line that opens the next block, with the next
    paragraph under it, ends the lead, it is not a stray scrap."""
    lead = "连日来，南山村的苹果进入采摘季，果农们忙着采摘、分拣、装箱，预计产量同比增长18.4%。"
    cut = lead.index("4%。")
    text = "\n\n".join(["南山村苹果丰收", wrap(lead[:cut]), "这是5月18日在阿\n拉木图拍摄的城市\n夜景。\n■ 新华社发 李娜 摄",
                        lead[cut:] + "\n" + wrap(APPLE_2)])
    (art,) = parse(text).articles
    assert art.lead == lead
    assert art.paragraphs == [lead, APPLE_2]


def test_caption_box_in_a_narrow_column_is_a_caption() -> None:
    """In a narrow column a photo caption box is only a little narrower than the column:
    two unfilled lines set right on a credit line are its caption, not lead text."""
    lead = APPLE.split("）", 1)[1] + APPLE_2
    cut = 36
    caption = "6月20日，游客在\n古城景区游览观光。\n■ 本报记者 王鹏 摄"
    text = "\n\n".join(["南山村苹果丰收", wrap(lead[:cut], 12), caption, wrap(lead[cut:], 12),
                        wrap(BRIDGE_2, 12)])
    (art,) = parse(text).articles
    assert art.lead == lead


def test_chunk_with_an_open_bracket_runs_on_past_the_column_break() -> None:
    """A one-line chunk ending open inside a bracket ("本报讯（记者 李红 通讯员") is no
    headline: the bracket closes after the column break (here past a photo caption), and
    the dateline/byline stays in front of the lead."""
    head, rest = APPLE.split("通讯员 ", 1)
    text = "\n\n".join(["南山村苹果丰收", head + "通讯员",
                        "这是5月18日在阿\n拉木图拍摄的城市\n夜景。\n■ 新华社发 李娜 摄",
                        wrap(rest), wrap(APPLE_2)])
    (art,) = parse(text).articles
    assert art.lead.endswith(APPLE.split("）", 1)[1])
    assert not art.lead.startswith("赵刚")  # the byline is not cut in two
    assert art.paragraphs[-1] == APPLE_2


def test_caption_set_as_wide_as_the_column_is_a_caption() -> None:
    """A caption under a photo set into the column may fill the column's width: text set off
    by a blank line above, closed by the credit right under it and ending its sentence, is
    the caption, and the paragraph the photo cut runs on past it."""
    lead = APPLE.split("）", 1)[1] + APPLE_2
    cut = 36
    caption = "游客们在古城景区里游览\n观光，流连忘返。\n■ 本报记者 王鹏 摄"
    text = "\n\n".join(["南山村苹果丰收", wrap(lead[:cut], 11), caption, wrap(lead[cut:], 11),
                        wrap(BRIDGE_2, 11)])
    result = parse(text)
    (art,) = result.articles
    assert art.lead == lead
    assert [x.text for x in result.leftovers if x.kind == "caption"] == ["游客们在古城景区里游览观光，流连忘返。",
                                                                         "■ 本报记者 王鹏 摄"]
