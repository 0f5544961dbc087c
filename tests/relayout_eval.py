"""Scoring generated pages article by article (``tests/relayout.py``'s pages), the way
``../shared/tools/score_parse.py`` scores the seeds, with per-article outcomes and errors."""
from __future__ import annotations

from dataclasses import dataclass, field

from relayout_stories import Page, load_scorer


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
    # a headline given to a story the page prints without one (found, gold headline-less): the
    # headline measures above skip such stories, as score_parse.py does, so it is counted apart
    invented: bool = False


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
            "headless": sum(o.found and o.headline is None for o in self.outcomes),
            "invented": sum(o.invented for o in self.outcomes),
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
            invented = not hl_gold and bool(scorer.headline_block(p))
            if hl_gold:
                block = scorer.norm("".join(g.get(k) or "" for k in HEAD_FIELDS))
                got_block = scorer.headline_block(p)
                head = bool(scorer.norm(g["headline"]) in got_block and got_block and got_block in block)
                strict = all(scorer.norm(p.get(k)) == scorer.norm(g.get(k)) for k in HEAD_FIELDS)
            paras = len(p.get("paragraphs") or []) == g.get("paragraphs")
            outcomes.append(ArticleOutcome(page.name, g["id"], g["features"], True, exact, lead, head, paras,
                                           strict, invented))
            right[pi] = exact and lead and head is not False and not invented
            error[pi] = ("body" if not exact else "headline" if head is False or invented
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
