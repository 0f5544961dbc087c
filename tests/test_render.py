"""Render stage: fast checks on a synthetic digest (no browser)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from posixpath import dirname, normpath
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.models import DigestEntry
from sitegen.render import render_site
from sitegen.render.sample import sample_site
from sitegen.render.search import cjk_terms
from sitegen.render.search_shards import decode_postings, encode_postings, shard_key, shard_of
from sitegen.render.util import safe_site_path, script_json

REPO = Path(__file__).resolve().parent.parent
TEMPLATES, STATIC = REPO / "templates", REPO / "static"
ATOM = "{http://www.w3.org/2005/Atom}"


def render(site):
    pages = render_site(site, TEMPLATES, STATIC)
    return {p.path: p.content for p in pages}


@pytest.fixture(scope="module")
def pages():
    return render(sample_site())


@pytest.fixture(scope="module")
def pages_base():
    return render(sample_site(base_url="https://user.github.io/repo/"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.base: str | None = None
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "base":
            self.base = a.get("href")
            return
        for k in ("href", "src", "action"):
            if a.get(k) is not None:
                self.urls.append((tag, a[k]))
        if tag == "script":
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.scripts.append(data)


def parse(html: bytes) -> Links:
    p = Links()
    p.feed(html.decode("utf-8"))
    return p


def resolve(page: str, url: str, base: str | None = None) -> str | None:
    """Site path a relative URL points to, or None for external / fragment-only."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    path = unquote(parts.path)
    if base is not None:  # the 404 page resolves against <base href="/repo/">
        assert path[0] != "/" and base.startswith("/")
        return normpath(path)
    assert not path.startswith("/"), f"{page}: root-absolute URL {url!r} breaks under a sub-path"
    target = normpath((dirname(page) + "/" if dirname(page) else "") + path)
    assert not target.startswith(".."), f"{page}: {url!r} leaves the site"
    return target


EXPECTED = [
    "index.html", "404.html", ".nojekyll", "feed.xml", "sitemap.xml", "robots.txt", "digest.json",
    "search/meta.js", "search/s0.js", "search/d0.js", "search.html", "archive.html", "tags/index.html", "static/site.css", "static/site.js",
    "static/search.js", "themes/diplomacy.html", "themes/economy-trade.html", "themes/local-life.html",
    "tags/sco.html", "tags/xinjiang.html", "articles/000-d20dbdfb-01.html", "articles/002-bdb5e167-02.html",
]


def test_all_page_kinds_exist(pages):
    for p in EXPECTED:
        assert p in pages, p
    site = sample_site()
    assert {e.permalink for e in site.entries} <= set(pages)


@pytest.mark.parametrize("which", ["pages", "pages_base"])
def test_every_internal_link_resolves(which, request):
    pages = request.getfixturevalue(which)
    checked = 0
    for path, content in pages.items():
        if not path.endswith(".html"):
            continue
        doc = parse(content)
        for tag, url in doc.urls:
            assert not url.lower().startswith("javascript:"), (path, url)
            target = resolve(path, url, doc.base)
            if target is None:
                assert url.startswith("https://user.github.io/repo/"), (path, url)  # canonical/og only
                assert tag in ("link", "meta"), (path, url)
                continue
            assert target in pages, f"{path}: {tag} {url!r} -> {target} missing"
            checked += 1
    assert checked > 200


def test_no_external_requests(pages):
    for path, content in pages.items():
        if path.endswith((".html", ".css", ".js")):
            text = content.decode()
            assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), path
            assert "@import" not in text and "url(http" not in text, path


def test_lang_attributes(pages):
    for path, content in pages.items():
        if not path.endswith(".html"):
            continue
        doc = parse(content)
        assert doc.tags[0][0] == "html" and doc.tags[0][1].get("lang") == "en", path
        text = content.decode()
        # every Chinese run sits inside an element with lang="zh-Hans"
        assert 'lang="zh-Hans"' in text, path
    art = pages["articles/000-d20dbdfb-01.html"].decode()
    assert re.search(r'<p class="t-zh" lang="zh-Hans">全球化时代浪潮下', art)
    assert re.search(r'<p class="t-en" lang="en">English lead of article 1', art)


def _chinese_outside_zh(html: str) -> list[str]:
    """Han text in elements whose nearest lang ancestor is not zh-Hans (rough check)."""
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack: list[str | None] = []
            self.bad: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("meta", "link", "br", "img", "input", "base"):
                return
            self.stack.append(dict(attrs).get("lang"))
            if tag in ("title", "script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag in ("meta", "link", "br", "img", "input", "base"):
                return
            if tag in ("title", "script", "style"):
                self.skip -= 1
            self.stack.pop()

        def handle_data(self, data):
            if self.skip or not re.search(r"[\u4e00-\u9fff]", data):
                return
            langs = [x for x in self.stack if x]
            if not langs or langs[-1] != "zh-Hans":
                self.bad.append(data.strip())

    p = P()
    p.feed(html)
    return p.bad


def test_chinese_text_is_marked_zh(pages):
    for path, content in pages.items():
        if path.endswith(".html"):
            assert _chinese_outside_zh(content.decode()) == [], path


def test_hostile_text_is_escaped_never_live(pages):
    for path, content in pages.items():
        if not path.endswith(".html"):
            continue
        text = content.decode()
        assert "<script>document" not in text, path
        assert "<img src=x" not in text, path
        doc = parse(content)
        for tag, a in doc.tags:
            assert not any(k.startswith("on") for k in a), (path, tag, a)
            if tag == "script":
                assert a.get("src"), f"{path}: inline script"
        assert doc.scripts == [], path
    art = pages["articles/002-bdb5e167-01.html"].decode()
    assert "&lt;script&gt;document.documentElement.dataset.pwned=&#34;script&#34;&lt;/script&gt;{{ 7*7 }}" in art
    assert "{% raw %}javascript:alert(1)" in art  # shown literally, not evaluated as a template
    assert "&lt;img src=x onerror=&#34;document.documentElement.dataset.pwned=1&#34;&gt;" in art
    feed = pages["feed.xml"].decode()
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    js = "".join(v.decode() for k, v in pages.items() if k.startswith("search/"))
    assert "<" not in js and ">" not in js and "\u2028" not in js
    assert "\\u003cscript\\u003e" in js


def test_script_json_escapes():
    s = script_json({"a": "</script><!--&\u2028\u2029"})
    assert s == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}'
    assert json.loads(s) == {"a": "</script><!--&\u2028\u2029"}


@pytest.mark.parametrize("bad", ["/etc/passwd", "javascript:alert(1)", "../x.html", "a/../../x", "a\\b", ""])
def test_unsafe_permalinks_rejected(bad):
    with pytest.raises(ValueError):
        safe_site_path(bad)
    site = sample_site()
    e = site.entries[0]
    broken = type(site)(site.info, (DigestEntry(bad, e.article, e.english, e.grouping),) + site.entries[1:],
                        site.themes, site.tag_names, site.pending_note)
    with pytest.raises(ValueError):
        render(broken)


def test_translation_labels_and_pending(pages):
    art = pages["articles/000-d20dbdfb-01.html"].decode()
    assert "Machine translation" in art
    assert "Reviewed translation" in pages["articles/000-d20dbdfb-02.html"].decode()
    pend = pages["articles/001-2a0e67fa-02.html"].decode()
    assert "Translation pending" in pend
    # the site-wide note, from the catalogue in both languages
    assert "Some English translations are not ready yet" in pend and "部分英文译文尚未完成" in pend
    assert 'class="t-zh keep"' in pend  # shown even in English-only mode
    no_note = render(sample_site(pending_note=None))
    assert "note-pending" not in no_note["index.html"].decode()


def test_article_page_content(pages):
    art = pages["articles/000-d20dbdfb-01.html"].decode()
    # subheads in order, as h3 inside the Chinese body
    i1, i2 = art.index("<h3>深化政治互信 筑牢合作根基</h3>"), art.index("<h3>加强经贸往来 促进互利共赢</h3>")
    assert i1 < i2
    assert "石榴云/新疆日报记者 刘翔" in art and "乌鲁木齐讯" in art
    assert "上海合作组织政党论坛综述" in art and "A review of the SCO political parties forum" in art
    assert 'href="../themes/diplomacy.html"' in art and 'href="../tags/sco.html"' in art
    assert 'rel="next" href="../articles/000-d20dbdfb-02.html"' in art
    assert 'rel="prev"' not in art
    assert "min read at 400 characters a minute" in art
    assert "does-not-exist" not in art  # unknown related permalink dropped
    assert 'aria-label="Breadcrumb"' in art
    # heading order: one h1, no level skipped
    levels = [int(m) for m in re.findall(r"<h([1-6])[ >]", art)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_index_grouped_by_theme(pages):
    idx = pages["index.html"].decode()
    d, e, l = (idx.index('id="theme-diplomacy"'), idx.index('id="theme-economy-trade"'),
               idx.index('id="theme-local-life"'))
    assert d < e < l
    assert "凝聚共识 共促发展" in idx and "Building consensus for shared development" in idx
    assert "English lead of article 2 in 000" in idx


def test_404_works_at_any_depth(pages, pages_base):
    with_base = pages_base["404.html"].decode()
    assert '<base href="/repo/">' in with_base
    doc = parse(pages_base["404.html"])
    assert ("link", "static/site.css") in doc.urls and ("a", "index.html") in doc.urls
    without = parse(pages["404.html"])
    assert without.base is None and ("a", "index.html") in without.urls


def test_atom_feed(pages, pages_base):
    for content, base in ((pages["feed.xml"], ""), (pages_base["feed.xml"], "https://user.github.io/repo/")):
        root = ET.fromstring(content)
        assert root.tag == ATOM + "feed"
        for el in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert root.find(ATOM + el) is not None and root.find(ATOM + el).text, el
        rels = {l.get("rel"): l.get("href") for l in root.findall(ATOM + "link")}
        assert set(rels) >= {"self", "alternate"}
        assert root.find(ATOM + "updated").text == "2025-04-25T06:00:00Z"
        entries = root.findall(ATOM + "entry")
        assert len(entries) == 7
        ids = [e.find(ATOM + "id").text for e in entries]
        assert len(set(ids)) == 7 and all(i.startswith("urn:uuid:") for i in ids)
        for e in entries:
            assert e.find(ATOM + "title").text and e.find(ATOM + "updated").text
            assert e.find(ATOM + "link").get("href")
        if base:
            assert rels["self"] == base + "feed.xml"
            # newest first: the digest's last article in reading order (none has a first appearance yet)
            assert entries[0].find(ATOM + "link").get("href") == base + sample_site().entries[-1].permalink
    # ids are stable per permalink, whatever the base URL
    a = [e.find(ATOM + "id").text for e in ET.fromstring(pages["feed.xml"]).findall(ATOM + "entry")]
    b = [e.find(ATOM + "id").text for e in ET.fromstring(pages_base["feed.xml"]).findall(ATOM + "entry")]
    assert a == b


def test_sitemap_robots_canonical_og(pages, pages_base):
    sm = ET.fromstring(pages_base["sitemap.xml"])
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in sm]
    assert "https://user.github.io/repo/" in locs
    assert "https://user.github.io/repo/articles/000-d20dbdfb-01.html" in locs
    assert all(l.startswith("https://user.github.io/repo/") for l in locs)
    assert "404.html" not in " ".join(locs)
    assert b"Sitemap: https://user.github.io/repo/sitemap.xml" in pages_base["robots.txt"]
    assert b"Sitemap:" not in pages["robots.txt"]
    assert len(ET.fromstring(pages["sitemap.xml"])) == 0
    art = pages_base["articles/000-d20dbdfb-01.html"].decode()
    assert '<link rel="canonical" href="https://user.github.io/repo/articles/000-d20dbdfb-01.html">' in art
    assert '<meta property="og:url" content="https://user.github.io/repo/articles/000-d20dbdfb-01.html">' in art
    assert 'property="og:title"' in art and 'name="description"' in art
    assert "canonical" not in pages["index.html"].decode()


def test_digest_json_schema(pages):
    d = json.loads(pages["digest.json"])
    assert d["schema"] == "sitegen-digest/1"
    assert len(d["articles"]) == 7
    a = d["articles"][0]
    for k in ("permalink", "seed", "position", "headline", "lead", "theme", "tags", "related"):
        assert k in a, k
    assert a["permalink"] == "articles/000-d20dbdfb-01.html" and a["seed"] == "000_d20dbdfb6ad6e3c6.txt"
    assert a["headline"] == {"zh": "凝聚共识 共促发展", "en": "Building consensus for shared development",
                             "status": "machine", "model": "opus-mt-zh-en"}
    assert a["lead"]["zh"].startswith("全球化时代浪潮下") and a["lead"]["status"] == "machine"
    assert a["theme"]["slug"] == "diplomacy"
    assert [t["slug"] for t in a["tags"]] == ["sco", "xinjiang", "urumqi"]
    assert a["related"] == ["articles/002-bdb5e167-01.html"]
    statuses = {x["lead"]["status"] for x in d["articles"]}
    assert statuses == {"machine", "reviewed", "pending"}
    pending = d["articles"][3]
    assert pending["headline"]["en"] is None and pending["headline"]["status"] == "pending"
    nohead = d["articles"][6]
    assert nohead["headline"]["zh"] is None and nohead["excerpt"] is True and a["excerpt"] is False
    # no article history in the sample: dated by the build
    assert a["published"] == a["updated"] == "2025-04-25T06:00:00Z"
    assert {t["slug"] for t in d["themes"]} == {"diplomacy", "economy-trade", "local-life"}


def sharded_index(pages) -> tuple[dict, dict, list]:
    """(meta, {field: {term: [doc, ...]}}, [doc row, ...]) of the site's search/ files, every
    layer's postings counted from its first document."""
    meta_js = pages["search/meta.js"].decode()
    assert meta_js.startswith("window.SITEGEN_SEARCH_META=") and meta_js.endswith(";\n")
    meta = json.loads(meta_js[len("window.SITEGEN_SEARCH_META="):-2])
    fields: dict = {}
    for prefix, first, shards in meta["layers"]:
        for n in range(shards):
            js = pages[f"search/{prefix}{n}.js"].decode()
            assert js.startswith(f'SITEGEN_SEARCH_SHARD("{prefix}{n}",') and js.endswith(");\n")
            for field, postings in json.loads(js[len(f'SITEGEN_SEARCH_SHARD("{prefix}{n}",'):-3]).items():
                for term, encoded in postings.items():
                    assert shard_of(shard_key(term), shards) == n, term
                    fields.setdefault(field, {}).setdefault(term, []).extend(first + i for i in decode_postings(encoded))
    rows = []
    for n in range(-(-meta["docs"] // meta["chunk"])):
        js = pages[f"search/d{n}.js"].decode()
        rows += json.loads(js[len(f"SITEGEN_SEARCH_DOCS({n},"):-3])
    assert len(rows) == meta["docs"]
    return meta, fields, rows


def test_postings_as_differences_or_bitmap():
    assert encode_postings([3, 5, 9], 1000) == [3, 2, 4]
    every = list(range(0, 1000, 2))
    bitmap = encode_postings(every, 1000)
    assert isinstance(bitmap, str) and len(bitmap) < len(json.dumps([0] + [2] * 499))
    for ids in ([3, 5, 9], every, [], [0, 999]):
        assert decode_postings(encode_postings(ids, 1000)) == ids


def test_search_index_has_headline_bigrams(pages):
    meta, idx, rows = sharded_index(pages)
    for bigram in ("凝聚", "聚共", "共识", "班列", "口岸"):
        assert bigram in idx["h"], bigram
    assert "consensus" in idx["h"] and "regional" in idx["b"]
    # every character of a bigram is a term too: a one-character query needs one shard
    assert set(idx["h"]["班"]) == set(idx["h"]["班列"]) | set(idx["h"].get("欧班", []))
    url, hz, he, theme = rows[idx["h"]["凝聚"][0]]
    assert url == "articles/000-d20dbdfb-01.html" and hz == "凝聚共识 共促发展"
    assert meta["themes"][theme] == ["Diplomacy", "外交"]
    assert cjk_terms("新疆") == {"新疆"} and cjk_terms("中欧班列") == {"中欧", "欧班", "班列"}


def test_search_terms_of_mixed_text():
    """Han bigrams within each run (a lone character stands for itself; punctuation, spaces
    and Latin letters break runs), English words without stop words, all NFKC-lowered."""
    from sitegen.render.search import build_index, terms

    assert terms("习近平出席APEC会议，新 a 1 of Ｔｒａｄｅ") == {
        "习近", "近平", "平出", "出席", "会议", "新", "apec", "1", "trade"}
    assert terms("", "中欧", "班列") == {"中欧", "班列"}
    idx = build_index([{"u": "a.html", "hz": "中欧班列", "lz": "班列开行"},
                       {"u": "b.html", "hz": "班列", "he": "Freight trains", "le": "Trains run"}])
    assert idx["h"] == {"中欧": [0], "欧班": [0], "班列": [0, 1], "freight": [1], "trains": [1]}
    assert idx["b"] == {"列开": [0], "开行": [0], "班列": [0], "run": [1], "trains": [1]}
    assert list(idx["h"]) == sorted(idx["h"]) and idx["docs"][1] == {"u": "b.html", "hz": "班列", "he": "Freight trains"}


def test_deterministic(pages):
    again = render(sample_site())
    assert again == pages


def test_empty_site_renders():
    site = sample_site()
    empty = type(site)(site.info, (), (), {}, None)
    out = render(empty)
    assert "index.html" in out and "404.html" in out and "No articles yet." in out["index.html"].decode()
    ET.fromstring(out["feed.xml"])


def test_autoescape_on_for_xml_and_html():
    from sitegen.render.templating import make_environment

    env = make_environment(TEMPLATES)
    for name in ("feed.xml", "sitemap.xml", "base.html"):
        assert env.autoescape(name) is True, name
    assert "|safe" not in "".join(p.read_text() for p in TEMPLATES.glob("*"))


def test_seed_text_is_never_compiled_as_a_template():
    src = "".join(p.read_text() for p in (REPO / "sitegen" / "render").glob("*.py"))
    assert "from_string" not in src and "Template(" not in src


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_pages_written_by_forked_workers_equal_in_process_rendering(tmp_path, monkeypatch, jobs):
    """Over the cores, workers key, render and write pages themselves and report them to the
    parent's writer: the same files and page keys as rendering everything in-process (also
    when the worker pool runs in-process, with one job)."""
    import sitegen.render.site as site_mod
    from sitegen.render import render_changed
    from sitegen.write import SiteWriter

    site = sample_site()
    serial = render_changed(site, TEMPLATES, STATIC, {})
    monkeypatch.setattr(site_mod, "PARALLEL_PAGES", 2)
    monkeypatch.setenv("SITEGEN_JOBS", jobs)
    with SiteWriter(tmp_path / "site") as writer:
        forked = render_changed(site, TEMPLATES, STATIC, {}, sink=writer)
    files = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes()
             for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert files == {p.path: p.content for p in serial.pages}
    assert writer.count == len(files) == forked.made and forked.keys == serial.keys
    # The next render with those keys skips every keyed page, in the workers too.
    with SiteWriter(tmp_path / "site2", previous=tmp_path / "site") as writer:
        again = render_changed(site, TEMPLATES, STATIC, forked.keys, sink=writer)
        writer.keep(again.unchanged)
    assert set(again.unchanged) == {p for p in forked.keys} and again.made == len(files) - len(again.unchanged)


def test_memoised_macros_render_each_distinct_call_once(tmp_path):
    """Cards and headlines are rendered once per distinct arguments and reused; what
    a page shows is the same as calling the macro itself."""
    from jinja2 import Environment, FileSystemLoader

    from sitegen.render.templating import memoised_macros

    (tmp_path / "_macros.html").write_text(
        "{% macro card(e, root, heading='h3') %}<{{ heading }}>{{ root }}{{ e.title }}"
        "{{ e.calls.append(1) or '' }}</{{ heading }}>{% endmacro %}"
        "{% macro headline(e) %}{{ e.title }}{% endmacro %}", encoding="utf-8")

    class View:
        def __init__(self, title):
            self.title, self.calls = title, []

    env = Environment(loader=FileSystemLoader(str(tmp_path)), autoescape=True)
    macros = memoised_macros(env)
    assert set(macros) == {"card", "headline"}
    a, b = View("<甲>"), View("乙")
    first = macros["card"](a, "../", "h2")
    assert str(first) == "<h2>../&lt;甲&gt;</h2>"
    assert str(macros["card"](a, "../", "h2")) == str(first) and a.calls == [1]  # reused
    assert str(macros["card"](a, "", "h2")) == "<h2>&lt;甲&gt;</h2>" and a.calls == [1, 1]  # other root
    assert str(macros["card"](b, "../", "h2")) == "<h2>../乙</h2>"
    assert str(macros["card"](a, "../")) == "<h3>../&lt;甲&gt;</h3>"  # default argument
    assert memoised_macros(Environment(loader=FileSystemLoader(str(tmp_path / "none")))) == {}


def test_prepared_templates_follow_edits_and_errors(tmp_path):
    """Templates compiled ahead (render.prepare, while the seeds parse) are reused only
    while their source is unchanged: an edited template renders as edited in the same
    process, and a template that stops compiling fails the render, naming itself."""
    import shutil

    from sitegen.render import prepare
    from sitegen.render.templating import _COMPILED, TemplateRenderError

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    site = sample_site()
    prepare(templates)
    before = {p.path: p.content for p in render_site(site, templates, STATIC)}
    assert before == {p.path: p.content for p in render_site(site, TEMPLATES, STATIC)}
    entries = len(_COMPILED.codes)
    about = templates / "about.html"
    about.write_text(about.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}<p>EDITED</p>", 1),
                     encoding="utf-8")
    prepare(templates)
    after = {p.path: p.content for p in render_site(site, templates, STATIC)}
    assert b"<p>EDITED</p>" in after["about.html"] and b"EDITED" not in before["about.html"]
    assert {k for k in after if after[k] != before[k]} == {"about.html"}
    assert len(_COMPILED.codes) == entries  # the edited template's code replaced its entry
    about.write_text("{% block main %}{% if %}{% endblock %}", encoding="utf-8")
    prepare(templates)  # does not raise: the render reports it
    with pytest.raises(TemplateRenderError, match=r"^templates/about\.html:1: "):
        render_site(site, templates, STATIC)


def test_every_text_of_a_page_sits_in_a_landmark(pages):
    """axe's ``region`` rule: the body holds the skip link and landmarks only (the
    translation-pending note is an aside of its own)."""
    void = {"meta", "link", "br", "img", "input", "base", "hr", "wbr"}

    class Top(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.in_body, self.depth, self.top = False, 0, []

        def handle_starttag(self, tag, attrs):
            if tag == "body":
                self.in_body = True
            elif self.in_body:
                if self.depth == 0:
                    self.top.append((tag, dict(attrs).get("class")))
                self.depth += tag not in void

        def handle_endtag(self, tag):
            if tag == "body":
                self.in_body = False
            elif self.in_body and tag not in void:
                self.depth -= 1

        def handle_data(self, data):
            if self.in_body and self.depth == 0 and data.strip():
                self.top.append(("text", data.strip()))

    for path, content in pages.items():
        if path.endswith(".html"):
            p = Top()
            p.feed(content.decode())
            assert {t for t, _ in p.top} <= {"a", "header", "aside", "main", "footer"}, (path, p.top)
            assert ("aside", "note-pending") in p.top, path


def test_headless_article_is_titled_as_an_excerpt(pages):
    art = pages["articles/002-bdb5e167-02.html"].decode()
    assert '">Excerpt · 摘录: 002_bdb5e1677ee91c80, article 2 · ' in art  # <title data-title-…>
    assert "摘录：002_bdb5e1677ee91c80 第2篇" in art and "Excerpt: 002_bdb5e1677ee91c80, article 2" in art
    assert "no headline in the source" in art and "Headline: " not in art
    assert "本版这篇短讯没有标题，只有正文第一段。" in art  # the text itself, whole
    idx = pages["index.html"].decode()
    assert "Excerpt: 002_bdb5e1677ee91c80, article 2" in idx
    assert "本版这篇短讯没有标题，只" not in idx.split("card-lead")[0]  # no cut-off words as a title


def test_card_labels_belong_to_the_english_column(pages):
    """In 中文 mode (``.t-en`` hidden) no "Translation pending" badge stays on a card."""
    idx = pages["index.html"].decode()
    cards = re.findall(r'<article class="card">.*?</article>', idx, re.S)
    assert len(cards) == 7
    for card in cards:
        meta = re.search(r'<p class="meta">(.*?)</p>', card, re.S).group(1)
        for badge in re.finditer(r'<span class="(pending|tl [^"]*)">', meta):
            assert meta.rfind('<span class="t-en">', 0, badge.start()) != -1, meta
    assert sum('<span class="pending">Translation pending</span>' in c for c in cards) == 2


def test_search_index_holds_every_english_and_theme_and_tag_names(pages):
    meta, idx, rows = sharded_index(pages)
    assert meta["v"] == 4 and set(idx) == {"h", "b", "t", "g"}
    docs = [row[0] for row in rows]
    at = lambda field, term: sorted(docs[i] for i in idx[field][term])  # noqa: E731
    # English theme names, in both words of "Economy & trade"; Chinese ones too
    assert at("t", "economy") == at("t", "经济") == ["articles/000-d20dbdfb-02.html", "articles/001-2a0e67fa-01.html"]
    assert at("t", "diplomacy") == ["articles/000-d20dbdfb-01.html", "articles/002-bdb5e167-01.html"]
    # English tag names
    assert len(at("g", "xinjiang")) == 4 and "articles/000-d20dbdfb-01.html" in at("g", "xinjiang")
    # the English of kickers and subtitles, with the headline's
    assert "articles/000-d20dbdfb-02.html" in at("h", "trade")  # kicker 经贸 → Trade
    assert at("h", "forum") == ["articles/000-d20dbdfb-01.html"]  # subtitle's English


def test_a_theme_awaiting_its_english_name_is_shown_once(monkeypatch):
    """An automatic theme without a translation shows its Chinese name once in each heading
    (not ``甲词 甲词``), marked as Chinese."""
    from sitegen.models import Theme
    from sitegen.render import sample

    monkeypatch.setattr(sample, "LOCAL", Theme("local-life", "", "地方民生", automatic=True))
    site = render(sample.sample_site())
    for path in ("index.html", "themes/local-life.html"):
        html = site[path].decode()
        assert html.count("地方民生") >= 1 and "地方民生 · 地方民生" not in html
        assert not re.search(r"地方民生</span>\s*<span[^>]*>地方民生", html), path
        assert 'lang="zh-Hans">地方民生</span>' in html, path
    article = next(p for p, c in site.items() if p.startswith("articles/") and "themes/local-life" in c.decode())
    assert not re.search(r"地方民生</span>\s*<span[^>]*>地方民生", site[article].decode())
