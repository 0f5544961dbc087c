"""A line opened by a bullet (●, ■, ◆) is a byline when it names people; one that counts
something (●重点抓好５００个…基地县, a figure in it) is a headline: an author line
never holds a number. Before, every bullet line without sentence punctuation was taken
for a byline, so such a headline in a block of headlines went missing and its story
stayed without one."""
from __future__ import annotations

import pytest

from sitegen.parse.lines import is_byline


@pytest.mark.parametrize("line", ["●重点抓好５００个名特优新经济林基地县", "■ 3万户用上清洁能源",
                                  "◆２０２５年春耕备耕有序推进", "●全省新建12座水库"])
def test_a_bullet_line_counting_something_is_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize("line", ["●王明", "■ 本报记者 王明 李华", "◆新华社记者 贺长山", "●欧阳 明远"])
def test_a_bullet_line_naming_people_is_a_byline(line: str) -> None:
    assert is_byline(line)
