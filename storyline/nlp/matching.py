"""The same quote across articles: exact, re-punctuated, truncated or lightly reworded."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from rapidfuzz import fuzz

from storyline.nlp.entities import role_matches
from storyline.nlp.lexicon import ROLE_NOUNS
from storyline.nlp.linking import alias_index
from storyline.records import Annotations, Article, Entity, Quote, QuoteKind, QuoteMention, Story
from storyline.text import normalize_for_hash, short_id, without_abbreviations

_MIN_WORDS_FUZZY = 4
_MIN_WORDS_CONTAINED = 3
_REWORDED = 85.0
_QUOTE_EDGES = "\"'“”‘’«»„ \n\t,;:"
_KIND_ORDER: dict[QuoteKind, int] = {"direct": 0, "partial": 1, "indirect": 2}
SpeakersAgree = Callable[[str, str], bool]


def collect_quotes(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Sequence[Entity],
    stories: Sequence[Story],
) -> tuple[Quote, ...]:
    """Group quote mentions of ``articles`` into quotes; speakers canonicalised through ``entities``."""
    order = {a.id: n for n, a in enumerate(articles)}
    story_of = {aid: s.id for s in stories for aid in s.articles}
    speaker = _SpeakerCanon(entities, story_of)
    mentions = [
        _with_speaker(m, speaker.canonical(m, story_of.get(m.article)))
        for a in articles
        for m in join_split(annotations[a.id].quotes if a.id in annotations else (), a.text)
    ]
    groups = _group(mentions, story_of, speaker.agree)
    published = {a.id: (a.published or "9999", order[a.id]) for a in articles}
    people = frozenset(e.name for e in entities if e.type == "PERSON")
    quotes = [_quote(g, published, story_of, people) for g in groups]
    return tuple(sorted(quotes, key=lambda q: (published[q.mentions[0].article], q.mentions[0].start)))


_SPLIT_GAP = 80  # characters between the pieces: a closing mark, "he said," and an opening mark


def join_split(mentions: Sequence[QuoteMention], text: str) -> list[QuoteMention]:
    """A quote split around its attribution ("“The dam,” he said, “was built to protect people.”")
    as one mention from the first piece's start to the second's end (its text is that slice of the
    article; ``quote_content`` leaves the attribution out: "The dam … was built ..."). Only where the first piece stops mid-sentence
    (a comma or no closing punctuation) and both pieces are attributed to the same speaker mention,
    which stands between them in the same sentence ("“X,” Peskov said. “Y.”" stays two quotes)."""
    out: list[QuoteMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, m, text):
            out[-1] = dataclasses.replace(prev, end=m.end, text=text[prev.start : m.end])
        else:
            out.append(m)
    return out


# inside a joined direct mention: the closing mark, the attribution, the opening mark
_ATTRIBUTION_GAP = re.compile(rf",?\s*[”\"»]\s+[^“”\"«»\n]{{1,{_SPLIT_GAP}}}?\s*[“\"«]\s*")


def quote_content(m: QuoteMention) -> str:
    """What the speaker said: a direct quote split around its attribution with the attribution
    replaced by an ellipsis ("The dam … was built to protect people")."""
    return _ATTRIBUTION_GAP.sub(" … ", m.text) if m.kind == "direct" else m.text


def _continues(a: QuoteMention, b: QuoteMention, text: str) -> bool:
    if a.kind != "direct" or b.kind != "direct" or a.speaker_start is None:
        return False
    if (b.speaker_start, b.speaker_text) != (a.speaker_start, a.speaker_text) or not a.end <= b.start:
        return False
    gap = text[a.end : b.start]
    if len(gap) > _SPLIT_GAP or "\n" in gap or not a.end <= a.speaker_start < b.start:
        return False
    if _ends_sentence(gap, text[b.start : b.start + 1]):
        return False  # the attribution ends a sentence and the next quote starts one
    return not a.text.rstrip().endswith((".", "!", "?", "…"))


def _ends_sentence(gap: str, after: str) -> bool:
    """Does the attribution between two pieces of a quote end its sentence? A period does, not one of
    an abbreviation or initial inside it ("”, said Mr. Brekke of the U.S. Navy, “"); one right before
    the second piece does, even after an abbreviation ("said a Navy officer from the U.S. “It ..."),
    unless that piece goes on in lower case."""
    body = gap.rstrip(' \t\u00a0“"«')
    if body.endswith("."):
        return not after.islower()
    return "." in without_abbreviations(body)


class _SpeakerCanon:
    """Maps within-article speakers to entity names; resolves leftover role nouns within the story."""

    def __init__(self, entities: Sequence[Entity], story_of: Mapping[str, str]) -> None:
        self.index = alias_index(entities)
        self.people = [e for e in entities if e.type == "PERSON"]
        self.story_of = story_of

    def canonical(self, m: QuoteMention, story: str | None) -> str | None:
        if m.speaker is not None:
            return " and ".join(self._name(part) for part in m.speaker.split(" and "))
        if m.speaker_text and any(w.casefold().strip(".,") in ROLE_NOUNS for w in m.speaker_text.split()):
            return self._by_role(m.speaker_text, story)
        return None

    def _name(self, speaker: str) -> str:
        entity = self.index.get(speaker.casefold())
        return entity.name if entity is not None else speaker

    def agree(self, a: str, b: str) -> bool:
        """Two speakers of one quote that do not contradict: a person and the institution they speak
        for ("Dmitry Peskov", role "Kremlin spokesman" ~ "Kremlin"), or a pair and one of its members."""
        return (
            self._speaks_for(a, b)
            or self._speaks_for(b, a)
            or _member(a, b)
            or _member(b, a)
            or _office_of(a, b)
            or _office_of(b, a)
        )

    def _speaks_for(self, person: str, org: str) -> bool:
        entity = self.index.get(person.casefold())
        if entity is None or entity.type != "PERSON":
            return False
        org_words = set(org.casefold().split())
        return any(org_words <= set(role.casefold().split()) for role in entity.roles)

    def _by_role(self, role: str, story: str | None) -> str | None:
        fits = [
            e
            for e in self.people
            if any(role_matches(role, r) for r in e.roles)
            and (story is None or any(self.story_of.get(a) == story for a in e.articles))
        ]
        return fits[0].name if len(fits) == 1 else None


def _agree(a: str, b: str, speakers_agree: SpeakersAgree | None) -> bool:
    return a == b or (speakers_agree is not None and speakers_agree(a, b))


def _office_of(person: str, office: str) -> bool:
    """ "Mateo Lisandre’s office" (or spokesman, campaign ...) speaks for "Mateo Lisandre"."""
    return any(office.startswith(person + mark) for mark in ("’s ", "'s "))


def _member(one: str, pair: str) -> bool:
    return one in pair.split(" and ") and " and " in pair


def _with_speaker(m: QuoteMention, speaker: str | None) -> QuoteMention:
    if speaker == m.speaker:
        return m
    return dataclasses.replace(m, speaker=speaker)


def words(text: str) -> str:
    """Case-, punctuation- and space-insensitive form of a quote."""
    return normalize_for_hash(text)


def same_quote(a: QuoteMention, b: QuoteMention, *, speakers_agree: SpeakersAgree | None = None) -> bool:
    """Are ``a`` and ``b`` the same quote (exact, re-punctuated, truncated or lightly reworded)?

    Known speakers must be equal, or agree by ``speakers_agree`` ("Dmitry Peskov" speaks for "Kremlin").
    """
    if a.speaker is not None and b.speaker is not None and not _agree(a.speaker, b.speaker, speakers_agree):
        return False
    wa, wb = words(quote_content(a)), words(quote_content(b))
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if a.article == b.article:
        return False  # within one article only a repeat is the same quote (not nested reported speech)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    n_short = len(short.split())
    if n_short >= _MIN_WORDS_CONTAINED and f" {short} " in f" {long_} ":
        return True
    if n_short < _MIN_WORDS_FUZZY:
        return False
    if fuzz.ratio(wa, wb) >= _REWORDED:
        return True
    return len(short) * 2 >= len(long_) and fuzz.partial_ratio(short, long_) >= _REWORDED + 5


def _group(
    mentions: list[QuoteMention], story_of: Mapping[str, str], agree: SpeakersAgree | None = None
) -> list[list[QuoteMention]]:
    """Mentions of one quote, joined. The same text by the same speaker is joined outright (a wire
    quote carried by a hundred reprints costs one comparison, not a hundred squared); the distinct
    texts are compared only in pairs that ``_candidate_pairs`` finds."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    norm = [words(quote_content(m)) for m in mentions]
    first_of: dict[tuple[str, str | None, str | None], int] = {}  # (text, speaker, story) -> first mention
    for i, m in enumerate(mentions):
        key = (norm[i], m.speaker, story_of.get(m.article))
        if key in first_of and norm[i]:
            parent[i] = first_of[key]
        else:
            first_of[key] = i
    reps = list(first_of.values())
    for i, j in _candidate_pairs([norm[r] for r in reps], [story_of.get(mentions[r].article) for r in reps]):
        a, b = reps[i], reps[j]
        if find(a) != find(b) and same_quote(mentions[a], mentions[b], speakers_agree=agree):
            parent[find(a)] = find(b)
    groups: dict[int, list[QuoteMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    return list(groups.values())


_PROBE_WORDS = 3


def _candidate_pairs(texts: Sequence[str], stories: Sequence[str | None]) -> list[tuple[int, int]]:
    """Pairs of texts (normalised by ``words``) of one story that may be one quote: one holds one
    of the other's three rarest words. A copy, a truncation or a light rewording of a quote keeps
    its rare words, so the pairs are few even where every quote names the story's protagonist."""
    holders: dict[str, list[int]] = defaultdict(list)
    tokens = [sorted(set(t.split())) for t in texts]
    for i, toks in enumerate(tokens):
        for w in toks:
            holders[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, toks in enumerate(tokens):
        rarest = sorted(toks, key=lambda w: (len(holders[w]), -len(w), w))[:_PROBE_WORDS]
        for w in rarest:
            for j in holders[w]:
                if j != i and stories[i] == stories[j]:
                    pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def clean_quote_text(text: str) -> str:
    """A quote's text for display: continuation marks dropped, spaces collapsed, edges trimmed."""
    text = re.sub(r"\s*\n\s*[“\"«‘]?", " ", text)
    return " ".join(text.split()).strip(_QUOTE_EDGES)


def _quote(
    group: list[QuoteMention],
    published: Mapping[str, tuple[str, int]],
    story_of: Mapping[str, str],
    people: frozenset[str] = frozenset(),
) -> Quote:
    group.sort(key=lambda m: (published[m.article], m.start))
    first = group[0]
    longest = max(group, key=lambda m: (len(words(quote_content(m))), -published[m.article][1]))
    speakers = [m.speaker for m in group if m.speaker is not None]
    # a person over the institution they speak for, then the most frequent
    speaker = max(set(speakers), key=lambda s: (s in people, speakers.count(s), s)) if speakers else None
    kind = min((m.kind for m in group), key=lambda k: _KIND_ORDER[k])
    text = clean_quote_text(quote_content(longest))
    return Quote(
        id="q" + short_id(words(text), speaker or ""),
        text=text,
        speaker=speaker,
        kind=kind,
        mentions=tuple(group),
        first_article=first.article,
        story=story_of.get(first.article),
    )
