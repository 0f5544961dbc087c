"""`sitegen parse FILE --explain`: the decision tables behind a page's parse (headline × body
scores, cohesion at each candidate cut, each article's doubts), on a small hand-made page
whose two stories were printed as one body under one headline, the other's headline after."""
from __future__ import annotations

from pathlib import Path

import pytest
from synthetic_pages import PORT, TEA

from sitegen.cli import main
from sitegen.parse import parse_explained, parse_text
from sitegen.parse.assign import MIN_ASSIGN
from sitegen.parse.explain_text import format_page

TEA_HEAD = "茶叶订单增加 茶旅融合带动消费"
TEXT = "\n\n".join([TEA_HEAD, *TEA, *PORT,
                   "口岸通关效率持续提升\n进出口货运量同比增长\n■本报记者 王鹏"]) + "\n"


def test_the_explained_parse_is_the_parse() -> None:
    result, page = parse_explained("p.txt", TEXT)
    assert result == parse_text("p.txt", TEXT)
    assert page.seed == "p.txt" and [a.line for a in page.articles] == [a.line for a in result.articles]


def test_the_kept_headline_body_pair_is_named_with_its_score() -> None:
    result, page = parse_explained("p.txt", TEXT)
    tea, port = result.articles
    row = next(r for r in page.heads if r.text == TEA_HEAD)
    kept = [p for p in row.pairs if p.chosen]
    assert [p.body_line for p in kept] == [tea.line] and tea.headline == TEA_HEAD and kept[0].by_score
    others = [p for p in row.pairs if not p.chosen]
    assert others and all(p.score < kept[0].score for p in others)  # the other story matches worse
    assert kept[0].score >= MIN_ASSIGN
    assert f"L{row.line} headline {TEA_HEAD}\n      *L{tea.line} {kept[0].score:.2f}" in format_page(page)


def test_the_cut_between_the_glued_stories_is_named_with_its_cohesion() -> None:
    result, page = parse_explained("p.txt", TEXT)
    tea, port = result.articles
    (body,) = page.bodies  # the layout gave one body: the parser cut it
    assert body.line == tea.line
    cut = next(c for c in body.cuts if c.line == port.line)
    assert cut.cut and cut.cohesion is not None
    inside = [c for c in body.cuts if not c.cut]
    assert inside and all(c.cohesion is not None and c.cohesion > cut.cohesion for c in inside)
    assert "cut" in page.recut_by  # the rule that cut: a left-over headline at a vocabulary shift
    text = format_page(page)
    assert f"L{port.line} {cut.cohesion:.2f} CUT" in text and "cut by: a left-over headline" in text
    assert f"L{inside[0].line} {inside[0].cohesion:.2f}" in text


def test_each_doubt_is_listed_under_its_article() -> None:
    text = "\n\n".join(["春茶订单增加 口岸通关提速", *TEA, *PORT]) + "\n"  # one headline over both: doubted
    result, page = parse_explained("p.txt", text)
    (art,) = result.articles
    assert art.doubts and page.articles[0].doubts == art.doubts
    shown = format_page(page)
    assert all(f"doubt: {d}" in shown for d in art.doubts)


@pytest.fixture
def seed_files() -> list[Path]:
    found = sorted(p for p in (Path(__file__).resolve().parent.parent / "seeds").iterdir() if p.suffix == ".txt")
    assert found
    return found


def test_the_command_prints_the_tables(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    seed = tmp_path / "p.txt"
    seed.write_text(TEXT, encoding="utf-8")
    assert main(["parse", "--explain", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "== p.txt" in out and "headline × body" in out and " CUT" in out
    assert out.rstrip().endswith("2 articles, 0 leftovers")


def test_on_the_seeds_the_explained_parse_is_the_parse_and_shows_every_kept_pair(seed_files) -> None:
    for path in seed_files:
        text = path.read_text(encoding="utf-8")
        result, page = parse_explained(path.name, text)
        assert result == parse_text(path.name, text), path.name
        kept = [p.body_line for row in page.heads for p in row.pairs if p.chosen]
        assert len(kept) == len(set(kept)) == sum(1 for a in result.articles if a.headline or a.kicker)
        shown = format_page(page)
        assert shown.count("\n      *L") + shown.count("\n      +L") == len(kept)


def test_with_corrections_the_result_is_corrected_and_the_tables_are_the_parser_s() -> None:
    from sitegen.corrections import parse_corrections
    from sitegen.models import SeedFile
    from sitegen.parse import explain_seed, parse_seed

    text = "\n\n".join(["春茶订单增加 口岸通关提速", *TEA, *PORT]) + "\n"  # read as one article
    seed = SeedFile("p.txt", "p.txt", text)
    fix = parse_corrections(f'[[split]]\nseed = "p.txt"\nat = "{PORT[0][:12]}"\n').for_seed("p.txt")
    result, page = explain_seed(seed, fix)
    assert result == parse_seed(seed, fix) and len(result.articles) == 2
    assert len(page.articles) == 1  # what the parser alone made of the page


def test_pairs_a_later_rule_kept_are_marked_apart() -> None:
    """A headline block at the page end whose lines share hardly a word with their bodies:
    the block's order places them, not the scores."""
    from synthetic_pages import story

    snow = ["入冬以来，牧区迎来多次降雪，牧民提前储备草料，转场工作有序进行。",
            "兽医站工作人员走村入户，为牛羊接种疫苗，帮助牧民做好防寒保暖。",
            "牧民说，棚圈建得结实，草料备得充足，今年冬天心里踏实。"]
    heads = ["春回大地谱新篇", "通关提速惠企业", "风雪中的守护"]
    text = "\n\n".join([story(TEA), story(PORT), story(snow), *heads]) + "\n"
    result, page = parse_explained("p.txt", text)
    assert [a.headline for a in result.articles] == heads and page.block_order
    kept = [(r.text, p) for r in page.heads for p in r.pairs if p.chosen]
    assert [t for t, _p in kept] == heads
    by_order = [t for t, p in kept if not p.by_score]  # the score ranking alone had them elsewhere
    first = next(p for t, p in kept if t == heads[0])  # shares no word with its body: not the score's pick
    assert heads[0] in by_order and first.score < MIN_ASSIGN
    assert f"+L{result.articles[0].line} 0.00" in format_page(page)
