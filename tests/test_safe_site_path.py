"""``safe_site_path`` accepts exactly the paths that ``posixpath.normpath`` leaves as they are
(relative, no empty, "." or ".." segment; "." itself refused) and that hold no scheme, backslash or control
character: checked against that definition over every short path of a small alphabet."""
from __future__ import annotations

from itertools import product
from posixpath import normpath

import pytest

from sitegen.render.util import safe_site_path


def _safe_by_normpath(path: str) -> bool:
    """The definition: the check as it was written with ``normpath``, which also let "." (the
    site's folder itself, never a page) through; that one is refused now."""
    if path == ".":
        return False
    if not path or path.startswith("/") or "\\" in path or ":" in path.split("/")[0]:
        return False
    if any(ord(c) < 0x20 for c in path):
        return False
    norm = normpath(path)
    return not (norm != path or norm.startswith("..") or "/../" in f"/{norm}/")


def _accepted(path: str) -> bool:
    try:
        return safe_site_path(path) == path
    except ValueError:
        return False


@pytest.mark.parametrize("length", range(0, 7))
def test_every_short_path_is_judged_as_normpath_judges_it(length):
    for chars in product("a./:\\\x01", repeat=length):
        path = "".join(chars)
        assert _accepted(path) == _safe_by_normpath(path), repr(path)


@pytest.mark.parametrize("path", ["articles/000-d20dbdfb-01.html", "tags/新疆.html", "search/a12.js",
                                  "static/gloss/x.js", "index.html", "a...b/c.html"])
def test_site_paths_pass(path):
    assert safe_site_path(path) == path


@pytest.mark.parametrize("path", ["", "/etc/passwd", "../x.html", "a/../../x", "a//b", "a/./b", "a/", ".",
                                  "..x/y", "javascript:alert(1)", "a\\b", "a/b\nc", "a/\x00"])
def test_unsafe_paths_are_refused(path):
    with pytest.raises(ValueError, match="unsafe site path"):
        safe_site_path(path)
