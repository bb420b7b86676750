"""storyline.temporal.infer: publication date of an undated article from its own dates."""

from __future__ import annotations

from pathlib import Path

from storyline.temporal import tag_times
from storyline.temporal.infer import infer_published

FIXTURES = Path(__file__).parent / "fixtures" / "temporal"


def test_latest_explicit_date_moved_by_later_past_weekday() -> None:
    text = (FIXTURES / "undated_report.txt").read_text(encoding="utf-8")
    guess = infer_published(text)
    assert guess is not None
    # explicit Monday 2022-02-07, then "said Tuesday": published on the Tuesday
    assert guess.date == "2022-02-08"
    assert any("February 7, 2022" in ev for ev in guess.evidence)
    assert any("Tuesday" in ev for ev in guess.evidence)


def test_future_dates_are_not_publication_evidence() -> None:
    text = "The envoy met the prime minister on March 2, 2021. He will return on April 30, 2021."
    guess = infer_published(text)
    assert guess is not None and guess.date == "2021-03-02"


def test_yesterday_means_the_day_after() -> None:
    text = "Rebels seized the airport on June 14, 2019, the army said. The fighting ended yesterday."
    guess = infer_published(text, tag_times(text, None))
    assert guess is not None and guess.date == "2019-06-15"


def test_no_explicit_date_gives_none() -> None:
    assert infer_published("Talks resumed on Monday and will continue in March.") is None


def test_weekday_before_the_explicit_date_does_not_move_the_guess() -> None:
    text = "The leaders met on Monday, February 7, 2022. Their aides had spoken by phone on Sunday."
    guess = infer_published(text)
    assert guess is not None and guess.date == "2022-02-07"
