"""A page's decision tables (:class:`.explain.PageExplain`) as compact text, with line
numbers, for ``sitegen parse FILE --explain``."""
from __future__ import annotations

from .assign import LEAD_WEIGHT
from .explain import RECUTS, BodyCuts, HeadRow, PageExplain, Pair

PAIRS_SHOWN = 4  # candidate bodies shown per headline (the kept pair always)
CUTS_PER_LINE = 6
TEXT_SHOWN = 24  # characters of a headline or an article's headline


def format_page(page: PageExplain) -> str:
    """The tables of one page, one section each."""
    out = [f"== {page.seed}",
           f"headline × body (L = first line; score = content + position bonus + {LEAD_WEIGHT:g} × lead; "
           "* = kept by the score, + = kept by a later rule" + ("; the page follows its headline block's order)"
                                                           if page.block_order else ")")]
    out += [line for row in page.heads for line in _head(row)] or ["  (no headlines)"]
    out.append("cuts inside bodies as the layout gave them (cohesion across each boundary where an article "
               "may start, low = the words change; CUT = an article starts there)")
    out += [line for body in page.bodies for line in _cuts(body)]
    out += [f"  cut by: {RECUTS[name]}" for name in page.recut_by]
    out.append("articles and their doubts")
    for a in page.articles:
        out.append(f"  L{a.line} {_short(a.headline) if a.headline else '(no headline)'}"
                   + ("" if a.doubts else ": no doubt"))
        out += [f"      doubt: {d}" for d in a.doubts]
    return "\n".join(out)


def _head(row: HeadRow) -> list[str]:
    shown = [p for k, p in enumerate(row.pairs) if k < PAIRS_SHOWN or p.chosen]
    cells = "  ".join(f"{_mark(p)}L{p.body_line} {p.score:.2f}" for p in shown)
    more = f"  (+{len(row.pairs) - len(shown)} lower)" if len(row.pairs) > len(shown) else ""
    kept = "" if any(p.chosen for p in row.pairs) else "  -> heads no body"
    return [f"  L{row.line} {row.kind} {_short(row.text)}", f"      {cells or '(no candidate body)'}{more}{kept}"]


def _mark(p: Pair) -> str:
    return ("*" if p.by_score else "+") if p.chosen else ""


def _cuts(body: BodyCuts) -> list[str]:
    head = f"  body L{body.line}-{body.last}"
    if not body.cuts:
        return [head + ": no candidate cut"]
    cells = [f"L{c.line} {'-' if c.cohesion is None else f'{c.cohesion:.2f}'}{' CUT' if c.cut else ''}"
             for c in body.cuts]
    rows = ["  ".join(cells[k:k + CUTS_PER_LINE]) for k in range(0, len(cells), CUTS_PER_LINE)]
    return [head + ":"] + [f"      {r}" for r in rows]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN] + "…"
