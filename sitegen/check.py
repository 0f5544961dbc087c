"""``sitegen check``: look over the built site and its inputs, one finding per line.

What is checked, and how serious each finding is:

errors (exit status 1)
  - the site is missing (no ``index.html`` in the output directory);
  - a broken internal link: an ``href``/``src``/``srcset``/``poster`` in an HTML page, or a
    ``url(...)`` in a stylesheet, that points to no file of the site (letter case counts, as
    it does on GitHub Pages), or that climbs out of the site;
  - an article page listed in ``digest.json`` that was not written;
  - a seed file that cannot be read (``SeedError``: empty, binary, undecodable);
  - with ``[translation] strict = true`` (or ``strict=True``): texts awaiting translation.

warnings (reported, exit status 0)
  - texts awaiting translation (no zh→en model was installed when the site was built);
  - an article without a headline (continuation fragments often have none on the page; the
    site shows the article's first words instead) — an error with ``strict``;
  - articles the parser doubts (``Article.doubts``: a topic shift inside the body, a weak or
    ambiguous headline match, a missing headline), listed first, one warning per article;
  - parse warnings (``ParseWarning``) and seed warnings (GB18030 encoding, duplicate seeds);
  - ``digest.json`` absent or unreadable (headline and translation checks are then done on a
    fresh parse of the seeds, for headlines only).

Every finding is printed to standard output as ``LOCATION: LEVEL: MESSAGE`` where LOCATION is
``file:line`` (a page of the site, a stylesheet or a seed) or ``file`` when no line applies;
a summary line follows. External links (any scheme, ``//host``), ``mailto:`` and
fragment-only links (``#top``) are not checked; fragments and queries are ignored.
"""
from __future__ import annotations

import json
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Literal, TextIO
from urllib.parse import unquote, urlsplit

from sitegen.config import Config
from sitegen.models import Article, ParseResult, SeedFile
from sitegen.progress import Reporter

Level = Literal["error", "warning"]

#: Fields of an article whose English rendering the site shows.
TRANSLATED_FIELDS = ("kicker", "headline", "subtitle", "lead")

_LINK_ATTRS = ("href", "src", "poster")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Finding:
    level: Level
    location: str  # "file:line" or "file"
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    articles: int = 0
    seeds: int = 0

    def add(self, level: Level, location: str, message: str) -> None:
        self.findings.append(Finding(level, location, message))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return (
            f"check: {e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} "
            f"({self.pages} pages, {self.links} internal links, {self.articles} articles, {self.seeds} seeds)"
        )


# --------------------------------------------------------------------------- helpers


class _Display:
    """Show paths relative to the project root (or the working directory) when shorter."""

    def __init__(self, root: Path):
        self.bases = [root.resolve(), Path.cwd().resolve()]

    def __call__(self, path: Path | str) -> str:
        p = Path(path)
        try:
            absolute = p.resolve()
        except OSError:
            return str(p)
        for base in self.bases:
            try:
                return absolute.relative_to(base).as_posix()
            except ValueError:
                continue
        return str(p)


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


class _SiteFiles:
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


def _target_exists(files: _SiteFiles, target: str) -> bool:
    if target == "" or target.endswith("/"):
        return files.is_file(posixpath.join(target, "index.html"))
    if files.is_file(target):
        return True
    # A directory link without a trailing slash is served as its index.html.
    return files.is_dir(target) and files.is_file(posixpath.join(target, "index.html"))


# --------------------------------------------------------------------------- the checks


def check_links(out_dir: Path, report: CheckReport, display: _Display, base_url: str = "") -> None:
    files = _SiteFiles(out_dir)
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


def _seed_location(display: _Display, seeds_dir: Path, seed: str | None, line: int | None) -> str:
    where = display(seeds_dir / seed) if seed else "digest.json"
    return f"{where}:{line}" if line else where


def _awaiting(entry: dict) -> list[str]:
    fields = []
    for name in TRANSLATED_FIELDS:
        pair = entry.get(name)
        if not isinstance(pair, dict):
            continue
        if pair.get("status") == "pending" or (pair.get("zh") and not pair.get("en")):
            fields.append(name)
    return fields


def check_digest(config: Config, report: CheckReport, display: _Display, strict: bool) -> bool:
    """Headlines, pending translations and article pages from ``digest.json``.

    Returns False when there is no usable digest.json (the caller falls back to the parse).
    """
    path = config.out_dir / "digest.json"
    if not path.is_file():
        report.add("warning", display(path), "digest.json is missing; headlines are checked on the seeds instead "
                   "and translations are not checked")
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = data["articles"]
        if not isinstance(articles, list):
            raise TypeError("'articles' is not a list")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.add("warning", display(path), f"cannot read digest.json ({exc}); headlines are checked on the "
                   "seeds instead and translations are not checked")
        return False
    files = _SiteFiles(config.out_dir)
    pending_level: Level = "error" if strict else "warning"
    for number, entry in enumerate(articles, 1):
        if not isinstance(entry, dict):
            report.add("warning", display(path), f"article #{number} is not an object")
            continue
        report.articles += 1
        seed = entry.get("seed")
        line = entry.get("line") or None
        where = _seed_location(display, config.seeds_dir, seed, line)
        if not line and entry.get("position"):
            where += f" (article {entry['position']})"
        headline = entry.get("headline")
        zh = headline.get("zh") if isinstance(headline, dict) else headline
        if not (isinstance(zh, str) and zh.strip()):
            report.add(pending_level, where, f"article has no headline; its first words stand in "
                       f"({entry.get('permalink') or 'no page'})")
        waiting = _awaiting(entry)
        if waiting:
            report.add(pending_level, where, f"awaiting translation: {', '.join(waiting)}")
        permalink = entry.get("permalink")
        if isinstance(permalink, str) and permalink and not files.is_file(permalink):
            report.add("error", where, f"article page {permalink!r} was not written")
    return True


def _split_location(text: str, paths: Iterable[str]) -> tuple[str, str, str]:
    """Split ``'<path>[:<line>]: message'`` (as sitegen.seeds words warnings) into (path, line, message)."""
    for p in sorted(paths, key=len, reverse=True):
        if text.startswith(p):
            m = re.match(r"(?::(\d+))?: ", text[len(p):])
            if m:
                return p, m.group(1) or "", text[len(p) + m.end():]
    return "", "", text


def check_seeds(
    config: Config, report: CheckReport, display: _Display, headlines: bool,
    parse: Callable[[SeedFile], ParseResult] | None = None,
) -> None:
    """Seed-reading problems and parse warnings (and headlines when the digest can't tell)."""
    from sitegen.seeds import SeedError, find_seed_paths, read_seed, read_seeds

    try:
        paths = find_seed_paths(config.seeds_dir)
    except SeedError as exc:
        report.add("error", display(config.seeds_dir), str(exc).split(": ", 1)[-1])
        return
    if not paths:
        report.add("error", display(config.seeds_dir), "no seed files (*.txt, *.md)")
        return
    readable: list[Path] = []
    for path in paths:
        try:
            read_seed(path)
        except SeedError as exc:
            where = display(path) + (f":{exc.line}" if exc.line else "")
            prefix = f"{exc.path}:{exc.line}: " if exc.line else f"{exc.path}: "
            message = str(exc)[len(prefix):] if str(exc).startswith(prefix) else str(exc)
            report.add("error", where, message)
        else:
            readable.append(path)
    seed_set = read_seeds(readable)
    report.seeds = len(seed_set.seeds)
    shown = {str(p): display(p) for p in readable}
    for warning in seed_set.warnings:
        raw, line, message = _split_location(warning, shown)
        for other, nice in shown.items():  # e.g. the first copy named by a duplicate warning
            message = message.replace(other, nice)
        location = (shown[raw] + (f":{line}" if line else "")) if raw else display(config.seeds_dir)
        report.add("warning", location, message)

    if parse is None:
        try:
            from sitegen.parse import parse_seed as parse
        except ImportError as exc:  # pragma: no cover - partial checkouts
            report.add("warning", display(config.seeds_dir), f"parser unavailable ({exc}); parse warnings not checked")
            return
    doubted: list[Finding] = []
    for seed in seed_set.seeds:
        result = parse(seed)
        doubted += doubt_findings(result, lambda a: f"{display(config.seeds_dir / a.seed)}:{a.line}")
        for w in result.warnings:
            report.add("warning", f"{display(config.seeds_dir / w.seed)}:{w.line}", w.message)
        if headlines:
            for article in result.articles:
                report.articles += 1
                if not (article.headline and article.headline.strip()):
                    report.add("warning",
                               f"{display(config.seeds_dir / article.seed)}:{article.line}",
                               f"article {article.position} has no headline")
    report.findings[:0] = doubted  # what most likely needs a correction comes first


def doubt_findings(result: ParseResult, where: Callable[[Article], str]) -> list[Finding]:
    """One warning per article the parser doubts (``Article.doubts``), at its first line."""
    out: list[Finding] = []
    for a in result.articles:
        if a.doubts:
            title = a.headline or (a.lead[:12] + "…" if a.lead else "(empty)")
            out.append(Finding("warning", where(a),
                               f"article {a.position} ({title}) may be parsed wrong: {'; '.join(a.doubts)}"))
    return out


def check_site(
    config: Config, strict: bool | None = None, parse: Callable[[SeedFile], ParseResult] | None = None
) -> CheckReport:
    """Run every check and return the findings (nothing printed)."""
    strict = config.strict if strict is None else strict
    report = CheckReport()
    display = _Display(config.root)
    out_dir = config.out_dir
    have_digest = False
    if not (out_dir / "index.html").is_file():
        report.add("error", display(out_dir), "no built site here (index.html missing): run `sitegen build` first")
    else:
        check_links(out_dir, report, display, config.base_url)
        have_digest = check_digest(config, report, display, strict)
    check_seeds(config, report, display, headlines=not have_digest, parse=parse)
    return report


def run_check(
    config: Config, reporter: Reporter, strict: bool | None = None, out: TextIO | None = None,
    parse: Callable[[SeedFile], ParseResult] | None = None,
) -> int:
    """The ``sitegen check`` command: print findings and a summary; 1 if any error, else 0.

    ``strict`` (default: the config's ``[translation] strict``) makes pending translations
    errors. ``parse`` replaces ``sitegen.parse.parse_seed`` (tests).
    """
    out = out or sys.stdout
    reporter.info(f"checking {config.out_dir} and {config.seeds_dir}")
    report = check_site(config, strict, parse)
    for finding in report.findings:
        print(finding, file=out)
    print(report.summary(), file=out)
    return 1 if report.errors else 0
