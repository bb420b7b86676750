"""Raw features of one article for story clustering: body words, title words, names, numbers, years.

Following Miranda et al. (2018), an article is represented by several TF-IDF sub-vectors
(here: body words, title words, lead words, named-entity proxies and numbers) that are compared
separately and combined with weights.  The lead (title and first ``LEAD_WORDS`` words of the body)
is where a news report says which event it is about; two reports of one affair share names and
background words in the body, but their leads name different events ("spoke by phone on Friday"
against "began talks in Moscow").  Names are found without a tagger: runs of capitalised tokens whose
lower-case form the article never uses in lower case ("Moscow", "Emmanuel Macron"); single names
and the joined run both count, so "Putin" matches "Vladimir Putin".  Numbers keep the figures that
distinguish two similar events (years, counts, ages).  Years also form a field of their own: two
reports that both name years and name different ones ("2008" against "2013") are most often about
two different events of one kind, while the numbers field mixes years with counts and ages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice

__all__ = ["FIELDS", "RawFeatures", "extract"]

FIELDS = ("body", "title", "lead", "ent", "num", "year")
LEAD_WORDS = 60

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”\n]\s*)$")
_MAX_BODY_CHARS = 20_000


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOP = _word_set(
    """
a about above after again against all also am an and any are around as at be because been before
being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how however i if in into is it its
itself just last like may me might more most much must my myself new no nor not now of off on once
one only or other our ours ourselves out over own said same say says she should since so some such
than that the their theirs them themselves then there these they this those through to too two under
until up upon us very was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves told according also including news
reported report reports year years time week day mr mrs ms dr via get got make made many people
first well back still even take
"""
)

_CAP_STOP = _word_set(
    """
the a an this that these those he she it they we i you his her their our its but and or so if when
while after before as at in on for from by with of to monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december mr mrs ms dr
"""
)


@dataclass(frozen=True, slots=True)
class RawFeatures:
    """Term counts per field, before IDF weighting."""

    body: Counter[str]
    title: Counter[str]
    lead: Counter[str]
    ent: Counter[str]
    num: Counter[str]
    year: Counter[str]
    names: dict[str, str]  # name term -> surface form as first written, most frequent first

    def field(self, name: str) -> Counter[str]:
        return {
            "body": self.body,
            "title": self.title,
            "lead": self.lead,
            "ent": self.ent,
            "num": self.num,
            "year": self.year,
        }[name]


def extract(title: str, text: str) -> RawFeatures:
    """Extract the term counts of one article (title and cleaned body)."""
    body = text[:_MAX_BODY_CHARS]
    full = f"{title}\n\n{body}"
    words = _words(full)
    lower_words = {w for w in words if w[:1].islower()}
    mixed_case = {w.casefold() for w in words if w[:1].isupper() and not w.isupper()}
    ent, surface = _entity_counts(full, lower_words, mixed_case)
    names = {k: surface[k] for k, _ in ent.most_common()}
    return RawFeatures(
        body=_content_counts(full),
        title=_content_counts(title),
        lead=_content_counts(title + "\n" + _lead(body)),
        ent=ent,
        num=_number_counts(full),
        year=_year_counts(words),
        names=names,
    )


def _lead(body: str) -> str:
    """The first ``LEAD_WORDS`` words of the body."""
    tokens = list(islice(_TOKEN.finditer(body), LEAD_WORDS))
    return body[: tokens[-1].end()] if tokens else body


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _norm(word: str) -> str:
    """Lower-case and strip possessives and plain plurals ("talks" -> "talk")."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def _content_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in _words(text):
        if word[0].isdigit():
            continue
        w = _norm(word)
        if len(w) > 2 and w not in _STOP:
            counts[w] += 1
    return counts


def _entity_counts(
    text: str, lower_words: set[str], mixed_case: set[str]
) -> tuple[Counter[str], dict[str, str]]:
    """Names: capitalised runs; each name token and each multi-token run count once per mention."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    run: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if _is_name_token(word, lower_words, mixed_case, text, match.start()):
            run.append(word)
            continue
        _flush(run, counts, surface)
        run = []
    _flush(run, counts, surface)
    return counts, surface


def _is_name_token(word: str, lower_words: set[str], mixed_case: set[str], text: str, start: int) -> bool:
    if not word[:1].isupper() or len(word) < 2:
        return False
    folded = word.casefold()
    if folded in _CAP_STOP or folded in lower_words:
        return False
    if word.isupper() and len(word) > 5 and folded not in mixed_case:  # shouting, unless "MOSCOW" ~ "Moscow"
        return False
    at_start = _SENTENCE_START.search(text, max(0, start - 3), start) is not None
    return not (at_start and folded in _STOP)


def _flush(run: list[str], counts: Counter[str], surface: dict[str, str]) -> None:
    keys = [_norm(w) for w in run]
    for key, word in zip(keys, run, strict=True):
        counts[key] += 1
        surface.setdefault(key, word)
    if len(run) > 1:
        joined = "_".join(keys)
        counts[joined] += 1
        surface.setdefault(joined, " ".join(run))


def _number_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in _words(text):
        if word[0].isdigit():
            value = word.replace(",", "")
            if value.strip("0.") and len(value) <= 12:
                counts["#" + value] += 1
    return counts


def _year_counts(words: list[str]) -> Counter[str]:
    """Four-digit years 1900-2099 ("2008", not "2,008" or "20080")."""
    return Counter(w for w in words if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"))
