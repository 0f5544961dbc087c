"""The editors' notes and interviews of the page generator (tests/relayout_inserts.py,
``--wider editor_note,qa_interview``): printed where real papers print them, with the gold
GUIDE.md-minded choices (a note is a leftover, a question a paragraph of the body), and each
alone prints where it prints among all the habits."""
from __future__ import annotations

import random
import re


import pytest

import relayout
import relayout_inserts as inserts_
import shared_files

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)


@pytest.fixture(scope="module")
def wide():
    stories = relayout.load_stories()
    return stories, [p for s in (1, 2) for p in relayout.make_pages(30, s, stories, harsh=True, wider=True)]


@needs_scorer
def test_notes_and_interviews_appear_at_their_rates(wide):
    _stories, pages = wide
    arts = [g for p in pages for g in p.gold["articles"]]
    noted = sum("editor_note" in g["features"] for g in arts) / len(arts)
    asked = sum("qa_interview" in g["features"] for g in arts) / len(arts)
    assert 0.05 <= noted <= 0.3 and 0.04 <= asked <= 0.3, (noted, asked)
    pictured = sum("photo_caption" in g["features"] for g in arts) / len(arts)
    assert 0.05 <= pictured <= 0.4, pictured


@needs_scorer
def test_a_note_is_a_leftover_printed_next_to_its_story(wide):
    """Every note or afterword the gold lists as a leftover is printed on the page, and no
    article's body holds the words 编者 (the note is not the lead)."""
    _stories, pages = wide
    seen = 0
    for p in pages:
        flat = "".join(p.text.split())
        notes = [x for x in p.gold["not_articles"] if x.startswith(("【编", "编", "〔编", "■编"))]
        for x in notes:
            assert "".join(x.split()) in flat, (p.name, x)
            seen += 1
        for g in p.gold["articles"]:
            assert "编者" not in g["lead"] and not g["lead"].startswith("编后"), (p.name, g["id"])
    assert seen > 5


@needs_scorer
def test_questions_are_paragraphs_before_their_answers(wide):
    """An interview's question is one paragraph of its body, on a line (or lines) of its own,
    after the lead; the lead itself is never a question."""
    _stories, pages = wide
    asked = 0
    for p in pages:
        lines = p.text.splitlines()
        for g in p.gold["articles"]:
            if "qa_interview" not in g["features"]:
                continue
            asked += 1
            assert not g["lead"].startswith(tuple(a.strip() for a in inserts_.ASKERS)), (p.name, g["id"])
            askers = tuple(inserts_.ASKERS) + tuple(a.translate(relayout.HALF_WIDTH) for a in inserts_.ASKERS)
            starts = [i for i, line in enumerate(lines) if line.startswith(askers)]
            assert starts and all(lines[i - 1] == "" or "dense_lines" in g["features"] for i in starts)
    assert asked > 5


@needs_scorer
def test_each_insert_alone_prints_where_it_prints_among_all(wide):
    stories, pages = wide
    # the run-in marks give way to these where both fall on one paragraph (test_relayout_runin)
    for habit in sorted(inserts_.INSERT_FEATURES - inserts_.RUNIN_FEATURES):
        alone = [p for s in (1, 2) for p in relayout.make_pages(30, s, stories, harsh=True, wider=habit)]
        for a, w in zip(alone, pages):
            assert {k: habit in fs for k, fs in a.features.items()} == \
                {k: habit in fs for k, fs in w.features.items()}, (habit, a.name)


def test_photo_captions_take_the_forms_papers_print() -> None:
    forms = {inserts_.photo_caption(random.Random(seed)) for seed in range(60)}
    assert any(f.startswith("图为") for f in forms) and any(f.startswith("制图：") for f in forms)
    assert any(f.startswith("▲") and f.endswith("）") for f in forms)
    assert sum(not f.endswith("摄") for f in forms) > len(forms) // 2  # the other captions end so


def test_framed_line_prints_note_line_and_afterword():
    line = inserts_.Framed("正文第一行", before=["【编者按】甲乙。"])
    line = inserts_.Framed(line, after=["编后：丙丁。"])
    assert line == "正文第一行"
    assert inserts_.printed(line) == ["【编者按】甲乙。", "", "正文第一行", "", "编后：丙丁。"]
    assert inserts_.printed("正文") == ["正文"]


def test_questions_go_before_their_answers_in_the_gold():
    ins = inserts_.Inserts("x", frozenset({"qa_interview"}), lambda text: None)
    blocks = [("paragraph", "导语。"), ("paragraph", "答一。"), ("subhead", "小标题"), ("paragraph", "答二。")]
    ins.asked = [(1, "记者：问一？"), (3, "问：问二？")]
    assert ins.with_questions(blocks) == [("paragraph", "导语。"), ("paragraph", "记者：问一？"),
                                          ("paragraph", "答一。"), ("subhead", "小标题"),
                                          ("paragraph", "问：问二？"), ("paragraph", "答二。")]
    assert inserts_.Inserts("y", frozenset(), lambda text: None).with_questions(blocks) == blocks



def test_an_answer_is_printed_with_its_prefix_and_kept_so_in_the_gold():
    """An answer after a question opens with who says it (name or 答：), re-wrapped with the
    prefix at the column's measure; the gold paragraph is the answer with its prefix."""
    ins = inserts_.Inserts("x", frozenset({"qa_interview"}), lambda text: None)
    ins.prefixes = ("王伟（局长）：", "王伟：")
    ins.asked = [(1, "记者：问一？")]
    lines = ["甲乙丙丁戊己庚辛", "壬癸。"]
    shown = ins.answer(1, lines, "甲乙丙丁戊己庚辛壬癸。", 8, clean=False)
    assert shown == lines  # to the page's RNG the lines are what they were
    printed = [x for line in shown for x in inserts_.printed(line)]
    assert printed == ["王伟（局长）：甲", "乙丙丁戊己庚辛壬", "癸。"]
    assert ins.answer(2, ["别的段落。"], "别的段落。", 8, clean=False) == ["别的段落。"]  # no question before it
    ins.asked.append((2, "记者：问？"))  # the prefix would fill the short last line the next paragraph runs on
    assert type(ins.answer(2, ["甲乙丙丁戊己庚辛", "壬癸丙丁。"], "甲乙丙丁戊己庚辛壬癸丙丁。", 8, False, run_on=True)[0]) is str
    assert type(ins.answer(2, ["甲乙丙丁戊己庚辛", "壬。"], "甲乙丙丁戊己庚辛壬。", 8, False, run_on=True)[0]) \
        is inserts_.Answered
    ins.asked[-1] = (3, "记者：问二？")
    ins.answered.pop(2)
    assert inserts_.printed(ins.answer(3, ["答二。"], "答二。", 8, clean=True)[0]) == ["王伟：答二。"]
    blocks = [("paragraph", "导语。"), ("paragraph", "甲乙丙丁戊己庚辛壬癸。"), ("paragraph", "x"), ("paragraph", "答二。")]
    assert ins.with_questions(blocks)[2] == ("paragraph", "王伟（局长）：甲乙丙丁戊己庚辛壬癸。")
    assert ins.with_questions(blocks)[5] == ("paragraph", "王伟：答二。")


def test_answer_prefixes_take_the_forms_papers_print():
    paras = [("paragraph", "陈吉宁表示，工作进展顺利。")]
    forms = [inserts_.answer_prefixes(random.Random(s), asker, paras)
             for s in range(80) for asker in ("问：", "记者：")]
    firsts = {f[0] for f in forms if f}
    assert sum(f is None for f in forms) > 20  # many interviews print their answers plain
    assert "答：" in firsts and any(f.startswith("陈吉宁") for f in firsts)  # one of the story's people
    assert any("（" in f for f in firsts) and any(f.endswith("　") for f in firsts)
    assert any(len(f) == 4 and f[1] == " " for f in firsts)  # a two-character name spaced out


def test_an_interruption_inside_an_answer_prints_it_plain():
    first = inserts_.Answered("甲乙", ["王伟：甲", "乙丙丁"], "王伟：", "甲乙丙丁")
    a = {"body": ["导语。", "", first, inserts_.Folded("丙丁")],
         "blocks": [("paragraph", "导语。"), ("paragraph", "王伟：甲乙丙丁")]}
    inserts_.unfold(a, 3)
    assert first.plain
    assert [inserts_.printed(x) for x in a["body"]] == [["导语。"], [""], ["甲乙"], ["丙丁"]]
    assert a["blocks"][1] == ("paragraph", "甲乙丙丁")


@needs_scorer
def test_answers_with_prefixes_are_on_the_pages(wide):
    """Some answers on the pages open with 答： or a name (a role in brackets sometimes), on the
    first line after their question, in all three forms."""
    _stories, pages = wide
    prefix = re.compile(r"(答|[\u4e00-\u9fa5] ?[\u4e00-\u9fa5]{1,2}([（(][^）)]{1,8}[）)])?)[：:　]")
    askers = tuple(inserts_.ASKERS) + tuple(a.translate(relayout.HALF_WIDTH) for a in inserts_.ASKERS)
    forms = set()
    for p in pages:
        lines = p.text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(askers):
                after = next((x for x in lines[i + 1:] if x and not x.startswith(askers[0][0])), "")
                m = prefix.match(after)
                if m:
                    forms.add("答" if m.group(1) == "答" else ("role" if m.group(2) else "name"))
    assert forms == {"答", "role", "name"}, forms


def test_numbered_subheads_count_in_order_and_keep_their_number_in_the_gold():
    ins = inserts_.Inserts("x", frozenset({"numbered_subhead"}), lambda text: None)
    ins.numbers = ["（一）", "（二）"]
    a = ins.subhead(2, ["三级联动破壁", "垒"], "三级联动破壁垒", 6, clean=False)
    b = ins.subhead(5, ["以学促干见实效"], "以学促干见实效", 99, clean=True)
    assert a == ["三级联动破壁", "垒"]  # to the page's RNG the lines are what they were
    assert [x for line in a for x in inserts_.printed(line)] == ["（一）三级联", "动破壁垒"]
    assert inserts_.printed(b[0]) == ["（二）以学促干见实效"]
    blocks = [("paragraph", "导语。"), ("paragraph", "甲。"), ("subhead", "三级联动破壁垒"),
              ("paragraph", "乙。"), ("paragraph", "丙。"), ("subhead", "以学促干见实效")]
    assert [t for k, t in ins.with_questions(blocks) if k == "subhead"] == ["（一）三级联动破壁垒", "（二）以学促干见实效"]
    assert inserts_.Inserts("y", frozenset(), lambda text: None).subhead(2, ["小标题"], "小标题", 9, True) == ["小标题"]


@needs_scorer
def test_numbered_subheads_are_printed_numbered(wide):
    _stories, pages = wide
    numbered = 0
    for p in pages:
        flat = "".join(p.text.split())
        for g in p.gold["articles"]:
            if "numbered_subhead" not in g["features"]:
                continue
            numbered += 1
            heads = g["subheads"]
            assert len(heads) >= 2 and heads[1].lstrip("（(").startswith("二"), (p.name, g["id"])
            assert all("".join(h.split()) in flat for h in heads), (p.name, g["id"])
    assert numbered > 2, numbered
