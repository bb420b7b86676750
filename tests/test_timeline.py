"""Timeline: event dates merged across articles, cited, ordered, announced events marked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storyline.analysis import build_timeline
from storyline.analysis.similarity import Similarity
from storyline.analysis.timeline import day_of
from storyline.records import Article, Story, TimeExpr

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "analysis"))
from load import Case, load_cases


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return load_cases()


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, path=aid, title=aid, text=text, content_hash=aid, published="2031-03-04")


def _expr(text: str, needle: str, value: str, kind: str = "DATE", announced: bool = False) -> TimeExpr:
    start = text.index(needle)
    return TimeExpr(start, start + len(needle), needle, value, kind, announced)  # type: ignore[arg-type]


def test_same_event_is_merged_and_cites_every_article(cases: dict[str, Case]) -> None:
    case = cases["strait_talks"]
    entries = build_timeline(case.story, case.articles, case.times, use_embeddings=False)
    talks = [e for e in entries if e.date == "2031-03-03"]
    assert len(talks) == 1
    assert set(talks[0].articles) == {"a", "b", "c"}
    assert "Lindholm" in talks[0].text
    assert not talks[0].announced


def test_future_event_is_announced(cases: dict[str, Case]) -> None:
    case = cases["strait_talks"]
    entries = build_timeline(case.story, case.articles, case.times, use_embeddings=False)
    drills = [e for e in entries if e.date == "2031-03-15"]
    assert len(drills) == 1
    assert drills[0].announced
    assert set(drills[0].articles) == {"a", "c"}
    assert "drills" in drills[0].text


def test_entries_are_ordered_and_durations_skipped(cases: dict[str, Case]) -> None:
    case = cases["strait_talks"]
    entries = build_timeline(case.story, case.articles, case.times, use_embeddings=False)
    dates = [e.date for e in entries]
    assert dates == sorted(dates)
    # the durations (PT6H, P10Y, PXW) never become entries; the three dated days do
    assert set(dates) == {"2031-03-03", "2031-03-04", "2031-03-15"}


def test_every_fixture_entry_matches_expectation(cases: dict[str, Case]) -> None:
    for case in cases.values():
        entries = build_timeline(case.story, case.articles, case.times, use_embeddings=False)
        for want in case.timeline:
            got = [e for e in entries if e.date == want["date"] and set(want["articles"]) <= set(e.articles)]
            assert got, (case.name, want)
            assert got[0].announced is want["announced"]
            assert all(w in got[0].text for w in want["words"])


def test_articles_outside_the_story_are_ignored(cases: dict[str, Case]) -> None:
    case = cases["strait_talks"]
    story = Story(id="s", title="t", articles=("a", "b"))
    entries = build_timeline(story, case.articles, case.times, use_embeddings=False)
    assert all("c" not in e.articles for e in entries)


def test_distinct_events_on_one_day_stay_apart() -> None:
    text = (
        "The harbour master closed the northern pier on Monday after a storm damaged its cranes.\n\n"
        "Separately, the city orchestra premiered a new symphony by a local composer on Monday evening."
    )
    art = _article("x", text)
    times = {
        "x": (_expr(text, "Monday", "2031-03-03"), _expr(text, "Monday evening", "2031-03-03TEV", "TIME"))
    }
    entries = build_timeline(Story("s", "t", ("x",)), [art], times, use_embeddings=False)
    assert len(entries) == 2
    assert {e.date for e in entries} == {"2031-03-03"}


def test_past_report_overrides_announcement() -> None:
    before = "The new bridge over the Sella river will open to traffic on Friday, the city said."
    after = "The new bridge over the Sella river opened to traffic on Friday, the city said."
    arts = [_article("early", before), _article("late", after)]
    times = {
        "early": (_expr(before, "Friday", "2031-05-09", announced=True),),
        "late": (_expr(after, "Friday", "2031-05-09"),),
    }
    entries = build_timeline(Story("s", "t", ("early", "late")), arts, times, use_embeddings=False)
    assert len(entries) == 1
    assert entries[0].articles == ("early", "late")
    assert not entries[0].announced


def test_vague_and_bare_dates_are_skipped() -> None:
    text = "March 3, 2031\n\nThe festival now draws visitors every summer to the old harbour of Torvik."
    art = _article("v", text)
    times = {
        "v": (
            _expr(text, "March 3, 2031", "2031-03-03"),  # a bare dateline: no event around it
            _expr(text, "now", "PRESENT_REF"),
            _expr(text, "every summer", "XXXX-SU", "SET"),
        )
    }
    assert build_timeline(Story("s", "t", ("v",)), [art], times, use_embeddings=False) == ()


@pytest.mark.parametrize(
    ("value", "kind", "day"),
    [
        ("2031-03-03", "DATE", "2031-03-03"),
        ("2031-03-03TNI", "TIME", "2031-03-03"),
        ("2031-03-03T20:00", "TIME", "2031-03-03"),
        ("2031-03", "DATE", None),
        ("2031-W10", "DATE", None),
        ("PRESENT_REF", "DATE", None),
        ("P3D", "DURATION", None),
        ("2031-03-03", "SET", None),
    ],
)
def test_day_of(value: str, kind: str, day: str | None) -> None:
    assert day_of(TimeExpr(0, 1, "x", value, kind)) == day  # type: ignore[arg-type]


def test_embedder_pairs_paraphrases_and_failures_fall_back() -> None:
    texts = ["Ministers inked the accord", "Officials signed the treaty"]

    def same_vector(batch: object) -> list[list[float]]:
        return [[1.0, 0.0] for _ in texts]

    def broken(batch: object) -> list[list[float]]:
        raise RuntimeError("model missing")

    assert Similarity(texts, same_vector).same(0, 1)
    assert not Similarity(texts, broken).same(0, 1)
    assert not Similarity(texts).same(0, 1)


def test_relative_clause_entry_names_its_antecedent() -> None:
    text = (
        "After the vote, Orla Brenn flew to Torvik to meet the harbour board chair Ivo Marsk, "
        "who has just come back from Lindholm, where he signed the ferry contract on Monday."
    )
    art = _article("r", text)
    times = {"r": (_expr(text, "Monday", "2031-03-03"),)}
    (entry,) = build_timeline(Story("s", "t", ("r",)), [art], times, use_embeddings=False)
    assert entry.text.startswith("Ivo Marsk, who has just come back from Lindholm, where he signed")


def test_quoted_dates_name_the_speaker_and_statement_dates_of_quotes_are_skipped() -> None:
    text = (
        "“The board approved the new tariffs yesterday, but the ferries will not change their timetable "
        "this season,” Marsk said Tuesday."
    )
    art = _article("q", text)
    times = {
        "q": (_expr(text, "yesterday", "2031-03-03"), _expr(text, "Tuesday", "2031-03-04")),
    }
    entries = build_timeline(Story("s", "t", ("q",)), [art], times, use_embeddings=False)
    assert [e.date for e in entries] == ["2031-03-03"]
    assert entries[0].text.startswith("Marsk: “The board approved the new tariffs yesterday")


def test_a_sentence_opening_on_he_names_the_subject_before_it() -> None:
    text = (
        "Ivo Marsk, whose ferry firm runs the northern routes, has asked for a new pier.\n\n"
        "He met the harbour board on Monday and presented the plans for the pier.\n\n"
        "The board has not decided yet.\n\n"
        "She visited the site of the pier on Tuesday with two engineers from the city."
    )
    art = _article("p", text)
    times = {"p": (_expr(text, "Monday", "2031-03-03"), _expr(text, "Tuesday", "2031-03-04"))}
    entries = build_timeline(Story("s", "t", ("p",)), [art], times, use_embeddings=False)
    texts = {e.date: e.text for e in entries}
    assert texts["2031-03-03"].startswith("[Ivo Marsk] met the harbour board on Monday")
    assert texts["2031-03-04"].startswith("She visited")  # "The board" is no person's name: unchanged


def test_an_undated_article_is_cited_where_dated_articles_corroborate_its_weekdays() -> None:
    dated_text = (
        "Ministers from Veloria and Kestland met in Lindholm on Monday for talks on the Marrow Strait."
    )
    undated_text = (
        "Ministers from Veloria and Kestland held talks on the Marrow Strait in Lindholm on Monday.\n\n"
        "A second round of talks on fishing quotas will take place on Friday."
    )
    dated = _article("d", dated_text)  # published 2031-03-04, a Tuesday
    undated = Article(id="u", path="u", title="u", text=undated_text, content_hash="u")
    times = {
        "d": (_expr(dated_text, "Monday", "2031-03-03"),),
        "u": (
            _expr(undated_text, "Monday", "XXXX-WXX-1"),
            _expr(undated_text, "Friday", "XXXX-WXX-5", announced=True),
        ),
    }
    entries = build_timeline(Story("s", "t", ("d", "u")), [dated, undated], times, use_embeddings=False)
    assert [(e.date, e.articles) for e in entries] == [("2031-03-03", ("d", "u"))]  # Friday: uncorroborated


def test_two_announcements_for_one_day_sharing_what_happens_are_one_entry() -> None:
    text = (
        "Both delegations stressed the importance of the talks planned this Thursday in Torvik.\n\n"
        "Brenn and Marsk spoke hopefully about Thursday's talks.\n\n"
        "The harbour board will publish its accounts on Thursday."
    )
    art = _article("a", text)
    times = {
        "a": (
            _expr(text, "this Thursday", "2031-03-06", announced=True),
            _expr(text, "Thursday's", "2031-03-06", announced=True),
            _expr(text, "on Thursday", "2031-03-06", announced=True),
        )
    }
    entries = build_timeline(Story("s", "t", ("a",)), [art], times, use_embeddings=False)
    assert len(entries) == 2  # the talks (two mentions) and the accounts
    assert all(e.announced for e in entries)


def test_an_entry_keeps_a_short_denying_or_saying_complement() -> None:
    text = "The ministry on Tuesday dismissed the union's figures, saying no pay deal had been reached."
    art = _article("c", text)
    times = {"c": (_expr(text, "Tuesday", "2031-03-04"),)}
    (entry,) = build_timeline(Story("s", "t", ("c",)), [art], times, use_embeddings=False)
    assert entry.text.endswith("saying no pay deal had been reached")


def test_a_date_in_a_since_or_after_clause_dates_that_clause_not_the_sentence() -> None:
    text = (
        "The call was the first contact between the two ministers since the ferry was seized on Feb. 9. "
        "Wednesday's hearing was scheduled after the harbour board chair resigned on Feb. 11. "
        "The board approved the new tariffs after a long debate on Friday."
    )
    art = _article("s", text)
    times = {
        "s": (
            _expr(text, "Feb. 9", "2031-02-09"),
            _expr(text, "Wednesday", "2031-03-05", announced=True),
            _expr(text, "Feb. 11", "2031-02-11"),
            _expr(text, "Friday", "2031-02-28"),
        )
    }
    entries = build_timeline(Story("s", "t", ("s",)), [art], times, use_embeddings=False)
    by_date = {e.date: e.text for e in entries}
    assert by_date["2031-02-09"] == "The ferry was seized on Feb. 9"
    assert by_date["2031-02-11"] == "The harbour board chair resigned on Feb. 11"
    # "after a long debate on Friday" is a phrase, not a clause: the sentence keeps its date
    assert by_date["2031-02-28"].startswith("The board approved the new tariffs")
    # the hearing's own clause ("Wednesday's hearing was scheduled") is too thin to be an entry
    assert "2031-03-05" not in by_date


def test_a_date_bounding_the_event_is_not_its_date_but_a_deadline_is() -> None:
    text = "Hundreds of families have slept in the gymnasium since Feb. 9 and may stay until Friday."
    art = _article("b", text)
    times = {"b": (_expr(text, "Feb. 9", "2031-02-09"), _expr(text, "Friday", "2031-03-07", announced=True))}
    entries = build_timeline(Story("s", "t", ("b",)), [art], times, use_embeddings=False)
    assert [(e.date, e.announced) for e in entries] == [("2031-03-07", True)]
