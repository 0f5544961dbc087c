"""Self-doubt from how a headline line is printed and where it stands between the texts of
the page (sitegen/parse/doubt_layout.py): each cue on a case where it must fire and on
cases where it must not, in other papers' wordings and separators."""
from __future__ import annotations

from types import SimpleNamespace

from sitegen.parse import doubt_layout
from sitegen.parse.doubts import Signals
from sitegen.parse.doubt_cues import Cues
from sitegen.parse.headlines import Group, Unit


def _block(*titles: str, line: int = 20) -> Group:
    return Group([Unit(t, line + k, 1) for k, t in enumerate(titles)])


def test_a_kicker_joined_to_its_headline_by_a_dot_on_one_line_is_doubted() -> None:
    for line in ("民营经济高质量发展一线观察·企业家风采·田睿：巾帼薯香飘绿野筑梦沃土新农人",
                 "乡村振兴看今朝 · 山区小镇引来百家果蔬加工企业",  # spaced dot, another paper's kicker
                 "两会特别报道・代表委员热议科技创新赋能高质量发展"):  # the Japanese middle dot
        assert doubt_layout.dot_join(_block(line)) == (20, line)


def test_dots_inside_a_name_or_a_series_name_are_no_joined_titles() -> None:
    for line in ("民营经济高质量发展一线观察·企业家风采",  # a series name: short after the dot
                 "艾尔肯·吐尼亚孜出席座谈会并讲话",  # a transliterated name: short before the dot
                 "宇航员戴维·沃尔夫返回地面",
                 "中国·西安哈萨克斯坦码头投运"):
        assert doubt_layout.dot_join(_block(line)) is None
    # kicker and headline on lines of their own: each line read alone
    assert doubt_layout.dot_join(_block("民营经济高质量发展一线观察·企业家风采", "田睿：巾帼薯香飘绿野")) is None


def test_a_title_reading_like_running_text_is_doubted() -> None:
    assert doubt_layout.prose_title(_block("鲍泰利还指出，东南亚金融危机")) == (20, "鲍泰利还指出，东南亚金融危机")
    assert doubt_layout.prose_title(_block("春茶开采", "“时下，如此好好先生")) == (21, "“时下，如此好好先生")
    assert doubt_layout.prose_title(_block("市长表示，今年将新建三所学校")) is not None


def test_headlines_naming_a_speaker_or_quoting_a_whole_clause_are_no_running_text() -> None:
    for title in ("李鹏强调：加快改革步伐",  # the speaker named with a colon
                  "“现在生活越来越好，日子比冰糖还甜”",  # a quoted headline's first clause is long
                  "风成于上，俗化于下",
                  "说变就变的天气考验春耕"):
        assert doubt_layout.prose_title(_block(title)) is None


def _body(line: int, last: int):
    return SimpleNamespace(line=line, spans=[(line, last)], paras=[])


def _marks(bodies, heads: dict[int, Group], signals: list[Signals]) -> list[Signals]:
    doubt_layout.mark(bodies, SimpleNamespace(by_body=heads), signals)
    return signals


def test_a_headline_between_its_text_and_a_headless_next_text_is_doubted() -> None:
    bodies = [_body(1, 10), _body(14, 30)]
    out = _marks(bodies, {0: _block("春茶上市茶农增收", line=12)}, [Signals(match=0.6), Signals()])
    assert out[0].next_headless == (12, 14)
    assert out[1].next_headless is None


def test_no_next_headless_doubt_when_the_headline_stands_over_its_text_or_the_next_is_continued() -> None:
    bodies = [_body(3, 10), _body(14, 30)]
    over = _marks(bodies, {0: _block("春茶上市茶农增收", line=1)}, [Signals(match=0.6), Signals()])
    assert over[0].next_headless is None  # printed above its own text
    bodies = [_body(1, 10), _body(14, 30)]
    continued = _marks(bodies, {0: _block("春茶上市茶农增收", line=12)},
                       [Signals(match=0.6), Signals(continuation=True)])
    assert continued[0].next_headless is None  # the next text says where it comes from (上接)
    headed = _marks(bodies, {0: _block("春茶上市茶农增收", line=12), 1: _block("口岸通关效率提升", line=32)},
                    [Signals(match=0.6), Signals(match=0.5)])
    assert headed[0].next_headless is None


def test_a_headline_over_a_text_opening_mid_sentence_is_doubted() -> None:
    bodies = [_body(3, 10), _body(14, 30)]
    heads = {0: _block("春茶上市茶农增收", line=1), 1: _block("口岸通关效率提升", line=12)}
    out = _marks(bodies, heads, [Signals(match=0.6), Signals(match=0.5, opens_mid=True)])
    assert out[1].mid_headed == (12, 14)
    assert out[0].mid_headed is None


def test_a_headline_another_text_covers_clearly_better_is_doubted() -> None:
    bodies = [_body(3, 10), _body(14, 30)]
    heads = {0: _block("春茶上市茶农增收", line=1)}
    clearly = _marks(bodies, heads, [Signals(match=0.3, cues=Cues(rival=(0.6, 14))), Signals()])
    assert clearly[0].better_text == (1, 14)
    about = _marks(bodies, heads, [Signals(match=0.5, cues=Cues(rival=(0.6, 14))), Signals()])
    assert about[0].better_text is None  # within the weighted cue's reach only


def _lead(no: int, hard: bool = False):
    return [SimpleNamespace(hard_start=hard, chunks=[SimpleNamespace(lines=[SimpleNamespace(no=no)])])]


def test_a_lead_going_on_from_running_text_that_went_to_no_text_is_doubted() -> None:
    page = ["尼加拉瓜反政府武装全部被遣散", "", "在我国众多的高等科研教育单位中，有一间独具特色的、也", "",
            "是我国唯一的以热带作物为主攻方向的单位。"]
    assert doubt_layout.under_prose(_lead(5), page, [(5, 5)]) == (5, 3)


def test_no_under_prose_doubt_over_a_title_a_finished_sentence_a_text_or_a_dateline() -> None:
    lead = "是我国唯一的以热带作物为主攻方向的单位。"
    title = ["", "世行高级官员指出中国是稳定亚洲金融积极因素", "", lead]
    assert doubt_layout.under_prose(_lead(4), title, [(4, 4)]) is None  # no clause mark: a title
    done = ["", "会议由市长主持，各界代表出席。", "", lead]
    assert doubt_layout.under_prose(_lead(4), done, [(4, 4)]) is None  # a finished sentence
    running = ["", "在我国众多的高等科研教育单位中，有一间独具特色的、也", "", lead]
    assert doubt_layout.under_prose(_lead(4), running, [(2, 2), (4, 4)]) is None  # another text's line
    assert doubt_layout.under_prose(_lead(4, hard=True), running, [(4, 4)]) is None  # a dateline opens it


def _boxed(line: int, first: str, subhead: bool = True):
    return SimpleNamespace(line=line, spans=[(line, line + 5)], paras=[SimpleNamespace(raw=first, subhead=subhead)])


def test_a_headless_text_opening_with_a_box_label_after_a_story_is_doubted_on_that_story() -> None:
    bodies = [_boxed(3, "记者从省文化厅获悉，", subhead=False), _boxed(12, "")]
    labels = [doubt_layout.box_label(bodies[0], ()), doubt_layout.box_label(bodies[1], ["【链接】"])]
    assert labels == [None, "【链接】"]
    assert doubt_layout.box_after(bodies, [True, False], labels) == [(12, "【链接】"), None]
    # another paper's label, kept in the text as its first subhead
    other = [_boxed(3, "记者从省文化厅获悉，", subhead=False), _boxed(12, "小贴士：")]
    labels = [doubt_layout.box_label(b, ()) for b in other]
    assert doubt_layout.box_after(other, [True, False], labels)[0] == (12, "小贴士：")


def test_no_box_doubt_when_the_next_text_is_headed_opens_with_prose_or_a_long_subhead() -> None:
    bodies = [_boxed(3, "记者从省文化厅获悉，", subhead=False), _boxed(12, "【链接】")]
    labels = [doubt_layout.box_label(b, ()) for b in bodies]
    assert doubt_layout.box_after(bodies, [True, True], labels) == [None, None]  # it has a headline of its own
    prose = [bodies[0], _boxed(12, "据了解，今年全省共有三百余支文艺小分队下乡演出。", subhead=False)]
    labels = [doubt_layout.box_label(b, ()) for b in prose]
    assert doubt_layout.box_after(prose, [True, False], labels) == [None, None]
    long_sub = [bodies[0], _boxed(12, "一、农村文化设施建设取得新进展")]  # a subhead, not a box's label
    labels = [doubt_layout.box_label(b, ()) for b in long_sub]
    assert doubt_layout.box_after(long_sub, [True, False], labels) == [None, None]


def test_a_box_label_is_short_and_printed_as_a_label() -> None:
    for label in ("【链接】", "〖知识链接〗", "■ 延伸阅读", "◆相关新闻", "背景：", "小贴士:"):
        assert doubt_layout.is_box_label(label), label
    for line in ("港口通关提速", "【链接】春茶上市以来茶农忙着采摘", "记者：这是为什么？", "相关链接。", "一、"):
        assert not doubt_layout.is_box_label(line), line


def test_the_box_starts_at_its_label_after_some_of_the_story() -> None:
    paras = [SimpleNamespace(raw=t) for t in ("春茶上市。", "茶农增收。", "【链接】", "口岸通关提速。")]
    assert doubt_layout.box_from(paras) == 2
    assert doubt_layout.box_from(paras[2:]) == 2  # a label first is no box after a story
    assert doubt_layout.box_from(paras[:3]) == 3  # a label with nothing under it neither


def _text(first: str):
    return SimpleNamespace(line=30, spans=[(30, 40)], paras=[SimpleNamespace(raw=first, subhead=False)])


def test_a_headed_text_opening_with_a_one_character_clause_is_doubted() -> None:
    for first in ("议，国家体委篮球运动管理中心决定取消本赛季比赛。", "会；代表们审议了政府工作报告。"):
        out = _marks([_text(first)], {0: _block("本赛季男篮职业联赛取消", line=28)}, [Signals(match=0.6)])
        assert out[0].mid_headed == (28, 30), first


def test_a_story_opening_with_a_word_or_a_speaker_label_is_no_one_character_clause() -> None:
    for first in ("近日，国家体委决定取消本赛季比赛。", "问：今年的比赛为什么取消？", "１，本赛季比赛取消。"):
        out = _marks([_text(first)], {0: _block("本赛季男篮职业联赛取消", line=28)}, [Signals(match=0.6)])
        assert out[0].mid_headed is None, first


def test_a_first_title_leaning_on_a_title_before_it_is_doubted() -> None:
    for title in ("同比增长18.4%", "环比下降2.1个百分点", "其中出口增长三成", "较去年同期多出一成", "１８．４％"):
        assert doubt_layout.leaning_title(_block(title)) == (20, title), title


def test_a_title_standing_on_its_own_or_after_its_main_title_is_no_leaning_title() -> None:
    for title in ("同心共筑命运共同体", "口岸进出口货运量增长18.4%", "比赛今日开幕", "2025年民族团结进步教育月活动启动"):
        assert doubt_layout.leaning_title(_block(title)) is None, title
    # the main title first, the leaning subtitle under it: a whole block
    assert doubt_layout.leaning_title(_block("塔克什肯口岸上半年货运量创新高", "同比增长18.4%")) is None


def test_a_kicker_joined_by_a_dot_to_a_title_of_clauses_is_doubted() -> None:
    for line in ("锲而不舍落实中央八项规定精神·风成于上，俗化于下",
                 "锲而不舍落实中央八项规定精神 · 风成于上，俗化于下",
                 "深入学习贯彻全会精神·稳中求进，以进促稳"):
        assert doubt_layout.dot_join(_block(line)) == (20, line), line


def test_a_name_or_a_series_name_before_clauses_is_no_dot_join() -> None:
    for line in ("美宇航员安德鲁·托马斯，返回地面",  # a name's part is shorter than a clause
                 "民营经济高质量发展一线观察·企业家风采 田睿：巾帼薯香飘绿野"):  # a space ends the title
        assert doubt_layout.dot_join(_block(line)) is None, line
