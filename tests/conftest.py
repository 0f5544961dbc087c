"""Shared fixtures. Every test runs with an empty Argos package directory unless it installs
its own package, so results never depend on what the developer's machine has installed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.config import Config

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "gold"
SCORER = REPO.parent / "shared" / "tools" / "score_parse.py"


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A fresh seed folder holding copies of three of the repository's seeds (the parse
    stage's cache and digest tests); a module may define its own ``seeds``."""
    from sitegen.seeds import find_seed_paths

    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in find_seed_paths(SEEDS)[:3]:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(autouse=True)
def _isolated_argos(tmp_path_factory, monkeypatch):
    packages = tmp_path_factory.mktemp("argos-packages")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("ARGOS_TRANSLATE_PACKAGES_DIR", str(packages))
    yield


@pytest.fixture
def project(tmp_path) -> Config:
    """A throw-away project: the repo's seeds, templates, static files and themes, copied, with
    an empty translation memory and its own output directory."""
    for name in ("seeds", "templates", "static", "dictionary"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, tmp_path / name)
    if (REPO / "themes.toml").exists():
        shutil.copy(REPO / "themes.toml", tmp_path / "themes.toml")
    return Config(root=tmp_path).resolved()
