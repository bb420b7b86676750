"""StoryIndex: incremental, time-aware single-pass clustering of articles into stories.

Each new article (copies are represented by their canonical) goes to the most similar story whose
centroid it reaches above ``threshold`` after time decay, or founds a new story.  Candidate stories
come from an inverted index over the centroids' heaviest terms, so the cost per article does not grow
with the corpus.  After a batch, ``refine_passes`` re-assignment passes over that batch's articles
(k-means style) make the partition nearly independent of arrival order.  The index persists with
:meth:`StoryIndex.to_bytes` / :meth:`StoryIndex.from_bytes`; stories that existed keep their ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.records import Article, CopyGroup, Story, Storyline
from storyline.stories.clusters import Cluster, Postings, date_gap, split_part
from storyline.stories.features import RawFeatures, extract
from storyline.stories.info import ArticleInfo, day_of, representatives
from storyline.stories.params import StoryParams, time_decay
from storyline.stories.vectors import Vector, Vocabulary, similarity, top_terms
from storyline.text import short_id

__all__ = ["StoryIndex"]


@dataclass(slots=True)
class StoryIndex:
    """Persistent clustering state: vocabulary, story centroids, members and per-article notes."""

    params: StoryParams = field(default_factory=StoryParams)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    infos: dict[str, ArticleInfo] = field(default_factory=dict)
    cluster_of: dict[str, str] = field(default_factory=dict)  # representative -> cluster id
    copies_of: dict[str, list[str]] = field(default_factory=dict)  # representative -> other members
    storyline_of: dict[str, str] = field(default_factory=dict)  # cluster id -> storyline id (last run)
    postings: Postings = field(default_factory=Postings)
    links: dict[str, set[str]] = field(default_factory=dict)  # storyline links between clusters
    dirty: set[str] = field(default_factory=set)  # clusters whose centroid changed since the last read

    # ------------------------------------------------------------------ adding

    def add(self, articles: Sequence[Article], copies: Sequence[CopyGroup] = ()) -> list[str]:
        """Place new articles (already indexed ones are skipped); return the ids of touched stories."""
        fresh = [a for a in articles if a.id not in self.infos]
        reps, members = representatives(fresh, copies, known=self.infos.keys())
        raws = {a.id: extract(a.title, a.text) for a in reps}
        for raw in raws.values():
            self.vocabulary.add(raw)
        self._remember(fresh, members, raws)
        order = sorted(reps, key=lambda a: (day_of(a.published) is None, day_of(a.published) or 0, a.id))
        vectors = {a.id: self.vocabulary.vector(raws[a.id]) for a in order}
        before = set(self.clusters)
        for article in order:
            self._place(article.id, vectors[article.id])
        for _ in range(self.params.refine_passes):
            if not self._refine(order, vectors):
                break
        weights = self.params.split_weights.by_prefix()
        for _ in range(self.params.split_rounds):  # two similar events joined early: split them
            splits = {
                cid: split_part(
                    self.clusters[cid],
                    vectors,
                    weights,
                    self.params.split_below,
                    self.params.split_min,
                    self.params.split_restarts,
                )
                for cid in sorted({self.cluster_of[a.id] for a in order})
            }
            if not any(splits.values()):
                break
            moved: set[str] = set()
            for cid, part in splits.items():
                if part:
                    moved.update(self.clusters[cid].reps)
                    home = self.clusters[cid]
                    for rep in part:
                        home.remove(rep, vectors[rep])
                    home.reset_dates(self.infos[r].firm_day for r in home.reps)
                    self.dirty.add(cid)
                    new_id = self._new_cluster_id(part[0])
                    self.clusters[new_id] = Cluster(id=new_id)
                    for rep in part:
                        self._join(new_id, rep, vectors[rep])
            again = [a for a in order if a.id in moved]  # only the members of split stories move on
            for _ in range(self.params.refine_passes):
                if not self._refine(again, vectors):
                    break
        if self.params.dissolve_upto > 0:
            self._dissolve_small(order, vectors)
        self._rename_new(before)
        touched = {self.cluster_of[a.id] for a in order}
        for cid in touched:
            self._explain(self.clusters[cid], vectors)
        return sorted(touched)

    def _dissolve_small(self, order: Sequence[Article], vectors: dict[str, Vector]) -> None:
        """Re-place the members of this batch's smallest stories as if those stories did not exist.

        Re-assignment takes an article out of its own story before comparing, but the other members
        of a two-article story still hold it there: two reports of an event that happen to be
        closer to each other than to the event's main story stay apart from it.  Taking the whole
        small story out first lets each member reach the main story; members of a story of their
        own (nothing else above the threshold) found it again."""
        upto = self.params.dissolve_upto
        small = sorted(
            (len(self.clusters[cid].reps), cid)
            for cid in {self.cluster_of[a.id] for a in order}
            if len(self.clusters[cid].reps) <= upto
        )
        rank = {a.id: i for i, a in enumerate(order)}
        for _, cid in small:  # smallest first; a story that has grown meanwhile is left alone
            cluster = self.clusters.get(cid)
            if (
                cluster is None
                or not 0 < len(cluster.reps) <= upto
                or any(r not in vectors for r in cluster.reps)
            ):
                continue
            members = sorted(cluster.reps, key=rank.__getitem__)  # in the batch's (date) order
            for rep in members:
                cluster.remove(rep, vectors[rep])
            cluster.reset_dates(())
            self.dirty.add(cid)
            for rep in members:
                best, sim = self._best(rep, vectors[rep])
                if best is None or sim < self.params.threshold:
                    best = cid if not cluster.reps else self._new_cluster_id(rep)
                    self.clusters.setdefault(best, Cluster(id=best))
                self._join(best, rep, vectors[rep])
            if not cluster.reps:
                self._drop(cluster)

    def _remember(
        self, fresh: Sequence[Article], members: dict[str, list[str]], raws: dict[str, RawFeatures]
    ) -> None:
        for article in fresh:
            self.infos[article.id] = ArticleInfo.of(article, raws.get(article.id))
        for rep, others in members.items():
            known = self.copies_of.setdefault(rep, [])
            known.extend(m for m in others if m not in known and m != rep)
            rep_cluster = self.cluster_of.get(rep)
            if rep_cluster is not None:  # a copy of an already placed article joins its story
                for member in others:
                    self.infos[member].note = f"copy of {rep}; counted once"

    def _best(self, rep: str, vector: Vector, exclude_empty: bool = True) -> tuple[str | None, float]:
        info = self.infos[rep]
        day = info.day
        weights = self.params.weights.by_prefix()
        terms = {
            t: vector[t] * weights.get(t[0], 0.0)
            for t in top_terms(vector, "bten", self.params.candidate_terms)
        }
        best: tuple[str | None, float] = (None, 0.0)
        scored = 0
        for cid in self.postings.candidates(terms, self.params.max_posting):
            cluster = self.clusters.get(cid)
            if cluster is None or (exclude_empty and not cluster.reps):
                continue
            gap = date_gap(day, cluster.first, cluster.last)
            near = gap is not None and gap <= self.params.near_days
            if info.inferred:  # a guessed date can support, not separate
                gap = None
            if gap is not None and gap > self.params.window_days:
                continue
            scored += 1
            if scored > self.params.max_candidates:
                break
            sim = similarity(vector, cluster.centroid, cluster.norms, weights)
            sim *= time_decay(gap, self.params.grace_days, self.params.decay_days)
            if near:
                sim += self.params.near_bonus
            if sim > best[1]:
                best = (cid, sim)
        return best

    def _place(self, rep: str, vector: Vector) -> None:
        cid, sim = self._best(rep, vector)
        if cid is None or sim < self.params.threshold:
            cid = self._new_cluster_id(rep)
            self.clusters[cid] = Cluster(id=cid)
        self._join(cid, rep, vector)

    def _join(self, cid: str, rep: str, vector: Vector) -> None:
        cluster = self.clusters[cid]
        self.dirty.add(cid)
        cluster.add(rep, vector, self.infos[rep].firm_day, self.params.centroid_size)
        self.cluster_of[rep] = cid
        self.postings.index(cluster)

    def _refine(self, order: Sequence[Article], vectors: dict[str, Vector]) -> bool:
        """One re-assignment pass; True when some article moved."""
        moved = False
        for article in order:
            rep = article.id
            home = self.clusters[self.cluster_of[rep]]
            home.remove(rep, vectors[rep])
            self.dirty.add(home.id)
            cid, sim = self._best(rep, vectors[rep])
            if cid is None or sim < self.params.threshold:
                cid = home.id if not home.reps else self._new_cluster_id(rep)
                self.clusters.setdefault(cid, Cluster(id=cid))
            if cid != home.id:
                moved = True
            self._join(cid, rep, vectors[rep])
            if not home.reps:
                self._drop(home)
        for cluster in {self.clusters[self.cluster_of[a.id]].id for a in order}:
            c = self.clusters[cluster]
            c.reset_dates(self.infos[r].firm_day for r in c.reps)
        return moved

    def _drop(self, cluster: Cluster) -> None:
        self.dirty.add(cluster.id)
        self.postings.forget(cluster.id, cluster.indexed_terms())
        self.clusters.pop(cluster.id, None)

    def _new_cluster_id(self, rep: str) -> str:
        cid = "s" + short_id(rep)
        n = 1
        while cid in self.clusters:
            cid = "s" + short_id(rep, str(n))
            n += 1
        return cid

    def _rename_new(self, before: set[str]) -> None:
        """Stories founded in this batch are named after their earliest member, whatever the order."""
        renames: dict[str, str] = {}
        for cid in sorted(set(self.clusters) - before):
            reps = self.clusters[cid].reps
            founder = min(reps, key=lambda r: (self.infos[r].day is None, self.infos[r].day or 0, r))
            renames[cid] = "s" + short_id(founder)
        if len(set(renames.values()) | (set(self.clusters) - set(renames))) == len(self.clusters):
            self._rename(renames)

    def _explain(self, cluster: Cluster, vectors: dict[str, Vector]) -> None:
        from storyline.stories.describe import explain

        weights = self.params.weights.by_prefix()
        for rep in cluster.reps:
            vector = vectors.get(rep)
            if vector is not None:
                sim = similarity(vector, cluster.centroid, cluster.norms, weights)
                self.infos[rep].similarity = sim
                self.infos[rep].note = explain(vector, cluster, self.infos[rep], sim, len(cluster.reps))

    def adopt_ids(self, previous: Sequence[Story]) -> None:
        """Rename clusters to the id of the previous story they overlap most (each id used once)."""
        owner = {m: s.id for s in previous for m in s.articles}
        pairs: Counter[tuple[str, str]] = Counter()
        for cid, cluster in self.clusters.items():
            for rep in cluster.reps:
                for member in (rep, *self.copies_of.get(rep, ())):
                    if member in owner:
                        pairs[(cid, owner[member])] += 1
        renames: dict[str, str] = {}
        taken: set[str] = set()
        for (cid, old), _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
            if cid not in renames and old not in taken:
                renames[cid] = old
                taken.add(old)
        reserved = taken | {s.id for s in previous}
        for cid in sorted(self.clusters):
            if cid not in renames and cid in reserved:
                renames[cid] = "s" + short_id(cid, "split")
        self._rename(renames)

    def _rename(self, renames: dict[str, str]) -> None:
        moved = [self.clusters.pop(cid) for cid in sorted(renames) if cid != renames[cid]]
        for cluster in moved:
            self.postings.forget(cluster.id, cluster.indexed_terms())
            self.dirty.update((cluster.id, renames[cluster.id]))
            cluster.id = renames[cluster.id]
        for cluster in moved:
            self.clusters[cluster.id] = cluster
            self.postings.index(cluster)
            for rep in cluster.reps:
                self.cluster_of[rep] = cluster.id

    # ------------------------------------------------------------------ reading

    def stories(self, previous: Sequence[Story] = ()) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
        """Stories (largest first) and storylines; ``previous`` stories lend their ids by overlap."""
        from storyline.stories.describe import build_stories

        return build_stories(self, previous)

    def to_bytes(self) -> bytes:
        from storyline.stories.persist import dump

        return dump(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        from storyline.stories.persist import load

        return load(data)
