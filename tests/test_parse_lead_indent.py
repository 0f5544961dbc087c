"""Leads on unseen pages (issue 18): a paragraph's first line is set in from the column's
edge. The dump drops the indent but keeps the narrower width: a full line ending a sentence,
then a line one character short of the column that runs on, is a paragraph break with no
blank line (seed 001, lines 388/389: the seeds' one wrong lead)."""
from __future__ import annotations

from synthetic_pages import parse_conserved as _parse

# a column of 16
FIRST = ["口岸海关数据显示，一季度进出口货", "运量同比增长，通关效率持续提升。"]
SECOND = ["海关关员介绍，口岸推行智慧通关", "后货车排队时间缩短，外贸企业降本",
          "增效，通关成本下降，企业获得感明", "显增强。"]
THIRD = ["下一步，口岸将完善查验设施，推动", "进出口贸易高质量发展。"]


def _tight_story(*paras: list[str]) -> list:
    """One story printed under its headline, its paragraphs' lines with no blank line
    between the paragraphs."""
    return _parse("口岸通关提速\n\n" + "\n".join(ln for p in paras for ln in p) + "\n").articles


def test_a_line_set_in_under_a_full_line_ending_a_sentence_opens_a_paragraph() -> None:
    (art,) = _tight_story(FIRST, SECOND, THIRD)
    assert art.lead == "".join(FIRST)
    assert art.paragraphs == ["".join(FIRST), "".join(SECOND), "".join(THIRD)]


def test_a_line_short_because_a_quotation_moved_down_stays_in_the_paragraph() -> None:
    # the next line opens a quotation: its mark was carried down with its word, which is
    # what left the line above short
    second = [SECOND[0], "“智慧口岸”让货车排队时间缩短，外", "贸企业降本增效。"]
    (art,) = _tight_story(FIRST, second, THIRD)
    assert art.lead == "".join(FIRST + second)


def test_a_full_line_ending_a_clause_of_a_list_does_not_end_the_lead() -> None:
    first = [FIRST[0], FIRST[1][:-1] + "；"]  # a list's clause, not a sentence
    (art,) = _tight_story(first, SECOND, THIRD)
    assert art.lead == "".join(first + SECOND)
