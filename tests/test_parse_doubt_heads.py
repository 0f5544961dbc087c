"""Self-doubt on what the printed headline block and the lead's first line show
(sitegen/parse/doubt_heads.py): small pages where each cue must fire, and pages where
it must not."""
from __future__ import annotations

from sitegen.parse import doubt_heads
from sitegen.parse.doubts import Signals
from sitegen.parse.headlines import Group, Unit
from synthetic_pages import PORT, SNOW, TEA, parse_conserved, story, wrapped


def _body(paras: list[str] = TEA) -> str:
    return wrapped(paras) + "\n"


def _only(text: str):
    articles = parse_conserved(text).articles
    assert len(articles) == 1, articles
    return articles[0]


def test_a_headline_made_of_a_section_label_only_is_doubted() -> None:
    bare = _only("【今日聚焦】\n\n" + _body())
    assert bare.headline == "【今日聚焦】"
    assert any("only a section label" in d for d in bare.doubts), bare.doubts
    over = _only("【今日聚焦】\n春茶市场升温\n\n" + _body())  # a label over a headline is usual
    assert "春茶市场升温" in over.headline and over.doubts == ()


def test_a_headline_ending_on_a_verb_that_announces_a_statement_is_doubted() -> None:
    kicker = _only("茶企负责人在座谈时强调\n\n" + _body())
    assert kicker.doubts and "ends on “强调” with nothing after it" in kicker.doubts[0], kicker.doubts
    assert "line 1" in kicker.doubts[0]
    whole = _only("茶企负责人在座谈时强调\n春茶品质好订单多\n\n" + _body())  # the statement follows
    assert whole.doubts == ()
    speech = _only("春茶文化节开幕茶企负责人出席并讲话\n\n" + _body())  # 讲话 ends a whole headline
    assert not any("nothing after it" in d for d in speech.doubts), speech.doubts


def test_a_headline_line_taken_in_as_the_leads_first_line_is_doubted() -> None:
    """Another headline's line, narrower than the column, read as the lead's first line
    joined across a break (under a story: at the page's top such a line is read as the
    next headline, tests/test_parse_top_block_byline.py)."""
    page = wrapped(PORT) + "\n（新华社电）\n\n春茶市场升温\n■方生\n口岸通关提速\n\n\n" + _body()
    [glued] = [a for a in parse_conserved(page).articles if a.headline == "春茶市场升温"]
    assert glued.lead.startswith("口岸通关提速")
    assert any("lead's first line (14: 口岸通关提速)" in d for d in glued.doubts), glued.doubts
    clean = _only("春茶市场升温\n■方生\n\n" + _body())
    assert clean.doubts == ()


def test_a_column_break_after_a_full_first_line_is_no_doubt() -> None:
    """A first line as wide as the column, with no clause mark, continued after a column
    break, is the lead's own first line."""
    first = "春茶上市以来茶农忙着采摘新茶茶叶"  # 16 characters: the column's width
    rest = "市场交易活跃，春茶价格稳中有升。"
    art = _only("春茶市场升温\n\n" + first + "\n\n" + wrapped([rest]) + "\n\n" + _body(TEA[1:]))
    assert art.lead.startswith(first) and art.lead.endswith(rest), art.lead
    assert not any("lead's first line" in d for d in art.doubts), art.doubts


def test_a_lead_that_is_only_a_bracketed_credit_is_doubted() -> None:
    """A credit printed as its own paragraph over a subhead stays the body's first
    paragraph; one with the story's text right after it becomes the byline, no doubt."""
    # (the subhead bears no section label: a label is printed over a story's headline, and a
    # labelled title here would head a story of its own, open_titles / segment)
    stuck = _only("春茶市场升温\n\n（李登）\n\n\n茶农采茶忙\n\n" + _body())
    assert stuck.lead == "（李登）"
    assert any("lead at line 3 is only a credit （李登）" in d for d in stuck.doubts), stuck.doubts
    moved = _only("春茶市场升温\n\n（记者李登）\n\n" + _body())
    assert moved.byline == "记者李登" and moved.lead == TEA[0] and moved.doubts == ()


def test_the_headline_printed_after_an_announcing_one_is_doubted_too() -> None:
    """Under a kicker ending …强调 the next headline printed may be its main line, the
    story split in two at its own headline; after a whole headline it is no doubt."""
    def second(first_head: str):
        page = first_head + "\n\n" + story(TEA) + "\n\n口岸通关提速\n\n" + story(PORT) + "\n"
        articles = parse_conserved(page).articles
        assert [a.headline for a in articles] == [first_head, "口岸通关提速"], articles
        return articles[1]
    split = second("茶企负责人在座谈时强调")
    assert any("line 9 may be the main line under the one at line 1" in d for d in split.doubts), split.doubts
    assert not any("main line" in d for d in second("春茶市场升温茶企订单增加").doubts)


def test_a_kicker_printed_below_its_headline_is_doubted() -> None:
    """A kicker stands over its headline: a block holding two lines a Markdown dump marks
    as headings, or a kicker taken from a line printed below the headline (a block read
    out of order), is two headlines joined; one heading, or a kicker over its headline,
    is no doubt."""
    def paras(ps: list[str]) -> str:
        return "\n\n".join(ps)
    # a heading after a byline is a head of its own, not the closed head's series label
    # (headlines.build_groups): each story gets its heading, and nothing is doubted as joined
    page = "【节日专题】春茶市场升温\n\n茶企订单明显增加\n\n## 口岸通关提速\n■ 方生\n\n## 牧区迎来降雪\n\n" \
        + paras(TEA) + "\n\n\n" + paras(PORT) + "\n\n\n" + paras(SNOW) + "\n"
    arts = parse_conserved(page).articles
    assert [(a.kicker, a.headline) for a in arts[1:]] == [(None, "口岸通关提速"), (None, "牧区迎来降雪")], arts
    assert not any("both marked as headings" in d for a in arts for d in a.doubts), arts
    # two headings joined in one group all the same (by the block order, say) are doubted
    both = Group([Unit("口岸通关提速", 5, 1, heading=True), Unit("牧区迎来降雪", 8, 1, heading=True)])
    assert doubt_heads.kicker_below(both) == (8, 5, True)
    assert "the lines 5 and 8 are both marked as headings (##): two headlines joined?" in \
        dict(doubt_heads.RULES)["kicker_below"](Signals(kicker_below=(8, 5, True)))
    one = _only("## 春茶市场升温\n\n" + _body())  # one heading per story is usual
    assert one.headline == "春茶市场升温" and one.doubts == (), one
    # a block read out of order: the one-line title printed at line 8 becomes the kicker of
    # the two-line headline printed at line 5
    group = Group([Unit("牧区迎来降雪", 8, 1), Unit("口岸推行智慧通关外贸企业降本增效", 5, 2,
                                                    parts=("口岸推行智慧通关", "外贸企业降本增效"))])
    assert doubt_heads.kicker_below(group) == (8, 5, False)
    assert doubt_heads.kicker_below(Group(group.units[::-1])) is None  # printed in order
    assert "kicker at line 8 is printed below its headline (line 5)" in \
        dict(doubt_heads.RULES)["kicker_below"](Signals(kicker_below=(8, 5, False)))


def test_a_headline_running_on_into_a_body_is_doubted() -> None:
    """A body's line taken for a headline: its last words run on into the opening of the
    text it was cut from (…促进国际 | 贸易，…), printed elsewhere on the page. Both
    articles are doubted; a chance pair of characters across the break is not enough."""
    page = story(TEA) + "\n\n春茶市场升温\n\n" + story(PORT[:2]) + "\n\n海关关员说：口岸推行智慧通关促进国际\n\n" \
        + story(SNOW) + "\n\n牧区迎来降雪\n\n" + wrapped(["贸易，货车排队时间缩短，外贸企业降本增效。"]) \
        + "\n\n口岸通关提速\n"
    arts = parse_conserved(page).articles
    head = "the headline at line 13 runs on into the text at line 21 (“国际贸易”): a line of a body, not a headline?"
    text = "its opening at line 21 goes on from the headline at line 13 (“国际贸易”): that line is this text's?"
    assert [a.headline for a in arts if head in a.doubts] == ["海关关员说：口岸推行智慧通关促进国际"]
    assert [a.headline for a in arts if text in a.doubts] == ["口岸通关提速"]
    assert not any("runs on" in d for a in arts if a.headline in ("春茶市场升温", "牧区迎来降雪") for d in a.doubts)
    assert doubt_heads.runs_on("中国海外交流协会副秘", "书长程铁生、旅法") == "秘书长"  # a long word
    assert doubt_heads.runs_on("会议１月１４", "日选举省长") == "１４日"  # a number and its unit
    assert doubt_heads.runs_on("筑梦沃土新农人", "为深入学习贯彻") is None  # 人为: chance, the clause goes on
    assert doubt_heads.runs_on("春茶市场升温", "春茶上市以来，") is None
    assert doubt_heads.runs_on("自己为乘客送还一顶", "帽子，竟荣获大奖") == "一顶帽子"  # a counted noun cut off
    assert doubt_heads.runs_on("自己为乘客送还一顶", "帽子竟荣获市委大奖，") is None  # the clause goes on
    assert doubt_heads.runs_on("口岸通关提速", "近日，海关数据显示") is None  # a short first clause alone is usual


def test_headline_lines_printed_far_apart_are_doubted() -> None:
    """A headline's kicker, main line and subtitle stand together, a blank line between
    them at most: lines two blank lines apart are two headlines joined."""
    group = Group([Unit("春茶市场升温", 1, 1), Unit("茶企订单明显增加", 4, 1)])
    assert doubt_heads.wide_gap(group) == (1, 4)
    assert doubt_heads.wide_gap(Group([Unit("春茶市场升温", 1, 1), Unit("茶企订单明显增加", 3, 1)])) is None
    assert doubt_heads.wide_gap(Group([Unit("春茶市场升温", 1, 2), Unit("茶企订单明显增加", 4, 1)])) is None
    assert "lines 1 and 4 are printed two or more blank lines apart" in \
        dict(doubt_heads.RULES)["wide_gap"](Signals(wide_gap=(1, 4)))
    tight = _only("春茶市场升温\n\n——茶企订单明显增加\n\n" + _body())  # one blank line: one headline
    assert tight.subtitle == "——茶企订单明显增加" and tight.doubts == (), tight


def test_a_body_line_that_runs_on_into_the_text_under_it_is_no_headline() -> None:
    """The port story's line 海关关员说：口岸推行智慧通关促进国际, printed right under its
    end, runs on into 贸易，… printed under it: it is the first line of that paragraph, cut
    by a column break, and the paragraph goes on the port story (:mod:`sitegen.parse.run_on`),
    no headline over the rest; a real headline printed under a story is not doubted."""
    page = "口岸通关提速\n\n" + story(PORT[:2]) + "\n\n海关关员说：口岸推行智慧通关促进国际\n\n" \
        + wrapped(["贸易，货车排队时间缩短，外贸企业降本增效。"]) + "\n\n牧区迎来降雪\n\n" + story(SNOW) + "\n"
    arts = parse_conserved(page).articles
    assert [a.headline for a in arts] == ["口岸通关提速", "牧区迎来降雪"]
    assert arts[0].paragraphs[-1] == "海关关员说：口岸推行智慧通关促进国际贸易，货车排队时间缩短，外贸企业降本增效。"
    quiet = "口岸通关提速\n\n" + story(PORT[:2]) + "\n\n牧区迎来降雪\n\n" + story(SNOW) + "\n"
    assert not any("printed under its end" in d for a in parse_conserved(quiet).articles for d in a.doubts)


def test_a_byline_holding_words_of_running_text_is_doubted() -> None:
    """A lead's first line standing alone over a column break (记者…在此间举行的…会议 |
    上获悉：…) is read as a byline; a byline names people and holds no particle, so the
    article is doubted. A byline of names only is no doubt."""
    def parsed(first: str, lead: str):
        return _only("春茶市场升温\n\n" + first + "\n\n" + wrapped([lead] + TEA[1:]) + "\n")
    taken = parsed("记者李登在此间举行的春茶推介会", "上获悉：" + TEA[0])
    assert taken.byline == "记者李登在此间举行的春茶推介会"
    assert any("byline “记者李登在此间举行的春茶推介会” reads like running text" in d for d in taken.doubts), taken.doubts
    named = parsed("记者李登", TEA[0])
    assert named.byline == "记者李登" and named.doubts == ()
    assert doubt_heads.byline_text("新华社记者王黎、本报记者李舫") is None
    assert doubt_heads.byline_text("记者带着上述问题走访了英国黄金矿业服务公司") is not None
