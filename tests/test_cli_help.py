"""`sitegen --help` and the subcommands' help: plain text, descriptions, examples, help for
every option; short flags; exit status 2 for usage errors, 1 for failed commands."""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli import _make_parser, main

REPO = Path(__file__).resolve().parent.parent


def subparsers(parser: argparse.ArgumentParser, prefix=()) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    found = {prefix: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.update(subparsers(child, prefix + (name,)))
    return found


COMMANDS = subparsers(_make_parser())


def test_every_command_is_covered():
    assert set(COMMANDS) >= {(), ("build",), ("parse",), ("models",), ("models", "install"),
                             ("models", "list"), ("check",), ("serve",)}


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=lambda p: " ".join(p) or "sitegen")
def test_help_has_a_description_examples_and_help_for_every_option(path):
    parser = COMMANDS[path]
    text = parser.format_help()
    assert parser.description and "``" not in text and "`sitegen" not in text.split("examples:")[0]
    assert "examples:\n  sitegen" in text
    for action in parser._actions:
        if action.help is not argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction):
            assert action.help, f"sitegen {' '.join(path)}: {action.option_strings or action.dest} has no help"
    for line in text.split("examples:\n", 1)[1].splitlines():
        if line.startswith("  sitegen "):  # every example is a command line the parser accepts
            argv = re.split(r"\s{2,}|#", line.strip())[0].split()[1:]
            if "*" not in " ".join(argv):
                _make_parser().parse_args(argv)


def test_top_level_help_documents_exit_status():
    text = COMMANDS[()].format_help()
    assert "exit status:" in text
    for code in ("0 ", "1 ", "2 ", "130 "):
        assert f"\n  {code}" in text


def test_short_flags_and_bind():
    parse = _make_parser().parse_args
    assert parse(["build", "-o", "public"]).out == Path("public")
    assert parse(["check", "-o", "public"]).out == Path("public")
    args = parse(["serve", "-p", "8081", "--bind", "0.0.0.0", "-o", "out"])
    assert (args.port, args.bind, args.out) == (8081, "0.0.0.0", Path("out"))
    assert parse(["serve"]).bind == "127.0.0.1"


def test_serve_binds_the_address_given(project, monkeypatch):
    import sitegen.serve as serve_module

    seen = {}

    def fake_serve(config, port, reporter, config_file=None, host="?"):
        seen.update(port=port, host=host, out=config.out_dir)
        return 0

    monkeypatch.setattr(serve_module, "serve", fake_serve)
    monkeypatch.chdir(project.root)
    assert main(["serve", "-p", "0", "--bind", "::1", "-o", "elsewhere"]) == 0
    assert seen == {"port": 0, "host": "::1", "out": Path("elsewhere")}


def test_dev_server_listens_on_the_bound_address(project):
    import urllib.request

    from sitegen.progress import Reporter
    from sitegen.serve import DevServer

    server = DevServer(project, 0, Reporter(0), host="127.0.0.2", build=lambda *a, **k: None)
    server.start()
    try:
        assert server.url.startswith("http://127.0.0.2:")
        with pytest.raises(OSError):
            urllib.request.urlopen(server.url.replace("127.0.0.2", "127.0.0.1"), timeout=5)
    finally:
        server.stop()


def test_usage_errors_exit_2_and_failed_commands_exit_1(tmp_path):
    def run(*argv):
        return subprocess.run([sys.executable, "-m", "sitegen", *argv], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)

    for argv in (["build", "--no-such-option"], ["serve", "-p", "eighty"], []):
        out = run(*argv)
        assert out.returncode == 2 and out.stderr.startswith("usage: sitegen"), argv
    failed = run("build", "--seeds", "missing")  # a content error: no seeds there
    assert failed.returncode == 1 and failed.stderr.startswith("error: ")
