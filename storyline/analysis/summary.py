"""Extractive multi-document summary of a story; every sentence cites every article containing it.

1. Candidates are the sentences of the story's articles; of a copy group only the
   canonical contributes candidates (the other members are still cited).
2. Each candidate is scored: words the story's articles share, how many articles
   carry the sentence, lead position, key quotes and conflict claims.
3. The main event comes first: the lead sentence with the best score, plus a bonus
   for every other article whose lead reports the same news; the denial conflict's
   assertion and denial follow; the rest is filled by MMR, which skips anything
   too close to a chosen sentence.
4. Citations come from :mod:`storyline.analysis.support`: only articles that
   contain the sentence verbatim or near-verbatim are cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analysis._text import Sentence, article_sentences, content_words, overlap
from storyline.analysis.denials import is_denial
from storyline.analysis.support import supporting
from storyline.records import Article, Claim, Conflict, CopyGroup, Quote, Story, Summary, SummarySentence

MIN_WORDS = 8
MAX_WORDS = 50
MMR_LAMBDA = 0.7
MAX_SIMILARITY = 0.5  # candidates this close (word overlap) to a chosen sentence are redundant
LEAD_CONSENSUS = 0.5  # added to a lead sentence's score per other article whose lead reports the same
UBIQUITOUS = 0.15  # share of candidate sentences a word must reach to be left out of lead consensus
LEAD_AGREEMENT = (
    0.3  # word overlap (names every article uses left out) at which two leads report the same news
)
_JUNK = re.compile(
    r"^(?:PHOTO|MORE|READ MORE|WATCH|VIDEO|RELATED)\b|Source link|Leave a Comment|Read more|Click here|"
    r"Sign up|Subscribe|All Rights Reserved|©|originally appeared on|\bAP\b Photo",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\s+[—–-]{1,2}\s+(?=[A-Z])")
# "But French officials said ..." → "French officials said ...": still word for word in the article.
_LEADING_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Still|However,)\s+(?=[A-Z])")
_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")
_DANGLING = re.compile(r"^(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its|But|And|Instead)\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    sentence: Sentence
    words: frozenset[str]
    score: float


def build(
    story: Story,
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    conflicts: Sequence[Conflict],
    copies: Sequence[CopyGroup],
    *,
    max_sentences: int = 5,
) -> Summary:
    in_story = [a for a in articles if a.id in set(story.articles)]
    sources = _sources(in_story, copies)
    pool = candidates(sources, in_story, quotes, conflicts)
    chosen = select(pool, _conflict_sentences(conflicts, pool), max_sentences)
    texts = [_LEADING_CONJUNCTION.sub("", _DATELINE.sub("", c.sentence.text)) for c in chosen]
    cited = [SummarySentence(t, supporting(t, in_story)) for t in texts]
    return Summary(story=story.id, sentences=tuple(s for s in cited if s.articles))


def _sources(articles: Sequence[Article], copies: Sequence[CopyGroup]) -> list[Article]:
    """The articles that contribute candidates: canonicals of copy groups and unique articles."""
    present = {a.id for a in articles}
    hidden = {m for g in copies if g.canonical in present for m in g.members if m != g.canonical}
    return [a for a in articles if a.id not in hidden]


def candidates(
    sources: Sequence[Article],
    story_articles: Sequence[Article],
    quotes: Sequence[Quote],
    conflicts: Sequence[Conflict],
) -> list[Candidate]:
    doc_words = [
        frozenset().union(*(content_words(s.text) for s in article_sentences(a))) for a in story_articles
    ]
    n = max(1, len(doc_words))
    key_quotes = _key_quotes(quotes)
    claimed = {(c.article, c.start) for k in conflicts for c in k.claims}
    out: list[Candidate] = []
    seen: set[str] = set()
    for art in sources:
        for sent in article_sentences(art):
            if not _usable(sent.text) or sent.text in seen:
                continue
            seen.add(sent.text)
            words = content_words(sent.text)
            score = _centrality(words, doc_words, n) + 0.6 / (1 + sent.index)
            score -= 0.3 if _DANGLING.match(sent.text) else 0.0
            score += 0.2 if any(q in sent.text for q in key_quotes) else 0.0
            score += 0.2 if (sent.article, sent.start) in claimed else 0.0
            out.append(Candidate(sent, words, score))
    return out


def _usable(text: str) -> bool:
    n = len(text.split())
    if not MIN_WORDS <= n <= MAX_WORDS or "\n" in text or _JUNK.search(text):
        return False
    return text[:1].isupper() or (text[:1] in "“\"‘'" and text.rstrip()[-1:] in ".!”\"’'")


def _centrality(words: frozenset[str], doc_words: Sequence[frozenset[str]], n: int) -> float:
    """Mean share of the story's articles that use each content word of the sentence."""
    if not words:
        return 0.0
    share = sum(sum(w in d for d in doc_words) / n for w in words)
    return float(share / len(words) ** 0.85)


def _key_quotes(quotes: Sequence[Quote], top: int = 3) -> list[str]:
    ranked = sorted(quotes, key=lambda q: len({m.article for m in q.mentions}), reverse=True)
    return [q.text for q in ranked[:top] if len(q.text.split()) >= 4]


def _conflict_sentences(conflicts: Sequence[Conflict], pool: Sequence[Candidate]) -> list[Candidate]:
    """For the first denial: the best assertion and denial sentences available as candidates,
    and the denier's own quoted words when another denial sentence carries them
    ("… had “simply written incorrectly”")."""
    denial = next((c for c in conflicts if c.kind == "denial"), None)
    if denial is None:
        return []
    picks: list[Candidate] = []
    first = _first_denial_claim(denial)
    quoted = next((c for c in denial.claims if _QUOTED.search(c.text) and is_denial(c.text)), None)
    wanted = [denial.claims[0], first] + ([quoted] if quoted and not _QUOTED.search(first.text) else [])
    for claim in wanted:
        match = _candidate_for(claim.text, pool)
        if match is not None and match not in picks:
            picks.append(match)
    return picks


def _first_denial_claim(conflict: Conflict) -> Claim:
    return next((c for c in conflict.claims if is_denial(c.text)), conflict.claims[-1])


def _candidate_for(text: str, pool: Sequence[Candidate]) -> Candidate | None:
    target = content_words(text)
    best = max(pool, key=lambda c: overlap(c.words, target), default=None)
    return best if best is not None and overlap(best.words, target) >= 0.8 else None


def select(pool: Sequence[Candidate], required: Sequence[Candidate], k: int) -> list[Candidate]:
    """Main event first, then the required conflict sentences, then MMR over the rest."""
    if not pool:
        return []
    leads = [c for c in pool if c.sentence.index <= 1] or list(pool)
    leads = [c for c in leads if not is_denial(c.sentence.text)] or leads  # the claim before its denial
    common = _ubiquitous(pool)
    chosen = [max(leads, key=lambda c: c.score + LEAD_CONSENSUS * _consensus(c, leads, common))]
    for c in required:
        if len(chosen) < k and not _redundant(c, chosen):
            chosen.append(c)
    while len(chosen) < k:
        rest = [c for c in pool if c not in chosen and not _redundant(c, chosen)]
        if not rest:
            break
        chosen.append(max(rest, key=lambda c: _mmr(c, chosen)))
    return chosen


def _consensus(c: Candidate, leads: Sequence[Candidate], common: frozenset[str]) -> int:
    """How many other articles open on the same news: the main event is what most leads report.
    Words every article uses (the protagonists' names) say nothing about which news it is."""
    mine = _bag(c) - common
    others = {
        o.sentence.article
        for o in leads
        if o.sentence.article != c.sentence.article and _agree(mine, _bag(o) - common)
    }
    return len(others)


def _agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= 2 and overlap(a, b) >= LEAD_AGREEMENT


def _ubiquitous(pool: Sequence[Candidate]) -> frozenset[str]:
    """Five-letter stems in at least 15% of the story's candidate sentences: the protagonists
    and the story's topic ("russi", "macro", "talk"), which every lead shares."""
    counts: dict[str, int] = {}
    for c in pool:
        for w in _bag(c):
            counts[w] = counts.get(w, 0) + 1
    floor = max(3.0, UBIQUITOUS * len(pool))
    return frozenset(w for w, n in counts.items() if n >= floor)


def _bag(c: Candidate) -> frozenset[str]:
    """Content words cut to five letters ("de-escalated" ≈ "de-escalating") for closeness tests."""
    return frozenset(w[:5] for w in c.words)


def _mmr(c: Candidate, chosen: Sequence[Candidate]) -> float:
    return MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * max(overlap(_bag(c), _bag(s)) for s in chosen)


def _redundant(c: Candidate, chosen: Sequence[Candidate]) -> bool:
    """Too close to a chosen sentence; a denial is never redundant with what it denies."""
    denial = is_denial(c.sentence.text)
    return any(
        overlap(_bag(c), _bag(s)) > MAX_SIMILARITY and denial == is_denial(s.sentence.text) for s in chosen
    )
