"""The stages talk through ``sitegen.models`` and shared helpers, never through each other's
modules (sitegen's version of Zola's crate graph, ../shared/STYLE.md §3): a parse that
imported the renderer, or a renderer that reached into the grouping, fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import sitegen

PACKAGE = Path(sitegen.__file__).parent
STAGES = ("parse", "group", "translate", "render", "gloss")
# The one declared edge: the reading aid cuts words with the grouping's cutter, so that the
# words it glosses are the words the tags were made of.
ALLOWED = {("gloss", "group")}


def _imported(path: Path, package: str) -> set[str]:
    """Top-level ``sitegen`` packages that ``path`` (in ``sitegen/<package>/``) imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names.add(node.module or "")
            elif node.level == 2:  # from ..x import y: a sibling of the package
                names.add(f"sitegen.{node.module or ''}")
            elif node.level == 1:  # from . / from .x: the package itself
                names.add(f"sitegen.{package}")
    return {n.split(".")[1] for n in names if n.startswith("sitegen.") and n.count(".") >= 1}


def _edges() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for stage in STAGES:
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            for other in _imported(path, stage):
                if other in STAGES and other != stage:
                    found.setdefault((stage, other), []).append(path.relative_to(PACKAGE).as_posix())
    return found


def test_no_stage_imports_a_sibling_stage() -> None:
    forbidden = {edge: files for edge, files in _edges().items() if edge not in ALLOWED}
    assert forbidden == {}, "a stage imports a sibling stage: " + "; ".join(
        f"{a} → {b} in {', '.join(files)}" for (a, b), files in forbidden.items())


def test_the_walk_sees_relative_and_absolute_imports(tmp_path) -> None:
    mod = tmp_path / "m.py"
    mod.write_text("from ..render import site\nimport sitegen.group.text\nfrom . import x\n"
                   "from sitegen.models import Article\n", encoding="utf-8")
    assert _imported(mod, "parse") == {"render", "group", "parse", "models"}
    assert ("gloss", "group") in _edges()  # the declared edge is really there
