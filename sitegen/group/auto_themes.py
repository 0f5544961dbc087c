"""Automatic themes for articles no configured theme fits: clusters of similar such articles
(edges of cosine >= ``auto_cluster_sim``, joined strongest first, at most AUTO_CLUSTER_MAX
articles each) of at least AUTO_MIN_ARTICLES articles, each named after the keyword most of
its members share; slug ``auto-<sha1 of the name>``."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Callable

from sitegen.models import Theme

from .taxonomy import Settings
from .text import Analyzer

AUTO_CLUSTER_MAX = 40
AUTO_MIN_ARTICLES = 3  # an automatic theme needs this many articles; fewer go to "Other news"


def auto_themes(unassigned: list[int], neighbours: list[list[tuple[float, int]]], n: int,
                vector_of: Callable[[int], dict[str, float]], analyzer: Analyzer, st: Settings,
                fallback_name: str) -> dict[int, Theme]:
    """The automatic theme of each article of ``unassigned`` (indices of the ``n`` articles)
    whose cluster is large enough; the others are left out. ``vector_of(i)``: article ``i``'s
    vector. ``fallback_name`` names a cluster without a keyword to name it by."""
    auto_uf = _UnionFind(n)
    un_set = set(unassigned)
    auto_edges = sorted((-sim, i, j) for i in unassigned for sim, j in neighbours[i]
                        if j in un_set and sim >= st.auto_cluster_sim and i != j)
    for _, i, j in auto_edges:
        auto_uf.union(i, j, AUTO_CLUSTER_MAX)
    auto_groups: dict[int, list[int]] = defaultdict(list)
    for i in unassigned:
        auto_groups[auto_uf.find(i)].append(i)
    auto_theme_of: dict[int, Theme] = {}
    for root in sorted(auto_groups):
        group = auto_groups[root]
        if len(group) < AUTO_MIN_ARTICLES:
            continue
        name = _auto_name(group, vector_of, analyzer, fallback_name)
        theme = Theme(slug=f"auto-{_short_hash(name, 8)}", name_en="", name_zh=name, automatic=True)
        for i in group:
            auto_theme_of[i] = theme
    return auto_theme_of


def _auto_name(group: list[int], vector_of: Callable[[int], dict[str, float]], analyzer: Analyzer,
               fallback: str) -> str:
    total: dict[str, float] = defaultdict(float)
    present: dict[str, int] = defaultdict(int)
    for i in group:
        for t, w in vector_of(i).items():
            if analyzer.is_tag_candidate(t):
                total[t] += w
                present[t] += 1
    # prefer keywords shared by several members, then weight
    ranked = sorted(total, key=lambda t: (-present[t], -total[t], t))
    return ranked[0] if ranked else fallback


def _short_hash(text: str, n: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, cap: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.size[ra] + self.size[rb] > cap:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True
