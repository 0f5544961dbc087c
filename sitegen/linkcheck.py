"""Internal links of a built site (for ``sitegen check``): every ``href``/``src``/``srcset``/
``poster`` of an HTML page and every ``url(...)`` of a stylesheet must point to a file of the
site, spelled with the same letter case (GitHub Pages is case-sensitive), without leaving it.
External links, ``mailto:`` and fragment-only links are not checked; fragments and queries
are ignored."""
from __future__ import annotations

import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = ("href", "src", "poster")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []  # (line, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            return
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRS:
                self.links.append((self.getpos()[0], value))
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0] if candidate.strip() else ""
                    if url:
                        self.links.append((self.getpos()[0], url))

    handle_startendtag = handle_starttag


class SiteFiles:
    """Case-exact existence checks inside the site (GitHub Pages is case-sensitive)."""

    def __init__(self, root: Path):
        self.root = root
        self._listing: dict[str, set[str] | None] = {}

    def _names(self, rel_dir: str) -> set[str] | None:
        if rel_dir not in self._listing:
            try:
                self._listing[rel_dir] = set(os.listdir(self.root / rel_dir))
            except OSError:
                self._listing[rel_dir] = None
        return self._listing[rel_dir]

    def exists(self, rel: str) -> bool:
        """True when every component of ``rel`` exists with exactly this spelling."""
        current = ""
        for part in (p for p in rel.split("/") if p):
            names = self._names(current)
            if names is None or part not in names:
                return False
            current = f"{current}/{part}" if current else part
        return True

    def is_file(self, rel: str) -> bool:
        return bool(rel.strip("/")) and self.exists(rel) and (self.root / rel).is_file()

    def is_dir(self, rel: str) -> bool:
        return self.exists(rel) and (self.root / rel).is_dir()


def _base_path(base_url: str) -> str:
    if not base_url:
        return "/"
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def resolve_link(page: str, url: str, base_path: str = "/") -> tuple[str | None, str | None]:
    """Resolve ``url`` found on site page ``page`` (site-relative, forward slashes).

    Returns ``(target, None)`` with the site-relative target path, ``(None, None)`` when the
    link is not ours to check (external, mailto:, fragment-only, empty), or ``(None, reason)``
    when it can never work.
    """
    url = url.strip()
    if not url or url.startswith("#") or url.startswith("//") or _SCHEME.match(url):
        return None, None
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:  # "?q=x": the page itself
        return None, None
    if path.startswith("/"):
        if not path.startswith(base_path) and path + "/" != base_path:
            return None, f"root-relative link outside the site's base path {base_path!r}"
        joined = path[len(base_path):] if path.startswith(base_path) else ""
        trailing = path.endswith("/")
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
        trailing = path.endswith("/")
    norm = posixpath.normpath(joined) if joined else "."
    if norm == ".." or norm.startswith("../"):
        return None, "link leaves the site"
    if norm == ".":
        norm = ""
    if trailing and norm:
        norm += "/"
    return norm, None


def _target_exists(files: SiteFiles, target: str) -> bool:
    if target == "" or target.endswith("/"):
        return files.is_file(posixpath.join(target, "index.html"))
    if files.is_file(target):
        return True
    # A directory link without a trailing slash is served as its index.html.
    return files.is_dir(target) and files.is_file(posixpath.join(target, "index.html"))


def check_links(out_dir: Path, report, display, base_url: str = "") -> None:
    """Add a finding to ``report`` (a ``CheckReport``) for each broken link; ``display``
    shows a path as the user knows it."""
    files = SiteFiles(out_dir)
    base_path = _base_path(base_url)
    for path in sorted(out_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            report.pages += 1
            collector = _LinkCollector()
            try:
                collector.feed(path.read_text(encoding="utf-8"))
                collector.close()
            except (UnicodeDecodeError, OSError) as exc:
                report.add("error", display(path), f"cannot read page: {exc}")
                continue
            links = collector.links
        elif suffix == ".css":
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError) as exc:
                report.add("error", display(path), f"cannot read stylesheet: {exc}")
                continue
            links = [(text.count("\n", 0, m.start()) + 1, m.group(2)) for m in _CSS_URL.finditer(text)]
        else:
            continue
        for line, url in links:
            target, problem = resolve_link(rel, url, base_path)
            if target is None and problem is None:
                continue
            report.links += 1
            if problem:
                report.add("error", f"{display(path)}:{line}", f"broken link {url!r} ({problem})")
            elif not _target_exists(files, target):
                report.add("error", f"{display(path)}:{line}", f"broken link {url!r}")
