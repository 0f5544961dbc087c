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

import importlib.util
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import relayout_harsh as harsh_

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score_parse.py"

SENTENCE_END = "。！？!?…；;"
CLOSERS = "”’」』）)》〉】\"'"
NO_LINE_START = "，。、；：？！,.;:?!）)》〉】”’」』…"
NO_LINE_END = "“‘《（(「『〈【"
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
BULLETS = "□■●"
BANNERS = ["干字当头开新局", "要闻", "综合新闻", "国际", "时评"]
CAPTIONS = [  # (caption, credit); the first is the seeds' own, the others share no words with the stories
    ("这是7月1日拍摄的悬挂奥运五环的埃菲尔铁塔。", "新华社记者贺长山"),
    ("6月20日，游客在古城景区游览观光。", "本报记者 王鹏"),
    ("这是5月18日在阿拉木图拍摄的城市夜景。", "新华社发 李娜"),
]


@dataclass
class Story:
    """One article as printed: headline fields and body blocks (kind, text)."""

    id: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    byline: str | None
    dateline: str | None
    blocks: list[tuple[str, str]]
    start_marker: str | None = None
    end_marker: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [t for k, t in self.blocks if k == "paragraph"]


@dataclass
class Page:
    name: str
    text: str
    gold: dict
    features: dict[str, list[str]] = field(default_factory=dict)  # article id -> features


# -- stories ----------------------------------------------------------------------------------

def load_scorer():
    """The scorer module (``../shared/tools/score_parse.py``), or None when missing."""
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_parse", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def load_bench(name: str):
    """The bench script ``bench/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


#: The seeds' bodies as the generator lays them out, frozen (``freeze_bodies``): the parser's
#: reading of each seed article it got right when they were frozen. Reading them from the
#: parser at run time made every parser change to the seeds' paragraphs move every generated
#: page set the parser is measured on.
BODIES = Path(__file__).with_name("relayout_bodies.json")


def load_stories(seeds_dir: Path = SEEDS, gold_dir: Path = GOLD, bodies: Path = BODIES) -> list[Story]:
    """The seeds' articles: bodies as frozen in ``bodies``, headlines as the gold prints them."""
    frozen = json.loads(Path(bodies).read_text(encoding="utf-8"))
    stories: list[Story] = []
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for g in gold["articles"]:
            body = frozen.get(g["id"])
            if body is None:
                continue
            found = g.get("headline_found", True) and bool(g.get("headline"))
            stories.append(Story(
                id=g["id"],
                kicker=g["kicker"] if found else None,
                headline=g["headline"] if found else None,
                subtitle=g["subtitle"] if found else None,
                byline=g["byline"], dateline=g["dateline"],
                blocks=[(kind, text) for kind, text in body["blocks"]],
                start_marker=body["start_marker"], end_marker=body["end_marker"],
            ))
    return stories


def parsed_bodies(seeds_dir: Path = SEEDS, gold_dir: Path = GOLD) -> dict[str, dict]:
    """Each seed article's body as the parser finds it now, by gold id: only articles whose
    parsed body matches the gold (first and last characters)."""
    from sitegen.parse import parse_text

    scorer = load_scorer()
    out: dict[str, dict] = {}
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (Path(seeds_dir) / gold["seed"]).read_text(encoding="utf-8")
        result = parse_text(gold["seed"], text)
        preds = [a.to_json() for a in result.articles]
        pairs = scorer.match(gold["articles"], preds)
        for gi, g in enumerate(gold["articles"]):
            if gi not in pairs:
                continue
            art = result.articles[pairs[gi]]
            if not scorer.body_of(preds[pairs[gi]]).endswith(scorer.norm(g["last"])):
                continue
            out[g["id"]] = {
                "blocks": [[b.kind, b.text] for b in art.blocks],
                "start_marker": next((m for m in art.markers if "接" in m and "转" not in m), None),
                "end_marker": next((m for m in art.markers if "转" in m), None),
            }
    return out


def freeze_bodies(path: Path = BODIES) -> int:
    """Write ``parsed_bodies()`` to ``path``; deliberately, since every default page set moves
    with it (``tests/test_relayout_pool.py`` pins their digests)."""
    bodies = parsed_bodies()
    path.write_text(json.dumps(bodies, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(bodies)


# -- text helpers -----------------------------------------------------------------------------

def width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def ends_sentence(text: str) -> bool:
    core = text.rstrip().rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in SENTENCE_END


def wrap(text: str, w: float) -> list[str]:
    """Hard-wrap at ``w`` cells; punctuation that may not start a line stays on the line above."""
    lines: list[str] = []
    cur = ""
    for ch in text:
        if cur and width(cur) + width(ch) > w and ch not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in NO_LINE_END:  # an opening quote moves down with its word
                carry, cur = cur[-1] + carry, cur[:-1]
            if cur:
                lines.append(cur)
            cur = carry
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def split_title(text: str, tw: float) -> list[str]:
    """A headline printed on one line, or on two when longer than ``tw``: cut at a space or a
    mark near the middle (where a sub-editor breaks a title), else in the middle."""
    if width(text) <= tw or len(text) < 8:
        return [text]
    mid = len(text) // 2
    best = None
    for i, ch in enumerate(text):
        if 3 <= i <= len(text) - 3 and ch in " ，,：:、":
            if best is None or abs(i - mid) < abs(best - mid):
                best = i
    if best is not None and abs(best - mid) <= len(text) // 3:
        left, right = text[:best + (0 if text[best] == " " else 1)], text[best:].lstrip(" ，,：:、")
        if text[best] in "，,：:、":
            right = text[best + 1:]
        return [left.rstrip(), right.lstrip()]
    return [text[:mid], text[mid:]]


# -- page generation --------------------------------------------------------------------------

@dataclass
class Style:
    clean: bool  # one paragraph per line
    width: float  # column width (cells) for wrapped pages
    column: int  # lines per column (a blank line every so many lines)
    no_blank: float  # chance of no blank line after a short sentence-final line
    caption_rate: float
    head_mode: str  # before | after | grouped | mixed
    role_gap: bool  # blank lines between kicker / headline / subtitle
    halfwidth: bool
    per_article_width: bool
    md: bool  # markdown headings (clean pages)
    harsh: bool = False  # the layouts of relayout_harsh too


class Builder:
    def __init__(self, rng: random.Random, style: Style, breaks: random.Random | None = None):
        self.rng = rng
        self.breaks = breaks  # draws column_break_para (relayout_harsh.later_rng)
        self.style = style
        self.col = 0  # lines printed in the current column
        self.not_articles: list[str] = []
        self.label: str | None = None  # section label printed with the last headline

    # body ---------------------------------------------------------------------------
    def caption(self) -> list[str]:
        text, credit = self.rng.choice(CAPTIONS)
        self.not_articles.append(text[:20])
        bullet = self.rng.choice(["■ ", "■", ""])
        if self.style.clean or self.rng.random() < 0.5:
            return [f"{bullet}{text} {credit} 摄"]
        return wrap(text, max(8, int(self.style.width * 0.6))) + [f"{bullet or '■ '}{credit} 摄"]

    def body(self, story: Story, paras: list[tuple[str, str]], lead_prefix: str,
             top: list[str], tail: list[str], end_marker: str | None, feats: set[str]) -> list[str]:
        """Body lines; "" is a blank line."""
        rng, st = self.rng, self.style
        w = st.width
        if st.per_article_width and not st.clean:
            w = rng.randint(11, 26)
            feats.add("article_width")
        out: list[str] = list(top)
        if top:
            out.append("")
        first_para = True
        for bi, (kind, text) in enumerate(paras):
            last = bi == len(paras) - 1
            if kind == "subhead":
                if out and out[-1] != "":
                    out.append("")
                out.extend([text] if st.clean else wrap(text, w))
                out.append("")
                feats.add("subhead")
                continue
            if first_para:
                text = lead_prefix + text
                first_para = False
            inline_marker = None
            if last and end_marker and rng.random() < 0.6:
                inline_marker = rng.choice(["", " "]) + end_marker
                feats.add("marker_inline_end")
            lines = [text] if st.clean else wrap(text, w)
            if inline_marker:  # a marker is set as one piece: at the end of the line or below it
                if st.clean or width(lines[-1] + inline_marker) <= w + 1:
                    lines[-1] += inline_marker
                else:
                    lines.append(inline_marker.strip())
            if st.clean and len(text) > 30 and rng.random() < 0.08:
                # a column break inside a one-line paragraph
                cut = rng.randint(10, len(text) - 10)
                if not ends_sentence(text[:cut]) and text[cut] not in NO_LINE_START:
                    lines = [text[:cut], text[cut:]]
            # column breaks
            for li, line in enumerate(lines):
                out.append(line)
                self.col += 1
                more = li < len(lines) - 1
                if more and (self.col >= st.column or (st.clean and li == 0 and len(lines) == 2)) \
                        and not ends_sentence(line):
                    self.col = 0
                    out.append("")
                    feats.add("column_break")
                    if rng.random() < st.caption_rate:
                        out.extend(self.caption())
                        out.append("")
                        feats.add("caption_mid_para")
            if last:
                continue
            short = not st.clean and width(lines[-1]) < w - 1.5 and ends_sentence(lines[-1])
            if short and rng.random() < st.no_blank and paras[bi + 1][0] == "paragraph":
                feats.add("no_blank_para")
                continue
            out.append("")
            if self.col >= st.column:
                self.col = 0
                if self.breaks and harsh_.paragraph_column_break(self.breaks):
                    out.append("")
                    feats.add("column_break_para")
            if rng.random() < st.caption_rate / 3:
                out.extend(self.caption())
                out.append("")
                feats.add("caption_between")
        if end_marker and "marker_inline_end" not in feats:
            out.extend(["", end_marker])
            feats.add("marker_line_end")
        if tail:
            out.extend([""] + tail)
        while out and out[-1] == "":
            out.pop()
        return out

    # headline -------------------------------------------------------------------------
    def headline(self, story: Story, subtitle: str | None, byline_line: str | None,
                 feats: set[str]) -> list[str]:
        rng, st = self.rng, self.style
        tw = rng.randint(8, 24) if not st.clean else 999
        roles: list[list[str]] = []
        if story.kicker:
            roles.append(split_title(story.kicker, max(tw, 14)))
        head = split_title(story.headline, tw)
        if len(head) > 1:
            feats.add("headline_wrapped")
        if st.clean and st.md and rng.random() < 0.6:
            head = [rng.choice(["# ", "## "]) + story.headline]
            feats.add("md_heading")
        roles.append(head)
        if subtitle:
            roles.append(split_title(subtitle, max(tw, 14)))
            if subtitle.startswith("——"):
                feats.add("subtitle_dash")
        self.label = None
        if st.harsh:
            md = bool(head[0].startswith("#"))
            roles, self.label = harsh_.decorate_headline(rng, roles, bool(story.kicker), md, feats)
        out: list[str] = []
        for r in roles:
            if out and st.role_gap:
                out.append("")
            out.extend(r)
        if st.role_gap:
            feats.add("role_gap")
        if byline_line:
            out.append(byline_line)
        return out


def _bullet(rng: random.Random) -> str:
    return rng.choice(["□", "■ ", "●", "■"])


def make_page(stories: list[Story], rng: random.Random, name: str, harsh: bool = False,
              topic: bool = False) -> Page:
    clean = rng.random() < 0.25
    style = Style(
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
    b = Builder(rng, style, harsh_.later_rng(name, "column-breaks") if harsh else None)
    n = rng.randint(2, 5)
    chosen = rng.sample(stories, n)
    page_feats = {"clean" if clean else "wrapped", f"head_{style.head_mode}"}
    if topic:
        chosen = harsh_.topic_stories(stories, chosen)
        page_feats.add("topic_page")
    if style.halfwidth:
        page_feats.add("halfwidth")

    arts: list[dict] = []  # rendered pieces per article
    for story in chosen:
        feats = set(page_feats)
        blocks = list(story.blocks)
        end_marker = story.end_marker
        # long stories are cut off and continued on another page
        n_par = sum(1 for k, _ in blocks if k == "paragraph")
        cap = rng.randint(5, 14)
        if n_par > cap:
            kept, count = [], 0
            for k, t in blocks:
                if k == "paragraph":
                    if count == cap:
                        break
                    count += 1
                kept.append((k, t))
            while kept and kept[-1][0] == "subhead":
                kept.pop()
            blocks = kept
            end_marker = f"（下转第{rng.randint(2, 8)}版）"
            feats.add("truncated")
        start_marker = story.start_marker
        if story.headline is None and start_marker is None:
            start_marker = f"（上接第{rng.randint(1, 4)}版）"
        if harsh and story.headline:
            blocks, end_marker = harsh_.brief(rng, blocks, end_marker, start_marker, feats)
        subtitle = story.subtitle
        if subtitle and not subtitle.startswith("——") and rng.random() < 0.2:
            subtitle = "——" + subtitle
        # byline / dateline
        lead_prefix, top, tail = "", [], []
        byline_line = None
        B, D = story.byline, story.dateline
        if D and B:
            if rng.random() < 0.7 or story.headline is None:
                lead_prefix = f"{D}（{B}）"
                feats.add("dateline_byline_inline")
            else:
                lead_prefix = D + rng.choice(["", " "])
                top = [_bullet(rng) + B]
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
                byline_line = _bullet(rng) + B
                feats.add("byline_in_headline")
            else:
                top = [_bullet(rng) + B]
                feats.add("byline_top")
        if harsh:
            lead_prefix, top, tail = harsh_.odd_places(rng, D, lead_prefix, top, tail, feats)
        if start_marker:
            if rng.random() < 0.5:
                lead_prefix = start_marker + lead_prefix
                feats.add("marker_inline_start")
            else:
                top = [start_marker] + top
                feats.add("marker_line_start")
        body = b.body(story, blocks, lead_prefix, top, tail, end_marker, feats)
        head = b.headline(story, subtitle, byline_line, feats) if story.headline else []
        if head and len(head) > 1 and any(len(x) > 1 for x in [head]):
            pass
        arts.append({"story": story, "body": body, "head": head, "feats": feats,
                     "kicker": b.label or story.kicker,
                     "blocks": blocks, "subtitle": subtitle, "start_marker": start_marker,
                     "end_marker": end_marker})

    # order on the page
    segments: list[list[str]] = []
    banner_at = rng.random()
    if banner_at < 0.15:
        ban = rng.choice(BANNERS)
        b.not_articles.append(ban)
        segments.append([ban])
    interrupt = None
    if len(arts) >= 3 and rng.random() < 0.15:
        # an article interrupted by the next one and resumed after it
        cands = [i for i in range(len(arts) - 1) if len(arts[i]["body"]) >= 8]
        if cands:
            interrupt = rng.choice(cands)
    mode = style.head_mode
    i = 0
    pending_heads: list[list[str]] = []
    group_left = 0
    if mode in ("block_top", "block_end"):
        segments.extend(harsh_.block_page(rng, arts, mode == "block_top", CAPTIONS, b.not_articles))
        i = len(arts)
    while i < len(arts):
        a = arts[i]
        m = mode if mode != "mixed" else rng.choice(["before", "after"])
        body = a["body"]
        part2 = None
        if interrupt == i:
            cuts = [k for k in range(len(body) // 3, 2 * len(body) // 3)
                    if body[k] and k + 1 < len(body) and body[k + 1] and not ends_sentence(body[k])]
            if cuts:
                k = rng.choice(cuts) + 1
                body, part2 = body[:k], body[k:]
                a["feats"].add("interrupted")
        if m == "grouped":
            if group_left == 0:
                group_left = rng.randint(2, 3)
            segments.append(body)
            if a["head"]:
                pending_heads.append(a["head"])
            a["feats"].add("head_grouped")
            group_left -= 1
            if part2 is not None:
                nxt = arts[i + 1]
                segments.append(nxt["head"] + [""] + nxt["body"] if nxt["head"] else nxt["body"])
                segments.append(part2)
                i += 1
            if group_left == 0 or i == len(arts) - 1:
                if not style.harsh or rng.random() < 0.5:
                    rng.shuffle(pending_heads)
                    a["feats"].add("group_shuffled" if style.harsh else "head_grouped")
                else:
                    a["feats"].add("group_ordered")
                for h in pending_heads:
                    segments.append(h)
                pending_heads = []
                group_left = 0
        else:
            if m == "before" and a["head"]:
                segments.append(a["head"])
            segments.append(body)
            if part2 is not None:
                nxt = arts[i + 1]
                if nxt["head"]:
                    segments.extend([nxt["head"], nxt["body"]] if m == "before" else [nxt["body"], nxt["head"]])
                else:
                    segments.append(nxt["body"])
                segments.append(part2)
                i += 1
            if m == "after" and a["head"]:
                segments.append(a["head"])
            a["feats"].add(f"head_{m}_article")
        if rng.random() < 0.06 and i < len(arts) - 1:
            ban = rng.choice(BANNERS)
            b.not_articles.append(ban)
            segments.append([ban])
            a["feats"].add("banner_after")
        elif style.harsh and i < len(arts) - 1:
            cap = harsh_.caption_between_bodies(rng, CAPTIONS, b.not_articles)
            if cap:
                segments.append(cap)
                a["feats"].add("caption_between_bodies")
        i += 1
    for h in pending_heads:
        segments.append(h)

    lines: list[str] = []
    for seg in segments:
        if lines:
            lines.extend([""] * rng.choice([1, 1, 1, 2]))
        lines.extend(seg)
    text = "\n".join(lines) + "\n"
    conv = (lambda s: s.translate(HALF_WIDTH) if s else s) if style.halfwidth else (lambda s: s)
    text = conv(text)

    # gold, in order of the bodies' first appearance
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
            "byline": conv(st.byline),
            "dateline": conv(st.dateline),
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
            "not_articles": [conv(x) for x in b.not_articles]}
    return Page(name, text, gold, features)


def make_pages(n: int, seed: int, stories: list[Story] | None = None,
               harsh: bool = False) -> list[Page]:
    """``n`` pages from RNG seed ``seed`` (deterministic); ``harsh``: with the layouts of
    ``relayout_harsh`` too."""
    stories = load_stories() if stories is None else stories
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        name = f"r{seed}_{i:03d}"
        start = rng.getstate()
        pages.append(make_page(stories, rng, name, harsh))
        if harsh and harsh_.is_topic_page(name):
            end = rng.getstate()
            rng.setstate(start)  # the same draw, on one subject; the stream goes on as before
            pages[-1] = make_page(stories, rng, name, harsh, topic=True)
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


# -- evaluation --------------------------------------------------------------------------------

@dataclass
class ArticleOutcome:
    page: str
    id: str
    features: list[str]
    found: bool
    exact: bool
    lead: bool
    headline: bool | None  # None when the gold has no headline
    paras: bool
    # strict headline: kicker (or section label), headline and subtitle each exactly the gold's
    # in its own field (whitespace and width normalised); None when the gold has no headline
    strict: bool | None = None


@dataclass
class Evaluation:
    outcomes: list[ArticleOutcome]
    predicted: int
    lost: int
    duplicated: int
    bad_pages: list[str]  # pages that lose or duplicate characters
    parsed: dict  # {"articles": [...], "leftovers": [...]} as `sitegen parse --json`
    predictions: list[tuple[bool, bool]] = field(default_factory=list)  # (right, doubted) per parsed article
    # per parsed article, what is wrong with it: "" (right), "body", "headline", "lead" or
    # "unmatched" (no gold article's body starts where it starts)
    errors: list[str] = field(default_factory=list)

    def doubt_figures(self) -> dict:
        """Share of wrong parsed articles that carry a doubt, and of right ones. A parsed
        article is right when it is some gold article with its exact body, lead and
        headline (when the gold has one)."""
        wrong = [d for r, d in self.predictions if not r]
        right = [d for r, d in self.predictions if r]

        def pct(xs):
            return round(100.0 * sum(xs) / len(xs), 1) if xs else 0.0
        return {"wrong": len(wrong), "wrong_doubted": pct(wrong),
                "right": len(right), "right_doubted": pct(right)}

    def totals(self) -> dict:
        n = len(self.outcomes)
        hl = [o for o in self.outcomes if o.headline is not None]

        def pct(a, b):
            return round(100.0 * a / b, 1) if b else 0.0
        exact = sum(o.exact for o in self.outcomes)
        return {
            "pages": len({o.page for o in self.outcomes}),
            "gold_articles": n,
            "predicted_articles": self.predicted,
            "recall": pct(exact, n),
            "precision": pct(exact, self.predicted),
            "headline": pct(sum(bool(o.headline) for o in hl), len(hl)),
            "strict": pct(sum(bool(o.strict) for o in hl), len(hl)),
            "lead": pct(sum(o.lead for o in self.outcomes), n),
            "paragraphs": pct(sum(o.paras for o in self.outcomes), n),
            "lost": self.lost,
            "dup": self.duplicated,
        }


HEAD_FIELDS = ("kicker", "headline", "subtitle")


def evaluate(pages: list[Page], scorer=None) -> Evaluation:
    """Parse every page and score it the way score_parse.py does, article by article."""
    from sitegen.parse import parse_text
    from sitegen.parse.conservation import conservation

    scorer = scorer or load_scorer()
    outcomes: list[ArticleOutcome] = []
    predicted = lost = dup = 0
    bad: list[str] = []
    parsed = {"articles": [], "leftovers": []}
    predictions: list[tuple[bool, bool]] = []
    errors: list[str] = []
    for page in pages:
        result = parse_text(f"{page.name}.txt", page.text)
        preds = [a.to_json() for a in result.articles]
        parsed["articles"].extend(preds)
        parsed["leftovers"].extend(x.to_json() for x in result.leftovers)
        predicted += len(preds)
        lo, du = conservation(page.text, result)
        lost += lo
        dup += du
        if lo or du:
            bad.append(page.name)
        golds = page.gold["articles"]
        pairs = scorer.match(golds, preds)
        right = [False] * len(preds)
        error = ["unmatched"] * len(preds)
        for gi, g in enumerate(golds):
            pi = pairs.get(gi)
            hl_gold = g.get("headline_found", True) and bool(g.get("headline"))
            if pi is None:
                # like score_parse.py: headlines are scored only on bodies that were found
                outcomes.append(ArticleOutcome(page.name, g["id"], g["features"], False, False, False,
                                               None, False))
                continue
            p = preds[pi]
            body = scorer.body_of(p)
            exact = body.endswith(scorer.norm(g["last"]))
            lead = scorer.lead_matches(scorer.norm(p.get("lead")), scorer.norm(g["lead"]))
            head = strict = None
            if hl_gold:
                block = scorer.norm("".join(g.get(k) or "" for k in HEAD_FIELDS))
                got_block = scorer.headline_block(p)
                head = bool(scorer.norm(g["headline"]) in got_block and got_block and got_block in block)
                strict = all(scorer.norm(p.get(k)) == scorer.norm(g.get(k)) for k in HEAD_FIELDS)
            paras = len(p.get("paragraphs") or []) == g.get("paragraphs")
            outcomes.append(ArticleOutcome(page.name, g["id"], g["features"], True, exact, lead, head, paras,
                                           strict))
            right[pi] = exact and lead and head is not False
            error[pi] = ("body" if not exact else "headline" if head is False
                         else "lead" if not lead else "")
        predictions.extend((r, bool(p.get("doubts"))) for r, p in zip(right, preds))
        errors.extend(error)
    return Evaluation(outcomes, predicted, lost, dup, bad, parsed, predictions, errors)


def feature_failures(outcomes: list[ArticleOutcome]) -> list[tuple[str, int, int, int, int, int]]:
    """Per feature: (feature, articles, segmentation failures, headline failures, lead failures,
    paragraph-count failures)."""
    stats: dict[str, list[int]] = {}
    for o in outcomes:
        for f in o.features:
            s = stats.setdefault(f, [0, 0, 0, 0, 0])
            s[0] += 1
            s[1] += not o.exact
            s[2] += o.headline is False
            s[3] += not o.lead
            s[4] += not o.paras
    return sorted(((f, *v) for f, v in stats.items()), key=lambda t: (-(t[2] + t[3]) / t[1], t[0]))
