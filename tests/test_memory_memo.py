"""The translation memory as last read, kept in the build's cache (sitegen.translate.memory_memo):
a build that reads the same bytes again gets the same entries without parsing them; any other
bytes are read and checked in full, errors included."""
import json

import pytest

import sitegen.translate.memory as memory_module
from sitegen.translate import memory_memo
from sitegen.translate.memory import MemoryEntry, TranslationMemory, TranslationMemoryError
from sitegen.translate.text import source_key


def entry(source, translation="English.", reviewed=False):
    return MemoryEntry(source_key(source), source, translation, "translate-zh_en", None, "2025-01-01", reviewed)


def hand_written(path, sources):
    """A memory file as a maintainer might leave it: not sorted, one entry without its hash."""
    rows = [{"source": s, "translation": f"EN {s}", "reviewed": i == 0} for i, s in enumerate(sources)]
    rows[1]["hash"] = source_key(sources[1])
    path.write_text(json.dumps({"version": 1, "entries": rows}, ensure_ascii=False), encoding="utf-8")


def state(memory):
    return list(memory.entries.items()), memory._read_by_source


@pytest.fixture
def parses(monkeypatch):
    """How often the memory file was parsed and checked in full."""
    calls = []
    real = memory_module._parse

    def counting(path, data):
        calls.append(path)
        return real(path, data)

    monkeypatch.setattr(memory_module, "_parse", counting)
    return calls


def test_same_bytes_read_from_the_memo_with_the_same_entries(tmp_path, parses):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    hand_written(path, ["第三条新闻", "第一条新闻", "第二条新闻"])
    fresh = TranslationMemory.load(path)
    first = TranslationMemory.load(path, cache)
    again = TranslationMemory.load(path, cache)
    assert len(parses) == 2  # without a cache, and the first read with one
    assert state(again) == state(first) == state(fresh)
    assert [e.source for e in again.entries.values()] == ["第三条新闻", "第一条新闻", "第二条新闻"]
    assert again.lookup("第一条新闻") == fresh.lookup("第一条新闻")


def test_other_bytes_are_read_and_checked_in_full(tmp_path, parses):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    hand_written(path, ["第一条新闻", "第二条新闻"])
    TranslationMemory.load(path, cache)
    hand_written(path, ["第一条新闻", "第二条新闻", "第四条新闻"])
    assert len(TranslationMemory.load(path, cache).entries) == 3
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][1]["hash"] = "0" * 16  # a wrong hash: an error, memo or not
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TranslationMemoryError, match="does not match its source"):
        TranslationMemory.load(path, cache)
    assert len(parses) == 3


def test_a_saved_memory_is_read_back_from_the_memo_as_a_fresh_read_gives_it(tmp_path, parses):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    memory = TranslationMemory.load(path, cache)  # no file yet
    for s in ["第三条新闻", "第一条新闻", "第二条新闻"]:
        memory.put(entry(s, f"EN {s}"))
    assert memory.save()
    again = TranslationMemory.load(path, cache)
    assert parses == []
    assert state(again) == state(TranslationMemory.load(path))  # in the file's (sorted) order


def test_a_damaged_or_foreign_memo_is_ignored(tmp_path, parses, monkeypatch):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    hand_written(path, ["第一条新闻", "第二条新闻"])
    fresh = TranslationMemory.load(path)
    TranslationMemory.load(path, cache)
    memo = cache / memory_memo.MEMO_NAME
    good = memo.read_bytes()
    memo.write_bytes(good[:-5] + b"xxxxx")  # payload changed under its digest
    assert state(TranslationMemory.load(path, cache)) == state(fresh)
    memo.write_bytes(b"nonsense")
    assert state(TranslationMemory.load(path, cache)) == state(fresh)
    memo.write_bytes(good)
    monkeypatch.setattr(memory_memo, "_version", lambda: b"other code")
    assert state(TranslationMemory.load(path, cache)) == state(fresh)
    assert len(parses) == 1 + 4  # every read above but the memo's own was a full one
