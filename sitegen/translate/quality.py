"""Spotting plainly broken machine translation before it reaches the memory.

A damaged or mismatched model does not fail loudly: it answers. The answers that are
certainly wrong are recognisable without knowing the right one:

* **empty**: nothing with a letter or a digit came back for a text that has some;
* **still Chinese**: more than ``max_cjk_share`` of the answer's letters are CJK ideographs
  (a model that copies its input, or translates in the wrong direction; a name or two left in
  Chinese stays well below the share);
* **one answer for many inputs**: the same English sentence for ``repeat_min`` or more
  *different* source sentences of one build. Short answers (fewer than
  ``repeat_min_words`` words: "Photo", "Xinhua News Agency") may rightly repeat and are
  not judged by this rule. Sources that differ only in punctuation or spacing count as one.

:meth:`OutputCheck.problems` judges one batch (every sentence a build sends to the model), so
the repetition rule sees all answers at once.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WORD_RE = re.compile(r"[^\W_]+")
_NOT_WORD_RE = re.compile(r"[\W_]+")


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _key(text: str) -> str:
    """A sentence without case, punctuation or spacing: what makes two answers (or two
    sources) "the same"."""
    return _NOT_WORD_RE.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class OutputCheck:
    repeat_min: int = 3
    repeat_min_words: int = 4
    max_cjk_share: float = 0.3

    def problems(self, sources: list[str], outputs: list[str]) -> dict[int, str]:
        """``{index: reason}`` for each output (the answer to ``sources[index]``) that is plainly
        broken; the others are not in the dict."""
        found: dict[int, str] = {}
        by_answer: dict[str, set[str]] = {}
        for i, (source, output) in enumerate(zip(sources, outputs)):
            letters = _letters(output)
            if letters == 0:
                if _letters(source):
                    found[i] = "empty output"
                continue
            if len(_CJK_RE.findall(output)) > self.max_cjk_share * letters:
                found[i] = "output still in Chinese"
                continue
            if len(_WORD_RE.findall(output)) >= self.repeat_min_words:
                by_answer.setdefault(_key(output), set()).add(_key(source))
        for i, output in enumerate(outputs):
            if i in found:
                continue
            inputs = by_answer.get(_key(output), ())
            if len(inputs) >= self.repeat_min:
                found[i] = f"the same sentence for {len(inputs)} different inputs"
        return found
