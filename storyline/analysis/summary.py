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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analysis._text import Sentence, article_sentences, content_words, overlap
from storyline.analysis.denials import is_denial
from storyline.analysis.numbers import is_disagreement
from storyline.analysis.quantities import Quantity, compatible, find_quantities
from storyline.analysis.support import supporting
from storyline.records import Article, Claim, Conflict, CopyGroup, Quote, Story, Summary, SummarySentence
from storyline.text import DATELINE, speaker_pronoun

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
    max_sentences: int = 6,
) -> Summary:
    in_story = [a for a in articles if a.id in set(story.articles)]
    sources = _sources(in_story, copies)
    pool = candidates(sources, in_story, quotes, conflicts)
    required = _conflict_sentences(conflicts, pool)
    sides = [c for c in _number_sentences(conflicts, pool) if c not in required]
    required[2:2] = sides
    chosen = select(pool, required, max_sentences, paired=sides)
    texts = [_LEADING_CONJUNCTION.sub("", DATELINE.sub("", c.sentence.text)) for c in chosen]
    cited = [
        SummarySentence(t, supporting(t, in_story), _pronoun_speaker(t, c.sentence, quotes))
        for t, c in zip(texts, chosen, strict=True)
    ]
    return Summary(story=story.id, sentences=tuple(s for s in cited if s.articles))


def _pronoun_speaker(text: str, sentence: Sentence, quotes: Sequence[Quote]) -> str | None:
    """Whom the sentence's speaking pronoun stands for ("He said ...", "..., it said"), when the
    quote finder resolved that very word as the speaker of a quote in the sentence: a pronoun
    means nothing out of its article. The pronoun must be the one ``speaker_pronoun`` finds."""
    found = speaker_pronoun(text)
    if found is None:
        return None
    offset = sentence.text.find(text[:40])
    if offset < 0:
        return None
    at = sentence.start + offset + found[0]
    for quote in quotes:
        for m in quote.mentions:
            if m.article == sentence.article and m.speaker_start == at and m.speaker_text == found[1]:
                return quote.speaker
    return None


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
    df: Counter[str] = Counter()  # in how many of the story's articles each content word appears
    for a in story_articles:
        df.update(frozenset().union(*(content_words(s.text) for s in article_sentences(a))))
    n = max(1, len(story_articles))
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
            score = _centrality(words, df, n) + 0.6 / (1 + sent.index)
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


def _centrality(words: frozenset[str], df: Counter[str], n: int) -> float:
    """Mean share of the story's articles that use each content word of the sentence."""
    if not words:
        return 0.0
    share = sum(df[w] / n for w in words)
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
    denying = [c for c in denial.claims if is_denial(c.text)] or [denial.claims[-1]]
    asserted = _first_candidate([c for c in denial.claims if c not in denying], pool)
    denied = _first_candidate(denying, pool)  # the first denial sentence the summary may use
    quoted = _first_candidate([c for c in denying if _QUOTED.search(c.text)], pool)
    if denied is not None and _QUOTED.search(denied.sentence.text):
        quoted = None
    for match in (asserted, denied, quoted):
        if match is not None and match not in picks:
            picks.append(match)
    return picks


def _first_candidate(claims: Sequence[Claim], pool: Sequence[Candidate]) -> Candidate | None:
    """The candidate sentence of the first claim that has one (copies' sentences are not candidates)."""
    return next((m for c in claims if (m := _candidate_for(c.text, pool)) is not None), None)


def _number_sentences(conflicts: Sequence[Conflict], pool: Sequence[Candidate]) -> list[Candidate]:
    """For the first number disagreement: the sentences of its first claim and of the first
    claim whose figure cannot be true with it ("more than 12,000" vs "about 7,000")."""
    conflict = next((c for c in conflicts if is_disagreement(c)), None)
    if conflict is None:
        return []
    at = [(claim, _candidate_at(claim, pool)) for claim in conflict.claims]
    found = [(q, cand) for claim, cand in at if cand and (q := _quantity_of(claim, cand)) and not q.vague]
    if not found:
        return []
    first_q, first = found[0]
    other = next((cand for q, cand in found[1:] if not compatible(q, first_q)), None)
    return [first, other] if other is not None and other is not first else []


def _candidate_at(claim: Claim, pool: Sequence[Candidate]) -> Candidate | None:
    if claim.start is None:
        return None
    start = claim.start
    return next(
        (
            c
            for c in pool
            if c.sentence.article == claim.article and c.sentence.start <= start < c.sentence.end
        ),
        None,
    )


def _quantity_of(claim: Claim, cand: Candidate) -> Quantity | None:
    offset = (claim.start or 0) - cand.sentence.start
    return next((q for q in find_quantities(cand.sentence.text) if q.start <= offset < q.end), None)


def _candidate_for(text: str, pool: Sequence[Candidate]) -> Candidate | None:
    target = content_words(text)
    best = max(pool, key=lambda c: overlap(c.words, target), default=None)
    return best if best is not None and overlap(best.words, target) >= 0.8 else None


def select(
    pool: Sequence[Candidate], required: Sequence[Candidate], k: int, paired: Sequence[Candidate] = ()
) -> list[Candidate]:
    """Main event first, then the required conflict sentences, then MMR over the rest.
    ``paired`` sentences (the two sides of a number disagreement) say alike things on purpose
    and are never redundant with each other."""
    if not pool:
        return []
    leads = [c for c in pool if c.sentence.index <= 1] or list(pool)
    leads = [c for c in leads if not is_denial(c.sentence.text)] or leads  # the claim before its denial
    common = _ubiquitous(pool)
    agree = _consensus(leads, common)
    chosen = [leads[max(range(len(leads)), key=lambda i: leads[i].score + LEAD_CONSENSUS * agree[i])]]
    for c in required:
        others = [x for x in chosen if not (c in paired and x in paired)]
        if len(chosen) < k and c not in chosen and not _redundant(c, others):
            chosen.append(c)
    while len(chosen) < k:
        rest = [c for c in pool if c not in chosen and not _redundant(c, chosen)]
        if not rest:
            break
        chosen.append(max(rest, key=lambda c: _mmr(c, chosen)))
    return chosen


def _consensus(leads: Sequence[Candidate], common: frozenset[str]) -> list[int]:
    """For each lead, how many other articles open on the same news: the main event is what most
    leads report. Words every article uses (the protagonists' names) say nothing about which news
    it is. Pairs are found through shared words (an inverted index), not by comparing all pairs."""
    bags = [_bag(c) - common for c in leads]
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for w in bag:
            postings.setdefault(w, []).append(i)
    out: list[int] = []
    for i, bag in enumerate(bags):
        shared = Counter(j for w in bag for j in postings[w])
        mine = leads[i].sentence.article
        out.append(
            len(
                {
                    leads[j].sentence.article
                    for j, n in shared.items()
                    if n >= 2 and leads[j].sentence.article != mine and _agree(bag, bags[j])
                }
            )
        )
    return out


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
