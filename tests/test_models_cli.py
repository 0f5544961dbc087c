"""`sitegen models install / list` as a maintainer runs them: offline, from an index, by
version. Every index here is on this machine (a file:// URL or a closed port on 127.0.0.1)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argos_fixture import argos_model_file, argos_model_file_v2  # noqa: E402,F401  (fixtures)

REPO = Path(__file__).resolve().parent.parent


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sitegen(args: list[str], tmp_path: Path, index: str, timeout: float = 60) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               ARGOS_PACKAGES_DIR=str(tmp_path / "packages"), ARGOS_PACKAGE_INDEX=index)
    return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_install_without_network_fails_at_once_in_one_line(tmp_path):
    start = time.monotonic()
    out = sitegen(["models", "install"], tmp_path, f"http://127.0.0.1:{closed_port()}/")
    elapsed = time.monotonic() - start
    assert out.returncode == 1
    lines = (out.stdout + out.stderr).strip().splitlines()
    assert len(lines) == 1, out.stdout + out.stderr
    assert lines[0].startswith("error: could not reach the Argos package index at http://127.0.0.1:")
    assert "--file" in lines[0]
    assert elapsed < 20


def write_index(folder: Path, archives: dict[str, Path]) -> str:
    """An Argos index (index.json) offering ``archives`` (version → file) as file:// links."""
    folder.mkdir(parents=True, exist_ok=True)
    index = [{"package_version": v, "argos_version": "1.9", "from_code": "zh", "to_code": "en",
              "from_name": "Chinese", "to_name": "English", "type": "translate",
              "links": [path.as_uri()]} for v, path in archives.items()]
    index.append({**index[0], "from_code": "en", "to_code": "zh", "package_version": "9.9"})
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder.as_uri() + "/"


def test_install_names_a_version_and_list_shows_it(tmp_path, argos_model_file, argos_model_file_v2):
    index = write_index(tmp_path / "index", {"1.0": argos_model_file, "2.0": argos_model_file_v2})
    none = sitegen(["models", "list", "--for-build"], tmp_path, index)
    assert none.returncode == 1 and none.stdout == ""

    out = sitegen(["models", "install", "--version", "1.0"], tmp_path, index)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("installed translate-zh_en 1.0 (zh→en)")
    listed = sitegen(["models", "list", "--for-build"], tmp_path, index)
    assert (listed.returncode, listed.stdout) == (0, "translate-zh_en 1.0\n")

    missing = sitegen(["models", "install", "--version", "1.5"], tmp_path, index)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "error: the Argos package index has no zh→en version 1.5 (it has: 1.0, 2.0)"

    newest = sitegen(["models", "install"], tmp_path, index)
    assert newest.returncode == 0 and "translate-zh_en 2.0" in newest.stdout


def test_install_from_file_checks_the_version(tmp_path, argos_model_file):
    index = f"http://127.0.0.1:{closed_port()}/"  # never read: --file installs offline
    wrong = sitegen(["models", "install", "--file", str(argos_model_file), "--version", "2.0"], tmp_path, index)
    assert wrong.returncode == 1 and "is version 1.0, not the requested 2.0" in wrong.stderr
    right = sitegen(["models", "install", "--file", str(argos_model_file), "--version", "1.0"], tmp_path, index)
    assert right.returncode == 0, right.stderr


@pytest.mark.parametrize("argv", [["models"], ["models", "install", "--bogus"], ["nosuch"]])
def test_usage_errors_exit_2(tmp_path, argv):
    out = sitegen(argv, tmp_path, "file:///nonexistent/")
    assert out.returncode == 2 and "usage:" in out.stderr
