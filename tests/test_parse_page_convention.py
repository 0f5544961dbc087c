"""Page-level segmentation rules of issue 18, on small synthetic pages with one paragraph
per line: one convention (headlines before or after their bodies) for the whole page, a
headline-less story cut off the headed story it ran into, and a body cut where the block
order gave it the lines of several headlines."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import story as _story

TEA, PORT = TEA[:2], PORT[:2]  # two paragraphs a story on these pages


def test_every_headline_after_its_body_when_that_explains_the_page() -> None:
    """The first headline shares more words with the second story (its export orders) than
    with its own, and the second headline is a slogan sharing none: by content alone the
    first headline heads the second story and the first story has none. Every headline
    printed right after its body explains the page about as well, so the page follows
    that convention."""
    port = [PORT[0] + "茶叶出口订单增加。", PORT[1]]
    heads = ["春茶出口订单增加", "跑出加速度", "牧区降雪牧民储备草料"]
    text = "\n\n".join(_story(s) + "\n\n" + h for s, h in zip((TEA, port, SNOW), heads)) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0][-20:] for a in arts] == [s[0][-20:] for s in (TEA, port, SNOW)]
    assert [a.headline for a in arts] == heads


def test_a_story_without_headline_is_cut_off_the_headed_story_it_ran_into() -> None:
    """A continued story (上接…) runs into the next story with no blank line or marker
    between them; that story's headline is printed after it and covers only its own
    paragraphs, and the vocabulary changes completely where it starts."""
    snow = SNOW + ["气象部门提醒，近期仍有降雪降温天气，牧民要加固棚圈，储备足够草料。"]
    tea = TEA + ["业内人士认为，春茶产销两旺，茶叶品牌建设让茶农走上了致富路。"]
    text = ("（上接第1版）" + "\n\n".join(snow + tea) + "\n\n春茶产销两旺 茶农收入增加\n\n"
            + _story(PORT) + "\n\n口岸推行智慧通关\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0][:10] for a in arts] == [snow[0][:10], tea[0][:10], PORT[0][:10]]
    assert [a.headline for a in arts] == [None, "春茶产销两旺 茶农收入增加", "口岸推行智慧通关"]


def test_a_body_given_several_headlines_of_a_tight_block_is_cut_between_them() -> None:
    """All headlines in one block at the top with no blank line between them; the tea and
    port stories were run together (no dateline starts the second). The block order gives
    that body the lines of both headlines; each explains its own half, and the words
    change where the port story starts."""
    block = ["春茶市场交易活跃", "茶农收入增加", "口岸推行智慧通关", "牧区牧民储备草料"]
    text = "\n".join(block) + "\n\n" + "\n\n".join(
        ["本报讯 " + TEA[0], TEA[1], PORT[0], PORT[1], "本报讯 " + SNOW[0], SNOW[1]]) + "\n"
    arts = _parse(text).articles
    assert [len(a.paragraphs) for a in arts] == [2, 2, 2]
    assert [a.paragraphs[0] for a in arts] == ["春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升。",
                                               PORT[0], SNOW[0]]
    # the tea story's two lines: a headline its lead reports over a detail it does not
    # (茶农收入增加), read as headline and subtitle (tests/test_parse_headline_lead.py)
    assert [(a.headline, a.subtitle) for a in arts] == [
        ("春茶市场交易活跃", "茶农收入增加"), ("口岸推行智慧通关", None), ("牧区牧民储备草料", None)]


def test_a_headline_and_subtitle_printed_after_their_body_end_it() -> None:
    """Two short title lines between paragraphs of one run of text are a subhead, unless
    they sum up the text above and not the text below. The headline line does, though
    the subtitle under it says something else (and the two together do less)."""
    tea = TEA + ["当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
    port = PORT + ["下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"]
    text = "\n\n".join([*tea, "春茶价格稳中有升", "产销两旺看今朝", *port, "口岸推行智慧通关"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [tea[0], port[0]]
    assert [len(a.paragraphs) for a in arts] == [3, 3]
    assert arts[0].headline == "春茶价格稳中有升"


def test_a_weak_title_line_joins_a_neighbours_headline_only_if_it_shares_words_with_that_body() -> None:
    """A title line matching no body well, at the edge of a headline region, joins the
    headline next to it only when it shares a word or two with that headline's body; a
    line about other stories (here the tea and the snow) stays a banner."""
    text = "\n\n".join(["本报讯 " + TEA[0], TEA[1], "春茶市场交易活跃", "本报讯 " + SNOW[0], SNOW[1],
                        "牧区牧民储备草料", "本报讯 " + PORT[0], PORT[1], "牧区春茶飘香", "口岸推行智慧通关"]) + "\n"
    result = _parse(text)
    assert [(a.kicker, a.headline, a.subtitle) for a in result.articles][2] == (None, "口岸推行智慧通关", None)
    assert [(x.kind, x.text) for x in result.leftovers] == [("banner", "牧区春茶飘香")]


def test_two_stories_run_together_are_cut_where_the_words_change() -> None:
    """Two headline blocks printed after one body that holds both stories: the body is
    cut in two. The port story's first paragraph mentions the tea market too, so by
    headline words alone it would go with the tea story; it keeps talking about what the
    port story talks about (lexical cohesion), so the cut is made before it."""
    port = ["一季度，茶叶市场交易活跃带动出口，货车排队时间缩短，外贸企业降本增效。", PORT[0], PORT[1]]
    tea = TEA + ["当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
    text = "\n\n".join(["本报讯 " + tea[0], *tea[1:], *port, "春茶上市茶叶市场交易活跃\n■本报记者 王小明",
                        "口岸进出口货运量同比增长\n■本报记者 李明"]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [tea[0], port[0]]
    assert [a.headline for a in arts] == ["春茶上市茶叶市场交易活跃", "口岸进出口货运量同比增长"]


def test_a_block_headline_with_few_words_cuts_where_the_words_change() -> None:
    """Three headlines printed apart in a block at the top, two bodies: the tea and port
    stories run together with no dateline between them, and their two headlines both
    matched that body. The port headline shares only a word or two with its story (below
    the usual evidence for dividing them), but the vocabulary changes completely where
    the port story starts, after a finished sentence, and the tea headline shares nothing
    with it: each headline of the block gets its own story."""
    port = PORT + ["下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"]
    tea = TEA + ["当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
    snow = SNOW + ["气象部门提醒，近期仍有降雪降温天气，牧民要加固棚圈，储备足够草料。"]
    block = ["春茶市场交易活跃 茶农收入增加", "智慧通关跑出加速度", "牧区牧民储备草料"]
    text = "\n\n".join(block) + "\n\n" + "\n\n".join(
        ["本报讯 " + tea[0], *tea[1:], *port, "本报讯 " + snow[0], *snow[1:]]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [tea[0], port[0], snow[0]]
    assert [(a.headline, a.subtitle) for a in arts] == [(h, None) for h in block]


def test_grouped_headlines_on_one_body_are_divided_where_the_words_change() -> None:
    """Two headlines printed together after a body that holds both the tea and the port
    story (the snow story has its own headline): both matched that body and were merged
    into one headline block. The port headline shares only a word or two with its story,
    below the usual evidence for dividing the block, but the vocabulary changes completely
    where the port story starts: the body is cut there and each headline heads its part."""
    port = PORT + ["下一步，口岸将完善查验设施，推动进出口贸易高质量发展。"]
    tea = TEA + ["当地还举办春茶文化节，游客走进茶园体验采茶制茶，茶旅融合带动消费。"]
    snow = SNOW + ["气象部门提醒，近期仍有降雪降温天气，牧民要加固棚圈，储备足够草料。"]
    heads = ["牧区牧民储备草料", "春茶市场交易活跃 茶农收入增加", "智慧通关跑出加速度"]
    text = "\n\n".join(["本报讯 " + snow[0], *snow[1:], heads[0], "本报讯 " + tea[0], *tea[1:], *port,
                        *heads[1:]]) + "\n"
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [snow[0], tea[0], port[0]]
    assert [(a.headline, a.subtitle) for a in arts] == [(h, None) for h in heads]
