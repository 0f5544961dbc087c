"""The run-in marks of the page generator (tests/relayout_runin.py, ``--wider arabic_subhead``
…): opt-in, each a page drawn without it plus its marks, printed where papers print them and
filed in the gold as GUIDE.md reads them."""
from __future__ import annotations

import collections
import re
import unicodedata

import pytest

import relayout
import relayout_runin as runin_
import shared_files

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)
DATED = re.compile(r"^(?:本报|新华社)[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电")


def counted(text: str) -> collections.Counter:
    return collections.Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


@pytest.fixture(scope="module")
def drawn():
    stories = relayout.load_stories()
    plain = [p for s in (1, 2) for p in relayout.make_pages(30, s, stories, harsh=True)]
    return plain, {h: [p for s in (1, 2) for p in relayout.make_pages(30, s, stories, harsh=True, wider=h)]
                   for h in sorted(runin_.RUNIN_FEATURES)}


def marked(pages, habit):
    return [(p, g) for p in pages for g in p.gold["articles"] if habit in g["features"]]


@needs_scorer
def test_each_mark_only_adds_to_the_page_drawn_without_it(drawn):
    plain, wide = drawn
    for habit, pages in wide.items():
        assert len(marked(pages, habit)) >= 5, habit
        for w, p in zip(pages, plain):
            assert counted(p.text) - counted(w.text) == collections.Counter(), (habit, w.name)
            assert [g["headline"] for g in w.gold["articles"]] == [g["headline"] for g in p.gold["articles"]]
            assert w.gold["not_articles"] == p.gold["not_articles"], (habit, w.name)


@needs_scorer
def test_a_closing_credit_runs_on_after_the_last_sentence_and_ends_the_gold_s_text(drawn):
    """As the pd1998 pool's gold reads a credit printed so: the last paragraph's, the field null."""
    plain, wide = drawn
    by_id = {g["id"]: g for p in plain for g in p.gold["articles"]}
    seen = 0
    for w, g in marked(wide["closing_inline"], "closing_inline"):
        q = by_id[g["id"]]
        field = "byline" if g["byline"] is None and q["byline"] else "dateline"
        assert g[field] is None and q[field], g["id"]
        assert g["last"].endswith("）") or g["last"].endswith(")"), g["id"]
        assert q[field] in g["last"] or g["last"] in f"{q['last']}（{q[field]}）", g["id"]
        flat = "".join(w.text.split())
        assert re.search(r"[。！？”!?][（(][^（）()]{2,60}[）)]", flat), w.name
        seen += 1
    assert seen >= 5


@needs_scorer
def test_marks_opening_paragraphs_are_the_paragraphs_own(drawn):
    _plain, wide = drawn
    for w, g in marked(wide["arabic_subhead"], "arabic_subhead"):
        assert all(re.match(r"\d\.|\d、|\d．|[①-⑩]", s) for s in g["subheads"]), g["subheads"]
    for w, g in marked(wide["roundup_dateline"], "roundup_dateline"):
        assert int(g["paragraphs"]) >= 4
    flat = {h: ["".join(p.text.split()) for p in pages] for h, pages in wide.items()}
    assert sum(bool(re.search(r"(?:本报|新华社)[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电", t))
               for t in flat["roundup_dateline"]) >= 5
    assert sum("一是" in t and "二是" in t or "第一，" in t and "第二，" in t or "其一，" in t
               for t in flat["ordinal_paragraphs"]) >= 5


@needs_scorer
def test_a_glued_label_opens_the_box_and_is_no_subhead(drawn):
    _plain, wide = drawn
    labels = tuple(f.format(x) for f in runin_.GLUED_FORMS for x in runin_.GLUED_LABELS)
    labels += tuple(x.translate(relayout.HALF_WIDTH) for x in labels)
    for w, g in marked(wide["sidebar_glued"], "sidebar_glued"):
        assert not any(s.startswith(labels) for s in g["subheads"]), g["id"]
        assert any(line.startswith(labels) and len(line) > 8 for line in w.text.splitlines()), w.name


def test_an_interviewer_names_the_story_by_its_headline_words():
    assert runin_.subject_of("春茶市场升温 茶企加快北上步伐", ["今年春茶市场持续升温，茶企纷纷北上。"]) == "春茶市场"
    assert runin_.subject_of("构建更加紧密的命运共同体", ["携手构建命运共同体。"]) == "命运共同体"
    assert runin_.subject_of(None, ["正文"]) is None
    assert runin_.subject_of("口岸通关提速", ["与标题无关的正文。"]) is None


def test_a_credit_runs_on_and_wraps_at_the_measure():
    out = ["发展。", ""]
    runin_.glue(out, runin_.Glued("（记者 王伟）", None))
    assert out == ["发展。（记者 王伟）"]
    out = ["方向发展。", ""]
    runin_.glue(out, runin_.Glued("（记者 古丽娜 通讯员 张三）", 8))
    assert "".join(out) == "方向发展。（记者 古丽娜 通讯员 张三）" and len(out) > 1 and "" not in out


def test_a_paragraph_numbered_already_takes_no_other_mark():
    for text in ("二、各方在友好气氛中", "四是坚持公平正义", "3.加快推进", "（一）总体要求", "第二，要加强", "②强化保障"):
        assert runin_.enumerated(text), text
    for text in ("一年来，各地", "第一季度，口岸货运量", "二十年来"):
        assert not runin_.enumerated(text), text
