"""Tagging: recognise candidates (:mod:`patterns`), normalise them in text order, flag announced ones.

Candidates are resolved left to right so that anaphora ("the next day") and,
in narrative mode, year-less months count from the last date mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from storyline.records import TimeExpr
from storyline.temporal import dates, extent, relative
from storyline.temporal.calendar import Context, Resolved, parse_anchor
from storyline.temporal.patterns import find_candidates
from storyline.temporal.tense import tense_at

Normaliser = Callable[[re.Match[str], Context], Resolved | None]

NORMALISERS: dict[str, Normaliser] = {
    "iso": dates.full_date,
    "numeric": dates.full_date,
    "mdy": dates.full_date,
    "dmy": dates.full_date,
    "md": dates.month_day,
    "dm": dates.month_day,
    "my": dates.month_year,
    "month": dates.month_only,
    "decade": dates.decade,
    "century": dates.century,
    "year": dates.year_only,
    "year_short": dates.year_only,
    "year_bc": dates.era_year,
    "year_words": dates.year_words,
    "season": dates.season,
    "quarter": dates.quarter,
    "quarter_q": dates.quarter,
    "the_quarter": dates.the_quarter,
    "holiday": dates.holiday,
    "the_weekend": relative.the_weekend,
    "rel_day_pod": relative.relative_day,
    "rel_day": relative.relative_day,
    "pod_rel": relative.part_of_day,
    "weekday": relative.weekday,
    "weekday_set": relative.weekday_set,
    "rel_period": relative.relative_period,
    "the_unit": relative.the_unit,
    "ago": relative.ago,
    "ref": relative.reference,
    "duration": extent.duration,
    "duration_and_half": extent.duration_and_half,
    "duration_half": extent.duration_half,
    "duration_vague": extent.duration_vague,
    "duration_bare": extent.duration_bare,
    "set_every": extent.set_every,
    "set_adverb": extent.set_adverb,
    "clock": extent.clock,
    "clock_day": extent.clock_with_day,
    "clock24": extent.clock,
    "clock_mil": extent.clock,
    "clock_word": extent.clock,
}


def tag(text: str, anchor: str | None, *, narrative: bool = False) -> tuple[TimeExpr, ...]:
    """Temporal expressions of ``text`` normalised against ``anchor`` ("YYYY-MM-DD[THH:MM]" or None).

    ``narrative=True`` resolves year-less dates against the last year mentioned
    (history, encyclopaedic text) rather than the anchor (news).
    """
    day, clock = parse_anchor(anchor)
    ctx = Context(text=text, anchor=day, anchor_time=clock, narrative=narrative)
    out: list[TimeExpr] = []
    for cand in find_candidates(text):
        res = NORMALISERS[cand.kind](cand.match, ctx)
        if res is None:
            continue
        if res.type in ("DATE", "TIME"):
            dates.note_reference(ctx, res.value)
        if res.type == "DATE" and res.value[:1].isdigit():
            ctx.last_value, ctx.last_end = res.value, cand.end
        ctx.ref_fresh = bool(re.match(r"\d{4}-\d\d-\d\d$", res.value))
        announced = is_announced(res, day, clock) or _same_day_future(res, day, text, cand.start, cand.end)
        out.append(
            TimeExpr(cand.start, cand.end, text[cand.start : cand.end], res.value, res.type, announced)
        )
    return tuple(out)


def is_announced(res: Resolved, anchor: date | None, clock: str | None = None) -> bool:
    """True when the expression points after the anchor (a future event as of publication)."""
    if res.value == "FUTURE_REF":
        return True
    if anchor is None or res.type not in ("DATE", "TIME"):
        return False
    start = period_start(res.value)
    if start is None:
        return False
    if start == anchor and clock and res.type == "TIME":
        m = re.search(r"T(\d\d):(\d\d)", res.value)
        return bool(m) and f"{m[1]}:{m[2]}" > clock if m else False
    return start > anchor


def _same_day_future(res: Resolved, anchor: date | None, text: str, start: int, end: int) -> bool:
    """ "will meet tonight", "talks resume today": the publication day itself, in a future-tense clause."""
    if anchor is None or not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T(?:MO|AF|EV|NI|MI))?", res.value):
        return False
    return period_start(res.value) == anchor and tense_at(text, start, end) == "future"


def period_start(value: str) -> date | None:
    """First day of the period a TIMEX3 date value names ("2022-W05" → 2022-01-31), or None."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?", value)
    if m is None:
        m3 = re.match(r"(\d{2,3})(?!\d)", value)
        if m3 is None:
            return None
        digits = m3[1]
        return date(int(digits) * (100 if len(digits) == 2 else 10) or 1, 1, 1)
    y = int(m[1])
    if m[3]:
        return date(y, int(m[2]), int(m[3]))
    if m[2]:
        return date(y, int(m[2]), 1)
    if m[4]:
        try:
            return date.fromisocalendar(y, int(m[4]), 1)
        except ValueError:
            return None
    if m[5]:
        return date(y, 3 * int(m[5]) - 2, 1)
    if m[6]:
        return date(y, 1 if m[6] == "1" else 7, 1)
    if m[7]:
        return date(y, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[7]], 1)
    return date(y, 1, 1)
