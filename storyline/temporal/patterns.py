"""Recognition: a compiled regular-expression grammar for English temporal expressions.

Each :class:`Rule` names the *kind* of expression it finds (``"mdy"``,
``"weekday"``, ``"duration"``...); :mod:`storyline.temporal.resolve` maps kinds
to normalisers.  :func:`find_candidates` runs every rule over the text and
keeps the longest non-overlapping matches, the way HeidelTime does.
Month names are matched case-sensitively ("May" the month, not "may" the
verb); everything else ignores case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from storyline.temporal.lexicon import NUMBER_WORDS, ORDINALS, SET_ADVERBS
from storyline.temporal.triggers import TriggerIndex

Guard = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    regex: re.Pattern[str]
    guard: Guard | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    match: re.Match[str]


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH_FORMS = (
    r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_WEEKDAY_FORMS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Satur|Sun)day"
_WEEKDAY_ABBR = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NUMW = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?(?:{_NUMW}))"
_VAGUE = r"(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous|recent|dozens\s+of|hundreds\s+of|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+first\s+few)"
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie)|weekend|quarter|yr|hr|min)s?"
_APPROX = (
    r"(?:(?:about|around|nearly|almost|roughly|approximately|some|over(?!\s+the\b)|under|just\s+over|just\s+under|well\s+over"
    r"|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|the"
    r"|the\s+(?:past|last|next|previous|coming|first|final|initial|remaining|following)(?:\s+full)?)\s+)"
)
_MOD = (
    r"(?:(?P<mod>early|late|mid|the\s+(?:beginning|start|end|middle|close|turn|rest|remainder|first\s+half|second\s+half)"
    r"\s+of|(?:early|late)\s+in|the\s+(?:early|late)\s+part\s+of|the\s+(?:first|last|final|closing|opening)\s+(?:(?:two|three|four|few|\d+)\s+)?(?:days?|weeks?|months?)\s+of)[\s-]+)?"
)
_POD = r"(?P<pod>morning|afternoon|evening|night|overnight)"
_TZ = r"(?:\s*\(?(?P<tz>(?-i:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|BST|CET|CEST|MSK|ET|PT|Z))\)?)?"
_AMPM = r"(?P<ampm>[ap]\.\s?m\.|[ap]m\b|(?-i:AM|PM)\b)"


def _year_guard(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 4) : m.start()]
    after = text[m.end() : m.end() + 12]
    if re.search(r"[$€£#]\s?$|\d[.,]?$|No\.\s?$|\b(?:flight|route|model|number|nos?)\s$", before, re.I):
        return False
    if re.match(r"\s*(?:GMT|UTC|hours\b|hrs\b|local\s+time)", after, re.I):
        return False
    if re.match(
        r"(?:[.,]\d|\d|%|\s?(?:percent|per\s+cent|km|kilomet|miles|meters|metres|feet|tons|troops|soldiers|people|men|members))",
        after,
        re.I,
    ):
        return False
    return not re.match(r"-\d", after) or bool(re.match(r"-(?:(?:1[0-9]|20)\d\d|\d\d)(?!\d)", after))


def _month_guard(text: str, m: re.Match[str]) -> bool:
    word = m.group("mname") if "mname" in m.groupdict() else m.group(0)
    if word not in ("May", "March", "MAY", "MARCH"):
        return True
    before = text[max(0, m.start() - 12) : m.start()].lower()
    after = text[m.end() : m.end() + 8]
    return bool(
        re.search(
            r"\b(?:in|since|by|until|till|of|from|to|early|late|mid|through|during|last|next|this|and|or)[\s-]*$",
            before,
        )
    ) or bool(re.match(r"\s*(?:,\s*)?\d", after))


def _season_guard(text: str, m: re.Match[str]) -> bool:
    if m.group("syear"):
        return True
    if m.group("season").lower() in ("summer", "winter", "autumn") and not m.group("sdet"):
        return not re.match(
            r"\s+(?:of|camp|school|games|olympics|house|palace)\b", text[m.end() : m.end() + 10], re.I
        )
    if re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return False
    if m.group("sdet"):
        return True
    before = text[max(0, m.start() - 10) : m.start()].lower()
    return bool(re.search(r"\b(?:in|during|by|until|since|through|over|this|of)\s+$", before))


def _bare_unit_guard(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(?:for|within|over|lasted|took|lasting|last)\s+$", before))


def _num_guard(text: str, m: re.Match[str]) -> bool:
    """Reject "one day" used as "some day" and digits glued to other numbers."""
    before = text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[\d$.,]$", before):
        return False
    unit = m.group("unit").lower()
    after = text[m.end() : m.end() + 16]
    if unit.startswith("second") and re.match(
        r"\s+(?!of\b|and\b|or\b|in\b|to\b|later\b|ago\b|before\b|after\b)[a-z]", after
    ):
        return False
    if unit.startswith("quarter") and (re.match(r"\s+of\b", after) or "-" in m.group(0)[:-8]):
        return False
    if m.group(0).lower() == "one day" and re.match(r"\s*,", after):
        return False  # "One day, he said, ..." is not a duration
    return not (m.group(0).lower().startswith("a second") and unit.startswith("second"))


def _clock_day_guard(text: str, m: re.Match[str]) -> bool:
    has_colon = ":" in m.group(0).split()[0]
    return bool(m.group("word") or m.group("ampm") or (m.group("min") and (has_colon or m.group("tz"))))


def _r(kind: str, pattern: str, guard: Guard | None = None) -> Rule:
    return Rule(
        kind,
        re.compile(
            rf"(?<![\w])(?:(?<![A-Za-z]-)|(?=\d)|(?-i:(?=[A-Z])))(?:{pattern})(?:(?![\w])|(?<=\d)(?-i:(?=[A-Z][a-z])))",
            re.I,
        ),
        guard,
    )


def _month(name: str = "mname") -> str:
    return rf"(?P<{name}>{_MONTH_FORMS})"


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The grammar, compiled once."""
    wd = rf"(?:(?P<wday>{_WEEKDAY_FORMS})[ \t]*,?[ \t]+)?"
    ordw = _alt([w for w in ORDINALS if ORDINALS[w] > 0])
    return (
        _r("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<H>[0-2]\d):(?P<M>[0-5]\d))?"),
        _r("numeric", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})"),
        _r("mdy", rf"{wd}{_MOD}{_month()}\s*(?P<d>{_DAY})(?:\s*,\s*|\s+)(?P<y>{_YEAR})"),
        _r("dmy", rf"{wd}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?{_month()},?\s+(?P<y>{_YEAR})"),
        _r("md", rf"{wd}{_MOD}{_month()}\s*(?P<d>{_DAY})(?!\s*,?\s*\d)(?!:\d)"),
        _r("dm", rf"{wd}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?{_month()}"),
        _r("my", rf"{_MOD}{_month()}(?:\s*,\s*|\s+of\s+|\s+)(?P<y>{_YEAR})(?!\d)"),
        _r("month", rf"{_MOD}(?:(?P<rel>last|next|this|past|coming|early|late)\s+)?{_month()}", _month_guard),
        _r(
            "decade",
            rf"(?:the\s+)?{_MOD}(?:(?P<dec>1[0-9]\d0|20[0-2]0)'?s|'(?P<dec2>\d0)s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
        ),
        _r("century", rf"(?:the\s+)?{_MOD}(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ordw})[\s-]+century"),
        _r("year", rf"{_MOD}(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?(?P<y>{_YEAR})", _year_guard),
        _r(
            "year_bc",
            r"(?P<bc>\d{1,4})\s*(?P<era>BC|B\.C\.|BCE|AD|A\.D\.|CE)|(?P<era2>AD|A\.D\.)\s*(?P<ad>\d{1,4})",
        ),
        _r(
            "year_words",
            r"(?:the\s+year\s+)?(?:(?P<cent>nineteen|eighteen|twenty)[\s-]+(?P<tens>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|o[\s-](?:one|two|three|four|five|six|seven|eight|nine))|(?P<thousand>(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?))",
        ),
        _r("year_short", r"(?:fiscal\s+)?'(?P<y2>\d\d)(?!s)"),
        _r("year_short", r"(?<=\d\d\d\d[-\u2013])(?P<y2>\d\d)(?![-\u2013]?\d)"),
        _r(
            "season",
            rf"(?:(?P<sdet>the|this|last|next|past|this\s+past|this\s+coming|coming|early|late|mid)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<syear>{_YEAR}))?",
            _season_guard,
        ),
        _r(
            "quarter",
            rf"(?:the\s+)?(?:(?P<qpre>this\s+year's|last\s+year's|next\s+year's|year-ago|year-earlier|{_YEAR})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|final|current|previous|preceding|same|year-earlier|year-ago|comparable|recent|fiscal)(?:\s+(?:fiscal|calendar))?[\s-]+(?P<qu>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<qy>{_YEAR}|this\s+year|last\s+year|next\s+year))?",
        ),
        _r("the_quarter", r"the\s+(?:fiscal\s+)?quarter(?!\s+of\b|-)"),
        _r("the_weekend", r"the\s+weekend"),
        _r(
            "holiday",
            rf"(?-i:(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|Valentine's\s+Day|Halloween))(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        _r("quarter_q", rf"(?P<qn>Q[1-4]|[1-4]Q)(?:\s+(?P<qy>{_YEAR}))?"),
        _r("rel_day_pod", rf"(?P<rday>yesterday|tomorrow|today)\s+{_POD}"),
        _r(
            "rel_day",
            r"(?:(?:earlier|later|late|early)\s+)?(?P<rday>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|tomorrow|today|tonight)",
        ),
        _r(
            "pod_rel",
            rf"(?:(?:early|late)\s+)?(?P<rel>this|last|tomorrow|yesterday|early\s+this|late\s+last|late\s+this|that|the\s+next|the\s+following|the\s+same|that\s+same)\s+{_POD}",
        ),
        _r(
            "weekday",
            rf"(?:(?:early|late)\s+)?(?:(?P<rel>last|next|this|coming|this\s+coming|this\s+past|past|previous|following|the\s+previous|the\s+following|the\s+next)\s+)?(?P<wday>{_WEEKDAY_FORMS}|{_WEEKDAY_ABBR})(?:\s+{_POD})?",
        ),
        _r(
            "weekday_set",
            rf"(?:(?:every|each)\s+)?(?P<wday>{_WEEKDAY_FORMS})s(?:\s+{_POD}s?)?|(?:every|each)\s+(?P<wday2>{_WEEKDAY_FORMS})(?:\s+(?P<pod2>morning|afternoon|evening|night))?",
        ),
        _r(
            "rel_period",
            rf"{_MOD}(?P<rel>last|this|next|past|previous|coming|current|following|that|same|the\s+same|that\s+same|the\s+following|the\s+previous|the\s+next|the\s+preceding|the\s+prior|the\s+current|the\s+present|the\s+past|the\s+last|the\s+coming|the\s+new|a\s+new|earlier\s+that|later\s+that|earlier\s+this|later\s+this|late\s+last|late\s+this|early\s+next|early\s+this|late\s+next|early\s+last|the\s+year-earlier|the\s+year-ago)\s+(?P<unit>day|week|month|year|weekend|decade|century|fiscal\s+year|season)",
        ),
        _r(
            "the_unit",
            rf"{_MOD}(?P<unit>the\s+year|the\s+month|the\s+week|the\s+weekend|the\s+decade)(?=\s+(?:before|after|earlier|ago|to\s+date|end))?",
        ),
        _r(
            "ago",
            rf"{_APPROX}?(?:(?P<num>{_NUM}|a|an|{_VAGUE})[\s-]+)?(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later|hence|from\s+now|previously)\b",
        ),
        _r(
            "duration_and_half",
            rf"{_APPROX}?(?P<num>{_NUM}|a|an)\s+(?:and\s+(?:a\s+)?half\s+(?P<unit>{_UNIT})|(?P<unit2>{_UNIT})\s+and\s+a\s+half)",
        ),
        _r("duration_half", rf"{_APPROX}?half\s+(?:an?\s+)?(?P<unit>{_UNIT})"),
        _r(
            "duration",
            rf"{_APPROX}?(?P<num>{_NUM}|an?)(?:\s+(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar))?[\s-]+(?P<unit>{_UNIT})(?:[\s-]+long|\s+old|\s+of\s+age)?",
            _num_guard,
        ),
        _r("duration_vague", rf"{_APPROX}?(?P<vague>{_VAGUE})\s+(?:more\s+)?(?P<unit>{_UNIT})"),
        _r(
            "duration_bare",
            r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|ages)",
            _bare_unit_guard,
        ),
        _r(
            "set_every",
            rf"(?:every|each|per|a\s+year\s+a|once\s+a|twice\s+a|(?P<times>{_NUM})\s+times\s+a|(?P<other>every\s+other))\s+(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT})",
        ),
        _r("set_adverb", rf"(?P<adv>{_alt(tuple(SET_ADVERBS))})"),
        _r(
            "clock_day",
            rf"(?:(?P<word>noon|midnight|midday)|(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*{_AMPM}?{_TZ})\s*,?\s+(?:on\s+)?(?:(?P<wday>{_WEEKDAY_FORMS})|(?P<rday>today|yesterday|tomorrow))",
            _clock_day_guard,
        ),
        _r(
            "clock",
            rf"(?:(?P<rel>this|tomorrow|yesterday|last|today)\s+(?:at\s+)?)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*{_AMPM}{_TZ}",
        ),
        _r("clock_mil", r"(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>(?-i:GMT|UTC))"),
        _r("clock24", rf"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::\d\d)?{_TZ}(?!\s*(?:%|[ap]\.?m|-\d))"),
        _r("clock_word", rf"(?P<word>noon|midnight|midday)|(?P<hw>{_NUMW}|\d{{1,2}})\s+o'clock"),
        _r(
            "ref",
            r"(?P<ref>now|currently|at\s+present|nowadays|the\s+present(?:\s+time|\s+day)?|present-day|recently|lately|more\s+recently|the\s+past|the\s+future|the\s+time\s+being|these\s+days|the\s+near\s+future|the\s+distant\s+past)",
        ),
    )


_HYPHEN_ADJ = re.compile(
    r"(?i)the\s+(?=\S*-(?:second|minute|hour|day|night|week|month|quarter|year|decade)s?\s+[a-z])"
)


def _trim_article(text: str, cand: Candidate) -> Candidate:
    """Drop "the" before a hyphenated adjective ("the two-week visit" -> "two-week")."""
    m = _HYPHEN_ADJ.match(text, cand.start, cand.end + 40)
    if m is None or m.end() >= cand.end:
        return cand
    return Candidate(m.end(), cand.end, cand.kind, cand.match)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches, reduced to the longest non-overlapping set (earlier rules win ties)."""
    found: list[tuple[int, int, int, Candidate]] = []
    near = TriggerIndex(text)
    for priority, rule in enumerate(rules()):
        for m in near.matches(rule.kind, rule.regex):
            if m.end() > m.start() and (rule.guard is None or rule.guard(text, m)):
                found.append(
                    (-(m.end() - m.start()), priority, m.start(), Candidate(m.start(), m.end(), rule.kind, m))
                )
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    found = [(k, p, st, _trim_article(text, c)) for k, p, st, c in found]
    starts: list[int] = []  # taken spans, kept sorted by start
    taken: list[Candidate] = []
    for _, _, _, cand in found:
        i = bisect.bisect_left(starts, cand.start)
        if (i > 0 and taken[i - 1].end > cand.start) or (i < len(taken) and taken[i].start < cand.end):
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken
