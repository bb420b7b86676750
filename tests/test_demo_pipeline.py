"""End to end on the demo corpus: copies, stories, speakers, timeline, conflicts, summaries
against the answer key in storyline/demo/corpus/MANIFEST.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.demo import corpus_path
from storyline.report import build_report
from storyline.store import Store
from tests.test_demo import answer_key, name_of


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with Store(db) as store:
        run = pipeline.analyze([str(corpus_path())], store)
        rep = build_report(store, run.article_ids, run.errors)
    rep["name"] = {a["id"]: name_of(a["path"]) for a in rep["articles"]}
    return rep


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    return answer_key()


def test_no_errors(report: dict[str, Any]) -> None:
    assert report["errors"] == []


def test_removed_markers_are_gone(report: dict[str, Any], key: dict[str, Any]) -> None:
    texts = {report["name"][a["id"]]: a["text"] for a in report["articles"]}
    for name, markers in key["removed_markers"].items():
        for m in markers:
            assert m not in texts[name], (name, m)


def test_copy_groups(report: dict[str, Any], key: dict[str, Any]) -> None:
    names = report["name"]
    got = {
        frozenset(names[m] for m in g["members"]): (names[g["canonical"]], g["kind"])
        for g in report["copies"]
    }
    want = {frozenset(c["members"]): (c["canonical"], c["kind"]) for c in key["copies"]}
    assert set(got) == set(want)
    assert {k: v[0] for k, v in got.items()} == {k: v[0] for k, v in want.items()}


def test_story_partition_and_storylines(report: dict[str, Any], key: dict[str, Any]) -> None:
    names = report["name"]
    got = {frozenset(names[a] for a in s["articles"]) for s in report["stories"]}
    want = {frozenset(v) for v in key["stories"].values()}
    assert got == want
    story_of = {names[a]: s["id"] for s in report["stories"] for a in s["articles"]}
    line_of = {s["id"]: s["storyline"] for s in report["stories"]}
    a_line = line_of[story_of[key["stories"]["A"][0]]]
    assert a_line is not None and a_line == line_of[story_of[key["stories"]["B"][0]]]
    assert line_of[story_of[key["stories"]["C"][0]]] != a_line


def test_undated_copy_gets_an_inferred_date(report: dict[str, Any]) -> None:
    by_name = {report["name"][a["id"]]: a for a in report["articles"]}
    undated = by_name["11_tribune-phone-call-undated.txt"]
    assert undated["published"] is not None and undated["published"].startswith("2025-02-24")
    assert undated["published_inferred"] is True


def test_speakers(report: dict[str, Any], key: dict[str, Any]) -> None:
    right, wrong = 0, []
    for fragment, speaker in key["speakers"].items():
        found = [q for q in report["quotes"] if fragment.casefold() in q["text"].casefold()]
        if found and all(q["speaker"] == speaker for q in found):
            right += 1
        else:
            wrong.append((fragment, speaker, sorted({str(q["speaker"]) for q in found})))
    assert right >= 0.85 * len(key["speakers"]), wrong


def test_timeline_dates(report: dict[str, Any], key: dict[str, Any]) -> None:
    names = report["name"]
    story_of = {names[a]: s["id"] for s in report["stories"] for a in s["articles"]}
    for event, dates in key["timeline"].items():
        sid = story_of[key["stories"][event][0]]
        got = {t["date"][:10] for t in report["timeline"] if t["story"] == sid}
        assert set(dates) <= got, (event, sorted(set(dates) - got))


def test_conflicts(report: dict[str, Any], key: dict[str, Any]) -> None:
    names = report["name"]
    story_of = {names[a]: s["id"] for s in report["stories"] for a in s["articles"]}
    for event, kinds in key["conflicts"].items():
        sid = story_of[key["stories"][event][0]]
        got = {c["kind"] for c in report["conflicts"] if c["story"] == sid}
        assert set(kinds) <= got, (event, kinds, got)


_QUOTE_GLYPHS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _plain(text: str) -> str:
    """Whitespace and quote glyphs unified: a reprint with straight quotes contains the same sentence."""
    return " ".join(text.translate(_QUOTE_GLYPHS).split())


def test_summaries_are_grounded(report: dict[str, Any]) -> None:
    texts = {a["id"]: _plain(a["text"]) for a in report["articles"]}
    multi = [s["id"] for s in report["stories"] if len(s["articles"]) > 1]
    summarized = {s["story"] for s in report["summaries"] if s["sentences"]}
    assert set(multi) <= summarized
    for s in report["summaries"]:
        for sent in s["sentences"]:
            assert sent["articles"]
            for aid in sent["articles"]:
                assert _plain(sent["text"]) in texts[aid]


def test_offsets_point_at_their_text(report: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for a in report["articles"]:
        for t in a["times"]:
            assert a["text"][t["start"] : t["end"]] == t["text"]
    for q in report["quotes"]:
        for m in q["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]


def test_rerun_is_idempotent_and_ids_are_stable(tmp_path: Path, report: dict[str, Any]) -> None:
    db = str(tmp_path / "again.db")
    with Store(db) as store:
        pipeline.analyze([str(corpus_path())], store)
        before = {s.id: set(s.articles) for s in store.stories()}
        run = pipeline.analyze([str(corpus_path())], store)
        assert run.new_ids == ()
        assert {s.id: set(s.articles) for s in store.stories()} == before


def test_worker_processes_give_the_same_result(tmp_path: Path, report: dict[str, Any]) -> None:
    """Cleaning and NLP in two processes store the same articles, stories and quotes."""
    db = str(tmp_path / "workers.db")
    with Store(db) as store:
        run = pipeline.analyze([str(corpus_path())], store, workers=2)
        rep = build_report(store, run.article_ids, run.errors)
    assert [a["id"] for a in rep["articles"]] == [a["id"] for a in report["articles"]]
    assert [a["text"] for a in rep["articles"]] == [a["text"] for a in report["articles"]]
    assert {s["id"]: s["articles"] for s in rep["stories"]} == {
        s["id"]: s["articles"] for s in report["stories"]
    }
    assert len(rep["quotes"]) == len(report["quotes"])
