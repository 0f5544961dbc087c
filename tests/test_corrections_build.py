"""corrections.toml in a project: `sitegen build` applies it (re-parsing only the corrected
seeds), a correction that no longer fits stops the build before anything is written, and
`sitegen parse` / `sitegen check` show the corrected articles."""
from __future__ import annotations

import json

import pytest

from sitegen.build import build
from sitegen.check import check_site
from sitegen.cli import main
from sitegen.parse import parse_seed
from sitegen.parse.anchors import norm
from sitegen.progress import Reporter
from sitegen.seeds import read_seeds


def split_anchor(seed) -> str:
    """A text that starts a paragraph other than the lead of an article of ``seed`` and occurs
    once in it: where a [[split]] makes a new article."""
    page = norm(seed.text)
    for article in parse_seed(seed).articles:
        for para in article.paragraphs[1:]:
            anchor = norm(para)[:14]
            if len(anchor) == 14 and page.count(anchor) == 1:
                return anchor
    raise AssertionError(f"{seed.name}: no paragraph to split at")


@pytest.fixture
def seeds(project):
    return read_seeds(sorted(project.seeds_dir.glob("*.txt"))).seeds


def entry(seed: str, at: str) -> str:
    return f'[[split]]\nseed = "{seed}"\nat = "{at}"\n\n'


def test_build_applies_corrections_and_reparses_only_the_corrected_seed(project, seeds):
    first = build(project, reporter=Reporter(0))
    x, y = seeds[0], seeds[-1]
    corrections = project.root / "corrections.toml"
    corrections.write_text(entry(x.name, split_anchor(x)), encoding="utf-8")
    second = build(project, reporter=Reporter(0))
    assert not second.skipped
    assert second.parsed == 1 and second.articles == first.articles + 1
    digest = json.loads((project.out_dir / "digest.json").read_text(encoding="utf-8"))
    assert len(digest["articles"]) == first.articles + 1

    # an entry for another seed above x's: x's lines move, yet only y is parsed again
    corrections.write_text(entry(y.name, split_anchor(y)) + corrections.read_text(encoding="utf-8"),
                           encoding="utf-8")
    third = build(project, reporter=Reporter(0))
    assert third.parsed == 1 and third.articles == first.articles + 2
    assert build(project, reporter=Reporter(0)).skipped  # and nothing changed since

    corrections.unlink()
    fourth = build(project, reporter=Reporter(0))
    assert fourth.parsed == 2 and fourth.articles == first.articles


def test_a_stale_anchor_stops_the_build_and_writes_nothing(project, seeds, monkeypatch, capsys):
    build(project, reporter=Reporter(0))
    before = {p: p.stat().st_mtime_ns for p in project.out_dir.rglob("*") if p.is_file()}
    manifest = (project.out_dir.parent / f".{project.out_dir.name}.cache" / "manifest.json").read_bytes()
    seed = seeds[1].name
    (project.root / "corrections.toml").write_text(
        "# a page that was reprinted\n" + entry(seed, "这段文字不在任何一页上"), encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["build", "-q"]) == 1
    err = capsys.readouterr().err
    assert "corrections.toml:2: [[split]] for seed" in err and seed in err and "matches nothing" in err
    assert {p: p.stat().st_mtime_ns for p in project.out_dir.rglob("*") if p.is_file()} == before
    assert (project.out_dir.parent / f".{project.out_dir.name}.cache" / "manifest.json").read_bytes() == manifest


def test_an_unknown_seed_or_key_stops_the_build(project, seeds, monkeypatch, capsys):
    monkeypatch.chdir(project.root)
    (project.root / "corrections.toml").write_text(entry("nope.txt", "本报讯"), encoding="utf-8")
    assert main(["build", "-q"]) == 1
    assert "corrections.toml:1: seed 'nope.txt' is not a seed file" in capsys.readouterr().err
    (project.root / "corrections.toml").write_text(f'[[join]]\nseed = "{seeds[0].name}"\nat_ = "x"\n',
                                                   encoding="utf-8")
    assert main(["build", "-q"]) == 1
    assert "corrections.toml:3: unknown key 'join.at_'" in capsys.readouterr().err
    assert not project.out_dir.exists()


def test_parse_and_check_show_the_corrected_articles(project, seeds, monkeypatch, capsys):
    seed = seeds[0]
    anchor = split_anchor(seed)
    (project.root / "corrections.toml").write_text(entry(seed.name, anchor), encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["parse", "--json", str(project.seeds_dir / seed.name)]) == 0
    corrected = [a for a in json.loads(capsys.readouterr().out)["articles"] if a["corrections"]]
    assert len(corrected) == 2 and norm(corrected[1]["lead"]).startswith(anchor)
    assert main(["parse", "--json", "--no-corrections", str(project.seeds_dir / seed.name)]) == 0
    assert not any(a["corrections"] for a in json.loads(capsys.readouterr().out)["articles"])

    notes = [f for f in check_site(project).findings if f.level == "note"]
    assert len(notes) == 2 and all(seed.name in f.location and "corrected" in f.message for f in notes)
    (project.root / "corrections.toml").write_text(entry(seed.name, "这段文字不在任何一页上"), encoding="utf-8")
    errors = [f for f in check_site(project).findings if f.level == "error" and "corrections" in f.location]
    assert len(errors) == 1 and errors[0].location == "corrections.toml:1" and seed.name in errors[0].message
