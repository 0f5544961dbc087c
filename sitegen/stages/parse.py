"""Parse stage: every seed read and parsed into articles, in worker processes, reusing the
cached parse of every seed whose text, corrections and parser code are unchanged."""
from __future__ import annotations

from pathlib import Path

from sitegen.corrections import Corrections
from sitegen.models import ParseResult
from sitegen.parallel import MIN_ITEMS, parallel_map
from sitegen.progress import Reporter
from sitegen.seeds import read_seeds
from sitegen.state import BuildState, code_digest, decode_entry, digest_bytes, encode_entry

from . import BuildError

#: Seeds to parse from which the parse workers start when this process has its own work to do
#: meanwhile (a build's preparations, ~0.4 s of CPU): the pool's start (~10-20 ms) then pays
#: from a few seeds on, since their parse no longer waits for the preparations. Without such
#: work, the general ``MIN_ITEMS``.
MIN_SEEDS_WITH_MEANWHILE = 8

#: In each seed's cache key besides the parser's code: what a cached parse holds beyond the
#: parser's records (each article's ``identity`` and ``han_chars``, made by the worker that
#: parsed it).
CACHE_FORMAT = b"articles with identity and han_chars; keyed by the text's digest"


def _parse_entry(job) -> bytes:
    from sitegen.parse import parse_seed

    seed, corrections = job
    result = parse_seed(seed, corrections)
    for article in result.articles:
        article.identity, article.han_chars  # made here, once, and kept with the cached parse
    return encode_entry(result)

def parse_all(
    seed_paths: list[Path], state: BuildState, reporter: Reporter, meanwhile=None, on_parsed=None,
    corrections: Corrections = Corrections(),
) -> tuple[list[ParseResult], list[str], list[str]]:
    """Read and parse every seed, reusing cached parses of unchanged seeds, and apply the
    seeds' ``corrections`` (a seed's cache key holds its own corrections, so editing them
    re-parses that seed only). ``meanwhile`` (a callable) runs while the parse workers work
    (or before parsing, without workers); ``on_parsed`` is called with each freshly parsed
    result as it arrives. Returns the results, the warnings and the names of the seeds
    parsed (not taken from the cache: the parse's report to ``sitegen.changes``)."""
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
    # Each seed's key takes its text by the digest read_seeds made of it (to find duplicates):
    # 35 MB at 10,000 articles are then encoded and hashed once a build, not twice (~0.1 s).
    for i, (seed, text_digest) in enumerate(zip(seed_set.seeds, seed_set.digests, strict=True)):
        key = digest_bytes(seed.name.encode("utf-8"), text_digest.encode(), parser_code.encode(),
                           corrections.key(seed.name), CACHE_FORMAT)
        keys.append(key)
        cached = state.get_parse(key)
        results.append(cached if isinstance(cached, ParseResult) else None)
        if results[-1] is None:
            todo.append(i)
    min_items = MIN_ITEMS if meanwhile is None else MIN_SEEDS_WITH_MEANWHILE
    if len(todo) >= min_items:
        from sitegen.parse import warm_up

        warm_up()  # load the word list once, before the workers fork
    # Workers return cache entries (one pickling serves both the pipe and the cache).
    jobs = [(seed_set.seeds[i], corrections.for_seed(seed_set.seeds[i].name)) for i in todo]
    fresh = parallel_map(_parse_entry, jobs, min_items=min_items, meanwhile=meanwhile)
    # Results first in zip: the generator starts (and ``meanwhile`` runs) even with nothing to parse.
    for entry, i in zip(reporter.progress(fresh, len(todo), "parse"), todo):
        result = decode_entry(entry)
        if not isinstance(result, ParseResult):  # pragma: no cover - only a bug gets here
            raise RuntimeError(f"{seed_set.seeds[i].name}: a parse worker returned no result")
        results[i] = result
        state.put_parse_encoded(keys[i], entry)
        if on_parsed is not None:
            on_parsed(result)
    parsed = [seed_set.seeds[i].name for i in todo]
    state.prune_parse(set(keys))
    reporter.detail(f"parse: {len(parsed)} seeds parsed, {len(results) - len(parsed)} from cache")
    return [r for r in results if r is not None], list(seed_set.warnings), parsed
