"""Calendar arithmetic and TIMEX3 value formatting, plus the resolution context.

Values follow TIMEX3: ``2022-02-07`` (day), ``2022-W05`` (ISO week), ``2022-02``
(month), ``2022`` (year), ``202`` (decade), ``20`` (century), ``2022-Q1``,
``2022-SP`` (season), ``2022-02-07TNI`` (part of day), ``PT5H``/``P2D``
(durations), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.  Unknown digits are
``X``: with no anchor "Feb. 20" is ``XXXX-02-20``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.errors import InputError
from storyline.records import TimeType


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised value: TIMEX3 value, type and optional mod (START, MID, END, APPROX...)."""

    value: str
    type: TimeType
    mod: str | None = None


@dataclass(slots=True)
class Context:
    """What a normaliser may look at: the text, the anchor and the last date mentioned.

    ``narrative`` switches month/day mentions without a year to the last
    mentioned year (history texts) instead of the anchor's (news).
    """

    text: str
    anchor: date | None
    anchor_time: str | None = None
    narrative: bool = False
    ref: date | None = None  # last day-precise date mentioned
    ref_year: int | None = None  # last year mentioned
    ref_month: int | None = None
    last_value: str | None = None  # the last DATE value, any granularity ("1989-Q3")
    last_end: int = -1000
    ref_fresh: bool = False
    weekdays: dict[int, date] = field(
        default_factory=dict
    )  # bare weekdays resolved so far  # the last expression was a day-precise date ("Monday at 5 p.m.")

    def base(self) -> date | None:
        """The date anaphora ("the next day") count from."""
        return self.ref or self.now()

    def now(self) -> date | None:
        """The date deictic words ("today", "this year") count from: the anchor in news,
        the last date mentioned in narrative text."""
        if self.narrative:
            if self.ref is not None:
                return self.ref
            if self.ref_year is not None:
                return date(self.ref_year, self.ref_month or 1, 1)
        return self.anchor

    def year_base(self) -> int | None:
        if self.narrative and self.ref_year is not None:
            return self.ref_year
        return self.anchor.year if self.anchor else None


def parse_anchor(anchor: str | None) -> tuple[date | None, str | None]:
    """Split "YYYY-MM-DD[THH:MM]" into a date and an optional "HH:MM"; InputError when malformed."""
    if not anchor:
        return None, None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", anchor.strip())
    d = safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None
    if m is None or d is None:
        raise InputError(
            f"bad anchor date {anchor!r}", hint='give the publication date as "YYYY-MM-DD[THH:MM]" or None'
        )
    return d, (f"{m[4]}:{m[5]}" if m[4] else None)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def ymd(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (D, W, M, Y, DE, CE, Q, WE)."""
    if unit in ("D", "WE"):
        return d + timedelta(days=n if unit == "D" else 7 * n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0) * n
    y, m = add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def at_granularity(d: date, unit: str) -> str:
    """TIMEX3 value of the unit-sized period containing ``d``."""
    if unit in ("D", "H", "S"):
        return ymd(d)
    if unit == "W":
        return iso_week(d)
    if unit == "WE":
        return iso_week(d) + "-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (1=Mon) on or before (direction -1) / after (+1) the anchor.

    direction -2/+2 exclude the anchor day itself; 0 picks the nearer one, ties to the past.
    """
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if direction == -2:
        return anchor - timedelta(days=back or 7)
    if direction == 2:
        return anchor + timedelta(days=fwd or 7)
    if direction < 0:
        return anchor - timedelta(days=back)
    if direction > 0:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def period_duration(n: float | None, unit: str, is_time: bool) -> str:
    """``P5D``, ``PT5H``, ``PXY``; decades and centuries as years (``P10Y``)."""
    if unit == "DE":
        n, unit = (None if n is None else n * 10), "Y"
    elif unit == "CE":
        n, unit = (None if n is None else n * 100), "Y"
    elif unit == "WE":
        unit = "WE"
    amount = "X" if n is None else _fmt_number(n)
    return f"PT{amount}{unit}" if is_time else f"P{amount}{unit}"


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"
