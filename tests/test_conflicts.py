"""Conflicts: denials, numbers (compatible vs incompatible, as-of, projections), dates, places."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from storyline.analysis import find_conflicts
from storyline.analysis.attribution import attribute, source_of
from storyline.analysis.quantities import compatible, find_quantities
from storyline.records import Annotations, Article, Conflict, QuoteMention, Story

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "analysis"))
from load import Case, load_cases

CASES = load_cases()


def _conflicts(case: Case) -> tuple[Conflict, ...]:
    return find_conflicts(case.story, case.articles, {}, [], [], times=case.times)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_conflicts_are_exactly_the_expected_ones(name: str) -> None:
    case = CASES[name]
    got = sorted(
        (c.kind, c.compatible, tuple(sorted({x.article for x in c.claims}))) for c in _conflicts(case)
    )
    want = sorted((e["kind"], e["compatible"], tuple(sorted(e["articles"]))) for e in case.expected)
    assert got == want


def test_denial_names_both_sides() -> None:
    (denial,) = [c for c in _conflicts(CASES["strait_talks"]) if c.kind == "denial"]
    sides = {c.attributed_to for c in denial.claims}
    assert "Kestish officials" in sides
    assert {"the Velorian government", "Anton Brask"} <= sides
    asserted = [c for c in denial.claims if c.attributed_to == "Kestish officials"]
    assert all(c.article == "a" for c in asserted)
    assert denial.summary.startswith("Kestish officials say")
    assert "Velorian government" in denial.summary and "denies" in denial.summary


def test_number_conflict_keeps_compatible_figures_together() -> None:
    (number,) = [c for c in _conflicts(CASES["strait_talks"]) if c.kind == "number"]
    assert not number.compatible
    head, _, tail = number.summary.partition(" vs ")
    assert "more than 40,000" in head and "45,000" in head
    assert "12,000" in tail


def test_claim_offsets_point_into_the_article() -> None:
    arts = {a.id: a for a in CASES["strait_talks"].articles}
    for conflict in _conflicts(CASES["strait_talks"]):
        for claim in conflict.claims:
            assert claim.start is not None and claim.end is not None
            piece = arts[claim.article].text[claim.start : claim.end]
            assert piece and (piece in claim.text or claim.text in arts[claim.article].text)


def test_stories_are_kept_apart() -> None:
    case = CASES["strait_talks"]
    story = Story(id="only-a", title="t", articles=("a",))
    assert find_conflicts(story, case.articles, {}, [], []) == ()


@pytest.mark.parametrize(
    ("text", "low", "high", "head"),
    [
        ("Russia massed more than 100,000 troops", 100_000, math.inf, "troops"),
        ("tens of thousands of Russian soldiers", 20_000, 99_999, "troops"),
        ("a contingent of about 30,000 people", 27_000, 33_000, "people"),
        ("some 150,000 forces", 135_000, 165_000, "troops"),
        ("between 1.5 and 2 million dollars", 1_492_500, 2_010_000, "dollars"),
        ("up to 500 refugees", 0, 500, "refugees"),
        ("nearly 2,000 protesters", 1_700, 2_000, "protesters"),
        ("thousands of Russian troops", 2_000, 9_999, "troops"),
    ],
)
def test_quantity_intervals(text: str, low: float, high: float, head: str) -> None:
    (q,) = find_quantities(text)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)
    assert q.head == head


@pytest.mark.parametrize(
    "text",
    [
        "after five hours of talks",
        "the war ended in 2015 between them",
        "a 40-minute call",
        "one option on the table",
    ],
)
def test_durations_years_and_bare_one_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_compatibility_of_figures() -> None:
    (over,) = find_quantities("more than 100,000 troops")
    (exact,) = find_quantities("110,000 troops")
    (vague,) = find_quantities("tens of thousands of troops")
    (round_,) = find_quantities("100,000 troops")
    assert compatible(over, exact)
    assert not compatible(exact, vague)
    assert not compatible(over, vague)
    assert not compatible(round_, exact)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("According to Kestish officials, an agreement was reached.", "Kestish officials"),
        ("The ships will leave on Friday, said Anton Brask.", "Anton Brask"),
        ("Foreign ministry spokesman Anton Brask said the report was false.", "Anton Brask"),
        ("But the Velorian government on Tuesday rejected the account.", "the Velorian government"),
        ("He said the talks had failed.", None),
        ("The harbour reopened after the storm.", None),
    ],
)
def test_source_of(sentence: str, source: str | None) -> None:
    assert source_of(sentence) == source


def test_quote_speaker_wins_over_lexical_source() -> None:
    text = "“There is no deal,” he told reporters."
    mention = QuoteMention(
        article="x", start=0, end=19, text="There is no deal", kind="direct", speaker="Anton Brask"
    )
    ann = Annotations(article="x", quotes=(mention,))
    assert attribute(text, 0, len(text), ann) == "Anton Brask"
    assert attribute(text, 0, len(text), None) is None


def test_denial_without_anything_to_contradict_is_not_reported() -> None:
    text = (
        "The port authority denied any wrongdoing in the dredging contract.\n\n"
        "Ferries between Torvik and Odda will run on the winter timetable from November."
    )
    art = Article(id="x", path="x", title="t", text=text, content_hash="x")
    assert find_conflicts(Story("s", "t", ("x",)), [art], {}, [], []) == ()


def test_the_pipeline_reports_a_date_conflict(tmp_path: Path) -> None:
    import json

    from storyline import pipeline
    from storyline.report import build_report
    from storyline.store import Store

    body = (
        "The Dovik dam burst on {day}, flooding three villages downstream and forcing hundreds of "
        "families from their homes, {who} said. Rescue teams from the Lorvan river authority worked "
        "through the night to reach the village of Kessa, where water stood two metres deep. The "
        "regional governor, Ansel Marrow, said the dam's spillway had been inspected in the spring."
    )
    rows = [
        {"id": "d1", "source": "riverlands.example", "published": "2033-07-09", "title": "Dovik dam bursts",
         "text": body.format(day="Thursday", who="officials")},
        {"id": "d2", "source": "governorate.example", "published": "2033-07-09", "title": "Dovik dam bursts, villages flooded",
         "text": body.format(day="Friday", who="the governor's office")},
    ]  # fmt: skip
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with Store(str(tmp_path / "s.db")) as store:
        run = pipeline.analyze([str(feed)], store)
        rep = build_report(store, run.article_ids, run.errors)
    assert len(rep["stories"]) == 1
    dates = [c for c in rep["conflicts"] if c["kind"] == "date"]
    assert len(dates) == 1
    assert {c["article"] for c in dates[0]["claims"]} == {a["id"] for a in rep["articles"]}
    assert "2033-07-07" in dates[0]["summary"] and "2033-07-08" in dates[0]["summary"]
