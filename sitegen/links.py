"""The output paths' safety check, shared by the writer (``sitegen.write``) and its journal
(``sitegen.journal``)."""
from __future__ import annotations

import os


class WriteError(Exception):
    pass


def safe_target(root: str, rel: str) -> str:
    """The file path of site-relative ``rel`` under ``root``, refusing anything that would
    leave ``root``. (A str: thousands of pages are written, and pathlib objects cost more
    than the writing itself.)"""
    segments = rel.split("/")
    if not rel or "\\" in rel or "\x00" in rel or any(seg in ("", ".", "..") for seg in segments):
        raise WriteError(f"refusing unsafe output path {rel!r}")
    return os.path.join(root, *segments)
