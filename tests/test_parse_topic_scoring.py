"""Headline ↔ body scores on a page of stories on one subject (issue 18, topic pages): the
page's vocabulary by stories (``Vocabulary.by_stories``) counts one body's paragraphs once,
so a word one story repeats in every paragraph stays that story's word, and a word every
story shares tells less."""
from __future__ import annotations

import math

from sitegen.parse.assign import Scorer, assign, story_grams
from sitegen.parse.headlines import Group, Unit
from sitegen.parse.blocks import build_elements
from sitegen.parse.resume import rejoin
from sitegen.parse.segment import segment
from sitegen.parse.text import joined_bigram_set

# two stories on one subject (rural aid): the first repeats 低收入 in every paragraph,
# both speak of 帮扶 all through
LOW_INCOME = [
    "近日，地区民政局走访低收入家庭，了解帮扶政策落实情况。",
    "低收入人口常态化帮扶工作扎实推进，困难群众生活有保障。",
    "下一步，地区将完善低收入人口动态监测机制，做好帮扶衔接。",
]
VILLAGE = [
    "本报讯 今年以来，县里组织干部进村开展帮扶，发展特色种植。",
    "驻村工作队帮扶农户修建大棚，蔬菜产量明显提高，农民增收。",
    "乡村振兴示范点建设加快，帮扶项目带动群众就近就业。",
]


def _two_bodies():
    text = "\n\n".join(LOW_INCOME + VILLAGE) + "\n"
    layout = segment(build_elements(text))
    bodies = rejoin(layout)
    assert [len(b.paras) for b in bodies] == [len(LOW_INCOME), len(VILLAGE)], "choose other paragraphs"
    return bodies, layout.vocab


def _by_stories(bodies, vocab):
    return vocab.by_stories(story_grams(bodies))


def test_a_word_one_story_repeats_weighs_as_much_as_a_word_said_once() -> None:
    bodies, vocab = _two_bodies()
    stories = _by_stories(bodies, vocab)
    # 低收 is in all three paragraphs of one story; 蔬菜 in one paragraph of the other
    assert vocab.idf("低收") < vocab.idf("蔬菜")  # over paragraphs, the story's own word weighs less
    assert stories.idf("低收") == stories.idf("蔬菜")
    # 帮扶 is in both stories: it weighs less than either story's own word
    assert stories.idf("帮扶") < stories.idf("低收")


def test_the_vocabulary_by_stories_keeps_the_paragraph_scale_and_function_words() -> None:
    bodies, vocab = _two_bodies()
    stories = _by_stories(bodies, vocab)
    assert stories.paragraphs is vocab and vocab.paragraphs is vocab
    assert stories.n == vocab.n == len(LOW_INCOME) + len(VILLAGE)
    assert vocab.df["帮扶"] == 6  # in every paragraph of both stories
    assert stories.idf("帮扶") == math.log((vocab.n + 1) / (2 + 0.5))  # in two stories
    # the function words cohesion leaves out are still those of many paragraphs
    assert "帮扶" in vocab.common() and stories.common() == vocab.common()


def test_the_headline_matches_its_story_more_clearly_than_by_paragraph_idf() -> None:
    bodies, vocab = _two_bodies()
    scorer = Scorer(bodies, _by_stories(bodies, vocab))
    headline = "让每个低收入家庭都感受到帮扶温暖"
    own, other = scorer.content(headline, 0), scorer.content(headline, 1)
    by_paras = [vocab.coverage(headline, joined_bigram_set([t for p in b.paras for t in p.parts()]))
                for b in bodies]
    assert own > other
    assert own - other > by_paras[0] - by_paras[1]


def test_a_gram_no_body_holds_keeps_its_paragraph_idf() -> None:
    bodies, vocab = _two_bodies()
    assert _by_stories(bodies, vocab).idf("温暖") == vocab.idf("温暖")


# three stories on tea: the first only ends with the tea garden's visitors, the second
# opens with them, the third speaks of neither
ENDS = ["春茶上市以来，茶农忙着采摘新茶，茶叶交易活跃。", "节假日里，游客走进茶园体验采茶，茶园游客明显增多。"]
OPENS = ["本报讯 游客走进茶园体验采茶，茶园游客明显增多。", "茶企负责人说，今年春茶品质好，订单比去年多。"]
OTHER = ["本报讯 茶叶加工厂扩建生产线，新增烘干设备三台。", "工厂负责人介绍，设备投产后日加工能力翻番。"]


def test_of_two_bodies_holding_a_headline_s_words_the_one_opening_with_them_takes_it() -> None:
    text = "\n\n".join(ENDS + OPENS + OTHER) + "\n"
    layout = segment(build_elements(text))
    bodies = rejoin(layout)
    assert [b.paras[0].parts()[0][:4] for b in bodies] == ["春茶上市", "本报讯 ", "本报讯 "], "choose other paragraphs"
    scorer = Scorer(bodies, _by_stories(bodies, layout.vocab))
    headline = "茶园游客明显增多"
    assert scorer.content(headline, 0) == scorer.content(headline, 1) == 1.0
    assert scorer.lead(headline, 0) == 0.0 and scorer.lead(headline, 1) == 1.0
    # printed inside the third story: no body gets it by position
    line = bodies[2].paras[-1].line
    result = assign([Group([Unit(headline, line, 1)])], scorer)
    assert list(result.by_body) == [1]  # a tie broken by the lead, not by printing order


def test_a_page_s_vocabularies_are_freed_with_the_page() -> None:
    # no reference cycle: the page's word counts go when the page does, not at the
    # garbage collector's next full pass (a cycle made the parse ~5 % slower)
    import gc
    import weakref

    bodies, vocab = _two_bodies()
    stories = _by_stories(bodies, vocab)
    gone = [weakref.ref(vocab), weakref.ref(stories)]
    gc.disable()
    try:
        del vocab, stories
        assert [r() for r in gone] == [None, None]
    finally:
        gc.enable()
