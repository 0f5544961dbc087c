"""Dangling ends matched to continuations (:mod:`.resume`): each end's plausible
continuations scored by content (TF-IDF cosine of character bigrams, a bonus when a word
runs across the break, a bonus for orphans that can only be the rest of a story), the best
total assignment found exhaustively over the few candidates, and each decision's runner-up
kept for self-doubt (:class:`Runner`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import word_across

KEEP_BONUS = 0.05
JUNCTION_BONUS = 0.1
MIN_SCORE = 0.1
ORPHAN_BONUS = 0.07
@dataclass(frozen=True)
class Runner:
    """One end's rejoin decision and its runner-up: the story whose text ends mid-sentence
    at line ``end`` continues at line ``chosen`` (None: nowhere on this page); ``other`` is
    the first line of the best continuation decided against (None: none, or ending there),
    and ``margin`` the score of the decision minus that of ``other``."""

    end: int
    chosen: int | None
    other: int | None
    margin: float


def junction(end: str, start: str) -> float:
    """Bonus when a word runs across the break (效|能 → 效能), in jieba's cut of both sides."""
    return JUNCTION_BONUS if word_across(end, start) else 0.0


def options_for(ends: dict, starts: dict, kept: dict, vocab, worded: set = frozenset()) -> dict:
    """Each end's plausible continuations, best first (up to six): (score, start key).
    A start in ``worded`` (under a headline) only continues an end a word runs on from."""
    end_keys = sorted(ends, key=lambda k: ends[k][0])
    options: dict[tuple, list[tuple[float, tuple]]] = {}
    for ek in end_keys:
        eline, etext = ends[ek]
        opts = []
        for sk, (sline, stext) in starts.items():
            if sline <= eline:
                continue
            if sk == ek:
                opts.append((kept[ek], sk))
                continue
            bonus = junction(etext, stext)
            if sk in worded and not bonus:
                continue
            score = vocab.cosine(etext, stext) + bonus - MIN_SCORE
            if sk[0] == "piece" and sk not in worded:
                # nothing but scraps or a 下转 marker before it: it can only be the rest
                # of an article, so little shared vocabulary is enough
                score += ORPHAN_BONUS
            if score > 0:
                opts.append((score, sk))
        opts.sort(reverse=True)
        options[ek] = opts[:6]
    return options


def best_matching(ends: dict, options: dict) -> dict:
    """Exhaustive best assignment of ends to later starts (each used at most once)."""
    end_keys = sorted(ends, key=lambda k: ends[k][0])
    best: tuple[float, dict] = (0.0, {})

    def search(k: int, used: set, total: float, chosen: dict) -> None:
        nonlocal best
        if k == len(end_keys):
            if total > best[0]:
                best = (total, dict(chosen))
            return
        ek = end_keys[k]
        for score, sk in options[ek]:
            if sk in used:
                continue
            used.add(sk)
            chosen[ek] = sk
            search(k + 1, used, total + score, chosen)
            del chosen[ek]
            used.discard(sk)
        search(k + 1, used, total, chosen)

    combos = 1
    for ek in end_keys:
        combos *= len(options[ek]) + 1
        if combos > 20000:
            break
    if combos <= 20000:
        search(0, set(), 0.0, {})
        return best[1]
    # too many: keep the sequential joins, greedy for the rest
    chosen: dict = {}
    used: set = set()
    for ek in end_keys:
        for score, sk in options[ek]:
            if sk not in used:
                chosen[ek] = sk
                used.add(sk)
                break
    return chosen


def runners(ends: dict, starts: dict, options: dict, pairs: dict) -> list[Runner]:
    """Each end's decision against its best other option (ending there scores 0)."""
    out = []
    for ek, (eline, _t) in ends.items():
        chosen = pairs.get(ek)
        score = next((s for s, sk in options[ek] if sk == chosen), 0.0) if chosen else 0.0
        others = [(s, starts[sk][0]) for s, sk in options[ek] if sk != chosen]
        if chosen is not None:
            others.append((0.0, None))
        best, line = max(others, key=lambda t: t[0], default=(None, None))
        out.append(Runner(eline, starts[chosen][0] if chosen else None, line,
                          score - best if best is not None else float("inf")))
    return out
