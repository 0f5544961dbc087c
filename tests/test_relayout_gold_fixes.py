"""Two bugs of the page generator (tests/relayout.py) that made its gold disagree with its page:
a story printed without a headline was given, as its kicker, the section label (【节日专题】)
printed with the headline of the story before it; and a 下转 marker set inline at the end of a
story's last paragraph was lost when a column break cut that paragraph on a clean page (the
line was cut from the paragraph's text, not from the line as printed)."""
from __future__ import annotations

import re

import pytest

import relayout
import shared_files

needs_scorer = shared_files.needs(relayout.SCORER, relayout.GOLD)
MARKER = re.compile(r"[(（]下转")


@pytest.fixture(scope="module")
def pages() -> list[relayout.Page]:
    stories = relayout.load_stories()
    # the harsh profile prints labels; the classic one's clean pages lost markers too
    return [p for s in (1, 2, 3, 4, 5) for p in relayout.make_pages(30, s, stories, harsh=True)] + \
        [p for s in (201, 202, 203, 204, 205) for p in relayout.make_pages(30, s, stories)]


@needs_scorer
def test_a_story_printed_without_a_headline_has_no_label_for_kicker(pages):
    headless = [a for p in pages for a in p.gold["articles"] if not a["headline_found"]]
    assert headless
    assert [a["id"] for a in headless if a["kicker"] and a["kicker"].startswith("【")] == []


@needs_scorer
def test_every_story_continued_elsewhere_prints_its_marker(pages):
    counted = 0
    for p in pages:
        continued = sum(a["continued"] in ("to", "both") for a in p.gold["articles"])
        counted += continued
        assert len(MARKER.findall(p.text)) == continued, p.name
    assert counted > 50
