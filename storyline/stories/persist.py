"""Persist a StoryIndex: as rows a store reads on demand (:func:`open_index`, :func:`changes`), or
whole as zlib-compressed JSON (:func:`dump`, :func:`load`). Both are versioned.

As rows, a run reads the cluster ids and article ids up front and every cluster, article note,
document frequency and posting list only when placing or describing needs it; saving writes the
clusters that changed (``StoryIndex.dirty`` remembers them), their posting rows, and the notes,
frequencies and copy lists that were written or changed in place.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.errors import StoreError
from storyline.lazy import LazyCounter, LazyMap, TrackingSet
from storyline.stories.clusters import Cluster, Postings
from storyline.stories.info import ArticleInfo
from storyline.stories.params import StoryParams
from storyline.stories.vectors import FieldWeights, Vocabulary

if TYPE_CHECKING:
    from storyline.stories.index import StoryIndex

__all__ = ["ROWS_FORMAT", "StoryChanges", "StorySource", "changes", "dump", "load", "open_index"]

FORMAT = "storyline.story-index/5"
ROWS_FORMAT = "storyline.story-rows/1"
_INFO_FIELDS = tuple(f.name for f in dataclasses.fields(ArticleInfo))


def dump(index: StoryIndex) -> bytes:
    data = {
        "format": FORMAT,
        "params": dataclasses.asdict(index.params),
        "n_docs": index.vocabulary.n_docs,
        "df": dict(index.vocabulary.df),
        "clusters": [
            [c.id, c.reps, c.centroid, c.first, c.last]
            for c in sorted(index.clusters.values(), key=lambda c: c.id)
        ],
        "infos": [[getattr(i, f) for f in _INFO_FIELDS] for i in index.infos.values()],
        "copies_of": index.copies_of,
        "storyline_of": index.storyline_of,
        "links": {cid: sorted(others) for cid, others in sorted(index.links.items()) if others},
        "dirty": sorted(index.dirty),
    }
    # level 1: the blob is rewritten after every run, where speed matters more than a few per cent of size
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 1)


def load(blob: bytes) -> StoryIndex:
    from storyline.stories.index import StoryIndex

    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError("the saved story index is unreadable", hint="rebuild it from the articles") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(
            f"the saved story index is not in format {FORMAT}", hint="rebuild it from the articles"
        )
    index = StoryIndex(
        params=_params(data["params"]), vocabulary=Vocabulary(data["n_docs"], Counter(data["df"]))
    )
    for cid, reps, centroid, first, last in data["clusters"]:
        cluster = Cluster(id=cid, reps=list(reps), centroid=dict(centroid), first=first, last=last)
        cluster.norms = _norms(cluster)
        index.clusters[cid] = cluster
        index.postings.index(cluster)
        index.cluster_of.update(dict.fromkeys(reps, cid))
    for row in data["infos"]:
        info = ArticleInfo(*row)
        index.infos[info.id] = info
    index.copies_of = {k: list(v) for k, v in data["copies_of"].items()}
    index.storyline_of = dict(data["storyline_of"])
    index.links = {cid: set(others) for cid, others in data["links"].items()}
    index.dirty = set(data["dirty"])
    index.postings = index.postings if index.postings.lists else Postings()
    return index


def _norms(cluster: Cluster) -> dict[str, float]:
    from storyline.stories.vectors import field_norms

    return field_norms(cluster.centroid)


def _params(raw: dict[str, Any]) -> StoryParams:
    fields = {f.name for f in dataclasses.fields(StoryParams)}
    values = {k: v for k, v in raw.items() if k in fields}
    for key in ("weights", "storyline_weights", "split_weights"):
        if key in values:
            values[key] = FieldWeights(**values[key])
    return StoryParams(**values)


# ---------------------------------------------------------------------------------------- as rows

# id, reps, first, last, posting terms, centroid keys (JSON), centroid weights (float64), norms (JSON)
ClusterRow = tuple[str, str, int | None, int | None, str, str, bytes, str]
Centroid = tuple[str, bytes, str]  # keys, weights, norms as in a ClusterRow


@dataclass(frozen=True, slots=True)
class StorySource:
    """A persisted story index as a store offers it: ids up front, the rest fetched on demand."""

    meta: str  # JSON: format, params, n_docs, storyline_of, links, dirty
    clusters: list[tuple[str, str, int | None, int | None]]  # id, reps (JSON), first, last
    info_ids: list[str]
    centroid: Callable[[str], Centroid | None]
    info: Callable[[str], str | None]
    cluster_of: Callable[[str], str | None]
    copies_of: Callable[[str], str | None]
    df: Callable[[str], int | None]
    dfs: Callable[[list[str]], dict[str, int]]  # several terms at once (absent ones left out)
    postings: Callable[[str], set[str] | None]


@dataclass(frozen=True, slots=True)
class StoryChanges:
    """Rows to write: everything (``everything``: replace what is stored) or what a run changed."""

    everything: bool
    meta: str
    clusters: tuple[ClusterRow, ...]  # new or changed
    gone_clusters: tuple[str, ...]
    infos: tuple[tuple[str, str], ...]
    cluster_of: tuple[tuple[str, str], ...]
    copies_of: tuple[tuple[str, str], ...]
    df: tuple[tuple[str, int], ...]


def open_index(source: StorySource) -> StoryIndex:
    """A StoryIndex over stored rows (raises StoreError when they are in another format)."""
    from storyline.stories.index import StoryIndex

    meta = json.loads(source.meta)
    if not isinstance(meta, dict) or meta.get("format") != ROWS_FORMAT:
        raise StoreError(
            f"the saved story index is not in format {ROWS_FORMAT}", hint="rebuild it from the articles"
        )

    def info(aid: str) -> ArticleInfo | None:
        raw = source.info(aid)
        return None if raw is None else ArticleInfo(*json.loads(raw))

    def copies(rep: str) -> list[str] | None:
        raw = source.copies_of(rep)
        return None if raw is None else list(json.loads(raw))

    return StoryIndex(
        params=_params(meta["params"]),
        vocabulary=Vocabulary(meta["n_docs"], LazyCounter(source.df, source.dfs)),
        clusters={
            cid: _StoredCluster(cid, json.loads(reps), first, last, source.centroid)
            for cid, reps, first, last in source.clusters
        },
        infos=LazyMap(info, keys=source.info_ids, snapshot=_info_json),
        cluster_of=LazyMap(source.cluster_of),
        copies_of=LazyMap(copies, snapshot=tuple),
        storyline_of=dict(meta["storyline_of"]),
        postings=Postings(LazyMap(source.postings)),
        links={cid: set(others) for cid, others in meta["links"].items()},
        dirty=TrackingSet(meta["dirty"]),
    )


class _StoredCluster(Cluster):
    """A stored cluster: members and dates read up front (candidate stories are filtered by date),
    the centroid and its norms read when a similarity needs them."""

    __slots__ = ("_fetch",)

    def __init__(
        self,
        cid: str,
        reps: list[str],
        first: int | None,
        last: int | None,
        fetch: Callable[[str], Centroid | None],
    ) -> None:
        super().__init__(id=cid, reps=reps, first=first, last=last)
        self._fetch: Callable[[], Centroid | None] | None = lambda: fetch(cid)  # the stored id, if renamed

    def _read(self) -> None:
        fetch, self._fetch = self._fetch, None
        if fetch is not None:
            row = fetch()
            if row is None:
                raise StoreError(f"story {self.id} has no stored centroid", hint="rebuild the index")
            keys, weights, norms = row
            _CENTROID.__set__(self, dict(zip(json.loads(keys), array("d", weights), strict=True)))
            _NORMS.__set__(self, json.loads(norms))

    @property
    def centroid(self) -> dict[str, float]:
        self._read()
        return _CENTROID.__get__(self, Cluster)  # type: ignore[no-any-return]

    @centroid.setter
    def centroid(self, value: dict[str, float]) -> None:
        self._fetch = None
        _CENTROID.__set__(self, value)

    @property
    def norms(self) -> dict[str, float]:
        self._read()
        return _NORMS.__get__(self, Cluster)  # type: ignore[no-any-return]

    @norms.setter
    def norms(self, value: dict[str, float]) -> None:
        _NORMS.__set__(self, value)


_CENTROID: Any = Cluster.__dict__["centroid"]
_NORMS: Any = Cluster.__dict__["norms"]


def changes(index: StoryIndex) -> StoryChanges:
    """The rows that hold ``index``: all of them for an index built in memory (or read whole),
    only the changed ones for an index from :func:`open_index`."""
    meta = json.dumps(
        {
            "format": ROWS_FORMAT,
            "params": dataclasses.asdict(index.params),
            "n_docs": index.vocabulary.n_docs,
            "storyline_of": index.storyline_of,
            "links": {cid: sorted(others) for cid, others in sorted(index.links.items()) if others},
            "dirty": sorted(index.dirty),
        },
        separators=(",", ":"),
    )
    infos, copies_of, cluster_of = index.infos, index.copies_of, index.cluster_of
    if not isinstance(infos, LazyMap) or not isinstance(index.dirty, TrackingSet):
        return StoryChanges(
            everything=True,
            meta=meta,
            clusters=tuple(_cluster_row(c) for c in index.clusters.values()),
            gone_clusters=(),
            infos=tuple((aid, _info_json(i)) for aid, i in infos.items()),
            cluster_of=tuple(cluster_of.items()),
            copies_of=tuple((rep, _json(others)) for rep, others in copies_of.items()),
            df=tuple(index.vocabulary.df.items()),
        )
    touched = sorted(index.dirty.ever)
    df = index.vocabulary.df
    assert isinstance(copies_of, LazyMap) and isinstance(cluster_of, LazyMap) and isinstance(df, LazyCounter)
    return StoryChanges(
        everything=False,
        meta=meta,
        clusters=tuple(_cluster_row(index.clusters[c]) for c in touched if c in index.clusters),
        gone_clusters=tuple(c for c in touched if c not in index.clusters),
        infos=tuple((aid, _info_json(infos[aid])) for aid in sorted(infos.changed())),
        cluster_of=tuple((rep, cluster_of[rep]) for rep in sorted(cluster_of.written) if rep in cluster_of),
        copies_of=tuple(
            (rep, _json(copies_of[rep])) for rep in sorted(copies_of.changed()) if rep in copies_of
        ),
        df=tuple((t, df[t]) for t in sorted(df.written)),
    )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _info_json(info: ArticleInfo) -> str:
    return _json([getattr(info, f) for f in _INFO_FIELDS])


def _cluster_row(cluster: Cluster) -> ClusterRow:
    """A cluster as a row; the centroid keeps its key order (sums over it depend on the order)."""
    centroid = cluster.centroid
    return (
        cluster.id,
        _json(cluster.reps),
        cluster.first,
        cluster.last,
        _json(cluster.indexed_terms()),
        _json(list(centroid)),
        array("d", centroid.values()).tobytes(),
        _json(_norms(cluster)),
    )
