"""Stylesheets and scripts as the reader downloads them: comments and spacing left out.

``static/`` keeps the readable sources (commented, one rule a line); the built site gets them
minified by ``rcssmin`` and ``rjsmin`` (well-kept, pure-Python-or-C, no rewriting of names, so
what runs is what the source says). An article page's first load must stay ≤ 30 KB
(issue 22): this is ~1.7 KB of its scripts and ~1 KB of its styles. Other files are kept as
they are.
"""
from __future__ import annotations

import rcssmin
import rjsmin


def minified(path: str, data: bytes) -> bytes:
    """``data`` of the static file ``path``, minified when it is a stylesheet or a script;
    a file that is not UTF-8 is kept as it is."""
    if not path.endswith((".css", ".js")):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    small = rcssmin.cssmin(text) if path.endswith(".css") else rjsmin.jsmin(text)
    return (small.strip() + "\n").encode("utf-8")
