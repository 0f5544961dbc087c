"""sitegen check on small hand-written sites (independent of the parse/render stages)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitegen.check import check_site, run_check
from sitegen.linkcheck import resolve_link
from sitegen.config import Config
from sitegen.models import HEADLESS_BODY, Article, Block, ParseResult, ParseWarning, SeedFile
from sitegen.progress import Reporter


def no_warnings_parse(seed: SeedFile) -> ParseResult:
    return ParseResult(articles=(), leftovers=())


def pair(zh, en, status="machine"):
    return {"zh": zh, "en": en, "status": status if zh else None, "model": None}


def article_entry(permalink, seed, line, position=1, headline=("标题", "Headline"), lead=("导语", "Lead"),
                  lead_status="machine"):
    return {
        "permalink": permalink,
        "seed": seed,
        "position": position,
        "line": line,
        "headline": pair(*headline),
        "kicker": pair(None, None),
        "subtitle": pair(None, None),
        "lead": pair(*lead, status=lead_status),
    }


def make_project(tmp_path: Path, pages: dict[str, str], articles: list[dict] | None,
                 seeds: dict[str, bytes]) -> Config:
    site = tmp_path / "site"
    for rel, text in pages.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if articles is not None:
        (site / "digest.json").write_text(
            json.dumps({"schema": "sitegen-digest/1", "articles": articles}, ensure_ascii=False), encoding="utf-8"
        )
    seed_dir = tmp_path / "seeds"
    seed_dir.mkdir()
    for name, data in seeds.items():
        (seed_dir / name).write_bytes(data)
    return Config(root=tmp_path).resolved()


CLEAN_PAGES = {
    "index.html": (
        "<!doctype html>\n<html><head><link rel=stylesheet href=\"static/site.css\">\n"
        "<script src=\"static/site.js\" defer></script></head>\n<body>\n"
        "<a href=\"#main\">skip</a> <a href=\"articles/a-01.html\">one</a>\n"
        "<a href=\"https://example.com/x.html\">ext</a> <a href=\"mailto:ed@example.com\">mail</a>\n"
        "<a href=\"//cdn.example.com/y.js\">cdn</a> <a href=\"?q=1\">self</a> <a href=\"\">empty</a>\n"
        "<a href=\"tags/\">tags</a> <a href=\"tags\">tags too</a> <a href=\"digest.json\">data</a>\n"
        "<img src=\"static/logo%20big.svg\" srcset=\"static/logo%20big.svg 1x, static/site.css 2x\" alt=\"\">\n"
        "</body></html>\n"
    ),
    "articles/a-01.html": (
        "<!doctype html><html><body>\n<a href=\"../index.html\">home</a>\n"
        "<a href=\"../\">home</a> <a href=\"../static/site.css?v=3#x\">css</a>\n"
        "<a href=\"a-01.html#top\">self</a> <a href=\"/articles/a-01.html\">rooted</a>\n</body></html>\n"
    ),
    "tags/index.html": "<html><body><a href=\"../index.html\">home</a></body></html>\n",
    "static/site.css": "body { background: url(\"logo%20big.svg\") }\n@font-face { src: url(data:font/woff2;base64,AAAA) }\n",
    "static/site.js": "console.log(1)\n",
    "static/logo big.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
}

CLEAN_SEEDS = {"a.txt": "标题\n\n导语。\n".encode()}


def run(config: Config, verbose: bool = False, **kw) -> tuple[int, list[str]]:
    out = io.StringIO()
    reporter = Reporter(2 if verbose else 0, io.StringIO())
    status = run_check(config, reporter, out=out, parse=kw.pop("parse", no_warnings_parse), **kw)
    return status, out.getvalue().splitlines()


def test_clean_site_passes(tmp_path):
    config = make_project(tmp_path, CLEAN_PAGES, [article_entry("articles/a-01.html", "a.txt", 3)], CLEAN_SEEDS)
    status, lines = run(config)
    assert lines == [
        "check: 0 errors, 0 warnings (3 pages, 16 internal links, 1 articles, 1 seeds)"
    ], lines
    assert status == 0


def test_problems_are_reported_with_file_and_line(tmp_path):
    pages = dict(CLEAN_PAGES)
    pages["index.html"] = (
        "<html><body>\n"
        "<a href=\"articles/a-01.html\">ok</a>\n"
        "<a href=\"articles/missing.html\">gone</a>\n"
        "<p>text</p>\n"
        "<img src=\"Static/site.css\"> <a href=\"../outside.html\">up</a>\n"
        "<a href=\"/other-repo/x.html\">rooted</a>\n"
        "</body></html>\n"
    )
    pages["static/site.css"] = "a {}\n\nb { background: url('nope.png') }\n"
    articles = [
        article_entry("articles/a-01.html", "a.txt", 3),
        article_entry("articles/a-02.html", "a.txt", 9, position=2, headline=(None, None)),
        article_entry("articles/a-01.html", "b.txt", 5, lead=("导语", None), lead_status="pending"),
    ]
    seeds = {
        "a.txt": CLEAN_SEEDS["a.txt"],
        "b.txt": "另一篇\n".encode(),
        "c.txt": "第一行\n第二行\n".encode() + b"\xff\xff\n",
        "d.txt": b"",
        "e.txt": "旧编码\n".encode("gb18030"),
        "f.txt": "另一篇\n".encode(),
    }

    def parse(seed: SeedFile) -> ParseResult:
        warnings = (ParseWarning(seed.name, 2, "paragraph split across columns"),) if seed.name == "b.txt" else ()
        return ParseResult((), (), warnings)

    config = make_project(tmp_path, pages, articles, seeds)
    config = Config(**{**config.__dict__, "base_url": "https://user.github.io/repo/"})
    status, lines = run(config, parse=parse)
    assert status == 1
    assert lines[:-1] == [
        # the inputs first: seeds that cannot be read, seed and parser warnings
        "seeds/c.txt:3: error: not valid UTF-8 (invalid start byte at byte 20) nor GB18030; re-save the file as UTF-8",
        "seeds/d.txt: error: file is empty",
        "seeds/e.txt:1: warning: not UTF-8; decoded as GB18030 (re-save as UTF-8 to silence this warning)",
        "seeds/f.txt: warning: same text as seeds/b.txt; skipped as a duplicate",
        "seeds/b.txt:2: warning: paragraph split across columns",
        "seeds/a.txt:9: warning: article has no headline; articles/a-02.html shows the article's first "
        "words for a headline",
        # then the built site; the Pages base path is /repo/, so a link rooted at / misses the site
        "site/articles/a-01.html:4: error: broken link '/articles/a-01.html' "
        "(root-relative link outside the site's base path '/repo/')",
        "site/index.html:3: error: broken link 'articles/missing.html'",
        "site/index.html:5: error: broken link 'Static/site.css'",
        "site/index.html:5: error: broken link '../outside.html' (link leaves the site)",
        "site/index.html:6: error: broken link '/other-repo/x.html' "
        "(root-relative link outside the site's base path '/repo/')",
        "site/static/site.css:3: error: broken link 'nope.png'",
        "seeds/a.txt:9: error: article page 'articles/a-02.html' was not written",
        "site/digest.json: warning: 1 texts in 1 articles await translation: no zh→en model when the site "
        "was built (`sitegen check -v` lists them)",
    ]
    assert lines[-1] == "check: 9 errors, 5 warnings (3 pages, 12 internal links, 3 articles, 3 seeds)"


def test_awaiting_translation_is_one_line_listed_with_verbose(tmp_path):
    articles = [article_entry(f"articles/a-0{n}.html", "a.txt", n * 3, position=n, lead=("导语", None),
                              lead_status="pending", headline=("标题", None)) for n in (1, 2, 3)]
    pages = {**CLEAN_PAGES, "articles/a-02.html": "<html></html>", "articles/a-03.html": "<html></html>"}
    config = make_project(tmp_path, pages, articles, CLEAN_SEEDS)
    count = ("site/digest.json: warning: 6 texts in 3 articles await translation: no zh→en model when "
             "the site was built")
    status, lines = run(config)
    assert status == 0
    assert lines[:-1] == [count + " (`sitegen check -v` lists them)"]
    assert lines[-1].startswith("check: 0 errors, 1 warning ")
    status, lines = run(config, verbose=True)
    assert lines[:-1] == [count] + [f"seeds/a.txt:{n * 3}: warning: awaiting translation: headline, lead"
                                    for n in (1, 2, 3)]


def test_one_warning_per_headless_article_after_the_parsers_others(tmp_path):
    """The parser says "body without headline" where the digest has an article with no
    headline: one line says both. The parser's warnings come before the site's findings."""
    articles = [article_entry("articles/a-01.html", "a.txt", 3, headline=(None, None)),
                article_entry("articles/a-01.html", "a.txt", 8, position=2, headline=(None, None))]
    pages = {**CLEAN_PAGES, "index.html": CLEAN_PAGES["index.html"] + '<a href="gone.html">x</a>\n'}
    config = make_project(tmp_path, pages, articles, CLEAN_SEEDS)

    def parse(seed: SeedFile) -> ParseResult:
        return ParseResult((), (), (ParseWarning(seed.name, 1, "headline '标题' matched no body"),
                                    ParseWarning(seed.name, 3, "body without headline")))

    def parse_twice(seed: SeedFile) -> ParseResult:  # two things said at the headless article's place
        first = parse(seed)
        return ParseResult((), (), first.warnings + (ParseWarning(seed.name, 3, "no headline found"),))

    status, lines = run(config, parse=parse)
    assert lines[:-1] == [
        "seeds/a.txt:1: warning: headline '标题' matched no body",
        "seeds/a.txt:3: warning: body without headline — articles/a-01.html shows the article's first "
        "words for a headline",
        "seeds/a.txt:8: warning: article has no headline; articles/a-01.html shows the article's first "
        "words for a headline",
        "site/index.html:11: error: broken link 'gone.html'",
    ]
    status, lines = run(config, parse=parse, strict=True)
    assert lines[1].startswith("seeds/a.txt:3: error: body without headline — ")
    status, lines = run(config, parse=parse_twice)
    assert [line for line in lines if line.startswith("seeds/a.txt:3:")] == [
        "seeds/a.txt:3: warning: body without headline; no headline found — articles/a-01.html shows the "
        "article's first words for a headline"]


def test_strict_makes_pending_translations_errors(tmp_path):
    articles = [article_entry("articles/a-01.html", "a.txt", 3, lead=("导语", None), lead_status="pending")]
    config = make_project(tmp_path, CLEAN_PAGES, articles, CLEAN_SEEDS)
    status, lines = run(config)
    assert status == 0
    assert lines[0].startswith("site/digest.json: warning: 1 texts in 1 articles await translation")
    status, lines = run(config, strict=True, verbose=True)
    assert status == 1
    assert lines[0].startswith("site/digest.json: error: 1 texts in 1 articles await translation")
    assert lines[1] == "seeds/a.txt:3: error: awaiting translation: lead"


def test_missing_site_is_an_error(tmp_path):
    config = make_project(tmp_path, {}, None, CLEAN_SEEDS)
    status, lines = run(config)
    assert status == 1
    assert lines[0].startswith("site: error: no built site here")


def test_without_digest_headlines_come_from_the_parse(tmp_path):
    pages = {k: v.replace('<a href="digest.json">data</a>', "") for k, v in CLEAN_PAGES.items()}
    config = make_project(tmp_path, pages, None, CLEAN_SEEDS)

    def parse(seed: SeedFile) -> ParseResult:
        blocks = (Block("paragraph", "导语。", 3),)
        return ParseResult(
            (Article(seed.name, 1, None, "标题", None, None, None, blocks, line=1),
             Article(seed.name, 2, None, None, None, None, None, blocks, line=7)),
            (),
        )

    status, lines = run(config, parse=parse)
    assert status == 0  # a missing headline is a warning: the site shows the first words
    assert lines[0] == "seeds/a.txt:7: warning: article 2 has no headline"
    assert "site/digest.json: warning: digest.json is missing" in lines[1]


def test_a_headless_article_is_reported_once(tmp_path):
    """The parser's "body without headline", the missing headline and the doubt all concern
    one article: the maintainer reads one warning for it, the doubt when there is one."""
    pages = {k: v.replace('<a href="digest.json">data</a>', "") for k, v in CLEAN_PAGES.items()}
    config = make_project(tmp_path, pages, None, CLEAN_SEEDS)

    def parse(seed: SeedFile) -> ParseResult:
        blocks = (Block("paragraph", "导语。", 3),)
        return ParseResult(
            (Article(seed.name, 1, None, None, None, None, None, blocks, line=1,
                     doubts=("no headline found for this body",)),
             Article(seed.name, 2, None, None, None, None, None, blocks, line=7)),
            (ParseWarning(seed.name, 1, HEADLESS_BODY), ParseWarning(seed.name, 7, HEADLESS_BODY)),
        )

    status, lines = run(config, parse=parse)
    about = [line for line in lines if line.startswith("seeds/a.txt")]
    assert about == [
        "seeds/a.txt:1: warning: article 1 (导语。…) may be parsed wrong: no headline found for this body",
        "seeds/a.txt:7: warning: article 2 has no headline",
    ]


def test_missing_seed_directory_is_an_error(tmp_path):
    config = make_project(tmp_path, CLEAN_PAGES, [article_entry("articles/a-01.html", "a.txt", 3)], {})
    (tmp_path / "seeds").rmdir()
    status, lines = run(config)
    assert status == 1
    assert lines[0] == "seeds: error: seed directory does not exist"


@pytest.mark.parametrize(
    "page, url, expected",
    [
        ("index.html", "articles/a.html", ("articles/a.html", None)),
        ("articles/a.html", "../index.html#x", ("index.html", None)),
        ("articles/a.html", "../", ("", None)),
        ("articles/a.html", "b.html?x=1", ("articles/b.html", None)),
        ("index.html", "tags/", ("tags/", None)),
        ("index.html", "%E6%A0%87.html", ("标.html", None)),
        ("index.html", "#top", (None, None)),
        ("index.html", "https://x.org/", (None, None)),
        ("index.html", "MAILTO:a@b", (None, None)),
        ("index.html", "javascript:void(0)", (None, None)),
        ("index.html", "//cdn/x", (None, None)),
        ("index.html", "../x.html", (None, "link leaves the site")),
    ],
)
def test_resolve_link(page, url, expected):
    assert resolve_link(page, url) == expected


def test_root_relative_links_use_the_base_path():
    assert resolve_link("a/b.html", "/repo/c.html", "/repo/") == ("c.html", None)
    assert resolve_link("a/b.html", "/repo/", "/repo/") == ("", None)
    assert resolve_link("a/b.html", "/repo", "/repo/") == ("", None)
    assert resolve_link("a/b.html", "/c.html", "/") == ("c.html", None)
    target, problem = resolve_link("a/b.html", "/c.html", "/repo/")
    assert target is None and "base path" in problem


def test_cli_check_exit_status(tmp_path, monkeypatch, capsys):
    from sitegen.cli import main

    pages = dict(CLEAN_PAGES)
    pages["index.html"] = "<html><body>\n<a href=\"nowhere.html\">x</a>\n</body></html>\n"
    make_project(tmp_path, pages, [article_entry("index.html", "a.txt", 1)], CLEAN_SEEDS)
    monkeypatch.chdir(tmp_path)
    status = main(["check", "-q"])
    out = capsys.readouterr().out
    assert status == 1
    assert "site/index.html:2: error: broken link 'nowhere.html'" in out.splitlines()
    assert out.splitlines()[-1].startswith("check: 1 error, ")


def test_check_site_returns_structured_findings(tmp_path):
    pages = dict(CLEAN_PAGES)
    pages["tags/index.html"] = "<html>\n<body>\n<a href=\"../gone.html\">x</a></body></html>\n"
    config = make_project(tmp_path, pages, [article_entry("articles/a-01.html", "a.txt", 3)], CLEAN_SEEDS)
    report = check_site(config, parse=no_warnings_parse)
    assert [(f.level, f.location, f.message) for f in report.findings] == [
        ("error", "site/tags/index.html:3", "broken link '../gone.html'")
    ]


def test_doubted_articles_come_first_one_warning_each(tmp_path):
    pages = dict(CLEAN_PAGES)
    pages["index.html"] = pages["index.html"].replace('href="tags/"', 'href="missing.html"')
    config = make_project(tmp_path, pages, [article_entry("articles/a-01.html", "a.txt", 3)], CLEAN_SEEDS)

    def parse(seed: SeedFile) -> ParseResult:
        blocks = (Block("paragraph", "导语。", 3),)
        return ParseResult(
            (Article(seed.name, 1, None, "标题", None, None, None, blocks, line=1),
             Article(seed.name, 2, None, "另一个", None, None, None, blocks, line=9,
                     doubts=("the topic shifts at line 12", "the headline shares few words with the body (0.10)"))),
            (),
        )

    status, lines = run(config, parse=parse)
    assert lines[0] == ("seeds/a.txt:9: warning: article 2 (另一个) may be parsed wrong: "
                        "the topic shifts at line 12; the headline shares few words with the body (0.10)")
    assert sum("may be parsed wrong" in line for line in lines) == 1
    assert any("missing.html" in line for line in lines[1:])
    assert status == 1
