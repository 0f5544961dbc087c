"""The build: config → parse → group → translate → glosses → assemble → render → write.

Each stage lives in its own module (``sitegen/stages/``, ``sitegen.render``,
``sitegen.write``) and exchanges only the records of ``sitegen.models``. This module runs
them in order and decides what can be skipped (see ``sitegen.state``).
"""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.changes import Baseline, ChangeSet, change_set, take_baseline
from sitegen.collector import kept_unscanned
from sitegen.config import Config
from sitegen.corrections import CORRECTIONS_NAME, load_corrections
from sitegen.models import Article, ParseResult, Translation, TranslationStats
from sitegen.pages import PageError
from sitegen.permalinks import article_permalink
from sitegen.progress import Reporter
from sitegen.seeds import find_seed_paths
from sitegen.stages import BuildError
from sitegen.stages.assemble import assemble_site, date_entries, load_history
from sitegen.stages.glosses import changed_files, dictionary_words, gloss_stage, prepare_glosses
from sitegen.stages.grouping import group_stage, load_memo, load_terms, prepare_grouping, save_terms
from sitegen.stages.inputs import SeedDigests, change_token, input_fingerprint, seeds_digest
from sitegen.stages.parse import parse_all
from sitegen.stages.translation import collect_texts, open_translation, translate_stage
from sitegen.state import BuildState, Manifest
from sitegen.summary import translation_line
from sitegen.write import SiteWriter

if TYPE_CHECKING:
    from sitegen.gloss import GlossWriter
    from sitegen.group.memo import GroupMemo
    from sitegen.group.taxonomy import Taxonomy
    from sitegen.render.card_memo import CardMemo
    from sitegen.render.digest_json import DigestMemo
    from sitegen.render.search_shards import SearchMemo
    from sitegen.translate import TranslationService

__all__ = ["BuildError", "BuildResult", "build"]


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


class _StageClock:
    """Reports each stage's wall time with -v."""

    def __init__(self, reporter: Reporter):
        self.reporter = reporter
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.reporter.detail(f"time: {stage} {now - self.last:.2f}s")
        self.last = now


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
    state = BuildState(config.out_dir)
    seed_paths = find_seed_paths(config.seeds_dir)
    if not seed_paths:
        raise BuildError(f"{config.seeds_dir}: no seed files (*.txt, *.md) found")
    previous = Manifest() if clean else state.load()
    # Fingerprinting the inputs (~20 ms at 1,000 articles) only pays when there is a last
    # build to compare with; the build fingerprints them again for the next one anyway, but
    # takes the seeds' digest from here: read before the parse, so that a seed edited while
    # this build runs still differs next time (and the parse finds each seed's cached parse
    # by the sha256 taken here: 35 MB are not read twice at 10,000).
    seeds = None
    token = change_token(config, strict, retranslate)  # all but seeds, memory, corrections
    if previous.inputs and config.out_dir.is_dir():
        seeds = seeds_digest(config, seed_paths)
        if previous.inputs == input_fingerprint(config, seed_paths, strict, retranslate, seeds.digest, token):
            reporter.info(f"nothing changed since the last build of {config.out_dir} (use --clean to rebuild)")
            return BuildResult(0, 0, 0, 0, [], skipped=True)
    if clean:
        state.clear()
    clock = _StageClock(reporter)
    old_pages = previous.pages if config.out_dir.is_dir() else {}
    # What the last build showed, taken (removed) before any stage updates its caches (``sitegen.changes``).
    baseline = take_baseline(state.dir) if not clean else None
    run = _Run(config, state, reporter, clock, seed_paths, old_pages, strict=strict, retranslate=retranslate,
               seeds=seeds)
    try:
        run.parse_group_translate(build_date)
        with SiteWriter(config.out_dir) as writer:
            writer.carry_ahead(old_pages)  # linked by a helper while the glosses and views are made
            with kept_unscanned():  # the render's input, kept to the end
                key_terms, gloss_files = gloss_stage(run.prepared.glosses, run.permalinks, run.articles, run.grouped,
                                                     run.gloss_words, state.dir)
                clock.lap("glosses")
                site, pending = assemble_site(config, run.permalinks, run.articles, run.translations, run.grouped,
                                              build_date, key_terms)
                site = date_entries(run.history, site, state.dir)
                changes = run.changes_since(baseline if old_pages else None, token)
            rendered = run.render_into(writer, site, gloss_files, changes)
            state.forget_site()  # the swap follows: the manifest describes the old site until store()
        return run.store(writer, rendered, pending)
    finally:
        if run.gloss_words is not None:
            run.gloss_words.close()  # a helper still at work when a stage failed


@dataclass(frozen=True)
class _Prepared:
    """What the later stages need that does not depend on the articles: loaded while the seeds
    parse (``_Run.prepare_later_stages``)."""
    translator: TranslationService  # the memory locked and loaded; closed once translated
    taxonomy: Taxonomy  # themes.toml, the dictionary, segmenter and IDF table
    glosses: GlossWriter | None  # CC-CEDICT and pypinyin (None: reading_aid = false)
    terms: dict  # the stored word counts, which grouping extends
    known: set[str]  # their keys as stored (save_terms writes only when they changed)
    memo: GroupMemo  # grouping's results of the last build
    search: SearchMemo  # what the last build's search index left
    digest: DigestMemo  # where the last digest.json's records are
    cards: CardMemo  # the article cards the last builds rendered


@dataclass
class _Run:
    """One build's stages after the no-op check, and what they hand on to each other."""
    config: Config
    state: BuildState
    reporter: Reporter
    clock: _StageClock
    seed_paths: list[Path]
    old_pages: dict[str, str]  # the last build's page keys (none: everything is rendered)
    strict: bool = False
    retranslate: bool = False
    seeds: SeedDigests | None = None  # the seeds' digests, when taken before the parse (else by the parse)
    prepared: _Prepared | None = None  # what loads while the seeds parse
    warnings: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    permalinks: list[str] = field(default_factory=list)
    parsed: int = 0
    reparsed: list[str] = field(default_factory=list)  # the seeds parsed again (not from the cache)
    english_changed: set[str] | None = None  # texts whose English may have changed (None: not known)
    grouping: dict = field(default_factory=dict)  # each article's grouping outline (``group.moved``)
    history: object = None
    grouped: object = None
    gloss_words: object = None  # the dictionary's words, being found while grouping runs
    translations: dict[str, Translation] = field(default_factory=dict)
    stats: TranslationStats | None = None
    model_calls: int = 0
    fingerprint: str = ""  # the inputs' fingerprint for the next build, taken while the pages render
    token: str = ""  # and the change set's token (``change_token``)

    def prepare_later_stages(self) -> None:
        """Run while the seeds parse: the translation memory locked and loaded, the taxonomy,
        dictionaries and templates loaded, and what the last build kept read."""
        with kept_unscanned():
            self._load_later_stages()

    def _load_later_stages(self) -> None:
        from sitegen.render import prepare as prepare_render  # jinja2, loaded while seeds parse
        from sitegen.render.card_memo import CardMemo
        from sitegen.render.digest_json import DigestMemo
        from sitegen.render.search_shards import SearchMemo, memo_version

        config, state = self.config, self.state
        translator = open_translation(config, strict=self.strict, retranslate=self.retranslate,
                                      progress=self.reporter.interactive, cache_dir=state.dir)
        try:
            taxonomy = prepare_grouping(config)
            terms = load_terms(state)
            self.prepared = _Prepared(
                translator=translator,
                taxonomy=taxonomy,
                glosses=prepare_glosses(taxonomy) if config.reading_aid else None,
                terms=terms,
                known=set(terms),
                memo=load_memo(state, taxonomy),
                search=state.get_search_memo(memo_version()) or SearchMemo(memo_version()),
                digest=DigestMemo.load(state.dir, config.out_dir),
                cards=CardMemo.load(state.dir),
            )
        except BaseException:
            translator.close()
            raise
        prepare_render(config.templates_dir, state.dir)  # and the templates compiled (or the last build's code)

    def split_words_of(self, result: ParseResult) -> None:
        """Segment each page's articles for grouping as its parse arrives (the parent
        would otherwise wait for the workers)."""
        from sitegen.group import split_words

        assert self.prepared is not None  # prepared before the first page arrives
        split_words(result.articles, self.prepared.taxonomy, self.prepared.terms)

    def parse_group_translate(self, build_date: datetime | None) -> None:
        """Parse, group and translate. The memory is locked and loaded while the seeds
        parse, and unlocked once translated (or when a stage fails)."""
        reporter = self.reporter
        corrections = load_corrections(self.config.root)
        try:
            digests = dict(self.seeds.of_path) if self.seeds is not None else {}
            results, seed_warnings, self.reparsed = parse_all(
                self.seed_paths, self.state, reporter, meanwhile=self.prepare_later_stages,
                on_parsed=self.split_words_of, corrections=corrections, digests=digests)
            self.seeds = self.seeds or seeds_digest(self.config, self.seed_paths, known=digests)  # as parsed
            self.clock.lap("parse")
            self.parsed = len(self.reparsed)
            self.warnings += seed_warnings
            self.articles = articles = [a for r in results for a in r.articles]
            for result in results:
                for w in result.warnings:
                    reporter.detail(f"parse: {w}")
            reporter.info(f"parsed {len(results)} seeds: {len(articles)} articles, "
                          f"{sum(len(r.leftovers) for r in results)} leftovers"
                          + (f", {sum(bool(a.corrections) for a in articles)} corrected by {CORRECTIONS_NAME}"
                             if corrections.items else ""))
            self.permalinks = [article_permalink(a.seed, a.position) for a in articles]
            prepared = self.prepared
            assert prepared is not None  # parse_all runs prepare_later_stages
            self.gloss_words = dictionary_words(prepared.glosses, articles, self.state.dir, ahead=not self.old_pages)
            self.history = load_history(self.config)
            grouped = group_stage(list(zip(self.permalinks, articles)), prepared.taxonomy, prepared.terms,
                                  self.history, build_date, prepared.memo)
            self.clock.lap("group")
            self.translations, self.stats, messages = translate_stage(
                prepared.translator, collect_texts(articles) + list(grouped.texts_to_translate))
            self.model_calls = prepared.translator.model_calls
            self.english_changed = prepared.translator.changed_texts()
            reporter.info(translation_line(self.stats))
            for message in messages:
                reporter.warn(message)
                self.warnings.append(message)
        finally:
            if self.prepared is not None:
                self.prepared.translator.close()
        self.clock.lap("translate")
        if grouped.texts_to_translate:
            grouped = grouped.with_english({zh: self.translations[zh].text for zh in grouped.texts_to_translate})
        self.grouped = grouped

    def changes_since(self, baseline: Baseline | None, token: str) -> ChangeSet:
        """What the stages changed since the last build (``baseline``, made with ``token``):
        the articles of the seeds parsed again, those whose English, grouping or dates moved."""
        from sitegen.group.moved import moved, outline

        self.grouping = outline(self.grouped.groupings)
        reparsed, texts = set(self.reparsed), self.english_changed
        items = list(zip(self.permalinks, self.articles))
        again = {p for p, a in items if a.seed in reparsed}
        english = None if texts is None else {p for p, a in items if texts and not texts.isdisjoint(
            (a.kicker, a.headline, a.subtitle, a.lead))}
        grouping = moved(baseline.groupings, self.grouping) if baseline is not None else None
        changes = change_set(baseline, token + self.gloss_versions(), reparsed=again, english=english,
                             grouping=grouping, dates=self.history.moved,
                             files=changed_files(self.prepared.glosses, again))
        self.reporter.detail("changes: everything" if changes.everything else
                             f"changes: {len(changes.articles)} articles ({len(again)} parsed again, "
                             f"{len(english)} English, {len(grouping)} grouping, {len(self.history.moved)} dates)")
        return changes

    def gloss_versions(self) -> str:
        """The reading aid's versions (its dictionaries, its key terms' cutter and IDF table),
        which the change set's token holds besides ``change_token``."""
        glosses = self.prepared.glosses
        return f"/{glosses.fingerprint}/{glosses.terms_version}" if glosses is not None else "/-"

    def render_into(self, writer: SiteWriter, site, gloss_files, changes: ChangeSet):
        """Render the pages whose inputs changed since the last build (``changes``) into
        ``writer`` (the others are carried over), streaming them to disk."""
        config, state, prepared = self.config, self.state, self.prepared
        assert prepared is not None
        from sitegen.render import render_changed  # jinja2: not needed by a no-op build

        # While the workers render, this process stores the word counts and the grouping
        # memo and fingerprints the inputs as they are now (the memory may have gained
        # entries), so the next build with no other change is a no-op.
        def meanwhile() -> None:
            save_terms(state, self.grouped, prepared.known)
            state.put_memo(prepared.memo)
            token = change_token(config, self.strict, self.retranslate)
            self.fingerprint = input_fingerprint(config, self.seed_paths, self.strict, self.retranslate,
                                                 self.seeds.digest, token)
            self.token = token + self.gloss_versions()

        rendered = render_changed(site, config.templates_dir, config.static_dir, self.old_pages, sink=writer,
                                  meanwhile=meanwhile, extra_files=gloss_files, search_memo=prepared.search,
                                  digest_memo=prepared.digest, changes=changes, card_memo=prepared.cards)
        self.clock.lap("render")
        writer.keep(rendered.unchanged)
        return rendered

    def store(self, writer: SiteWriter, rendered, pending: int) -> BuildResult:
        """Once the new site is in place: store what the next build starts from (while a
        helper removes the replaced site)."""
        state, prepared = self.state, self.prepared
        self.clock.lap("write")
        state.put_search_memo(prepared.search)
        prepared.digest.save(state.dir)
        prepared.cards.save(state.dir)
        state.save(Manifest(inputs=self.fingerprint, pages=rendered.keys, pending=pending))
        Baseline(self.token, self.grouping, rendered.outline).save(state.dir)  # after the manifest it outlines
        writer.wait()
        self.reporter.info(f"wrote {writer.count} files to {self.config.out_dir} "
                           f"({rendered.made} rendered, {len(rendered.unchanged)} unchanged)")
        return BuildResult(len(self.articles), writer.count, pending, self.model_calls, self.warnings,
                           rendered=rendered.made, unchanged=len(rendered.unchanged), parsed=self.parsed,
                           translation=self.stats)
