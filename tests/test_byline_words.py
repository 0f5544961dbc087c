"""``lines.is_byline`` answers a line without a bullet at once when it holds none of
``SIGNING_WORDS``: that shortcut must never hide a line its patterns accept."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.parse import lines as L

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_PIECES = ["本报", "新华社", "人民日报", "日报", "报社", "晚报", "电视台", "融媒体中心", "特约", "首席", "记者",
           "通讯员", "评论员", "撰稿人", "摄", "文", "/", "／", " ", "\u3000", "、", "·", "张三", "李", "王芳", "北京",
           "石榴云", "新疆"]


def _patterns_accept(body: str) -> bool:
    return bool(L.BYLINE_BARE_RE.match(body) or L.COMMENTATOR_RE.match(body))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join))
def test_no_byline_pattern_matches_without_a_signing_word(text):
    body = text.strip()
    if _patterns_accept(body):
        assert any(w in body for w in L.SIGNING_WORDS)


def test_seed_bylines_hold_a_signing_word_or_a_bullet():
    lines = [ln.strip() for f in sorted(SEEDS.glob("*.txt")) for ln in f.read_text(encoding="utf-8").split("\n")]
    bylines = [ln for ln in lines if ln and L.is_byline(ln)]
    assert bylines  # the seeds print bylines
    for ln in lines:
        if ln and _patterns_accept(L.strip_bullet(ln)[0]):
            assert any(w in ln for w in L.SIGNING_WORDS)


def test_prose_without_a_signing_word_is_no_byline():
    assert not L.is_byline("各方重申决心携手构建更加紧密的中国—中亚")
    assert L.is_byline("本报记者 张三 李四")
    assert L.is_byline("● 王芳")  # a bullet needs no role word
    assert L.is_byline("张三 文/摄")
    assert L.is_byline("本报评论员")
