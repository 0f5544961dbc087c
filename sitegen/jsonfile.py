"""Reading the JSON files the project commits beside its seeds (the translation memory, the
article history): a missing or empty file is no data; an unreadable or corrupt one is an error
naming the file (and line:column), and the file is left as it is."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_json(path: Path, what: str, error: type[Exception]) -> Any | None:
    """The JSON value in ``path``, or None when the file is missing or blank. ``what`` names the
    file's kind in messages ("translation memory"); failures raise ``error``."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 ({exc})") from None
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc}") from None
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise error(f"{path}:{exc.lineno}:{exc.colno}: corrupt {what}: {exc.msg} "
                    "(fix or restore the file; it was left untouched)") from None
