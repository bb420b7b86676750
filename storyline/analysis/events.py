"""Dates and places that disagree about the same event.

Deliberately strict, to be reliable: two articles must describe the event in
nearly the same words (place or date masked) before a differing day or place is
called a conflict. Reporting dates ("said on Tuesday") and the dates counts hold at
("as of Monday, 120 people") are not events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from storyline.analysis._text import content_words, sentence_at, wordset
from storyline.analysis.attribution import REPORTING
from storyline.analysis.claims import Statement
from storyline.analysis.timeline import day_of
from storyline.records import Article, Claim, Conflict, Story, TimeExpr

MIN_SHARED = 3
MIN_RATIO = 85.0
_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+){0,2})")
_WORD = re.compile(r"[\w’'.-]+")
_WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")
_NOT_PLACES = wordset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December"
)


@lru_cache(maxsize=8192)
def _masked(text: str, masks: tuple[str, ...]) -> frozenset[str]:
    return _masked_words(text, masks)


def _masked_words(text: str, masks: Sequence[str]) -> frozenset[str]:
    for m in masks:
        text = text.replace(m, " ")
    return content_words(text)


def same_event(a: str, b: str, masks_a: Sequence[str], masks_b: Sequence[str]) -> bool:
    return _alike(_masked_words(a, masks_a), _masked_words(b, masks_b))


def _alike(wa: frozenset[str], wb: frozenset[str]) -> bool:
    if len(wa & wb) < MIN_SHARED:
        return False
    return fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= MIN_RATIO


# --------------------------------------------------------------------------- dates


def _dated_sentences(
    story: Story, articles: Sequence[Article], times: Mapping[str, tuple[TimeExpr, ...]]
) -> list[tuple[Article, TimeExpr, str, str]]:
    """(article, expression, day, sentence) for day-level expressions that date an event."""
    out = []
    wanted = set(story.articles)
    for art in articles:
        for expr in times.get(art.id, ()) if art.id in wanted else ():
            day = day_of(expr)
            sent = sentence_at(art, expr.start) if day else None
            if day and sent and not _reporting_date(art.text, expr) and not _as_of(art.text, expr):
                out.append((art, expr, day, sent.text))
    return out


def _as_of(text: str, expr: TimeExpr) -> bool:
    """ "As of Monday, 120 people had been treated": the date a count holds, not an event's date."""
    return text[max(0, expr.start - 7) : expr.start].lower().rstrip().endswith("as of")


def _reporting_date(text: str, expr: TimeExpr) -> bool:
    """ "said on Tuesday", "told reporters Monday": the date of a statement, not of an event."""
    before = _WORD.findall(text[max(0, expr.start - 30) : expr.start])[-3:]
    after = _WORD.findall(text[expr.end : expr.end + 20])[:1]
    return any(w.lower() in REPORTING for w in before + after)


def date_conflicts(
    story: Story, articles: Sequence[Article], times: Mapping[str, tuple[TimeExpr, ...]]
) -> list[Conflict]:
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    dated = _dated_sentences(story, articles, times)
    days: dict[tuple[str, str], set[str]] = {}
    for art, _e, day, sent in dated:
        days.setdefault((art.id, sent), set()).add(day)
    masked = [_masked(sent, (e.text,)) for _a, e, _d, sent in dated]
    for i, j in _sharing_pairs(masked, MIN_SHARED):
        (a1, e1, d1, s1), (a2, e2, d2, s2) = dated[i], dated[j]
        if a1.id == a2.id or d1 == d2 or (s1, s2) in seen or _same_words(e1, e2):
            continue
        if d2 in days[(a1.id, s1)] or d1 in days[(a2.id, s2)]:
            continue  # each sentence names both days: the dates belong to different events
        if _alike(masked[i], masked[j]):
            seen.add((s1, s2))
            claims = (_claim(a1, e1, s1), _claim(a2, e2, s2))
            summary = f"Articles date the same event differently: {d1} (“{e1.text}”) vs {d2} (“{e2.text}”)"
            out.append(Conflict(story.id, "date", summary, claims))
    return out


def _same_words(e1: TimeExpr, e2: TimeExpr) -> bool:
    """ "on Tuesday" vs "Tuesday", "9 a.m." vs "9 a.m.": the same words resolved against different
    publication dates disagree about the anchor, not about the event."""
    w1 = {w.lower() for w in _WORD.findall(e1.text)} - {"on", "at", "the", "last", "next", "this"}
    w2 = {w.lower() for w in _WORD.findall(e2.text)} - {"on", "at", "the", "last", "next", "this"}
    return bool(w1 & w2 & _WEEKDAYS) or w1 == w2


def _claim(article: Article, expr: TimeExpr, sentence: str) -> Claim:
    return Claim(sentence, None, article.id, expr.start, expr.end)


# --------------------------------------------------------------------------- places


def places(text: str) -> list[str]:
    return [m.group(1) for m in _PLACE.finditer(text) if m.group(1).split()[0] not in _NOT_PLACES]


def place_conflicts(story: str, items: Sequence[Statement]) -> list[Conflict]:
    # one statement per sentence text: a reprinted sentence never disagrees with itself, and a
    # disagreement between two texts is reported once, not once per pair of reprints
    first: dict[str, Statement] = {}
    for st in items:
        first.setdefault(st.sentence.text, st)
    unique = list(first.values())
    placed = [(st, places(st.sentence.text)) for st in unique]
    placed = [(st, ps) for st, ps in placed if ps]
    masked = [_masked(st.sentence.text, tuple(ps)) for st, ps in placed]
    out: list[Conflict] = []
    for i, j in _sharing_pairs(masked, MIN_SHARED):
        (st1, p1), (st2, p2) = placed[i], placed[j]
        if st1.article == st2.article or not _disjoint(p1, p2, st1, st2):
            continue
        if _alike(masked[i], masked[j]):
            summary = f"Articles place the same event differently: {', '.join(p1)} vs {', '.join(p2)}"
            out.append(Conflict(story, "place", summary, (st1.claim(), st2.claim())))
    return out


def _sharing_pairs(bags: Sequence[frozenset[str]], least: int) -> list[tuple[int, int]]:
    """The pairs (i < j, in order) of bags with at least ``least`` words in common, found through
    an inverted index instead of by comparing every pair."""
    holders: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for w in bag:
            holders.setdefault(w, []).append(i)
    pairs: list[tuple[int, int]] = []
    for i, bag in enumerate(bags):
        shared = Counter(j for w in bag for j in holders[w] if j > i)
        pairs.extend((i, j) for j, n in shared.items() if n >= least)
    return sorted(pairs)


def _disjoint(p1: Sequence[str], p2: Sequence[str], st1: Statement, st2: Statement) -> bool:
    """No place of one sentence is named anywhere in the other."""
    return not any(p in st2.sentence.text for p in p1) and not any(p in st1.sentence.text for p in p2)
