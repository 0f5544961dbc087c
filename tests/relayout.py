"""Re-laid-out newspaper pages with known ground truth, for measuring how well the parser
generalises beyond the five seeds.

The articles come from the seeds: each seed is parsed and every article is matched to its
gold record (``../shared/gold``). Headline fields, byline and dateline are taken from
the gold (what was printed); paragraphs, subheads and continuation markers from the parse
(all 26 bodies match the gold exactly). Those stories are then printed again on new pages
with a seeded RNG, in the ways GUIDE.md and the seeds show real dumps to look:

* body text hard-wrapped at a column width (per page, sometimes per article) with
  line-break rules (closing punctuation never starts a line), or one paragraph per line
  (clean export) with the odd markdown ``#``/``##`` headline;
* a blank line between paragraphs, or none after a short line that ends a sentence;
* column breaks every so many lines: a blank line inside a paragraph where the sentence
  runs on, sometimes with a photo caption printed in the gap;
* headline blocks (kicker / headline / subtitle on their own lines, long titles wrapped
  onto two) before their body, after it, or several grouped after several bodies;
* bylines and datelines: ``本报讯（记者 X）`` / ``新华社北京7月2日电（记者 X）`` at the start
  of the lead, ``■ 新华社记者 X`` / ``●本报记者 X`` on a line at the top of the body or
  under the headline, a dateline in brackets at the end;
* continuation markers (``（上接第1版）``, ``（下转第5版）``) — long stories are cut off with
  a 下转 marker, headline-less fragments start with a 上接 marker;
* banners / column names, half-width punctuation on some pages, and (rarely) an article
  interrupted by another one and resumed further down.

Each page comes with its gold in the format of ``../shared/gold/*.json`` (plus a
``features`` list per article naming the layout features it was printed with), so
``score_parse.py`` scores it directly.
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import relayout_harsh as harsh_
import relayout_inserts as inserts_
import relayout_runin as runin_
import relayout_wider as wider_
from relayout_builder import Builder, Style, bullet
from relayout_eval import HEAD_FIELDS, ArticleOutcome, Evaluation, evaluate, feature_failures
from relayout_stories import (BODIES, GOLD, REPO, SCORER, SEEDS, SHARED, Page, Story,
                              freeze_bodies, load_bench, load_scorer, load_stories, parsed_bodies)
from relayout_text import (BANNERS, CAPTIONS, HALF_WIDTH, ends_sentence, split_title,
                           width, wrap)

# The generator's users (tests, bench scripts) read these names from this module; the code
# lives in relayout_text (line breaking), relayout_stories (the stories and the scorer),
# relayout_builder (one story's lines) and relayout_eval (scoring the pages).
__all__ = ["ArticleOutcome", "BANNERS", "BODIES", "CAPTIONS", "Evaluation", "GOLD", "HALF_WIDTH",
           "HEAD_FIELDS", "Page", "REPO", "SCORER", "SEEDS", "SHARED", "Story", "ends_sentence",
           "evaluate", "feature_failures", "freeze_bodies", "load_bench", "load_scorer",
           "load_stories", "make_page", "pages_digest", "make_pages", "parsed_bodies", "split_title", "width",
           "wrap", "write_pages"]


def _draw_style(rng: random.Random, harsh: bool) -> Style:
    clean = rng.random() < 0.25
    return Style(
        clean=clean,
        width=rng.randint(11, 26),
        column=rng.randint(10, 40),
        no_blank=rng.choice([0.0, 0.0, 0.5, 1.0]),
        caption_rate=rng.choice([0.0, 0.0, 0.1, 0.3]),
        head_mode=rng.choice(harsh_.HEAD_MODES if harsh else ["before", "after", "after", "grouped", "mixed"]),
        role_gap=rng.random() < 0.5,
        halfwidth=rng.random() < 0.25,
        per_article_width=not clean and rng.random() < 0.3,
        md=clean and rng.random() < 0.6,
        harsh=harsh,
    )


def _cut_long(rng: random.Random, story: Story, feats: set[str]) -> tuple[list, str | None]:
    """Long stories are cut off and continued on another page: (blocks, end marker)."""
    blocks = list(story.blocks)
    n_par = sum(1 for k, _ in blocks if k == "paragraph")
    cap = rng.randint(5, 14)
    if n_par <= cap:
        return blocks, story.end_marker
    kept, count = [], 0
    for k, t in blocks:
        if k == "paragraph":
            if count == cap:
                break
            count += 1
        kept.append((k, t))
    while kept and kept[-1][0] == "subhead":
        kept.pop()
    feats.add("truncated")
    return kept, f"（下转第{rng.randint(2, 8)}版）"


def _credits(rng: random.Random, story: Story, end_marker: str | None, feats: set[str]):
    """Where the byline and dateline go: (lead prefix, lines on top, lines at the end, byline
    line under the headline)."""
    lead_prefix, top, tail = "", [], []
    byline_line = None
    B, D = story.byline, story.dateline
    if D and B:
        if rng.random() < 0.7 or story.headline is None:
            lead_prefix = f"{D}（{B}）"
            feats.add("dateline_byline_inline")
        else:
            lead_prefix = D + rng.choice(["", " "])
            top = [bullet(rng) + B]
            feats.add("dateline_inline")
            feats.add("byline_top")
    elif D:
        # a dateline in brackets closes the whole story, so never one cut off with a
        # 下转 marker (its end is printed on the other page)
        if "电" in D and rng.random() < 0.4 and not end_marker:
            tail = [f"（{D}）"]
            feats.add("dateline_end")
        else:
            lead_prefix = D + rng.choice(["", " ", "　"])
            feats.add("dateline_inline")
    elif B:
        if story.headline is not None and rng.random() < 0.5:
            byline_line = bullet(rng) + B
            feats.add("byline_in_headline")
        else:
            top = [bullet(rng) + B]
            feats.add("byline_top")
    return lead_prefix, top, tail, byline_line


def _print_story(rng: random.Random, b: Builder, story: Story, page_feats: set[str], harsh: bool) -> dict:
    """One story's printed pieces: body lines, headline lines, and what the gold needs."""
    feats = set(page_feats)
    blocks, end_marker = _cut_long(rng, story, feats)
    start_marker = story.start_marker
    if story.headline is None and start_marker is None:
        start_marker = f"（上接第{rng.randint(1, 4)}版）"
    if harsh and story.headline:
        blocks, end_marker = harsh_.brief(rng, blocks, end_marker, start_marker, feats)
    subtitle = story.subtitle
    if subtitle and not subtitle.startswith("——") and rng.random() < 0.2:
        subtitle = "——" + subtitle
    lead_prefix, top, tail, byline_line = _credits(rng, story, end_marker, feats)
    if harsh:
        lead_prefix, top, tail = harsh_.odd_places(rng, story.dateline, lead_prefix, top, tail, feats)
    if start_marker:
        if rng.random() < 0.5:
            lead_prefix = start_marker + lead_prefix
            feats.add("marker_inline_start")
        else:
            top = [start_marker] + top
            feats.add("marker_line_start")
    body = b.body(story, blocks, lead_prefix, top, tail, end_marker, feats)
    run_in = {}
    if b.wider:  # an interview's questions are paragraphs of its body (relayout_inserts)
        blocks = b.wider.inserts.with_questions(blocks)
        blocks, run_in = runin_.credit_in_text(blocks, body, story.byline, story.dateline)
    head = b.headline(story, subtitle, byline_line, feats) if story.headline else []
    # a section label printed with this story's headline is its kicker; a story printed
    # without a headline prints no label (b.label is the last headline's)
    kicker = (b.label or story.kicker) if story.headline else story.kicker
    return {"story": story, "body": body, "head": head, "feats": feats,
            "kicker": kicker,
            "blocks": blocks, "subtitle": subtitle, "start_marker": start_marker,
            "end_marker": end_marker, "run_in": run_in}


def _banner(rng: random.Random, b: Builder) -> list[str]:
    ban = rng.choice(BANNERS)
    b.not_articles.append(ban)
    return [ban]


def _interrupt_at(rng: random.Random, arts: list[dict]) -> int | None:
    """An article interrupted by the next one and resumed after it, sometimes."""
    if len(arts) >= 3 and rng.random() < 0.15:
        cands = [i for i in range(len(arts) - 1) if len(arts[i]["body"]) >= 8]
        if cands:
            return rng.choice(cands)
    return None


def _interrupt(rng: random.Random, a: dict) -> tuple[list[str], list[str] | None]:
    """The body cut in two inside a paragraph (when a place is found): (first part, rest)."""
    body = a["body"]
    cuts = [k for k in range(len(body) // 3, 2 * len(body) // 3)
            if body[k] and k + 1 < len(body) and body[k + 1] and not ends_sentence(body[k])]
    if not cuts:
        return body, None
    k = rng.choice(cuts) + 1
    a["feats"].add("interrupted")
    inserts_.unfold(a, k)
    body = a["body"]
    return body[:k], body[k:]


class _Layout:
    """The page's segments in reading order, with headlines held back for a group."""

    def __init__(self, rng: random.Random, style: Style):
        self.rng, self.style = rng, style
        self.segments: list[list[str]] = []
        self.pending_heads: list[list[str]] = []
        self.group_left = 0

    def grouped(self, a: dict, body: list[str], part2, nxt: dict | None, last: bool) -> None:
        """A body whose headline goes into the group printed after two or three bodies."""
        rng, segments = self.rng, self.segments
        if self.group_left == 0:
            self.group_left = rng.randint(2, 3)
        segments.append(body)
        if a["head"]:
            self.pending_heads.append(a["head"])
        a["feats"].add("head_grouped")
        self.group_left -= 1
        if part2 is not None:
            segments.append(nxt["head"] + [""] + nxt["body"] if nxt["head"] else nxt["body"])
            segments.append(part2)
        if self.group_left == 0 or last:
            if not self.style.harsh or rng.random() < 0.5:
                rng.shuffle(self.pending_heads)
                a["feats"].add("group_shuffled" if self.style.harsh else "head_grouped")
            else:
                a["feats"].add("group_ordered")
            segments.extend(self.pending_heads)
            self.pending_heads = []
            self.group_left = 0

    def single(self, m: str, a: dict, body: list[str], part2, nxt: dict | None) -> None:
        """A body with its headline before or after it."""
        segments = self.segments
        if m == "before" and a["head"]:
            segments.append(a["head"])
        segments.append(body)
        if part2 is not None:
            if nxt["head"]:
                segments.extend([nxt["head"], nxt["body"]] if m == "before" else [nxt["body"], nxt["head"]])
            else:
                segments.append(nxt["body"])
            segments.append(part2)
        if m == "after" and a["head"]:
            segments.append(a["head"])
        a["feats"].add(f"head_{m}_article")


def _arrange(rng: random.Random, b: Builder, style: Style, arts: list[dict]) -> list[list[str]]:
    """The order of headlines, bodies, banners and captions on the page."""
    lay = _Layout(rng, style)
    if rng.random() < 0.15:
        lay.segments.append(_banner(rng, b))
    interrupt = _interrupt_at(rng, arts)
    mode = style.head_mode
    if mode in ("block_top", "block_end"):
        lay.segments.extend(harsh_.block_page(rng, arts, mode == "block_top", CAPTIONS, b.not_articles))
        return lay.segments
    i = 0
    while i < len(arts):
        a = arts[i]
        m = mode if mode != "mixed" else rng.choice(["before", "after"])
        body, part2 = _interrupt(rng, a) if interrupt == i else (a["body"], None)
        nxt = arts[i + 1] if part2 is not None else None
        if part2 is not None:
            i += 1  # the interrupting article is printed with this one
        if m == "grouped":
            lay.grouped(a, body, part2, nxt, i == len(arts) - 1)
        else:
            lay.single(m, a, body, part2, nxt)
        if rng.random() < 0.06 and i < len(arts) - 1:
            lay.segments.append(_banner(rng, b))
            a["feats"].add("banner_after")
        elif style.harsh and i < len(arts) - 1:
            cap = harsh_.caption_between_bodies(rng, CAPTIONS, b.not_articles)
            if cap:
                lay.segments.append(cap)
                a["feats"].add("caption_between_bodies")
        i += 1
    lay.segments.extend(lay.pending_heads)
    return lay.segments


def _gold(name: str, text: str, conv, arts: list[dict], not_articles: list[str]) -> tuple[dict, dict]:
    """The page's gold, articles in order of their bodies' first appearance, and features."""
    def first_line_of(a: dict) -> int:
        probe = conv(a["body"][0]) if a["body"] else ""
        return text.find(probe)

    gold_articles = []
    features: dict[str, list[str]] = {}
    for a in sorted(arts, key=first_line_of):
        st: Story = a["story"]
        paras = [conv(t) for k, t in a["blocks"] if k == "paragraph"]
        joined = "".join(paras)
        art_id = f"{name}-{len(gold_articles) + 1:02d}"
        sm, em = a["start_marker"], a["end_marker"]
        continued = "both" if sm and em else ("from" if sm else ("to" if em else None))
        gold_articles.append({
            "id": art_id,
            "source": st.id,
            "kicker": conv(a["kicker"]),
            "headline": conv(st.headline),
            "subtitle": conv(a["subtitle"]) if st.headline else None,
            "headline_found": st.headline is not None,
            "byline": None if "byline" in a["run_in"] else conv(st.byline),
            "dateline": None if "dateline" in a["run_in"] else conv(st.dateline),
            "first": joined[:25],
            "last": joined[-20:],
            "lead": paras[0],
            "subheads": [conv(t) for k, t in a["blocks"] if k == "subhead"],
            "continued": continued,
            "paragraphs": len(paras),
            "ambiguous": None,
            "features": sorted(a["feats"]),
        })
        features[art_id] = sorted(a["feats"])
    gold = {"seed": f"{name}.txt", "articles": gold_articles,
            "not_articles": [conv(x) for x in not_articles]}
    return gold, features


def make_page(stories: list[Story], rng: random.Random, name: str, harsh: bool = False,
              topic: bool = False, wider: bool | str | frozenset[str] = False) -> Page:
    """One page of two to five stories, with its gold."""
    style = _draw_style(rng, harsh)
    habits = wider_.Wider(name, wider_.habits_of(wider)) if wider else None
    if habits:
        habits.draw_dense(style.clean, style.head_mode)
    b = Builder(rng, style, harsh_.later_rng(name, "column-breaks") if harsh else None, habits)
    chosen = rng.sample(stories, rng.randint(2, 5))
    page_feats = {"clean" if style.clean else "wrapped", f"head_{style.head_mode}"}
    if topic:
        chosen = harsh_.topic_stories(stories, chosen)
        page_feats.add("topic_page")
    if style.halfwidth:
        page_feats.add("halfwidth")
    arts = [_print_story(rng, b, story, page_feats, harsh) for story in chosen]
    if habits:
        habits.sidebars(arts, stories, style.clean, style.width)
    segments = _arrange(rng, b, style, arts)
    lines: list[str] = []
    for seg in segments:
        if lines:
            lines.extend([""] * rng.choice([1, 1, 1, 2]))
        lines.extend(seg)
    lines = wider_.finish_page(habits, lines, arts, b.not_articles)
    conv = (lambda s: s.translate(HALF_WIDTH) if s else s) if style.halfwidth else (lambda s: s)
    text = conv("\n".join(lines) + "\n")
    gold, features = _gold(name, text, conv, arts, b.not_articles)
    return Page(name, text, gold, features)


def make_pages(n: int, seed: int, stories: list[Story] | None = None,
               harsh: bool = False, wider: bool | str | frozenset[str] = False) -> list[Page]:
    """``n`` pages from RNG seed ``seed`` (deterministic); ``harsh``: with the layouts of
    ``relayout_harsh`` too; ``wider``: with the habits of ``relayout_wider`` too, all (True)
    or the ones named (``relayout_wider.habits_of``); the pages are the ones drawn without
    it, plus those habits."""
    stories = load_stories() if stories is None else stories
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        name = f"r{seed}_{i:03d}"
        start = rng.getstate()
        pages.append(make_page(stories, rng, name, harsh, wider=wider))
        if harsh and harsh_.is_topic_page(name):
            end = rng.getstate()
            rng.setstate(start)  # the same draw, on one subject; the stream goes on as before
            pages[-1] = make_page(stories, rng, name, harsh, topic=True, wider=wider)
            rng.setstate(end)
    return pages


def write_pages(pages: list[Page], out_dir: Path) -> tuple[Path, Path]:
    """Write ``seeds/<name>.txt`` and ``gold/<name>.json`` under ``out_dir``."""
    seeds_dir, gold_dir = Path(out_dir) / "seeds", Path(out_dir) / "gold"
    seeds_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    for p in pages:
        (seeds_dir / f"{p.name}.txt").write_text(p.text, encoding="utf-8")
        (gold_dir / f"{p.name}.json").write_text(json.dumps(p.gold, ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
    return seeds_dir, gold_dir


def pages_digest(pages: list[Page]) -> str:
    """One digest of pages' names, texts and gold: the tests pin it to prove a change to the
    generator leaves the pages it printed before byte for byte as they were."""
    h = hashlib.sha256()
    for p in pages:
        h.update(p.name.encode())
        h.update(p.text.encode())
        h.update(json.dumps(p.gold, ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()
