"""Pages the maintainers write in Markdown: ``pages/*.md`` → ``NAME.html`` in the site's layout.

Each file starts with front matter giving at least its title::

    ---
    title: Colophon
    description: How this site is made.
    ---
    Text in **Markdown** …

The ``markdown`` package renders them (extensions ``meta`` for the front matter and
``extra`` for tables, fenced code, footnotes, attribute lists). Pages are project files, like
the templates: their HTML is trusted, not escaped. They are listed, by file name, in the
site's page navigation and in the sitemap. A page must not take the name of one the site
already makes (``index``, ``about``, ``search``…): the renderer refuses two pages at one path.
"""
from __future__ import annotations

import re
from pathlib import Path

from sitegen.models import MarkdownPage

PAGES_DIR = "pages"
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


class PageError(Exception):
    """A Markdown page cannot be used; the message names the file."""


def page_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def read_pages(folder: Path) -> tuple[MarkdownPage, ...]:
    """Every ``*.md`` page of ``folder`` (none when it does not exist), by file name."""
    paths = page_paths(Path(folder))
    if not paths:
        return ()
    import markdown  # ~30 ms: only for projects with pages

    converter = markdown.Markdown(extensions=["meta", "extra"], output_format="html")
    return tuple(read_page(path, converter) for path in paths)


def read_page(path: Path, converter) -> MarkdownPage:
    where = f"{path.parent.name}/{path.name}"
    if not _NAME.fullmatch(path.stem):
        raise PageError(f"{where}: page file names are lower-case letters, digits, '-' and '_' "
                        f"(it becomes the page's address, {path.stem}.html)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageError(f"{where}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    converter.reset()
    html = converter.convert(text)
    meta = {key.lower(): " ".join(v.strip() for v in values) for key, values in converter.Meta.items()}
    title = meta.get("title", "").strip()
    if not title:
        raise PageError(f"{where}:1: no title: start the page with front matter "
                        "('---', 'title: …', '---')")
    return MarkdownPage(path=f"{path.stem}.html", title=title, html=html, source=where,
                        description=meta.get("description", ""))
