"""Deterministic benchmark corpus: newspaper-page seeds re-laid-out from the real seeds.

``generate(n_articles, out_dir, seed=0)`` writes

- ``out_dir/seeds/*.txt``: pages in the style of ``seeds/*.txt`` (the text layer of a PDF
  page): 5–8 articles per file, lines hard-wrapped at a column width of 15–22 characters,
  bylines ("本报讯（记者 …）", "□石榴云/新疆日报记者…", "■ 新华社记者 …"), headline blocks
  (kicker / main title / ——subtitle) printed AFTER their bodies, blank lines at column
  breaks that cut a sentence in half, the odd in-body subhead, photo caption and
  continuation marker — so the real parser has realistic work;
- ``out_dir/pelican/content/*.md``: the same articles as Pelican markdown, one file each
  (``Title:``, ``Date:``, ``Category:``, ``Slug:`` metadata, then the body paragraphs);
- ``out_dir/corpus.json``: what was generated (counts, parameters), for the runner.

All text comes from the real seeds: every body sentence is a sentence of a real article
(taken from the stretch the gold annotation ``../shared/gold/*.json`` marks as its body,
when the gold files exist, else from the whole seed), recombined: each generated article
draws its sentences from one real article, so its vocabulary (and so its theme) stays
coherent. Headlines are the real ones or clauses cut from the article's own sentences.
The same ``seed`` always yields byte-identical files.

Command line: ``python bench/corpus.py N OUT_DIR [--seed S]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "seeds"
GOLD_DIR = REPO.parent / "shared" / "gold"
GENERATOR_VERSION = 2

_SENTENCE_RE = re.compile(r"[^。！？!?]+[。！？!?]+[”」』’）)》]*")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_MARKER_RE = re.compile(r"[（(][上下]接第?\S{1,3}版[）)]")
_CLAUSE_SPLIT_RE = re.compile(r"[，、；：,;:。！？!?]")
_BAD_CLAUSE_RE = re.compile(r"[“”‘’\"'（）()《》【】\[\]#□■●]")
_CLOSING = "。！？!?”」』’）)》…"

# Reporter names as printed in the seeds' bylines.
NAMES = [
    "刘翔", "沈祖孝", "包洪宇", "古丽娜", "张楠", "姚晨", "杨玮璇", "王旋", "陈杉", "赵嫣",
    "刘恺", "樊曦", "张百慧", "徐永春", "孙爽", "张磊", "尹雪", "姜海月", "宿津齐", "刘怀丕",
    "牛少杰",
]
PLACES = ["乌鲁木齐", "北京", "喀什", "阿勒泰", "伊宁", "克拉玛依", "阿拉木图", "巴黎", "西安", "白城"]


@dataclass
class Source:
    """One real article: its headline parts and body sentences."""

    seed: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    sentences: list[str]
    subheads: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)


@dataclass
class GenArticle:
    kicker: str | None
    headline: str
    subtitle: str | None
    byline_line: str | None  # byline printed on its own line before the body
    prefix: str  # dateline/byline run into the first paragraph, e.g. 本报讯（记者 张楠）
    blocks: list[tuple[str, str]]  # (kind, text): "paragraph" | "subhead"
    marker: str | None
    category: str
    date: str


# -- the pool ------------------------------------------------------------------------------


def _sentences(body: str) -> list[str]:
    """Sentences of ``body``, a quotation spanning several sentences kept as one unit, so any
    recombination of units has balanced quotes."""
    units, cur = [], ""
    for s in _SENTENCE_RE.findall(body):
        if cur and not cur.count("“") > cur.count("”"):
            units.append(cur)
            cur = ""
        cur += s.strip()
    if cur:
        units.append(cur)
    out = []
    for s in units:
        if not (8 <= len(s) <= 300) or _MARKER_RE.search(s) or "#" in s:
            continue
        if s.count("“") != s.count("”") or len(_HAN_RE.findall(s)) < len(s) // 2:
            continue
        out.append(s)
    return out


def _clauses(sentences: list[str]) -> list[str]:
    seen, out = set(), []
    for s in sentences:
        for c in _CLAUSE_SPLIT_RE.split(s):
            c = c.strip()
            if 6 <= len(c) <= 16 and not _BAD_CLAUSE_RE.search(c) and len(_HAN_RE.findall(c)) >= len(c) - 2:
                if c not in seen:
                    seen.add(c)
                    out.append(c)
    return out


def load_pool(seeds_dir: Path = SEEDS_DIR, gold_dir: Path = GOLD_DIR) -> list[Source]:
    """Real articles of ``seeds_dir``, cut along the gold annotations when available."""
    sources: list[Source] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").lstrip("\ufeff")
        joined = re.sub(r"\s*\n\s*", "", text)  # wrapped lines joined with no space
        gold_path = gold_dir / (path.stem + ".json")
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.is_file() else None
        if not gold:
            sents = _sentences(joined)
            sources.append(Source(path.name, None, None, None, sents, [], _clauses(sents)))
            continue
        titles = [t for a in gold["articles"] for t in (a.get("kicker"), a.get("headline"), a.get("subtitle"))
                  if t and len(t) >= 6]
        for art in gold["articles"]:
            start = joined.find(art["first"]) if art.get("first") else -1
            end = joined.find(art["last"], max(start, 0)) if art.get("last") else -1
            if start < 0 or end < 0:
                body = art.get("lead") or ""
            else:
                body = joined[start:end + len(art["last"])]
            for sub in art.get("subheads") or []:
                body = body.replace(sub.replace(" ", ""), "").replace(sub, "")
            sents = [s for s in _sentences(body) if not any(t.replace(" ", "") in s for t in titles)]
            if len(sents) < 3:
                continue
            sources.append(Source(path.name, art.get("kicker"), art.get("headline"), art.get("subtitle"),
                                  sents, list(art.get("subheads") or []), _clauses(sents)))
    if not sources:
        raise SystemExit(f"{seeds_dir}: no usable seed text")
    return sources


# -- making articles ---------------------------------------------------------------------


def _make_article(rng: random.Random, src: Source, index: int, categories: dict[str, str]) -> GenArticle:
    pool = src.sentences
    n_par = rng.choice([3, 4, 4, 5, 6, 8, 10, 12])
    paragraphs: list[list[str]] = []
    for _ in range(n_par):
        k = min(len(pool), rng.choice([1, 2, 2, 3, 3, 4]))
        paragraphs.append([pool[i] for i in sorted(rng.sample(range(len(pool)), k))])
    # A headline says what the story reports: the real one (when its sentences are drawn
    # from that story) or clauses of this article's own lead and body.
    lead_clauses = _clauses(paragraphs[0])
    own_clauses = _clauses([s for p in paragraphs for s in p]) or [pool[0][:12]]
    if src.headline and rng.random() < 0.25:
        kicker, headline, subtitle = src.kicker, src.headline, src.subtitle
    else:
        headline = rng.choice(lead_clauses or own_clauses)
        if rng.random() < 0.35:
            headline = f"{headline} {rng.choice(own_clauses)}"
        kicker = rng.choice(own_clauses) if rng.random() < 0.2 else None
        subtitle = ("——" + rng.choice(own_clauses)) if rng.random() < 0.2 else None

    month, day = rng.randint(1, 12), rng.randint(1, 28)
    names = " ".join(rng.sample(NAMES, rng.randint(1, 3)))
    style = rng.random()
    byline_line, prefix = None, ""
    if style < 0.30:
        prefix = f"本报讯（记者 {names}）"
    elif style < 0.45:
        prefix = f"新华社{rng.choice(PLACES)}{month}月{day}日电（记者 {names}）"
    elif style < 0.60:
        byline_line = f"□石榴云/新疆日报记者{names.replace(' ', '')}"
    elif style < 0.70:
        byline_line = f"■ 新华社记者 {names}"
    elif style < 0.80:
        byline_line = f"●本报记者 {names}"

    blocks: list[tuple[str, str]] = []
    for p, sentences in enumerate(paragraphs):
        blocks.append(("paragraph", "".join(sentences)))
        if n_par >= 6 and p == n_par // 2 and rng.random() < 0.3:
            sub = rng.choice(src.subheads) if src.subheads and rng.random() < 0.5 else rng.choice(own_clauses)
            blocks.append(("subhead", sub))
    marker = f"（下转第{rng.randint(2, 8)}版）" if rng.random() < 0.03 else None
    return GenArticle(kicker, headline, subtitle, byline_line, prefix, blocks, marker,
                      categories[src.seed], f"2025-{month:02d}-{day:02d}")


# -- laying out a page -------------------------------------------------------------------


_NO_LINE_START = "。，、；：！？”」』’）)》…·,.;:!?"


def _wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Hard-wrap at ``width`` characters; like the print, a line never starts with a closing
    mark (it stays at the end of the previous line, which then runs one or two over)."""
    lines, pos, w = [], 0, first_width or width
    while pos < len(text):
        end = pos + w
        while end < len(text) and text[end] in _NO_LINE_START and end - pos < w + 2:
            end += 1
        lines.append(text[pos:end])
        pos = end
        w = width
    return lines


def _headline_lines(rng: random.Random, text: str) -> list[str]:
    """A title over one to a few short lines, as the print sets it."""
    if " " in text and rng.random() < 0.6:
        parts = [part for part in text.split(" ") if part]
    elif len(text) > 12 and rng.random() < 0.5:
        cut = len(text) // 2 + rng.randint(-2, 2)
        parts = [text[:cut], text[cut:]]
    else:
        parts = [text]
    lines: list[str] = []
    for part in parts:
        lines += _wrap(part, rng.randint(12, 16)) if len(part) > 18 else [part]
    return lines


def _layout_article(rng: random.Random, art: GenArticle, width: int) -> list[str]:
    out: list[str] = []
    if art.byline_line:
        out += [art.byline_line, ""]
    for i, (kind, text) in enumerate(art.blocks):
        if kind == "subhead":
            out += [text, ""]
            continue
        if i == 0 and art.prefix:
            text = art.prefix + text
        if art.marker and i == len(art.blocks) - 1:
            text = text + art.marker
        lines = _wrap(text, width, width - rng.choice([0, 0, 1, 2]))
        if len(lines) >= 3 and rng.random() < 0.12:  # a column break inside the sentence
            cuts = [j for j in range(1, len(lines)) if lines[j - 1][-1] not in _CLOSING]
            if cuts:
                j = rng.choice(cuts)
                lines = lines[:j] + [""] + lines[j:]
        out += lines + [""]
    # the headline block is printed after the body
    if art.kicker:
        out += _headline_lines(rng, art.kicker) + [""]
    out += _headline_lines(rng, art.headline)
    if art.subtitle:
        out += [""] + (_wrap(art.subtitle, rng.randint(14, 18)) if len(art.subtitle) > 20 else [art.subtitle])
    out += ["", ""]
    return out


def _caption(rng: random.Random, src: Source) -> list[str]:
    c = rng.choice(src.clauses) if src.clauses else "当地风光"
    return [f"■ 这是{c}的场景。", f"本报记者 {rng.choice(NAMES)} 摄", "", ""]


# -- the corpus --------------------------------------------------------------------------


def _md_escape_title(text: str) -> str:
    return " ".join(text.split())


def _markdown(art: GenArticle, slug: str) -> str:
    title = _md_escape_title(art.headline)
    lines = [f"Title: {title}", f"Date: {art.date} 08:00", f"Category: {art.category}", f"Slug: {slug}"]
    lines.append("")
    if art.kicker:
        lines += [f"*{art.kicker}*", ""]
    if art.subtitle:
        lines += [f"**{art.subtitle}**", ""]
    for i, (kind, text) in enumerate(art.blocks):
        if i == 0 and art.prefix:
            text = art.prefix + text
        lines += [f"## {text}" if kind == "subhead" else text, ""]
    return "\n".join(lines)


def generate(n_articles: int, out_dir: Path, seed: int = 0, *, seeds_dir: Path = SEEDS_DIR,
             gold_dir: Path = GOLD_DIR, pelican: bool = True) -> dict:
    """Write a corpus of exactly ``n_articles`` generated articles under ``out_dir``."""
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    pool = load_pool(seeds_dir, gold_dir)
    seeds_out = out_dir / "seeds"
    md_out = out_dir / "pelican" / "content"
    for d in (seeds_out, md_out):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    page_seeds = sorted({s.seed for s in pool})
    categories = {name: f"Page {i + 1}" for i, name in enumerate(page_seeds)}

    made = files = 0
    while made < n_articles:
        k = min(rng.randint(5, 8), n_articles - made)
        width = rng.randint(15, 22)
        arts = [_make_article(rng, rng.choice(pool), made + j, categories) for j in range(k)]
        lines: list[str] = []
        for j, art in enumerate(arts):
            lines += _layout_article(rng, art, width)
            if rng.random() < 0.05:
                lines += _caption(rng, rng.choice(pool))
        text = "\n".join(lines).rstrip("\n") + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        name = f"{files:05d}_{digest}"
        (seeds_out / f"{name}.txt").write_text(text, encoding="utf-8")
        if pelican:
            for j, art in enumerate(arts, 1):
                slug = f"{files:05d}-{j:02d}"
                (md_out / f"{slug}.md").write_text(_markdown(art, slug), encoding="utf-8")
        made += k
        files += 1
    info = {"articles": made, "files": files, "seed": seed, "generator": GENERATOR_VERSION,
            "sources": len(pool)}
    (out_dir / "corpus.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output directory (e.g. /tmp/sitegen-bench/n1000)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    info = generate(args.n, args.out, args.seed)
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
