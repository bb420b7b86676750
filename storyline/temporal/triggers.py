"""Speed: run each grammar rule only near the words its matches must contain.

Every match of a rule listed in :data:`TRIGGERS` contains one of its trigger
words ("quarter", a month name, a unit...), so the rule's full regular
expression only needs to run within :data:`WINDOW` characters of a trigger
hit.  Triggers are written in lower case and searched in an ASCII-lowercased
copy of the text (same length, same offsets), which is much faster than
case-insensitive matching; month triggers are case-sensitive like the month
rules.  ``tests/test_temporal.py`` checks the result equals a full scan.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

WINDOW = 150
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

_UNIT = (
    r"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries"
    r"|weekends?|quarters?|yrs?|hrs?|mins?|seasons?)\b"
)
_MONTH = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\."
CASE_SENSITIVE = frozenset({"mdy", "dmy", "md", "dm", "my", "month"})

TRIGGERS: dict[str, str] = {
    "mdy": _MONTH, "dmy": _MONTH, "md": _MONTH, "dm": _MONTH, "my": _MONTH, "month": _MONTH,
    "decade": r"\d0'?s|ties\b", "century": r"century", "season": r"spring|summer|fall|autumn|winter",
    "quarter": r"quarter|half", "weekday": _WEEKDAY, "weekday_set": _WEEKDAY, "rel_period": _UNIT,
    "the_unit": _UNIT, "ago": r"ago|earlier|later|hence|from\s+now|previously", "duration_and_half": r"half",
    "duration_half": r"half", "duration": _UNIT, "duration_vague": _UNIT, "set_every": _UNIT,
    "clock_word": r"noon|midnight|midday|o'clock", "set_adverb": r"daily|weekly|monthly|yearly|annually|hourly|nightly|everyday", "clock24": r"\d:\d\d", "clock_mil": r"gmt|utc",
    "holiday": r"christmas|year's|valentine|halloween", "quarter_q": r"q[1-4]|[1-4]q",
    "iso": r"\d{4}-\d\d-\d\d", "numeric": r"\d/\d", "year_short": r"'\d\d|\d{4}[-\u2013]\d\d",
    "duration_bare": _UNIT, "year": r"\d{4}", "year_words": r"nineteen|eighteen|twenty|thousand",
    "year_bc": r"\b(?:bc|b\.c|ad|a\.d|ce)\b", "clock": r"[ap]\.?\s?m", "rel_day": r"today|tonight|yesterday|tomorrow",
    "rel_day_pod": r"today|yesterday|tomorrow", "pod_rel": r"morning|afternoon|evening|night",
    "the_quarter": r"quarter", "the_weekend": r"weekend",
    "ref": r"\bnow|current|present|recent|lately|past|future|time\s+being|these\s+days",
    "clock_day": r"[ap]\.?\s?m\b|noon|midnight|midday|\d[:.]\d\d",
}  # fmt: skip


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(pattern) for kind, pattern in TRIGGERS.items()}


class TriggerIndex:
    """Trigger windows of one text, computed once per trigger pattern."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.translate(_LOWER)
        self._windows: dict[tuple[str, bool], list[tuple[int, int]]] = {}

    def matches(self, kind: str, regex: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``regex``'s matches in the text, searched only near ``kind``'s triggers (if it has any)."""
        trigger = _compiled().get(kind)
        if trigger is None:
            yield from regex.finditer(self.text)
            return
        for lo, hi in self.windows(trigger, kind in CASE_SENSITIVE):
            yield from regex.finditer(self.text, lo, hi)

    def windows(self, trigger: re.Pattern[str], case_sensitive: bool) -> list[tuple[int, int]]:
        key = (trigger.pattern, case_sensitive)
        if key not in self._windows:
            self._windows[key] = _merge(
                trigger.finditer(self.text if case_sensitive else self.lower), len(self.text)
            )
        return self._windows[key]


def _merge(hits: Iterator[re.Match[str]], length: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in hits:
        lo, hi = max(0, m.start() - WINDOW), min(length, m.end() + WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans
