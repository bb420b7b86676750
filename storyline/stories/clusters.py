"""Story clusters (centroid + members) and the inverted index that finds candidate clusters quickly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from storyline.stories.vectors import Vector, field_norms, top_terms

__all__ = ["Cluster", "Postings", "date_gap"]

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
