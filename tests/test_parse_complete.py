"""Page-level rules of issue 18 on small synthetic pages: cuts where a left-over headline
says an article is missing (complete.cut_at_shifts), left-over headlines paired with
headline-less bodies (complete.fill), closing credits, stacked headline lines."""
from __future__ import annotations

from synthetic_pages import PORT, TEA
from synthetic_pages import parse_conserved as _parse


def test_an_unused_headline_block_cuts_the_body_where_the_topic_shifts() -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", *TEA, *PORT,
                       "口岸通关效率持续提升\n进出口货运量同比增长\n■本报记者 王鹏"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0]], [a.body_text[:20] for a in arts]
    assert arts[0].headline == "茶叶订单增加 茶旅融合带动消费"
    assert "口岸通关效率持续提升" in (arts[1].headline or "") + (arts[1].kicker or "")


def test_without_a_left_over_headline_a_shift_under_a_headline_of_both_sides_cuts_nothing() -> None:
    """(A headline that covers only the side printed next to it does cut: see
    test_parse_page_convention.)"""
    text = "\n\n".join(["春茶订单增加 口岸通关提速", *TEA, *PORT]) + "\n"
    arts = _parse(text).articles
    assert len(arts) == 1  # (and the article is doubted: see test_parse_doubts)


def test_a_credit_in_brackets_after_the_story_is_its_byline() -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", *TEA, "（记者 张楠 通讯员 李明）"]) + "\n"
    art = _parse(text).articles[0]
    assert art.byline == "记者 张楠 通讯员 李明"
    assert art.paragraphs == TEA


def test_closing_credits_in_the_shapes_papers_print_them() -> None:
    from sitegen.parse.lines import closing_credit

    assert closing_credit("（石榴云/新疆日报记者刘翔）") == "石榴云/新疆日报记者刘翔"
    assert closing_credit("(实习记者 包洪宇)") == "实习记者 包洪宇"
    assert closing_credit("（张磊 尹雪）") == "张磊 尹雪"
    assert closing_credit("（孙爽 文/摄）") == "孙爽 文/摄"
    for not_credit in ("（完）", "（待续）", "（新华社电）", "（新华社北京7月2日电）", "（下转第5版）",
                       "（记者发现，情况属实。）", "（2024年）"):
        assert closing_credit(not_credit) is None, not_credit


def test_an_editorial_mark_in_brackets_stays_in_the_body() -> None:
    text = "\n\n".join(["茶叶订单增加 茶旅融合带动消费", *TEA, "（待续）"]) + "\n"
    art = _parse(text).articles[0]
    assert art.byline is None and "待续" in art.body_text


def test_headlines_stacked_without_blank_lines_are_not_prose() -> None:
    wrapped_tea = "春茶上市以来，茶农忙着采摘新茶，茶\n叶市场交易活跃，春茶价格稳中有升。"
    wrapped_port = "口岸海关数据显示，一季度进出口货运\n量同比增长，通关效率持续提升。"
    stack = "\n".join(["茶叶订单增加", "茶旅融合带动消费", "口岸通关效率持续提升", "进出口货运量同比增长",
                       "古城景区游客络绎不绝", "文旅融合点亮夜间经济", "高原小城迎来新机场", "航线开通便利群众出行",
                       "城乡供水一体化", "让群众喝上放心水", "冬小麦长势良好", "农技人员下田指导",
                       "社区食堂开张", "老人吃饭更方便", "冬季供暖全面启动", "居民家中温暖如春"])  # more text than any headline block alone
    text = "\n\n".join([wrapped_tea, wrapped_port, stack]) + "\n"
    result = _parse(text)
    assert all("茶旅融合带动消费" not in a.body_text for a in result.articles)
    shown = [a.headline or "" for a in result.articles] + [x.text for x in result.leftovers]
    assert any("茶旅融合带动消费" in s for s in shown)


SNOW = ["入冬以来，牧区迎来多次降雪，牧民提前储备草料，转场工作有序进行。",
        "兽医站工作人员走村入户，为牛羊接种疫苗，帮助牧民做好防寒保暖。",
        "牧民说，棚圈建得结实，草料备得充足，今年冬天心里踏实。"]


def test_a_headline_block_at_the_page_end_follows_the_bodies_order() -> None:
    # headlines that share hardly a word with their bodies: only their order tells
    heads = ["春回大地谱新篇", "通关提速惠企业", "风雪中的守护"]
    text = "\n\n".join([_story(TEA), _story(PORT), _story(SNOW), *heads]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], PORT[0], SNOW[0]]
    assert [a.headline for a in arts] == heads


def test_a_block_in_another_order_keeps_the_content_match() -> None:
    heads = ["牧民储备草料迎降雪", "春茶上市茶农采摘新茶", "口岸进出口货运量同比增长"]
    text = "\n\n".join([_story(TEA), _story(PORT), _story(SNOW), *heads]) + "\n"
    arts = _parse(text).articles
    assert [a.headline for a in arts] == [heads[1], heads[2], heads[0]]


def _story(paras: list[str]) -> str:
    """Paragraphs apart, the lead after a dateline (where an article starts)."""
    return "\n\n".join(["本报讯 " + paras[0], *paras[1:]])


def _one_body(paras: list[str]):
    from sitegen.parse.blocks import build_elements
    from sitegen.parse.resume import rejoin
    from sitegen.parse.segment import segment

    layout = segment(build_elements("\n\n".join(paras) + "\n"))
    bodies = rejoin(layout)
    assert len(bodies) == 1
    return bodies, layout.vocab


def test_a_left_over_headline_cuts_only_off_a_story_it_could_head() -> None:
    """The body's own headline covers one side of a topic shift only; a left-over headline
    is evidence of a missing story there only when it shares words with the other side."""
    from sitegen.parse.assign import Assignment
    from sitegen.parse.complete import cut_at_shifts
    from sitegen.parse.headlines import Group, Unit

    bodies, vocab = _one_body([*TEA, *PORT])
    own = Group([Unit("春茶上市茶农采摘新茶 茶叶订单增加", 1, 1)])
    fits = Group([Unit("口岸智慧通关提速", 99, 1)])
    unrelated = Group([Unit("牧区牧民储备草料", 99, 1)])
    cut = cut_at_shifts(bodies, Assignment(by_body={0: own}, unassigned=[fits]), vocab)
    assert cut is not None and [b.paras[0].parts()[0][:6] for b in cut] == [TEA[0][:6], PORT[0][:6]]
    assert cut_at_shifts(bodies, Assignment(by_body={0: own}, unassigned=[unrelated]), vocab) is None
