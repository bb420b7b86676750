"""(De)serialise a StoryIndex as zlib-compressed JSON (versioned), for the SQLite store."""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Any

from storyline.errors import StoreError
from storyline.stories.clusters import Cluster, Postings
from storyline.stories.info import ArticleInfo
from storyline.stories.params import StoryParams
from storyline.stories.vectors import FieldWeights, Vocabulary

if TYPE_CHECKING:
    from storyline.stories.index import StoryIndex

__all__ = ["dump", "load"]

FORMAT = "storyline.story-index/5"
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
