"""Stories cut by another story and resumed further down (issue 18): the text before the
break ends mid-sentence, the text after the interruption opens mid-sentence (with a
particle such as 的 that never starts a sentence), even when the headline of the story
printed in between stands right above it, or a word runs across the break (收|入). And the
headline that closes such a story: a wrapped headline whose first line repeats the story
above it is no column break."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse

from sitegen.parse.text import opens_mid_sentence, word_across

TEA_1 = "茶企负责人说，今年春茶品质好，茶叶订单比去年多，茶农的收入明显增加，春茶价格稳中有升，茶叶市场交易活跃。"


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n".join(p[k:k + width] for p in paras for k in range(0, len(p), width))


def test_a_paragraph_opening_with_a_bound_particle_opens_mid_sentence() -> None:
    assert opens_mid_sentence("的收入明显增加。")
    assert opens_mid_sentence("们走进茶园。")
    assert not opens_mid_sentence("的确，今年春茶品质好。")
    assert not opens_mid_sentence("茶农的收入明显增加。")


def _tea_interrupted_by(snow: list[str], cut: int) -> str:
    """Headlines after their bodies: the tea story breaks off at ``cut`` of its second
    paragraph, the ``snow`` story and its headline follow, then the rest of the tea story
    and its headline."""
    return (_wrapped([TEA[0], TEA_1[:cut]]) + "\n\n" + _wrapped(snow)
            + "\n\n牧区做好防寒保暖\n\n" + _wrapped([TEA_1[cut:], TEA[2]])
            + "\n\n春茶品质好茶农收入增\n")


def test_an_interrupted_story_resumes_under_the_headline_of_the_story_inside_it() -> None:
    # headlines after their bodies; the tea story breaks off mid-sentence (茶农|的收入), the
    # snow story and its headline follow, then the rest of the tea story and its headline.
    # The break and the snow story's first line were read as one column break.
    cut = TEA_1.index("的收入")
    arts = _parse(_tea_interrupted_by(SNOW, cut)).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1, TEA[2]]), "".join(SNOW)]
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "牧区做好防寒保暖"]


def test_a_story_after_a_headline_that_opens_normally_is_not_taken_as_a_resumption() -> None:
    # the same page with the port story's paragraphs in their own places: the open tea line
    # is a column break into the port story only if nothing opens mid-sentence below
    text = (_wrapped([TEA[0], TEA_1]) + "\n\n春茶品质好茶农收入增\n\n" + _wrapped(PORT)
            + "\n\n口岸通关效率持续提升\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1]), "".join(PORT)]


def test_a_word_cut_by_the_break_is_read_across_it() -> None:
    assert word_across("为种质资源保", "护和生物多样性发展")
    assert word_across("坚持在涉及彼此核心利", "益问题上相互支持")
    # a pair of characters that happens to be a word is no word in the cut of both sides
    assert not word_across("进一步扩大", "二是坚持互利合作")
    assert not word_across("茶叶订单比去年多，", "入冬以来")


def test_a_story_cut_inside_a_word_resumes_under_a_headline() -> None:
    # the tea story breaks off inside a word (收|入); the snow story, opened by a dateline,
    # and its headline follow; the rest of the tea story opens like any paragraph (入…)
    cut = TEA_1.index("的收入") + 2
    arts = _parse(_tea_interrupted_by(["本报讯 " + SNOW[0], SNOW[1]], cut)).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join([TEA[0], TEA_1, TEA[2]]), "".join(SNOW)]
    assert [a.headline for a in arts] == ["春茶品质好茶农收入增", "牧区做好防寒保暖"]


def test_a_two_line_headline_after_its_body_whose_first_line_repeats_it_ends_it() -> None:
    # a headline printed after its body, as wide as the column, over a second line that
    # says something else; the next story follows with no dateline: the first line alone
    # repeats the story above, so the chunk is that story's headline, not a column break
    head = ["春茶上市茶农忙着采摘新茶价格稳升", "外地客商纷至沓来"]
    assert [len(h) for h in head] == [16, 8]
    text = (_wrapped(TEA) + "\n\n" + "\n".join(head) + "\n\n" + _wrapped(SNOW)
            + "\n\n牧区做好防寒保暖\n")
    arts = _parse(text).articles
    assert ["".join(a.paragraphs) for a in arts] == ["".join(TEA), "".join(SNOW)]
    assert head[0] in "".join(x or "" for x in (arts[0].kicker, arts[0].headline, arts[0].subtitle))



def test_a_one_character_clause_opens_mid_sentence() -> None:
    """A paragraph whose first clause is one character before a comma (上，…) is the rest
    of a sentence cut by a column break; an interjection or answer opening speech is not."""
    assert opens_mid_sentence("上，一株株翠绿的红薯秧苗正悄然书写着乡村振兴的故事。")
    assert not opens_mid_sentence("对，就是要把茶叶品牌做响。")
    assert not opens_mid_sentence("一，茶园管护更精细。")
    assert not opens_mid_sentence("今年以来，茶农收入明显增加。")


def test_a_full_line_after_a_jump_marker_runs_on_past_the_column_break() -> None:
    """A story continued from page 3 jumps on (下转第7版); the next story's first line fills
    the column and ends open, a column break, then "上，一株株…": the line is that story's
    first, not a headline of the continuation above; the story's headline is printed under
    it. (A page laid out by tests/relayout.py, rng 21, cut down.)"""
    page = ('（上接第3版）元级、千\n'
        '亿元级出口产业集群。茂\n'
        '名、湛江、揭阳等东西两\n'
        '翼临港产业集群快速崛起,\n'
        '逐渐成为外贸新星。\n'
        '\n'
        '今年,广东将加强新领域\n'
        '新赛道制度供给,开展大\n'
        '规模应用示范行动,着力\n'
        '成为新技术、新产品、新\n'
        '场景的试验场和孵化地,\n'
        '扩大电子信息、智能家电、\n'
        '电动汽车等新品出口。\n'
        '\n'
        '在海外市场摸爬滚打多年,\n'
        '江门市新会区康美制品有\n'
        '限公司负责人黎永雄颇有\n'
        '心得,“我们依靠自主创新,\n'
        '不断应用新技术、推出新\n'
        '产品,从而适应新环境、\n'
        '新市场。”\n'
        '\n'
        '在开放合作中发展壮大,\n'
        '在转型升级中持续蝶变。\n'
        '广东外贸企业坚持以变应\n'
        '\n'
        '6月20日，游客在\n'
        '古城景区游览观光。\n'
        '■本报记者 王鹏 摄\n'
        '\n'
        '变、创新发展,自主性和\n'
        '内生力更强。\n'
        '\n'
        '先立后破、破立并举,以\n'
        '改革促开放\n'
        '\n'
        '位于东莞虎门港综合保税\n'
        '区的“东莞—香港国际空港\n'
        '中心”,由东莞联合香港机\n'
        '场集团共建。\n'
        '\n'
        '“过去,货物先从内地到香\n'
        '港,再到香港国际机场出\n'
        '口,要完成两次出入境手\n'
        '续;如今,所有手续可在空\n'
        '港中心提前完成,从工厂\n'
        '门到机舱门最快只需15小\n'
        '时。”黄埔海关所属沙田\n'
        '海关副关长高剑影介绍。\n'
        '\n'
        '粤港澳大湾区约75%的国\n'
        '际航空货物,经由香港国\n'
        '际机场转运海外。“东莞—\n'
        '香港国际空港中心”背后,\n'
        '是粤港两地在跨境航空物\n'
        '流方面的规则衔接、机制\n'
        '对接。\n'
        '\n'
        '以改革促开放,以开放促\n'
        '改革。粤港合作,正是生\n'
        '动实践。主动对接国际高\n'
        '标准经贸规则,推动广东\n'
        '自贸试验区提质增效,提\n'
        '升综合保税区开放能级和\n'
        '水平……锚定制度创新,广\n'
        '东始终坚持先立后破、破\n'
        '立并举,下好“先手棋”。\n'
        '（下转第7版）\n'
        '\n'
        '在洮南这片广袤的黑土地\n'
        '\n'
        '上，一株株翠绿的红薯秧\n'
        '苗正悄然书写着乡村振兴\n'
        '的故事。这个故事的执笔\n'
        '人，是洮南市黑水镇旭日\n'
        '村的田睿。十五载春华秋\n'
        '实，她以巾帼之志扎根乡\n'
        '土，用“小红薯”撬动“大\n'
        '产业”，铺就了一条薯香\n'
        '四溢的致富路。\n'
        '\n'
        '“我的根就在这儿，我的\n'
        '家在这儿，我希望带动家\n'
        '乡的每一个人都过上好日\n'
        '子。”这位80后“新农人”\n'
        '在洮南市黑水镇旭日村\n'
        '“小田蜜薯”种植基地自豪\n'
        '地向记者介绍。\n'
        '\n'
        '2011年，怀揣着对家乡的\n'
        '眷恋和对农村未来的期许，\n'
        '大学毕业的田睿毅然返乡\n'
        '创业。为了验证当地土壤\n'
        '与地瓜种类的适配性，田\n'
        '睿从土样分析、数据比对\n'
        '到走访论证，黑水镇周边\n'
        '近20万亩农田留下了她奔\n'
        '波的足迹。田睿说：“黑\n'
        '水镇的土地是纯的沙土地，\n'
        '而且日照时间长、温差大，\n'
        '种出来的红薯又甜又糯品\n'
        '相还好。”2013年，田睿\n'
        '成立了洮南市鸿晟马铃薯\n'
        '\n'
        '专业种植合作社和小田农\n'
        '产品有限公司，凭借优良\n'
        '品质迅速打开市场。\n'
        '\n'
        '2020年，田睿敏锐抓住电\n'
        '商风口，借力自媒体东风，\n'
        '并与自媒体达人合作开展\n'
        '\n'
        '民营经济高质量发展\n'
        '一线观察·企业家风采\n'
        '田睿：巾帼薯香飘绿野\n'
        '筑梦沃土新农人\n'
        '□本报记者 姜海月\n')
    arts = _parse(page).articles
    assert [a.headline for a in arts] == [None, "民营经济高质量发展一线观察·企业家风采田睿：巾帼薯香飘绿野筑梦沃土新农人"]
    assert arts[1].paragraphs[0].startswith("在洮南这片广袤的黑土地上，一株株")
    assert [len(a.paragraphs) for a in arts] == [8, 4]
