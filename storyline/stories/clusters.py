"""Story clusters (centroid + members) and the inverted index that finds candidate clusters quickly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.stories.vectors import Vector, centroid_cosine, field_norms, similarity, top_terms

__all__ = ["Cluster", "Postings", "date_gap", "split_part"]

_INDEXED_TERMS = 40


@dataclass(slots=True)
class Cluster:
    """One story being built: the sum of its representatives' vectors and its date range (day ordinals)."""

    id: str
    reps: list[str] = field(default_factory=list)
    centroid: Vector = field(default_factory=dict)
    first: int | None = None
    last: int | None = None
    norms: dict[str, float] = field(default_factory=dict)

    def add(self, rep: str, vector: Mapping[str, float], day: int | None, max_size: int) -> None:
        self.reps.append(rep)
        for key, w in vector.items():
            self.centroid[key] = self.centroid.get(key, 0.0) + w
        if len(self.centroid) > 2 * max_size:
            self._prune(max_size)
        self._extend_dates(day)
        self.norms = field_norms(self.centroid)

    def remove(self, rep: str, vector: Mapping[str, float]) -> None:
        """Take a representative out (its vector must be the one it was added with)."""
        self.reps.remove(rep)
        for key, w in vector.items():
            value = self.centroid.get(key, 0.0) - w
            if value > 1e-9:
                self.centroid[key] = value
            else:
                self.centroid.pop(key, None)
        self.norms = field_norms(self.centroid)

    def reset_dates(self, days: Iterable[int | None]) -> None:
        self.first = self.last = None
        for day in days:
            self._extend_dates(day)

    def _extend_dates(self, day: int | None) -> None:
        if day is None:
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)

    def _prune(self, max_size: int) -> None:
        keep = sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:max_size]
        self.centroid = dict(keep)

    def indexed_terms(self) -> list[str]:
        return top_terms(self.centroid, "bten", _INDEXED_TERMS)


def date_gap(day: int | None, first: int | None, last: int | None) -> int | None:
    """Days between ``day`` and the range [first, last]; None when either side is undated."""
    if day is None or first is None or last is None:
        return None
    if day < first:
        return first - day
    return max(0, day - last)


@dataclass(slots=True)
class Postings:
    """term -> ids of clusters whose centroid has the term among its heaviest; stale ids are tolerated."""

    lists: dict[str, set[str]] = field(default_factory=dict)

    def index(self, cluster: Cluster) -> None:
        for term in cluster.indexed_terms():
            self.lists.setdefault(term, set()).add(cluster.id)

    def candidates(self, terms: Mapping[str, float], max_posting: int) -> list[str]:
        """Clusters sharing a heavy term with the query, best first by the summed weight of the
        shared terms (a cheap upper-bound ranking; the caller scores only the first few exactly)."""
        score: dict[str, float] = {}
        for term, weight in terms.items():
            ids = self.lists.get(term)
            if ids and len(ids) <= max_posting:
                for cid in ids:
                    score[cid] = score.get(cid, 0.0) + weight
        return sorted(score, key=lambda cid: (-score[cid], cid))

    def forget(self, cluster_id: str, terms: Iterable[str]) -> None:
        for term in terms:
            ids = self.lists.get(term)
            if ids is not None:
                ids.discard(cluster_id)
                if not ids:
                    del self.lists[term]


def split_part(
    cluster: Cluster,
    vectors: Mapping[str, Vector],
    weights: Mapping[str, float],
    below: float,
    min_size: int,
    restarts: int = 1,
) -> list[str]:
    """Members to take out of ``cluster`` as a story of their own, or [] to keep it whole.

    Placing articles one by one can join two similar events of one kind (two rehab check-ins, two
    earthquakes) when an early report of the second event reaches the first story's small centroid;
    after that, the blended centroid draws in both, and re-assignment cannot undo it because there
    is no second story to move to.  So the story is bisected (2-means over its members, seeded with
    a member least like the centroid and the member least like that one; of ``restarts`` such
    seeds, the bisection whose halves fit their members best, as k-means would choose) and split
    when the two halves' centroids are less similar than ``below`` -- two groups of one event share more than
    that (their centroids are smoothed by several reports each), two events less.  Each half needs
    ``min_size`` members.  Only members with a vector in ``vectors`` (the current batch) can be
    weighed, so a story holding earlier articles is kept whole.  Costs O(members), not O(corpus).
    """
    reps = sorted(cluster.reps)
    if len(reps) < 2 * min_size or any(r not in vectors for r in reps):
        return []
    best: tuple[float, float, list[str]] | None = None  # (-fit, cosine of the halves, second half)
    for first, second in _bisections(reps, vectors, weights, restarts):
        if min(len(first), len(second)) < min_size:
            continue
        a, b = _sum(first, vectors), _sum(second, vectors)
        fit = _fit(first, a, vectors, weights) + _fit(second, b, vectors, weights)
        if best is None or -fit < best[0]:
            best = (-fit, centroid_cosine(a, b, weights), second)
    if best is None or best[1] >= below:
        return []
    return best[2]


def _fit(
    reps: Sequence[str], total: Vector, vectors: Mapping[str, Vector], weights: Mapping[str, float]
) -> float:
    """How well a group holds together: its members' summed similarity to the group's centroid."""
    norms = field_norms(total)
    return sum(similarity(vectors[r], total, norms, weights) for r in reps)


def _bisections(
    reps: Sequence[str], vectors: Mapping[str, Vector], weights: Mapping[str, float], restarts: int
) -> list[tuple[list[str], list[str]]]:
    """2-means bisections seeded with each of the ``restarts`` members least like the whole story."""
    whole = _sum(reps, vectors)
    norms = field_norms(whole)
    seeds = sorted(reps, key=lambda r: (similarity(vectors[r], whole, norms, weights), r))[:restarts]
    out: list[tuple[list[str], list[str]]] = []
    for seed in seeds:
        halves = _bisect(reps, vectors, weights, seed)
        if halves not in out:
            out.append(halves)
    return out


def _bisect(
    reps: Sequence[str],
    vectors: Mapping[str, Vector],
    weights: Mapping[str, float],
    seed: str,
    rounds: int = 8,
) -> tuple[list[str], list[str]]:
    """2-means from ``seed`` and the member least like it."""
    seed_norms = field_norms(vectors[seed])
    other = min(reps, key=lambda r: (similarity(vectors[r], vectors[seed], seed_norms, weights), r))
    first, second = [seed], [other]
    for _ in range(rounds):
        a, b = _sum(first, vectors), _sum(second, vectors)
        a_norms, b_norms = field_norms(a), field_norms(b)
        new_first: list[str] = []
        new_second: list[str] = []
        for r in reps:
            closer = similarity(vectors[r], a, a_norms, weights) >= similarity(
                vectors[r], b, b_norms, weights
            )
            (new_first if closer else new_second).append(r)
        if not new_first or not new_second or (new_first, new_second) == (first, second):
            break
        first, second = new_first, new_second
    return first, second


def _sum(reps: Iterable[str], vectors: Mapping[str, Vector]) -> Vector:
    total: Vector = {}
    for rep in reps:
        for key, w in vectors[rep].items():
            total[key] = total.get(key, 0.0) + w
    return total
