"""A day's grouping on arrays (issue 23): the shortcuts give what the plain computation gives,
float for float — postings assembled from the memo's packed vectors, the rows a day's
articles enter, and smoothing and event votes made for all articles at once."""
from __future__ import annotations

import random

import numpy as np

import sitegen.group.similarity as similarity
from sitegen.group.memo import PackedVectors, _best_first
from sitegen.group.similarity import NEIGHBOURS, Postings
from sitegen.group.taxonomy import Settings
from sitegen.group.text import Terms
from sitegen.group.themes import EVENT_SIM, _confident, _Neighbours, _smoothed, _vote
from sitegen.group.vectors import Doc


def _docs(n: int, seed: int, terms: str = "abcdefghijkl") -> list[Doc]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        vec = {t: rng.choice([0.25, 0.5, 1.0, rng.random()]) for t in rng.sample(terms, rng.randint(0, 6))}
        docs.append(Doc(f"p{i:03d}", {}, 1.0, vec=vec))  # repeated weights: many tied similarities
    return docs


def test_postings_from_packed_vectors_equal_postings_of_unpacked_ones():
    old = _docs(50, 1)
    packed = PackedVectors.of(Postings(old))
    now = _docs(70, 2, "abcdefghijklmnop")  # new terms too
    at = [k if k % 3 else -1 for k in range(50)] + [-1] * 20  # some kept, some fresh, in a new order
    rng = random.Random(4)
    rng.shuffle(at)
    for k, r in enumerate(at):
        if r >= 0:
            now[k].vec = dict(old[r].vec)
    made = packed.postings([Doc(d.permalink, {}, 1.0, vec={} if r >= 0 else d.vec) for d, r in zip(now, at)], at)
    plain = Postings(now)
    assert [made.vector(i) for i in range(len(now))] == [d.vec for d in now]
    assert [list(made.vector(i).items()) for i in range(len(now))] == [list(d.vec.items()) for d in now]
    assert made.neighbours(0, len(now)) == plain.neighbours(0, len(now))
    columns = sorted(rng.sample(range(len(now)), 12))
    assert made.restricted(columns).neighbours(0, len(now)) == plain.restricted(columns).neighbours(0, len(now))


def test_entering_finds_exactly_the_rows_a_new_article_enters(monkeypatch):
    docs = _docs(120, 7)
    postings = Postings(docs)
    fresh = sorted(random.Random(8).sample(range(120), 15))
    kept = [i for i in range(120) if i not in fresh]
    old = postings.restricted(kept).neighbours(0, 120)
    against = postings.restricted(fresh).neighbours(0, 120)
    bar_sims, bar_ids = np.full(120, np.inf), np.full(120, -1)
    for i in kept:
        if len(old[i]) < NEIGHBOURS:
            bar_sims[i], bar_ids[i] = -np.inf, 120
        else:
            bar_sims[i], bar_ids[i] = old[i][-1]
    for few in (10_000, 0):  # ranked by one sort, and from a bound
        monkeypatch.setattr(similarity, "FEW_COLUMNS", few)
        got = postings.restricted(fresh).entering(bar_sims, bar_ids, max_pairs=50)
        expected = {i: against[i] for i in kept if against[i] and (
            len(old[i]) < NEIGHBOURS or _best_first(against[i][0]) < _best_first(old[i][-1]))}
        assert got == expected
    assert expected and len(expected) < len(kept)
    # ties at the bar: a new article as similar as the row's last enters only if its index is lower
    assert any(against[i] and against[i][0][0] == old[i][-1][0] for i in kept if len(old[i]) == NEIGHBOURS)


def _settings() -> Settings:
    return Settings(neighbour_weight=0.35, neighbour_min_sim=0.15, min_theme_score=0.02)


def test_smoothing_and_votes_at_once_equal_the_loops_over_articles():
    rng = random.Random(11)
    n, themes = 300, 5
    own = np.array([[rng.choice([0.0, 0.0, 0.01, 0.03, rng.random() / 10]) for _ in range(themes)] for _ in range(n)])
    neighbours = []
    for i in range(n):
        sims = sorted((rng.choice([0.1, 0.2, 0.3, rng.random()]) for _ in range(rng.randint(0, NEIGHBOURS))),
                      reverse=True)
        neighbours.append([(s, rng.choice([j for j in range(n) if j != i])) for s in sims])
    st = _settings()
    table = _Neighbours(neighbours)
    final = _smoothed(own, table, st)
    expected = own.copy()
    for i, row in enumerate(neighbours):
        for sim, j in row:
            if sim >= st.neighbour_min_sim:
                expected[i] = expected[i] + (st.neighbour_weight * sim) * own[j]
    assert final.tobytes() == expected.tobytes()
    theme_of, reason = _vote(own, final, table, st)
    for i in range(n):
        mine = _confident(own[i], st.min_theme_score)
        group = [i, *(j for sim, j in neighbours[i] if sim >= EVENT_SIM)]
        vote = final[group].sum(axis=0) / len(group)
        best = int(np.argmax(vote))
        if mine is not None:
            assert (theme_of[i], reason[i]) == (mine, "taxonomy")
        elif vote[best] >= st.min_theme_score:
            assert (theme_of[i], reason[i]) == (best, "taxonomy" if len(group) == 1 else "event-cluster")
        else:
            assert (theme_of[i], reason[i]) == (None, "")
    assert {"taxonomy", "event-cluster", ""} <= set(reason)


def _terms(rng: random.Random, vocabulary: str) -> Terms:
    counts = {t: float(rng.randint(1, 3)) for t in rng.sample(vocabulary, rng.randint(1, 6))}
    return Terms(counts, sum(counts.values()))


def test_articles_per_term_from_the_memo_equal_counting_them_all():
    from collections import Counter
    from itertools import chain

    from sitegen.group.memo import GroupMemo, articles_per_term

    rng = random.Random(21)
    cache = {f"k{i}": _terms(rng, "abcdefgh") for i in range(40)}
    cache.update({f"n{i}": _terms(rng, "efghijkl") for i in range(8)})  # the day's, with new terms
    cache["k5"] = Terms({"z": 1.0, "a": 2.0}, 3.0)  # "z": no article has it once k5 is gone
    memo = GroupMemo()
    before = [f"k{i}" for i in range(30)] + ["k3", "k3"]  # one text three times
    articles_per_term([cache[k] for k in before], before, cache, memo)
    memo.keys, memo.order = list(before), [f"p{i}" for i in range(len(before))]  # as the build leaves them
    after = [k for k in before if k not in ("k5", "k6")][:-1] + [f"n{i}" for i in range(8)]  # two gone, one copy less
    expected = Counter(chain.from_iterable(cache[k].counts for k in after))
    got = articles_per_term([cache[k] for k in after], after, cache, memo)
    assert got == expected and "z" not in got and all(v > 0 for v in got.values()) and memo.df == expected
    # an article gone whose counts the cache lost: counted again, the same
    memo.df, memo.keys, memo.order = Counter(expected), list(after), list(after)
    later = after[5:]
    assert articles_per_term([cache[k] for k in later], later, {}, memo) == Counter(
        chain.from_iterable(cache[k].counts for k in later))


def test_kept_corpus_factors_equal_counted_ones_while_the_reference_stands():
    from collections import Counter
    from itertools import chain

    from sitegen.group.memo import GroupMemo, reference_factors
    from sitegen.group.vectors import corpus_factors

    rng = random.Random(22)
    old = [_terms(rng, "abcdefgh") for _ in range(30)]
    new = [_terms(rng, "fghijklm") for _ in range(6)]  # terms no reference article has
    reference = list(range(20))
    memo = GroupMemo()
    df = Counter(chain.from_iterable(t.counts for t in old))
    first = reference_factors("R", 20, lambda: corpus_factors(df, old, reference), memo)
    memo.reference = "R"
    every = old + new
    df = Counter(chain.from_iterable(t.counts for t in every))
    counted = corpus_factors(df, every, reference)
    kept = reference_factors("R", 20, lambda: (_ for _ in ()).throw(AssertionError("counted")), memo)
    assert all(kept[t] == counted[t] for t in df) and any(t not in first for t in df)
    assert reference_factors("S", 20, lambda: counted, memo) is counted  # a new reference: counted
