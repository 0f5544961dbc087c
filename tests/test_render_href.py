"""``href``: a path that needs no escaping is returned as it is, any other as ``quote`` makes it."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from sitegen.render.util import href


def _quoted(path: str) -> str:
    return quote(path, safe="/-._~#?=&")


def test_plain_paths_are_returned_as_they_are():
    path = "articles/000-d20dbdfb-01.html"
    assert href(path) is path
    assert href("tags/a_b-c.d~e.html?x=1&y#z") == "tags/a_b-c.d~e.html?x=1&y#z"


@pytest.mark.parametrize("code", range(0, 0x300))
def test_every_character_is_escaped_as_quote_escapes_it(code):
    ch = chr(code)
    for path in (ch, f"tags/a{ch}b.html", f"{ch}/x"):
        assert href(path) == _quoted(path)


def test_chinese_and_spaces_are_escaped():
    assert href("tags/新疆 旅游.html") == _quoted("tags/新疆 旅游.html")
    assert href("tags/新疆 旅游.html") != "tags/新疆 旅游.html"
