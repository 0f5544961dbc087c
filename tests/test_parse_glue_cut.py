"""Two stories run together at a finished sentence and a blank line, cut when a headline of
the page heads the story cut off (issue 18, :mod:`sitegen.parse.glue_cut`); left whole,
with its doubt, when none does."""
from __future__ import annotations

from synthetic_pages import parse_conserved
from test_parse_glue_doubt import HEAD, PORT, TEA, _glue_doubts, _page

HEAD_PORT = "口岸通关效率提升边贸货运量增长"
HEAD_SNOW = "牧区降雪牧民转场"  # shares no word with the port brief
HEAD_TEA_TOO = "茶园游客体验采茶"  # words of the tea story only: fits no piece cut off


def _wrap(p: str) -> str:
    return "\n".join(p[i:i + 20] for i in range(0, len(p), 20))


def _page_with_tail(tail: str) -> str:
    """The tea story under its headline with the port brief run into it after a finished
    sentence and a blank line, and ``tail``, a headline line printed after it all (the
    page prints that one after its body)."""
    return HEAD + "\n\n本报讯 " + "\n\n".join(map(_wrap, TEA + PORT)) + "\n\n" + tail + "\n"


def test_a_brief_whose_headline_the_page_left_over_is_cut_off_under_it() -> None:
    arts = parse_conserved(_page_with_tail(HEAD_PORT)).articles
    assert [(a.headline, a.paragraphs[0]) for a in arts] == [(HEAD, TEA[0]), (HEAD_PORT, PORT[0])]
    assert [len(a.paragraphs) for a in arts] == [len(TEA), len(PORT)]
    assert not any(_glue_doubts(a) for a in arts)


def test_a_left_over_headline_that_does_not_fit_the_brief_cuts_nothing() -> None:
    arts = parse_conserved(_page_with_tail(HEAD_SNOW)).articles
    assert len(arts) == 1 and arts[0].headline == HEAD and _glue_doubts(arts[0])


def test_without_a_headline_for_it_the_brief_stays_with_its_doubt() -> None:
    arts = parse_conserved(_page(PORT)).articles
    assert len(arts) == 1 and arts[0].headline == HEAD and _glue_doubts(arts[0])


def test_the_doubt_reuses_the_boundary_the_cut_looked_for(monkeypatch) -> None:
    """The placement hands the boundaries it looked for to the doubts in the page's record
    (``Placement.boundaries``): a body left whole under the same headline is not weighed
    twice, and its doubt names the same line."""
    from sitegen.parse import doubt_glue, glue_cut

    asked: list[str] = []

    def counted(body, headline, *args, **kwargs):
        asked.append(headline)
        return doubt_glue.boundary.__wrapped__(body, headline, *args, **kwargs)

    counted.__wrapped__ = doubt_glue.boundary  # type: ignore[attr-defined]
    monkeypatch.setattr(doubt_glue, "boundary", counted)
    monkeypatch.setattr(glue_cut, "boundary", counted)
    arts = parse_conserved(_page_with_tail(HEAD_TEA_TOO)).articles
    assert len(arts) == 1 and arts[0].headline == HEAD and _glue_doubts(arts[0])
    assert asked == [HEAD]  # asked by the cut (the other headline covers the body), not again
