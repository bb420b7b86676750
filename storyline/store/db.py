"""SQLite store: one writer connection (WAL, BEGIN IMMEDIATE), read-only mode for viewers."""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from storyline.errors import NotFoundError, StoreError
from storyline.records import (
    Annotations,
    Article,
    Conflict,
    CopyGroup,
    Entity,
    ErrorRecord,
    Quote,
    Removed,
    Story,
    Storyline,
    Summary,
    TimeExpr,
    TimelineEntry,
    from_dict,
    to_dict,
)
from storyline.store import migrations

DEFAULT_DB = "storyline.db"
T = TypeVar("T")

DERIVED_KINDS: dict[str, type[Any]] = {
    "copy": CopyGroup,
    "storyline": Storyline,
    "entity": Entity,
    "quote": Quote,
    "timeline": TimelineEntry,
    "conflict": Conflict,
    "summary": Summary,
}


def default_path() -> str:
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """Access to one storyline database file."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise NotFoundError(
                        f"no storyline database at {self.path}", hint="run 'storyline analyze PATH' first"
                    )
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.row_factory = sqlite3.Row
            if not readonly:
                migrations.apply(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open database {self.path}: {exc}", hint="is it a storyline database?"
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: everything inside commits together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- runs and errors --------------------------------------------------------------------

    def begin_run(self, inputs: Sequence[str]) -> int:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(list(inputs)))
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, n_new: int, n_seen: int, n_errors: int) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE runs SET finished_at=?, status='done', n_new=?, n_seen=?, n_errors=? WHERE id=?",
                (_now(), n_new, n_seen, n_errors, run_id),
            )

    def incomplete_runs(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM runs WHERE status='running'").fetchone()[0])

    def add_error(self, run_id: int, err: ErrorRecord) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO errors (run_id, path, reason, at) VALUES (?, ?, ?, ?)",
                (run_id, err.path, err.reason, _now()),
            )

    # -- articles -----------------------------------------------------------------------------

    def article_id_for_raw(self, raw_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE raw_hash=?", (raw_hash,)).fetchone()
        return None if row is None else str(row[0])

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add_article(self, c: sqlite3.Connection, article: Article, raw_hash: str, run_id: int) -> None:
        c.execute(
            "INSERT INTO articles (id, raw_hash, content_hash, path, title, source, origin, url, published, "
            "published_inferred, language, dateline, authors, text, removed, run_id, added_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                raw_hash,
                article.content_hash,
                article.path,
                article.title,
                article.source,
                article.origin,
                article.url,
                article.published,
                int(article.published_inferred),
                article.language,
                article.dateline,
                json.dumps(list(article.authors)),
                article.text,
                json.dumps([to_dict(r) for r in article.removed]),
                run_id,
                _now(),
            ),
        )

    def set_published(
        self, c: sqlite3.Connection, article_id: str, published: str | None, inferred: bool
    ) -> None:
        c.execute(
            "UPDATE articles SET published=?, published_inferred=? WHERE id=?",
            (published, int(inferred), article_id),
        )

    def article(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT * FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2", (article_id + "%",)
            ).fetchall()
            if len(row) != 1:
                raise NotFoundError(
                    f"no article with id {article_id!r}", hint="list ids with 'storyline articles'"
                )
            row = row[0]
        return _article(row)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.conn.execute(
                "SELECT * FROM articles ORDER BY published IS NULL, published, id"
            ).fetchall()
            return [_article(r) for r in rows]
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        for chunk in _chunks(wanted, 500):
            q = f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update((r["id"], _article(r)) for r in self.conn.execute(q, chunk))
        return [found[i] for i in wanted if i in found]

    def count(self, table: str) -> int:
        if table not in {"articles", "errors", "runs", "stories"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def errors(self, run_id: int | None = None) -> list[ErrorRecord]:
        q, args = (
            ("SELECT path, reason FROM errors WHERE run_id=? ORDER BY id", (run_id,))
            if run_id
            else (
                "SELECT path, reason FROM errors ORDER BY id",
                (),
            )
        )
        return [ErrorRecord(r[0], r[1]) for r in self.conn.execute(q, args)]

    # -- per-article annotations ---------------------------------------------------------------

    def put_annotations(
        self,
        c: sqlite3.Connection,
        article_id: str,
        version: str,
        times: Sequence[TimeExpr],
        nlp: Annotations,
    ) -> None:
        c.execute(
            "INSERT OR REPLACE INTO annotations (article_id, version, times, nlp) VALUES (?,?,?,?)",
            (article_id, version, json.dumps(to_dict(list(times))), json.dumps(to_dict(nlp))),
        )

    def annotations(self, ids: Iterable[str]) -> dict[str, tuple[str, tuple[TimeExpr, ...], Annotations]]:
        out: dict[str, tuple[str, tuple[TimeExpr, ...], Annotations]] = {}
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT * FROM annotations WHERE article_id IN ({','.join('?' * len(chunk))})"
            for r in self.conn.execute(q, chunk):
                times = tuple(from_dict(TimeExpr, t) for t in json.loads(r["times"]))
                out[r["article_id"]] = (r["version"], times, from_dict(Annotations, json.loads(r["nlp"])))
        return out

    # -- learned chrome lines ------------------------------------------------------------------

    def source_lines(self, sources: Iterable[str]) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for s in set(sources):
            rows = self.conn.execute("SELECT line, n_docs FROM source_lines WHERE source=?", (s,))
            out[s] = Counter({r[0]: int(r[1]) for r in rows})
        return out

    def add_source_lines(self, c: sqlite3.Connection, source: str, lines: Iterable[str]) -> None:
        c.executemany(
            "INSERT INTO source_lines (source, line, n_docs) VALUES (?, ?, 1) "
            "ON CONFLICT(source, line) DO UPDATE SET n_docs = n_docs + 1",
            [(source, ln) for ln in set(lines)],
        )

    # -- persisted stage state -------------------------------------------------------------------

    def get_state(self, name: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM state WHERE name=?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def put_state(self, c: sqlite3.Connection, name: str, data: bytes) -> None:
        c.execute(
            "INSERT OR REPLACE INTO state (name, data, updated_at) VALUES (?,?,?)", (name, data, _now())
        )

    # -- corpus-level results -------------------------------------------------------------------

    def write_results(
        self,
        c: sqlite3.Connection,
        stories: Sequence[Story],
        storylines: Sequence[Storyline],
        copies: Sequence[CopyGroup],
        per_story: dict[str, dict[str, Sequence[Any]]],
        vanished: Iterable[str] = (),
        *,
        gone_storylines: Iterable[str] = (),
        gone_copies: Iterable[str] = (),
    ) -> None:
        """Write corpus results: the given (new or changed) stories, storylines and copy groups; the
        per-story results (entities, quotes, timeline, conflicts, summary) of the stories in
        ``per_story``; and drop what belonged to ``vanished`` stories and the ``gone_storylines``
        and ``gone_copies``. Records not given stay as stored, so a small addition to a large
        store writes little."""
        vanished = set(vanished)
        gone = vanished | set(per_story)
        c.executemany("DELETE FROM derived WHERE story=?", [(s,) for s in gone])
        c.executemany("DELETE FROM stories WHERE id=?", [(s,) for s in vanished])
        c.executemany("DELETE FROM derived WHERE kind='storyline' AND id=?", [(i,) for i in gone_storylines])
        c.executemany("DELETE FROM derived WHERE kind='copy' AND id=?", [(i,) for i in gone_copies])
        for s in stories:
            c.execute(
                "INSERT OR REPLACE INTO stories (id, title, first, last, storyline, data) VALUES (?,?,?,?,?,?)",
                (s.id, s.title, s.first, s.last, s.storyline, json.dumps(to_dict(s))),
            )
        c.executemany(
            "DELETE FROM story_articles WHERE story_id=?",
            [(s,) for s in {*vanished, *(s.id for s in stories)}],
        )
        c.executemany(
            "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?,?)",
            [(s.id, a) for s in stories for a in s.articles],
        )
        self._insert(c, "copy", copies, None)
        self._insert(c, "storyline", storylines, None)
        for story_id, kinds in per_story.items():
            for kind, records in kinds.items():
                self._insert(c, kind, records, story_id)

    def derived_ids(self, kind: str) -> set[str]:
        """Ids of the stored corpus-level records (``copy``, ``storyline``) of one kind."""
        return {
            r[0] for r in self.conn.execute("SELECT id FROM derived WHERE kind=? AND story IS NULL", (kind,))
        }

    def stories_by_id(self, ids: Iterable[str]) -> dict[str, Story]:
        """The stored stories among ``ids`` (absent ids are left out)."""
        out: dict[str, Story] = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            q = f"SELECT id, data FROM stories WHERE id IN ({','.join('?' * len(chunk))})"
            out.update((r[0], from_dict(Story, json.loads(r[1]))) for r in self.conn.execute(q, chunk))
        return out

    def story_ids_of(self, article_ids: Iterable[str]) -> set[str]:
        """Ids of the stored stories holding any of ``article_ids``."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(article_ids)), 500):
            q = f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({','.join('?' * len(chunk))})"
            out.update(r[0] for r in self.conn.execute(q, chunk))
        return out

    def _insert(self, c: sqlite3.Connection, kind: str, records: Sequence[Any], story: str | None) -> None:
        rows = [
            (
                kind,
                f"{story}/{_derived_id(r, n)}" if story else _derived_id(r, n),
                story,
                json.dumps(to_dict(r)),
            )
            for n, r in enumerate(records)
        ]
        c.executemany("INSERT OR REPLACE INTO derived (kind, id, story, data) VALUES (?,?,?,?)", rows)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def stale_annotation_ids(self, version: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id "
            "WHERE n.version IS NULL OR n.version != ? ORDER BY a.rowid",
            (version,),
        )
        return [r[0] for r in rows]

    def published_of(self, ids: Iterable[str]) -> dict[str, tuple[str | None, bool]]:
        out: dict[str, tuple[str | None, bool]] = {}
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT id, published, published_inferred FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            out.update((r[0], (r[1], bool(r[2]))) for r in self.conn.execute(q, chunk))
        return out

    def stories(self) -> list[Story]:
        rows = self.conn.execute("SELECT data FROM stories ORDER BY last IS NULL, last DESC, id")
        return [from_dict(Story, json.loads(r[0])) for r in rows]

    def story(self, story_id: str) -> Story:
        row = self.conn.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute(
                "SELECT data FROM stories WHERE id LIKE ? LIMIT 2", (story_id + "%",)
            ).fetchall()
            if len(rows) != 1:
                raise NotFoundError(
                    f"no story with id {story_id!r}", hint="list ids with 'storyline stories'"
                )
            row = rows[0]
        return from_dict(Story, json.loads(row[0]))

    def derived(self, kind: str, story: str | None = None) -> list[Any]:
        cls = DERIVED_KINDS[kind]
        if story is None:
            rows = self.conn.execute("SELECT data FROM derived WHERE kind=? ORDER BY rowid", (kind,))
        else:
            rows = self.conn.execute(
                "SELECT data FROM derived WHERE kind=? AND story=? ORDER BY rowid", (kind, story)
            )
        return [from_dict(cls, json.loads(r[0])) for r in rows]


def _derived_id(record: Any, n: int) -> str:
    rid = getattr(record, "id", None)
    return str(rid) if rid else str(n)


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        text=row["text"],
        content_hash=row["content_hash"],
        source=row["source"],
        origin=row["origin"],
        url=row["url"],
        published=row["published"],
        published_inferred=bool(row["published_inferred"]),
        language=row["language"],
        dateline=row["dateline"],
        authors=tuple(json.loads(row["authors"])),
        removed=tuple(from_dict(Removed, r) for r in json.loads(row["removed"])),
    )


def _chunks(items: list[T], n: int) -> Iterator[list[T]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
