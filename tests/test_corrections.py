"""corrections.toml: validated like sitegen.toml, applied to a seed's parse by `sitegen parse`,
`sitegen build` and `sitegen check`, every character kept in exactly one place."""
from __future__ import annotations

import pytest

from sitegen.corrections import CorrectionError, Corrections, Headline, Join, Split, parse_corrections
from sitegen.models import SeedFile
from sitegen.parse import parse_seed
from sitegen.parse.conservation import conservation, counted

# Three stories the parser reads as one: the second is glued on without a break, the third's
# headline is taken for a subhead, and the first headline's two lines are run together.
PAGE = """春茶市场升温
茶企加快北上步伐

本报讯（记者 王明）3月10日，记者从县茶叶协会获悉，今年春茶开采比往年提前一周，
茶园里一派繁忙景象。茶农们正抓住晴好天气采摘新茶，茶叶收购价格稳中有升。
县里组织茶企与北方经销商对接，签约金额超过两千万元。
7月10日，某某石化公司召开安全生产大会，部署下半年安全生产工作。
会议要求各单位压实责任，排查隐患，确保装置平稳运行。
公司各部门负责人参加会议。

城市书房开门迎客

近日，由区委宣传部主办的城市书房正式开放，市民可免费借阅图书。
书房藏书两万余册，每天开放十二个小时。
"""

SEED = "p01.txt"


def parse(toml: str, text: str = PAGE):
    seed = SeedFile(SEED, SEED, text)
    result = parse_seed(seed, parse_corrections(toml).for_seed(SEED))
    assert conservation(text, result) == (0, 0)
    return result


def bodies(result) -> list[str]:
    return ["".join(a.paragraphs) for a in result.articles]


def test_the_page_needs_correcting():
    """The premise of the tests below: without corrections the parser glues the stories."""
    result = parse("")
    assert len(result.articles) == 1
    assert result.articles[0].headline == "春茶市场升温茶企加快北上步伐"
    assert not any(a.corrections for a in result.articles)


def test_split_starts_an_article_where_the_text_starts_across_a_line_break():
    result = parse('[[split]]\nseed = "p01.txt"\nat = """7月10日，某某\n 石化"""\n')
    assert len(result.articles) == 2
    first, second = result.articles
    assert bodies(result)[0].endswith("签约金额超过两千万元。")
    assert second.lead.startswith("7月10日，某某石化公司")
    assert second.line == 7 and second.position == 2
    assert second.headline is None
    assert first.corrections and second.corrections
    assert "7月10日，某某石化" in second.corrections[0]


def test_split_gives_the_new_article_its_dateline_byline_and_end_marker():
    text = ("春茶市场升温\n\n本报讯 3月10日，今年春茶开采比往年提前一周。\n"
            "茶园里一派繁忙景象。本报讯（记者 李华）7月10日，某某石化公司召开大会。\n"
            "会议要求各单位压实责任。（下转第5版）\n")
    before = parse("", text)
    assert len(before.articles) == 1 and before.articles[0].markers == ("（下转第5版）",)
    result = parse('[[split]]\nseed = "p01.txt"\nat = "本报讯（记者 李华）"\n', text)
    first, second = result.articles
    assert first.markers == () and second.markers == ("（下转第5版）",)
    assert second.dateline == "本报讯" and second.byline == "记者 李华"
    assert second.lead.startswith("7月10日，某某石化")


def test_headline_is_moved_from_a_subhead_not_copied():
    result = parse('[[split]]\nseed = "p01.txt"\nat = "近日，由区委宣传部"\n\n'
                   '[[headline]]\nseed = "p01.txt"\narticle = "近日，由区委宣传部"\ntext = "城市书房开门迎客"\n')
    last = result.articles[-1]
    assert last.headline == "城市书房开门迎客"
    assert all("城市书房开门迎客" not in a.subheads for a in result.articles)
    assert any("headline" in c for c in last.corrections)


def test_headline_from_its_own_lines_keeps_the_maintainers_spacing_and_label():
    spaced = parse('[[headline]]\nseed = "p01.txt"\narticle = "3月10日"\ntext = "春茶市场升温 茶企加快北上步伐"\n')
    assert spaced.articles[0].headline == "春茶市场升温 茶企加快北上步伐"
    labelled = PAGE.replace("春茶市场升温\n", "【节日专题】春茶市场升温\n", 1)
    result = parse('[[headline]]\nseed = "p01.txt"\narticle = "3月10日"\ntext = "春茶市场升温茶企加快北上步伐"\n',
                   labelled)
    art = result.articles[0]
    assert (art.kicker, art.headline) == ("【节日专题】", "春茶市场升温茶企加快北上步伐")


def test_headline_is_taken_from_a_leftover_and_the_old_one_kept_as_leftover():
    text = "要闻\n\n城市书房开门迎客\n\n近日，由区委宣传部主办的城市书房正式开放。\n书房藏书两万余册。\n"
    before = parse("", text)
    # whatever the parser made of the two title lines, the correction decides
    toml = '[[headline]]\nseed = "p01.txt"\narticle = "近日，由区委"\ntext = "要闻"\n'
    result = parse(toml, text)
    art = result.articles[0]
    assert art.headline == "要闻"
    texts = [x.text for x in result.leftovers] + [art.kicker, art.subtitle]
    assert "要闻" not in texts
    if before.articles[0].headline == "城市书房开门迎客":
        assert any(x.text == "城市书房开门迎客" and x.kind == "headline" for x in result.leftovers)


TWO = ("城市书房开门迎客\n\n近日，由区委宣传部主办的城市书房正式开放，市民可免费借阅图书。\n"
       "书房藏书两万余册，每天开放十二个小时，周末还有读书会。\n据介绍，城市书房由旧厂房改建而成。\n\n"
       "春茶市场升温\n\n本报讯 今年春茶开采比往年提前一周，茶园里一派繁忙景象。\n茶农们正抓住晴好天气采摘新茶。\n")


def test_headline_taken_from_another_articles_field():
    base = parse("", TWO)
    assert [a.headline for a in base.articles] == ["城市书房开门迎客", "春茶市场升温"]
    result = parse('[[headline]]\nseed = "p01.txt"\narticle = "今年春茶"\ntext = "城市书房开门迎客"\n', TWO)
    assert [a.headline for a in result.articles] == [None, "城市书房开门迎客"]
    assert any(x.text == "春茶市场升温" and x.kind == "headline" for x in result.leftovers)


def test_headline_printed_nowhere_is_an_error_unless_editorial():
    toml = '[[headline]]\nseed = "p01.txt"\narticle = "3月10日"\ntext = "茶香万里"\n'
    with pytest.raises(CorrectionError) as err:
        parse(toml)
    assert "corrections.toml:1" in str(err.value) and "p01.txt" in str(err.value) and "editorial" in str(err.value)
    seed = SeedFile(SEED, SEED, PAGE)
    result = parse_seed(seed, parse_corrections(toml + "editorial = true\n").for_seed(SEED))
    art = result.articles[0]
    assert art.headline == "茶香万里" and any("editorial" in c for c in art.corrections)
    # the only characters not from the page are the editorial headline's; the old one is kept
    assert conservation(PAGE, result) == (0, sum(counted("茶香万里").values()))
    assert any(x.text == "春茶市场升温茶企加快北上步伐" for x in result.leftovers)


def test_join_continues_the_article_before():
    result = parse('[[join]]\nseed = "p01.txt"\nat = "今年春茶开采"\n', TWO)
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.headline == "城市书房开门迎客" and art.corrections
    assert art.paragraphs[-2:] == ["本报讯今年春茶开采比往年提前一周，茶园里一派繁忙景象。", "茶农们正抓住晴好天气采摘新茶。"]
    assert [(x.kind, x.text) for x in result.leftovers] == [("headline", "春茶市场升温")]
    # the dateline is part of the start of the article being joined
    assert len(parse('[[join]]\nseed = "p01.txt"\nat = "本报讯今年春茶"\n', TWO).articles) == 1


def test_a_split_then_a_join_at_the_same_place_restores_the_paragraph():
    result = parse('[[split]]\nseed = "p01.txt"\nat = "每天开放十二个小时"\n\n'
                   '[[join]]\nseed = "p01.txt"\nat = "每天开放十二个小时"\n', TWO)
    assert [a.paragraphs for a in result.articles] == [a.paragraphs for a in parse("", TWO).articles]


@pytest.mark.parametrize("toml, expected", [
    ('\n[[split]]\nseed = "p01.txt"\nat = "8月1日"\n', "corrections.toml:2: [[split]] for seed 'p01.txt': '8月1日' matches nothing"),
    ('[[split]]\nseed = "p01.txt"\nat = "会议"\n', "corrections.toml:1: [[split]] for seed 'p01.txt': '会议' matches 2 places (lines 8, 9)"),
    ('[[join]]\nseed = "p01.txt"\nat = "会议要求"\n', "corrections.toml:1: [[join]] for seed 'p01.txt': no article starts with"),
    ('[[join]]\nseed = "p01.txt"\nat = "本报讯"\n', "corrections.toml:1: [[join]] for seed 'p01.txt': the article starting"),
    ('[[headline]]\nseed = "p01.txt"\narticle = "近日"\ntext = "城市书房开门迎客"\n', "corrections.toml:1: [[headline]] for seed 'p01.txt': no article starts with '近日'; it is inside"),
])
def test_an_anchor_that_does_not_fit_is_an_error_naming_the_line_and_seed(toml, expected):
    with pytest.raises(CorrectionError) as err:
        parse(toml)
    assert str(err.value).startswith(expected), str(err.value)


@pytest.mark.parametrize("toml, expected", [
    ('[[split]]\nseed = "p01.txt"\nat = "x"\nbefore = "y"\n', "corrections.toml:4: unknown key 'split.before' (known: at, seed)"),
    ('title = "x"\n', "corrections.toml:1: unknown key 'title' (known: headline, join, split)"),
    ('[split]\nseed = "p01.txt"\n', "corrections.toml:1: 'split' must be a list of tables: write [[split]]"),
    ('[[join]]\nseed = "p01.txt"\nat = "y"\n\n[[join]]\nat = "x"\n', "corrections.toml:5: [[join]] needs 'seed'"),
    ('[[headline]]\nseed = "p01.txt"\narticle = "x"\ntext = 3\n', "corrections.toml:4: key 'headline.text' must be a str"),
    ('[[split]]\nseed = "p01.txt"\nat = " \\n "\n', "corrections.toml:3: key 'split.at' is empty"),
    ('[[headline]]\nseed = "p01.txt"\narticle = "x"\ntext = "y"\neditorial = "yes"\n',
     "corrections.toml:5: key 'headline.editorial' must be a bool"),
    ('[[split]\n', "corrections.toml:1: invalid TOML"),
])
def test_the_file_is_validated_like_sitegen_toml(toml, expected):
    with pytest.raises(CorrectionError) as err:
        parse_corrections(toml)
    assert str(err.value).startswith(expected), str(err.value)


def test_records_keep_file_order_and_name_their_line():
    c = parse_corrections('[[headline]]\nseed = "a.txt"\narticle = "x"\ntext = "y"\n\n'
                          '[[split]]\nseed = "b.txt"\nat = "z"\n\n[[join]]\nseed = "a.txt"\nat = "w"\n')
    assert c.items == (Headline("a.txt", "x", "y", "corrections.toml:1"), Split("b.txt", "z", "corrections.toml:6"),
                       Join("a.txt", "w", "corrections.toml:10"))
    assert [type(x) for x in c.for_seed("a.txt")] == [Headline, Join]
    # a seed's cache key ignores line numbers: moving another seed's entry changes nothing
    moved = parse_corrections('[[split]]\nseed = "b.txt"\nat = "z"\n\n[[headline]]\nseed = "a.txt"\n'
                              'article = "x"\ntext = "y"\n\n[[join]]\nseed = "a.txt"\nat = "w"\n')
    assert moved.key("a.txt") == c.key("a.txt") != b""
    assert Corrections().key("a.txt") == b""
    with pytest.raises(CorrectionError, match=r"corrections.toml:6: seed 'b.txt' is not a seed file in seeds"):
        c.check_seeds({"a.txt"}, "seeds")


def test_join_to_names_the_article_an_interrupted_story_continues():
    toml = ('[[split]]\nseed = "p01.txt"\nat = "茶农们正抓住"\n\n'
            '[[join]]\nseed = "p01.txt"\nat = "茶农们正抓住"\nto = "近日，由区委"\n')
    result = parse(toml, TWO)
    first, second = result.articles
    assert first.paragraphs[-1] == "茶农们正抓住晴好天气采摘新茶。"
    assert second.paragraphs == ["今年春茶开采比往年提前一周，茶园里一派繁忙景象。"]
    with pytest.raises(CorrectionError, match="start the same article"):
        parse('[[join]]\nseed = "p01.txt"\nat = "今年春茶"\nto = "本报讯今年"\n', TWO)


def test_headline_entry_claims_kicker_and_subtitle_from_wherever_they_are_printed():
    labelled = PAGE.replace("春茶市场升温\n", "【节日专题】春茶市场升温\n", 1)
    result = parse('[[headline]]\nseed = "p01.txt"\narticle = "3月10日"\nkicker = "【节日专题】"\n'
                   'text = "春茶市场升温"\nsubtitle = "茶企加快北上步伐"\n', labelled)
    art = result.articles[0]
    assert (art.kicker, art.headline, art.subtitle) == ("【节日专题】", "春茶市场升温", "茶企加快北上步伐")
    # a subtitle printed as another article's headline is taken from it
    result = parse('[[headline]]\nseed = "p01.txt"\narticle = "今年春茶"\ntext = "春茶市场升温"\n'
                   'subtitle = "城市书房开门迎客"\n', TWO)
    assert [(a.headline, a.subtitle) for a in result.articles] == [(None, None), ("春茶市场升温", "城市书房开门迎客")]


def test_an_article_whose_whole_body_is_claimed_as_a_headline_text_is_dissolved():
    toml = ('[[split]]\nseed = "p01.txt"\nat = "据介绍"\n\n'
            '[[headline]]\nseed = "p01.txt"\narticle = "近日，由区委"\ntext = "城市书房开门迎客"\n'
            'subtitle = "据介绍，城市书房由旧厂房改建而成。"\n')
    result = parse(toml, TWO)
    assert [a.headline for a in result.articles] == ["城市书房开门迎客", "春茶市场升温"]
    assert result.articles[0].subtitle == "据介绍，城市书房由旧厂房改建而成。"
    assert [a.position for a in result.articles] == [1, 2]


def test_split_at_a_body_start_the_parser_took_for_a_title_moves_it_back_into_the_body():
    from sitegen.models import Article, Block, ParseResult
    from sitegen.parse.correct import apply_corrections

    text = ("跨里海中欧班列\n实现常态化开行\n\n新华社北京7月2日电记者2日从国铁集团获悉，满载货物\n\n"
            "的X9043次中欧班列从西安国际港站开出。\n")
    parsed = ParseResult((Article(SEED, 1, "新华社北京7月2日电记者2日从国铁集团获悉，满载货物", "跨里海中欧班列实现常态化开行",
                                  None, None, None, (Block("paragraph", "的X9043次中欧班列从西安国际港站开出。", 6),), line=6),), ())
    assert conservation(text, parsed) == (0, 0)
    result = apply_corrections(parsed, text, parse_corrections('[[split]]\nseed = "p01.txt"\nat = "新华社北京7月2日电记者"\n').items)
    art, = result.articles
    assert (art.kicker, art.headline, art.dateline) == (None, "跨里海中欧班列实现常态化开行", "新华社北京7月2日电")
    assert art.paragraphs == ["记者2日从国铁集团获悉，满载货物的X9043次中欧班列从西安国际港站开出。"]
    assert conservation(text, result) == (0, 0)


def test_a_title_printed_on_its_own_line_is_taken_out_of_the_paragraph_it_was_run_into():
    from sitegen.models import Article, Block, ParseResult
    from sitegen.parse.correct import apply_corrections

    def page(text: str, paragraph: str) -> ParseResult:
        return ParseResult((
            Article(SEED, 1, None, "城市书房开门迎客", None, None, None, (Block("paragraph", paragraph, 3),), line=3),
            Article(SEED, 2, None, None, None, None, None, (Block("paragraph", "今年春茶开采比往年提前一周。", 9),), line=9),
        ), ())

    toml = parse_corrections('[[headline]]\nseed = "p01.txt"\narticle = "今年春茶"\ntext = "春茶市场升温"\n').items
    text = "城市书房开门迎客\n\n近日，市民可免费借\n\n春茶市场升温\n\n阅图书。\n\n今年春茶开采比往年提前一周。\n"
    result = apply_corrections(page(text, "近日，市民可免费借春茶市场升温阅图书。"), text, toml)
    assert [a.paragraphs for a in result.articles] == [["近日，市民可免费借阅图书。"], ["今年春茶开采比往年提前一周。"]]
    assert result.articles[1].headline == "春茶市场升温" and conservation(text, result) == (0, 0)
    # the same words inside a line of prose are body text, not a title
    prose = "城市书房开门迎客\n\n近日，市民可免费借春茶市场升温阅图书。\n\n今年春茶开采比往年提前一周。\n"
    with pytest.raises(CorrectionError, match="printed only inside body text"):
        apply_corrections(page(prose, "近日，市民可免费借春茶市场升温阅图书。"), prose, toml)


def test_split_at_a_body_start_filed_as_a_leftover_gives_it_to_the_body_printed_after_it():
    from sitegen.models import Article, Block, Leftover, ParseResult
    from sitegen.parse.correct import apply_corrections

    text = ("城市书房开门迎客\n\n近日，城市书房正式开放。\n\n本报讯 今年春茶开采\n\n"
            "■这是5月18日拍摄的城市夜景。\n\n比往年提前一周。\n")
    parsed = ParseResult(
        (Article(SEED, 1, None, "城市书房开门迎客", None, None, None, (Block("paragraph", "近日，城市书房正式开放。", 3),), line=3),
         Article(SEED, 2, None, None, None, None, None, (Block("paragraph", "比往年提前一周。", 9),), line=9)),
        (Leftover(SEED, "headline", "本报讯 今年春茶开采", 5), Leftover(SEED, "caption", "■这是5月18日拍摄的城市夜景。", 7)))
    assert conservation(text, parsed) == (0, 0)
    result = apply_corrections(parsed, text, parse_corrections('[[split]]\nseed = "p01.txt"\nat = "本报讯 今年春茶"\n').items)
    second = result.articles[1]
    assert second.dateline == "本报讯" and second.paragraphs == ["今年春茶开采比往年提前一周。"]
    assert [x.kind for x in result.leftovers] == ["caption"] and conservation(text, result) == (0, 0)


def test_a_corrected_article_drops_the_parsers_doubts():
    from sitegen.models import Article
    from sitegen.parse.titles import note

    article = Article(seed="p.txt", position=1, kicker=None, headline="甲", subtitle=None, byline=None,
                      dateline=None, blocks=(), doubts=("the topic shifts inside the body",))
    corrected = note(article, "split at '乙'")
    assert corrected.doubts == () and corrected.corrections == ("split at '乙'",)
