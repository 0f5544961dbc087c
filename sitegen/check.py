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
  - articles the parser doubts (``Article.doubts``: two stories in one body, a paragraph
    that may belong to the next article, a missing headline), listed first, one warning each;
  - parse warnings (``ParseWarning``) and seed warnings (GB18030 encoding, duplicate seeds);
  - ``digest.json`` absent or unreadable (headline and translation checks are then done on a
    fresh parse of the seeds, for headlines only).

notes (reported, exit status 0)
  - an article that ``corrections.toml`` changed (a ``corrections.toml`` entry that no longer
    fits its seed is an error).

Every finding is printed to standard output as ``LOCATION: LEVEL: MESSAGE`` where LOCATION is
``file:line`` (a page of the site, a stylesheet or a seed) or ``file`` when no line applies;
a summary line follows. External links (any scheme, ``//host``), ``mailto:`` and
fragment-only links (``#top``) are not checked; fragments and queries are ignored.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Literal, TextIO

from sitegen.config import Config
from sitegen.models import HEADLESS_BODY, Article, ParseResult, SeedFile
from sitegen.progress import Reporter
from sitegen.linkcheck import SiteFiles, check_links

Level = Literal["error", "warning", "note"]

#: Fields of an article whose English rendering the site shows.
TRANSLATED_FIELDS = ("kicker", "headline", "subtitle", "lead")



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
    #: articles without a headline, from digest.json: location → (level, permalink)
    headless: dict[str, tuple[Level, str]] = field(default_factory=dict)

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


# --------------------------------------------------------------------------- the checks
# Links: sitegen/linkcheck.py (check_links; resolve_link resolves one).


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


def check_digest(config: Config, report: CheckReport, display: _Display, strict: bool,
                 verbose: bool = False) -> bool:
    """Headlines, pending translations and article pages from ``digest.json``.

    Texts awaiting translation make one finding with their count (``verbose``: one more per
    article); articles without a headline go to ``report.headless`` (see ``check_site``).
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
    files = SiteFiles(config.out_dir)
    pending_level: Level = "error" if strict else "warning"
    awaiting: list[tuple[str, list[str]]] = []
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
            report.headless[where] = (pending_level, str(entry.get("permalink") or "no page"))
        waiting = _awaiting(entry)
        if waiting:
            awaiting.append((where, waiting))
        permalink = entry.get("permalink")
        if isinstance(permalink, str) and permalink and not files.is_file(permalink):
            report.add("error", where, f"article page {permalink!r} was not written")
    if awaiting:
        texts = sum(len(fields) for _, fields in awaiting)
        listed = "" if verbose else " (`sitegen check -v` lists them)"
        report.add(pending_level, display(path), f"{texts} texts in {len(awaiting)} articles await "
                   f"translation: no zh→en model when the site was built{listed}")
        if verbose:
            for where, fields in awaiting:
                report.add(pending_level, where, f"awaiting translation: {', '.join(fields)}")
    return True


def _split_location(text: str, paths: Iterable[str]) -> tuple[str, str, str]:
    """Split ``'<path>[:<line>]: message'`` (as sitegen.seeds words warnings) into (path, line, message)."""
    for p in sorted(paths, key=len, reverse=True):
        if text.startswith(p):
            m = re.match(r"(?::(\d+))?: ", text[len(p):])
            if m:
                return p, m.group(1) or "", text[len(p) + m.end():]
    return "", "", text


def _readable_seeds(config: Config, report: CheckReport, display: _Display) -> list[Path]:
    """The seed files that read cleanly; each one that does not is an error in ``report``."""
    from sitegen.seeds import SeedError, find_seed_paths, read_seed

    try:
        paths = find_seed_paths(config.seeds_dir)
    except SeedError as exc:
        report.add("error", display(config.seeds_dir), str(exc).split(": ", 1)[-1])
        return []
    if not paths:
        report.add("error", display(config.seeds_dir), "no seed files (*.txt, *.md)")
        return []
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
    return readable


def check_seeds(
    config: Config, report: CheckReport, display: _Display, headlines: bool,
    parse: Callable[[SeedFile], ParseResult] | None = None,
) -> None:
    """Seed-reading problems and parse warnings (and headlines when the digest can't tell)."""
    from sitegen.seeds import read_seeds

    readable = _readable_seeds(config, report, display)
    if not readable:
        return
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
            parse = _corrected_parser(config, report)
        except ImportError as exc:  # pragma: no cover - partial checkouts
            report.add("warning", display(config.seeds_dir), f"parser unavailable ({exc}); parse warnings not checked")
            return
    doubted: list[Finding] = []
    for seed in seed_set.seeds:
        result = parse(seed)
        for article in result.articles:
            if article.corrections:
                report.add("note", f"{display(config.seeds_dir / article.seed)}:{article.line}",
                           f"article {article.position} corrected by corrections.toml: {'; '.join(article.corrections)}")
        doubted += doubt_findings(result, lambda a: f"{display(config.seeds_dir / a.seed)}:{a.line}")
        headless = {a.line for a in result.articles if not (a.headline and a.headline.strip())}
        doubted_lines = {a.line for a in result.articles if a.doubts}
        for w in result.warnings:
            if w.message == HEADLESS_BODY and w.line in headless:
                continue  # said once, by the article's own warning below (or its doubt)
            report.add("warning", f"{display(config.seeds_dir / w.seed)}:{w.line}", w.message)
        if headlines:
            for article in result.articles:
                report.articles += 1
                if article.line in headless and article.line not in doubted_lines:
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


def _corrected_parser(config: Config, report: CheckReport) -> Callable[[SeedFile], ParseResult]:
    """``parse_seed`` with the project's corrections; a correction that does not load or no
    longer fits its seed is an error (that seed is then checked without corrections)."""
    from sitegen.corrections import CorrectionError, Corrections, load_corrections
    from sitegen.parse import parse_seed

    def error(exc: CorrectionError) -> None:
        where, _, message = str(exc).partition(": ")
        report.add("error", where, message)

    try:
        corrections = load_corrections(config.root)
    except CorrectionError as exc:
        error(exc)
        corrections = Corrections()

    def parse(seed: SeedFile) -> ParseResult:
        try:
            return parse_seed(seed, corrections.for_seed(seed.name))
        except CorrectionError as exc:
            error(exc)
            return parse_seed(seed)

    return parse


def check_site(
    config: Config, strict: bool | None = None, parse: Callable[[SeedFile], ParseResult] | None = None,
    verbose: bool = False,
) -> CheckReport:
    """Run every check and return the findings (nothing printed): the inputs' (seeds, the
    parser's warnings) first, then the built site's; texts awaiting translation as one count
    (``verbose``: and per article)."""
    strict = config.strict if strict is None else strict
    report = CheckReport()
    site = CheckReport()  # the built site's findings, listed after the inputs'
    display = _Display(config.root)
    out_dir = config.out_dir
    have_digest = False
    if not (out_dir / "index.html").is_file():
        report.add("error", display(out_dir), "no built site here (index.html missing): run `sitegen build` first")
    else:
        check_links(out_dir, site, display, config.base_url)
        have_digest = check_digest(config, site, display, strict, verbose)
    check_seeds(config, report, display, headlines=not have_digest, parse=parse)
    _append_site(report, site)
    return report


def _append_site(report: CheckReport, site: CheckReport) -> None:
    """Add the site's findings after the inputs'. An article without a headline gets one
    finding: what the inputs' checks said at its place (the parser's warning, a doubt),
    joined in one line and completed with the page that stands in."""
    for where, (level, permalink) in site.headless.items():
        page = f"{permalink} shows the article's first words for a headline"
        here = [i for i, f in enumerate(report.findings) if f.location == where]
        if not here:
            report.add(level, where, f"article has no headline; {page}")
            continue
        said = [report.findings[i] for i in here]
        worst: Level = "error" if "error" in (level, *(f.level for f in said)) else "warning"
        report.findings[here[0]] = Finding(worst, where, "; ".join(f.message for f in said) + f" — {page}")
        for i in reversed(here[1:]):
            del report.findings[i]
    report.findings += site.findings
    report.pages += site.pages
    report.links += site.links
    report.articles += site.articles


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
    report = check_site(config, strict, parse, verbose=reporter.verbosity >= 2)
    for finding in report.findings:
        print(finding, file=out)
    print(report.summary(), file=out)
    return 1 if report.errors else 0
