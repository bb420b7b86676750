"""Normalisers for durations, sets and clock times.

Durations: "five hours" → ``PT5H``, "a two-day visit" → ``P2D``, "for weeks" →
``PXW``, "two and a half years" → ``P2.5Y``, "several months" → ``PXM``.
Sets: "every week" → ``P1W``, "daily" → ``P1D``, "twice a year" → ``P1Y``.
Times: "5:05 AM" → ``<day>T05:05`` where the day is the anchor (or a date
named in the same expression, "tomorrow at 5 p.m.").
"""

from __future__ import annotations

import re
from datetime import timedelta

from storyline.temporal.calendar import Context, Resolved, period_duration, weekday_near
from storyline.temporal.lexicon import SET_ADVERBS, number_of, unit_of, weekday_num
from storyline.temporal.tense import tense_at

_MONEYISH = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|rubles?|yen|times|shares|barrels|tons)\s*$", re.I
)


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "five hours", "a two-day visit", "the past three months", "a year"."""
    u = unit_of(m.group("unit"))
    n = number_of(m.group("num"))
    if u is None or n is None or n <= 0:
        return None
    if m.group("num").lower() in ("a", "an") and _MONEYISH.search(
        ctx.text[max(0, m.start() - 20) : m.start()]
    ):
        return Resolved(period_duration(1, u[0], u[1]), "SET")
    return Resolved(period_duration(n, u[0], u[1]), "DURATION")


def duration_and_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "two and a half years", "a year and a half"."""
    u = unit_of(m.group("unit") or m.group("unit2"))
    n = number_of(m.group("num"))
    if u is None or n is None:
        return None
    return Resolved(_half_value(n + 0.5, u[0], u[1]), "DURATION")


def duration_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "half an hour" → PT30M, "half a year" → P6M."""
    u = unit_of(m.group("unit"))
    return Resolved(_half_value(0.5, u[0], u[1]), "DURATION") if u else None


_SMALLER = {
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
    ("Y", False): (12, "M", False),
    ("D", False): (24, "H", True),
}


def _half_value(n: float, unit: str, is_time: bool) -> str:
    if n < 1 and (unit, is_time) in _SMALLER:
        factor, small, small_time = _SMALLER[(unit, is_time)]
        return period_duration(n * factor, small, small_time)
    if unit == "M" and is_time and not float(n).is_integer():
        return f"PT{int(n)}M30S"
    return period_duration(n, unit, is_time)


def duration_vague(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "several years", "recent weeks", "the past few days" → PXY, PXW, PXD."""
    u = unit_of(m.group("unit"))
    return Resolved(period_duration(None, u[0], u[1]), "DURATION") if u else None


def duration_bare(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "for weeks" → PXW (the "for" is not part of the expression)."""
    u = unit_of(m.group("unit"))
    return Resolved(period_duration(None, u[0], u[1]), "DURATION") if u else None


def set_every(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "every week" → P1W, "every two days" → P2D, "twice a year" → P1Y, "every other day" → P2D."""
    u = unit_of(m.group("unit"))
    if u is None:
        return None
    n = number_of(m.group("num")) if m.group("num") else 1.0
    if m.group("other"):
        n = 2.0
    return Resolved(period_duration(n, u[0], u[1]), "SET")


def set_adverb(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "daily" → P1D, "weekly" → P1W, "annually" → P1Y."""
    return Resolved(SET_ADVERBS[m.group("adv").lower()], "SET")


def clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "5:05 AM", "9:34 p.m. EST", "tomorrow at 5 pm", "12:00 UTC", "noon"."""
    gd = m.groupdict()
    hour, minute = _clock_parts(gd)
    if hour is None:
        return None
    day = _clock_day(gd.get("rel"), ctx)
    zone = "Z" if (gd.get("tz") or "").upper() in ("UTC", "GMT", "Z") else ""
    return Resolved(f"{day}T{hour:02d}:{minute:02d}{zone}", "TIME")


def _clock_parts(gd: dict[str, str | None]) -> tuple[int | None, int]:
    if gd.get("word"):
        word = (gd["word"] or "").lower()
        return (0, 0) if word == "midnight" else (12, 0)
    raw = gd.get("h") or gd.get("hw")
    n = number_of(raw) if raw else None
    if n is None or n > 23:
        return None, 0
    hour = int(n)
    ampm = (gd.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    elif not ampm and not gd.get("min") and hour > 12:
        return None, 0
    return hour, int(gd.get("min") or 0)


def _clock_day(rel: str | None, ctx: Context) -> str:
    base = ctx.ref if ctx.ref and (ctx.narrative or ctx.ref_fresh) else ctx.anchor
    if base is None:
        return "XXXX-XX-XX"
    offset = {"tomorrow": 1, "yesterday": -1}.get((rel or "").lower(), 0)
    return (base + timedelta(days=offset)).isoformat()


def clock_with_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "10 p.m. Wednesday", "noon Thursday", "16:00 UTC today"."""
    gd = m.groupdict()
    hour, minute = _clock_parts(gd)
    if hour is None:
        return None
    zone = "Z" if (gd.get("tz") or "").upper() in ("UTC", "GMT", "Z") else ""
    now = ctx.now()
    if now is None:
        day = f"XXXX-WXX-{weekday_num(gd['wday'])}" if gd.get("wday") else "XXXX-XX-XX"
    elif gd.get("wday"):
        tense = tense_at(ctx.text, m.start(), m.end())
        direction = -1 if tense == "past" else 1 if tense == "future" else 0
        day = weekday_near(now, weekday_num(gd["wday"]), direction).isoformat()
    else:
        offset = {"yesterday": -1, "tomorrow": 1}.get((gd.get("rday") or "").lower(), 0)
        day = (now + timedelta(days=offset)).isoformat()
    return Resolved(f"{day}T{hour:02d}:{minute:02d}{zone}", "TIME")
