"""Self-doubt from which printed title fits which text (sitegen/parse/doubt_fits.py) and
from a lead that goes on from the line printed above it (doubt_heads.cut_above): each cue
on a small case where it must fire, and on cases where it must not."""
from __future__ import annotations

from types import SimpleNamespace

from synthetic_pages import wrapped

from sitegen.parse import doubt_fits, doubt_heads
from sitegen.parse import lines as L
from sitegen.parse.assign import story_grams
from sitegen.parse.blocks import build_elements
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.resume import rejoin_read
from sitegen.parse.segment import segment

TEA = ["春茶上市以来，茶农忙着采摘新茶，茶叶市场交易活跃，春茶价格稳中有升，采茶工每天天不亮就上山，茶园里一片繁忙景象。",
       "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农收入明显增加，不少茶企还通过直播把新茶卖到了全国各地。"]
PORT = "口岸海关数据显示，一季度进出口货运量同比增长，通关效率持续提升，口岸货车往来不断，边境贸易呈现出量质齐升的良好态势。"


def _body(paras: list[str]):
    """The one body of a page of ``paras`` and the page's vocabulary."""
    layout = segment(build_elements(wrapped(paras) + "\n"))
    bodies, _runners = rejoin_read(layout)
    assert len(bodies) == 1
    return bodies[0], layout.vocab.by_stories(story_grams(bodies))


def _block(*titles: str) -> Group:
    return Group([Unit(t, 20 + k, 1) for k, t in enumerate(titles)])


def test_two_lines_of_a_block_each_fitting_one_part_in_print_order_are_doubted() -> None:
    body, vocab = _body(TEA + [PORT])
    port_line = body.paras[2].line
    assert doubt_fits.two_titles(body.paras, _block("春茶上市茶农增收", "口岸通关效率提升"), vocab) == (20, 21, port_line)
    # titles printed together stand in their stories' order: the reverse is no such pair
    assert doubt_fits.two_titles(body.paras, _block("口岸通关效率提升", "春茶上市茶农增收"), vocab) is None
    # a headline and a subtitle of the same story
    assert doubt_fits.two_titles(body.paras, _block("春茶上市茶农增收", "茶企直播卖新茶"), vocab) is None


def test_no_two_titles_where_no_story_may_start() -> None:
    """The port text goes on from a sentence left open: no story starts there."""
    body, vocab = _body([TEA[0], TEA[1].rstrip("。") + "，", PORT])
    assert doubt_fits.two_titles(body.paras, _block("春茶上市茶农增收", "口岸通关效率提升"), vocab) is None


class _Scorer:
    def __init__(self, fits: dict[tuple[str, int], float]):
        self.fits = fits

    def content(self, text: str, body: int) -> float:
        return self.fits.get((text, body), 0.0)


def test_a_headless_text_fitting_anothers_headline_better_than_its_own_text_is_doubted() -> None:
    bodies = [SimpleNamespace(line=3), SimpleNamespace(line=20)]
    result = SimpleNamespace(by_body={0: _block("春茶上市茶农增收")})
    better = _Scorer({("春茶上市茶农增收", 0): 0.3, ("春茶上市茶农增收", 1): 0.8})
    assert doubt_fits.orphans(bodies, result, better) == [None, (20, 3)]
    as_well = _Scorer({("春茶上市茶农增收", 0): 0.75, ("春茶上市茶农增收", 1): 0.8})
    assert doubt_fits.orphans(bodies, result, as_well) == [None, None]


def _paras(paras: list[str]):
    """The paragraphs of a page of ``paras`` (one story, however the segmenter cut it) and
    the page's vocabulary."""
    layout = segment(build_elements(wrapped(paras) + "\n"))
    bodies, _runners = rejoin_read(layout)
    return [p for b in bodies for p in b.paras], layout.vocab.by_stories(story_grams(bodies))


ROUNDUP = "本报杭州3月5日电　" + TEA[0]
DISPATCH = "本报温州3月5日电　西湖龙井茶园里，茶农抢抓晴好天气采摘春茶，茶叶收购价格平稳，春茶订单增加。"


def test_a_dateline_opening_a_paragraph_after_a_finished_sentence_is_doubted() -> None:
    def para(line: int, hard: bool = False, open_end: bool = False):
        return SimpleNamespace(line=line, hard_start=hard, open_end=open_end, raw="（上接第1版）……", subhead=False)
    assert doubt_fits.mid_start([para(3), para(6), para(9, hard=True)], None) == 9
    assert doubt_fits.mid_start([para(3, hard=True), para(6)], None) == 0  # the lead's own dateline
    assert doubt_fits.mid_start([para(3), para(6, open_end=True), para(9, hard=True)], None) == 0
    # a dated text reporting on another subject, or filed on another day than the story
    paras, vocab = _paras([ROUNDUP, TEA[1], "本报宁波3月5日电　" + PORT])
    assert doubt_fits.mid_start(paras, vocab) == paras[2].line
    paras, vocab = _paras([ROUNDUP, TEA[1], DISPATCH.replace("3月5日", "3月2日")])
    assert doubt_fits.mid_start(paras, vocab) == paras[2].line


def test_a_round_up_s_next_dispatch_is_no_doubt() -> None:
    """A dispatch naming the story's day (or filed under a story naming none) and sharing
    its words is what a round-up prints."""
    paras, vocab = _paras([ROUNDUP, TEA[1], DISPATCH])
    assert paras[2].hard_start and doubt_fits.mid_start(paras, vocab) == 0
    paras, vocab = _paras(["本报讯　" + TEA[0], TEA[1], DISPATCH])
    assert doubt_fits.mid_start(paras, vocab) == 0
    # (a dispatch naming no day is no round-up's: 本报讯 opens a story)
    paras, vocab = _paras([ROUNDUP, TEA[1], "本报讯　" + DISPATCH.split("　", 1)[1]])
    assert doubt_fits.mid_start(paras, vocab) == paras[2].line


def _lead(no: int, text: str, hard: bool = False):
    return [SimpleNamespace(hard_start=hard, chunks=[SimpleNamespace(lines=[L.Line(no, text)])])]


def test_a_lead_going_on_from_the_text_line_above_it_is_doubted() -> None:
    page = ["在虎年新春佳节到来之际，中央民族乐团", "访问奥地利，在维也纳金色大厅举行中国新", "",
            "春民族音乐会，向世界展示中国民族音乐"]
    assert doubt_heads.cut_above(_lead(4, page[3]), page) == (4, 2, "新春")
    numbers = ["福建省第九届人民代表大会第一次会议１月１４", "日选举袁启彤为省人大常委会主任，王建"]
    assert doubt_heads.cut_above(_lead(2, numbers[1]), numbers) == (2, 1, "１４日")


def test_a_lead_under_a_finished_line_or_a_title_is_no_doubt() -> None:
    finished = ["访问奥地利，在维也纳金色大厅举行演出。", "春民族音乐会，向世界展示中国民族音乐"]
    assert doubt_heads.cut_above(_lead(2, finished[1]), finished) is None
    title = ["中国新", "", "春民族音乐会，向世界展示中国民族音乐"]  # narrow, no clause mark: a title's line
    assert doubt_heads.cut_above(_lead(3, title[2]), title) is None
    far = ["访问奥地利，在维也纳金色大厅举行中国新", "", "", "春民族音乐会，向世界展示中国民族音乐"]
    assert doubt_heads.cut_above(_lead(4, far[3]), far) is None  # two blank lines: no column break
