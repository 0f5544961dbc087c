"""What a build says about its translations, with the tiny real Argos package installed:
the model's name and version, how many texts it translated, came from the memory, are
pending; plainly broken output is refused and reported; `--summary` writes it as Markdown."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argos_fixture import argos_env, argos_model_file  # noqa: E402,F401  (fixtures)

from sitegen.build import build  # noqa: E402
from sitegen.progress import Reporter  # noqa: E402
from sitegen.summary import summary_markdown  # noqa: E402
from sitegen.translate.engine import ArgosEngine  # noqa: E402
from sitegen.translate.models import install_from_file  # noqa: E402


def quiet_build(config, **kw):
    stream = io.StringIO()
    result = build(config, reporter=Reporter(1, stream), **kw)
    return result, stream.getvalue()


def memory_entries(config) -> list[dict]:
    if not config.memory_path.exists() or not config.memory_path.read_text(encoding="utf-8").strip():
        return []
    return json.loads(config.memory_path.read_text(encoding="utf-8"))["entries"]


def test_fixture_output_is_refused_reported_and_kept_out_of_the_memory(project, argos_env, argos_model_file):
    """The fixture answers every sentence alike: the build must not publish or remember it."""
    install_from_file(argos_model_file)
    result, log = quiet_build(project)
    stats = result.translation
    assert stats.model == "translate-zh_en 1.0"
    assert stats.translated == 0 and stats.rejected == stats.pending > 20
    assert (f"translation: 0 translated (translate-zh_en 1.0), 0 from memory, {stats.pending} pending "
            f"({stats.rejected} rejected as broken output)") in log
    assert f"warning: translate-zh_en 1.0 gave plainly broken output for {stats.rejected} text(s)" in log
    assert memory_entries(project) == []
    digest = json.loads((project.out_dir / "digest.json").read_text(encoding="utf-8"))
    assert all(a["headline"]["status"] == "pending" for a in digest["articles"] if a["headline"]["zh"])
    summary = summary_markdown(result, project.out_dir)
    assert f"| rejected as plainly broken output | {stats.rejected} |" in summary


def test_build_names_the_model_and_counts_what_it_translated(project, argos_env, argos_model_file,
                                                             monkeypatch, tmp_path):
    """With an engine that gives each input its own answer (the real package loaded, its
    answers replaced), texts are translated, remembered, then answered from the memory."""
    install_from_file(argos_model_file)

    def distinct(self, sentences, **kw):
        return [f"Sentence number {sum(map(ord, s))} of length {len(s)} in English." for s in sentences]

    monkeypatch.setattr(ArgosEngine, "translate", distinct)
    first, log = quiet_build(project)
    stats = first.translation
    assert stats.model == "translate-zh_en 1.0" and stats.rejected == 0 and stats.pending == 0
    assert stats.translated == len(memory_entries(project)) > 20
    assert f"translation: {stats.translated} translated (translate-zh_en 1.0), 0 from memory, 0 pending\n" in log

    again, log = quiet_build(project, clean=True)
    assert (again.translation.translated, again.translation.from_memory) == (0, stats.translated)
    assert again.translation.model is None
    assert f"translation: 0 translated (no model needed), {stats.translated} from memory, 0 pending" in log


def test_summary_file_from_the_command_line(project, argos_env, monkeypatch, tmp_path):
    from sitegen.cli import main

    monkeypatch.chdir(project.root)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    assert main(["build", "-q", "--summary", str(summary)]) == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### sitegen build\n")  # appended, as GitHub expects
    pending = json.loads((project.root / "site" / "digest.json").read_text(encoding="utf-8"))
    assert "| translated by the model | 0 |" in text
    assert "| from translations/memory.json | 0 |" in text
    assert "model: no zh→en model installed." in text
    assert pending["articles"]
    assert main(["build", "-q", "--summary", str(summary)]) == 0  # a no-op build says so
    assert summary.read_text(encoding="utf-8").endswith("Nothing changed since the last build of "
                                                        f"`{project.root / 'site'}`.\n")
