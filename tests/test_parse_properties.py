"""Property tests: whatever the input, ``parse_text`` does not raise and conserves
every Han character, digit and letter (NFKC) between input and output."""
from __future__ import annotations

import functools
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.parse import parse_text
from sitegen.parse.conservation import conservation

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PUNCT = "。，、；：？！…—·“”‘’（）《》【】()[],.;:!?-■□●#  \n\n\n\t"
PAGE_ALPHABET = st.sampled_from(
    list("本报讯新华社记者电讯摄上接下转版通讯员文/第一二三四五六七八九十年月日说表示的了在和是")
    + list("0123456789ab") + list(PUNCT)
)


def check(text: str) -> None:
    result = parse_text("prop.txt", text)
    assert conservation(text, result) == (0, 0)
    for art in result.articles:
        assert art.blocks
    assert [a.position for a in result.articles] == list(range(1, len(result.articles) + 1))


@SETTINGS
@given(st.text())
def test_any_unicode(text: str) -> None:
    check(text)


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["Cc", "Zs", "Zl", "Zp", "Po", "Ps", "Pe", "Pd"])))
def test_punctuation_and_control_only(text: str) -> None:
    check(text)


@SETTINGS
@given(st.text(alphabet=PAGE_ALPHABET, max_size=600))
def test_newspaper_vocabulary_soup(text: str) -> None:
    check(text)


@SETTINGS
@given(st.integers(0, len(SEED_TEXTS) - 1), st.randoms(use_true_random=False),
       st.sampled_from(["shuffle_blocks", "rewrap", "drop_blanks", "double_blanks", "cut",
                        "crlf_bom", "halfwidth"]))
def test_mangled_seeds(index: int, rnd: random.Random, how: str) -> None:
    text = SEED_TEXTS[index]
    if how == "shuffle_blocks":
        blocks = text.split("\n\n")
        rnd.shuffle(blocks)
        text = "\n\n".join(blocks)
    elif how == "rewrap":
        width = rnd.randint(3, 60)
        flat = text.replace("\n", "")
        text = "\n".join(flat[i:i + width] for i in range(0, len(flat), width))
    elif how == "drop_blanks":
        text = "\n".join(line for line in text.split("\n") if line.strip())
    elif how == "double_blanks":
        text = text.replace("\n", "\n\n")
    elif how == "cut":
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        text = text[a:b]
    elif how == "crlf_bom":
        text = "\ufeff" + text.replace("\n", "\r\n")
    elif how == "halfwidth":
        text = text.translate(str.maketrans("，。：；（）！？", ",.:;()!?"))
    result = parse_text("mangled.txt", text)
    # the BOM and CR are formatting, not content
    assert conservation(text.lstrip("\ufeff"), result) == (0, 0)


@SETTINGS
@given(st.text(min_size=1, max_size=20), st.integers(1000, 20000))
def test_very_long_single_lines(piece: str, repeat: int) -> None:
    check((piece.replace("\n", "") or "字") * repeat)


def test_ten_megabyte_line_is_linear() -> None:
    unit = "本报讯（记者 张三）今年以来，东河大桥累计通行车辆120万辆次，同比增长18.4%，"
    text = unit * (10_000_000 // len(unit.encode("utf-8")) + 1)
    started = time.monotonic()
    result = parse_text("big.txt", text)
    elapsed = time.monotonic() - started
    assert conservation(text, result) == (0, 0)
    assert elapsed < 60, f"10 MB took {elapsed:.1f}s"


def test_many_short_blocks_stay_fast() -> None:
    text = "\n\n".join(f"标题{i}\n\n本报讯 第{i}条消息的正文内容在这里。" for i in range(3000))
    started = time.monotonic()
    result = parse_text("many.txt", text)
    assert conservation(text, result) == (0, 0)
    assert time.monotonic() - started < 60


# Characters where NFKC is subtle: full-width forms, compatibility punctuation, combining
# marks, Hangul jamo and syllables (which compose), Han, ASCII.
_NFKC_ALPHABET = st.sampled_from(
    [chr(c) for r in ((0x20, 0x7F), (0xC0, 0x180), (0x300, 0x370), (0x1100, 0x1200), (0x2000, 0x2100),
                      (0x3000, 0x3100), (0x4E00, 0x4E30), (0xAC00, 0xAC30), (0xF900, 0xF910), (0xFF00, 0xFFF0))
     for c in range(*r)])


@SETTINGS
@given(st.one_of(st.text(), st.text(alphabet=_NFKC_ALPHABET)))
def test_fast_nfkc_equals_unicodedata(text):
    import unicodedata

    from sitegen.parse.text import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@SETTINGS
@given(st.one_of(st.text(), st.text(alphabet=_NFKC_ALPHABET)))
def test_line_width_counts_each_character(text):
    """A line's printed width is one cell per wide character (East Asian width W or F)
    and half a cell for any other, however it is computed."""
    import unicodedata

    from sitegen.parse.text import visual_width

    assert visual_width(text) == sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def test_characters_counted_wide_without_looking_are_wide():
    import unicodedata

    from sitegen.parse.widths import _SURELY_WIDE

    surely = [chr(c) for c in range(0x10000) if _SURELY_WIDE.fullmatch(chr(c))]
    assert len(surely) > 20000 and all(unicodedata.east_asian_width(c) in "WF" for c in surely)


def _line_cases() -> list[str]:
    lines = [ln.strip() for t in SEED_TEXTS for ln in t.split("\n") if ln.strip()]
    return lines


@SETTINGS
@given(st.one_of(st.sampled_from(_line_cases()), st.text(alphabet=PAGE_ALPHABET, min_size=1, max_size=60)))
def test_prose_shortcut_never_hides_a_special_line(text):
    """The parser skips the special-line checks for lines ``_plain_prose`` accepts: none of
    them may be a heading, marker, credit, dateline, byline, enumerator or fragment."""
    from sitegen.parse.blocks import _line_kind, _plain_prose
    from sitegen.parse.lines import Line

    text = text.strip()
    if text:
        line = Line(1, text)
        if _plain_prose(line):
            assert _line_kind(line) is None


def test_prose_shortcut_covers_most_seed_lines():
    from sitegen.parse.blocks import _line_kind, _plain_prose
    from sitegen.parse.lines import Line

    lines = [Line(1, t) for t in _line_cases()]
    prose = [ln for ln in lines if _plain_prose(ln)]
    assert all(_line_kind(ln) is None for ln in prose)
    assert len(prose) > len(lines) // 2


def test_text_memo_caches_do_not_outlive_a_page():
    """The bigram/squash memo caches serve one page: parsing many pages must not grow them
    (a worker parsing hundreds of pages otherwise kept every page's texts)."""
    import sitegen.parse.bigrams as B

    for text in SEED_TEXTS[:3]:
        parse_text("page.txt", text)
        assert all(f.cache_info().currsize == 0 for f in (B.text_bigrams, B.bigram_set, B._ends, B.squash))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("新华社记者ab1_ _，。Ａ１\u3000-·") + ["\u0301", "ﬁ"])))
def test_bigrams_are_those_of_letter_digit_han_runs(text: str) -> None:
    """Bigrams come from a faster pattern when the text has no "_"; with or without one,
    they are the pairs of adjacent letters, digits and Han ("_" and punctuation break runs)."""
    import re

    import sitegen.parse.bigrams as B

    B.forget_page_texts()
    squashed = B.squash(text)
    expected = [m.group(1) for m in re.finditer(r"(?=([^\W_]{2}))", squashed)]
    assert list(B.text_bigrams(text)) == expected
    assert B.bigram_set(text) == frozenset(expected)
    assert all("_" not in gram for gram in expected)
    B.forget_page_texts()


def _composition_seconds() -> set[str]:
    """Characters that compose with the character before them: the second of each
    two-character canonical decomposition, and the Hangul vowel and final jamo."""
    import unicodedata

    seconds = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for code in range(0x110000):
        d = unicodedata.decomposition(chr(code))
        if d and not d.startswith("<") and len(d.split()) == 2:
            seconds.add(chr(int(d.split()[1], 16)))
    return seconds


def test_safe_junction_starts_keep_nfkc_apart():
    """Every character ``bigrams.SAFE_START`` accepts decomposes (NFKD) to a starter that no
    composition takes as its second character: NFKC cannot reach across it."""
    import unicodedata

    from sitegen.parse.bigrams import SAFE_START

    seconds = _composition_seconds()
    safe = [chr(c) for c in range(0x10000) if SAFE_START.match(chr(c))]
    assert len(safe) > 27000
    for ch in safe:
        d = unicodedata.normalize("NFKD", ch)
        assert d and unicodedata.combining(d[0]) == 0 and d[0] not in seconds, hex(ord(ch))


@SETTINGS
@given(st.text(alphabet=_NFKC_ALPHABET, max_size=6), st.text(alphabet=_NFKC_ALPHABET, min_size=1, max_size=6))
def test_junction_shortcut_agrees_with_normalising(left, right):
    import unicodedata

    from sitegen.parse.bigrams import _joins_cleanly

    a, b = left[-4:], right[:4]
    nfkc = functools.partial(unicodedata.normalize, "NFKC")
    assert _joins_cleanly(left, right) == (nfkc(a + b) == nfkc(a) + nfkc(b))


@SETTINGS
@given(st.lists(st.lists(st.text(alphabet=st.sampled_from(list("新华社记者ab_ ，。Ａ１\u3000") + ["\u0301", "\u1161"]),
                                 max_size=5), min_size=1, max_size=3), max_size=5),
       st.sets(st.text(alphabet=st.sampled_from(list("新华社记者abＡ1a")), min_size=2, max_size=2)))
def test_side_grams_are_the_sides_bigrams_among_those_asked(paras, asked):
    """``side_grams`` finds the bigrams each side of a cut holds without joining the sides:
    the same as each side's ``joined_bigram_set`` restricted to the bigrams asked for."""
    from sitegen.parse.bigrams import forget_page_texts, joined_bigram_set, side_grams

    forget_page_texts()
    grams = frozenset(asked) | joined_bigram_set([t for ps in paras for t in ps])
    cuts = list(range(len(paras) + 1))
    for k, (left, right) in zip(cuts, side_grams(paras, cuts, grams)):
        assert left == joined_bigram_set([t for ps in paras[:k] for t in ps]) & grams
        assert right == joined_bigram_set([t for ps in paras[k:] for t in ps]) & grams
    forget_page_texts()


def test_plain_characters_keep_bigrams_and_ends():
    """A text of ``bigrams._PLAIN`` characters has the bigrams and ends of its normalised
    text: each such character, between letters and between Han, next to itself."""
    import sitegen.parse.bigrams as B

    for ch in B._plain_characters() + "中国":
        for text in ("a" + ch + "b", "中" + ch + ch + "国1", ch, ch + "新华社" + ch):
            assert B._PLAIN.fullmatch(text)
            assert B.bigram_list(text) == B.find_bigrams(B.squash(text)), repr(text)
            s = B.squash(text)
            assert B._ends.__wrapped__(text) == (s[0] + s[-1] if s else ""), repr(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("新华社记者ab1_ ，。…“”Ａ１\u3000-·①㈠") + ["\u0301", "\u1161", "ﬁ"])))
def test_bigrams_and_ends_with_or_without_normalising(text):
    import sitegen.parse.bigrams as B

    s = B.squash(text)
    assert B.bigram_list(text) == B.find_bigrams(s)
    assert B._ends.__wrapped__(text) == (s[0] + s[-1] if s else "")
    B.forget_page_texts()
