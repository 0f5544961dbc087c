"""The glue cut finds the headlines sharing a bigram with a body through an index of the
page's headlines by bigram (issue 23: a page of thousands of briefs was quadratic); it
must find exactly those a test of every headline finds, in the page's order."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.parse.bigrams import bigram_set
from sitegen.parse.glue_cut import _WordIndex

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALPHABET = "春茶上市农民增收港口货运新高经济发展的了0123456789，。 "
TEXTS = st.text(alphabet=ALPHABET, max_size=12)


@SETTINGS
@given(st.lists(TEXTS, max_size=12), st.text(alphabet=ALPHABET, max_size=60))
def test_index_finds_the_headlines_a_test_of_each_finds(texts: list[str], body: str) -> None:
    grams = bigram_set(body)
    expected = [t for t in texts if not bigram_set(t).isdisjoint(grams)]
    assert _WordIndex(texts).sharing(grams) == expected
    many = texts * (_WordIndex.FEW // max(1, len(texts)) + 1)  # (past FEW: the index itself)
    assert len(many) > _WordIndex.FEW or not texts
    assert _WordIndex(many).sharing(grams) == [t for t in many if not bigram_set(t).isdisjoint(grams)]


def test_index_keeps_repeats_and_order() -> None:
    texts = ["港口货运", "春茶上市", "港口货运", "农民增收"]
    assert _WordIndex(texts).sharing(bigram_set("春茶上市港口货运创新高")) == ["港口货运", "春茶上市", "港口货运"]
    assert _WordIndex(texts).sharing(bigram_set("经济发展")) == []
    assert _WordIndex(texts * 20).sharing(bigram_set("春茶上市港口货运创新高")) == \
        ["港口货运", "春茶上市", "港口货运"] * 20
