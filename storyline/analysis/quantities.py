"""Quantities in text: "more than 100,000 troops", "tens of thousands of Russian troops", "1.5 million".

Each quantity becomes an interval of values it allows: approximations ("about",
"some") widen it, bounds ("more than", "up to") open one side, ranges give both
ends and vague magnitudes ("tens of thousands") cover their order of magnitude.
The counted thing is a head noun mapped onto a class (troops ≈ soldiers ≈ forces).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from storyline.analysis._text import stem, wordset

_INF = math.inf
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUMS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
    "a thousand": 1000, "a dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "hundreds of thousands": (200_000, 999_999),
    "tens of thousands": (20_000, 99_999),
    "a few thousand": (2_000, 5_000),
    "several thousand": (3_000, 9_999),
    "thousands": (2_000, 9_999),
    "a few hundred": (200, 500),
    "several hundred": (300, 999),
    "hundreds": (200, 999),
    "dozens": (24, 99),
    "millions": (2_000_000, 999_999_999),
}
_MODS = {
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx", "almost": "nearly",
    "nearly": "nearly", "close to": "nearly", "more than": "over", "over": "over", "at least": "over",
    "upwards of": "over", "well over": "over", "in excess of": "over", "up to": "under",
    "as many as": "under", "at most": "under", "no more than": "under", "fewer than": "under",
    "less than": "under", "under": "under", "just under": "nearly",
}  # fmt: skip
_MOD_RE = "|".join(sorted((re.escape(m) for m in _MODS), key=len, reverse=True))
_VAGUE_RE = "|".join(re.escape(v) for v in _VAGUE)
_WORD_RE = "|".join(sorted((re.escape(w) for w in _WORDNUMS), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?:\b(?:between|from)\s+)?(?:\b(?P<mod>{_MOD_RE})\s+)?(?:another\s+)?"
    rf"(?:(?P<vague>\b(?:{_VAGUE_RE}))\b|(?P<num>{_NUM}|(?<![-\w])(?:{_WORD_RE})\b)"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM}))?(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?)",
    re.I,
)
_FOLLOW_WORD = re.compile(r"\s+([\w’'-]+)")
MAX_BETWEEN = 3
MIN_HEADLESS = 100
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)—–]|$|\s(?:on|in|at|by|last|this|as|according)\b)")
_NUMBER_OF = re.compile(r"\b(?:number|figure|total|count|toll|tally) of ([a-z]+)\b")
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|further|additional|extra|new)\s+(?:batch\s+of\s+)?(?:\w+\s+){0,1}$", re.I
)
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra|further)\b")
_SKIP_BETWEEN = wordset("more additional extra new other its their his her the our of")
HEAD_CLASSES = {
    "troop": "troops", "soldier": "troops", "force": "troops", "servicemen": "troops",
    "personnel": "troops", "fighter": "troops", "marine": "troops", "serviceman": "troops",
    "people": "people", "person": "people", "civilian": "people", "resident": "people",
    "death": "deaths", "dead": "deaths", "fatality": "deaths", "fatalitie": "deaths", "body": "deaths",
    "injured": "injured", "wounded": "injured", "refugee": "refugees", "migrant": "refugees",
    "protester": "protesters", "demonstrator": "protesters", "tank": "tanks", "dollar": "dollars",
}  # fmt: skip
_UNITS_SKIPPED = wordset(
    "hour minute second day week month year time percent per cent mile kilometer kilometre km"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure in a sentence: its words, interval and counted thing."""

    start: int  # offsets into the sentence
    end: int
    text: str
    low: float
    high: float
    head: str  # head class ("troops") or the stemmed head noun
    qualifier: str  # words between the number and the head ("Russian")
    vague: bool
    increment: bool = False  # "another 350", "a further 1,600", "350 more": an addition, not a total


def find_quantities(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(sentence):
        q = _quantity(sentence, m)
        if q is not None:
            out.append(q)
    return out


def _quantity(sentence: str, m: re.Match[str]) -> Quantity | None:
    interval = _interval(m)
    if interval is None or _is_year(m):
        return None
    follow = _head_after(sentence, m.end())
    if follow is None:
        return _headless(sentence, m, interval)
    head_word, qualifier, end = follow
    head = stem(head_word)
    if head in _UNITS_SKIPPED or head_word.lower() in _SCALES or not _countable(m, head_word, head):
        return _headless(sentence, m, interval)
    return _make(sentence, m, interval, end, HEAD_CLASSES.get(head, head), qualifier)


def _make(
    sentence: str, m: re.Match[str], interval: tuple[float, float], end: int, head: str, qualifier: str
) -> Quantity:
    before = sentence[max(0, m.start() - 30) : m.start()]
    increment = bool(_INCREMENT_BEFORE.search(before) or _INCREMENT_AFTER.match(sentence, m.end()))
    return Quantity(
        start=m.start(),
        end=end,
        text=sentence[m.start() : end],
        low=interval[0],
        high=interval[1],
        head=head,
        qualifier=qualifier,
        vague=m.group("vague") is not None,
        increment=increment or "another" in m.group(0).lower(),
    )


def _headless(sentence: str, m: re.Match[str], interval: tuple[float, float]) -> Quantity | None:
    """ "put the figure at 12,500." — a large number closing its clause; its head comes from
    "the number of X" before it, or is left empty for the caller to take from the previous figure."""
    if m.group("vague") or interval[1] < MIN_HEADLESS or not _CLAUSE_END.match(sentence, m.end()):
        return None
    named = _NUMBER_OF.search(sentence[max(0, m.start() - 80) : m.start()])
    head = stem(named.group(1)) if named else ""
    return _make(sentence, m, interval, m.end(), HEAD_CLASSES.get(head, head), "")


def _head_after(sentence: str, pos: int) -> tuple[str, str, int] | None:
    """The counted noun after a number, skipping "of", "more", "its" and capitalised qualifiers."""
    qualifier: list[str] = []
    for _ in range(MAX_BETWEEN + 1):
        m = _FOLLOW_WORD.match(sentence, pos)
        if m is None:
            return None
        word, pos = m.group(1), m.end()
        if word.lower() in _SKIP_BETWEEN:
            continue
        if word[:1].isupper():
            qualifier.append(word)
            continue
        if not word[:1].isalpha():
            return None
        if stem(word) not in HEAD_CLASSES and _next_is_head(sentence, pos):
            continue  # "12,500 displaced people": a participle before the counted noun
        return word, " ".join(qualifier), pos
    return None


def _next_is_head(sentence: str, pos: int) -> bool:
    m = _FOLLOW_WORD.match(sentence, pos)
    return m is not None and stem(m.group(1)) in HEAD_CLASSES


def _countable(m: re.Match[str], word: str, head: str) -> bool:
    """A known class, or a plural noun; a bare "one" is too ambiguous to count."""
    if (m.group("num") or "").lower() == "one":
        return False
    return head in HEAD_CLASSES or (word.lower().endswith("s") and not word.lower().endswith("ss"))


def _is_year(m: re.Match[str]) -> bool:
    num = m.group("num")
    return bool(num and re.fullmatch(r"(?:1[89]|20)\d\d", num) and not m.group("mod"))


def _value(text: str) -> float:
    low = text.lower()
    if low in _WORDNUMS:
        return float(_WORDNUMS[low])
    return float(text.replace(",", ""))


def _interval(m: re.Match[str]) -> tuple[float, float] | None:
    if m.group("vague"):
        v_lo, v_hi = _VAGUE[m.group("vague").lower()]
        return _modify(m.group("mod"), float(v_lo), float(v_hi), exact=0.0)
    scale = _SCALES.get((m.group("scale") or "").lower(), 1)
    lo: float = _value(m.group("num")) * scale
    hi: float = _value(m.group("num2")) * scale if m.group("num2") else lo
    if hi < lo:
        return None
    return _modify(m.group("mod"), lo, hi)


def _modify(mod: str | None, lo: float, hi: float, exact: float = 0.005) -> tuple[float, float]:
    kind = _MODS.get((mod or "").lower())
    if kind == "approx":
        return lo * 0.9, hi * 1.1
    if kind == "nearly":
        return lo * 0.85, hi
    if kind == "over":
        return lo, _INF
    if kind == "under":
        return 0.0, hi
    return lo * (1 - exact), hi * (1 + exact)


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when some value satisfies both figures."""
    return a.low <= b.high and b.low <= a.high


def same_figure(a: Quantity, b: Quantity) -> bool:
    return (a.low, a.high) == (b.low, b.high)
