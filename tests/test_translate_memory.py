"""The committed translation memory: format, corrupt files, atomic writes, the lock."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.translate.memory import (
    MemoryEntry,
    MemoryLock,
    MemoryLocked,
    TranslationMemory,
    TranslationMemoryError,
)
from sitegen.translate.text import source_key

REPO = Path(__file__).resolve().parent.parent


def entry(source, translation="English.", reviewed=False, model="translate-zh_en", version="1.0"):
    return MemoryEntry(source_key(source), source, translation, model, version, "2025-01-01", reviewed)


def test_committed_memory_is_valid_and_carries_no_fixture_english():
    path = REPO / "translations" / "memory.json"
    memory = TranslationMemory.load(path)
    for e in memory.entries.values():
        assert "tiny test model" not in e.translation


def test_missing_or_empty_file_is_an_empty_memory(tmp_path):
    assert TranslationMemory.load(tmp_path / "none.json").entries == {}
    (tmp_path / "empty.json").write_text("")
    assert TranslationMemory.load(tmp_path / "empty.json").entries == {}


def test_round_trip_sorted_by_hash_readable_json(tmp_path):
    path = tmp_path / "memory.json"
    memory = TranslationMemory(path)
    sources = ["第三条新闻", "第一条新闻", "第二条新闻"]
    for s in sources:
        memory.put(entry(s, f"EN {s}"))
    assert memory.save() is True
    assert memory.save() is False  # nothing changed since
    text = path.read_text(encoding="utf-8")
    assert "第一条新闻" in text  # not \u-escaped
    data = json.loads(text)
    assert data["version"] == 1
    hashes = [e["hash"] for e in data["entries"]]
    assert hashes == sorted(hashes)
    assert set(data["entries"][0]) == {
        "hash", "source", "translation", "model", "model_version", "date", "reviewed"}
    again = TranslationMemory.load(path)
    assert again.get("第一条新闻").translation == "EN 第一条新闻"
    again.dirty = True
    again.save()
    assert path.read_text(encoding="utf-8") == text  # stable output


def test_lookup_agrees_with_the_key_of_every_text(tmp_path):
    """lookup() finds the entry a text's key names, whether or not the text is spelled as
    the stored source; after an entry is replaced it finds the replacement."""
    path = tmp_path / "memory.json"
    memory = TranslationMemory(path)
    for s in ["习近平会见外宾", "２０２４年 经济 增长", "Ｈello  世界"]:
        memory.put(entry(s, f"EN {s}"))
    memory.save()
    memory = TranslationMemory.load(path)
    texts = ["习近平会见外宾", "习近平会见外宾 ", " 习近平会见外宾", "２０２４年 经济 增长", "2024年 经济  增长",
             "Ｈello  世界", "Hello 世界", "没有的文本", "", "   ", "\u3000"]
    for text in texts:
        key = source_key(text) if text.strip() and text != "\u3000" else None
        assert memory.lookup(text) == (key, memory.entries.get(key) if key else None), text
    replaced = entry("习近平会见外宾", "EN replaced")
    memory.put(replaced)
    assert memory.lookup("习近平会见外宾") == (replaced.hash, replaced)


def test_corrupt_file_names_file_and_position_and_is_left_untouched(tmp_path):
    path = tmp_path / "memory.json"
    bad = '{"version": 1,\n  "entries": [\n    {"source": "标题", }\n  ]\n}\n'
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(TranslationMemoryError) as info:
        TranslationMemory.load(path)
    message = str(info.value)
    assert str(path) in message and ":3:" in message
    assert path.read_text(encoding="utf-8") == bad


@pytest.mark.parametrize(
    "data, words",
    [
        ([], "expected an object"),
        ({"version": 9, "entries": []}, "version"),
        ({"entries": [{"source": "标题"}]}, "'translation'"),
        ({"entries": [{"source": "", "translation": "x"}]}, "'source'"),
        ({"entries": [{"source": "标题", "translation": "x", "reviewed": "yes"}]}, "reviewed"),
        ({"entries": [{"source": "标题", "translation": "x", "hash": "0000"}]}, "does not match"),
        ({"entries": [{"source": "标题", "translation": "x"},
                      {"source": " 标题 ", "translation": "y"}]}, "duplicate"),
    ],
)
def test_malformed_entries_are_clear_errors(tmp_path, data, words):
    path = tmp_path / "memory.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TranslationMemoryError) as info:
        TranslationMemory.load(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_hand_written_entry_without_hash_is_accepted(tmp_path):
    path = tmp_path / "memory.json"
    path.write_text(json.dumps({"version": 1, "entries": [
        {"source": "标题", "translation": "Headline", "reviewed": True}]}), encoding="utf-8")
    e = TranslationMemory.load(path).get("标题")
    assert e.reviewed and e.translation == "Headline" and e.hash == source_key("标题")


def test_atomic_write_keeps_old_file_when_replace_fails(tmp_path, monkeypatch):
    path = tmp_path / "memory.json"
    memory = TranslationMemory(path)
    memory.put(entry("旧"))
    memory.save()
    before = path.read_text(encoding="utf-8")
    memory.put(entry("新"))

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        memory.save()
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["memory.json"]  # no temp file left


def test_atomic_write_fsyncs_and_replaces(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    memory = TranslationMemory(tmp_path / "memory.json")
    memory.put(entry("新"))
    memory.save()
    assert calls[:2] == ["fsync", "replace"]


def test_lock_blocks_a_second_holder_and_is_released(tmp_path):
    memory = tmp_path / "memory.json"
    first = MemoryLock(memory)
    first.acquire()
    assert first.path.exists() and first.path.name == "memory.json.lock"
    with pytest.raises(MemoryLocked) as info:
        MemoryLock(memory).acquire()
    assert str(first.path) in str(info.value) and str(os.getpid()) in str(info.value)
    first.release()
    assert not first.path.exists()
    with MemoryLock(memory):
        pass


def test_lock_held_by_another_process(tmp_path):
    memory = tmp_path / "memory.json"
    code = (
        "import sys, time; from sitegen.translate.memory import MemoryLock; "
        f"l = MemoryLock({str(memory)!r}); l.acquire(); print('locked', flush=True); "
        "sys.stdin.readline()"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(MemoryLocked, match="another sitegen build"):
            MemoryLock(memory).acquire()
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    MemoryLock(memory).acquire()  # free again once that process ended


def test_stale_lock_file_from_a_crashed_build_is_taken_over(tmp_path):
    memory = tmp_path / "memory.json"
    Path(str(memory) + ".lock").write_text("99999\n")
    lock = MemoryLock(memory)
    lock.acquire()
    lock.release()
