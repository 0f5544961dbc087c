"""`sitegen parse FILE`'s summary counts in words a maintainer reads: one article, one paragraph."""
from __future__ import annotations

from sitegen.cli import main

PAGE = "春茶市场升温\n\n本报讯 今年春茶上市以来，茶叶市场交易活跃，价格稳中有升。\n"


def test_summary_says_one_article_and_one_paragraph(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    seed = tmp_path / "p.txt"
    seed.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "[1 paragraph]" in out
    assert out.rstrip().endswith("1 article, 0 leftovers")
