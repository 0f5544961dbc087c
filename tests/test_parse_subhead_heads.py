"""A title read as an in-body subhead that is the headline of the story above it, on a page
whose headlines are printed after their bodies (issue 18: body A, headline A, body B,
headline B read as one body, headline A a subhead). A story's lead repeats its headline's
words: when the titles after a body share nothing with its lead but do share words with the
paragraph under an in-body title, the story they head starts there, and a title repeating
the text above it is that text's headline. Topics, titles and column widths are varied."""
from __future__ import annotations

import pytest

from synthetic_pages import PORT, SNOW, TEA, parse_conserved, wrapped


def _bodies(arts) -> list[str]:
    return ["".join(a.paragraphs) for a in arts]


@pytest.mark.parametrize("title", ["茶园飘香茶农采摘忙", "满园茶香茶农采摘忙", "茶园采摘忙茶农笑开颜"])
@pytest.mark.parametrize("width", [16, 20])
def test_a_headline_after_its_story_is_no_subhead_of_the_next(title: str, width: int) -> None:
    # the tea title shares a few words with the tea story (too few for the segmenter to call
    # it a headline by itself) and none with the port story under it, whose own headline,
    # printed after it, repeats the port story's lead and nothing of the tea story's
    text = "\n\n".join([wrapped(TEA, width), title, wrapped(PORT, width), "口岸通关效率持续提升",
                        wrapped(SNOW, width), "牧区冬储草料足"]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == [title, "口岸通关效率持续提升", "牧区冬储草料足"]
    assert _bodies(arts)[1].startswith(PORT[0][:10]) and not arts[0].subheads


@pytest.mark.parametrize("title", ["茶园飘香茶农采摘忙", "满园茶香茶农采摘忙", "茶园采摘忙茶农笑开颜"])
def test_a_subhead_of_a_story_whose_lead_repeats_its_headline_stays(title: str) -> None:
    # the tea story's headline, printed after it, repeats its lead: the title inside it is a
    # subhead, whatever it shares with the text above it
    text = "\n\n".join([wrapped(TEA[:2]), title, wrapped(TEA[2:]), "春茶上市茶农增收", wrapped(PORT),
                        "口岸通关效率持续提升"]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == ["春茶上市茶农增收", "口岸通关效率持续提升"]
    assert arts[0].subheads == [title]


def test_a_page_with_a_headline_over_its_first_story_is_left_to_the_segmenter() -> None:
    # headlines printed before their bodies: the title under the tea story is read as before
    # (here a subhead of the port story's page-mate: nothing says the page prints its
    # headlines after their bodies)
    text = "\n\n".join(["春茶上市茶农增收", wrapped(TEA), "茶园飘香茶农采摘忙", wrapped(PORT)]) + "\n"
    arts = parse_conserved(text).articles
    assert arts[0].headline == "春茶上市茶农增收"
    assert _bodies(arts)[0].startswith(TEA[0][:10])


@pytest.mark.parametrize("title", ["茶园完善设施茶农采摘忙", "满园茶香茶农忙查验"])
def test_a_headline_sharing_words_with_the_next_story_further_down_still_ends_its_own(title: str) -> None:
    # the tea title shares a word with the port story's last paragraph (完善设施, 查验), not
    # with its lead: the lead under the title says whose story starts there
    text = "\n\n".join([wrapped(TEA), title, wrapped(PORT), "口岸通关效率持续提升",
                        wrapped(SNOW), "牧区冬储草料足"]) + "\n"
    arts = parse_conserved(text).articles
    assert [a.headline for a in arts] == [title, "口岸通关效率持续提升", "牧区冬储草料足"]
