"""Storylines: stories of one ongoing affair, linked by a lower similarity tier between story centroids.

Two stories are linked when their centroids (names, body and title words) are similar above
``storyline_threshold`` and their date ranges are at most ``storyline_window_days`` apart.  Linked
stories form connected components (union-find); each story belongs to at most one storyline and a
storyline has at least two stories.  Candidate pairs come from the index's postings, not from all pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from storyline.stories.clusters import Cluster, Postings
from storyline.stories.params import StoryParams
from storyline.stories.vectors import top_terms

__all__ = ["centroid_similarity", "link_stories"]

_LINK_TERMS = 25


def centroid_similarity(a: Cluster, b: Cluster, weights: Mapping[str, float]) -> float:
    """Weighted mean of per-field cosines between two centroids."""
    dots: dict[str, float] = {}
    small, large = (
        (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
    )
    for key, w in small.items():
        other = large.get(key)
        if other is not None:
            dots[key[0]] = dots.get(key[0], 0.0) + w * other
    total = weight_sum = 0.0
    for prefix, weight in weights.items():
        na, nb = a.norms.get(prefix), b.norms.get(prefix)
        if weight <= 0 or ((not na or not nb) and prefix not in "bt"):
            continue
        weight_sum += weight
        if na and nb:
            total += weight * dots.get(prefix, 0.0) / (na * nb)
    return total / weight_sum if weight_sum else 0.0


def _range_gap(a: Cluster, b: Cluster) -> int | None:
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    return max(0, max(a.first, b.first) - min(a.last, b.last))


def link_stories(
    clusters: Mapping[str, Cluster],
    postings: Postings,
    params: StoryParams,
    links: dict[str, set[str]] | None = None,
    dirty: Iterable[str] | None = None,
) -> list[list[str]]:
    """Groups of >= 2 cluster ids forming storylines, each sorted, groups in a stable order.

    ``links`` (updated in place) keeps the links found before; only the ``dirty`` clusters (whose
    centroid changed, or that were dropped or renamed) are looked up again, so reading the stories
    after adding a few articles costs little however large the corpus. Without ``dirty`` every
    cluster is looked up."""
    links = {} if links is None else links
    todo = set(clusters) | set(links) if dirty is None else set(dirty)
    for cid in todo:
        for other in links.pop(cid, set()):
            if other in links:
                links[other].discard(cid)
    weights = params.storyline_weights.by_prefix()
    for cid in sorted(todo):
        cluster = clusters.get(cid)
        if cluster is None:
            continue
        for other_id in _linked(cluster, clusters, postings, params, weights):
            links.setdefault(cid, set()).add(other_id)
            links.setdefault(other_id, set()).add(cid)
    return _components(clusters, links)


def _linked(
    cluster: Cluster,
    clusters: Mapping[str, Cluster],
    postings: Postings,
    params: StoryParams,
    weights: Mapping[str, float],
) -> list[str]:
    """Clusters similar enough to ``cluster`` among its best-ranked candidates within the window."""
    terms = {t: cluster.centroid[t] for t in top_terms(cluster.centroid, "etb", _LINK_TERMS)}
    found = []
    scored = 0
    for other_id in postings.candidates(terms, params.max_posting):
        other = clusters.get(other_id)
        if other is None or other_id == cluster.id:
            continue
        gap = _range_gap(cluster, other)
        if gap is not None and gap > params.storyline_window_days:
            continue
        scored += 1
        if scored > params.max_candidates:
            break
        if centroid_similarity(cluster, other, weights) >= params.storyline_threshold:
            found.append(other_id)
    return found


def _components(clusters: Mapping[str, Cluster], links: Mapping[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    groups = []
    for start in sorted(links):
        if start in seen or start not in clusters:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            cid = stack.pop()
            group.append(cid)
            for other in links.get(cid, ()):
                if other not in seen and other in clusters:
                    seen.add(other)
                    stack.append(other)
        if len(group) >= 2:
            groups.append(sorted(group))
    return sorted(groups, key=lambda g: g[0])
