"""What `pip install -e .` brings: argos-translate-lt without torch, Stanza or spaCy, and a
dependency closure well under 600 MB (measured on the installed files of this environment)."""
from __future__ import annotations

import re
from importlib import metadata

HEAVY = {"torch", "stanza", "spacy", "argostranslate"}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def closure(root: str = "sitegen") -> dict[str, metadata.Distribution]:
    """Every distribution ``root`` needs (no extras), by normalised name."""
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional, platform-specific requirement not installed here
        found[name] = dist
        for req in dist.requires or []:
            if "extra ==" not in req:
                todo.append(_name(req))
    return found


def test_argos_comes_without_torch_stanza_or_spacy():
    deps = closure()
    assert "argos-translate-lt" in deps
    assert HEAVY.isdisjoint(deps), sorted(HEAVY & set(deps))


def test_installed_dependencies_stay_under_600_mb():
    total = 0
    for dist in closure().values():
        for file in dist.files or []:
            path = dist.locate_file(file)
            if path.is_file():
                total += path.stat().st_size
    assert total < 600 * 2**20, f"{total / 2**20:.0f} MiB"
