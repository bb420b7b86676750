"""The copy index and the story index as rows: read on demand, written back by what changed.

A run reads the copy index's row table (article id and union-find parent per article) and the
story index's cluster and article ids up front; groups, anchors, LSH band buckets, clusters,
article notes, document frequencies and posting lists are fetched when placing new articles
needs them. Saving writes only the rows the run changed, inside the caller's transaction, so a
killed run leaves the previous rows in place. Each index has a meta row in ``state`` with its
format; another format reads as absent and the caller rebuilds from the stored articles.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from itertools import repeat
from typing import Any

import numpy as np

from storyline.copies.index import FORMAT as COPY_FORMAT
from storyline.copies.index import CopyChanges, CopySource, IndexParams
from storyline.records import CopyGroup, from_dict, to_dict
from storyline.stories.persist import ROWS_FORMAT, StoryChanges, StorySource

COPY_META = "copies.rows"
STORY_META = "stories.rows"
_CHUNK = 500

__all__ = ["COPY_META", "STORY_META", "copy_source", "story_source", "write_copies", "write_stories"]


def _meta(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data FROM state WHERE name=?", (name,)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(bytes(row[0]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _put_meta(c: sqlite3.Connection, name: str, data: str) -> None:
    c.execute(
        "INSERT OR REPLACE INTO state (name, data, updated_at) "
        "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
        (name, data.encode("utf-8")),
    )


def _chunks(items: Sequence[Any], n: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


# ------------------------------------------------------------------------------------ copies


def copy_source(conn: sqlite3.Connection) -> CopySource | None:
    """The stored copy index, or None when there is none in the current format."""
    meta = _meta(conn, COPY_META)
    if meta is None or meta.get("format") != COPY_FORMAT:
        return None
    ids: list[str] = []
    parents: list[int] = []
    for n, (row, aid, parent) in enumerate(
        conn.execute("SELECT row, id, parent FROM copy_rows ORDER BY row")
    ):
        if row != n:
            return None  # rows must be 0..n-1
        ids.append(aid)
        parents.append(parent)
    roots = [r[0] for r in conn.execute("SELECT root FROM copy_groups")]

    def members(root: int) -> list[int] | None:
        row = conn.execute("SELECT members FROM copy_groups WHERE root=?", (root,)).fetchone()
        return None if row is None else list(json.loads(row[0]))

    def group(root: int) -> CopyGroup | None:
        row = conn.execute("SELECT data FROM copy_groups WHERE root=?", (root,)).fetchone()
        return None if row is None or row[0] is None else from_dict(CopyGroup, json.loads(row[0]))

    def anchor(root: int) -> tuple[int, int] | None:
        row = conn.execute("SELECT shingles, row FROM copy_anchors WHERE root=?", (root,)).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def bands(band: int, keys: Sequence[int], cap: int) -> Mapping[int, Sequence[int]]:
        found: dict[int, list[int]] = {}
        for chunk in _chunks(keys):
            q = (
                f"SELECT key, row FROM copy_bands WHERE band=? AND key IN ({','.join('?' * len(chunk))}) "
                "ORDER BY key, row"
            )
            for key, row in conn.execute(q, (band, *chunk)):
                rows = found.setdefault(key, [])
                if len(rows) < cap:
                    rows.append(row)
        return found

    return CopySource(
        params=IndexParams(**meta["params"]),
        ids=ids,
        parents=parents,
        roots=roots,
        members=members,
        group=group,
        anchor=anchor,
        bands=bands,
    )


def write_copies(c: sqlite3.Connection, ch: CopyChanges) -> None:
    """Write a copy index's changes (all of it when ``ch.everything``) in the open transaction."""
    if ch.everything:
        for table in ("copy_rows", "copy_groups", "copy_anchors", "copy_bands"):
            c.execute(f"DELETE FROM {table}")
    c.executemany("INSERT OR REPLACE INTO copy_rows (row, id, parent) VALUES (?,?,?)", ch.rows)
    c.executemany("DELETE FROM copy_groups WHERE root=?", [(r,) for r, m, _ in ch.groups if m is None])
    c.executemany(
        "INSERT OR REPLACE INTO copy_groups (root, members, data) VALUES (?,?,?)",
        [
            (r, json.dumps(m), None if g is None else json.dumps(to_dict(g)))
            for r, m, g in ch.groups
            if m is not None
        ],
    )
    c.executemany("DELETE FROM copy_anchors WHERE root=?", [(r,) for r, a in ch.anchors if a is None])
    c.executemany(
        "INSERT OR REPLACE INTO copy_anchors (root, shingles, row) VALUES (?,?,?)",
        [(r, a[0], a[1]) for r, a in ch.anchors if a is not None],
    )
    for band, keys, rows in ch.bands:
        order = np.argsort(keys, kind="stable")  # in key order: appends to the b-tree, not random inserts
        c.executemany(
            "INSERT OR IGNORE INTO copy_bands (band, key, row) VALUES (?,?,?)",
            zip(repeat(band), keys[order].tolist(), rows[order].tolist(), strict=False),
        )
    meta = {"format": COPY_FORMAT, "params": asdict(ch.params)}
    _put_meta(c, COPY_META, json.dumps(meta))


# ------------------------------------------------------------------------------------ stories


def story_source(conn: sqlite3.Connection) -> StorySource | None:
    """The stored story index, or None when there is none in the current format."""
    meta = _meta(conn, STORY_META)
    if meta is None or meta.get("format") != ROWS_FORMAT:
        return None

    def one(sql: str) -> Any:
        def fetch(key: str) -> Any:
            row = conn.execute(sql, (key,)).fetchone()
            return None if row is None else row[0]

        return fetch

    def centroid(cid: str) -> tuple[str, bytes, str] | None:
        row = conn.execute("SELECT keys, weights, norms FROM story_clusters WHERE id=?", (cid,)).fetchone()
        return None if row is None else (row[0], bytes(row[1]), row[2])

    def dfs(terms: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(terms):
            q = f"SELECT term, df FROM story_terms WHERE term IN ({','.join('?' * len(chunk))})"
            found.update(conn.execute(q, chunk))
        return found

    def postings(term: str) -> set[str] | None:
        found = {r[0] for r in conn.execute("SELECT cluster FROM story_postings WHERE term=?", (term,))}
        return found or None

    return StorySource(
        meta=json.dumps(meta),
        clusters=[tuple(r) for r in conn.execute("SELECT id, reps, first, last FROM story_clusters")],
        info_ids=[r[0] for r in conn.execute("SELECT id FROM story_infos")],
        centroid=centroid,
        info=one("SELECT data FROM story_infos WHERE id=?"),
        cluster_of=one("SELECT cluster FROM story_infos WHERE id=?"),
        copies_of=one("SELECT copies FROM story_infos WHERE id=?"),
        df=one("SELECT df FROM story_terms WHERE term=?"),
        dfs=dfs,
        postings=postings,
    )


def write_stories(c: sqlite3.Connection, ch: StoryChanges) -> None:
    """Write a story index's changes (all of it when ``ch.everything``) in the open transaction."""
    if ch.everything:
        for table in ("story_clusters", "story_postings", "story_infos", "story_terms"):
            c.execute(f"DELETE FROM {table}")
        postings: Iterable[tuple[str, str]] = sorted(
            (term, row[0]) for row in ch.clusters for term in json.loads(row[4])
        )
        c.executemany("INSERT OR IGNORE INTO story_postings (term, cluster) VALUES (?,?)", postings)
    else:
        _update_postings(c, ch)
    c.executemany("DELETE FROM story_clusters WHERE id=?", [(cid,) for cid in ch.gone_clusters])
    c.executemany(
        "INSERT OR REPLACE INTO story_clusters (id, reps, first, last, terms, keys, weights, norms) "
        "VALUES (?,?,?,?,?,?,?,?)",
        ch.clusters,
    )
    c.executemany(
        "INSERT INTO story_infos (id, data) VALUES (?,?) ON CONFLICT(id) DO UPDATE SET data=excluded.data",
        ch.infos,
    )
    c.executemany("UPDATE story_infos SET cluster=? WHERE id=?", [(cid, rep) for rep, cid in ch.cluster_of])
    c.executemany("UPDATE story_infos SET copies=? WHERE id=?", [(cp, rep) for rep, cp in ch.copies_of])
    c.executemany("INSERT OR REPLACE INTO story_terms (term, df) VALUES (?,?)", sorted(ch.df))
    _put_meta(c, STORY_META, ch.meta)


def _update_postings(c: sqlite3.Connection, ch: StoryChanges) -> None:
    """Posting rows follow each changed cluster's indexed terms: drop the old, add the new."""
    new = {row[0]: set(json.loads(row[4])) for row in ch.clusters}
    new.update((cid, set()) for cid in ch.gone_clusters)
    old: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(new)):
        q = f"SELECT id, terms FROM story_clusters WHERE id IN ({','.join('?' * len(chunk))})"
        old.update((cid, set(json.loads(terms))) for cid, terms in c.execute(q, chunk))
    drop = sorted((t, cid) for cid, terms in old.items() for t in terms - new[cid])
    add = sorted((t, cid) for cid, terms in new.items() for t in terms - old.get(cid, set()))
    c.executemany("DELETE FROM story_postings WHERE term=? AND cluster=?", drop)
    c.executemany("INSERT OR IGNORE INTO story_postings (term, cluster) VALUES (?,?)", add)
