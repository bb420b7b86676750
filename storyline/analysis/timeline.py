"""A per-story timeline: what happened on which day, merged across articles and cited."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.analysis._text import STOPWORDS, article_sentences, content_words, sentence_at
from storyline.analysis.clauses import clause_around, tidy
from storyline.analysis.similarity import Embedder, Similarity, lexically_similar, precomputed
from storyline.records import Article, Story, TimeExpr, TimelineEntry

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T|$)")
MIN_EVENT_WORDS = 3
_DANGLING = re.compile(r"^(?:who|which|where|whom|whose|he|she|it|they|this|that|these|those)\b", re.I)


@dataclass(frozen=True, slots=True)
class Mention:
    """One dated event as one article reports it."""

    article: str
    order: int
    date: str
    text: str
    announced: bool


def day_of(expr: TimeExpr) -> str | None:
    """The day ("YYYY-MM-DD") an expression resolves to, or None when vague or not day-level."""
    if expr.type not in ("DATE", "TIME"):
        return None
    m = _DAY.match(expr.value)
    return m.group(1) if m else None


def mentions(article: Article, times: Sequence[TimeExpr], order: int) -> list[Mention]:
    """The dated events of one article: the clause around each day-level expression."""
    out: list[Mention] = []
    for expr in times:
        day = day_of(expr)
        sent = sentence_at(article, expr.start) if day else None
        if day is None or sent is None:
            continue
        start, end = expr.start - sent.start, expr.end - sent.start
        if _BOUND.search(sent.text[:start]):
            continue  # "displaced since Feb. 16": a bound of the sentence's event, not its date
        sub = subordinate_event(sent.text, start, end)
        text = sub or quoted_event(main_clause(sent.text, end), start, end)
        if text is None:
            continue
        if _PRONOUN.match(text) and sent.text.startswith(text.split()[0]):
            text = _named(text, article, sent.index)
        event_words = content_words(text) - content_words(expr.text)
        # a subordinate clause is a whole event in few words ("the ferry was seized on Feb. 9")
        if len(event_words) >= (MIN_EVENT_WORDS - 1 if sub else MIN_EVENT_WORDS):
            out.append(Mention(article.id, order, day, text, expr.announced))
    return out


# a date right after one of these bounds the event, it is not its date: "displaced since Feb. 16",
# "before Monday's vote" ("until April 30" stays: a deadline is an entry of its own)
_BOUND = re.compile(r"\b(?:since|before)\s+(?:the\s+)?$", re.I)
# a clause these open is an earlier or later event than the sentence's own: "... was the first
# contact since the spillway was opened on Feb. 16" dates the opening, not the contact ("once" and
# "until" are left out: "troops will leave once the exercises end on Feb. 20" dates the leaving too)
_SUBORDINATE = re.compile(r"\b(?:since|after|before)\s+(?=\w)", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:—–()“”]")


def subordinate_event(sentence: str, start: int, end: int) -> str | None:
    """The clause a subordinator opens when the date sits in it ("since the spillway was opened
    on Feb. 16" → "The spillway was opened on Feb. 16"), or None when the date is not in one."""
    head = sentence[:start]
    found = list(_SUBORDINATE.finditer(head))
    if not found or _CLAUSE_BREAK.search(head, found[-1].end()):
        return None
    clause_start = found[-1].end()
    brk = _CLAUSE_BREAK.search(sentence, end)
    text = tidy(sentence[clause_start : brk.start() if brk else len(sentence)])
    if len(text.split()) < MIN_EVENT_WORDS + 2 or not _VERB.search(text):
        return None  # "after talks in Valmora on Monday": a phrase, not a clause
    return text


def main_clause(sentence: str, end: int) -> str:
    """``sentence`` without a since/after/before clause that follows the date: "Monday's meeting
    was arranged after the leaders spoke on Feb. 24" → "Monday's meeting was arranged"."""
    m = _SUBORDINATE.search(sentence, end)
    if m is None or _CLAUSE_BREAK.search(sentence, end, m.start()):
        return sentence
    rest = sentence[m.end() :]
    brk = _CLAUSE_BREAK.search(rest)
    return sentence if not _VERB.search(rest[: brk.start() if brk else len(rest)]) else sentence[: m.start()]


# a finite verb, lexically: a past form in -ed, an auxiliary, or a common irregular past
_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|is|are|had|has|have|did|will|would|spoke|met|began|left|went|came|took"
    r"|made|said|told|gave|fled|fell|rose|won|lost|sent|held|struck|broke|ran|saw|got)\b"
)

_PRONOUN = re.compile(r"^(?:He|She)\b")
_SUBJECT = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)(?:,|\s+(?:has|had|was|is|said|says|will|would|did)\b)"
)


def _named(text: str, article: Article, index: int) -> str:
    """ "He has spoken to Putin …" → "[Macron] has spoken to Putin …" when the sentence before
    opens on a name as its subject ("Macron, whose country …, has tried …"); else unchanged."""
    if index == 0:
        return text
    previous = article_sentences(article)[index - 1].text
    m = _SUBJECT.match(previous)
    if m is None or m.group("name").split()[0].lower() in STOPWORDS:
        return text
    return f"[{m.group('name')}]" + text[text.index(" ") :]


_SPEAKER_AFTER = re.compile(
    r"^[,\s]*(?:(?:said|says|told \w+|added)\s+(?P<a>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})"
    r"|(?P<b>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+(?:said|says|told|added)\b)"
)


def quoted_event(sentence: str, start: int, end: int) -> str | None:
    """The clause around ``sentence[start:end]`` as an entry text, quotations kept whole.

    Inside a quotation the speaker is named when the sentence says who speaks
    ("Peskov: “The president emphasised this yesterday …”"); a date outside a quotation
    whose clause would open mid-quotation ("… secondary character,” Peskov said Tuesday")
    only dates the statement, and gives no entry (None).
    """
    text = clause_around(sentence, start, end)
    if not _inside_quote(sentence, start):
        first = next((c for c in text if c in "“”"), "")
        return None if first == "”" else text
    close = sentence.find("”", end)
    m = _SPEAKER_AFTER.match(sentence[close + 1 :]) if close >= 0 else None
    speaker = (m.group("a") or m.group("b")) if m else None
    return f"{speaker}: “{text}”" if speaker else f"“{text}”"


def _inside_quote(sentence: str, pos: int) -> bool:
    """Whether ``pos`` lies between an opening “ and its closing ” (curly quotes only)."""
    depth = 0
    for ch in sentence[:pos]:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
    return depth > 0


def merge(found: Sequence[Mention], embedder: Embedder | None = None) -> list[list[Mention]]:
    """Group mentions of the same day that describe the same event."""
    groups: list[list[Mention]] = []
    by_day: dict[str, list[Mention]] = {}
    for m in found:
        by_day.setdefault(m.date, []).append(m)
    for day_mentions in by_day.values():
        groups.extend(_cluster(day_mentions, embedder))
    return groups


def _cluster(items: Sequence[Mention], embedder: Embedder | None) -> list[list[Mention]]:
    """Greedy clustering of one day's mentions: each joins the cluster most of whose mentions are
    alike (at least half), else starts one. A text carried by several articles (wire copy) is one
    point with a weight: its copies go where it went, and the cost grows with distinct texts."""
    first: dict[tuple[str, bool], int] = {}
    copies: dict[int, list[int]] = {}
    for i, m in enumerate(items):
        k = first.setdefault((m.text, m.announced), i)
        copies.setdefault(k, []).append(i)
    keys = list(copies)
    weight = [len(copies[k]) for k in keys]
    sim = _Alike([items[k] for k in keys], embedder)
    clusters: list[list[int]] = []  # indices into ``keys``
    for i in range(len(keys)):
        fits = [c for c in clusters if _agreement(sim, i, c, weight) >= 0.5]
        if fits:  # the cluster with most mentions alike, then the closest share
            best = max(
                fits,
                key=lambda c: (sum(weight[j] * sim.same(i, j) for j in c), _agreement(sim, i, c, weight)),
            )
            best.append(i)
        else:
            clusters.append([i])
    return [[items[n] for n in sorted(n for j in c for n in copies[keys[j]])] for c in clusters]


class _Alike:
    """Same event: lexically (or by embeddings) similar; or, for two announcements of the same
    day, one shared common noun or verb ("talks planned this Thursday" ≈ "Thursday's talks") —
    few things are scheduled for one day in one story."""

    def __init__(self, items: Sequence[Mention], embedder: Embedder | None) -> None:
        self.items = items
        self.sim = Similarity([m.text for m in items], embedder)
        self.common = [_common_words(m.text) for m in items]

    def same(self, i: int, j: int) -> bool:
        if self.sim.same(i, j):
            return True
        both_announced = self.items[i].announced and self.items[j].announced
        return both_announced and bool(self.common[i] & self.common[j])


def _common_words(text: str) -> frozenset[str]:
    """Content words written in lower case (not names): what happens, not who."""
    return content_words(" ".join(w for w in text.split() if w[:1].islower()))


def _agreement(sim: _Alike, i: int, cluster: list[int], weight: Sequence[int]) -> float:
    return sum(weight[j] * sim.same(i, j) for j in cluster) / sum(weight[j] for j in cluster)


def entry(story: str, group: Sequence[Mention]) -> TimelineEntry:
    cited = tuple(dict.fromkeys(m.article for m in sorted(group, key=lambda m: m.order)))
    return TimelineEntry(
        story=story,
        date=group[0].date,
        text=_representative(group),
        articles=cited,
        announced=all(m.announced for m in group),
    )


def _representative(group: Sequence[Mention]) -> str:
    """The mention that shares most words with the others, preferring texts that do not open on
    a pronoun ("He has spoken …", "Who has just returned …"); past tense and brevity break ties."""
    bags = [content_words(m.text) for m in group]

    def score(i: int) -> tuple[bool, int, bool, int]:
        shared = sum(len(bags[i] & bags[j]) for j in range(len(group)) if j != i)
        readable = not _DANGLING.match(group[i].text)
        return (readable, shared, not group[i].announced, -abs(len(group[i].text.split()) - 14))

    return group[max(range(len(group)), key=score)].text


def build(
    story: Story,
    articles: Sequence[Article],
    times: Mapping[str, tuple[TimeExpr, ...]],
    embedder: Embedder | None = None,
) -> tuple[TimelineEntry, ...]:
    wanted = set(story.articles)
    in_story = [a for a in articles if a.id in wanted]
    found: list[Mention] = []
    for order, art in enumerate(in_story):
        found.extend(mentions(art, times.get(art.id, ()), order))
    found.extend(corroborated_undated(in_story, times, found))
    if embedder is not None:
        embedder = precomputed(embedder, [m.text for m in found])
    entries = [entry(story.id, g) for g in merge(found, embedder)]
    entries.sort(key=lambda e: (e.date, e.announced, -len(e.articles), e.text))
    return tuple(entries)


_BARE_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(T[A-Z0-9:]+)?$")


def corroborated_undated(
    articles: Sequence[Article], times: Mapping[str, tuple[TimeExpr, ...]], dated: Sequence[Mention]
) -> list[Mention]:
    """Weekday mentions of the story's undated articles that dated articles corroborate.

    An undated article's "on Monday" has no date. Each publication day of the story's
    dated articles is tried as its anchor (past-tense weekdays on or before it, announced
    ones on or after); the anchor under which most of its weekday events match a dated
    article's event of the same day and words wins (the earliest on a tie), and only
    those matching mentions are kept: they add a citation to an event other articles
    already date, never a new entry resting on a guessed date.
    """
    days = sorted({a.published[:10] for a in articles if a.published})
    by_day: dict[str, list[Mention]] = {}
    for m in dated:
        by_day.setdefault(m.date, []).append(m)
    out: list[Mention] = []
    for order, art in enumerate(articles):
        weekdays = [e for e in times.get(art.id, ()) if _BARE_WEEKDAY.match(e.value)]
        if art.published or not weekdays or not days:
            continue
        best: list[Mention] = []
        for anchor in days:
            resolved = [replace(e, value=_on_anchor(e, date.fromisoformat(anchor))) for e in weekdays]
            matched = [m for m in mentions(art, resolved, order) if _corroborated(m, by_day)]
            if len(matched) > len(best):
                best = matched
        out.extend(best)
    return out


def _on_anchor(expr: TimeExpr, anchor: date) -> str:
    m = _BARE_WEEKDAY.match(expr.value)
    assert m is not None
    wday = int(m.group(1))
    if expr.announced:
        day = anchor + timedelta(days=(wday - anchor.isoweekday()) % 7)
    else:
        day = anchor - timedelta(days=(anchor.isoweekday() - wday) % 7)
    return day.isoformat() + (m.group(2) or "")


def _corroborated(m: Mention, by_day: Mapping[str, Sequence[Mention]]) -> bool:
    return any(lexically_similar(o.text, m.text) for o in by_day.get(m.date, ()))
