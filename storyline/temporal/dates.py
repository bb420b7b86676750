"""Normalisers for calendar dates: explicit dates, months, years, decades, seasons, quarters.

Each function takes the regex match of its rule and the :class:`Context` and
returns a :class:`Resolved` or None (the match is then dropped).  Dates that
lack a year take it from the anchor (news) or the last mentioned year
(narrative), moved by one year when the clause's tense says so.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.temporal.calendar import Context, Resolved, add_months, safe_date
from storyline.temporal.lexicon import MONTHS, ORDINALS
from storyline.temporal.tense import tense_at

_MODS = {"early": "START", "late": "END", "mid": "MID"}


def mod_of(m: re.Match[str]) -> str | None:
    """TIMEX3 mod for an "early"/"late"/"mid"/"the end of" prefix."""
    raw = m.groupdict().get("mod")
    if not raw:
        return None
    w = raw.lower()
    for key, val in (
        ("beginning", "START"),
        ("start", "START"),
        ("end", "END"),
        ("close", "END"),
        ("middle", "MID"),
    ):
        if key in w:
            return val
    return _MODS.get(
        w.split()[0],
        "START" if "early" in w or "first" in w else "END" if "late" in w or "last" in w else None,
    )


def month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS[w[:3]]


def day_num(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _year(word: str, ctx: Context) -> int:
    y = int(word)
    if len(word) == 2:
        base = (
            ctx.ref_year
            if (ctx.narrative or not ctx.anchor) and ctx.ref_year
            else ctx.anchor.year
            if ctx.anchor
            else 2000
        )
        y += 100 * (base // 100)
        if y > base + 10:
            y -= 100
    return y


def guess_year(month: int, day: int | None, ctx: Context, start: int, end: int) -> int | None:
    """The year of a month (and day) mention that has none."""
    base_year = ctx.year_base()
    if base_year is None:
        return None
    if ctx.narrative or ctx.anchor is None:
        return base_year
    anchor = ctx.anchor
    tense = tense_at(ctx.text, start, end)
    if re.search(
        r"\b(?:since|last)\s+(?:(?:early|late|mid)[\s-]+)?$", ctx.text[max(0, start - 12) : start], re.I
    ):
        tense = "past"
    if day is None:
        return _month_year(month, anchor.month, base_year, tense)
    gap = (month - anchor.month) * 31 + ((day or 15) - anchor.day)
    if tense == "past":
        return base_year - 1 if gap > 62 else base_year
    if tense == "future":
        return base_year + 1 if gap < -62 else base_year
    if gap > 200:
        return base_year - 1
    if gap < -250:
        return base_year + 1
    return base_year


PAST_MONTH_GAP = 2  # "announced a meeting for February" (said in January) stays this year


def _month_year(month: int, anchor_month: int, year: int, tense: str | None) -> int:
    if tense == "past":
        return year - 1 if month - anchor_month >= PAST_MONTH_GAP else year
    if tense == "future":
        return year + 1 if month < anchor_month else year
    if month - anchor_month > 6:
        return year - 1
    return year + 1 if anchor_month - month > 6 else year


def full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "February 7, 2022", "7 February 2022", "2022-02-07", "2/7/2022"."""
    gd = m.groupdict()
    month = month_num(gd["mname"]) if gd.get("mname") else int(gd["m"])
    d = safe_date(_year(gd["y"], ctx), month, day_num(gd["d"]))
    if d is None:
        return None
    if gd.get("H"):
        return Resolved(f"{d.isoformat()}T{gd['H']}:{gd['M']}", "TIME")
    return Resolved(d.isoformat(), "DATE", mod_of(m))


def month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "Feb. 20", "20 February", "the 20th of February"."""
    month, day = month_num(m.group("mname")), day_num(m.group("d"))
    if not 1 <= day <= 31:
        return None
    year = guess_year(month, day, ctx, m.start(), m.end())
    if year is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}", "DATE", mod_of(m))
    d = safe_date(year, month, day)
    return Resolved(d.isoformat(), "DATE", mod_of(m)) if d else None


def month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "February 2022", "February of 1940"."""
    return Resolved(f"{_year(m.group('y'), ctx):04d}-{month_num(m.group('mname')):02d}", "DATE", mod_of(m))


def month_only(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "April", "in April", "since December", "last March", "mid-February"."""
    month = month_num(m.group("mname"))
    rel = (m.group("rel") or "").lower()
    mod = mod_of(m) or {"early": "START", "late": "END"}.get(rel)
    if rel in ("last", "past", "next", "coming") and ctx.anchor:
        a = ctx.anchor
        if rel in ("last", "past"):
            year = a.year if month < a.month else a.year - 1
        else:
            year = a.year if month > a.month else a.year + 1
    else:
        year_or_none = guess_year(month, None, ctx, m.start(), m.end())
        if year_or_none is None:
            return Resolved(f"XXXX-{month:02d}", "DATE", mod)
        year = year_or_none
    return Resolved(f"{year:04d}-{month:02d}", "DATE", mod)


def year_only(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "2015", "fiscal 1990", "'89"."""
    gd = m.groupdict()
    word = gd.get("y") or gd.get("y2")
    if word is None:
        return None
    return Resolved(f"{_year(word, ctx):04d}", "DATE", mod_of(m))


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the 1990s" -> 199, "the '80s" -> 198, "the 1800s" -> 18."""
    gd = m.groupdict()
    if gd.get("dec"):
        y = int(gd["dec"])
        value = (
            f"{y // 100:02d}"
            if y % 100 == 0 and m.group(0).lower().startswith("the") and y < 2000
            else f"{y // 10:03d}"
        )
        return Resolved(value, "DATE", mod_of(m))
    century = (ctx.year_base() or 1900) // 100
    tens = int(gd["dec2"][0]) if gd.get("dec2") else _DECADE_WORDS[gd["decw"].lower()]
    if century * 100 + tens * 10 > (ctx.anchor.year if ctx.anchor else 2100):
        century -= 1
    return Resolved(f"{century:02d}{tens}", "DATE", mod_of(m))


def century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the 19th century" -> 18."""
    word = m.group("cent").lower()
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(word, 0)
    return Resolved(f"{n - 1:02d}", "DATE", mod_of(m)) if n > 0 else None


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "this summer", "the winter of 1940", "last spring"."""
    code = _SEASONS[m.group("season").lower()]
    det = (m.group("sdet") or "").lower()
    if m.group("syear"):
        year: int | None = int(m.group("syear"))
    else:
        year = ctx.year_base()
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        anchor_month = ctx.anchor.month if ctx.anchor and not ctx.narrative else None
        if year is not None and det in ("last", "past", "this past") and anchor_month:
            year -= 0 if start_month < anchor_month else 1
        elif year is not None and det in ("next", "coming", "this coming") and anchor_month:
            year += 0 if start_month > anchor_month else 1
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(det)
    return Resolved(f"{year:04d}-{code}" if year is not None else f"XXXX-{code}", "DATE", mod)


_QWORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the third quarter", "the fourth quarter of 1989", "Q4", "the first half"."""
    gd = m.groupdict()
    if gd.get("qn"):
        n, half = int(re.sub(r"\D", "", gd["qn"])), False
    else:
        half = gd["qu"].lower() == "half"
        word = gd["q"].lower()
        n = _QWORDS.get(word, 0)
    year = _quarter_year(gd.get("qy") or gd.get("qpre"), ctx)
    if n == 0:
        return _relative_quarter(gd["q"].lower(), half, ctx)
    if half and n > 2:
        return None
    if year is None:
        return Resolved(f"XXXX-{'H' if half else 'Q'}{n}", "DATE")
    if not gd.get("qy") and not gd.get("qpre") and ctx.anchor and not ctx.narrative:
        current = (ctx.anchor.month - 1) // (6 if half else 3) + 1
        if n > current and tense_at(ctx.text, m.start(), m.end()) != "future":
            year -= 1
    return Resolved(f"{year:04d}-{'H' if half else 'Q'}{n}", "DATE")


def _quarter_year(word: str | None, ctx: Context) -> int | None:
    base = ctx.year_base()
    if not word:
        return base
    w = word.lower()
    if w[0].isdigit():
        return int(w)
    if base is None:
        return None
    if w.startswith(("last", "year-")):
        return base - 1
    return base + 1 if w.startswith("next") else base


def _relative_quarter(word: str, half: bool, ctx: Context) -> Resolved | None:
    a = ctx.anchor
    if a is None:
        return None
    unit = 6 if half else 3
    cur = (a.month - 1) // unit
    back = {"current": 0, "latest": 1, "last": 1, "previous": 1, "preceding": 1, "recent": 1, "same": 1}.get(
        word
    )
    if word in ("year-earlier", "year-ago", "comparable"):
        back = 1 + (2 if half else 4)
    if back is None:
        return None
    y, mth = add_months(a.year, cur * unit + 1, -back * unit)
    return Resolved(f"{y:04d}-{'H' if half else 'Q'}{(mth - 1) // unit + 1}", "DATE")


def note_reference(ctx: Context, value: str) -> None:
    """Remember the last explicit date/year mentioned, for anaphora and narrative years."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return
    ctx.ref_year = int(m[1])
    ctx.ref_month = int(m[2]) if m[2] else None
    if m[3]:
        ctx.ref = date(int(m[1]), int(m[2]), int(m[3]))


def era_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "241 BC" -> BC0241, "AD 9" -> 0009."""
    gd = m.groupdict()
    if gd.get("ad"):
        return Resolved(f"{int(gd['ad']):04d}", "DATE")
    era = (gd.get("era") or "").upper().replace(".", "")
    prefix = "BC" if era in ("BC", "BCE") else ""
    return Resolved(f"{prefix}{int(gd['bc']):04d}", "DATE")


def the_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "the quarter" in news: the latest quarter before the anchor."""
    return _relative_quarter("latest", False, ctx)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31)}  # fmt: skip


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise "Christmas", "New Year's Eve 1999" to their day."""
    month, day = _HOLIDAYS[" ".join(m.group("hol").lower().split())]
    year = int(m.group("y")) if m.group("y") else guess_year(month, day, ctx, m.start(), m.end())
    if year is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}", "DATE")
    return Resolved(f"{year:04d}-{month:02d}-{day:02d}", "DATE")


_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def year_words(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Normalise spoken years: "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    if m.group("thousand"):
        last = m.group("thousand").split()[-1].lower()
        return Resolved(f"{2000 + _ONES.get(last, 0):04d}", "DATE")
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group("cent").lower()]
    words = re.split(r"[\s-]+", m.group("tens").lower())
    if words[0] == "o":
        rest = _ONES[words[1]]
    elif words[0] in _TEENS:
        rest = _TEENS[words[0]]
    else:
        rest = _TENS[words[0]] + (_ONES[words[1]] if len(words) > 1 else 0)
    return Resolved(f"{century * 100 + rest:04d}", "DATE")
