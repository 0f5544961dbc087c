"""A template that fails stops the build with a message naming the template file, its line and
the page being made, printed without a traceback, and the last site stays as it was."""
from __future__ import annotations

import pytest

from sitegen.cli import main


def _break(project, template: str, text: str) -> int:
    """Insert ``text`` on its own line after the template's first block tag: its line number."""
    path = project.templates_dir / template
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "{% block" in line and "endblock" not in line) + 1
    lines.insert(at, text + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def _build(project, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    rc = main(["build", "-q"])
    return rc, capsys.readouterr().err


@pytest.mark.parametrize("template", ["article.html", "tag.html"])
def test_an_undefined_name_is_reported_at_its_template_line(project, monkeypatch, capsys, template):
    line = _break(project, template, "{{ no_such_name }}")
    rc, err = _build(project, monkeypatch, capsys)
    assert rc == 1
    assert f"error: templates/{template}:{line}: 'no_such_name' is undefined (rendering " in err, err
    assert "Traceback" not in err
    assert not project.out_dir.exists()


def test_a_syntax_error_is_reported_at_its_template_line(project, monkeypatch, capsys):
    line = _break(project, "article.html", "{% if %}")
    rc, err = _build(project, monkeypatch, capsys)
    assert rc == 1
    assert f"error: templates/article.html:{line}: " in err, err
    assert "Traceback" not in err
