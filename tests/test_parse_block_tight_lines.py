"""A tight headline block (headlines printed one after another with no blank line between
them) over a page that also holds a story continued from another page (上接…), issue 18:
the block's printed lines are aligned with the bodies in order even though one body may
go without a headline of the block; a line heads the continued story only when its words
are found in it, and the lines of one headline that the alignment keeps together stay one headline block."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


def _page(block: str) -> str:
    """A story continued from page 1, then a story with a dateline, then the block."""
    continued = ["（上接第1版）" + PORT[0]] + PORT[1:]
    return _wrapped(continued) + "\n\n" + _wrapped(["本报讯 " + TEA[0]] + TEA[1:]) + "\n\n" + block


def test_a_tight_block_over_a_continued_story_is_cut_into_its_lines() -> None:
    # two headlines printed together at the page's end: one heads the continued story,
    # the other the story after it (before, the block stayed one group and both lines
    # were glued into one headline over the tea story)
    arts = _parse(_page("口岸通关效率持续提升\n春茶上市 茶农忙着采摘新茶\n")).articles
    assert [a.paragraphs[0][:6] for a in arts] == [PORT[0][:6], TEA[0][:6]]
    assert [a.headline for a in arts] == ["口岸通关效率持续提升", "春茶上市 茶农忙着采摘新茶"]


def test_a_line_sharing_no_words_with_a_continued_story_does_not_head_it() -> None:
    # one headline and its second line, printed together: the first line's words are in
    # no body, the second's all in the tea story. Heading the continued story with the
    # first line would score well by shares (nothing of it found, plus a reward per body
    # headed); it stays with the line its headline goes on in.
    arts = _parse(_page("山乡春来早 丰收好年景\n茶旅融合带动消费\n")).articles
    assert [a.paragraphs[0][:6] for a in arts] == [PORT[0][:6], TEA[0][:6]]
    assert arts[0].headline is None
    head = (arts[1].headline or "") + (arts[1].subtitle or "")
    assert "山乡春来早" in head and "茶旅融合带动消费" in head


def _three_stories_over(block: str) -> str:
    """The tea, port and snow stories, each opened by 本报讯, then ``block``."""
    return "\n\n".join(_wrapped(["本报讯 " + story[0]] + story[1:]) for story in (TEA, PORT, SNOW)) + "\n\n" + block


def _glued(first: list[str], second: list[str]) -> str:
    """Two stories run together into one body (no dateline or blank-line cue between)."""
    return _wrapped(["本报讯 " + first[0]] + first[1:] + second)


def test_a_tight_block_cuts_two_stories_run_together_on_a_page_with_a_continued_story() -> None:
    # the block's lines are the headlines (one line each): the page holds three stories,
    # two of them run together into one body; the block's count and each line's words
    # cut that body where the port story starts (the words change there)
    continued = _wrapped(["（上接第1版）" + SNOW[0]] + SNOW[1:])
    for block in ("牧区降雪 牧民储备草料\n春茶上市 茶农忙着采摘新茶\n口岸推行智慧通关\n",
                  "春茶上市 茶农忙着采摘新茶\n口岸推行智慧通关\n"):  # (the continued story's
        # headline printed in the block, or on its first page)
        arts = _parse(continued + "\n\n" + _glued(TEA, PORT) + "\n\n" + block).articles
        assert [a.paragraphs[0][:6] for a in arts] == [SNOW[0][:6], TEA[0][:6], PORT[0][:6]]
        assert [a.headline for a in arts][1:] == ["春茶上市 茶农忙着采摘新茶", "口岸推行智慧通关"]


def test_a_block_line_sharing_no_words_with_the_page_heads_no_story_of_its_own() -> None:
    # a column name printed between two headlines matches no body: it neither heads a
    # part of a body by itself nor dilutes the headline it is printed with, so the tea
    # and port stories run together are still cut apart by their own headlines
    block = "春茶上市\n经济观察·一线走访\n口岸智慧通关 货车排队时间缩短\n牧区降雪 牧民储备草料\n"
    snow = _wrapped(["本报讯 " + SNOW[0]] + SNOW[1:])
    arts = _parse(_wrapped(TEA + PORT) + "\n\n" + snow + "\n\n" + block).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert arts[0].headline == "春茶上市"
    assert "口岸智慧通关" in (arts[1].headline or "")


def test_a_section_name_at_the_page_top_does_not_hide_the_headline_block() -> None:
    # 综合新闻 printed alone at the top is the page's section, not a headline region: the
    # page still has all its headlines in one block, which the bodies follow in order
    arts = _parse("综合新闻\n\n" + _page("口岸通关效率持续提升\n春茶上市 茶农忙着采摘新茶\n")).articles
    assert [a.paragraphs[0][:6] for a in arts] == [PORT[0][:6], TEA[0][:6]]
    assert [a.headline for a in arts] == ["口岸通关效率持续提升", "春茶上市 茶农忙着采摘新茶"]


def test_text_after_a_headline_and_its_byline_ending_the_page_is_more_headlines() -> None:
    # the page's last block: a headline, its byline, then the other headlines printed
    # under it (commas and enumeration marks in them, no sentence): they are headlines,
    # not a last body
    tea = _wrapped(["本报讯 " + TEA[0]] + TEA[1:])
    port = _wrapped(["本报讯 " + PORT[0]] + PORT[1:])
    block = "春茶上市 茶农忙着采摘新茶\n■记者 张明\n口岸智慧通关、货车排队时间缩短，\n外贸企业降本增效\n"
    arts = _parse(tea + "\n\n" + port + "\n\n" + block).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6]]
    assert arts[0].headline == "春茶上市 茶农忙着采摘新茶"
    assert "口岸智慧通关" in (arts[1].headline or "")


def test_two_headlines_printed_tight_over_a_continued_story_are_cut_apart() -> None:
    # three bodies, one continued from page 1, and two headline groups: the second group
    # holds two headlines printed with no blank line between them, one of them the
    # continued story's (repeated on this page)
    tea = _wrapped(["本报讯 " + TEA[0]] + TEA[1:])
    port = _wrapped(["（上接第1版）" + PORT[0]] + PORT[1:])
    snow = _wrapped(["本报讯 " + SNOW[0]] + SNOW[1:])
    block = "春茶上市 茶农忙着采摘新茶\n\n口岸通关效率持续提升\n牧区降雪 牧民储备草料\n"
    arts = _parse(tea + "\n\n" + port + "\n\n" + snow + "\n\n" + block).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert [a.headline for a in arts] == ["春茶上市 茶农忙着采摘新茶", "口岸通关效率持续提升", "牧区降雪 牧民储备草料"]


def test_a_line_of_a_tight_block_goes_with_the_body_its_own_words_are_in() -> None:
    # a two-line headline whose first line fits the tea story perfectly and whose second
    # fits it only in part: scored as one text, the pair fits worse than the first line
    # alone, and the second line was pushed onto the port story's headline; scored line
    # by line, it stays with the tea story, where its words are
    block = "茶农忙着采摘新茶\n春茶上市 山乡处处好风光\n口岸通关效率持续提升\n牧区降雪 牧民储备草料\n"
    arts = _parse(_three_stories_over(block)).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert "山乡处处好风光" in (arts[0].headline or "") + (arts[0].subtitle or "")
    assert arts[1].headline == "口岸通关效率持续提升"


def test_a_line_whose_words_fit_two_bodies_equally_joins_a_short_line_rather_than_leave_it_alone() -> None:
    # 游客纷至 外贸红火 shares one word with the tea story (游客) and one with the port story
    # (外贸): a tie. The line above it, 新茶上市, is far shorter than the block's lines: a
    # piece of a headline printed on two lines rather than a whole headline, so the tie
    # goes to keeping the two together
    block = "新茶上市\n游客纷至 外贸红火\n口岸通关效率持续提升\n牧区降雪 牧民储备草料\n"
    arts = _parse(_three_stories_over(block)).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert [a.headline for a in arts][1:] == ["口岸通关效率持续提升", "牧区降雪 牧民储备草料"]
    assert "游客纷至" in (arts[0].headline or "") + (arts[0].subtitle or "")


def test_two_stories_run_together_are_cut_when_a_credit_closes_the_second() -> None:
    # the credit printed on its own under the port story's 下转 line closes it (its
    # byline), so that body is printed in two spans of lines; it is still one run of the page, and the
    # block's lines still cut the tea and port stories apart (before, a body of two
    # spans kept the page from the block's count)
    block = "春茶上市\n经济观察·一线走访\n口岸智慧通关 货车排队时间缩短\n牧区降雪 牧民储备草料\n"
    snow = _wrapped(["本报讯 " + SNOW[0]] + SNOW[1:])
    arts = _parse(_wrapped(TEA + PORT) + "\n\n（下转第8版）\n\n（本报记者 王鹏）\n\n" + snow + "\n\n" + block).articles
    assert [a.paragraphs[0][:6] for a in arts] == [TEA[0][:6], PORT[0][:6], SNOW[0][:6]]
    assert arts[1].byline == "本报记者 王鹏" and arts[1].paragraphs[-1] == PORT[-1]
    assert "口岸智慧通关" in (arts[1].headline or "")


def test_a_body_cut_in_two_keeps_each_part_its_own_lines() -> None:
    from sitegen.parse.blockruns import within

    spans = [(1, 20), (24, 24)]  # a story and the credit printed under it
    assert within(spans, 1, 9) == [(1, 9)]
    assert within(spans, 11, 24) == [(11, 20), (24, 24)]
    assert within([(1, 20), (40, 60)], 15, 45) == [(15, 20), (40, 45)]


def test_a_shift_with_no_blank_line_also_offers_its_neighbour_printed_after_one() -> None:
    from sitegen.parse.blocklines import to_blank_lines

    # paragraphs 1-3 printed with no blank line between them, a blank line before 4
    blank = [True, False, False, False, True, False]
    assert to_blank_lines({3}, blank) == {3, 4}
    assert to_blank_lines({4}, blank) == {4}  # already at a blank line: nothing added
    assert to_blank_lines({2}, blank) == {2}  # no neighbour after a blank line
    assert to_blank_lines({5}, blank) == {4, 5}
    assert to_blank_lines(set(), blank) == set()
