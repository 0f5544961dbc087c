"""The wider habits of the page generator (tests/relayout_wider.py, ``parse_eval.py --wider``):
they are opt-in (the default pages do not move), they appear at the rates they are drawn at,
every character they add is a leftover the gold lists, and the parse still conserves every
character of the pages."""
from __future__ import annotations

import collections
import datetime
import random
import re
import unicodedata

import pytest

import relayout
import shared_files
import relayout_wider as wider_
from relayout_runin import RUNIN_FEATURES

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)



def counted(text: str) -> collections.Counter:
    """The characters score_parse.py's conservation check counts."""
    return collections.Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def conv(page: relayout.Page, text: str) -> str:
    """``text`` as the page prints it (half-width punctuation on some pages)."""
    return text.translate(relayout.HALF_WIDTH) if "halfwidth" in page_features(page) else text


def page_features(page: relayout.Page) -> set[str]:
    return {f for fs in page.features.values() for f in fs}


@pytest.fixture(scope="module")
def stories() -> list[relayout.Story]:
    return relayout.load_stories()


@pytest.fixture(scope="module")
def drawn(stories):
    """30 pages of RNG 1-3, with and without the wider habits, and each wider page's habits."""
    habits: dict[str, wider_.Wider] = {}

    class Recording(wider_.Wider):
        def __init__(self, name: str, names: frozenset[str]):
            super().__init__(name, names)
            habits[name] = self

    mp = pytest.MonkeyPatch()
    mp.setattr(relayout.wider_, "Wider", Recording)
    try:
        # sidebar and the run-in marks add article text, not leftovers:
        # tests/test_relayout_sidebar.py and test_relayout_runin.py check them
        habits_ = wider_.WIDER_FEATURES - {"sidebar"} - RUNIN_FEATURES
        wide = [p for s in (1, 2, 3) for p in relayout.make_pages(30, s, stories, harsh=True, wider=habits_)]
    finally:
        mp.undo()
    plain = [p for s in (1, 2, 3) for p in relayout.make_pages(30, s, stories, harsh=True)]
    return wide, plain, habits


@needs_scorer
def test_default_pages_stay_byte_identical(stories):
    """Other engineers tune on these sets: the option must not move a single default page
    (digests of 30 pages taken on ce330ee, before it existed; the harsh ones moved on s12-habits,
    which fixed two generator bugs: tests/test_relayout_gold_fixes.py)."""
    assert relayout.pages_digest(relayout.make_pages(30, 1, stories, harsh=True)) == \
        "c38b4d270f37e49ea0f756fcd28034d7e25ce9fa29e1a3d54475fcdfdde23c00"
    assert relayout.pages_digest(relayout.make_pages(30, 101, stories, harsh=True)) == \
        "01a8fce607d684024bb543d886f708cdc6b65cb2d606a54eda902fdaab42b0ac"
    assert relayout.pages_digest(relayout.make_pages(30, 1, stories)) == \
        "27dcfbbd9ca4cfdac7606d0aefd3b209f7208e54c4ba8c5b611ef608018cf89a"


@needs_scorer
def test_every_habit_appears_at_its_rate(drawn):
    wide, _plain, _habits = drawn
    pages = len(wide)
    feats = [page_features(p) for p in wide]
    share = {f: sum(f in fs for fs in feats) / pages for f in ("page_header", "editor_footer")}
    assert 0.3 <= share["page_header"] <= 0.6 and 0.2 <= share["editor_footer"] <= 0.5, share
    clean = [fs for fs in feats if "clean" in fs and fs & {"head_before", "head_after", "head_mixed"}]
    dense = sum("dense_lines" in fs for fs in clean) / len(clean)
    assert 0.4 <= dense <= 0.8 and not any("dense_lines" in fs and "wrapped" in fs for fs in feats), dense
    arts = [(p, g) for p in wide for g in p.gold["articles"]]
    kicked = [g for _p, g in arts if g["kicker"] and "kicker_glued" not in g["features"]
              and "md_heading" not in g["features"]]
    inline = sum("kicker_inline" in g["features"] for g in kicked) / len(kicked)
    assert 0.2 <= inline <= 0.5, inline
    quoted = sum("pull_quote" in g["features"] for _p, g in arts) / len(arts)
    assert 0.15 <= quoted <= 0.5, quoted


@needs_scorer
def test_habits_add_only_listed_leftovers(drawn):
    """A wider page is the page drawn without the option plus the habits: the same articles
    (gold but for the features), and every character it adds is in a leftover the gold lists
    under not_articles."""
    wide, plain, habits = drawn
    for w, p in zip(wide, plain):
        h = habits[w.name]
        added = h.leftovers + h.inserts.questions + h.inserts.prefixes_printed()  # answers' 王伟：
        assert counted(w.text) - counted(p.text) == counted("".join(added)), w.name
        assert counted(p.text) - counted(w.text) == collections.Counter(), w.name
        listed = collections.Counter(w.gold["not_articles"]) - collections.Counter(p.gold["not_articles"])
        assert listed == collections.Counter(conv(w, x[:20]) for x in h.leftovers), w.name
        # an interview's questions are paragraphs of its body (relayout_inserts): the rest alike
        skip = {"features", "paragraphs", "first", "last", "subheads"}
        strip = [{k: v for k, v in g.items() if k not in skip} for g in w.gold["articles"]]
        assert strip == [{k: v for k, v in g.items() if k not in skip} for g in p.gold["articles"]]
        for g, q in zip(w.gold["articles"], p.gold["articles"]):  # numbered subheads: 一、 + the subhead
            numbered = "numbered_subhead" in g["features"]
            assert len(g["subheads"]) == len(q["subheads"]) and all(
                a == b or (numbered and a.endswith(b) and a[0] in "一二三四五六七八九十（(")
                for a, b in zip(g["subheads"], q["subheads"])), (w.name, g["id"])
        more = [g["paragraphs"] - q["paragraphs"] for g, q in zip(w.gold["articles"], p.gold["articles"])]
        assert sum(more) == len(h.inserts.questions), w.name
        for g, q, n in zip(w.gold["articles"], p.gold["articles"], more):
            assert n == 0 or "qa_interview" in g["features"], (w.name, g["id"])
            assert n > 0 or (g["first"], g["last"]) == (q["first"], q["last"]), (w.name, g["id"])


@needs_scorer
def test_habits_print_as_described(drawn):
    wide, _plain, habits = drawn
    for w in wide:
        fs, lines = page_features(w), w.text.splitlines()
        if "dense_lines" in fs:
            assert "" not in lines, w.name
        printed = [conv(w, x) for x in habits[w.name].leftovers]
        if "page_header" in fs:
            assert lines[0] == printed[-1 - ("editor_footer" in fs)] and "日" in lines[0], w.name
        if "editor_footer" in fs:
            assert lines[-1] == printed[-1] and "编" in lines[-1], w.name
        for g in w.gold["articles"]:
            if "kicker_inline" in g["features"]:
                joined = "".join(w.text.split())
                assert any(f"{g['kicker']}{sep.strip()}{g['headline']}".replace(" ", "") in joined
                           for sep in wider_.KICKER_SEPARATORS), (w.name, g["id"])


def test_running_head_names_the_right_weekday():
    heads = [wider_.running_head(random.Random(seed)) for seed in range(40)]
    weekdays = [h for h in heads if "星期" in h]
    assert weekdays
    for head in weekdays:
        y, m, d = map(int, re.search(r"(\d{4})年(\d+)月(\d+)日", head).groups())
        assert f"星期{wider_.WEEKDAYS[datetime.date(y, m, d).weekday()]}" in head, head


def test_sentences_of_keeps_closed_sentences_without_quotes():
    assert wider_.sentences_of("甲乙丙。丁“戊”己！庚辛") == ["甲乙丙。"]


@needs_scorer
def test_parse_conserves_every_character_of_wider_pages(stories):
    """score_parse.py's own conservation check passes on every page."""
    scorer = relayout.load_scorer()
    pages = [p for s in (11, 12) for p in relayout.make_pages(20, s, stories, harsh=True, wider=True)]
    ev = relayout.evaluate(pages, scorer)
    assert ev.bad_pages == [] and (ev.lost, ev.duplicated) == (0, 0)
    for p in pages:
        seed = f"{p.name}.txt"
        mine = {"articles": [a for a in ev.parsed["articles"] if a["seed"] == seed],
                "leftovers": [x for x in ev.parsed["leftovers"] if x["seed"] == seed]}
        assert scorer.conservation(p.text, mine) == (0, 0), p.name


@needs_scorer
def test_one_habit_alone_prints_where_it_prints_among_all(drawn, stories):
    """Each habit draws from its own RNG: alone (``--wider pull_quote``) it marks the same
    articles it marks among all the habits, and no other habit shows."""
    wide, _plain, _habits = drawn
    for habit in ("pull_quote", "page_header", "kicker_inline"):
        alone = [p for s in (1, 2, 3) for p in relayout.make_pages(30, s, stories, harsh=True, wider=habit)]
        for a, w in zip(alone, wide):
            got = {k: habit in fs for k, fs in a.features.items()}
            assert got == {k: habit in fs for k, fs in w.features.items()}, (habit, a.name)
            assert not page_features(a) & (wider_.WIDER_FEATURES - {habit}), (habit, a.name)


def test_habits_are_named_or_all():
    assert wider_.habits_of(True) == wider_.habits_of("all") == wider_.WIDER_FEATURES
    assert wider_.habits_of("pull_quote, dense_lines") == {"pull_quote", "dense_lines"}
    with pytest.raises(ValueError, match="pull_quotes"):
        wider_.habits_of("pull_quotes")


def test_bench_option_refuses_an_unknown_habit(capsys):
    script = relayout.load_bench("parse_eval")
    assert script.main(["--wider", "pull_quotes", "--pages", "1", "--rng", "1"]) == 2
    assert "known:" in capsys.readouterr().err


@needs_scorer
def test_wider_eval_scores_the_same_articles_without_and_with_a_habit(capsys):
    script = relayout.load_bench("wider_eval")
    assert script.main(["--pages", "6", "--rng", "1", "--habits", "page_header"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert [r[0] for r in rows] == ["page_header"] and int(rows[0][1]) > 0, rows
    assert script.main(["--habits", "bogus"]) == 2
