"""Canonical entities across articles: name variants, surnames, spelling variants, roles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from storyline.nlp.entities import role_matches, surname
from storyline.nlp.lexicon import ROLE_NOUNS
from storyline.records import Annotations, Article, Entity, EntityMention
from storyline.text import short_id

_SURNAME_SIMILARITY = 85.0
_GIVEN_SIMILARITY = 80.0
_ROLE_WORD = re.compile(r"[\w’'.-]+")
_ROLE_STOP = frozenset(
    {"the", "a", "an", "and", "of", "with", "said", "says", "told", "by", "to", "that", "for"}
)
# spellings of one country or place ("U.S.", "US", "United States"; "Kiev", "Kyiv"): one entity
_NAME_VARIANTS = {
    "us": "united states", "u.s.": "united states", "u.s": "united states", "usa": "united states",
    "u.s.a.": "united states", "america": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    # transliterations of one place: the older Russian-based spelling and the Ukrainian one
    "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv", "lugansk": "luhansk",
    "nikolaev": "mykolaiv", "zaporozhye": "zaporizhzhia", "chernigov": "chernihiv",
}  # fmt: skip
_ORG_PREFIX = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _ends_sentence(word: str) -> bool:
    return (word.endswith(".") and len(word) > 4) or word.casefold() in _CALENDAR


@dataclass
class _Cluster:
    type: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    articles: dict[str, None] = field(default_factory=dict)

    @property
    def full_names(self) -> list[str]:
        return [n for n in self.names if len(n.split()) > 1]

    def canonical(self) -> str:
        pool = self.full_names or list(self.names)
        return max(pool, key=lambda n: (self._support(n), len(n.split()), n))

    def _support(self, name: str) -> int:
        """Mentions of ``name`` plus bare surnames spelled exactly as its surname."""
        last = surname(name)
        return self.names[name] + sum(
            c for n, c in self.names.items() if len(n.split()) == 1 and n.casefold() == last
        )


def link_entities(articles: Sequence[Article], annotations: Mapping[str, Annotations]) -> tuple[Entity, ...]:
    """Merge entity mentions into canonical entities across ``articles`` (in input order)."""
    people: list[_Cluster] = []
    others: dict[str, _Cluster] = {}
    places = _place_names(annotations.values())
    for article in articles:
        ann = annotations.get(article.id)
        if ann is None:
            continue
        local = _local_names(ann.entities)
        for mention in ann.entities:
            m = mention
            if m.type == "PERSON" and (m.text in places or m.text.casefold() in _NAME_VARIANTS):
                m = EntityMention(m.start, m.end, m.text, places.get(m.text, "GPE"))
            if m.type == "PERSON":
                cluster = _person_cluster(people, local.get(surname(m.text), m.text))
                cluster.names[m.text] += 1
                cluster.articles[article.id] = None
                role = role_before(article.text, m.start)
                if role:
                    cluster.roles[role] += 1
            else:
                name = _ORG_PREFIX.sub("", m.text)
                key = _NAME_VARIANTS.get(name.casefold(), name.casefold())
                # one name, one entity: "Belarus" tagged GPE here and ORG there is one place
                cluster = others.setdefault(key, _Cluster(m.type))
                cluster.types[m.type] += 1
                cluster.names[name] += 1
                cluster.articles[article.id] = None
    return tuple(_entity(c) for c in [*_merge_by_role(people), *others.values()])


def _place_names(annotations: Iterable[Annotations]) -> dict[str, str]:
    """One-word names tagged as places somewhere and never a person's surname ("Kiev")."""
    surnames: set[str] = set()
    places: dict[str, str] = {}
    for ann in annotations:
        for m in ann.entities:
            if m.type == "PERSON" and len(m.text.split()) > 1:
                surnames.add(surname(m.text))
            elif m.type in ("GPE", "LOC") and len(m.text.split()) == 1:
                places.setdefault(m.text, m.type)
    return {name: t for name, t in places.items() if name.casefold() not in surnames}


def _merge_by_role(clusters: list[_Cluster]) -> list[_Cluster]:
    """Same surname and the same role: one person despite a different given name (Vladimir/Volodymyr)."""
    out: list[_Cluster] = []
    for cluster in sorted(clusters, key=lambda c: -sum(c.names.values())):
        target = next((o for o in out if _same_by_role(o, cluster)), None)
        if target is None:
            out.append(cluster)
            continue
        target.names.update(cluster.names)
        target.roles.update(cluster.roles)
        target.articles.update(cluster.articles)
    return out


def _same_by_role(a: _Cluster, b: _Cluster) -> bool:
    surnames_a = {surname(n) for n in a.names}
    if not any(fuzz.ratio(s, surname(n)) >= _SURNAME_SIMILARITY for s in surnames_a for n in b.names):
        return False
    return any(role_matches(ra, rb) and role_matches(rb, ra) for ra in a.roles for rb in b.roles)


def _local_names(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """Within one article, a surname stands for the fullest name with that surname, and a given
    name alone ("dear Emmanuel") for the one full name that starts with it, if it is nobody's surname."""
    out: dict[str, str] = {}
    given: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "PERSON":
            continue
        if len(m.text.split()) >= len(out.get(surname(m.text), "").split()):
            out[surname(m.text)] = m.text
        if len(m.text.split()) > 1:
            given.setdefault(m.text.split()[0].casefold(), set()).add(surname(m.text))
    full_surnames = {s for names in given.values() for s in names}
    for first, surnames in given.items():
        if len(surnames) == 1 and first not in full_surnames:
            out[first] = out[next(iter(surnames))]
    return out


def _person_cluster(clusters: list[_Cluster], name: str) -> _Cluster:
    best: _Cluster | None = None
    best_score = 0.0
    for cluster in clusters:
        score = max((_name_score(name, other) for other in cluster.names), default=0.0)
        if score > best_score:
            best, best_score = cluster, score
    if best is None:
        best = _Cluster("PERSON")
        clusters.append(best)
    return best


def _name_score(a: str, b: str) -> float:
    """How well two person names match (0 = different people): surname fuzzy, given names compatible."""
    pa, pb = a.split(), b.split()
    if not pa or not pb:
        return 0.0
    s = fuzz.ratio(pa[-1].casefold(), pb[-1].casefold())
    if s < _SURNAME_SIMILARITY:
        return 0.0
    if len(pa) == 1 or len(pb) == 1:
        return s - 1.0  # a bare surname fits, but a full match is preferred
    g = fuzz.ratio(pa[0].casefold().rstrip("."), pb[0].casefold().rstrip("."))
    initial = pa[0][0].casefold() == pb[0][0].casefold() and (
        len(pa[0].rstrip(".")) == 1 or len(pb[0].rstrip(".")) == 1
    )
    return (s + g) / 2.0 if g >= _GIVEN_SIMILARITY or initial else 0.0


def role_before(text: str, start: int) -> str | None:
    """The role written just before a name: "Kremlin spokesman" in "Kremlin spokesman Dmitry Peskov"."""
    kept: list[str] = []
    pos = start
    for m in reversed(list(_ROLE_WORD.finditer(text, max(0, start - 60), start))):
        word = m.group()
        if text[m.end() : pos].strip() or word.casefold() in _ROLE_STOP or _ends_sentence(word):
            break
        if not (word[0].isupper() or word.casefold() in ROLE_NOUNS):
            break
        kept.insert(0, word)
        pos = m.start()
        if len(kept) == 4:
            break
    while kept and kept[-1].casefold() not in ROLE_NOUNS:
        kept.pop()
    return " ".join(kept) or None


def _entity(cluster: _Cluster) -> Entity:
    if cluster.types:  # the type most mentions have; ties go to the first seen
        cluster.type = cluster.types.most_common(1)[0][0]
    name = cluster.canonical()
    aliases = sorted(n for n in cluster.names if n != name)
    roles = [r for r, _ in cluster.roles.most_common()]
    aliases += sorted({f"{r} {name}" for r in roles[:3]})
    return Entity(
        id="e" + short_id(cluster.type, name),
        name=name,
        type=cluster.type,
        aliases=tuple(aliases),
        articles=tuple(cluster.articles),
        roles=tuple(roles),
    )


def alias_index(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Lower-cased name or alias -> entity, for canonicalising speakers."""
    index: dict[str, Entity] = {}
    for e in entities:
        for alias in (e.name, *e.aliases):
            index.setdefault(alias.casefold(), e)
    return index
