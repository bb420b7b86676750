"""Word lists behind the temporal grammar: months, weekdays, numbers, units.

Everything here is plain data plus two tiny lookups; :mod:`patterns` turns the
lists into regular expressions and :mod:`normalize` uses the maps to build
TIMEX3 values.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3,
    "wed": 3, "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
    "a dozen": 12, "dozen": 12, "a half": 0.5,
}  # fmt: skip

VAGUE_QUANTITIES = (
    "several", "a few", "few", "some", "many", "a number of", "numerous",
    "recent", "the past few", "the last few", "the next few", "the coming",
    "a couple more", "dozens of", "hundreds of", "thousands of",
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}  # fmt: skip

# unit word -> (TIMEX3 unit letter, is a time-of-day unit needing "PT")
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "millennium": ("ML", False), "weekend": ("WE", False), "yr": ("Y", False),
    "hr": ("H", True), "min": ("M", True), "sec": ("S", True),
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI", "dawn": "MO", "daybreak": "MO",
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D",
    "biweekly": "P2W", "everyday": "P1D",
}  # fmt: skip


def unit_of(word: str) -> tuple[str, bool] | None:
    """The TIMEX3 unit letter for a unit word, singular or plural ("weeks" -> "W")."""
    w = word.lower().rstrip(".")
    if w in UNITS:
        return UNITS[w]
    if w.endswith("ies") and w[:-3] + "y" in UNITS:
        return UNITS[w[:-3] + "y"]
    if w == "centuries":
        return UNITS["century"]
    if w.endswith("s") and w[:-1] in UNITS:
        return UNITS[w[:-1]]
    if w == "millennia":
        return UNITS["millennium"]
    return None


def number_of(words: str) -> float | None:
    """The number a numeral or number phrase denotes ("two", "24", "twenty-four"), or None."""
    w = " ".join(words.lower().replace(",", "").split())
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    try:
        return float(w)
    except ValueError:
        pass
    parts = w.replace("-", " ").split()
    if 1 < len(parts) <= 3 and all(p in NUMBER_WORDS for p in parts):
        return _compose(parts)
    return None


def _compose(parts: list[str]) -> float:
    total = 0.0
    for p in parts:
        n = NUMBER_WORDS[p]
        total = total * n if n == 100 and total else total + n
    return total


def weekday_num(word: str) -> int:
    """ISO weekday number (Monday=1) of a weekday name or abbreviation."""
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAYS[w[:3]]
