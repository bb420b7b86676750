"""Remove site chrome from text that was scraped with the page around it.

The text is split into lines (hard-wrapped paragraphs are re-joined). Each line is classified:
known chrome patterns (widgets, menus, footers, related links, cookie and newsletter boxes, captions),
lines repeated within the page, lines that recur across many articles of the same source, and the
page regions before the article body starts and after it ends. Metadata lines (title, date, byline,
credit) are taken out of the body and reported separately. Nothing is dropped without a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean import patterns as P
from storyline.records import Removed

MENU_WORDS = 5  # longer runs of unpunctuated lines are often bullet lists of the body itself
_SECOND_PERSON = re.compile(r"\b(?:we|our|you|your|this (?:site|website|page))\b", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s*\(?[a-z]{2,5}\)?)?\.?"
    r"(?:\s+by\s+[\w .'’-]{2,60})?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?i:by|written by|words by)\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)(?:\s*[,|]\s*[\w .]+)?",
)
_BOARD_BYLINE = re.compile(
    r"(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*\|\s*(?i:editorial board|staff|staff writer)"
)
_CREDIT = re.compile(
    r"(?:.*\s)?(?:originally appeared (?:on|in)|the original (?:article |story )?appeared (?:on|in)|"
    r"was originally published (?:on|by|in)|first appeared (?:on|in)|"
    r"originally published (?:on|by|in)|republished (?:from|with permission of))\s+(?P<origin>[\w.-]+(?:\s[\w.-]+){0,4})\.?",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"source\s*:\s*(?P<source>[\w.-]+(?:\s[\w.&-]+){0,3}?)\s*(?:,\s*(?P<date>.{6,40}))?\.?", re.I
)
_WIRE_LINE = re.compile(
    r"[-—–]*\s*\(?(?P<origin>AP|AFP|Reuters|Associated Press|Agence France-Presse|dpa|UPI)\)?\.?"
)


@dataclass(frozen=True, slots=True)
class ChromeResult:
    """The body kept, what was removed (with reasons) and the metadata lines found."""

    text: str
    removed: tuple[Removed, ...]
    title: str | None = None
    date_line: str | None = None
    byline: tuple[str, ...] = ()
    credit: str | None = None
    source_line: str | None = None


@dataclass(slots=True)
class _Line:
    text: str
    reason: str | None = None  # chrome reason; None = keep
    meta: str | None = None  # "title", "date", "byline", "credit"

    @property
    def words(self) -> int:
        return P.word_count(self.text)

    @property
    def prose(self) -> bool:
        n = self.words
        return (n >= 8 and bool(P.SENTENCE_END.search(self.text))) or n >= 20


def split_lines(text: str) -> list[str]:
    """Lines of ``text``; paragraphs hard-wrapped over several lines are joined back."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if len(lines) > 1 and _is_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """A block is one wrapped paragraph when its lines (but the last) are long and run on."""
    body = lines[:-1]
    long_lines = sum(1 for ln in body if len(ln) >= 50)
    run_on = sum(1 for ln in body if not P.SENTENCE_END.search(ln))
    return long_lines >= 0.8 * len(body) and run_on >= 0.5 * len(body)


def strip_chrome(
    text: str, recurring: frozenset[str] = frozenset(), *, structural: bool = True
) -> ChromeResult:
    """Split scraped ``text`` into article body, metadata and chrome.

    ``recurring`` holds lines known to recur across many articles of the same source.
    With ``structural=False`` (text already extracted from HTML) only line patterns and
    inline markers apply: no page header/trailer regions, no title detection.
    """
    lines = [_Line(t) for t in split_lines(text)]
    for ln in lines:
        _classify(ln, recurring)
    title = None
    if structural:
        _mark_repeats(lines)
        start, end = _body_bounds(lines)
        _mark_regions(lines, start, end)
        _mark_menus(lines, start, end)
        title = _pick_title(lines, start)
    else:
        start = 0
        for ln in lines:
            if ln.meta in ("date", "byline") and ln.words > 0:
                continue
    removed: list[Removed] = []
    kept: list[str] = []
    for ln in lines:
        if ln.reason is None and ln.meta is None:
            body, inline = _strip_inline(ln.text)
            removed.extend(inline)
            if body:
                kept.append(body)
        else:
            removed.append(Removed(ln.text, _reason(ln)))
    return ChromeResult(
        text="\n\n".join(kept),
        removed=tuple(removed),
        title=title,
        date_line=next((ln.text for ln in reversed(lines[: max(start, 1)]) if ln.meta == "date"), None)
        or next((ln.text for ln in lines if ln.meta == "date"), None),
        byline=tuple(ln.text for ln in lines if ln.meta == "byline"),
        credit=next((ln.text for ln in lines if ln.meta == "credit"), None),
        source_line=next((ln.text for ln in lines if ln.meta == "source"), None),
    )


def _reason(ln: _Line) -> str:
    if ln.meta:
        return {
            "title": "title (kept as metadata)",
            "date": "date line (kept as metadata)",
            "byline": "byline (kept as metadata)",
            "credit": "credit line (kept as origin)",
            "source": "source line (kept as metadata)",
        }[ln.meta]
    return ln.reason or "chrome"


def _classify(ln: _Line, recurring: frozenset[str]) -> None:
    t = ln.text
    if ln.words <= 10 and _SOURCE_LINE.fullmatch(t):
        ln.meta = "source"
        return
    if _CREDIT.fullmatch(t) or (_WIRE_LINE.fullmatch(t) and ln.words <= 3):
        ln.meta = "credit"
        return
    if ln.words <= 12 and _DATE_LINE.fullmatch(t):
        ln.meta = "date"
        return
    if ln.words <= 12 and (_BYLINE.fullmatch(t) or _BOARD_BYLINE.fullmatch(t)):
        ln.meta = "byline"
        return
    reason = P.match_line(t)
    if reason in ("cookie notice", "newsletter box") and (ln.words > 60 or not _SECOND_PERSON.search(t)):
        reason = None
    if reason is None and t in recurring:
        reason = "recurring line of this source"
    ln.reason = reason


def _body_bounds(lines: list[_Line]) -> tuple[int, int]:
    """Index of the first body line and one past the last.

    The body is the span of lines with the highest score (maximum subarray): prose lines count
    their words, chrome lines and short fragments count against. Inside that span, an end marker
    ("Source link", "Leave a Comment", a credit line) after the first prose line closes the body.
    """
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, ln in enumerate(lines):
        run += _score(ln)
        if run <= 0:
            run, run_start = 0.0, i + 1
        elif run > best:
            best, best_span = run, (run_start, i + 1)
    start, end = best_span
    if best <= 0:
        return 0, len(lines)
    while start < end and not (lines[start].prose and lines[start].reason is None):
        start += 1
    words = [ln.words if ln.prose and ln.reason is None and ln.meta is None else 0 for ln in lines[start:end]]
    total = sum(words)
    before = 0
    for i in range(start + 1, end):
        ln = lines[i]
        before += words[i - 1 - start]
        marker = P.END_MARKERS.fullmatch(ln.text) or ln.meta in ("credit", "source")
        if marker and total - before < 0.3 * before:  # little prose left: the trailer begins here
            return start, i
    return start, end


def _score(ln: _Line) -> float:
    if ln.meta is not None:
        return 0.0
    if ln.reason is not None:
        return -3.0
    if ln.prose:
        return float(min(ln.words, 120))
    return -1.0 if ln.words <= 3 else -0.5


def _mark_regions(lines: list[_Line], start: int, end: int) -> None:
    for ln in lines[start:end]:
        if ln.meta == "source":  # "Source: ..." inside the body cites data, it is not the outlet
            ln.meta = None
    for ln in lines[:start]:
        if ln.reason is None and ln.meta is None:
            ln.reason = "page header (before the article)"
    for ln in lines[end:]:
        if ln.meta in ("credit", "source"):
            continue
        if ln.meta is None:
            ln.reason = ln.reason or "page trailer (after the article)"
        else:
            ln.reason, ln.meta = "page trailer (after the article)", None


def _mark_repeats(lines: list[_Line]) -> None:
    """A sentence-like line repeated on the page is a caption or teaser: every copy goes when the
    copies are adjacent (a doubled caption), the later copies otherwise."""
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        key = ln.text.casefold()
        if (
            ln.reason is not None
            or ln.meta is not None
            or ln.words > 60
            or not P.SENTENCE_END.search(ln.text)
        ):
            seen.add(key)
            continue
        doubled = i + 1 < len(lines) and lines[i + 1].text.casefold() == key
        if key in seen or doubled:
            ln.reason = "repeated line (caption or teaser)"
        seen.add(key)


def _mark_menus(lines: list[_Line], start: int, end: int) -> None:
    """Runs of three or more short, unpunctuated lines inside the body are menus or link lists."""
    i = start
    while i < end:
        j = i
        while j < end and _menu_like(lines[j]):
            j += 1
        if j - i >= 3:
            for ln in lines[i:j]:
                ln.reason = ln.reason or "navigation menu or link list"
        i = max(j, i + 1)


def _menu_like(ln: _Line) -> bool:
    return ln.meta is None and ln.words <= MENU_WORDS and not P.SENTENCE_END.search(ln.text)


def _pick_title(lines: list[_Line], start: int) -> str | None:
    """The headline: a header line repeated on the page, else the first headline-like header line."""
    header = [ln for ln in lines[:start] if ln.meta is None and _headline_like(ln)]
    if not header:
        return None
    counts: dict[str, int] = {}
    for ln in header:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    repeated = [ln for ln in header if counts[ln.text] > 1]
    title = (repeated or header)[0].text
    for ln in lines[:start]:
        if ln.text == title:
            ln.meta, ln.reason = "title", None
    return title


def _headline_like(ln: _Line) -> bool:
    if ln.reason not in (None, "page header (before the article)", "recurring line of this source"):
        return False
    return 4 <= ln.words <= 30 and not ln.text.endswith((".", ","))


def _strip_inline(text: str) -> tuple[str, list[Removed]]:
    """Remove advertising markers inside a paragraph, including runs in another script."""
    removed: list[Removed] = []
    latin = sum(1 for ch in text if ch.isalpha() and ch < "\u0250")
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    if latin / letters >= 0.8:

        def _drop(m: re.Match[str]) -> str:
            run = m.group(0)
            if len(run.split()) > 6:
                return run
            script = P.script_name(run)
            is_ad = any(w in run.casefold() for w in P.AD_WORDS)
            why = f"advertising marker in {script} script" if is_ad else f"stray text in {script} script"
            removed.append(Removed(run, why))
            return " " if m.start() > 0 and m.end() < len(text) and text[m.end()] != " " else ""

        text = P.OTHER_SCRIPT_RUN.sub(_drop, text)
    if P.INLINE_AD.search(text) and P.word_count(text) > 6:
        for m in P.INLINE_AD.finditer(text):
            removed.append(Removed(m.group(0).strip(), "advertising marker"))
        text = P.INLINE_AD.sub(" ", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip(), removed
