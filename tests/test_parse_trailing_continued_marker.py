"""A 上接 marker printed after the page's last body (nothing under it to continue) is a
leftover; it used to crash the parse (``sorted`` over body indices with a None in them)
whenever another body of the page was continued too. Found by test_parse_properties'
mangled seeds (shuffled blocks)."""
from __future__ import annotations

from synthetic_pages import PORT, TEA, parse_conserved, story


def test_a_continuation_marker_after_the_last_body_is_left_over() -> None:
    text = ("（上接第1版）\n" + "\n\n".join(PORT) + "\n\n口岸通关效率持续提升\n\n" + story(TEA)
            + "\n\n春茶价格稳中有升\n\n（上接第2版）\n")
    result = parse_conserved(text)
    assert [a.headline for a in result.articles] == ["口岸通关效率持续提升", "春茶价格稳中有升"]
    assert ("（上接第2版）" in [x.text for x in result.leftovers])
