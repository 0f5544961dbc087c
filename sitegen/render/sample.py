"""A small synthetic :class:`DigestSite` for tests, previews and screenshots.

Three seeds' worth of articles with machine, reviewed and pending
translations, subheads, tags, related articles, and one hostile article
whose text tries script injection and template injection.

``python -m sitegen.render.sample OUT_DIR [BASE_URL]`` renders it to a folder.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sitegen.models import (
    Article, ArticleEnglish, Block, DigestEntry, DigestSite, Grouping, SiteInfo, Tag, Theme, Translation,
)

# Would mark <html data-pwned> if it ever ran; the browser tests look for that mark.
HOSTILE = ('<script>document.documentElement.dataset.pwned="script"</script>{{ 7*7 }}{% raw %}'
           'javascript:alert(1)\u2028</p><img src=x onerror="document.documentElement.dataset.pwned=1">')

ECON = Theme("economy-trade", "Economy & trade", "经济贸易")
DIPLO = Theme("diplomacy", "Diplomacy", "外交")
LOCAL = Theme("local-life", "Local life", "地方民生", automatic=True)

TAGS = {
    "sco": Tag("sco", "上合组织", "SCO"),
    "xinjiang": Tag("xinjiang", "新疆", "Xinjiang"),
    "trade": Tag("trade", "贸易", "Trade"),
    "farming": Tag("farming", "农业", None),
    "urumqi": Tag("urumqi", "乌鲁木齐", "Ürümqi"),
}


def _mt(src, text, status="machine"):
    if status == "pending":
        return Translation(src, None, "pending", None)
    return Translation(src, text, status, "opus-mt-zh-en" if status == "machine" else "opus-mt-zh-en+editor")


def _art(seed, pos, kicker, headline, subtitle, byline, dateline, paras, subheads_at=None):
    blocks = []
    subheads_at = subheads_at or {}
    for i, p in enumerate(paras):
        if i in subheads_at:
            blocks.append(Block("subhead", subheads_at[i], 0))
        blocks.append(Block("paragraph", p, 0))
    return Article(seed, pos, kicker, headline, subtitle, byline, dateline, tuple(blocks), (), 1)


LONG = (
    "上合组织成员国地域辽阔，资源丰富，经济互补性强。在全球经济形势复杂多变的背景下，"
    "加强区域经济合作对促进各国经济增长、实现共同繁荣具有重要意义。"
)


def sample_site(base_url: str = "", pending_note: str | None = "Some English texts are waiting for the translation model; they will appear on the next build.") -> DigestSite:
    S0, S1, S2 = "000_d20dbdfb6ad6e3c6.txt", "001_2a0e67fa4b79613c.txt", "002_bdb5e1677ee91c80.txt"
    specs = [
        # (seed, pos, theme, tags, kicker, headline, subtitle, status, paras, subheads)
        (S0, 1, DIPLO, ("sco", "xinjiang", "urumqi"), None,
         ("凝聚共识 共促发展", "Building consensus for shared development"),
         ("上海合作组织政党论坛综述", "A review of the SCO political parties forum"), "machine",
         ["全球化时代浪潮下，区域合作已成为推动经济发展、促进文化交流、维护地区和平稳定的重要力量。",
          "4月23日至24日，上海合作组织政党论坛及有关平行分论坛在新疆乌鲁木齐举行。",
          "政治互信是区域合作的基石，也是上合组织不断发展壮大的重要保障。",
          LONG * 6, LONG * 4],
         {2: "深化政治互信 筑牢合作根基", 4: "加强经贸往来 促进互利共赢"}),
        (S0, 2, ECON, ("sco", "trade"), ("经贸", "Trade"),
         ("中欧班列开行数量再创新高", "China–Europe freight trains set a new record"), None, "reviewed",
         ["今年以来，经新疆口岸进出境的中欧班列数量持续增长，货物品类不断丰富。", LONG * 3], {}),
        (S1, 1, ECON, ("trade", "xinjiang"), None,
         ("口岸经济活力足", "Border-port economy full of vitality"), None, "machine",
         ["霍尔果斯口岸今年一季度进出口货运量同比增长。", LONG * 2], {1: "通关效率持续提升"}),
        (S1, 2, LOCAL, ("farming", "xinjiang"), ("民生", None),
         ("棉花春播进入高峰期", None), None, "pending",
         ["连日来，南疆各地抢抓农时，棉花春播进入高峰期。", LONG], {}),
        (S1, 3, LOCAL, ("urumqi",), None,
         ("乌鲁木齐新增公园绿地", "Ürümqi adds new parks and green space"), None, "machine",
         ["今年，乌鲁木齐市计划新建和改造一批口袋公园。", LONG * 2], {}),
        (S2, 1, DIPLO, ("sco",), None,
         ("“上合力量”" + HOSTILE, "SCO strength " + HOSTILE), None, "machine",
         ["正文包含 " + HOSTILE + " 这样的文字，必须原样显示。", LONG], {1: "小标题 " + HOSTILE}),
        (S2, 2, LOCAL, ("xinjiang",), None, (None, None), None, "pending",
         ["本版这篇短讯没有标题，只有正文第一段。", LONG], {}),
    ]
    entries = []
    for seed, pos, theme, tags, kicker, hl, sub, status, paras, subheads in specs:
        a = _art(seed, pos, kicker[0] if kicker else None, hl[0], sub[0] if sub else None,
                 "石榴云/新疆日报记者 刘翔" if pos == 1 else None, "乌鲁木齐讯" if pos != 2 else None, paras, subheads)
        english = ArticleEnglish(
            kicker=_mt(kicker[0], kicker[1], status if kicker[1] else "pending") if kicker else None,
            headline=_mt(hl[0], hl[1], status if hl[1] else "pending") if hl[0] else None,
            subtitle=_mt(sub[0], sub[1], status) if sub else None,
            lead=_mt(paras[0], ("English lead of article %d in %s: " % (pos, seed[:3])) +
                     ("regional cooperation has become an important force for development. " * 2).strip()
                     + (" " + HOSTILE if HOSTILE in paras[0] else ""), status),
        )
        permalink = f"articles/{seed[:3]}-{seed[4:12]}-{pos:02d}.html"
        entries.append((permalink, a, english, theme, tags))
    perms = [e[0] for e in entries]
    out = []
    for i, (permalink, a, english, theme, tags) in enumerate(entries):
        related = tuple(p for j, p in enumerate(perms) if j != i and entries[j][3] == theme)[:3]
        related += ("articles/does-not-exist.html",) if i == 0 else ()
        out.append(DigestEntry(permalink, a, english, Grouping(theme, tuple(TAGS[t] for t in tags), related)))
    return DigestSite(
        info=SiteInfo(base_url=base_url, build_date="2025-04-25T06:00:00Z", version="0.1.0"),
        entries=tuple(out),
        themes=(DIPLO, ECON, LOCAL),
        tag_names=dict(TAGS),
        pending_note=pending_note,
    )


def write_sample(out: Path, base_url: str = "") -> list[str]:
    from sitegen.render import render_site

    root = Path(__file__).resolve().parents[2]
    pages = render_site(sample_site(base_url), root / "templates", root / "static")
    for p in pages:
        f = out / p.path
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(p.content)
    return [p.path for p in pages]


if __name__ == "__main__":  # pragma: no cover
    paths = write_sample(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
    print(f"{len(paths)} files written to {sys.argv[1]}")
