"""The parser's shortcuts answer as the checks they skip would (issue 23: the parse made
cheaper with its output unchanged)."""
from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.parse.bigrams import bigram_set
from sitegen.parse.lines import DATELINE_LINE_RE, Line, is_dateline_line
from sitegen.parse.vocabulary import Vocabulary

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Han characters of datelines and prose, digits, brackets, closers, stops, spaces
ALPHABET = "新华社本报北京记者电讯月日一二三十据中通讯员说发展经济的了0123456789（）()”』。！？!?，、 \u3000"
DATELINES = ["新华社北京7月2日电", "（新华社阿拉木图4月26日电）", "本报讯", "（据新华社北京电）",
             "本报北京一月二十七日电", "人民日报上海3月5日讯", " 新华社北京7月2日电 "]


@SETTINGS
@given(st.one_of(st.sampled_from(DATELINES), st.text(alphabet=ALPHABET, min_size=1, max_size=40)))
def test_dateline_shortcut_agrees_with_the_pattern(text: str) -> None:
    """Every dateline form ends in 电 or 讯: a line without either is answered without the
    pattern, as the pattern would."""
    assert is_dateline_line(text) == bool(DATELINE_LINE_RE.match(text.strip()))


def test_dateline_lines_still_found() -> None:
    assert all(is_dateline_line(t) for t in DATELINES)
    assert not is_dateline_line("北京电力公司今天发布消息")


@SETTINGS
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool),
       st.text(alphabet=ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool),
       st.floats(min_value=1, max_value=40))
def test_indent_test_holds_only_after_a_full_stop_or_closer(line: str, nxt: str, fill: float) -> None:
    """``_split_paragraph_ends`` asks ``_indented_after`` only after a line whose last
    character is a full stop or a closer: after any other it never holds."""
    from sitegen.parse.blocks import _FULL_STOP_OR_CLOSER, _indented_after

    if line[-1] not in _FULL_STOP_OR_CLOSER:
        assert not _indented_after(Line(1, line), Line(2, nxt), None, fill)


@SETTINGS
@given(st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=40),
       st.floats(min_value=0.0, max_value=0.5))
def test_common_bigrams_are_those_above_the_share(documents: list[str], share: float) -> None:
    """``common`` (counts compared to the limit's floor) keeps the bigrams found in more than
    ``share`` of the paragraphs and in at least 3."""
    vocab = Vocabulary(documents)
    limit = max(3, share * len(documents))
    assert vocab.common(share) == frozenset(g for g, c in vocab.df.items() if c > limit)


@SETTINGS
@given(st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=20),
       st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=6),
       st.text(alphabet=ALPHABET, min_size=2, max_size=4))
def test_idf_by_stories_counts_the_stories_holding_a_bigram(paragraphs: list[str], stories: list[str],
                                                              gram: str) -> None:
    vocab = Vocabulary(paragraphs)
    sets = [bigram_set(s) for s in stories]
    by_stories = vocab.by_stories(sets)
    held = sum(1 for s in sets if gram in s) or vocab.df.get(gram, 0)
    assert by_stories.idf(gram) == math.log((vocab.n + 1) / (held + 0.5))
