"""Editors' notes (编者按 before a story, 编后 after it) are leftovers of kind ``editor_note``,
never a story's lead or a paragraph of the story next to them, and they part two stories.
Small hand-written pages in several forms: bracketed or with a colon, the label alone on its
line (with or without a blank line under it), wrapped columns and one paragraph a line, other
labels (编者的话, 编后记) and other brackets than any generator prints."""
from __future__ import annotations

import pytest

from sitegen.parse.editor_notes import is_label_alone, opens_note
from synthetic_pages import PORT, TEA, parse_conserved, story, wrapped

NOTE = "金秋时节，各地新茶陆续上市。本报记者走进茶区和口岸，看一片叶子如何走出国门。今日刊发第一篇。"
AFTER = "一片茶叶，连着农户的钱袋子。把好事办实，还需久久为功。"


def _notes(result) -> list[str]:
    return [x.text for x in result.leftovers if x.kind == "editor_note"]


@pytest.mark.parametrize("note", [f"［编者按］{NOTE}", f"编者按:{NOTE}", f"（编者按）{NOTE}",
                                  f"◆编者的话：{NOTE}", f"编者按语　{NOTE}"])
def test_a_note_under_a_headline_is_no_lead(note: str) -> None:
    text = "\n\n".join(["春茶走俏海外市场", note, story(TEA), "口岸通关效率持续提升", story(PORT)]) + "\n"
    result = parse_conserved(text)
    assert _notes(result) == [note]
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert result.articles[0].paragraphs == TEA and result.articles[1].paragraphs == PORT


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_label_alone_on_its_line_and_the_note_under_it(gap: str) -> None:
    note = wrapped([NOTE], 16)
    text = "春茶走俏海外市场\n\n编者的话" + gap + note + "\n\n" + wrapped(["本报讯 " + TEA[0], *TEA[1:]], 16) \
        + "\n\n口岸通关效率持续提升\n\n" + wrapped(["本报讯 " + PORT[0], *PORT[1:]], 16) + "\n"
    result = parse_conserved(text)
    assert "".join(_notes(result)).replace("\n", "") == "编者的话" + NOTE
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]
    assert result.articles[0].paragraphs == TEA


@pytest.mark.parametrize("after", [f"编后记：{AFTER}", f"〔编后〕{AFTER}", f"■编后语 {AFTER}"])
def test_an_afterword_closes_its_story_headlines_after_their_bodies(after: str) -> None:
    # headlines printed after their bodies: the afterword is neither the tea story's last
    # paragraph nor the port story's first
    text = "\n\n".join([story(TEA), after, "春茶走俏海外市场", story(PORT), "口岸通关效率持续提升"]) + "\n"
    result = parse_conserved(text)
    assert _notes(result) == [after]
    assert [a.paragraphs for a in result.articles] == [TEA, PORT]
    assert [a.headline for a in result.articles] == ["春茶走俏海外市场", "口岸通关效率持续提升"]


def test_the_words_inside_a_sentence_are_no_note() -> None:
    para = "编者按语写得好，读者来信说，这组报道让人看到了茶农的辛劳。"
    result = parse_conserved("\n\n".join(["春茶走俏海外市场", story([*TEA, para])]) + "\n")
    assert _notes(result) == [] and result.articles[0].paragraphs == [*TEA, para]


def test_labels_read_as_printed() -> None:
    assert opens_note("【编者按】甲乙丙。") and opens_note("编后：甲乙。") and opens_note("编者注:甲。")
    assert not opens_note("编者按") and is_label_alone("编者按") and is_label_alone("【编后】")
    assert is_label_alone("编者的话：")
    assert not opens_note("编者按语写得好，读者说。") and not opens_note("编后工作很忙。")
    assert not is_label_alone("编辑部") and not opens_note("本报编者按照要求……")
