"""Guess an undated article's publication date from its own explicit dated mentions.

API::

    infer_published(text, times=None) -> PublishedGuess | None

``times`` are the article's expressions tagged *without* an anchor (what
``tag_times(text, None)`` returns; computed when omitted).  The guess is the
latest explicit, day-precise date that is not in a future-tense clause ("talks
on February 7, 2022"), moved forward when the text places itself later:
a past-tense weekday just after it ("said Tuesday" after a Monday date)
or "yesterday" (the event was the day before publication).  Returns None when
the text has no explicit day-precise date.  ``PublishedGuess.evidence`` lists
the expressions used, as short human-readable strings, for the report; the
caller marks the article's date as inferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.records import TimeExpr
from storyline.temporal.tagger import tag
from storyline.temporal.tense import tense_at

__all__ = ["PublishedGuess", "infer_published"]

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    """An inferred publication date ("YYYY-MM-DD") and why."""

    date: str
    evidence: tuple[str, ...]


def infer_published(text: str, times: Sequence[TimeExpr] | None = None) -> PublishedGuess | None:
    """Publication date suggested by ``text``'s explicit dates, or None when it has none."""
    found = tag(text, None) if times is None else tuple(times)
    explicit = [
        (d, t) for t in found if (d := _explicit_day(t)) and tense_at(text, t.start, t.end) != "future"
    ]
    if not explicit:
        return None
    best, expr = max(explicit, key=lambda pair: pair[0])
    evidence = [f'latest explicit date "{expr.text}" ({best.isoformat()})']
    guess = best
    for t in found:
        later = _later_weekday(text, t, best)
        if later and later > guess:
            guess = later
            evidence.append(f'past-tense weekday "{t.text}" after it ({later.isoformat()})')
    if any(t.text.lower() == "yesterday" for t in found) and not any(
        t.text.lower() == "today" for t in found
    ):
        guess = max(guess, best + timedelta(days=1))
        evidence.append(f'"yesterday" in the text: published the day after ({guess.isoformat()})')
    return PublishedGuess(guess.isoformat(), tuple(evidence))


def _explicit_day(t: TimeExpr) -> date | None:
    m = _DAY.fullmatch(t.value)
    if t.type != "DATE" or m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _later_weekday(text: str, t: TimeExpr, base: date) -> date | None:
    """The date of a past-tense weekday mention when its nearest occurrence is after ``base``.

    "said Tuesday" next to a Monday date is the day after; "called on Sunday"
    is the day before that Monday, so it says nothing about publication.
    """
    m = _WEEKDAY.fullmatch(t.value)
    if m is None or tense_at(text, t.start, t.end) != "past":
        return None
    ahead = (int(m[1]) - base.isoweekday()) % 7
    return base + timedelta(days=ahead) if 0 < ahead <= 3 else None
