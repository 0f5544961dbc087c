"""Person names the HMM found are glossed as names, not by their characters (s12b-names)."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from sitegen.gloss import gloss_writer
from sitegen.gloss.lexicon import load
from sitegen.gloss.names import is_person_name
from sitegen.group import load_taxonomy
from sitegen.models import Article, Block

REPO = Path(__file__).resolve().parents[1]


class Words:
    """A segmenter dictionary that has only ``words``."""

    def __init__(self, *words: str):
        self.words = set(words)

    def has_word(self, word: str) -> bool:
        return word in self.words


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(REPO / "themes.toml", REPO / "dictionary")


def _surname(text: str) -> bool:
    return text in ("欧阳", "司马")


@pytest.mark.parametrize("word, name", [
    ("陈勇森", True), ("王守荣", True), ("陈亮", True), ("赵戈", True), ("欧阳修文", True), ("欧阳修", True),
    ("于六国", False), ("蒙在致", False), ("李市长", False), ("王总", False), ("陈某", False),
    ("康养", False), ("全是", False), ("万说", False),  # 2 characters: only a distinct surname
    ("阿赫罗尔", False), ("陈", False), ("陈勇森林", False),  # no surname; too short; too long
])
def test_a_name_has_a_surname_and_a_plausible_given_name(word, name):
    assert is_person_name(word, _surname, Words().has_word) is name


def test_a_word_of_jiebas_dictionary_is_no_guessed_name():
    assert not is_person_name("陈勇森", _surname, Words("陈勇森").has_word)


def test_an_hmm_name_is_a_name_with_its_pinyin_and_no_parts():
    lexicon = load((), Words())
    g = lexicon.gloss("陈勇森")
    assert g.kind == "name" and not g.readings and g.parts == ()
    assert g.pinyin == "Chén Yǒng sēn"  # one syllable a character, as the pinyin ruby needs
    assert "陈勇森" not in lexicon.parts
    assert json.loads(lexicon.entry_json("陈勇森")) == ["Chén Yǒng sēn", [], "name"]
    # the surname read as a surname, where CC-CEDICT reads the character otherwise first
    assert lexicon.gloss("曾国强").pinyin.startswith("Zēng ")
    assert lexicon.gloss("单卫东").pinyin.startswith("Shàn ")
    assert lexicon.gloss("解志超").pinyin.startswith("Xiè ")  # not among CC-CEDICT's kept readings
    assert lexicon.gloss("欧阳修文").pinyin == "Ōu yáng Xiū wén"
    # not a name's shape: glossed by its parts as before
    assert lexicon.gloss("于六国").kind == "" and lexicon.gloss("于六国").parts


def test_without_the_segmenters_dictionary_no_name_is_guessed():
    g = load().gloss("陈勇森")
    assert g.kind == "" and g.parts == ("陈", "勇", "森") and g.pinyin == "chén yǒng sēn"


def test_a_user_dictionary_word_keeps_its_own_kind(taxonomy):
    word = next(w for w, _, tag in taxonomy.user_words if tag and tag.startswith("nr") and len(w) == 3)
    assert load(taxonomy.user_words, Words()).entry_json(word) == load(taxonomy.user_words).entry_json(word)


def test_the_site_dictionary_holds_a_name_without_its_characters(taxonomy):
    writer = gloss_writer(taxonomy)
    article = Article(seed="s.txt", position=1, kicker=None, headline="陈勇森走访农户",
                      subtitle=None, byline=None, dateline=None,
                      blocks=(Block("paragraph", "记者陈勇森说，产量增长。"),))
    _, words = writer.made(article)
    assert "陈勇森" in words and not {"勇", "森"} & set(words)
    assert writer.lexicon.gloss("陈勇森").kind == "name"
    (terms,) = writer.key_terms([article], [["陈勇森"]])
    assert terms[0].zh == "陈勇森" and terms[0].gloss == "name" and terms[0].pinyin == "Chén Yǒng sēn"


def _shards(site) -> dict:
    out = {}
    for f in (site / "glosses" / "words").glob("*.js"):
        text = f.read_text(encoding="utf-8")
        out.update(json.loads(text[text.index(",") + 1: text.rindex(")")]))
    return out


def _without_terms(html: str, words) -> str:
    for w in words:
        html = re.sub(rf'<dt lang="zh-Hans">{w}</dt><dd>.*?</dd>', "", html)
    return html


def test_a_build_changes_only_what_the_names_show(project, tmp_path, monkeypatch):
    """The seeds built with and without guessing names: the same files, which differ only in
    the names' entries (their characters' entries drop out), their pinyin over headline and
    lead, and their key terms."""
    from sitegen.build import build
    from sitegen.gloss import lexicon

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")  # the same build date on both
    monkeypatch.setattr(lexicon, "_LOADED", {})
    build(project)
    new = project.out_dir
    other = dataclasses.replace(project, out_dir=tmp_path / "before")
    monkeypatch.setattr(lexicon, "_LOADED", {})
    monkeypatch.setattr(lexicon, "is_person_name", lambda *a: False)
    build(other)
    old = other.out_dir
    files = sorted(p.relative_to(new) for p in new.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(old) for p in old.rglob("*") if p.is_file())
    a, b = _shards(old), _shards(new)
    names = {w for w in b if b[w] != a[w]}
    assert {"陈勇森", "李卫臣", "聂壮"} <= names and set(b) <= set(a)
    assert all(b[w][1:] == [[], "name"] and b[w][0].lower() == a[w][0].lower() for w in names if w != "解志超")
    assert all(len(w) == 1 for w in set(a) - set(b))  # the names' characters, no longer needed
    changed = [f for f in files if (old / f).read_bytes() != (new / f).read_bytes()]
    assert {"glosses"} <= {f.parts[0] for f in changed} <= {"glosses", "articles", "digest.json"}
    for f in changed:
        x, y = (old / f).read_text(encoding="utf-8"), (new / f).read_text(encoding="utf-8")
        if f.parts[0] == "articles":
            assert _without_terms(x, names) == _without_terms(y, names)
        elif f.name == "digest.json":
            dx, dy = json.loads(x), json.loads(y)
            for d in (dx, dy):
                for art in d["articles"]:
                    art["key_terms"] = [k for k in art["key_terms"] if k["zh"] not in names]
            assert dx == dy
        elif "words" not in f.parts:
            px, py = json.loads(x[x.index("(", 30) + 1:-3]), json.loads(y[y.index("(", 30) + 1:-3])
            assert px["a"].keys() == py["a"].keys()
            for gx, gy in zip(px["a"].values(), py["a"].values()):
                assert gx["b"] == gy["b"] and {w for w in gy["y"] if gy["y"][w] != gx["y"][w]} <= names
