"""A paragraph's edges (how its text starts and ends) are read once a page from its text:
the properties give what the text functions give, for paragraphs that grow, and the memo
is emptied with the page's other texts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.parse import lines as L
from sitegen.parse.bigrams import forget_page_texts
from sitegen.parse.blocks import Element
from sitegen.parse.paragraphs import Para, _edges
from sitegen.parse.text import ends_sentence, opens_mid_sentence

# pieces of the texts the edges are read from: markers, datelines, sentence ends, openers
_PIECES = ["（下转第二版）", "(上接第一版)", "本报北京1月5日电", "新华社记者", "表示，", "的", "、", "能、",
           "二、", "。", "”", "）", "！", "记者", "经济发展", "a", " ", "\u3000", "……"]


def _para(texts: list[str], subhead: bool = False) -> Para:
    return Para([Element("para", [L.Line(k + 1, t)]) for k, t in enumerate(texts)], subhead=subhead)


def _expected(raw: str, subhead: bool) -> tuple:
    m = L.end_marker_match(raw)
    marker = m.group(0).strip() if m else None
    hard = bool(L.START_MARKER_RE.match(raw) or L.DATELINE_START_RE.match(raw))
    open_end = not subhead and not marker and not ends_sentence(raw)
    return marker, hard, open_end, opens_mid_sentence(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join).filter(str.strip),
                min_size=1, max_size=3), st.booleans())
def test_edges_are_those_of_the_text(texts, subhead):
    forget_page_texts()
    para = _para(texts[:1], subhead)
    for text in texts[1:] + [None]:  # read, then grown by a chunk (as join_paragraphs does), read again
        raw = para.raw
        assert (para.end_marker, para.hard_start, para.open_end, para.opens_mid) == _expected(raw, subhead)
        if text is not None:
            para.chunks.append(Element("para", [L.Line(9, text.strip())]))
    forget_page_texts()


def test_memo_is_emptied_with_the_page():
    forget_page_texts()
    para = _para(["本报北京1月5日电 经济发展（下转第二版）"])
    assert para.end_marker == "（下转第二版）" and para.hard_start and not para.open_end
    assert _edges.cache_info().currsize == 1
    forget_page_texts()
    assert _edges.cache_info().currsize == 0
