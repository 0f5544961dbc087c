"""The parse stage's cache (``sitegen.stages.parse``): a seed whose bytes have a cached parse
is not decoded again, yet reads as ``read_seeds`` reads it (warnings, duplicates), and a
damaged or stale entry is parsed again, never trusted."""
from __future__ import annotations

from pathlib import Path

import pytest

import sitegen.stages.parse as parse_stage
from sitegen.progress import Reporter
from sitegen.seeds import find_seed_paths, read_seeds
from sitegen.state import BuildState

def _parse(folder: Path, state_dir: Path):
    return parse_stage.parse_all(find_seed_paths(folder), BuildState(state_dir), Reporter(0))


def _decoded(monkeypatch) -> list[str]:
    """The names of the seeds the parse stage decodes from here on."""
    names: list[str] = []
    original = parse_stage.seed_of_bytes

    def spy(path, data):
        names.append(path.name)
        return original(path, data)

    monkeypatch.setattr(parse_stage, "seed_of_bytes", spy)
    return names


def test_only_a_changed_seed_is_decoded_and_parsed_again(seeds, tmp_path, monkeypatch):
    first, _, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 3
    changed = find_seed_paths(seeds)[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本报讯 又一段。\n", encoding="utf-8")
    decoded = _decoded(monkeypatch)
    again, _, parsed = _parse(seeds, tmp_path / "site")
    assert parsed == [changed.name] and decoded == [changed.name]
    assert [r for i, r in enumerate(again) if i != 1] == [r for i, r in enumerate(first) if i != 1]
    fresh, _, _ = _parse(seeds, tmp_path / "other")  # no cache
    assert again == fresh


def test_a_cached_seed_warns_as_when_it_was_decoded(seeds, tmp_path, monkeypatch):
    gbk = seeds / "zz-gbk.txt"
    gbk.write_bytes(find_seed_paths(seeds)[0].read_text(encoding="utf-8").replace("。", "！", 1).encode("gb18030"))
    _, warned, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 4 and any("GB18030" in w and str(gbk) in w for w in warned)
    decoded = _decoded(monkeypatch)
    _, again, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 0 and decoded == []
    assert again == warned == list(read_seeds(find_seed_paths(seeds)).warnings)


def test_a_seed_with_a_cached_parse_is_still_found_a_duplicate(seeds, tmp_path):
    """The duplicate (the same text as an earlier seed, in other bytes) was parsed before
    the earlier seed came: its cached parse says its text, which the new seed has."""
    later = find_seed_paths(seeds)[-1]
    _parse(seeds, tmp_path / "site")
    earlier = seeds / f"0-{later.name}"
    earlier.write_bytes(b"\xef\xbb\xbf" + later.read_bytes().replace(b"\n", b"\r\n"))  # BOM, CRLF
    results, warned, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 1 and len(results) == 3
    assert warned == [f"{later}: same text as {earlier}; skipped as a duplicate"]
    assert warned == list(read_seeds(find_seed_paths(seeds)).warnings)


@pytest.mark.parametrize("damage", [lambda b: b[:-7], lambda b: b[:40] + bytes(len(b) - 40),
                                    lambda b: b"junk"])
def test_a_damaged_entry_is_parsed_again(seeds, tmp_path, damage):
    first, _, _ = _parse(seeds, tmp_path / "site")
    entries = sorted((tmp_path / ".site.cache" / "parse").iterdir())
    assert len(entries) == 3
    entries[0].write_bytes(damage(entries[0].read_bytes()))
    again, _, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 1 and again == first


def test_an_entry_of_the_old_format_is_not_read(seeds, tmp_path):
    """An entry holding a bare ``ParseResult`` (the format before) under a current key is parsed again."""
    from sitegen.state import encode_entry

    first, _, _ = _parse(seeds, tmp_path / "site")
    for entry in (tmp_path / ".site.cache" / "parse").iterdir():
        entry.write_bytes(encode_entry(first[0]))  # a valid entry, of another shape
    again, _, parsed = _parse(seeds, tmp_path / "site")
    assert len(parsed) == 3 and again == first
