"""Installing and listing Argos Translate zh→en models (used by ``sitegen models``).

``sitegen models install [--version V]`` → :func:`install_from_index` (needs network)
``sitegen models install --file PATH``  → :func:`install_from_file` (offline)
``sitegen models list``                 → :func:`list_installed`

Packages are installed where Argos Translate looks for them: ARGOS_PACKAGES_DIR,
else Argos' settings.json, else ``~/.local/share/argos-translate/packages``.
Builds never call anything in this module.
"""
from __future__ import annotations

import json
import random
import shutil
import sys
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sitegen.translate.engine import SOURCE_LANG, TARGET_LANG, package_name
from sitegen.progress import ProgressBar
from sitegen.atomic import atomic_write_bytes


class ModelInstallError(Exception):
    """A model could not be installed (message says why)."""


@dataclass(frozen=True)
class InstalledModel:
    name: str  # e.g. "translate-zh_en"
    version: str  # package_version, e.g. "1.9"
    from_code: str
    to_code: str
    path: Path

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.from_code}→{self.to_code}) {self.path}"


def _as_model(pkg) -> InstalledModel:
    return InstalledModel(
        name=package_name(pkg),
        version=pkg.package_version or "",
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        path=Path(pkg.package_path),
    )


def list_installed() -> list[InstalledModel]:
    """Every installed Argos translation package (any language pair), sorted by name.

    The one a build uses is the newest zh→en package.
    """
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    models = []
    for directory in argos_settings.package_dirs:
        if Path(directory).is_dir():
            for pkg in argos_package.get_installed_packages([Path(directory)]):
                if getattr(pkg, "type", "translate") == "translate":
                    models.append(_as_model(pkg))
    return sorted(models, key=lambda m: (m.name, m.version, str(m.path)))


def _check_archive(path: Path) -> dict:
    """Validate an .argosmodel zip and return its metadata.json."""
    if not path.is_file():
        raise ModelInstallError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelInstallError(f"{path}: not an Argos model (.argosmodel must be a zip archive)")
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        tops = {n.split("/", 1)[0] for n in names if n.strip("/")}
        if len(tops) != 1:
            raise ModelInstallError(f"{path}: expected one top-level package directory, found {sorted(tops)}")
        top = tops.pop()
        for name in names:
            if name.startswith("/") or ".." in Path(name).parts:
                raise ModelInstallError(f"{path}: unsafe member name {name!r}")
        if f"{top}/metadata.json" not in names:
            raise ModelInstallError(f"{path}: {top}/metadata.json is missing")
        if not any(n.startswith(f"{top}/model/") for n in names):
            raise ModelInstallError(f"{path}: {top}/model/ (the CTranslate2 model) is missing")
        try:
            metadata = json.loads(zf.read(f"{top}/metadata.json"))
        except ValueError as exc:
            raise ModelInstallError(f"{path}: {top}/metadata.json is not valid JSON ({exc})") from exc
    metadata["_top"] = top
    return metadata


def install_from_file(path: Path | str, *, require_pair: bool = True,
                      version: str | None = None) -> InstalledModel:
    """Install a local ``.argosmodel`` file; returns the installed model.

    The archive is checked first (zip with one package directory holding
    ``metadata.json`` and ``model/``; with ``require_pair`` it must translate
    zh→en; with ``version`` its ``package_version`` must be that). Installation itself is ``argostranslate.package.install_from_path``.
    Raises :class:`ModelInstallError` with a clear message on a bad file.
    """
    path = Path(path)
    metadata = _check_archive(path)
    froms = {metadata.get("from_code"), *metadata.get("from_codes", [])}
    tos = {metadata.get("to_code"), *metadata.get("to_codes", [])}
    if require_pair and not (SOURCE_LANG in froms and TARGET_LANG in tos):
        raise ModelInstallError(
            f"{path}: translates {metadata.get('from_code')}→{metadata.get('to_code')}, "
            f"sitegen needs {SOURCE_LANG}→{TARGET_LANG}"
        )
    if version is not None and str(metadata.get("package_version")) != version:
        raise ModelInstallError(
            f"{path}: is version {metadata.get('package_version')}, not the requested {version}")
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    target = Path(argos_settings.package_data_dir)
    target.mkdir(parents=True, exist_ok=True)
    dest = target / metadata["_top"]
    if dest.exists():  # replace an older copy rather than merging files into it
        shutil.rmtree(dest)
    argos_package.install_from_path(path)
    return _as_model(argos_package.Package(dest))


def _download(urls: list[str], dest: Path, progress: bool) -> None:
    last_error: Exception | None = None
    for url in random.sample(urls, len(urls)):
        tmp = dest.with_suffix(dest.suffix + ".part")
        try:
            req = urllib.request.Request(url, headers={"User-Agent": "sitegen"})
            with urllib.request.urlopen(req, timeout=60) as resp, open(tmp, "wb") as out:
                total = int(resp.headers.get("Content-Length") or 0)
                bar = _byte_bar(total, enabled=progress)
                while chunk := resp.read(1 << 20):
                    out.write(chunk)
                    bar.update(len(chunk))
                bar.close()
            tmp.replace(dest)
            return
        except Exception as exc:  # try the next mirror
            last_error = exc
            tmp.unlink(missing_ok=True)
    raise ModelInstallError(f"download failed from {urls}: {last_error}")


def _byte_bar(total: int, enabled: bool) -> ProgressBar:
    return ProgressBar(max(total, 1), "download", enabled=enabled and total > 0,
                       fmt=lambda done, total: f"{done >> 20}/{total >> 20} MiB")


#: Seconds to wait for the package index before giving up (offline machines fail at once).
INDEX_TIMEOUT = 10.0


def _fetch_index(progress: bool) -> list:
    """The Argos package index, downloaded with a short timeout into Argos' local copy.

    ``argostranslate.package.update_package_index`` waits without a timeout, logs and swallows
    a failure, and ``get_available_packages`` then retries it recursively (100 s and ~1,000 log
    lines offline, ending in a RecursionError): we fetch it ourselves and fail with one line."""
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    url = argos_settings.remote_package_index
    if progress:
        print(f"reading the package index {url}", file=sys.stderr)
    try:
        req = urllib.request.Request(url, headers={"User-Agent": "sitegen"})
        with urllib.request.urlopen(req, timeout=INDEX_TIMEOUT) as resp:
            data = resp.read()
        index = json.loads(data)
        if not isinstance(index, list):
            raise ValueError("not a list of packages")
    except Exception as exc:  # network down, DNS, HTTP error, not JSON
        reason = getattr(exc, "reason", None) or exc
        raise ModelInstallError(
            f"could not reach the Argos package index at {url} ({reason}); without network, download "
            f"a translate-zh_en .argosmodel elsewhere and run `sitegen models install --file PATH`"
        ) from None
    local = Path(argos_settings.local_package_index)
    atomic_write_bytes(local, data)
    return [argos_package.AvailablePackage(metadata) for metadata in index]


def choose_package(available: list, version: str | None = None):
    """The zh→en package of the index: the newest, or the one whose ``package_version`` is
    ``version`` (a ModelInstallError names the versions there are)."""
    from sitegen.translate.engine import _version_key

    matches = [
        p for p in available
        if getattr(p, "type", "translate") == "translate" and p.from_code == SOURCE_LANG
        and p.to_code == TARGET_LANG
    ]
    if not matches:
        raise ModelInstallError(
            "no zh→en package found in the Argos package index; "
            "download a .argosmodel elsewhere and use `sitegen models install --file PATH`"
        )
    if version is None:
        return max(matches, key=lambda p: _version_key(p.package_version))
    wanted = [p for p in matches if p.package_version == version]
    if not wanted:
        have = ", ".join(sorted({p.package_version for p in matches}, key=_version_key))
        raise ModelInstallError(f"the Argos package index has no zh→en version {version} (it has: {have})")
    return wanted[0]


def install_from_index(progress: bool = True, version: str | None = None) -> InstalledModel:
    """Download the zh→en package (the newest, or ``version``) from the Argos package index
    and install it.

    Needs network access (the index and the package, ~100 MB). A progress bar
    is drawn on stderr when ``progress`` and stderr is a terminal.
    """
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    chosen = choose_package(_fetch_index(progress), version)
    downloads = Path(argos_settings.downloads_dir)
    downloads.mkdir(parents=True, exist_ok=True)
    dest = downloads / f"{argos_package.argospm_package_name(chosen)}.argosmodel"
    if progress:
        print(f"downloading {chosen} {chosen.package_version}", file=sys.stderr)
    _download(list(chosen.links), dest, progress)
    try:
        return install_from_file(dest, version=version)
    finally:
        dest.unlink(missing_ok=True)
