"""The history's content fingerprints taken from the last build's memo (issue 23): the same
fingerprints as made afresh, made again for an article whose fields or English changed, and
a memo made by other code, damaged or absent is not used."""
from __future__ import annotations

import dataclasses

import sitegen.stages.fingerprints as fp
from sitegen.models import Translation
from sitegen.render.sample import sample_site
from sitegen.stages.assemble import date_entries
from sitegen.state import ArticleHistory


def _counting(monkeypatch) -> list:
    made = []
    real = fp.content_fingerprint
    monkeypatch.setattr(fp, "content_fingerprint", lambda e: (made.append(e.permalink), real(e))[1])
    return made


def _fresh(entries) -> dict:
    return {e.permalink: fp.content_fingerprint(e) for e in entries}


def test_kept_fingerprints_equal_fresh_ones_and_only_changed_articles_are_hashed(tmp_path, monkeypatch):
    entries = sample_site().entries
    memo = fp.FingerprintMemo.load(tmp_path)
    assert {e.permalink: memo.fingerprint(e) for e in entries} == _fresh(entries)
    memo.save(tmp_path)

    first, second = entries[0], entries[1]
    edited = dataclasses.replace(first, article=dataclasses.replace(first.article, headline="改过的标题"))
    english = dataclasses.replace(second.english, lead=Translation("x", "an edited lead", "reviewed"))
    retranslated = dataclasses.replace(second, english=english)
    later = (edited, retranslated) + entries[2:]
    made = _counting(monkeypatch)
    memo = fp.FingerprintMemo.load(tmp_path)
    got = {e.permalink: memo.fingerprint(e) for e in later}
    monkeypatch.undo()
    assert got == _fresh(later)
    assert got[first.permalink] != _fresh(entries)[first.permalink]
    assert sorted(made) == sorted([first.permalink, second.permalink])


def test_a_memo_of_other_code_or_damaged_is_not_used(tmp_path, monkeypatch):
    entries = sample_site().entries
    memo = fp.FingerprintMemo.load(tmp_path)
    for e in entries:
        memo.fingerprint(e)
    memo.save(tmp_path)
    path = tmp_path / fp.NAME
    good = path.read_bytes()
    for damaged in (good[:-7], b"nonsense"):
        path.write_bytes(damaged)
        assert fp.FingerprintMemo.load(tmp_path).known == {}
    path.write_bytes(good)
    assert len(fp.FingerprintMemo.load(tmp_path).known) == len(entries)
    monkeypatch.setattr(fp, "memo_version", lambda: "other code")
    assert fp.FingerprintMemo.load(tmp_path).known == {}
    assert fp.FingerprintMemo.load(None).known == {}


def test_dates_are_the_same_with_and_without_the_memo(tmp_path):
    site = sample_site()
    with_memo = date_entries(ArticleHistory(tmp_path / "a.json"), site, tmp_path / "cache")
    again = date_entries(ArticleHistory.load(tmp_path / "a.json"), site, tmp_path / "cache")
    without = date_entries(ArticleHistory(tmp_path / "b.json"), site)
    assert with_memo == without == again
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
