"""Self-doubt from disagreement between readings of the page (sitegen/parse/readings.py):
the readings the placement decided against name the article they disagree on, and what
the alternative would be; recording them changes no article."""
from __future__ import annotations

from sitegen.parse import build, doubts, parse_text
from sitegen.parse.assign import Assignment, Scorer
from sitegen.parse.blocks import build_elements
from sitegen.parse.place import Placer, Reading
from sitegen.parse.readings import Disagreement, compare, reason_cut, reason_head
from sitegen.parse.resume import cut, rejoin
from sitegen.parse.segment import segment

from synthetic_pages import PORT, TEA


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def _one_body(text: str):
    layout = segment(build_elements(text))
    bodies = rejoin(layout)
    assert len(bodies) == 1, "the page is no longer one body; choose another"
    return bodies[0], layout.vocab


def test_a_reading_with_other_boundaries_names_where_it_cuts() -> None:
    body, vocab = _one_body(_page(*TEA, *PORT))
    tea, port = cut(body, [0, len(TEA), len(TEA) + len(PORT)])
    port_line = port.paras[0].line
    # final: two stories; the reading decided against: one (the split undone)
    d = compare([tea, port], Assignment(), Scorer([tea, port], vocab), [Reading("split", [body], None)])
    assert d[0].cut == (port_line, "on", "split") and d[1].cut == (tea.paras[0].line, "from", "split")
    assert reason_cut(d[0]) == f"read before its body was split by headlines, the story runs on to line {port_line}"
    assert reason_cut(d[1]).endswith(f"the story starts at line {tea.paras[0].line}")
    # final: one story; the reading decided against: two
    d = compare([body], Assignment(), Scorer([body], vocab), [Reading("cut", [tea, port], {})])
    assert d[0].cut == (port_line, "new", "cut")
    assert reason_cut(d[0]).endswith(f"a new story starts at line {port_line}")


def test_the_same_reading_does_not_disagree() -> None:
    body, vocab = _one_body(_page(*TEA, *PORT))
    scorer = Scorer([body], vocab)
    assert compare([body], Assignment(), scorer, [Reading("content", [body], {}), Reading("split", [body], None)]) \
        == [Disagreement()]


def _placed(text: str):
    """(articles, the Signals of each, the readings the placement decided against) of ``text``."""
    seen: dict = {}
    place, measure = Placer.place, build.signals

    def placing(self, bodies):
        seen["placement"] = out = place(self, bodies)
        return out

    def signals(*args):
        seen["signals"] = out = measure(*args)
        return out

    Placer.place, build.signals = placing, signals
    try:
        result = parse_text("p.txt", text)
    finally:
        Placer.place, build.signals = place, measure
    return result.articles, seen["signals"], seen["placement"].readings


def test_the_other_convention_offers_a_headless_body_the_headline_printed_after_it() -> None:
    # headline after its body, twice; the port story's first paragraph repeats its
    # headline's words, so by content that headline goes to the tea story above it
    arts, sig, readings = _placed(_page("春茶市场升温", *TEA, PORT[0], "口岸通关效率持续提升", *PORT[1:]))
    assert [a.headline for a in arts] == ["口岸通关效率持续提升", None], "the parser reads this page otherwise now"
    assert "after" in [r.name for r in readings]
    margin, line, name = sig[1].other.head
    assert (line, name) == (11, "after") and margin > 0
    assert reason_head(sig[1].other, sig[1].match).startswith(
        "read with every headline after its body, its headline is the one at line 11")
    # the tea story keeps the headline that fits it far better than the other reading's
    assert sig[0].other.head[0] < doubts.OTHER_HEAD and doubts._other_head(sig[0]) is None


def test_recording_the_readings_changes_no_article() -> None:
    text = _page("春茶市场升温", *TEA, PORT[0], "口岸通关效率持续提升", *PORT[1:])
    with_readings = parse_text("p.txt", text)
    place = Placer.place

    def without(self, bodies):
        out = place(self, bodies)
        out.readings.clear()
        return out

    Placer.place = without
    try:
        bare = parse_text("p.txt", text)
    finally:
        Placer.place = place
    strip = [dict(a.to_json(), doubts=[]) for a in with_readings.articles]
    assert strip == [dict(a.to_json(), doubts=[]) for a in bare.articles]
    assert with_readings.leftovers == bare.leftovers


def test_a_block_line_that_fits_the_neighbour_as_well_is_named_on_both_articles() -> None:
    # all headlines in one block over the bodies; its middle line speaks of both stories
    text = _page("春茶市场升温\n茶企和外贸企业效益增加\n口岸通关提速", *TEA, "本报讯 " + PORT[0], *PORT[1:])
    arts, sig, _readings = _placed(text)
    # the middle line may go either way; the doubt names the other article
    heads = [a.headline for a in arts]
    assert heads in (["春茶市场升温", "茶企和外贸企业效益增加口岸通关提速"],
                     ["春茶市场升温茶企和外贸企业效益增加", "口岸通关提速"]), heads
    tea, port = (a.line for a in arts)
    owner, neighbour = (port, tea) if heads[0] == "春茶市场升温" else (tea, port)
    for s in sig:
        margin, line, now, other = s.other.edge
        assert (line, now, other) == (2, owner, neighbour) and margin >= doubts.BLOCK_EDGE
        assert doubts._block_edge(s) == f"the block's headline line 2 may head the article at line {neighbour}, " \
                                        f"not the one at line {owner} ({margin:+.2f})"
    # a clear block: every edge line fits its own article far better
    _arts, sig, _readings = _placed(_page("春茶市场升温\n茶企订单增加\n口岸通关提速", *TEA, "本报讯 " + PORT[0], *PORT[1:]))
    assert all((s.other.edge is None or s.other.edge[0] < doubts.BLOCK_EDGE) and doubts._block_edge(s) is None
               for s in sig)


def test_a_block_line_sharing_no_words_with_the_neighbour_is_no_evidence() -> None:
    # the middle line of the block speaks of neither story: it fits the neighbour exactly as
    # badly as its own article (0 and 0), which says nothing about where it belongs
    text = _page("春茶市场升温\n欢度佳节喜迎新春\n口岸通关提速", *TEA, "本报讯 " + PORT[0], *PORT[1:])
    arts, sig, _readings = _placed(text)
    assert len(arts) == 2 and all(a.headline for a in arts), "the parser reads this page otherwise now"
    assert all(s.other.edge is None and doubts._block_edge(s) is None for s in sig)
    # the same page with a middle line that fits the port story too is still doubted
    _arts, sig, _readings = _placed(text.replace("欢度佳节喜迎新春", "茶企和外贸企业效益增加"))
    assert all(doubts._block_edge(s) is not None for s in sig)


def test_pages_without_a_headline_block_have_no_block_edge() -> None:
    _arts, sig, _readings = _placed(_page("春茶市场升温", *TEA, "口岸通关效率持续提升", "本报讯 " + PORT[0], *PORT[1:]))
    assert all(s.other.edge is None for s in sig)
