"""The incremental step of bench/scale.py through the real store (SQLite), phase by phase.

``seed`` writes what a run over the first ``size`` articles leaves in a store: the articles (with
empty annotations of the current version, so no NLP runs), the stories, storylines and copy
groups, and both indexes as rows. ``add`` is a later run: 100 new articles go into the store and
``storyline.refresh.refresh`` runs as ``storyline analyze`` runs it, with timers around its
phases: opening the indexes (what is read up front), fetching rows on demand (inside placing),
placing the articles (copies, stories), reading back the stories that changed, per-story
analysis (empty annotations here, so it is cheaper than in a real run), and saving (the changed
rows, results and index rows, in one transaction).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyline import refresh as corpus
from storyline import stories as stories_mod
from storyline.copies import CopyIndex
from storyline.pipeline import annotation_version
from storyline.records import Annotations, Article, CopyGroup, Story, Storyline
from storyline.store import Store, indexes
from storyline.stories import StoryIndex


class Timers:
    """Wall time of wrapped functions, by phase; ``undo`` restores them."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._undo: list[tuple[Any, str, Any]] = []

    def timed(self, fn: Callable[..., Any], key: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[key] += time.perf_counter() - t
                self.cpu[key] += time.process_time() - cpu
                self.calls[key] += 1

        return run

    def wrap(self, owner: Any, name: str, key: str) -> None:
        fn = getattr(owner, name)
        self._undo.append((owner, name, fn))
        setattr(owner, name, self.timed(fn, key))

    def fetches(self, owner: Any, name: str, fields: Sequence[str]) -> None:
        """Time the on-demand fetches of the source that ``owner.name`` returns."""
        make = getattr(owner, name)

        def source(*args: Any) -> Any:
            found = make(*args)
            if found is None:
                return None
            return dataclasses.replace(found, **{f: self.timed(getattr(found, f), "fetch") for f in fields})

        self._undo.append((owner, name, make))
        setattr(owner, name, source)

    def commits(self) -> None:
        """Time the COMMIT of every store transaction."""
        original = Store.transaction
        seconds = self.seconds

        @contextmanager
        def transaction(store: Store) -> Iterator[sqlite3.Connection]:
            store.conn.execute("BEGIN IMMEDIATE")
            try:
                yield store.conn
            except BaseException:
                store.conn.execute("ROLLBACK")
                raise
            t = time.perf_counter()
            store.conn.execute("COMMIT")
            seconds["commit"] += time.perf_counter() - t

        self._undo.append((Store, "transaction", original))
        Store.transaction = transaction  # type: ignore[method-assign]

    def undo(self) -> None:
        for owner, name, fn in reversed(self._undo):
            setattr(owner, name, fn)


def _add_articles(store: Store, articles: Sequence[Article]) -> None:
    run = store.begin_run(["bench"])
    version = annotation_version()
    with store.transaction() as c:
        for a in articles:
            store.add_article(c, a, "bench" + a.id, run)
            store.put_annotations(c, a.id, version, (), Annotations(article=a.id))


def seed(
    path: str,
    articles: Sequence[Article],
    cindex: CopyIndex,
    sindex: StoryIndex,
    stories: Sequence[Story],
    storylines: Sequence[Storyline],
    groups: Sequence[CopyGroup],
) -> dict[str, Any]:
    """Write the store a run over ``articles`` leaves (the indexes are already built)."""
    with Store(path) as store:
        _add_articles(store, articles)
        t = time.perf_counter()
        with store.transaction() as c:
            store.write_results(c, stories, storylines, groups, {}, ())
            indexes.write_copies(c, cindex.changes())
            indexes.write_stories(c, stories_mod.persist.changes(sindex))
            store.put_state(c, corpus.ANALYSIS_STATE, corpus.analysis_version().encode())
        written = time.perf_counter() - t
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"store_seed_write_s": round(written, 2), "store_mib": round(_size(path) / 2**20, 1)}


def add(path: str, extra: Sequence[Article]) -> dict[str, Any]:
    """A later run adding ``extra`` through ``storyline.refresh``; wall seconds per phase."""
    timers = Timers()
    timers.fetches(indexes, "copy_source", ("members", "group", "anchor", "bands"))
    timers.fetches(
        indexes, "story_source", ("centroid", "info", "cluster_of", "copies_of", "df", "dfs", "postings")
    )
    timers.wrap(corpus, "_copy_index", "open")
    timers.wrap(corpus, "_story_index", "open")
    timers.wrap(CopyIndex, "add", "copies_add")
    timers.wrap(StoryIndex, "add", "stories_add")
    timers.wrap(stories_mod, "update_stories", "read")
    timers.wrap(corpus, "analyze_story", "analysis")
    timers.wrap(CopyIndex, "changes", "save")
    timers.wrap(stories_mod.persist, "changes", "save")
    timers.wrap(Store, "write_results", "save")
    timers.wrap(indexes, "write_copies", "save")
    timers.wrap(indexes, "write_stories", "save")
    try:
        with Store(path) as store:
            _add_articles(store, extra)
            timers.commits()
            wal0 = _size(path + "-wal")
            t, cpu = time.perf_counter(), time.process_time()
            corpus.refresh(store, progress=lambda *_: None)
            total, cpu = time.perf_counter() - t, time.process_time() - cpu
            wal = _size(path + "-wal") - wal0
    finally:
        timers.undo()
    phases = ("open", "copies_add", "stories_add", "read", "analysis", "save", "commit")
    result: dict[str, Any] = {}
    for unit, spent, whole in (("s", timers.seconds, total), ("cpu_s", timers.cpu, cpu)):
        for phase in phases:
            result[f"store_add{len(extra)}_{phase}_{unit}"] = round(spent[phase], 3)
        result[f"store_add{len(extra)}_other_{unit}"] = round(whole - sum(spent[p] for p in phases), 3)
        result[f"store_add{len(extra)}_total_{unit}"] = round(whole, 3)
        result[f"store_add{len(extra)}_fetch_{unit}"] = round(spent["fetch"], 3)  # inside the phases above
    result[f"store_add{len(extra)}_fetches"] = timers.calls["fetch"]
    result[f"store_add{len(extra)}_wal_mib"] = round(wal / 2**20, 1)
    return result


def _size(path: str) -> int:
    return Path(path).stat().st_size if Path(path).exists() else 0
