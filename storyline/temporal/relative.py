"""Normalisers for expressions relative to the anchor or to the last date mentioned.

"yesterday", "tonight", "Monday night", "last week", "this year", "two years
ago", "the next day", "now".  Weekdays without "last"/"next" take their
direction from the clause's tense: "said Monday" is the Monday on or before
the anchor, "will go on to Kyiv Tuesday" the Tuesday on or after it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.records import TimeType
from storyline.temporal.calendar import (
    Context,
    Resolved,
    at_granularity,
    period_duration,
    shift,
    weekday_near,
)
from storyline.temporal.dates import mod_of
from storyline.temporal.lexicon import PARTS_OF_DAY, number_of, unit_of, weekday_num
from storyline.temporal.tense import tense_at

_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def _day_value(d: date | None, pod: str | None = None) -> str:
    base = d.isoformat() if d else "XXXX-XX-XX"
    return f"{base}T{PARTS_OF_DAY[pod]}" if pod else base


def relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "today", "yesterday", "tomorrow", "tonight", "yesterday morning"."""
    word = _norm(m.group("rday"))
    now = ctx.now()
    d = now + timedelta(days=_DAY_OFFSETS[word]) if now else None
    pod = (m.groupdict().get("pod") or "").lower() or ("night" if word == "tonight" else None)
    return Resolved(_day_value(d, pod), "TIME" if pod else "DATE")


def part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "this morning", "last night", "late last night"."""
    rel = _norm(m.group("rel"))
    pod = m.group("pod").lower()
    offset = (
        -1
        if "last" in rel or rel == "yesterday"
        else 1
        if rel in ("tomorrow", "the next", "the following")
        else 0
    )
    if "last" in rel and pod != "night":
        return None
    now = ctx.base() if rel.startswith(("that", "the ")) else ctx.now()
    d = now + timedelta(days=offset) if now else None
    return Resolved(_day_value(d, pod), "TIME")


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "Monday", "on Monday", "this Friday", "last Tuesday", "Monday night"."""
    wday = weekday_num(m.group("wday"))
    rel = _norm(m.group("rel") or "").replace("the ", "").replace("this ", "")
    pod = (m.group("pod") or "").lower() or None
    kind: TimeType = "TIME" if pod else "DATE"
    base = ctx.now()
    if base is None:
        return Resolved(f"XXXX-WXX-{wday}" + (f"T{PARTS_OF_DAY[pod]}" if pod else ""), kind)
    return Resolved(_day_value(_weekday_date(m, ctx, base, wday, rel), pod), kind)


def _weekday_date(m: re.Match[str], ctx: Context, base: date, wday: int, rel: str) -> date:
    """The weekday's date: "this" = the anchor's week; a bare weekday named before = the same day."""
    plain = (m.group("rel") or "").lower()
    if plain == "this":
        day = base + timedelta(days=wday - base.isoweekday())
    elif (
        not rel
        and wday in ctx.weekdays
        and REUSE_WEEKDAYS
        and not ctx.narrative
        and _agrees(m, ctx, base, wday)
    ):
        day = ctx.weekdays[wday]
    else:
        day = weekday_near(base, wday, _weekday_direction(rel, ctx, m.start(), m.end()))
    if not rel or plain == "this":
        ctx.weekdays.setdefault(wday, day)
    return day


REUSE_WEEKDAYS = True  # news is consistent: a second bare "Thursday" is the first one's date


def _agrees(m: re.Match[str], ctx: Context, base: date, wday: int) -> bool:
    """The earlier same-named day fits this clause's tense ("was at 91 percent on Tuesday" cannot
    reuse a Tuesday that lies ahead of the anchor); a possessive ("Thursday's talks") always fits."""
    if re.match(r"[’']s\b", ctx.text[m.end() : m.end() + 3]):
        return True  # "praised Thursday's talks": the verb's tense says nothing about Thursday
    tense = tense_at(ctx.text, m.start(), m.end())
    earlier = ctx.weekdays[wday]
    return not ((tense == "past" and earlier > base) or (tense == "future" and earlier < base))


def _weekday_direction(rel: str, ctx: Context, start: int, end: int) -> int:
    if rel in ("last", "past", "previous"):
        return -2
    if rel in ("next", "coming", "following"):
        return 2
    tense = tense_at(ctx.text, start, end)
    before = ctx.text[max(0, start - 8) : start]
    if re.search(r"\b(?:until|till|through|next|from)\s+$", before, re.I):
        return 1
    if re.search(r"\bby\s+$", before, re.I) and tense != "past":
        return 1  # but "by Tuesday afternoon the ministry had called it …" is past
    return -1 if tense == "past" else 1 if tense == "future" else 0


def weekday_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "every Monday", "Tuesday nights"."""
    word = (m.group("wday") or m.group("wday2")).lower()
    pod = (m.group("pod") or m.group("pod2") or "").lower().rstrip("s") or None
    return Resolved(f"XXXX-WXX-{weekday_num(word)}" + (f"T{PARTS_OF_DAY[pod]}" if pod else ""), "SET")


_BACK = (
    "last",
    "past",
    "previous",
    "late last",
    "early last",
    "year-earlier",
    "year-ago",
    "preceding",
    "prior",
)
_FWD = ("next", "coming", "following", "early next", "late next", "new")


def relative_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "last week" (2022-W05), "this year", "next month", "the following day", "the past year" (P1Y)."""
    rel = _norm(m.group("rel"))
    unit_word = _norm(m.group("unit")).replace("fiscal ", "")
    if unit_word == "season":
        return None
    u = unit_of(unit_word)
    if u is None:
        return None
    unit = u[0]
    if (
        rel in ("the past", "the last", "the coming", "the next")
        and unit not in ("D", "WE")
        and not mod_of(m)
    ):
        return Resolved(period_duration(1, unit, False), "DURATION")
    anaphoric = rel.startswith(("the ", "that", "same", "earlier that", "later that")) and rel not in (
        "the current",
        "the present",
    )
    base = ctx.base() if anaphoric else ctx.now()
    if base is None:
        return None
    step = -1 if rel.split()[-1] in _BACK or rel in _BACK else 1 if rel.split()[-1] in _FWD else 0
    mod = mod_of(m) or ("START" if rel.startswith("early") else "END" if rel.startswith("late ") else None)
    return Resolved(at_granularity(shift(base, unit, step), unit), "DATE", mod)


def the_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the end of the year", "the beginning of the month" (only with a mod)."""
    mod = mod_of(m)
    u = unit_of(_norm(m.group("unit")).split()[-1])
    if mod is None or u is None or ctx.base() is None:
        return None
    base = ctx.base()
    assert base is not None
    return Resolved(at_granularity(base, u[0]), "DATE", mod)


def ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "two years ago", "a week earlier", "three days later", "a year from now"."""
    direction = _norm(m.group("dir"))
    u = unit_of(m.group("unit"))
    if u is None:
        return None
    if m.group("num") is None and not m.group("unit").lower().endswith("s"):
        return None
    n = number_of(m.group("num")) if m.group("num") else None
    relative_to_now = direction in ("ago", "from now", "hence")
    if n is None:
        if relative_to_now:
            return Resolved("PAST_REF" if direction == "ago" else "FUTURE_REF", "DATE")
        return Resolved("FUTURE_REF" if direction == "later" else "PAST_REF", "DATE")
    base = ctx.now() if relative_to_now else ctx.base()
    if base is None:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "prior") else 1
    if u[0] == "Y" and n == int(n):
        echoed = _shift_last_value(ctx, m.start(), sign * int(n), relative_to_now)
        if echoed:
            return Resolved(echoed, "DATE")
    unit = u[0] if not u[1] else "D"
    if n != int(n):
        return None
    day = shift(base, unit, sign * int(n))
    return Resolved(at_granularity(day, "D" if unit == "W" else unit), "DATE")


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF", "the present time": "PRESENT_REF", "the present day": "PRESENT_REF",
    "present-day": "PRESENT_REF",
    "the time being": "PRESENT_REF", "these days": "PRESENT_REF", "right now": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF", "the past": "PAST_REF",
    "the distant past": "PAST_REF", "the future": "FUTURE_REF", "in future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}  # fmt: skip


def reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "now" (PRESENT_REF), "recently" (PAST_REF), "the future" (FUTURE_REF)."""
    value = _REFS.get(_norm(m.group("ref")))
    return Resolved(value, "DATE") if value else None


def _shift_last_value(ctx: Context, start: int, years: int, now: bool) -> str | None:
    """Normalise "a year earlier" after "the third quarter" means that quarter a year before: keep its granularity.

    For "ago" (counted from the anchor) only a period of the anchor's own year is echoed.
    """
    if ctx.last_value is None or start - ctx.last_end > 250:
        return None
    granularity = r"-Q[1-4]|-H[12]" if now else r"-Q[1-4]|-H[12]|-\d\d|-\d\d-\d\d"
    m = re.fullmatch(rf"(\d{{4}})({granularity})", ctx.last_value)
    if m is None or (now and (ctx.anchor is None or int(m[1]) != ctx.anchor.year)):
        return None
    suffix = m[2]
    if re.fullmatch(r"-\d\d-\d\d", suffix) and suffix == "-02-29":
        return None
    return f"{int(m[1]) + years:04d}{suffix}"


def the_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the weekend": the one before the anchor in past-tense clauses, else the coming one."""
    now = ctx.now()
    if now is None:
        return Resolved("XXXX-WXX-WE", "DATE")
    past = tense_at(ctx.text, m.start(), m.end()) == "past"
    saturday = weekday_near(now, 6, -1 if past else 1)
    return Resolved(at_granularity(saturday, "WE"), "DATE")
