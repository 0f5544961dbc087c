"""Self-doubt from a body's first subhead (issue 18, :mod:`sitegen.parse.doubt_subhead`): a
story's opening names what its headline names, so a text above the first subhead sharing
none of the headline's words, while the text under it shares many, is likely another
story's text under this headline."""
from __future__ import annotations

from synthetic_pages import parse_conserved

from sitegen.parse import doubt_subhead
from sitegen.parse.doubt_subhead import FirstSubhead
from sitegen.parse.doubts import Signals, fired
from test_parse_glue_doubt import HEAD, MORE_TEA, PORT, TEA


def _wrap(p: str) -> str:
    return "\n".join(p[i:i + 20] for i in range(0, len(p), 20))


def _page(head: str, above: list[str], sub: str, under: list[str]) -> str:
    top = head + "\n\n" if head else ""
    return top + "\n\n".join(map(_wrap, above)) + "\n\n" + sub + "\n\n" + "\n\n".join(map(_wrap, under)) + "\n"


def _below(article) -> list[str]:
    return [d for d in article.doubts if "headline's words are under the subhead" in d]


def test_another_story_above_the_subhead_is_doubted_at_the_subhead() -> None:
    # the headline block stands over a port brief; the tea story it heads goes on under a
    # subhead, printed plain or marked as papers mark them (■, 【】)
    for sub in ("采茶季里", "茶园新景", "一、采茶季里"):
        text = _page(HEAD, PORT, sub, TEA)
        arts = parse_conserved(text).articles
        assert len(arts) == 1 and arts[0].headline == HEAD, sub
        line = text.splitlines().index(sub) + 1
        assert _below(arts[0]) == [f"the headline's words are under the subhead at line {line}, none above it: "
                                   "the text above may be another story's"], sub


def test_a_story_whose_opening_names_its_headline_is_not_doubted() -> None:
    arts = parse_conserved(_page(HEAD, TEA[:2], "采茶季里", TEA[2:] + MORE_TEA)).articles
    assert len(arts) == 1 and arts[0].headline == HEAD
    assert _below(arts[0]) == []


def test_a_headline_word_split_by_a_column_break_counts_as_named_above() -> None:
    # the opening names the tea farmers (茶农) once, the word broken over a column break:
    # the paragraph's text prints it, so the opening names the headline
    opening = ["清明前后，山里的雨水一场接一场，山坡上到处是背着竹篓的茶",
               "农，他们天不亮就出门，趁着露水采下最嫩的芽尖。"]
    arts = parse_conserved(_page(HEAD, opening, "采茶季里", TEA)).articles
    assert len(arts) == 1 and arts[0].headline == HEAD
    assert arts[0].paragraphs[0].endswith("茶农，他们天不亮就出门，趁着露水采下最嫩的芽尖。")
    assert _below(arts[0]) == []


def test_a_headless_text_is_not_doubted_for_it() -> None:
    # no headline, no words to look for: other rules speak for a headless text
    arts = parse_conserved(_page("", PORT, "采茶季里", TEA)).articles
    assert all(_below(a) == [] for a in arts)


def test_the_thresholds_bound_the_rule() -> None:
    def s(over: float, under: float) -> Signals:
        return Signals(match=0.5, first_sub=FirstSubhead(line=9, head_over=over, head_under=under))
    names = lambda sig: [n for n, _r in fired(sig)]  # noqa: E731
    assert "head_below" in names(s(doubt_subhead.ABOVE, doubt_subhead.UNDER))
    assert "head_below" not in names(s(doubt_subhead.ABOVE + 0.01, 0.9))  # the opening names the headline
    assert "head_below" not in names(s(0.0, doubt_subhead.UNDER - 0.01))  # nor does the rest: no evidence
    assert "head_below" not in names(Signals(match=0.5))  # no subhead
