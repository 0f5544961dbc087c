"""Sentence splitting, normalisation and memory keys of the translation stage."""
import pytest

from sitegen.translate.text import (
    join_sentences,
    model_input,
    normalise,
    source_key,
    split_sentences,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("   \n ", []),
        ("没有句号的标题", ["没有句号的标题"]),
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        # closing quotes stay with the sentence they close
        ("他说：“我们来了。”大家都笑了。", ["他说：“我们来了。”", "大家都笑了。"]),
        ("「好！」『行？』完", ["「好！」", "『行？』", "完"]),
        # a quote that merely continues inside a sentence does not split it
        ("“上海精神”推动合作。", ["“上海精神”推动合作。"]),
        # trailing text without an end mark is its own sentence
        ("第一句。没有结尾", ["第一句。", "没有结尾"]),
        # line wraps inside a paragraph are joined without spaces between ideographs
        ("区域合作已成为推动\n经济发展。", ["区域合作已成为推动经济发展。"]),
        # Latin words keep their spaces; ASCII end marks count too
        ("GPT 模型发布。Hello world! Fine?", ["GPT模型发布。", "Hello world!", "Fine?"]),
        # a stray mark after a sentence attaches to it instead of becoming a sentence
        ("好。 ”", ["好。”"]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_then_join_loses_no_ideographs():
    text = "全球化时代浪潮下，区域合作已成为推动\n经济发展。“同中国发展全面关系。”两国关系处于最好阶段！"
    assert "".join(split_sentences(text)) == model_input(text)


def test_normalise_nfkc_and_whitespace():
    assert normalise("  ＡＢＣ１２３\n\t 新闻  ") == "ABC123 新闻"
    assert normalise("\u3000标题\u3000") == "标题"  # ideographic space is whitespace after NFKC


def test_source_key_is_short_stable_and_normalised():
    key = source_key("全球 化")
    assert len(key) == 16 and int(key, 16) >= 0
    assert source_key("全球  化\n") == key
    assert source_key("全球化") != key
    assert source_key("ＧＰＴ") == source_key("GPT")


def test_join_sentences():
    assert join_sentences([" One. ", "", "Two."]) == "One. Two."
