"""Tests that read ``../shared`` (the seeds' gold, the scorer): on a developer's machine without
it they are skipped, saying which file is missing; under CI (``CI=true``, which ``.ci/run`` sets)
they are never skipped — they run, and fail loudly if the files are missing, because CI must
measure the parser against the gold."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def needs(*paths: Path) -> pytest.MarkDecorator:
    missing = [str(p) for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing) and not os.environ.get("CI"),
                              reason=f"shared files not available: {', '.join(missing)}")
