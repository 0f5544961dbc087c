"""Grouping behaviour on synthetic articles (sitegen.group.group_articles)."""
from __future__ import annotations

import random
from collections import Counter
import re
from pathlib import Path

import pytest

from sitegen.group import group_articles, load_taxonomy
from sitegen.models import Article, Block, Theme

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "themes.toml", ROOT / "dictionary")


def art(seed: str, pos: int, headline: str, *paras: str) -> Article:
    return Article(seed=seed, position=pos, kicker=None, headline=headline, subtitle=None,
                   byline="本报记者 张三", dateline="本报讯",
                   blocks=tuple(Block("paragraph", p) for p in paras))


# Pairs of reports of the same event, written differently (different seeds/papers).
SAME_EVENT = {
    "forum": [
        art("a.txt", 1, "中国—中亚外长会晤在阿拉木图举行",
            "本报讯（记者 李明）4月26日，第六次中国—中亚外长会晤在哈萨克斯坦阿拉木图举行。外交部长王毅同中亚五国外长出席会晤。",
            "各方表示，将深化政治互信，推进共建“一带一路”合作，筹备好第二届中国—中亚峰会，推动构建更加紧密的中国—中亚命运共同体。",
            "会晤发表了新闻公报。哈萨克斯坦外长表示，中亚国家愿同中国加强互利合作，共同维护地区安全稳定。"),
        art("b.txt", 3, "凝聚共识 共建中国—中亚命运共同体",
            "新华社阿拉木图4月26日电 中国同中亚五国外长第六次会晤26日在阿拉木图举行，会晤发表新闻公报。",
            "王毅表示，中方愿同中亚国家一道，以峰会为引领，深化互信，拓展“一带一路”合作，维护地区和平稳定。",
            "中亚五国外长表示，中国是值得信赖的伙伴，各方将共同筹备中国—中亚峰会，推动双边和多边合作。"),
    ],
    "flood": [
        art("a.txt", 2, "某县遭遇强降雨 应急救援全力展开",
            "7月10日凌晨，某县遭遇强降雨，部分乡镇出现内涝和山洪灾害。县应急管理局立即启动防汛应急响应。",
            "消防救援人员和民警连夜转移受灾群众1200余人，抢修被冲毁的道路，排查地质灾害隐患点。",
            "目前，救援工作仍在进行中，暂无人员伤亡报告。"),
        art("c.txt", 1, "防汛救灾一线：连夜转移千余名群众",
            "受持续强降雨影响，某县多个乡镇发生山洪，当地迅速启动防汛应急响应，组织救援力量赶赴灾害现场。",
            "消防救援队伍、公安民警和基层干部挨家挨户排查隐患，累计转移受灾群众1200余人。",
            "应急管理部门提醒，强降雨仍将持续，要做好防汛救灾和安全防范工作。"),
    ],
    "farm": [
        art("a.txt", 3, "高标准农田助力小麦丰收",
            "眼下正是夏收时节，某县20万亩小麦陆续开镰收割。得益于高标准农田建设和良种推广，今年小麦单产同比提高。",
            "种植大户王师傅说，今年合作社统一供种、统一管理，农民增收有了保障。",
            "县农业农村局组织农机手跨区作业，确保颗粒归仓，为乡村振兴打下粮食基础。"),
        art("d.txt", 2, "麦浪翻滚夏收忙",
            "田野里麦浪翻滚，联合收割机来回穿梭。某县今年种植小麦20万亩，夏收工作全面展开。",
            "合作社负责人介绍，依托高标准农田和良种，小麦亩产明显提高，村民种粮收入增加。",
            "当地农业部门调配农机、做好粮食收储，确保农民丰产又丰收。"),
    ],
}

# Two off-taxonomy reports on the same topic (amateur astronomy) and a third on another.
OFF_TAXONOMY = [
    art("e.txt", 1, "英仙座流星雨迎来极大",
        "8月12日夜间，英仙座流星雨迎来极大，每小时天顶流量可达百颗以上。天文爱好者纷纷来到郊外观测流星。",
        "天文台专家提醒，观测流星雨宜选择远离城市灯光的地方，无需望远镜，用肉眼即可观测。"),
    art("f.txt", 1, "天文爱好者夜观英仙座流星雨",
        "一年一度的英仙座流星雨如约而至。在郊外的观测点，上百名天文爱好者架起相机，等待流星划过夜空。",
        "“今晚看到了二十多颗流星。”一位天文爱好者说。天文台表示，流星雨观测的最佳时间是后半夜。"),
    art("g.txt", 4, "年轻人爱上养猫",
        "近年来，养猫的年轻人越来越多，猫粮、猫砂等宠物用品走俏。一位宠物店老板说，进口猫粮很受欢迎。",
        "宠物医生提醒，猫咪饮食要均衡，不能只喂猫粮零食，还要定期驱虫和体检。"),
]


def items_of(articles):
    return [(f"articles/{a.seed[:-4]}-{a.position:02d}.html", a) for a in articles]


def all_items():
    arts = [a for pair in SAME_EVENT.values() for a in pair] + OFF_TAXONOMY
    return items_of(arts)


def test_same_event_pairs_share_a_theme_and_unrelated_do_not(taxonomy):
    items = all_items()
    r = group_articles(items, taxonomy)
    theme = {p: r.groupings[p].theme.slug for p, _ in items}
    by_event = {}
    for name, pair in SAME_EVENT.items():
        slugs = {theme[p] for p, _ in items_of(pair)}
        assert len(slugs) == 1, (name, slugs)
        by_event[name] = slugs.pop()
    assert by_event["forum"] == "diplomacy"
    assert by_event["flood"] == "law-security"
    assert by_event["farm"] == "agriculture-rural"
    assert len(set(by_event.values())) == 3  # unrelated events never share


def test_off_taxonomy_articles_too_few_for_a_theme_go_to_other_news(taxonomy):
    """Two reports on amateur astronomy and one on pets fit no configured theme: two are too
    few for an automatic theme (tests/test_group_navigation.py makes one of three), so all
    three are "Other news", listed last."""
    items = all_items()
    r = group_articles(items, taxonomy)
    off = {r.groupings[p].theme for p, _ in items_of(OFF_TAXONOMY)}
    assert off == {Theme(slug="other", name_en="Other news", name_zh="其他")}
    assert r.themes[-1].slug == "other" and not any(t.automatic for t in r.themes)
    assert "其他" not in r.texts_to_translate  # a label, not a text to machine-translate


def test_tags_link_articles_without_stopwords(taxonomy):
    items = all_items()
    r = group_articles(items, taxonomy)
    per_tag = Counter(t for g in r.groupings.values() for t in g.tags)
    for p, _ in items:
        tags = r.groupings[p].tags
        assert len(tags) <= 6, (p, tags)
        assert sum(per_tag[t] == 1 for t in tags) <= 1, (p, tags)  # at most one tag of its own
        for t in tags:
            assert t.zh not in taxonomy.stopwords
            assert re.fullmatch(r"t-[0-9a-f]{8,40}", t.slug)
            assert t.en is None and t.zh in r.texts_to_translate
            assert r.tags[t.slug] == t
        zh = [t.zh for t in tags]
        assert len(set(zh)) == len(zh)
    flood_tags = {t.zh for t in r.groupings[items[2][0]].tags}
    assert flood_tags & {"强降雨", "防汛", "山洪", "应急响应", "受灾群众"}


def test_related_are_3_to_5_best_first_never_self(taxonomy):
    items = all_items()
    r = group_articles(items, taxonomy)
    perms = {p for p, _ in items}
    for p, _ in items:
        rel = r.groupings[p].related
        assert 3 <= len(rel) <= 5 and p not in rel and set(rel) <= perms and len(set(rel)) == len(rel)
    for pair in SAME_EVENT.values():
        a, b = [p for p, _ in items_of(pair)]
        assert r.groupings[a].related[0] == b and r.groupings[b].related[0] == a


def test_deterministic_regardless_of_input_order(taxonomy):
    items = all_items()
    r1 = group_articles(items, taxonomy)
    shuffled = list(items)
    random.Random(7).shuffle(shuffled)
    r2 = group_articles(shuffled, taxonomy)
    assert r1.groupings == r2.groupings
    assert r1.themes == r2.themes and r1.texts_to_translate == r2.texts_to_translate
    assert list(r2.groupings) == [p for p, _ in shuffled]  # caller's order kept


def test_with_english_fills_names(taxonomy):
    r = group_articles(all_items(), taxonomy)
    names = {zh: f"EN:{zh}" for zh in r.texts_to_translate}
    e = r.with_english(names)
    for g in e.groupings.values():
        assert g.theme.name_en
        assert all(t.en for t in g.tags)
    assert e.texts_to_translate == []


def test_tiny_inputs(taxonomy):
    assert group_articles([], taxonomy).groupings == {}
    one = items_of([SAME_EVENT["farm"][0]])
    r = group_articles(one, taxonomy)
    g = r.groupings[one[0][0]]
    # nothing to link to: at most one tag, a proper name (or a term the user dictionary tags so)
    from sitegen.group.text import analyzer_for
    assert g.related == () and g.theme.slug == "agriculture-rural" and len(g.tags) <= 1
    assert all(analyzer_for(taxonomy).is_name(t.zh) for t in g.tags)
    with pytest.raises(ValueError, match="duplicate permalink"):
        group_articles(one + one, taxonomy)


def test_user_words_stay_out_of_the_parsers_dictionary(taxonomy):
    """Grouping adds the user dictionary and the keywords to its own segmenter only: the
    parser's ``is_word`` (jieba's default dictionary) must not change."""
    from sitegen.group.text import analyzer_for
    from sitegen.parse.text import is_word

    assert not is_word("上合组织")
    group_articles(all_items(), taxonomy)
    assert analyzer_for(taxonomy).tokenizer.has_word("上合组织")
    assert not is_word("上合组织") and is_word("合作")


def test_segmentation_matches_stock_jieba(taxonomy):
    """rjieba (jieba-rs) with the user dictionary and keywords segments the seeds exactly as
    the reference Python jieba with the same words added does."""
    import jieba

    from sitegen.group.text import analyzer_for

    reference = jieba.Tokenizer()
    for word, freq, tag in taxonomy.user_words:
        reference.add_word(word, freq, tag)
    for spec in taxonomy.themes:
        for kw in spec.keywords:
            if not reference.FREQ.get(kw):
                reference.add_word(kw, 500, None)
    ours = analyzer_for(taxonomy).tokenizer
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir())]
    assert sum(map(len, seeds)) > 20_000
    texts = seeds + [b.text for _, a in all_items() for b in a.blocks] + [a.headline for _, a in all_items()]
    texts += ["", "一", "的的的的", "ＡＢＣ 123 abc—中国·上合组织“一带一路”", "张三李四王五赵六在北京说",
              "铸牢中华民族共同体意识", "\n\n  \t"]
    for text in texts:
        assert ours.cut(text) == list(reference.cut(text)), text[:40]
    # The one known difference: characters beyond U+9FD5 (CJK extension B) are single tokens in
    # Python jieba and one run in jieba-rs. Neither makes a term (WORD_RE), nothing is lost.
    assert "".join(ours.cut("𠀀𠀁中文")) == "𠀀𠀁中文" and ours.cut("𠀀𠀁中文")[-1] == "中文"
    assert any("上合组织" in ours.cut(t) for t in seeds)  # a user word came out whole


# -- term cache and parallel word splitting ---------------------------------------------------

def _reference_pos(taxonomy):
    """POS classes as jieba's own table gives them, overlaid with the taxonomy's words."""
    from sitegen.group.jieba_tables import pos_table

    table = pos_table()
    own = {w: t for w, _, t in taxonomy.user_words if t}
    for spec in taxonomy.themes:
        for kw in spec.keywords:
            if kw not in own and kw not in table:
                own[kw] = "nz"
    return (lambda t: own.get(t) or table.get(t)), (lambda t: t in own or t in table)


def test_pos_classes_equal_jiebas_table(taxonomy):
    """POS classes come from the segmenter's tags (during segmentation, or looked up for
    terms cached by an earlier build); they equal jieba's table with the taxonomy's words."""
    from sitegen.group.text import Analyzer

    ref_pos, ref_known = _reference_pos(taxonomy)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir())]
    segmenting, looking_up = Analyzer(taxonomy), Analyzer(taxonomy)
    tokens = set()
    for text in texts:
        segmenting.article_terms("", "", text)
        tokens.update(segmenting.tokenizer.cut(text))
    tk = looking_up.tokenizer
    # Dictionary words that only the HMM joins (they split when tagged alone) are among them:
    # their class comes from tagging the text they were found in, or from jieba's table.
    assert any(tk.has_word(t) and len(tk.tag(t, False)) > 1 for t in tokens)
    tokens |= {kw for spec in taxonomy.themes for kw in spec.keywords}
    tokens |= {w for w, _, _ in taxonomy.user_words} | {"上合组织", "全意", "中美", "两国", "xyz", "一千"}
    assert len(tokens) > 3000
    for tok in sorted(tokens):
        assert segmenting.pos_of(tok) == ref_pos(tok), tok
        assert looking_up.pos_of(tok) == ref_pos(tok), tok
        assert segmenting.is_known(tok) == looking_up.is_known(tok) == ref_known(tok), tok


def test_grouping_does_not_load_jiebas_pos_table():
    """A build segments every article, which reports each token's class: jieba's 350,000-word
    POS table (~90 MB of memory) is not read."""
    import subprocess
    import sys

    code = (
        "from pathlib import Path\n"
        "from sitegen.group import group_articles, load_taxonomy\n"
        "from sitegen.group import jieba_tables\n"
        "from sitegen.parse import parse_seed\n"
        "from sitegen.seeds import read_seeds\n"
        f"root = Path({str(ROOT)!r})\n"
        "tax = load_taxonomy(root / 'themes.toml', root / 'dictionary')\n"
        "seeds = read_seeds(sorted((root / 'seeds').iterdir())).seeds\n"
        "items = [(f'{s.name}-{a.position}', a) for s in seeds for a in parse_seed(s).articles]\n"
        "r = group_articles(items, tax)\n"
        "assert len(r.groupings) == len(items) > 20\n"
        "print('POS table loaded:', jieba_tables._POS is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "POS table loaded: False" in out


def _snapshot(r):
    return (r.groupings, r.themes, r.tags, r.texts_to_translate, r.debug)


def many_items(n=60):
    """``n`` articles made of the fixture articles' paragraphs, recombined (some repeated)."""
    base = [a for pair in SAME_EVENT.values() for a in pair] + OFF_TAXONOMY
    rng = random.Random(3)
    out = []
    for k in range(n):
        a, b = rng.choice(base), rng.choice(base)
        paras = [blk.text for blk in a.blocks] + [blk.text for blk in b.blocks][: rng.randint(0, 2)]
        out.append(art(f"m{k // 8}.txt", k % 8 + 1, a.headline, *paras))
    return items_of(out)


def test_term_cache_hit_gives_identical_grouping(taxonomy, monkeypatch):
    items = all_items()
    cache: dict = {}
    cold = group_articles(items, taxonomy, term_cache=cache)
    assert set(cache) == set(cold.term_cache) and len(cache) == len(items)
    from sitegen.group.text import Analyzer

    def no_splitting(*args, **kwargs):
        raise AssertionError("a cached article was segmented again")

    monkeypatch.setattr(Analyzer, "article_terms", no_splitting)
    warm = group_articles(items, taxonomy, term_cache=cache)
    assert _snapshot(warm) == _snapshot(cold)
    assert _snapshot(group_articles(items, taxonomy, term_cache=dict(cold.term_cache))) == _snapshot(cold)


def test_term_cache_holds_only_this_builds_articles(taxonomy):
    items = all_items()
    first = group_articles(items, taxonomy)
    cache = dict(first.term_cache)
    cache["stale"] = "not a Terms object"
    edited = list(items[1:])
    p, a = items[0]
    edited.append((p, art(a.seed, a.position, a.headline + "（更新）", *(b.text for b in a.blocks))))
    second = group_articles(edited, taxonomy, term_cache=cache)
    assert len(second.term_cache) == len(items) and "stale" not in second.term_cache
    assert len(set(second.term_cache) - set(first.term_cache)) == 1  # the edited article's new key
    assert len(set(first.term_cache) - set(second.term_cache)) == 1  # its old key is dropped
    assert set(first.term_cache) | {"stale"} < set(cache)  # the mapping passed in only gains keys
    assert _snapshot(second) == _snapshot(group_articles(edited, taxonomy))


def _taxonomy_copy(tmp_path, extra_word=None, extra_stop=None, toml_edit=None):
    import shutil

    shutil.copytree(ROOT / "dictionary", tmp_path / "dictionary")
    text = (ROOT / "themes.toml").read_text(encoding="utf-8")
    if toml_edit:
        text = toml_edit(text)
    (tmp_path / "themes.toml").write_text(text, encoding="utf-8")
    if extra_word:
        with open(tmp_path / "dictionary" / "user_dict.txt", "a", encoding="utf-8") as f:
            f.write(f"\n{extra_word} 100 nz\n")
    if extra_stop:
        with open(tmp_path / "dictionary" / "stopwords.txt", "a", encoding="utf-8") as f:
            f.write(f"\n{extra_stop}\n")
    return load_taxonomy(tmp_path / "themes.toml", tmp_path / "dictionary")


@pytest.mark.parametrize("change", ["none", "user-word", "stopword", "headline-weight", "keyword"])
def test_term_cache_keys_change_with_the_dictionary(taxonomy, tmp_path, change):
    kwargs = {
        "none": {},
        "user-word": {"extra_word": "流星雨观测"},
        "stopword": {"extra_stop": "观测"},
        "headline-weight": {"toml_edit": lambda t: t.replace("[settings]", "[settings]\nheadline_weight = 4.0", 1)},
        "keyword": {"toml_edit": lambda t: t.replace('keywords = [', 'keywords = ["天文爱好者", ', 1)},
    }[change]
    other = _taxonomy_copy(tmp_path, **kwargs)
    items = all_items()
    base_keys = set(group_articles(items, taxonomy).term_cache)
    other_keys = set(group_articles(items, other).term_cache)
    if change == "none":
        assert other_keys == base_keys
    else:
        assert not other_keys & base_keys


def test_parallel_word_splitting_and_per_article_step_equal_sequential(taxonomy, monkeypatch):
    """Word splitting and the per-article step (neighbours, theme scores, tags) over forked
    workers give exactly the sequential result."""
    import sitegen.group.words as words
    import sitegen.parallel as parallel_mod
    from sitegen.group.text import analyzer_for

    items = many_items(70)
    analyzer = analyzer_for(taxonomy)
    texts = [words.article_texts(a, taxonomy.settings.max_body_chars) for _, a in items]
    sequential = [analyzer.article_terms(*t) for t in texts]
    monkeypatch.setattr(words, "PARALLEL_MIN_ARTICLES", 2)
    monkeypatch.setenv("SITEGEN_JOBS", "2")  # parallel_map forks even on a one-core machine
    parallel = words.split_texts(analyzer, texts)
    assert [(list(t.counts.items()), t.total) for t in parallel] == \
        [(list(t.counts.items()), t.total) for t in sequential]
    assert parallel_mod._SHARED is None  # no worker state left behind
    forked = group_articles(items, taxonomy)
    monkeypatch.setenv("SITEGEN_JOBS", "1")
    assert _snapshot(group_articles(items, taxonomy)) == _snapshot(forked)


def test_idf_median_is_the_upper_median_of_the_table():
    """The IDF table's median (the weight of words it lacks) is ``sorted(values)[n // 2]``,
    computed from the counts of its distinct values."""
    import random
    from collections import Counter

    from sitegen.group.jieba_tables import _upper_median, idf_table

    rng = random.Random(7)
    for n in (1, 2, 3, 10, 101):
        values = [rng.choice([0.5, 1.25, 3.0, 7.5, 11.0]) for _ in range(n)]
        assert _upper_median(Counter(values)) == sorted(values)[n // 2]
    assert _upper_median(Counter()) == 0.0
    table = idf_table()
    assert len(table) > 200_000 and table.median == sorted(_idf_file_as_dict().values())[len(table) // 2]


def _idf_file_as_dict() -> dict[str, float]:
    """jieba's idf.txt read the plain way: a dict of every line's word and value."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if line.strip()]
    assert all(len(r) == 2 for r in rows)
    table = {word: float(value) for word, value in rows}
    assert len(table) == len(rows)  # each word listed once (the median counts every line)
    return table


def test_idf_table_answers_batches_like_a_dict_of_the_file():
    """A batch lookup gives each word its value in idf.txt and the median to words the file
    lacks, for words asked before or not, and for bytes-identical text only."""
    from sitegen.group.jieba_tables import IdfTable

    data = "苹果 3.5\n香蕉 7.25\n樱桃 3.5\n苹果 9.0\n".encode()  # 苹果 twice: the last line counts
    table = IdfTable(data)
    assert len(table) == 4 and table.median == 7.25  # upper median of 3.5, 3.5, 7.25, 9.0
    assert table.lookup(["香蕉", "葡萄"]) == {"香蕉": 7.25, "葡萄": 7.25}
    assert table.lookup({"苹果": None, "樱桃": None, "香蕉": None}) == {"苹果": 9.0, "樱桃": 3.5, "香蕉": 7.25}
    assert table.lookup([]) == {}
    assert IdfTable(b"").median == 0.0 and IdfTable(b"").lookup(["x"]) == {"x": 0.0}


def test_idf_lookups_match_jiebas_file(taxonomy):
    """term_idf gives each word the value idf.txt lists for it, and the median to a word
    the file lacks."""
    import os

    import jieba

    from sitegen.group.text import analyzer_for

    analyzer = analyzer_for(taxonomy)
    path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for _, line in zip(range(2000), f)]
    assert len(rows) == 2000 and all(len(r) == 2 for r in rows)
    for word, value in rows[:20]:
        assert analyzer.term_idf(word) == float(value), word
    batch = analyzer.term_idfs([word for word, _ in rows] + ["不在词表里的词语"])
    assert all(batch[word] == float(value) for word, value in rows)
    assert analyzer.term_idf("不在词表里的词语") == batch["不在词表里的词语"] == analyzer.median_idf > 0


def test_table_columns_read_regular_and_irregular_files():
    """jieba's tables are split at C speed when every line has its fields, and line by line
    (keeping the well-formed lines) otherwise, for str and bytes alike."""
    from sitegen.group.jieba_tables import _columns

    assert _columns("a 1 n\nb 2 v\n", 3) == ["a", "1", "n", "b", "2", "v"]
    assert _columns(b"a 1\nb 2", 2) == [b"a", b"1", b"b", b"2"]
    assert _columns("a 1 n\nbroken\nb 2 v x\nc 3 v\n", 3) == ["a", "1", "n", "c", "3", "v"]


def test_splitting_words_page_by_page_first_gives_the_same_grouping():
    """The build segments each page's articles as its parse arrives, which also answers
    grouping's per-term questions (keyword matches, tag eligibility) early; grouping then
    must come out exactly as when it does everything itself. Each way runs in a fresh
    process, so no memo is warm from elsewhere."""
    import subprocess
    import sys

    code = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from sitegen.group import group_articles, load_taxonomy, split_words\n"
        "from sitegen.parse import parse_seed\n"
        "from sitegen.seeds import read_seeds\n"
        f"root = Path({str(ROOT)!r})\n"
        "tax = load_taxonomy(root / 'themes.toml', root / 'dictionary')\n"
        "cache, items = {}, []\n"
        "for seed in read_seeds(sorted((root / 'seeds').iterdir())).seeds:\n"
        "    articles = parse_seed(seed).articles\n"
        "    if sys.argv[1] == 'pages':\n"
        "        split_words(articles, tax, cache)\n"
        "    items += [(f'{seed.name}-{a.position}', a) for a in articles]\n"
        "r = group_articles(items, tax, term_cache=cache)\n"
        "assert len(r.groupings) == len(items) > 20\n"
        "print(hashlib.sha256(repr((r.groupings, r.themes, r.tags, r.texts_to_translate, r.debug))"
        ".encode()).hexdigest())\n"
    )
    outs = {way: subprocess.run([sys.executable, "-c", code, way], capture_output=True, text=True,
                                check=True).stdout.strip() for way in ("pages", "all")}
    assert len(outs["pages"]) == 64 and outs["pages"] == outs["all"]


def test_debug_scores_read_like_a_dict_in_the_callers_order(taxonomy):
    """``GroupResult.debug`` is made as it is read; it must still behave as the dict of
    every article's scores, in the caller's order, and survive ``with_english``."""
    items = list(reversed(all_items()))
    r = group_articles(items, taxonomy)
    assert list(r.debug) == [p for p, _ in items] and len(r.debug) == len(items)
    plain = dict(r.debug.items())
    assert r.debug == plain and repr(r.debug) == repr(plain)
    slugs = {t.slug for t in taxonomy.themes}
    for permalink, entry in plain.items():
        assert set(entry.scores) <= slugs and set(entry.own_scores) <= slugs
        assert all(v > 0 and round(v, 4) == v for v in (*entry.scores.values(), *entry.own_scores.values()))
        assert entry.reason in ("taxonomy", "event-cluster", "adopted", "nearest", "automatic", "other",
                                "single-merged")
        if entry.reason == "automatic":
            assert r.groupings[permalink].theme.automatic
        elif entry.reason == "other":
            assert r.groupings[permalink].theme.slug == "other"
        else:
            assert r.groupings[permalink].theme.slug in slugs
    assert any(entry.scores for entry in plain.values())
    with pytest.raises(KeyError):
        r.debug["no/such/article.html"]
    assert r.with_english({}).debug == plain


def test_idf_table_columns_are_cached_and_answer_as_the_file(tmp_path, monkeypatch):
    """jieba's IDF table is parsed once per machine: the next process loads its columns from
    the user's cache and answers every word (and the median) as the file does; a damaged
    cache file is parsed again and replaced."""
    import os

    import sitegen.group.jieba_tables as jt

    monkeypatch.setenv("SITEGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jt, "_IDF", None)
    parsed = jt.idf_table()  # parsed from the file, its columns stored
    source = jt._jieba_file(os.path.join("analyse", "idf.txt"))
    cached_path = jt.idf_cache_path(source)
    assert cached_path is not None and os.path.dirname(cached_path) == str(tmp_path)
    assert os.path.isfile(cached_path)
    monkeypatch.setattr(jt, "_IDF", None)
    cached = jt.idf_table()  # another process: from the cache
    assert cached is not parsed
    words = list(_idf_file_as_dict())[::97] + ["不在表里的词", "x"]
    assert cached.median == parsed.median and len(cached) == len(parsed)
    assert cached.lookup(words) == parsed.lookup(words) == jt.IdfTable(open(source, "rb").read()).lookup(words)

    with open(cached_path, "wb") as f:
        f.write(b"not marshal")
    monkeypatch.setattr(jt, "_IDF", None)
    again = jt.idf_table()
    assert again.lookup(words) == parsed.lookup(words)
    assert jt.IdfTable.from_columns(jt._load_columns(cached_path).columns()).median == parsed.median

    (tmp_path / "ro").write_text("a file where the cache directory would be")
    monkeypatch.setenv("SITEGEN_CACHE_DIR", str(tmp_path / "ro"))
    monkeypatch.setattr(jt, "_IDF", None)
    assert jt.idf_table().lookup(words) == parsed.lookup(words)  # parsed, nothing stored
    assert (tmp_path / "ro").read_text() == "a file where the cache directory would be"


def test_idf_table_reads_its_columns_from_the_cache(tmp_path, monkeypatch):
    """What the cache file holds is what the table answers (it is not parsed again)."""
    import marshal
    import os

    import sitegen.group.jieba_tables as jt

    monkeypatch.setenv("SITEGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jt, "_IDF", None)
    path = jt.idf_cache_path(jt._jieba_file(os.path.join("analyse", "idf.txt")))
    with open(path, "wb") as f:
        marshal.dump((["苹果".encode()], [2.5], 9.0), f)
    table = jt.idf_table()
    assert len(table) == 1 and table.lookup(["苹果", "香蕉"]) == {"苹果": 2.5, "香蕉": 9.0}
    monkeypatch.setattr(jt, "_IDF", None)
    with pytest.raises(ValueError):
        jt.IdfTable.from_columns((["a".encode()], [1.0, 2.0], 1.0))
