"""Two blank lines after a finished paragraph are a wider gap than any paragraph or column
break leaves: the story above ends there (issue 18, block_tight pages)."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse


def _wrapped(paras: list[str], width: int = 16) -> str:
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras)


def test_two_blank_lines_after_a_finished_paragraph_start_a_new_article() -> None:
    # bodies with their headlines in one tight block at the page's end; the only layout
    # cue between the bodies is the wider gap
    text = (_wrapped(TEA) + "\n\n\n" + _wrapped(SNOW) + "\n\n\n" + _wrapped(PORT)
            + "\n\n春茶上市茶农忙\n牧区降雪转场有序\n口岸通关效率提升\n")
    arts = _parse(text).articles
    assert [a.paragraphs[0] for a in arts] == [TEA[0], SNOW[0], PORT[0]]


def test_two_blank_lines_inside_an_unfinished_sentence_are_a_column_break() -> None:
    cut = TEA[0][:20]
    text = cut + "\n\n\n" + TEA[0][20:] + "\n\n" + "\n\n".join(TEA[1:]) + "\n\n春茶上市茶农忙\n"
    arts = _parse(text).articles
    assert len(arts) == 1 and arts[0].paragraphs[0] == TEA[0]
