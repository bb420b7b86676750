"""Story clusters (centroid + members) and the inverted index that finds candidate clusters quickly."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.stories.vectors import _ALWAYS, Vector, centroid_cosine, field_norms, similarity, top_terms

__all__ = ["Cluster", "Postings", "date_gap", "margin_of", "merge_target", "split_part"]

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

    def absorb(self, other: Cluster, max_size: int) -> None:
        """Take over ``other``'s members, centroid and dates (``other`` is left as it was)."""
        self.reps.extend(other.reps)
        for key, w in other.centroid.items():
            self.centroid[key] = self.centroid.get(key, 0.0) + w
        if len(self.centroid) > 2 * max_size:
            self._prune(max_size)
        self._extend_dates(other.first)
        self._extend_dates(other.last)
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
    margin: float = 0.0,
) -> list[str]:
    """Members to take out of ``cluster`` as a story of their own, or [] to keep it whole.

    Placing articles one by one can join two similar events of one kind (two rehab check-ins, two
    earthquakes) when an early report of the second event reaches the first story's small centroid;
    after that, the blended centroid draws in both, and re-assignment cannot undo it because there
    is no second story to move to.  So the story is bisected (2-means over its members, seeded with
    the member least like the centroid and the member least like that one) and split when the two
    halves' centroids are less similar than ``below`` -- two groups of one event share more than
    that (their centroids are smoothed by several reports each), two events less.  Each half needs
    ``min_size`` members; with ``margin`` > 0 the members must also be, on average, at least that
    much closer to their own half (without themselves) than to the other half: two groups of one
    event can have centroids as far apart as two events, but their members sit between them.  Only members with a vector in ``vectors`` (the current batch) can be
    weighed, so a story holding earlier articles is kept whole.  Costs O(members), not O(corpus).
    """
    reps = sorted(cluster.reps)
    if len(reps) < 2 * min_size or any(r not in vectors for r in reps):
        return []
    first, second = _bisect(reps, vectors, weights)
    if min(len(first), len(second)) < min_size:
        return []
    a, b = _sum(first, vectors), _sum(second, vectors)
    if centroid_cosine(a, b, weights) >= below:
        return []
    if margin > 0 and margin_of(first, second, vectors, weights, a, b) < margin:
        return []
    return second


def margin_of(
    first: Sequence[str],
    second: Sequence[str],
    vectors: Mapping[str, Vector],
    weights: Mapping[str, float],
    a: Vector | None = None,
    b: Vector | None = None,
) -> float:
    """Mean over the members of two groups of (similarity to its own group without itself) minus
    (similarity to the other group): how much better each member fits where it is.  O(members)."""
    a = _sum(first, vectors) if a is None else a
    b = _sum(second, vectors) if b is None else b
    total = 0.0
    for own, own_sum, other_sum in ((first, a, b), (second, b, a)):
        own_sq = {p: n * n for p, n in field_norms(own_sum).items()}
        other_norms = field_norms(other_sum)
        for rep in own:
            vec = vectors[rep]
            total += _loo_similarity(vec, own_sum, own_sq, weights) - similarity(
                vec, other_sum, other_norms, weights
            )
    return total / (len(first) + len(second))


def _loo_similarity(
    vec: Mapping[str, float], total: Mapping[str, float], total_sq: Mapping[str, float], weights: Mapping[str, float]
) -> float:
    """:func:`similarity` of a member with the sum of the other members (``total`` minus itself)."""
    dots: dict[str, float] = {}
    selves: dict[str, float] = {}
    for key, w in vec.items():
        p = key[0]
        dots[p] = dots.get(p, 0.0) + w * total.get(key, 0.0)
        selves[p] = selves.get(p, 0.0) + w * w
    score = 0.0
    weight_sum = 0.0
    for p, weight in weights.items():
        sq = total_sq.get(p, 0.0) - 2 * dots.get(p, 0.0) + selves.get(p, 0.0)
        others = sq > 1e-9
        if weight <= 0 or (p not in _ALWAYS and (p not in selves or not others)):
            continue
        weight_sum += weight
        if others and p in dots:
            score += weight * (dots[p] - selves[p]) / math.sqrt(sq)
    return score / weight_sum if weight_sum else 0.0


def _bisect(
    reps: Sequence[str], vectors: Mapping[str, Vector], weights: Mapping[str, float], rounds: int = 8
) -> tuple[list[str], list[str]]:
    whole = _sum(reps, vectors)
    norms = field_norms(whole)
    seed = min(reps, key=lambda r: (similarity(vectors[r], whole, norms, weights), r))
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


def merge_target(
    cluster: Cluster,
    clusters: Mapping[str, Cluster],
    postings: Postings,
    weights: Mapping[str, float],
    above: float,
    max_days: int,
    max_candidates: int,
    max_posting: int,
    accept: Callable[[Cluster], bool] | None = None,
) -> str | None:
    """The story ``cluster`` should merge with: the candidate (sharing heavy centroid terms) whose
    centroid is most alike, if at least ``above``, and whose dates are within ``max_days`` of its
    own (undated stories are compatible).  Costs O(candidates), not O(corpus).

    Single-pass joining can leave one event in two stories when its first reports differ (a
    fragment founded by an early report that the main story's centroid did not yet reach); a
    fragment's centroid is then closer to the main story's than two events of one kind are to
    each other."""
    norms = cluster.norms
    terms = {t: cluster.centroid[t] / norms[t[0]] * weights.get(t[0], 0.0) for t in cluster.indexed_terms()}
    best: tuple[float, str] | None = None
    for scored, cid in enumerate(postings.candidates(terms, max_posting)):
        if scored >= max_candidates:
            break
        other = clusters.get(cid)
        if other is None or cid == cluster.id or not other.reps:
            continue
        if cluster.first is not None and cluster.last is not None and other.first is not None:
            gap = max(other.first - cluster.last, cluster.first - (other.last or other.first), 0)
            if gap > max_days:
                continue
        sim = centroid_cosine(cluster.centroid, other.centroid, weights)
        if sim >= above and (best is None or (sim, cid) > best) and (accept is None or accept(other)):
            best = (sim, cid)
    return best[1] if best else None
