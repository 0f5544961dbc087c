"""Markdown pages (pages/*.md): rendered with the markdown package in the site's layout,
listed in every page's navigation and in the sitemap; bad pages are clear errors."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildError, build
from sitegen.config import Config
from sitegen.pages import PageError, read_pages
from sitegen.progress import Reporter

REPO = Path(__file__).resolve().parent.parent

PAGE = """---
title: Notes & <Sources>
description: Where the pages come from.
---
Some *emphasis*, a [link to the data](digest.json) and a table:

| paper | pages |
|-------|------:|
| 新疆日报 | 4 |
"""


def write(project: Config, name: str, text: str) -> Path:
    folder = project.root / "pages"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_pages_renders_markdown_with_front_matter(tmp_path):
    (tmp_path / "notes.md").write_text(PAGE, encoding="utf-8")
    (page,) = read_pages(tmp_path)
    assert (page.path, page.title, page.description) == ("notes.html", "Notes & <Sources>", "Where the pages come from.")
    assert "<em>emphasis</em>" in page.html and '<a href="digest.json">' in page.html
    assert "<td>新疆日报</td>" in page.html and "title:" not in page.html
    assert read_pages(tmp_path / "missing") == ()


@pytest.mark.parametrize("name, text, message", [
    ("untitled.md", "Just text.\n", "pages/untitled.md:1: no title"),
    ("Bad Name.md", PAGE, "pages/Bad Name.md: page file names are lower-case"),
    ("latin1.md", None, "pages/latin1.md: not valid UTF-8"),
])
def test_bad_pages_are_errors_naming_the_file(tmp_path, name, text, message):
    folder = tmp_path / "pages"
    folder.mkdir()
    if text is None:
        (folder / name).write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    else:
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(PageError) as err:
        read_pages(folder)
    assert str(err.value).startswith(message)


def test_pages_are_built_in_the_layout_listed_and_in_the_sitemap(project):
    write(project, "notes.md", PAGE)
    shutil.copy(REPO / "pages" / "colophon.md", project.root / "pages" / "colophon.md")
    config = Config(root=project.root, base_url="https://user.github.io/repo/").resolved()
    build(config, reporter=Reporter(0))
    site = config.out_dir
    notes = (site / "notes.html").read_text(encoding="utf-8")
    assert "<title>Notes &amp; &lt;Sources&gt; · " in notes  # the title is text, escaped
    assert '<h1 class="page-title">Notes &amp; &lt;Sources&gt;</h1>' in notes
    assert "<em>emphasis</em>" in notes and '<link rel="stylesheet"' in notes  # the site's layout
    colophon = (site / "colophon.html").read_text(encoding="utf-8")
    assert "<h1 class=\"page-title\">Colophon</h1>" in colophon and "Python-Markdown" in colophon

    nav = re.compile(r'<nav class="wrap page-nav" aria-label="Pages">(.*?)</nav>')
    assert nav.search(notes).group(1) == (
        '<a href="colophon.html">Colophon</a> · '
        '<a href="notes.html" aria-current="page">Notes &amp; &lt;Sources&gt;</a>')
    article = json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"][0]["permalink"]
    assert nav.search((site / article).read_text(encoding="utf-8")).group(1).startswith(
        '<a href="../colophon.html">Colophon</a>')
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for name in ("colophon.html", "notes.html"):
        assert f"<url><loc>https://user.github.io/repo/{name}</loc></url>" in sitemap


def test_editing_a_page_rebuilds_and_a_name_taken_by_the_site_is_refused(project):
    write(project, "notes.md", PAGE)
    build(project, reporter=Reporter(0))
    index = project.out_dir / "index.html"
    write(project, "notes.md", PAGE.replace("title: Notes & <Sources>", "title: Field notes"))
    again = build(project, reporter=Reporter(0))
    assert not again.skipped  # a page change is an input change
    assert '<a href="notes.html">Field notes</a>' in index.read_text(encoding="utf-8")  # every page's nav
    article = next((project.out_dir / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert '<a href="../notes.html">Field notes</a>' in article  # carried-over pages too
    before = {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    write(project, "search.md", "---\ntitle: Search\n---\nx\n")
    with pytest.raises(BuildError, match="pages/search.md: the site already has a page search.html"):
        build(project, reporter=Reporter(0))
    assert {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()} == before


def test_repository_pages_have_titles():
    pages = read_pages(REPO / "pages")
    assert [p.path for p in pages] == ["colophon.html"]
    assert all(p.title and p.description for p in pages)


def test_a_bad_page_is_a_one_line_error_of_the_command(project, monkeypatch, capsys):
    from sitegen.cli import main

    write(project, "untitled.md", "No front matter.\n")
    monkeypatch.chdir(project.root)
    assert main(["build", "-q"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    assert errors == [
        "error: pages/untitled.md:1: no title: start the page with front matter ('---', 'title: …', '---')"]
