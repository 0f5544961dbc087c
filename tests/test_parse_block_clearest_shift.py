"""A page whose headlines are printed in one block over its stories, two of the stories run
together (issue 18, kind 2): ``blocksplit`` re-cuts the bodies to the block's headlines at
boundaries where the words change. Where a paragraph shares no words with either headline
(兽医站… closes the snow story and names nothing its headline does), the headlines explain
a cut before it and a cut after it as well; the cut goes where the words change most, where
one story ends and the next begins (TextTiling's deepest valley), not anywhere the
vocabulary dips a little."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA, parse_conserved

HEADS = ["口岸：通关效率提升", "入冬以来牧区迎来降雪", "春茶上市茶农忙", "——茶旅融合带动消费"]
CONTINUED = ["（上接第2版）城区供暖管网改造基本完成，居民家中室温达标，供热企业二十四小时值守。",
             "供热部门表示，将继续排查老旧小区管网隐患，确保群众温暖过冬。"]


def _page(heads: list[str], stories: list[list[str]]) -> str:
    """The block of headline lines over the stories, each paragraph set apart by a blank line."""
    return "\n\n".join(["\n".join(heads), *("\n\n".join(story) for story in stories)]) + "\n"


def _first_paragraphs(text: str) -> dict[str | None, str]:
    return {a.headline: a.blocks[0].text for a in parse_conserved(text).articles}


def test_the_cut_between_two_stories_run_together_is_where_the_words_change_most() -> None:
    # with a story continued from another page after them (the block's count then says
    # nothing: the division is made at shifts only) and without (one body, its lines)
    for stories in ([PORT, SNOW + TEA, CONTINUED], [PORT, SNOW + TEA]):
        first = _first_paragraphs(_page(HEADS, stories))
        assert first["入冬以来牧区迎来降雪"] == SNOW[0]
        assert first["春茶上市茶农忙"] == TEA[0]  # (not the snow story's last paragraph)

