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


def test_a_continuation_headed_from_below_is_not_cut_for_a_headline_printed_above_it() -> None:
    """Each headline printed right after its body; the continued story (上接第1版) in the
    middle has its headline printed under it. By content the headline above that story
    (the previous story's, printed after it) heads it and its own is left over, which
    would cut a story off its end; every headline heading the body printed right above
    it explains the page about as well and leaves none over: no story is missing.
    (A page laid out by tests/relayout.py, rng 5, cut down.)"""
    page = ('\n'
        '本报讯(记者 古丽娜 通讯员 胡阿尼什·那斯哈提 别尔德别克·纳仁汗)4月23日,吉木乃县额河螯虾产业园区投入运营,标志着吉木乃县特色水产养殖产业迈向新征程。当日,园区投放了1万余尾亲本虾。\n'
        '\n'
        '吉木乃县额河螯虾产业园区于2024年开工建设,总投资2900万元。该园区按照原种场标准打造,是集额河螯虾人工繁育、资源保护、技术研发与示范、养殖技术培训及推广于一体的综合性产业基地。它的建成,为吉木乃县冷水渔业生物种质资源保护和生物多样性发展提供了有力支撑。\n'
        '\n'
        '据了解,额河螯虾产业园区运营后,将采用“企业+乡村”的创新模式,带动周边农户积极参与养殖,为乡村振兴注入强大动力,助力养殖户增收。同时,园区还将开展技术培训,提升养殖户专业技能,推动额河螯虾产业朝着规范化、规模化方向发展。\n'
        '\n'
        '吉木乃县额河螯虾产业园区投运\n'
        '首日万尾亲本虾入驻\n'
        '\n'
        '(上接第1版)帮扶先扶智。管理组持续加大教育教学支援力度,组织援青教师开展备课2553节、课时量7192节,家访273人次,组织教研活动597次,开展空中教研活动53次。积极办好聊城海北班,现有120名海北高中学子在聊城市就读,7届毕业生本科上线率96.4%,经验做法被中央统战部全国推广。\n'
        '\n'
        '医疗援青,对于刚察来说更是不可或缺。组织援青医师强化刚察医疗领域建设,完成1.7万次门诊;实施新技术44项,为刚察县全体城乡居民健康体检,惠及刚察群众3万余人次;开展光明行、健康体检等公益活动,免除医疗费用120余万元;采用新载体进行健康科普,举办52期,受益群众近2万人;完善医疗信息化平台建设,让刚察群众随时可问诊山东医生,获国家发展改革委通报表扬。\n'
        '\n'
        '担当作为,赢得了硕果满枝。截至目前,管理组共获市级领导批示6批次;代表山东迎接国家发展改革委综\n'
        '\n'
        '管理组始终突出党建引领,在第一时间成立支部委员会和工会组织,研究制定支委会办公会议规则等9项制度,实现用制度管人管事。组织开展“转作风 勇争先担使命 开新局”专项活动,持续擦亮“党旗红、圣湖蓝、草原绿、藏汉亲”党建品牌,以党建促援建,将每名同志的思想和行动统一到援青工作上来。\n'
        '\n'
        '深入开展第二批主题教育,发挥党组织领学示范作用,采取理论学习中心组学习、宣讲报告会、主题党日活动等形式,不断掀起学习热潮。组织开展联合党建、志愿服务等系列活动,建成援青之家文化墙和流动图书站,提升援青干部人才的思想境界,被山东省援青干部管理组授予2022年度“奋进新时代 共谱山海情”先进集体、2023年度“担当作为”先进集体荣誉称号,管理组4位同志记个人三等功。 (下转第2版)\n'
        '\n'
        '\n'
        '# 青海湖畔写担当\n'
        '\n'
        '\n'
        '(上接第1版)具体到聊城,近年来,聊城先后被列入黄河流域生态保护和高质量发展、京津冀协同发展联动区、大运河国家文化公园建设等国家战略,同时,还列入省会经济圈一体化、济南都市圈、鲁西崛起等省级战略,迎来千载难逢的发展机遇。\n'
        '\n'
        '“今年是全市高质量发展‘聚力攻坚突破年’,市委提出实施战略位势提升行动。市发展改革委作为牵头部门,将以全会精神为引领,充分发挥统筹协调作用,逐条逐项抓好推进落实,确保在提\n'
        '\n'
        '升区域影响力上实现突破。”市发展改革委党组成员、副主任赵书超表示。\n'
        '\n'
        '绿色是高质量发展的底色。习近平总书记在山东考察时指出,要大力推动发展方式绿色低碳转型。《决定》聚焦协同推进降碳、减污、扩绿、增长,明确建设两河沿岸先进制造业基地、绿色农产品生产供应基地、康养旅游度假基地、区域性商贸物流基地等措施,打造山东绿色低碳高质量发展的“两河明珠”城市。\n'
        '\n'
        '当前,聊城正在开展制造业强市三年攻坚突破行动,围绕推动制造业高端化、智能化、绿色化、集群化发展,持续做大做强工业经济、促进数实深度融合、加快绿色低碳发展,不断探索新路径新模式,产业结构逐步优化,为发展新质生产力打下了坚实基础。\n'
        '\n'
        '市工业和信息化局党组书记、局长解志超表示:“全市工信系统将把思想和行动统一到全会精神和市委决策部署上来,在构建现代化产业体系、推动数实深度融合、推进绿色低碳转型、创新集群化发展路径上展现新作为,以实际行动坚定扛牢‘走在前、挑大梁’的使命担当。”\n'
        '\n'
        '以全面深化改革扩大高水平开放,才能跑出高质量发展新速度。习近平总书记在山东考察时强调,以进一步全面深化改革为动力,打造高水平对外开放新高地,奋力谱写中国式现代化山东篇章。为此,全会要求全面深化改革扩大开放,加快提升位势能级,纵深推进服务融入全国统一大市场、要素市场化配置、国资国企等重点领域改革,推动更高水平对外开放,持续优化营商环境,激发高质量发展内生动力。\n'
        '\n'
        '“我们将以全会精神为引领,积极对接京津冀、长三角、粤港澳大湾区,深度参与济南都市圈建设,开展科技、产业、人才合作,扩大‘朋友圈’。围绕服务融入全国统一大市场、要素市场化配置综合改革、建设高标准市场体系等重点改革任务,创造更多聊城经验。”高峰说。\n'
        '\n'
        '民有所呼、我有所应,我有所为、民有所享。共享,就是要以民生为本,让人民共享发展成果。\n'
        '\n'
        '近年来,东阿县学习运用“千万工程”经验,重点打造“沿黄九品、品品连乡”、牛角店“莓好甜园”、高集“万亩粮食高产”3个乡村振兴示范片区,接续打造鱼山“黄河人家、鱼米水乡”衔接乡村振兴集中推进区,推动黄河风情景观带、鱼山曹植风景区、现代农业示范园多点串联,实现沿黄村庄共同富裕。\n'
        '\n'
        '(下转第8版)\n'
        '\n'
        '【节日专题】\n'
        '以新发展理念推动高质量发展\n'
        '\n')
    arts = _parse(page).articles
    assert [a.headline for a in arts] == ["吉木乃县额河螯虾产业园区投运首日万尾亲本虾入驻", "青海湖畔写担当",
                                          "以新发展理念推动高质量发展"]
    assert [len(a.paragraphs) for a in arts] == [3, 4, 9]
