"""``Article.identity`` (issue 23): a digest of every field of an article, made once where the
article is parsed and kept in the parse cache, so that the later stages' memos and page keys
know an unchanged article without hashing its texts again."""
from __future__ import annotations

import dataclasses
import pickle

import sitegen.models as models
from sitegen.models import Article, Block, SeedFile
from sitegen.seeds import text_digest
from sitegen.stages.parse import _parse_entry
from sitegen.corrections import Corrections
from sitegen.state import decode_entry

from test_render_keys import _other


def _article() -> Article:
    return Article(seed="001_a.txt", position=2, kicker="引题", headline="标题", subtitle="副题",
                   byline="本报记者 张三", dateline="本报北京1月1日电",
                   blocks=(Block("paragraph", "第一段。", 3), Block("subhead", "小标题", 5), Block("paragraph", "第二段。", 6)),
                   markers=("（下转第2版）",), line=3, corrections=("headline",), doubts=("edge",))


def _changed_copies(article: Article):
    """(where, a copy of ``article`` with one field changed), for every field and every field
    of every block."""
    for f in dataclasses.fields(article):
        if f.name == "blocks":
            for i, block in enumerate(article.blocks):
                for bf in dataclasses.fields(block):
                    value = getattr(block, bf.name)
                    new = "subhead" if value == "paragraph" else "paragraph" if value == "subhead" else _other(value)
                    blocks = article.blocks[:i] + (dataclasses.replace(block, **{bf.name: new}),) + article.blocks[i + 1:]
                    yield f"blocks[{i}].{bf.name}", dataclasses.replace(article, blocks=blocks)
            yield "blocks (one fewer)", dataclasses.replace(article, blocks=article.blocks[:-1])
        else:
            yield f.name, dataclasses.replace(article, **{f.name: _other(getattr(article, f.name))})


def test_equal_articles_have_equal_identities_and_any_field_changes_it():
    article = _article()
    same = pickle.loads(pickle.dumps(dataclasses.replace(article)))  # other objects, equal values
    assert same.identity == article.identity and len(article.identity) == 16
    seen = set()
    for where, changed in _changed_copies(article):
        assert changed.identity != article.identity, f"the identity ignores {where}"
        seen.add(changed.identity)
    assert len(seen) == len(list(_changed_copies(article)))


def test_a_replaced_article_does_not_carry_the_old_identity():
    article = _article()
    old = article.identity  # made and kept on the object
    edited = dataclasses.replace(article, headline="另一个标题")
    assert edited.identity != old
    assert edited.identity == dataclasses.replace(_article(), headline="另一个标题").identity


def test_han_chars_counts_the_bodys_han_characters():
    article = _article()
    assert article.han_chars == models.han_count(article.body_text) == 9
    assert dataclasses.replace(article, blocks=article.blocks[:1]).han_chars == 3


def test_the_parse_worker_makes_the_identities_and_the_cache_entry_keeps_them(monkeypatch):
    seed = SeedFile(name="001_a.txt", path="001_a.txt",
                    text="标题一\n\n本报讯 第一篇文章的正文，写得很长很长。\n\n标题二\n\n第二篇文章的正文，也写得很长。\n")
    entry = _parse_entry((seed, Corrections().for_seed(seed.name), text_digest(seed), ()))
    fresh = [(dataclasses.replace(a).identity, dataclasses.replace(a).han_chars)
             for a in decode_entry(entry).result.articles]

    def not_again(value):
        raise AssertionError("worked out again after the parse")

    monkeypatch.setattr(models, "_identity", not_again)
    monkeypatch.setattr(models, "han_count", not_again)
    result = decode_entry(entry).result
    assert result.articles and [(a.identity, a.han_chars) for a in result.articles] == fresh


def test_identity_is_not_a_field():
    """Equality, ``to_json`` and ``fields`` are the parser's record, without the identity."""
    article = _article()
    article.identity
    assert "identity" not in {f.name for f in dataclasses.fields(article)}
    assert article == _article() and "identity" not in article.to_json()
