"""Leads on unseen pages (issue 18): where the lead starts and ends. A story set in a
column of its own, wider than the stories around it, ends its paragraphs (a short line
ending a sentence, no blank line after it) against its own column, not against the
narrower one around it; two open lines stopping short under a headline are its subtitle,
not the lead's first line; a dateline printed on its own line under a headline opens the
story below, with the reporter's bracket under it as the byline."""
from __future__ import annotations

from synthetic_pages import PORT, SNOW, TEA
from synthetic_pages import parse_conserved as _parse
from synthetic_pages import wrapped

DATELINE = "本报讯　"


def _page(port: list[str]) -> list:
    """Tea and snow in a narrow column (12), the port story in a wide one (20) between
    them with no blank line between its paragraphs; each story opened by a dateline under
    its headline. The port story's parsed article."""
    text = "\n\n".join(["春茶上市茶农增收", wrapped([DATELINE + TEA[0], *TEA[1:]], 12),
                        "口岸通关提速", wrapped([DATELINE + port[0], *port[1:]], 20).replace("\n\n", "\n"),
                        "牧区抗雪保畜", wrapped([DATELINE + SNOW[0], *SNOW[1:]], 12)]) + "\n"
    return next(a for a in _parse(text).articles if a.headline == "口岸通关提速")


def test_a_wide_story_ends_its_lead_at_a_short_line_of_its_own_column() -> None:
    art = _page(PORT)
    assert art.lead == PORT[0]
    assert art.paragraphs == PORT


def test_a_full_line_of_the_wide_column_does_not_end_the_lead() -> None:
    # the first paragraph's last line filled to the column: no sign of a paragraph end
    first = PORT[0][:-1] + "，车流畅。"
    assert len(DATELINE + first) == 40  # two full lines of the wide column
    art = _page([first, *PORT[1:]])
    assert art.lead == first + PORT[1]


# Lines with no sentence in them printed apart under a headline, the last one ending open
# well short of the column, are a subtitle: prose stops short of the column only on a
# sentence end, and a column break cuts a full line.
HEAD = "春茶市场升温茶企加快北上步伐"
SUB = ["品牌、渠道、服务三管齐下助农增收", "茶企负责人介绍情况"]  # the first as wide as the column


def test_open_lines_stopping_short_under_a_headline_are_no_lead() -> None:
    text = "\n\n".join([HEAD, "\n".join(SUB), "", wrapped(TEA, 16)]) + "\n"
    (art,) = _parse(text).articles
    assert art.lead == TEA[0]
    assert "".join(SUB) in "".join(filter(None, [art.kicker, art.headline, art.subtitle]))


def test_full_lines_cut_by_a_column_break_under_a_headline_stay_in_the_lead() -> None:
    top, rest = TEA[0][:32], TEA[0][32:]  # two full lines of the column, ending open
    text = "\n\n".join([HEAD, wrapped([top], 16), wrapped([rest, *TEA[1:]], 16)]) + "\n"
    (art,) = _parse(text).articles
    assert art.lead == TEA[0]


# A dateline printed on a line of its own under the headline opens the story below it:
# it is the story's dateline (not a scrap), and a reporter's bracket opening the first
# paragraph under it is the byline, not the lead's first words.
def test_a_dateline_on_its_own_line_under_a_headline_opens_the_story_below() -> None:
    body = wrapped(["（记者王五）" + PORT[0], *PORT[1:]], 16)
    text = "\n\n".join(["口岸通关提速", "本报满洲里１月５日电\n" + body]) + "\n"
    (art,) = _parse(text).articles
    assert (art.headline, art.dateline, art.byline) == ("口岸通关提速", "本报满洲里１月５日电", "记者王五")
    assert art.lead == PORT[0]


def test_a_bracketed_closing_dateline_under_a_headline_is_no_opening_dateline() -> None:
    # a dateline in brackets closes the story printed above the headline
    text = "\n\n".join([wrapped(TEA, 16), "（新华社北京１月５日电）", "口岸通关提速",
                        wrapped(["（记者王五）" + PORT[0], *PORT[1:]], 16)]) + "\n"
    arts = _parse(text).articles
    assert arts[-1].dateline is None
    assert arts[-1].lead.startswith("（记者王五）")
