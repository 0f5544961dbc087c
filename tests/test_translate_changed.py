"""The translations' report to the change set (``sitegen.changes``): which memory entries
differ from the memory as the last build left it, and so which texts' English may differ."""
from __future__ import annotations

import json

from sitegen.translate.memory import TranslationMemory
from sitegen.translate.service import TranslationService
from sitegen.translate.text import source_key


def _entry(source: str, translation: str) -> dict:
    return {"hash": source_key(source), "source": source, "translation": translation,
            "model": None, "model_version": None, "date": None, "reviewed": True}


def _write(path, *entries) -> None:
    path.write_text(json.dumps({"version": 1, "entries": list(entries)}, ensure_ascii=False), encoding="utf-8")


def test_entries_are_compared_with_the_memory_as_last_read_or_written(tmp_path):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    assert TranslationMemory.load(path, cache).changed_keys() == set()  # none then, none now
    _write(path, _entry("经济", "Economy"))
    assert TranslationMemory.load(path, cache).changed_keys() == {source_key("经济")}
    assert TranslationMemory.load(path, cache).changed_keys() == set()  # the same file again
    _write(path, _entry("经济", "The economy"), _entry("体育", "Sport"))  # edited by hand
    assert TranslationMemory.load(path, cache).changed_keys() == {source_key("经济"), source_key("体育")}
    _write(path, _entry("体育", "Sport"))
    assert TranslationMemory.load(path, cache).changed_keys() == {source_key("经济")}  # removed


def test_without_a_cache_nothing_is_known(tmp_path):
    _write(tmp_path / "memory.json", _entry("经济", "Economy"))
    assert TranslationMemory.load(tmp_path / "memory.json").changed_keys() is None


def test_the_service_names_the_texts_whose_entry_changed(tmp_path):
    path, cache = tmp_path / "memory.json", tmp_path / "cache"
    _write(path, _entry("经济", "Economy"), _entry("体育", "Sport"))
    TranslationService(path, cache_dir=cache).close()  # the last build's read
    _write(path, _entry("经济", "The economy"), _entry("体育", "Sport"))
    service = TranslationService(path, cache_dir=cache)
    try:
        service.translate(["经济", "体育", "文化"])
        assert service.changed_texts() == {"经济"}
    finally:
        service.close()
