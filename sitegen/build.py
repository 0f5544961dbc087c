"""The build: config → parse → group → translate → render → write.

Each stage lives in its own module and exchanges only the records of ``sitegen.models``.
This module only wires them together and decides what can be skipped (see ``sitegen.state``).
"""
from __future__ import annotations

import dataclasses
import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config
from sitegen.models import (Article, DigestEntry, DigestSite, ParseResult, SiteInfo, Translation,
                            TranslationStats)
from sitegen.pages import PAGES_DIR, PageError, read_pages
from sitegen.parallel import MIN_ITEMS, parallel_map
from sitegen.permalinks import article_permalink
from sitegen.corrections import CORRECTIONS_NAME, Corrections, load_corrections
from sitegen.progress import Reporter
from sitegen.seeds import find_seed_paths, read_seeds
from sitegen.summary import translation_line
from sitegen.state import (BuildState, Manifest, code_digest, decode_entry, digest_bytes, digest_json,
                           encode_entry, tree_digest)
from sitegen.write import SiteWriter


class BuildError(Exception):
    """The build cannot go on; the message says why (file and line where it applies)."""


@dataclass
class BuildResult:
    articles: int
    pages: int
    pending: int
    model_calls: int
    warnings: list[str]
    skipped: bool = False  # True when nothing changed since the last build
    rendered: int = 0  # files rendered this build
    unchanged: int = 0  # pages carried over from the previous site
    parsed: int = 0  # seeds parsed (not taken from the cache)
    translation: TranslationStats | None = None  # None when the build was skipped


def collect_texts(articles: list[Article]) -> list[str]:
    """Every text that gets machine-translated: kicker, headline, subtitle and lead."""
    texts: list[str] = []
    for art in articles:
        for text in (art.kicker, art.headline, art.subtitle, art.lead):
            if text:
                texts.append(text)
    return texts


class _StageClock:
    """Reports each stage's wall time with -v."""

    def __init__(self, reporter: Reporter):
        self.reporter = reporter
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.reporter.detail(f"time: {stage} {now - self.last:.2f}s")
        self.last = now


def _build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def input_fingerprint(config: Config, seed_paths: list[Path], strict: bool, retranslate: bool) -> str:
    """One digest of everything a build reads; equal digests mean an identical site."""
    root = config.root
    return digest_json({
        "code": code_digest(),
        "config": repr(config),
        "flags": [strict, retranslate],
        "seeds": tree_digest(seed_paths, config.seeds_dir),
        "templates": tree_digest([config.templates_dir, root / PAGES_DIR], root),
        "static": tree_digest([config.static_dir], root),
        "themes": tree_digest([config.themes_path, config.dictionary_dir], root),
        "memory": tree_digest([config.memory_path], root),
        "corrections": tree_digest([root / CORRECTIONS_NAME], root),
        "history": tree_digest([config.history_path], root),
        "models": installed_models_digest(),
        "glosses": gloss_data_version(),
    })


def gloss_data_version() -> str:
    """The versions of the dictionary data (a new CC-CEDICT or pypinyin rebuilds the glosses)."""
    from sitegen.gloss.lexicon import data_version

    return data_version()


def installed_models_digest() -> str:
    """What Argos packages are installed, read from the package directory without importing
    argostranslate (which costs seconds): installing a model must trigger a rebuild."""
    import os

    base = os.environ.get("ARGOS_PACKAGES_DIR")
    if base:
        folder = Path(base)
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        folder = Path(data_home) / "argos-translate" / "packages"
    if not folder.is_dir():
        return "none"
    return digest_json(sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir()))


def _parse_entry(job) -> bytes:
    from sitegen.parse import parse_seed

    seed, corrections = job
    return encode_entry(parse_seed(seed, corrections))


def parse_all(
    seed_paths: list[Path], state: BuildState, reporter: Reporter, meanwhile=None, on_parsed=None,
    corrections: Corrections = Corrections(),
) -> tuple[list[ParseResult], list[str], int]:
    """Read and parse every seed, reusing cached parses of unchanged seeds, and apply the
    seeds' ``corrections`` (a seed's cache key holds its own corrections, so editing them
    re-parses that seed only). ``meanwhile`` (a callable) runs while the parse workers work
    (or before parsing, without workers); ``on_parsed`` is called with each freshly parsed
    result as it arrives."""
    seed_set = read_seeds(seed_paths)
    for warning in seed_set.warnings:
        reporter.warn(warning)
    if not seed_set.seeds:
        raise BuildError(f"{seed_paths[0].parent if seed_paths else 'seeds'}: no seed files (*.txt, *.md) found")
    corrections.check_seeds({seed.name for seed in seed_set.seeds}, seed_paths[0].parent)
    parser_code = code_digest("parse")
    results: list[ParseResult | None] = []
    keys: list[str] = []
    todo: list[int] = []
    for i, seed in enumerate(seed_set.seeds):
        key = digest_bytes(seed.name.encode("utf-8"), seed.text.encode("utf-8"), parser_code.encode(),
                           corrections.key(seed.name))
        keys.append(key)
        cached = state.get_parse(key)
        results.append(cached if isinstance(cached, ParseResult) else None)
        if results[-1] is None:
            todo.append(i)
    if len(todo) >= MIN_ITEMS:
        from sitegen.parse import warm_up

        warm_up()  # load the word list once, before the workers fork
    # Workers return cache entries (one pickling serves both the pipe and the cache).
    jobs = [(seed_set.seeds[i], corrections.for_seed(seed_set.seeds[i].name)) for i in todo]
    fresh = parallel_map(_parse_entry, jobs, meanwhile=meanwhile)
    # Results first in zip: the generator starts (and ``meanwhile`` runs) even with nothing to parse.
    for entry, i in zip(reporter.progress(fresh, len(todo), "parse"), todo):
        result = decode_entry(entry)
        if not isinstance(result, ParseResult):  # pragma: no cover - only a bug gets here
            raise RuntimeError(f"{seed_set.seeds[i].name}: a parse worker returned no result")
        results[i] = result
        state.put_parse_encoded(keys[i], entry)
        if on_parsed is not None:
            on_parsed(result)
    parsed = len(todo)
    state.prune_parse(set(keys))
    reporter.detail(f"parse: {parsed} seeds parsed, {len(results) - parsed} from cache")
    return [r for r in results if r is not None], list(seed_set.warnings), parsed


def prepare_grouping(config: Config):
    """Load the taxonomy and what segmenting with it needs (dictionary, IDF table): about
    0.3 s that does not depend on the articles, so it runs while the seeds are parsed."""
    from sitegen.group import load_taxonomy, prepare

    taxonomy = load_taxonomy(config.themes_path, config.dictionary_dir)
    prepare(taxonomy)
    return taxonomy


def group_stage(items: list[tuple[str, Article]], taxonomy, term_cache: dict, history,
                build_date: datetime | None):
    """Themes, tags and related articles, reusing cached per-article word counts.
    ``term_cache``: the stored counts plus any made since (group_articles adds this
    build's new keys to the mapping); ``save_terms`` stores the result's. Term weights are
    counted over the oldest articles by the ``history`` (ArticleHistory; an article it does
    not know first appears now), which a day's new articles leave alone
    (``sitegen/group/reference.py``)."""
    from sitegen.group import group_articles

    now = iso_utc((build_date or _build_time()).replace(microsecond=0).isoformat())
    known = history.records
    first_seen = {p: known[p]["published"] if p in known else now for p, _ in items}
    return group_articles(items, taxonomy, term_cache=term_cache, first_seen=first_seen)


def save_terms(state: BuildState, grouped, known_terms: set) -> None:
    """Store the word counts of exactly this build's articles (stale ones drop out), unless
    they are the ones stored (``known_terms``: the stored keys)."""
    if set(grouped.term_cache) != known_terms:
        state.put_terms(grouped.term_cache)


def open_translation(config: Config, *, strict: bool, retranslate: bool, progress: bool):
    """The build's translation service: the memory locked and loaded (~30 ms at 1,000
    articles, done while the seeds parse). Close it once ``translate_stage`` is done."""
    from sitegen.translate import TranslationService

    return TranslationService(config.memory_path, strict=strict or config.strict, retranslate=retranslate,
                              progress=progress)


def translate_stage(service, texts: list[str]) -> tuple[dict[str, Translation], TranslationStats, list[str]]:
    """Every text in one batch: (translations, what was done, warnings to show).

    Grouping needs no English, so it runs first and its automatic theme and tag names join
    the headlines and leads here: the model is called once per build."""
    translations = service.translate(texts)
    service.save()
    messages = [m.removeprefix("warning: ") for m in (service.status_message, service.rejection_message) if m]
    return translations, service.stats, messages


def assemble_site(config: Config, permalinks: list[str], articles: list[Article],
                  translations: dict[str, Translation], grouped, build_date: datetime | None,
                  key_terms: list | None = None) -> tuple[DigestSite, int]:
    """The renderer's input, and how many texts still await translation."""
    from sitegen.translate import english_for

    entries = [
        DigestEntry(permalink, article, english_for(article, translations), grouped.groupings[permalink],
                    key_terms=key_terms[i] if key_terms else ())
        for i, (permalink, article) in enumerate(zip(permalinks, articles))
    ]
    pending = sum(
        1 for e in entries for t in (e.english.kicker, e.english.headline, e.english.subtitle, e.english.lead)
        if t is not None and t.status == "pending"
    )
    when = (build_date or _build_time()).replace(microsecond=0)
    info = SiteInfo(
        title=config.title, title_zh=config.title_zh, base_url=config.base_url,
        build_date=when.isoformat(), version=__version__, reading_aid=config.reading_aid,
    )
    site = DigestSite(
        info=info, entries=tuple(entries), themes=tuple(grouped.themes), tag_names=dict(grouped.tags),
        pages=read_pages(config.root / PAGES_DIR),
        pending_note=(
            "Some English translations are not ready yet: where a text awaits machine "
            "translation, the Chinese original is shown." if pending else None
        ),
    )
    return site, pending


def load_history(config: Config):
    """The committed history file (``config.history_path``): each article's first appearance
    and last change."""
    from sitegen.state import ArticleHistory, HistoryError

    try:
        return ArticleHistory.load(config.history_path)
    except HistoryError as exc:
        raise BuildError(str(exc)) from None


def date_entries(history, site: DigestSite) -> DigestSite:
    """Each article's first appearance and last change, kept in the ``history``: a rebuild,
    ``--clean`` or fresh clone moves no date unless the article's content (its texts and
    their English) changed."""
    now = iso_utc(site.info.build_date)
    dates = history.stamp({e.permalink: content_fingerprint(e) for e in site.entries}, now)
    history.save()
    entries = tuple(dataclasses.replace(e, published=dates[e.permalink].published, updated=dates[e.permalink].updated)
                    for e in site.entries)
    return dataclasses.replace(site, entries=entries)


def content_fingerprint(entry: DigestEntry) -> str:
    """What a reader of the article (and of its feed entry) sees: its texts and their English,
    not where it sits in the seed file."""
    a = entry.article
    english = [(t.text, t.status) if t is not None else None
               for t in (entry.english.kicker, entry.english.headline, entry.english.subtitle, entry.english.lead)]
    return digest_json([a.kicker, a.headline, a.subtitle, a.byline, a.dateline,
                        [(b.kind, b.text) for b in a.blocks], list(a.markers), english])[:16]


def iso_utc(value: str) -> str:
    """``2025-04-25T06:00:00+00:00`` → ``2025-04-25T06:00:00Z``."""
    return value[:-6] + "Z" if value.endswith("+00:00") else value


def prepare_glosses(taxonomy):
    """CC-CEDICT and pypinyin (~0.4 s), loaded while the seeds parse; the render helpers
    fork with them loaded."""
    from sitegen.gloss import gloss_writer

    return gloss_writer(taxonomy)


def gloss_stage(writer, permalinks: list[str], articles: list[Article], grouped, ahead=None):
    """Each article's key terms (dictionary glosses of its tags and telling words) and the
    gloss files the render makes: (key terms, [(path, key callable, content callable)]).
    No writer (``reading_aid = false``): neither. ``ahead``: the files were made while grouping
    ran (``sitegen.gloss.ahead``): the render moves them in."""
    from sitegen.gloss import gloss_path

    if writer is None:
        return None, []
    tags = [[t.zh for t in grouped.groupings[p].tags] for p in permalinks]
    make = (lambda a, path: writer.script(a)) if ahead is None else (lambda a, path: ahead.staged(path))
    files = [(path, lambda a=a: writer.key(a), lambda a=a, path=path: make(a, path))
             for path, a in ((gloss_path(p), a) for p, a in zip(permalinks, articles))]
    return writer.key_terms(articles, tags), files


#: Cyclic-garbage collector thresholds during a build (Python's default: 700, 10, 10).
BUILD_GC_THRESHOLDS = (200_000, 30, 30)


@contextmanager
def collector_thresholds(thresholds: tuple[int, int, int] = BUILD_GC_THRESHOLDS):
    """Run the cycle collector less often while building, then restore its settings.

    A build allocates millions of small containers (lines, bigram sets, term counts, page
    views) and frees nearly all of them by reference counting. With the default thresholds
    the collector still ran every 700 allocations and, every hundred runs, walked the whole
    heap, which keeps growing: ~5 % of a build's CPU for next to no garbage. mypy raises its
    thresholds in the same way, for the same reason. Forked workers inherit the setting."""
    saved = gc.get_threshold()
    gc.set_threshold(*thresholds)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def build(config: Config, **options) -> BuildResult:
    """Build the site described by ``config``; see ``_build`` for the options."""
    from sitegen.state import StateLocked

    try:
        with BuildState(config.out_dir).lock(), collector_thresholds():
            return _build(config, **options)
    except (StateLocked, PageError) as exc:
        raise BuildError(str(exc)) from None


def _build(
    config: Config,
    *,
    strict: bool = False,
    retranslate: bool = False,
    clean: bool = False,
    reporter: Reporter | None = None,
    build_date: datetime | None = None,
) -> BuildResult:
    reporter = reporter or Reporter()
    warnings: list[str] = []
    state = BuildState(config.out_dir)
    seed_paths = find_seed_paths(config.seeds_dir)
    if not seed_paths:
        raise BuildError(f"{config.seeds_dir}: no seed files (*.txt, *.md) found")
    previous = Manifest() if clean else state.load()
    # Fingerprinting the inputs (~20 ms at 1,000 articles) only pays when there is a last
    # build to compare with; the build fingerprints them again for the next one anyway.
    if (previous.inputs and config.out_dir.is_dir()
            and previous.inputs == input_fingerprint(config, seed_paths, strict, retranslate)):
        reporter.info(f"nothing changed since the last build of {config.out_dir} (use --clean to rebuild)")
        return BuildResult(0, 0, 0, 0, [], skipped=True)
    if clean:
        state.clear()
    corrections = load_corrections(config.root)

    clock = _StageClock(reporter)
    prepared = {}

    def prepare_later_stages() -> None:
        prepared["translator"] = open_translation(config, strict=strict, retranslate=retranslate,
                                                  progress=reporter.interactive)
        prepared["taxonomy"] = prepare_grouping(config)
        prepared["glosses"] = prepare_glosses(prepared["taxonomy"]) if config.reading_aid else None
        prepared["terms"] = state.get_terms()
        prepared["known"] = set(prepared["terms"])
        from sitegen.render import prepare as prepare_render  # jinja2, loaded while seeds parse
        prepare_render(config.templates_dir)  # and the templates compiled

    def split_words_of(result: ParseResult) -> None:
        """Segment each page's articles for grouping as its parse arrives (the parent
        would otherwise wait for the workers)."""
        from sitegen.group import split_words

        split_words(result.articles, prepared["taxonomy"], prepared["terms"])

    # The memory is locked and loaded while the seeds parse, and unlocked once translated.
    try:
        results, seed_warnings, parsed = parse_all(seed_paths, state, reporter, meanwhile=prepare_later_stages,
                                                   on_parsed=split_words_of, corrections=corrections)
        clock.lap("parse")
        warnings += seed_warnings
        articles = [a for r in results for a in r.articles]
        for result in results:
            for w in result.warnings:
                reporter.detail(f"parse: {w}")
        reporter.info(f"parsed {len(results)} seeds: {len(articles)} articles, "
                      f"{sum(len(r.leftovers) for r in results)} leftovers"
                      + (f", {sum(bool(a.corrections) for a in articles)} corrected by {CORRECTIONS_NAME}"
                         if corrections.items else ""))

        permalinks = [article_permalink(a.seed, a.position) for a in articles]
        history = load_history(config)
        old_pages = previous.pages if config.out_dir.is_dir() else {}
        from sitegen.gloss.ahead import glosses_ahead  # a cold build's gloss files, made while grouping runs

        ahead = glosses_ahead(prepared["glosses"], permalinks, articles, config.out_dir, old_pages)
        grouped = group_stage(list(zip(permalinks, articles)), prepared["taxonomy"], prepared["terms"], history,
                              build_date)
        clock.lap("group")
        translations, stats, messages = translate_stage(
            prepared["translator"], collect_texts(articles) + list(grouped.texts_to_translate))
        model_calls = prepared["translator"].model_calls
        reporter.info(translation_line(stats))
        for message in messages:
            reporter.warn(message)
            warnings.append(message)
    finally:
        if "translator" in prepared:
            prepared["translator"].close()
    clock.lap("translate")
    if grouped.texts_to_translate:
        grouped = grouped.with_english({zh: translations[zh].text for zh in grouped.texts_to_translate})
    key_terms, gloss_files = gloss_stage(prepared["glosses"], permalinks, articles, grouped, ahead)
    clock.lap("glosses")
    site, pending = assemble_site(config, permalinks, articles, translations, grouped, build_date, key_terms)
    site = date_entries(history, site)
    # Pages whose inputs are unchanged since the last build are carried over, not rendered;
    # new pages stream to disk as they are made.
    from sitegen.render import render_changed  # jinja2: not needed by a no-op build

    # While the workers render, this process stores the word counts and fingerprints the
    # inputs as they are now (the memory may have gained entries), so the next build with
    # no other change is a no-op.
    after: dict[str, str] = {}

    def meanwhile() -> None:
        save_terms(state, grouped, prepared["known"])
        after["fingerprint"] = input_fingerprint(config, seed_paths, strict, retranslate)

    with SiteWriter(config.out_dir) as writer:
        rendered = render_changed(site, config.templates_dir, config.static_dir, old_pages, sink=writer,
                                  meanwhile=meanwhile, extra_files=gloss_files)
        clock.lap("render")
        writer.keep(rendered.unchanged)
    if ahead is not None:
        ahead.clean()
    written = writer.count
    clock.lap("write")
    state.save(Manifest(inputs=after["fingerprint"], pages=rendered.keys, pending=pending))
    reporter.info(f"wrote {written} files to {config.out_dir} "
                  f"({rendered.made} rendered, {len(rendered.unchanged)} unchanged)")
    return BuildResult(len(articles), written, pending, model_calls, warnings,
                       rendered=rendered.made, unchanged=len(rendered.unchanged), parsed=parsed,
                       translation=stats)

