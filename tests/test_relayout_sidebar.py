"""The ``sidebar`` habit (tests/relayout_sidebar.py, ``--wider sidebar``): a page drawn with it
is the page drawn without it plus boxes of background after some stories, each box filed in
the gold with its story (label as a subhead, paragraphs as the story's last), printed where
the gold says, and the parse still conserves every character."""
from __future__ import annotations

import collections
import unicodedata

import pytest

import relayout
import relayout_sidebar as sidebar_
import shared_files

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)


def counted(text: str) -> collections.Counter:
    return collections.Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


@pytest.fixture(scope="module")
def drawn():
    stories = relayout.load_stories()
    wide = [p for s in (1, 2, 3) for p in relayout.make_pages(30, s, stories, harsh=True, wider="sidebar")]
    plain = [p for s in (1, 2, 3) for p in relayout.make_pages(30, s, stories, harsh=True)]
    return wide, plain


def boxed(page: relayout.Page) -> list[dict]:
    return [g for g in page.gold["articles"] if "sidebar" in g["features"]]


@needs_scorer
def test_sidebars_appear_at_their_rate(drawn):
    wide, _plain = drawn
    arts = [g for p in wide for g in p.gold["articles"]]
    share = sum("sidebar" in g["features"] for g in arts) / len(arts)
    assert 0.05 <= share <= 0.2, share
    labels = {g["subheads"][-1] for p in wide for g in boxed(p)}
    assert len(labels) >= 8, labels  # labels and forms vary


@needs_scorer
def test_a_sidebar_is_filed_with_its_story(drawn):
    """Stories without a box are what they were; a story with one keeps its headline and lead
    and gains the label as its last subhead and one to three paragraphs; every character the
    habit adds is in the boxes."""
    wide, plain = drawn
    for w, p in zip(wide, plain):
        added = collections.Counter()
        assert w.gold["not_articles"] == p.gold["not_articles"], w.name
        assert len(w.gold["articles"]) == len(p.gold["articles"]), w.name
        for gw, gp in zip(w.gold["articles"], p.gold["articles"]):
            if "sidebar" not in gw["features"]:
                assert gw == gp, gw["id"]
                continue
            assert {k: v for k, v in gw.items() if k not in ("features", "subheads", "paragraphs", "last")} == \
                {k: v for k, v in gp.items() if k not in ("features", "subheads", "paragraphs", "last")}
            assert gw["subheads"][:-1] == gp["subheads"]
            extra = gw["paragraphs"] - gp["paragraphs"]
            assert 1 <= extra <= 3, gw["id"]
            label = gw["subheads"][-1]
            assert any(x in label for x in sidebar_.LABELS), label
            added += counted(label)
        diff = counted(w.text) - counted(p.text)
        assert added - diff == collections.Counter(), w.name  # the labels are new text
        assert counted(p.text) - counted(w.text) == collections.Counter(), w.name


@needs_scorer
def test_the_box_follows_its_story_end(drawn):
    """The label is on a line of its own after the story's printed end, its paragraphs after it."""
    wide, plain = drawn
    for w, p in zip(wide, plain):
        lines = w.text.splitlines()
        for gw, gp in zip(boxed(w), [g for g in p.gold["articles"] if g["id"] in {x["id"] for x in boxed(w)}]):
            label = gw["subheads"][-1]
            end = gp["last"].replace(" ", "")[-8:]  # a caption may stand inside the last 20
            ats = [i for i, line in enumerate(lines) if line == label]  # two boxes may share one
            assert any(end in "".join(lines[:at]).replace(" ", "") for at in ats), gw["id"]


@needs_scorer
def test_parse_conserves_sidebar_pages(drawn):
    wide, _plain = drawn
    pages = [p for p in wide if boxed(p)][:10]
    ev = relayout.evaluate(pages)
    assert ev.lost == 0 and ev.duplicated == 0 and not ev.bad_pages, ev.bad_pages


def test_background_never_from_the_page():
    story = relayout.Story("a", None, "题", None, None, None, [("paragraph", "甲乙丙丁。戊己庚辛壬癸子丑。")])
    other = relayout.Story("b", None, "题二", None, None, None,
                           [("paragraph", "今年全市新建公园二十座。绿地面积增加三成以上。")])
    rng = __import__("random").Random(1)
    for _ in range(20):
        paras = sidebar_.background(rng, story, [story, other], [story])
        assert "".join(paras) in "今年全市新建公园二十座。绿地面积增加三成以上。"
    assert sidebar_.background(rng, story, [story], [story]) == []
