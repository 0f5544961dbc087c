"""Key terms kept from build to build (issue 23): a day works out only its new and changed
articles' key terms, and gets those a build without the memo gets."""
from __future__ import annotations

from sitegen.gloss.terms_memo import NAME, key_terms
from sitegen.models import Article, Block, KeyTerm


class Writer:
    """Key terms of each article: its headline's characters, its first tag marked as one."""

    terms_version = "v1"

    def __init__(self):
        self.asked: list[str] = []

    def key_terms(self, articles, tags):
        self.asked += [a.headline for a in articles]
        return [tuple(KeyTerm(c, "pīn", "gloss", c in t) for c in a.headline) + tuple(KeyTerm(w, "", "", True) for w in t)
                for a, t in zip(articles, tags)]


def _article(headline: str, kicker: str | None = None) -> Article:
    return Article(seed="s.txt", position=1, kicker=kicker, headline=headline, subtitle=None, byline=None,
                   dateline=None, blocks=(Block("paragraph", "正文。"),))


def test_only_new_and_changed_articles_are_worked_out(tmp_path):
    w = Writer()
    arts = [_article(h) for h in ("甲乙", "丙", "丁戊")]
    tags = [["甲"], [], ["戊", "己"]]
    first = key_terms(w, arts, tags, tmp_path)
    assert first == Writer().key_terms(arts, tags) and w.asked == ["甲乙", "丙", "丁戊"]
    w.asked.clear()
    assert key_terms(w, arts, tags, tmp_path) == first and w.asked == []
    # a changed headline, a changed tag, a kicker added, a new article
    day = [_article("甲丙"), arts[1], _article("丁戊", kicker="庚"), _article("辛")]
    day_tags = [["甲"], ["丙"], ["戊", "己"], []]
    assert key_terms(w, day, day_tags, tmp_path) == Writer().key_terms(day, day_tags)
    assert w.asked == ["甲丙", "丙", "丁戊", "辛"]
    w.asked.clear()
    assert key_terms(w, day, day_tags, tmp_path) == Writer().key_terms(day, day_tags) and w.asked == []


def test_another_version_or_no_cache_works_out_everything(tmp_path):
    w = Writer()
    arts = [_article("甲"), _article("乙")]
    key_terms(w, arts, [[], []], tmp_path)
    w.asked.clear()
    w.terms_version = "v2"
    assert key_terms(w, arts, [[], []], tmp_path) == Writer().key_terms(arts, [[], []])
    assert w.asked == ["甲", "乙"]
    (tmp_path / NAME).write_bytes(b"broken")
    w.asked.clear()
    key_terms(w, arts, [[], []], tmp_path)
    assert w.asked == ["甲", "乙"]
    w.asked.clear()
    key_terms(w, arts, [[], []], None)
    assert w.asked == ["甲", "乙"]
