"""Tags and themes a reader can navigate (issue 20), each rule on a small synthetic corpus."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from sitegen.group import group_articles, load_taxonomy
from sitegen.group.text import analyzer_for
from sitegen.models import Article, Block

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary")


def art(name: str, headline: str, *paras: str) -> tuple[str, Article]:
    a = Article(seed=f"{name}.txt", position=1, kicker=None, headline=headline, subtitle=None,
                byline=None, dateline=None, blocks=tuple(Block("paragraph", p) for p in paras))
    return f"articles/{name}.html", a


def tags_of(result, permalink: str) -> list[str]:
    return [t.zh for t in result.groupings[permalink].tags]


# Three reports on cotton in Kashgar, each with a word of its own that it repeats.
COTTON = [
    art("cotton-1", "喀什棉花喜获丰收", "喀什地区棉花进入采收期，棉农驾驶采棉机在棉田里忙碌。",
        "今年喀什棉花单产提高，采棉机作业面积扩大。棉农说，滴灌让棉花长得更好。"),
    art("cotton-2", "喀什棉农忙采收", "在喀什的棉田里，采棉机来回穿梭，棉花收购价格稳定。",
        "收购站排起长队，棉农把棉花送到轧花厂。轧花厂连夜加工皮棉，皮棉质量好。"),
    art("cotton-3", "棉花加工企业开足马力", "喀什一家轧花厂开足马力加工棉花，皮棉陆续发往内地纺织企业。",
        "纺织企业负责人说，喀什棉花纤维长、品质好。纺织订单充足，纺织工人三班倒。"),
]


def test_every_tag_links_to_another_article_but_one_name(taxonomy):
    items = COTTON + [art("meteor", "英仙座流星雨迎来极大", "英仙座流星雨迎来极大，天文爱好者来到郊外观测流星。",
                          "天文台提醒，观测流星雨宜远离城市灯光，肉眼即可观测流星。")]
    r = group_articles(items, taxonomy)
    per_tag = Counter(t for g in r.groupings.values() for t in g.tags)
    for p, _ in items:
        alone = [t.zh for t in r.groupings[p].tags if per_tag[t] == 1]
        assert len(alone) <= 1, (p, alone)  # at most one tag that leads nowhere ...
        assert all(analyzer_for(taxonomy).is_name(z) for z in alone), (p, alone)  # ... and a name
    for p, _ in COTTON:
        assert "喀什" in tags_of(r, p), tags_of(r, p)
        assert per_tag[next(t for t in r.groupings[p].tags if t.zh == "喀什")] == 3
    assert "滴灌" not in tags_of(r, COTTON[0][0])  # a word of one article only, not a name
    # the lone meteor report shares nothing: its only possible tag is a name of its own
    assert tags_of(r, items[-1][0]) in ([], ["英仙座"])


def test_fragments_are_no_tags_but_recognised_names_are(taxonomy):
    an = analyzer_for(taxonomy)
    assert an.taggable("棉花") and an.taggable("喀什")  # jieba's dictionary
    assert an.taggable("上合组织")  # the user dictionary
    assert not an.taggable("内病") and not an.taggable("外治")  # HMM fragments of 内病外治
    assert an.guessed_class("中伊在") == "ns" and not an.taggable("中伊在")  # a name glued to 在
    assert an.taggable("卢山冰") and an.is_name("卢山冰")  # a person the HMM recognises
    assert an.taggable("TikTok") and not an.taggable("X9043")  # a name, a train number
    items = [art(f"tariff-{i}", f"滥施关税纯属内病外治{i}", "有评论说，美方滥施关税是内病外治，内病外治治不好自己的病。",
                 f"内病外治的做法损人不利己，关税只会推高物价。第{i}篇评论。") for i in range(3)]
    r = group_articles(items, taxonomy)
    for p, _ in items:
        assert not {"内病", "外治", "内病外治"} & set(tags_of(r, p)), tags_of(r, p)


def test_a_word_cc_cedict_has_is_a_dictionary_word():
    from sitegen.group.cedict import cedict_has, words

    assert cedict_has("中华人民共和国") and cedict_has("天文台")
    assert not cedict_has("内病") and not cedict_has("且会")
    assert words() is words()  # loaded once


def test_cc_cedict_word_list_is_cached_and_read_back(tmp_path, monkeypatch):
    from sitegen.group import cedict

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cedict, "_WORDS", None)
    fresh = cedict.words()
    path = cedict.cache_path()
    assert path.parent == tmp_path / "cache" / "sitegen" and path.is_file()
    assert "天文台" in fresh and len(fresh) > 100_000
    # the next process reads the list, not the data file
    path.write_text(path.read_text(encoding="utf-8") + "\n测试用词", encoding="utf-8")
    monkeypatch.setattr(cedict, "_WORDS", None)
    assert cedict.cedict_has("测试用词") and cedict.words() == fresh | {"测试用词"}
    # a cache that cannot be written: the data file, every time
    (tmp_path / "ro").write_text("a file where the cache directory would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ro"))
    monkeypatch.setattr(cedict, "_WORDS", None)
    assert cedict.words() == fresh
    monkeypatch.setattr(cedict, "_WORDS", None)


METEOR = [
    art("m1", "英仙座流星雨迎来极大", "8月12日夜间，英仙座流星雨迎来极大，每小时天顶流量可达百颗以上。天文爱好者纷纷来到郊外观测流星。",
        "天文台专家提醒，观测流星雨宜选择远离城市灯光的地方，无需望远镜，用肉眼即可观测。"),
    art("m2", "天文爱好者夜观英仙座流星雨", "一年一度的英仙座流星雨如约而至。在郊外的观测点，上百名天文爱好者架起相机，等待流星划过夜空。",
        "今晚看到了二十多颗流星，一位天文爱好者说。天文台表示，流星雨观测的最佳时间是后半夜。"),
    art("m3", "流星雨观测指南", "英仙座流星雨是北半球三大流星雨之一，天文台建议天文爱好者选择晴朗无月的夜晚观测流星。",
        "观测流星雨不需要望远镜，躺在郊外的草地上仰望星空即可，天文爱好者还可以用相机拍摄流星。"),
]
PETS = art("pets", "年轻人爱上养猫", "近年来，养猫的年轻人越来越多，猫粮、猫砂等宠物用品走俏。宠物店老板说，进口猫粮很受欢迎。",
           "宠物医生提醒，猫咪饮食要均衡，不能只喂猫粮零食，还要定期驱虫和体检。")
FARM = [
    art("farm-1", "高标准农田助力小麦丰收", "眼下正是夏收时节，某县20万亩小麦陆续开镰收割。得益于高标准农田建设和良种推广，今年小麦单产同比提高。",
        "种植大户王师傅说，今年合作社统一供种、统一管理，农民增收有了保障。"),
    art("farm-2", "麦浪翻滚夏收忙", "田野里麦浪翻滚，联合收割机来回穿梭。某县今年种植小麦20万亩，夏收工作全面展开。",
        "合作社负责人介绍，依托高标准农田和良种，小麦亩产明显提高，村民种粮收入增加。"),
]


def test_three_similar_off_taxonomy_articles_share_an_automatic_theme_with_one_name(taxonomy):
    r = group_articles(METEOR + [PETS] + FARM, taxonomy)
    themes = {r.groupings[p].theme for p, _ in METEOR}
    assert len(themes) == 1
    auto = themes.pop()
    assert auto.automatic and auto.name_en == "" and auto.name_zh in r.texts_to_translate
    # one readable keyword that the three share, never a list of two
    assert auto.name_zh in {"流星雨", "英仙座", "流星", "天文爱好者", "天文台"} and "、" not in auto.name_zh
    # pets: no theme is near and no theme that holds others has its keywords: "Other news"
    assert r.groupings[PETS[0]].theme.slug == "other"


def test_two_similar_off_taxonomy_articles_are_too_few_for_a_theme(taxonomy):
    r = group_articles(METEOR[:2] + [PETS] + FARM, taxonomy)
    assert {r.groupings[p].theme.slug for p, _ in METEOR[:2] + [PETS]} == {"other"}
    assert not any(t.automatic for t in r.themes)
    assert [t.slug for t in r.themes][-1] == "other"  # listed last


def test_no_theme_holds_a_single_weakly_placed_article(taxonomy):
    # pets fits Economy weakly (消费, 进口), alone there it moves; too far from any other theme
    # it would be alone in "Other news", so it joins the theme that holds others whose
    # keywords it has (农村)
    pets = art("pets", PETS[1].headline, *(b.text for b in PETS[1].blocks), "农村的养猫人也多了。")
    r = group_articles([pets] + FARM, taxonomy)
    per_theme = Counter(g.theme.slug for g in r.groupings.values())
    assert per_theme == {"agriculture-rural": 3}, per_theme
    assert r.debug[pets[0]].reason == "single-merged"
    # without a keyword of any theme that holds others, it stays "Other news", however alone
    r = group_articles([PETS] + FARM, taxonomy)
    assert r.groupings[PETS[0]].theme.slug == "other" and "agriculture-rural" not in r.debug[PETS[0]].scores


def test_an_article_clearly_about_its_theme_keeps_it_alone(taxonomy):
    flood = art("flood", "某县遭遇强降雨 应急救援全力展开", "某县遭遇强降雨，部分乡镇出现内涝和山洪灾害。县应急管理局启动防汛应急响应。",
                "消防救援人员和民警连夜转移受灾群众，排查地质灾害隐患点。")
    r = group_articles([flood] + FARM, taxonomy)
    assert r.groupings[flood[0]].theme.slug == "law-security"


def with_min_score(taxonomy, value: float):
    return dataclasses.replace(taxonomy, settings=dataclasses.replace(taxonomy.settings, min_theme_score=value))


def test_an_article_near_a_theme_joins_it_rather_than_other_news(taxonomy):
    score = min(max(group_articles(FARM + METEOR, taxonomy).debug[p].scores.values()) for p, _ in FARM)
    # a threshold the farm reports miss, though by less than half: agriculture is near
    r = group_articles(FARM + METEOR, with_min_score(taxonomy, 1.5 * score))
    for p, _ in FARM:
        assert r.groupings[p].theme.slug == "agriculture-rural"
        assert r.debug[p].reason == "nearest"
    # a threshold they miss by more than half: no theme is near
    r = group_articles(FARM + METEOR, with_min_score(taxonomy, 2.5 * score))
    assert {r.groupings[p].theme.slug for p, _ in FARM} == {"other"}


def test_adding_unrelated_articles_changes_no_existing_theme_or_tag(taxonomy):
    base = COTTON + FARM + METEOR
    before = group_articles(base, taxonomy)
    after = group_articles(base + [PETS, art("pets-2", "猫咪体检要趁早", "宠物医生说，猫咪每年要做一次体检。",
                                               "很多年轻人养猫，宠物医院生意红火，猫粮销量上涨。")], taxonomy)
    for p, _ in base:
        assert after.groupings[p].theme == before.groupings[p].theme, p
        assert after.groupings[p].tags == before.groupings[p].tags, p


VISIT_BODY = ("5月20日，自治区党委书记在乌鲁木齐会见了哈萨克斯坦阿拉木图州代表团一行。",
              "双方就深化经贸合作、干部人才交流、职业技能培训等进行了交流。代表团还将赴喀什、伊犁等地学习考察，"
              "了解援疆项目、产业园区建设和对口支援工作情况。")


def test_the_headline_weighs_most_in_the_theme(taxonomy):
    """A provincial leader receiving a foreign delegation is diplomacy, whatever the body
    says about aid projects; the same body under an aid headline is paired assistance."""
    visit = art("visit", "自治区党委书记会见哈萨克斯坦代表团", *VISIT_BODY)
    aid = art("aid", "对口支援工作交流会在喀什召开", *VISIT_BODY)
    for item, slug in ((visit, "diplomacy"), (aid, "paired-assistance")):
        r = group_articles([item] + FARM, taxonomy)
        scores = r.debug[item[0]].own_scores
        assert max(scores, key=scores.get) == slug, scores


def test_a_lone_article_without_keywords_joins_its_most_similar_articles_theme(taxonomy):
    market = [art(f"pet-market-{i}", f"宠物经济带动消费增长{i}",
                  "宠物用品市场持续升温，猫粮、猫砂等商品销售额同比增长。宠物企业加大投资，扩大产能。",
                  f"业内人士说，年轻人养猫带动了消费，宠物经济成为新的增长点。第{i}篇。") for i in range(2)]
    r = group_articles([PETS] + market + FARM, taxonomy)
    assert {r.groupings[p].theme.slug for p, _ in market} == {"economy"}
    assert "economy" not in r.debug[PETS[0]].own_scores  # the premise: no keyword of Economy
    assert r.groupings[PETS[0]].theme.slug == "economy"


def test_lone_other_article_without_keywords_follows_its_nearest_neighbour():
    """``no_single_themes`` on hand-made scores: article 2 is alone in "Other news" and
    scores nothing anywhere; its most similar article's theme (1) takes it."""
    import numpy as np

    from sitegen.group.themes import no_single_themes
    from sitegen.group.taxonomy import Settings

    other = 2
    theme_of, reason = [0, 0, 1, 1, other], ["taxonomy"] * 4 + ["other"]
    final = np.array([[0.3, 0.0], [0.3, 0.0], [0.0, 0.3], [0.0, 0.3], [0.0, 0.0]])
    neighbours = [[], [], [], [], [(0.05, 2), (0.04, 0)]]
    no_single_themes(theme_of, reason, {}, final, final, [10.0] * 5, neighbours, Settings(), other)
    assert theme_of == [0, 0, 1, 1, 1] and reason[4] == "single-merged"
    # no neighbour either: it stays "Other news"
    theme_of = [0, 0, 1, 1, other]
    no_single_themes(theme_of, reason, {}, final, final, [10.0] * 5, [[]] * 5, Settings(), other)
    assert theme_of[4] == other


def test_the_reading_aids_headwords_are_the_same_words_and_shared_once(monkeypatch):
    from sitegen.gloss.cedict import compiled
    from sitegen.gloss.lexicon import Headwords
    from sitegen.group import cedict

    monkeypatch.setattr(cedict, "_WORDS", None)
    own = cedict.words()  # the word list, read from the data file's cache
    headwords = Headwords(compiled())
    # the same set of words: grouping may ask the reading aid's entries instead
    assert len(headwords) == len(own) and all(w in headwords for w in own)
    assert "天文台" in headwords and "内病" not in headwords and b"x" not in headwords
    monkeypatch.setattr(cedict, "_WORDS", None)
    cedict.share(headwords)
    assert cedict.words() is headwords and cedict.cedict_has("天文台") and not cedict.cedict_has("且会")
    cedict.share(own)  # the first kept: a list already loaded is not replaced
    assert cedict.words() is headwords
