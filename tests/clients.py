"""Real clients of the site that nobody here wrote — the Nu Html Checker (vnu-jar), axe-core,
feedparser — found where ``.ci/run`` installs them, and what a test does when one is missing:
skip with the reason on a developer's machine, fail under ``CI=true`` (CI installs them all,
so a missing one is a broken CI, not a pass)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: Where .ci/run installs the npm packages (``npm install --prefix``); $SITEGEN_NPM_CACHE overrides.
NPM_CACHE = Path(os.environ.get("SITEGEN_NPM_CACHE") or Path.home() / ".cache" / "sitegen-validators")
_GLOBAL_NODE_MODULES = (Path("/usr/local/lib/node_modules"), Path("/usr/lib/node_modules"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str):
    """Skip the calling test with ``reason`` — or fail it, under CI=true."""
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so this is a failure (.ci/run installs it)", pytrace=False)
    pytest.skip(reason)


def npm_file(env: str, package: str, relative: str) -> Path | None:
    """A file of an npm package: $``env``, else the CI cache, else a global install."""
    candidates = [os.environ.get(env)] + [str(d / package / relative)
                                          for d in (NPM_CACHE / "node_modules", *_GLOBAL_NODE_MODULES)]
    for cand in candidates:
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


def vnu_jar() -> Path:
    jar = npm_file("VNU_JAR", "vnu-jar", "build/dist/vnu.jar")
    if jar is None:
        unavailable(f"the Nu Html Checker is not installed (npm install --prefix {NPM_CACHE} vnu-jar, or set VNU_JAR)")
    if shutil.which("java") is None:
        unavailable("java is not installed (apt-get install default-jre-headless), needed by the Nu Html Checker")
    return jar


def axe_js() -> Path:
    js = npm_file("AXE_JS", "axe-core", "axe.min.js")
    if js is None:
        unavailable(f"axe-core is not installed (npm install --prefix {NPM_CACHE} axe-core, or set AXE_JS)")
    return js


def copy_of_the_project(root: Path, base_url: str = ""):
    """A ``Config`` for a copy, under ``root``, of the repository's seeds, templates, static
    files, themes and dictionary, with no translation memory and no article history: the site
    the clients check is the one these seeds make."""
    from sitegen.config import Config

    repo = Path(__file__).resolve().parent.parent
    for name in ("seeds", "templates", "static", "dictionary"):
        shutil.copytree(repo / name, root / name)
    shutil.copy(repo / "themes.toml", root / "themes.toml")
    return Config(root=root, base_url=base_url).resolved()


def site_files(site: Path) -> list[Path]:
    """What the Nu Html Checker reads of a built site: every HTML page, stylesheet and SVG."""
    return sorted(p for p in site.rglob("*") if p.suffix in (".html", ".css", ".svg") and p.is_file())


def nu_check(files: list[Path]) -> list[dict]:
    """Every message of the Nu Html Checker about ``files`` (HTML, CSS and SVG alike), as its JSON
    records: ``type`` error / non-document-error / info (``subType`` warning for warnings)."""
    jar = vnu_jar()
    run = subprocess.run([shutil.which("java"), "-jar", str(jar), "--also-check-css", "--also-check-svg",
                          "--format", "json", "--exit-zero-always", *map(str, files)],
                         capture_output=True, text=True, timeout=900)
    try:
        return json.loads(run.stderr)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"the Nu Html Checker gave no JSON report: {run.stderr[-2000:]}") from None


def findings(messages: list[dict]) -> list[str]:
    """The errors and warnings among ``messages``, one readable line each."""
    return [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('subType') or m['type']}: {m.get('message')}"
            for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
