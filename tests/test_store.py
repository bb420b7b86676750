"""The SQLite store: migrations, idempotent runs, and consistency after a crash mid-run."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS, apply
from tests.chrome_samples import BODY

GOLDEN = Path(__file__).parent / "golden" / "schema.sql"


def write_corpus(d: Path, n: int = 3) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(BODY[i:] + BODY[:i])
        (d / f"{i}.txt").write_text(f"Dam dispute report number {i}\n\n{body}\n\nNote {i} of the desk.")
    return d


def schema(conn: sqlite3.Connection) -> str:
    rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name")
    return "\n".join(r[0].strip() + ";" for r in rows) + "\n"


def test_migrations_are_recorded_and_safe_to_rerun(db_path: str) -> None:
    with Store(db_path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name FROM _migrations")]
        assert names == [n for n, _ in MIGRATIONS]
        assert apply(s.conn) == []


def test_schema_matches_golden_file(db_path: str) -> None:
    with Store(db_path) as s:
        current = schema(s.conn)
    if os.environ.get("STORYLINE_UPDATE_GOLDEN"):
        GOLDEN.write_text(current)
    assert current == GOLDEN.read_text(), "schema changed: add a migration, then STORYLINE_UPDATE_GOLDEN=1"


def test_wal_mode(db_path: str) -> None:
    with Store(db_path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerun_adds_nothing_twice(tmp_path: Path, db_path: str) -> None:
    corpus = write_corpus(tmp_path / "c")
    with Store(db_path) as s:
        first = pipeline.analyze([str(corpus)], s)
        second = pipeline.analyze([str(corpus)], s)
        assert len(first.new_ids) == 3
        assert second.new_ids == ()
        assert second.article_ids == first.article_ids
        assert s.count("articles") == 3


def test_readonly_store_refuses_writes(tmp_path: Path, db_path: str) -> None:
    with Store(db_path) as s:
        pipeline.analyze([str(write_corpus(tmp_path / "c", 1))], s)
    with Store(db_path, readonly=True) as ro:
        assert ro.count("articles") == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM articles")


def test_crash_inside_a_batch_leaves_nothing_half_written(
    tmp_path: Path, db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "c")
    calls = {"n": 0}
    original = Store.put_annotations

    def dying(self, c, *args):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")
        return original(self, c, *args)

    with Store(db_path) as s:
        monkeypatch.setattr(Store, "put_annotations", dying)
        with pytest.raises(KeyboardInterrupt):
            pipeline.analyze([str(corpus)], s)
        monkeypatch.setattr(Store, "put_annotations", original)
        assert s.count("articles") == 0  # the batch rolled back as a whole
        assert s.incomplete_runs() == 1
        result = pipeline.analyze([str(corpus)], s)
        assert len(result.new_ids) == 3
        assert s.count("articles") == 3


def test_crash_before_corpus_stages_is_completed_by_next_run(
    tmp_path: Path, db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "c")
    with Store(db_path) as s:
        monkeypatch.setattr(
            pipeline, "refresh", lambda store, progress=None: (_ for _ in ()).throw(KeyboardInterrupt)
        )
        with pytest.raises(KeyboardInterrupt):
            pipeline.analyze([str(corpus)], s)
        monkeypatch.undo()
        assert s.count("articles") == 3 and s.count("stories") == 0
        pipeline.analyze([str(corpus)], s)
        in_stories = {a for st in s.stories() for a in st.articles}
        assert in_stories == {a.id for a in s.articles()}


def test_exact_article_ids_are_kept_from_json(tmp_path: Path, db_path: str) -> None:
    import json

    f = tmp_path / "x.jsonl"
    f.write_text(
        "\n".join(json.dumps({"id": f"wire-{i}", "text": BODY[i] + " " + BODY[5]}) for i in range(2))
    )
    with Store(db_path) as s:
        r = pipeline.analyze([str(f)], s)
    assert r.article_ids == ("wire-0", "wire-1")


def test_recurring_lines_are_learned_across_runs(tmp_path: Path, db_path: str) -> None:
    footer = "Valmora Daily: independent news since 1921"
    site = tmp_path / "valmora-daily"
    site.mkdir()
    for i in range(2):
        (site / f"{i}.txt").write_text(
            f"Report number {i} on the dam\n\n{BODY[i]}\n\n{BODY[i + 1]}\n\n{footer}"
        )
    with Store(db_path) as s:
        pipeline.analyze([str(site)], s)
        (site / "2.txt").write_text(f"Report number 2 on the dam\n\n{BODY[2]}\n\n{BODY[3]}\n\n{footer}")
        run = pipeline.analyze([str(site / "2.txt")], s)
        (article,) = s.articles(run.new_ids)
    assert footer not in article.text
    assert any(r.reason == "recurring line of this source" for r in article.removed)


def test_new_analysis_version_recomputes_stored_story_results(
    tmp_path: Path, db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import analysis

    corpus = write_corpus(tmp_path / "c")
    with Store(db_path) as s:
        pipeline.analyze([str(corpus)], s)

        def count() -> int:
            return int(s.conn.execute("SELECT count(*) FROM derived").fetchone()[0])

        n = count()
        assert n > 0
        with s.transaction() as c:
            c.execute("DELETE FROM derived WHERE story IS NOT NULL")  # per-story results only
        pipeline.analyze([str(corpus)], s)  # same code: nothing to redo
        assert count() < n
        monkeypatch.setattr(analysis, "VERSION", "test-next")
        pipeline.analyze([str(corpus)], s)  # analysis code changed: every story again
        assert count() == n


def test_second_run_rewrites_only_changed_stories_and_keeps_the_join_table_exact(
    tmp_path: Path, db_path: str
) -> None:
    corpus = Path(pipeline.__file__).parent / "demo" / "corpus"
    first = [corpus / n for n in ("09_herald-phone-call-wire.html", "10_ledger-lisandre-call.html")]
    first += [corpus / "13_circuitry-scooter-recall.html"]
    later = [corpus / n for n in ("11_tribune-phone-call-undated.txt", "14_dailybrief-scooter-reprint.txt")]
    with Store(db_path) as s:
        pipeline.analyze([str(p) for p in first], s)
        pipeline.analyze([str(p) for p in later], s)
        stories = s.stories()
        joined = {tuple(r) for r in s.conn.execute("SELECT story_id, article_id FROM story_articles")}
        assert joined == {(st.id, a) for st in stories for a in st.articles}
        members = [a for st in stories for a in st.articles]
        assert sorted(members) == sorted(s.article_ids())  # every article in exactly one story
        assert len(stories) == 2
