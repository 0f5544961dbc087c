"""The parser cuts text with jieba's dictionary as shipped, whatever words grouping has given
the shared instance since (sitegen/dictionary.py): a seed parses the same in a worker, in
the build's own process after grouping has loaded the taxonomy, and in ``sitegen parse``."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
from sitegen import dictionary
text = "经济合作是上合组织的核心议题"
before = dictionary.cut_words(text)
segmenter = dictionary.segmenter()
dictionary.add_word(segmenter, "上合组织", 100000, None)
print(before == dictionary.cut_words(text), "上合组织" in segmenter.cut(text, False),
      "上合组织" in before, dictionary.is_jieba_word("上合组织"))
"""


def test_words_given_to_a_segmenter_do_not_move_the_parsers_cut() -> None:
    # a fresh process: the shared instance must not have been taken before the script runs
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout
    same, segmenter_has_it, parser_had_it, counted = out.split()
    assert segmenter_has_it == "True"  # the word really changed the shared instance's cut
    assert parser_had_it == "False"
    assert same == "True"  # and the parser's cut stayed jieba's own
    assert counted == "False"
