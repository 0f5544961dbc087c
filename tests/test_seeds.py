"""sitegen.seeds: clean text out, loud errors (file and line) for unusable input."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.seeds import SeedError, find_seed_paths, read_seed, read_seeds


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_plain_utf8_is_read_unchanged(tmp_path):
    seed, warnings = read_seed(write(tmp_path / "a.txt", "新疆日报\n第二行\n".encode()))
    assert seed.text == "新疆日报\n第二行\n"
    assert seed.name == "a.txt"
    assert seed.path == str(tmp_path / "a.txt")
    assert seed.encoding == "utf-8"
    assert warnings == []


def test_bom_is_removed(tmp_path):
    seed, warnings = read_seed(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + "标题\n正文\n".encode()))
    assert seed.text == "标题\n正文\n"
    assert not seed.text.startswith("\ufeff")
    assert warnings == []


def test_crlf_and_cr_become_lf(tmp_path):
    seed, _ = read_seed(write(tmp_path / "a.txt", "一\r\n二\r三\n四\r\n".encode()))
    assert seed.text == "一\n二\n三\n四\n"
    assert "\r" not in seed.text


def test_gb18030_is_decoded_with_a_warning_naming_the_file(tmp_path):
    text = "第一行\n新疆日报记者\n"
    path = write(tmp_path / "gbk.txt", text.encode("gb18030"))
    seed, warnings = read_seed(path)
    assert seed.text == text
    assert seed.encoding == "gb18030"
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert "GB18030" in warnings[0]
    assert f"{path}:1:" in warnings[0]  # the first non-UTF-8 byte is on line 1


def test_invalid_bytes_raise_with_file_and_line(tmp_path):
    path = write(tmp_path / "bad.txt", "好\n好\n".encode() + b"ok \xff\xff\n")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: ")
    assert "UTF-8" in str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n"])
def test_empty_files_are_errors(tmp_path, data):
    path = write(tmp_path / "empty.txt", data)
    with pytest.raises(SeedError, match="empty") as info:
        read_seed(path)
    assert str(path) in str(info.value)


def test_bom_only_file_is_an_error(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf \n")
    with pytest.raises(SeedError, match="no text"):
        read_seed(path)


def test_binary_file_is_an_error_with_line(tmp_path):
    path = write(tmp_path / "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SeedError, match="binary") as info:
        read_seed(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_utf16_is_refused_as_binary(tmp_path):
    path = write(tmp_path / "u16.txt", "新闻 news\n".encode("utf-16"))
    with pytest.raises(SeedError):
        read_seed(path)


def test_duplicate_seeds_warn_naming_both_and_keep_the_first(tmp_path):
    a = write(tmp_path / "a.txt", "同一篇文章\n".encode())
    b = write(tmp_path / "b.txt", b"\xef\xbb\xbf" + "同一篇文章\r\n".encode())  # same text once cleaned
    c = write(tmp_path / "c.txt", "另一篇\n".encode())
    seed_set = read_seeds([a, b, c])
    assert [s.name for s in seed_set.seeds] == ["a.txt", "c.txt"]
    assert len(seed_set.warnings) == 1
    assert str(a) in seed_set.warnings[0] and str(b) in seed_set.warnings[0]
    assert "duplicate" in seed_set.warnings[0]
    # each kept seed's text digest, in order (the parse cache keys a seed's text by it)
    import hashlib
    assert seed_set.digests == tuple(hashlib.sha256(s.text.encode()).hexdigest() for s in seed_set.seeds)


def test_read_seeds_stops_at_the_first_unusable_seed(tmp_path):
    good = write(tmp_path / "a.txt", "好\n".encode())
    empty = write(tmp_path / "b.txt", b"")
    with pytest.raises(SeedError, match="b.txt"):
        read_seeds([good, empty])


def test_find_seed_paths_filters_and_sorts(tmp_path):
    for name in ["b.txt", "a.md", "C.TXT", ".hidden.txt", "notes.pdf"]:
        write(tmp_path / name, "x\n".encode())
    (tmp_path / "dir.txt").mkdir()
    assert [p.name for p in find_seed_paths(tmp_path)] == ["C.TXT", "a.md", "b.txt"]


def test_find_seed_paths_missing_directory(tmp_path):
    with pytest.raises(SeedError, match="does not exist"):
        find_seed_paths(tmp_path / "missing")
