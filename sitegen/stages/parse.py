"""Parse stage: every seed read and parsed into articles, in worker processes, reusing the
cached parse of every seed whose text, corrections and parser code are unchanged."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import MutableMapping

from sitegen.collector import kept_unscanned
from sitegen.corrections import Corrections
from sitegen.models import ParseResult
from sitegen.parallel import MIN_ITEMS, parallel_map
from sitegen.progress import Reporter
from sitegen.seeds import Duplicates, read_bytes, seed_of_bytes, text_digest
from sitegen.state import BuildState, code_digest, decode_entry, digest_bytes, encode_entry

from . import BuildError

#: Seeds to parse from which the parse workers start when this process has its own work to do
#: meanwhile (a build's preparations, ~0.4 s of CPU): the pool's start (~10-20 ms) then pays
#: from a few seeds on, since their parse no longer waits for the preparations. Without such
#: work, the general ``MIN_ITEMS``.
MIN_SEEDS_WITH_MEANWHILE = 8

#: In each seed's cache key besides the parser's code: what a cached parse holds beyond the
#: parser's records (each article's ``identity`` and ``han_chars``, made by the worker that
#: parsed it; the seed's text digest and decoding warnings, so that an unchanged seed is not
#: decoded again).
CACHE_FORMAT = b"(text digest, decoding warnings, articles with identity and han_chars); keyed by the bytes' digest"


@dataclass(frozen=True)
class CachedParse:
    """A seed's parse as the cache keeps it, keyed by the seed's bytes: what decoding those
    bytes gave besides the text (its digest, to find duplicates; its warnings, each without
    the seed's path, which the key leaves out) and the parse of the text."""
    text_digest: str
    warnings: tuple[str, ...]
    result: ParseResult


def _parse_entry(job) -> bytes:
    from sitegen.parse import parse_seed

    seed, corrections, digest, warnings = job
    result = parse_seed(seed, corrections)
    for article in result.articles:
        article.identity, article.han_chars  # made here, once, and kept with the cached parse
    return encode_entry(CachedParse(digest, warnings, result))


def _seed_key(path: Path, sha: bytes, parser_code: str, corrections: Corrections) -> str:
    """The cache key of the seed at ``path`` whose bytes have the sha256 ``sha``."""
    return digest_bytes(path.name.encode("utf-8"), sha, parser_code.encode(), corrections.key(path.name),
                        CACHE_FORMAT)


def parse_all(
    seed_paths: list[Path], state: BuildState, reporter: Reporter, meanwhile=None, on_parsed=None,
    corrections: Corrections = Corrections(), digests: MutableMapping[Path, bytes] | None = None,
) -> tuple[list[ParseResult], list[str], list[str]]:
    """Read and parse every seed, reusing cached parses of unchanged seeds, and apply the
    seeds' ``corrections`` (a seed's cache key holds its own corrections, so editing them
    re-parses that seed only). ``meanwhile`` (a callable) runs while the parse workers work
    (or before parsing, without workers); ``on_parsed`` is called with each freshly parsed
    result as it arrives. Seeds are read as ``sitegen.seeds.read_seeds`` reads them (the
    same errors, warnings and duplicates), but a seed whose bytes have a cached parse is not
    decoded: the cache kept what decoding them gave (35 MB decoded, encoded and hashed
    again cost a day at 10,000 articles ~0.1 s). ``digests``: each seed's sha256 where the
    caller read it already (``stages.inputs.seeds_digest``); a seed with a cached parse under
    that digest is not read at all. The seeds read here are added to it. Returns the
    results, the warnings and the names of the seeds parsed (not taken from the cache: the
    parse's report to ``sitegen.changes``)."""
    with kept_unscanned():  # the cached parses, kept to the end of the build
        found = _look_up(seed_paths, state, corrections, {} if digests is None else digests)
    keys, results, jobs, todo, warnings = found.keys, found.results, found.jobs, found.todo, found.warnings
    for warning in warnings:
        reporter.warn(warning)
    if not keys:
        raise BuildError(f"{seed_paths[0].parent if seed_paths else 'seeds'}: no seed files (*.txt, *.md) found")
    corrections.check_seeds(found.names, seed_paths[0].parent)
    min_items = MIN_ITEMS if meanwhile is None else MIN_SEEDS_WITH_MEANWHILE
    if len(todo) >= min_items:
        from sitegen.parse import warm_up

        warm_up()  # load the word list once, before the workers fork
    # Workers return cache entries (one pickling serves both the pipe and the cache).
    fresh = parallel_map(_parse_entry, jobs, min_items=min_items, meanwhile=meanwhile)
    # Results first in zip: the generator starts (and ``meanwhile`` runs) even with nothing to parse.
    for entry, i, job in zip(reporter.progress(fresh, len(todo), "parse"), todo, jobs):
        cached = decode_entry(entry)
        if not isinstance(cached, CachedParse):  # pragma: no cover - only a bug gets here
            raise RuntimeError(f"{job[0].name}: a parse worker returned no result")
        results[i] = result = cached.result
        state.put_parse_encoded(keys[i], entry)
        if on_parsed is not None:
            on_parsed(result)
    parsed = [job[0].name for job in jobs]
    state.prune_parse(set(keys))
    reporter.detail(f"parse: {len(parsed)} seeds parsed, {len(results) - len(parsed)} from cache")
    return [r for r in results if r is not None], warnings, parsed


@dataclass
class _Found:
    """The seeds as read, each kept one's cache key and its cached parse (None: to parse)."""
    keys: list[str] = field(default_factory=list)
    results: list[ParseResult | None] = field(default_factory=list)
    todo: list[int] = field(default_factory=list)  # indices of the seeds to parse
    jobs: list[tuple] = field(default_factory=list)  # the parse workers' jobs, one a seed to parse
    warnings: list[str] = field(default_factory=list)  # decoding's and the duplicates'
    names: set[str] = field(default_factory=set)  # of the seeds kept


def _look_up(seed_paths: list[Path], state: BuildState, corrections: Corrections,
             digests: MutableMapping[Path, bytes]) -> _Found:
    """Each seed looked up in the parse cache by its bytes' sha256 (from ``digests``, else
    read and added there); read if not known, decoded only if not there."""
    parser_code = code_digest("parse")
    found = _Found()
    duplicates = Duplicates()
    for path in seed_paths:
        sha = digests.get(path)
        data = None
        if sha is None:
            data = read_bytes(path)
            digests[path] = sha = hashlib.sha256(data).digest()
        key = _seed_key(path, sha, parser_code, corrections)
        cached = state.get_parse(key)
        if isinstance(cached, CachedParse) and isinstance(cached.result, ParseResult):
            seed, digest, read_warnings = None, cached.text_digest, [f"{path}{w}" for w in cached.warnings]
        else:
            if data is None:  # known by its digest only: the bytes parsed are those the key is made of
                data = read_bytes(path)
                sha = hashlib.sha256(data).digest()
                if sha != digests[path]:
                    digests[path], key = sha, _seed_key(path, sha, parser_code, corrections)
            seed, read_warnings = seed_of_bytes(path, data)
            digest = text_digest(seed)
        found.warnings += read_warnings
        if duplicates.skip(path, digest, found.warnings):
            continue
        found.names.add(path.name)
        found.keys.append(key)
        found.results.append(None if seed else cached.result)
        if seed:
            found.todo.append(len(found.results) - 1)
            found.jobs.append((seed, corrections.for_seed(seed.name), digest,
                               tuple(w.removeprefix(str(path)) for w in read_warnings)))
    return found
