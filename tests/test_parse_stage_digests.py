"""The seeds hashed once a build (``stages.inputs.seeds_digest``): the parse stage finds a
cached parse by the sha256 the fingerprint took, without reading the seed again, and a seed
whose bytes moved since is parsed from the bytes it reads, under their own key."""
from __future__ import annotations

import hashlib
from pathlib import Path

import sitegen.stages.parse as parse_stage
from sitegen.config import load_config
from sitegen.progress import Reporter
from sitegen.seeds import find_seed_paths
from sitegen.stages.inputs import seeds_digest
from sitegen.state import BuildState, digest_bytes

def _reads(monkeypatch) -> list[str]:
    """The names of the seeds the parse stage reads from here on."""
    names: list[str] = []
    original = parse_stage.read_bytes

    def spy(path):
        names.append(path.name)
        return original(path)

    monkeypatch.setattr(parse_stage, "read_bytes", spy)
    return names


def _parse(folder: Path, state_dir: Path, digests=None):
    return parse_stage.parse_all(find_seed_paths(folder), BuildState(state_dir), Reporter(0), digests=digests)


def test_the_parse_adds_each_seed_sha256_it_read(seeds, tmp_path):
    digests: dict = {}
    _parse(seeds, tmp_path / "site", digests)
    paths = find_seed_paths(seeds)
    assert digests == {p: hashlib.sha256(p.read_bytes()).digest() for p in paths}


def test_a_seed_known_by_its_digest_is_not_read_when_its_parse_is_cached(seeds, tmp_path, monkeypatch):
    first, _, _ = _parse(seeds, tmp_path / "site")
    digests = {p: hashlib.sha256(p.read_bytes()).digest() for p in find_seed_paths(seeds)}
    reads = _reads(monkeypatch)
    again, _, parsed = _parse(seeds, tmp_path / "site", dict(digests))
    assert reads == [] and parsed == [] and again == first


def test_a_seed_changed_after_its_digest_was_taken_is_parsed_from_the_bytes_read(seeds, tmp_path):
    _parse(seeds, tmp_path / "site")
    paths = find_seed_paths(seeds)
    digests = {p: hashlib.sha256(p.read_bytes()).digest() for p in paths}
    stale = {p: digests[p] for p in paths}
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\n本报讯 又一段。\n", encoding="utf-8")
    stale[paths[1]] = hashlib.sha256(b"bytes no seed has").digest()  # no cached parse under it
    again, _, parsed = _parse(seeds, tmp_path / "site", stale)
    assert parsed == [paths[1].name]
    assert stale[paths[1]] == hashlib.sha256(paths[1].read_bytes()).digest()
    fresh, _, _ = _parse(seeds, tmp_path / "other")
    assert again == fresh
    reparsed = _parse(seeds, tmp_path / "site")[2]  # stored under the key of the bytes it parsed
    assert reparsed == []


def test_the_seeds_digest_covers_names_and_bytes_and_takes_known_digests(seeds, tmp_path):
    (tmp_path / "sitegen.toml").write_text('[paths]\nseeds = "seeds"\n', encoding="utf-8")
    config = load_config(tmp_path / "sitegen.toml")
    paths = find_seed_paths(seeds)
    first = seeds_digest(config, paths)
    assert first.of_path == {p: hashlib.sha256(p.read_bytes()).digest() for p in paths}
    assert first.digest == digest_bytes(*[x for p in paths for x in (p.name.encode(), first.of_path[p])])
    assert seeds_digest(config, paths, known=first.of_path) == first
    paths[0].write_bytes(paths[0].read_bytes() + b"\n")
    assert seeds_digest(config, paths).digest != first.digest
    assert seeds_digest(config, paths, known=first.of_path).digest == first.digest  # known: not read
    before = seeds_digest(config, paths).digest
    renamed = paths[2].rename(seeds / ("zz-" + paths[2].name))  # the same bytes under another name
    assert seeds_digest(config, [*paths[:2], renamed]).digest != before
