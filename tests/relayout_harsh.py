"""The harsher layouts of ``tests/relayout.py`` (``make_pages(..., harsh=True)``): what real
pages from other papers showed and the classic generator never printed (issue 18).

* ``head_block_top`` / ``head_block_end``: all of a page's headline blocks printed together
  at the top or at the end of the page, in article order;
* ``head_after`` page after page (the classic ``after`` mode, more often);
* ``headline_glued``: a headline printed on two lines shown as one, the lines glued with
  no space between them; ``kicker_glued``: the kicker glued onto the headline the same way;
* ``label_glued`` / ``label_line``: a section label such as ``【节日专题】`` glued onto the
  front of the headline or on its own line above it (the gold files it as the kicker, as
  GUIDE.md says for a label that clearly belongs to the headline);
* ``dateline_line``: the dateline on its own line above the lead; ``byline_end``: the
  byline in brackets on its own line after the body;
* ``brief``: a one-paragraph story with its headline;
* ``caption_between_bodies``: a photo caption printed between two articles;
* ``group_ordered`` / ``group_shuffled``: grouped headline blocks in article order or not;
* ``topic_page``: stories on one subject side by side (the page's other stories are the ones
  sharing most words with its first), as real pages group them;
* ``column_break_para``: a column that ends at a paragraph's end printed as two blank lines
  inside the body, as real text layers show it (seed 003 has three in one story).

The last two were added later and draw from RNGs of the page's own (``later_rng``); a topic
page is made again from the RNG state its usual draw started at, and the stream then goes on
from where the usual draw ended, so pages they leave alone are exactly what they were.

Every choice draws from the page's RNG only when the harsh profile is on, so the classic
profile's pages stay exactly what they were.
"""
from __future__ import annotations

import random

# section labels; they share no words with the seeds' stories
LABELS = ["【节日专题】", "【民生关注】", "【基层一线】", "【今日聚焦】", "【特别报道】"]
HEAD_MODES = ["before", "after", "after", "after", "grouped", "mixed", "block_top", "block_end"]


def later_rng(name: str, habit: str) -> random.Random:
    """An RNG of the page's own for a habit added later, so the page's main RNG stream (and so
    every other page) stays as it was."""
    return random.Random(f"{name}/{habit}")


def is_topic_page(name: str) -> bool:
    return later_rng(name, "topic").random() < 0.3


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def topic_stories(stories: list, chosen: list) -> list:
    """A page on one subject: its first story and the stories whose bodies share most
    character bigrams with it."""
    first = chosen[0]
    grams = _bigrams("".join(first.paragraphs))

    def overlap(story) -> float:
        other = _bigrams("".join(story.paragraphs))
        return len(grams & other) / (len(grams | other) or 1)

    near = sorted((s for s in stories if s is not first), key=overlap, reverse=True)
    return [first] + near[:len(chosen) - 1]


def paragraph_column_break(rng: random.Random) -> bool:
    """Whether a column ending at a paragraph's end shows as a second blank line."""
    return rng.random() < 0.5


def brief(rng: random.Random, blocks: list[tuple[str, str]], end_marker: str | None,
          start_marker: str | None, feats: set[str]) -> tuple[list[tuple[str, str]], str | None]:
    """Sometimes print only the lead: a one-paragraph brief, complete on the page."""
    if start_marker or rng.random() >= 0.12:
        return blocks, end_marker
    first = next(((k, t) for k, t in blocks if k == "paragraph"), None)
    if first is None:
        return blocks, end_marker
    feats.add("brief")
    feats.discard("truncated")
    return [first], None


def odd_places(rng: random.Random, dateline: str | None, lead_prefix: str, top: list[str],
               tail: list[str], feats: set[str]) -> tuple[str, list[str], list[str]]:
    """Datelines and bylines where the classic pages never put them."""
    if dateline and "dateline_inline" in feats and lead_prefix.strip() == dateline \
            and rng.random() < 0.35:
        feats.discard("dateline_inline")
        feats.add("dateline_line")
        return "", top + [dateline], tail
    if "byline_top" in feats and top and rng.random() < 0.35:
        byline = top[-1].lstrip("□■●").strip()
        feats.discard("byline_top")
        feats.add("byline_end")
        return lead_prefix, top[:-1], tail + [f"（{byline}）"]
    return lead_prefix, top, tail


def decorate_headline(rng: random.Random, roles: list[list[str]], has_kicker: bool,
                      md: bool, feats: set[str]) -> tuple[list[list[str]], str | None]:
    """Glue a two-line headline (or the kicker onto the headline) into one line; put a
    section label in front. ``roles``: [kicker lines]?, [headline lines], [subtitle]?.
    Returns the roles and the label (the gold's kicker) or None."""
    h = 1 if has_kicker else 0
    if len(roles[h]) > 1 and rng.random() < 0.5:
        roles[h] = ["".join(roles[h])]
        feats.add("headline_glued")
    if has_kicker and not md and len(roles[0]) == 1 and len(roles[1]) == 1 and rng.random() < 0.25:
        roles = [[roles[0][0] + roles[1][0]]] + roles[2:]
        feats.add("kicker_glued")
        return roles, None
    if has_kicker or md or rng.random() >= 0.2:
        return roles, None
    label = rng.choice(LABELS)
    if rng.random() < 0.5:
        roles[0] = [label + roles[0][0]] + roles[0][1:]
        feats.add("label_glued")
    else:
        roles = [[label]] + roles
        feats.add("label_line")
    return roles, label


def caption_between_bodies(rng: random.Random, captions: list[tuple[str, str]],
                           not_articles: list[str]) -> list[str] | None:
    """Sometimes a photo and its caption between two articles."""
    if rng.random() >= 0.12:
        return None
    text, credit = rng.choice(captions)
    not_articles.append(text[:20])
    return [f"■{text} {credit} 摄"]


def block_page(rng: random.Random, arts: list[dict], top: bool,
               captions: list[tuple[str, str]], not_articles: list[str]) -> list[list[str]]:
    """All headline blocks together at the top or the end of the page, in article order,
    one after another (sometimes with no blank line between them); the bodies in order,
    sometimes a caption between two of them."""
    heads = [a["head"] for a in arts if a["head"]]
    tight = rng.random() < 0.4
    block: list[list[str]] = []
    if tight:
        block = [[line for h in heads for line in h if line]]
    else:
        block = heads
    for a in arts:
        a["feats"].add("block_tight" if tight else "block_spaced")
    bodies: list[list[str]] = []
    for k, a in enumerate(arts):
        if k:
            cap = caption_between_bodies(rng, captions, not_articles)
            if cap:
                bodies.append(cap)
                a["feats"].add("caption_between_bodies")
        bodies.append(a["body"])
    return block + bodies if top else bodies + block
