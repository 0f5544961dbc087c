"""A round-up's dispatches (sitegen/parse/dispatches.py): a text opened by a bureau's dateline
in the run of a story, under no headline and no 上接 marker, with nothing but a blank line
between, is the story's next dispatch; a dated text under a story its credit closed, one
filed on another day than the story above, or one opened by a bare 本报讯 is a story of its
own. Forms the generator does not print: 中新社 and a paper's 讯, full-width dates, a column
of 15."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, wrapped
from synthetic_pages import parse_conserved as _parse

from sitegen.corrections import parse_corrections
from sitegen.models import SeedFile
from sitegen.parse import parse_seed
from sitegen.parse.assign import Assignment
from sitegen.parse.conservation import conservation
from sitegen.parse.dispatches import headed_regions
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.resume import Body

OPENING = "中新社杭州３月５日电（记者 陈静）"
DISPATCH = "浙江日报温州３月５日讯（记者 刘洋）西湖龙井茶园里，茶农抢抓晴好天气采摘春茶，茶叶收购价格平稳。"
DISPATCH2 = "中新社福州３月５日电　安溪茶企加快春茶加工，茶叶订单排到了下月，茶农采茶忙。"
TEA_HEAD = "茶叶订单增加 茶旅融合带动消费"
PORT_HEAD = "口岸通关效率持续提升 外贸企业降本增效"


def page(*tea_after: str, opening: str = OPENING) -> str:
    """TEA (and what follows it) and PORT, wrapped in a column 15 wide, each under its
    headline (wider than the column)."""
    tea = wrapped([opening + TEA[0], *TEA[1:], *tea_after], 15)
    return TEA_HEAD + "\n\n" + tea + "\n\n" + PORT_HEAD + "\n\n" + wrapped(PORT, 15) + "\n"


def test_dispatches_under_a_round_up_s_headline_are_its_paragraphs() -> None:
    arts = _parse(page(DISPATCH, DISPATCH2)).articles
    assert [a.headline for a in arts] == [TEA_HEAD, PORT_HEAD]
    paras = ["".join(b.text.split()) for b in arts[0].blocks if b.kind == "paragraph"]
    assert paras == ["".join(p.split()) for p in (*TEA, DISPATCH, DISPATCH2)]
    assert arts[0].dateline == "中新社杭州３月５日电"


def test_a_dated_text_under_a_story_its_credit_closed_is_not_a_dispatch() -> None:
    arts = _parse(page("（记者 王伟）", DISPATCH)).articles
    assert len(arts) == 3 and arts[1].dateline == "浙江日报温州３月５日讯"


def test_a_text_filed_on_another_day_is_a_story_of_its_own() -> None:
    other_day = DISPATCH.replace("３月５日", "３月２日")
    arts = _parse(page(other_day)).articles
    assert len(arts) == 3 and arts[1].dateline == "浙江日报温州３月２日讯"


def test_a_bare_dateline_names_no_bureau_and_opens_a_story() -> None:
    bare = "本报讯　" + DISPATCH.split("）", 1)[1]
    arts = _parse(page(bare)).articles
    assert len(arts) == 3 and arts[1].dateline == "本报讯"


def test_a_round_up_s_expected_dispatches_are_no_doubt_and_a_split_undoes_a_join() -> None:
    """What the README tells a maintainer: dispatches naming the story's day and sharing its
    words are what a round-up prints, no doubt (a weak one is: tests/test_parse_doubt_fits.py),
    and a [[split]] at a dispatch's dateline makes it an article of its own again."""
    text = page(DISPATCH, DISPATCH2)
    joined = _parse(text).articles[0]
    assert not any("opens with a dateline" in d for d in joined.doubts)
    toml = '[[split]]\nseed = "p.txt"\nat = "浙江日报温州３月５日讯"\n'
    result = parse_seed(SeedFile("p.txt", "p.txt", text), parse_corrections(toml).for_seed("p.txt"))
    assert conservation(text, result) == (0, 0)
    tea, dispatch, port = result.articles
    assert tea.headline == TEA_HEAD and len(tea.paragraphs) == len(TEA)
    assert dispatch.dateline == "浙江日报温州３月５日讯" and dispatch.headline is None
    assert port.headline == PORT_HEAD


def test_a_join_at_a_dated_text_s_dateline_makes_it_the_story_s_dispatch() -> None:
    """The README's other fix: a dispatch the parser left apart (filed on another day),
    joined by a [[join]] at its dateline."""
    text = page(DISPATCH.replace("３月５日", "３月２日"))
    toml = '[[join]]\nseed = "p.txt"\nat = "浙江日报温州３月２日讯"\n'
    result = parse_seed(SeedFile("p.txt", "p.txt", text), parse_corrections(toml).for_seed("p.txt"))
    assert conservation(text, result) == (0, 0)
    assert [a.headline for a in result.articles] == [TEA_HEAD, PORT_HEAD]
    assert result.articles[0].paragraphs[-1].startswith("浙江日报温州３月２日讯")


def _head(line: int, region: int = 0) -> Group:
    return Group([Unit("标题", line, 1)], region=region)


def test_headlines_printed_together_are_counted_where_they_are_printed() -> None:
    """A run of headlines with no story's text between them heads as many stories as it
    gives headlines to, whatever region index each carries (a banner paired with a story
    carries none: 0)."""
    bodies = [Body([], "hard", spans=[(s, s + 9)]) for s in (1, 11, 24)]
    # story 0 (1-10) and story 1 (11-20) headed by a group printed at 21-22, story 2 (24-33) by
    # the headline printed alone after it, at 35.
    result = Assignment(by_body={0: _head(21, region=1), 1: _head(22), 2: _head(35, region=2)})
    assert headed_regions(bodies, result) == [(21, 2), (35, 1)]
