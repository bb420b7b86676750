"""Metadata from text: publication date, dateline, byline, credited origin, outlet, language."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlparse

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*(m\.?)?", re.IGNORECASE)

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3}(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?)"
    r"\s*(?:\((?P<credit>[A-Za-z][A-Za-z .&\-]{1,40})\)\s*)?[—–]{1,2}\s|"
    r"^(?P<place2>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3}(?:,\s[A-Z][A-Za-z.]+)?)"
    r"\s*(?:\((?P<credit2>[A-Za-z][A-Za-z .&\-]{1,40})\)\s*)?--?\s"
)
_CREDIT = re.compile(
    r"(?:originally appeared (?:on|in)|the original (?:article |story )?appeared (?:on|in)|"
    r"was originally published (?:on|by|in)|first appeared (?:on|in)|"
    r"originally published (?:on|by|in)|republished (?:from|with permission of))\s+(?P<origin>[\w.-]+(?:\s[\w.-]+){0,4}?)\.?$",
    re.IGNORECASE,
)
_WIRE = re.compile(r"\(?(AP|AFP|Reuters|Associated Press|Agence France-Presse|dpa|UPI)\)?\.?$")
_BY = re.compile(r"^(?:by|written by|words by)\s+", re.IGNORECASE)
_COPYRIGHT_SITE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<site>[A-Z][\w&' .-]{1,40}?)[.,]?\s+all rights", re.I
)


def parse_date(value: str | None) -> str | None:
    """Normalise a written date (ISO, "February 8, 2022, 5:05 AM", "18 Aug 2025") to
    "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; None when no full date is found."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.search(value)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        hh_mm = (int(m[4]), int(m[5])) if m[4] else None
        return _fmt(y, mo, d, hh_mm)
    m = _NUMERIC.search(value)
    if m:  # day first (European order) unless that cannot be a date
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        day, month = (b, a) if b > 12 >= a else (a, b)
        return _fmt(y, month, day, _time(value[m.end() :]))
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        m = rx.search(value)
        if m:
            month_name, day_text = (m[1], m[2]) if order == "mdy" else (m[2], m[1])
            month_no = _MONTHS.get(month_name.lower()[:4].rstrip(".")) or _MONTHS.get(month_name.lower()[:3])
            if month_no:
                return _fmt(int(m[3]), month_no, int(day_text), _time(value[m.end() :]))
    return None


def _time(rest: str) -> tuple[int, int] | None:
    m = _TIME.search(rest[:20])
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2])
    if m[3] and m[3].lower() == "p" and hour < 12:
        hour += 12
    if m[3] and m[3].lower() == "a" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def _fmt(y: int, mo: int, d: int, hh_mm: tuple[int, int] | None) -> str | None:
    try:
        datetime(y, mo, d)
    except ValueError:
        return None
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    return f"{day}T{hh_mm[0]:02d}:{hh_mm[1]:02d}" if hh_mm else day


def dateline(text: str) -> tuple[str | None, str | None]:
    """The dateline place ("KYIV") and wire credit ("AP") starting one of the first paragraphs."""
    m = None
    for para in text.split("\n\n")[:3]:
        m = _DATELINE.match(para[:200])
        if m:
            break
    if not m:
        return None, None
    place = m.group("place") or m.group("place2")
    credit = m.group("credit") or m.group("credit2")
    return place, credit.strip() if credit else None


def origin_from_credit(line: str | None) -> str | None:
    """The credited origin in a credit line ("... originally appeared on abcnews.go.com")."""
    if not line:
        return None
    m = _CREDIT.search(line)
    if m:
        return m.group("origin").rstrip(".")
    m = _WIRE.search(line.strip(" -—–"))
    return m.group(1) if m else None


_SOURCE_LINE = re.compile(
    r"source\s*:\s*(?P<source>[\w.-]+(?:\s[\w.&-]+){0,3}?)\s*(?:,\s*(?P<date>.{6,40}))?\.?$", re.I
)


def source_line(line: str | None) -> tuple[str | None, str | None]:
    """Outlet and date from a trailing "Source: outlet.example, 25/02/2025" line."""
    m = _SOURCE_LINE.match(line.strip()) if line else None
    if not m:
        return None, None
    return m.group("source"), parse_date(m.group("date"))


def authors_from_byline(lines: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for line in lines:
        line = _BY.sub("", line).split("|")[0]
        for name in re.split(r"\s*(?:,|\band\b|&)\s*", line):
            name = name.strip(" .")
            if name and name not in out and len(name.split()) <= 4:
                out.append(name)
    return tuple(out)


def site_from_copyright(removed_texts: list[str]) -> str | None:
    for text in removed_texts:
        m = _COPYRIGHT_SITE.search(text)
        if m:
            return m.group("site").strip()
    return None


def bare_host(name: str | None) -> str | None:
    """ "www.example.com" → "example.com"; other names unchanged."""
    if not name:
        return None
    return name[4:] if name.lower().startswith("www.") and "." in name[4:] else name


def host(url: str | None) -> str | None:
    if not url:
        return None
    netloc = urlparse(url).netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else (netloc or None)


def language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None for very short text."""
    if len(text.strip()) < 20:
        return None
    import py3langid

    lang, _score = py3langid.classify(text[:5000])
    return str(lang)
