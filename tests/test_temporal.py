"""storyline.temporal: recognition, TIMEX3 normalisation, tense, announced flag.

Synthetic sentences anchored on Tuesday 2022-02-08 unless said otherwise.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.records import TimeExpr
from storyline.temporal import patterns, tag_times
from storyline.temporal.tagger import tag

ANCHOR = "2022-02-08"  # a Tuesday


def only(text: str, anchor: str | None = ANCHOR) -> TimeExpr:
    found = tag_times(text, anchor)
    assert len(found) == 1, found
    return found[0]


def expect(
    text: str,
    surface: str,
    value: str,
    type_: str = "DATE",
    announced: bool = False,
    anchor: str | None = ANCHOR,
) -> None:
    e = only(text, anchor)
    assert (e.start, e.end) == (text.index(surface), text.index(surface) + len(surface))
    assert e.text == surface == text[e.start : e.end]
    assert (e.value, e.type, e.announced) == (value, type_, announced)


def test_weekday_past_tense_is_previous_day() -> None:
    expect("The two leaders met on Monday in the capital.", "Monday", "2022-02-07")


def test_said_weekday_is_past_even_with_future_clause_after() -> None:
    expect("The spokesman said Monday that talks would resume.", "Monday", "2022-02-07")


def test_weekday_future_tense_is_next_day_and_announced() -> None:
    expect("The minister will travel to the border on Thursday.", "Thursday", "2022-02-10", announced=True)


def test_weekday_future_on_the_following_day() -> None:
    text = "After the summit he will go on to the other capital Tuesday."
    expect(text, "Tuesday", "2022-02-08", announced=True, anchor="2022-02-07")


def test_this_weekday() -> None:
    expect("A new round is planned for this Friday.", "this Friday", "2022-02-11", announced=True)


def test_this_weekday_is_in_the_anchor_week_even_after_a_past_verb() -> None:
    expect(
        "Both men stressed the talks planned this Thursday.", "this Thursday", "2022-02-10", announced=True
    )


def test_repeated_bare_weekday_keeps_its_first_date() -> None:
    text = "Talks are planned this Thursday. Both sides praised Thursday's talks in advance."
    assert [e.value for e in tag_times(text, ANCHOR)] == ["2022-02-10", "2022-02-10"]


def test_verb_after_a_comma_does_not_set_the_tense() -> None:
    expect(
        "The president, who is facing an election in April, has tried to mediate.",
        "April",
        "2022-04",
        announced=True,
    )


def test_articles_own_weekday_is_publication_day() -> None:
    expect("On Tuesday, the envoy said the meeting had ended.", "Tuesday", "2022-02-08")


def test_last_weekday_skips_today() -> None:
    expect("Shelling resumed last Tuesday.", "last Tuesday", "2022-02-01")


def test_abbreviated_month_day_in_future_is_announced() -> None:
    expect("The drills end on Feb. 20, the ministry said.", "Feb. 20", "2022-02-20", announced=True)


def test_full_date_month_first() -> None:
    expect("Talks were held on February 7, 2022 in the capital.", "February 7, 2022", "2022-02-07")


def test_full_date_day_first() -> None:
    expect("They met on 7 February in the capital.", "7 February", "2022-02-07")


def test_mid_month_keeps_month_value() -> None:
    # TIMEX3 would add mod=MID; the record has no mod field, the value is the month.
    expect("A decision is due by mid-February.", "mid-February", "2022-02")


def test_last_week_is_iso_week() -> None:
    expect("Prices rose sharply last week.", "last week", "2022-W05")


def test_since_month_is_in_the_past_year() -> None:
    expect("Troops have massed near the border since December.", "December", "2021-12")


def test_in_month_future_tense_is_announced() -> None:
    expect("The country will hold elections in April.", "April", "2022-04", announced=True)


def test_in_month_past_tense_is_last_year() -> None:
    expect("The factory closed in April.", "April", "2021-04")


def test_bare_year() -> None:
    expect("The accord was signed in 2015.", "2015", "2015")


def test_numbers_with_thousands_and_military_time() -> None:
    found = tag_times("The siege lasted 1,000 days; shelling resumed at 1400 GMT.", ANCHOR)
    assert [(e.text, e.value, e.type) for e in found] == [
        ("1,000 days", "P1000D", "DURATION"),
        ("1400 GMT", "2022-02-08T14:00Z", "TIME"),
    ]


def test_one_day_as_someday_is_not_a_duration() -> None:
    assert tag_times("One day, he said, the border will reopen.", ANCHOR) == ()


def test_year_not_taken_from_counts() -> None:
    assert tag_times("About 2000 soldiers and 1,950 vehicles moved.", ANCHOR) == ()


def test_decade() -> None:
    expect("Relations soured in the 1990s.", "the 1990s", "199")


@pytest.mark.parametrize(
    ("word", "value", "type_"),
    [
        ("yesterday", "2022-02-07", "DATE"),
        ("today", "2022-02-08", "DATE"),
        ("tonight", "2022-02-08TNI", "TIME"),
        ("tomorrow", "2022-02-09", "DATE"),
    ],
)
def test_relative_days(word: str, value: str, type_: str) -> None:
    expect(
        f"The delegation arrives {word}, officials said.", word, value, type_, announced=word == "tomorrow"
    )


def test_same_day_future_is_announced() -> None:
    expect("The two presidents will meet tonight.", "tonight", "2022-02-08TNI", "TIME", announced=True)
    expect("The two presidents met today.", "today", "2022-02-08", announced=False)


def test_weekday_night() -> None:
    expect("Protests broke out Monday night.", "Monday night", "2022-02-07TNI", "TIME")


def test_clock_time() -> None:
    expect("The first blast was heard at 5:05 AM.", "5:05 AM", "2022-02-08T05:05", "TIME")


def test_clock_time_with_day() -> None:
    expect(
        "The polls close at 8 p.m. Thursday.", "8 p.m. Thursday", "2022-02-10T20:00", "TIME", announced=True
    )


def test_durations() -> None:
    text = "The talks lasted five hours during a two-day visit."
    found = tag_times(text, ANCHOR)
    assert [(e.text, e.value, e.type) for e in found] == [
        ("five hours", "PT5H", "DURATION"),
        ("two-day", "P2D", "DURATION"),
    ]
    assert not any(e.announced for e in found)


def test_vague_duration_after_for() -> None:
    expect("Troops have drilled for weeks.", "weeks", "PXW", "DURATION")


def test_half_durations() -> None:
    expect("The call lasted half an hour.", "half an hour", "PT30M", "DURATION")
    expect("Fighting went on for two and a half years.", "two and a half years", "P2.5Y", "DURATION")


def test_sets() -> None:
    text = "Inspectors visit every week and report daily."
    assert [(e.text, e.value, e.type) for e in tag_times(text, ANCHOR)] == [
        ("every week", "P1W", "SET"),
        ("daily", "P1D", "SET"),
    ]


def test_ago_and_anaphora() -> None:
    text = "The ceasefire was agreed on March 3, 2014. Two days later it collapsed. The war began eight years ago."
    values = [(e.text, e.value) for e in tag_times(text, ANCHOR)]
    assert values == [
        ("March 3, 2014", "2014-03-03"),
        ("Two days later", "2014-03-05"),
        ("eight years ago", "2014"),
    ]


def test_present_and_past_refs() -> None:
    found = tag_times("Talks are now stalled, and the mediator recently quit.", ANCHOR)
    assert [(e.text, e.value) for e in found] == [("now", "PRESENT_REF"), ("recently", "PAST_REF")]


def test_no_anchor_leaves_relative_parts_unknown() -> None:
    text = "The drills end on Feb. 20 and talks resume Monday."
    found = tag_times(text, None)
    assert [(e.text, e.value, e.announced) for e in found] == [
        ("Feb. 20", "XXXX-02-20", False),
        ("Monday", "XXXX-WXX-1", False),
    ]


def test_anchor_with_time_of_day() -> None:
    found = tag_times("The vote closes at 6 p.m.", "2022-02-08T09:30")
    assert [(e.value, e.announced) for e in found] == [("2022-02-08T18:00", True)]


@pytest.mark.parametrize("bad", ["2022-13-01", "Feb 8, 2022", "yesterday"])
def test_bad_anchor_is_a_typed_error(bad: str) -> None:
    with pytest.raises(InputError, match="anchor"):
        tag_times("Talks resumed on Monday.", bad)


def test_may_the_verb_is_not_a_month() -> None:
    assert tag_times("Officials may meet again, they said.", ANCHOR) == ()
    assert [e.value for e in tag_times("Elections are expected in May.", ANCHOR)] == ["2022-05"]


def test_narrative_mode_takes_year_from_text() -> None:
    text = "The siege began in June 1941. In September the city fell."
    assert [e.value for e in tag(text, "2009-12-19", narrative=True)] == ["1941-06", "1941-09"]
    assert [e.value for e in tag(text, "2009-12-19")][1] == "2009-09"


def test_year_ranges_and_eras() -> None:
    found = tag("The revolt (1915-17) echoed a war of 241 BC.", "2009-12-19", narrative=True)
    assert [(e.text, e.value) for e in found] == [("1915", "1915"), ("17", "1917"), ("241 BC", "BC0241")]


def test_spoken_years() -> None:
    expect("He first ran for office in nineteen ninety-six.", "nineteen ninety-six", "1996")


def test_quarters_follow_the_anchor() -> None:
    text = "Profit rose in the third quarter, up from a year earlier."
    assert [(e.text, e.value) for e in tag_times(text, "1989-10-30")] == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_holiday() -> None:
    expect("The ceasefire will hold over Christmas.", "Christmas", "2022-12-25", announced=True)


_PIECES = [
    "The talks on Monday",
    " ended",
    " on Feb. 20, 2022",
    " after five hours",
    " — every week",
    " since December",
    " at 5:05 AM",
    " last week",
    " and May",
    " 1,200 troops",
    " in the 1990s.",
    "\n",
    " Officials said",
    " the two-week visit",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12),
    st.sampled_from([ANCHOR, None, "2021-12-31T23:00"]),
)
def test_offsets_are_exact_sorted_and_disjoint(pieces: list[str], anchor: str | None) -> None:
    text = "".join(pieces)
    found = tag_times(text, anchor)
    for e in found:
        assert text[e.start : e.end] == e.text
        assert e.value
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


_MORE_PIECES = [
    " " + "x" * 160,
    " two and a half years later",
    " in 241 BC and AD 9",
    " paid annually",
    " in nineteen ninety-six",
    " over Christmas",
    " the third-quarter results",
    " at noon Thursday",
    " Q3 1999",
    " 2022-02-07",
    " (1915-17)",
]


def _full_scan(text: str) -> list[tuple[int, int, str]]:
    """Reference: every rule over the whole text, no trigger windows."""
    found = []
    for priority, rule in enumerate(patterns.rules()):
        for m in rule.regex.finditer(text):
            if m.end() > m.start() and (rule.guard is None or rule.guard(text, m)):
                found.append((-(m.end() - m.start()), priority, m.start(), m.end(), rule.kind))
    found.sort()
    taken: list[tuple[int, int, str]] = []
    for _, _, start, end, kind in found:
        hyphen_adj = patterns._HYPHEN_ADJ.match(text, start, end + 40)
        if hyphen_adj is not None and hyphen_adj.end() < end:
            start = hyphen_adj.end()
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, kind))
    return sorted(taken)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, *_MORE_PIECES]), min_size=1, max_size=14))
def test_trigger_windows_find_what_a_full_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(c.start, c.end, c.kind) for c in patterns.find_candidates(text)] == _full_scan(text)


def test_by_a_weekday_in_a_past_clause_is_behind_the_anchor() -> None:
    text = "By Monday afternoon the ministry had called the report inaccurate."
    expect(text, "Monday afternoon", "2022-02-07TAF", "TIME", anchor="2022-02-09")
    expect("The ministry will answer by Friday.", "Friday", "2022-02-11", announced=True)


def test_a_weekday_is_reused_only_when_the_tense_agrees() -> None:
    text = (
        "The panel will meet on Monday to review the figures. "
        "The reservoir was at 91 percent of capacity on Monday, the authority said."
    )
    values = [t.value for t in tag_times(text, "2022-02-09")]  # a Wednesday
    assert values == ["2022-02-14", "2022-02-07"]
