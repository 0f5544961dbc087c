"""The stories the page generator (``tests/relayout.py``) prints: the seeds' articles with
their bodies frozen in ``relayout_bodies.json`` and their headlines from the gold, and the
scorer and bench scripts the generator's users load."""
from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score_parse.py"


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

