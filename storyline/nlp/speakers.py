"""Resolve a speaker mention to a canonical name within one article.

Names map to the fullest form of the same person in the article ("Peskov" -> "Dmitry Peskov");
"he"/"she" to the nearest preceding person who was the subject of a clause (main clauses first);
role nouns ("the Kremlin spokesman") to the person seen with that role; groups and institutions
("French officials", "the Kremlin", "the Palace") to themselves or the institution named before.
Anything else stays None: an unresolved role noun is left for the story-level pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.nlp.entities import affiliation_words, role_matches, surname
from storyline.nlp.lexicon import GROUP_NOUNS, PERSON_PRONOUNS, PRONOUNS, ROLE_NOUNS, SEAT_NAMES
from storyline.records import EntityMention

_DET = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s+", re.IGNORECASE)
_POSS = re.compile(r"[’']s\s+")
_SPEAKER_TYPES = frozenset({"ORG", "GPE", "NORP"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_FLOATING = re.compile(r"(?:\s+(?:both|all|each|alike|together|too|also))+\s*$", re.IGNORECASE)
_COORD = re.compile(r"\s(?:and|&)\s")
_ANTECEDENT_CHARS = 600
_STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "readout", "release"})
_PLURAL_GROUPS = frozenset({"officials", "sources", "diplomats", "leaders", "aides", "lawmakers", "analysts"})


@dataclass(frozen=True, slots=True)
class Subject:
    """A person named as the subject of a clause: where, in which sentence, main clause or not."""

    pos: int
    sent_start: int
    person: str
    main: bool


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved speaker; ``person`` when it is a person (a later "he" may refer to them)."""

    name: str | None
    person: bool = False


@dataclass
class SpeakerResolver:
    """Per-article state: people, subjects, roles and groups seen so far."""

    entities: list[EntityMention]
    subjects: list[Subject] = field(default_factory=list)
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (position, role, canonical person)
    groups: list[tuple[int, str]] = field(default_factory=list)  # (position, group speaker)
    orgs: list[tuple[int, str]] = field(default_factory=list)  # (position, organisation/group subject)
    text: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)  # sentence bounds in ``text``
    _full: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counts: dict[str, int] = {}
        for m in self.entities:
            if m.type == "PERSON":
                counts[m.text] = counts.get(m.text, 0) + 1
        for name in sorted(counts, key=lambda n: (len(n.split()), counts[n], n)):
            self._full[surname(name)] = name

    def canonical_person(self, text: str) -> str:
        return self._full.get(surname(text), text)

    def add_subject(self, subject: Subject) -> None:
        self.subjects.append(subject)
        self.subjects.sort(key=lambda s: s.pos)

    def add_org_subject(self, pos: int, name: str) -> None:
        """An organisation or place named as the subject of a clause ("Moscow has accused ...")."""
        self.orgs.append((pos, name))
        self.orgs.sort()

    def resolve(self, text: str, start: int, end: int, sent_start: int = 0) -> Resolution:
        """Canonical speaker for the mention ``text`` at ``start:end`` (name None if unknown)."""
        resolution = self._resolve(text, start, end, sent_start)
        if resolution.name is not None and not resolution.person:
            self.add_org_subject(start, resolution.name)
        return resolution

    def _resolve(self, text: str, start: int, end: int, sent_start: int) -> Resolution:
        stripped = _DET.sub("", text.strip())
        if not stripped:
            return Resolution(None)
        if _COORD.search(stripped):
            whole = self._coordinated(text, start, end)
            if whole is not None:
                return Resolution(whole)
        people = [m for m in self.entities if m.type == "PERSON" and start <= m.start and m.end <= end]
        if people and _is_group_phrase(stripped, people[0]):
            return Resolution(
                self._remember(start, f"{self.canonical_person(people[0].text)}’s {stripped.split()[-1]}")
            )
        if len(people) > 1 and _COORD.search(stripped):
            names = dict.fromkeys(
                self.canonical_person(m.text) for m in _last_per_conjunct(text, start, people)
            )
            return Resolution(" and ".join(names)) if len(names) > 1 else Resolution(next(iter(names)), True)
        if people:
            return Resolution(self.canonical_person(people[0].text), person=True)
        low = stripped.casefold()
        if low in PERSON_PRONOUNS:
            name = self._antecedent(start, sent_start)
            return Resolution(name, person=name is not None)
        if low in ("it", "they", "them"):
            return Resolution(self._org_antecedent(start, plural=low != "it"))
        if low in PRONOUNS:
            return Resolution(None)
        last = _POSS.sub(" ", stripped).split()[-1]
        if surname(last) in self._full and last[:1].isupper():
            return Resolution(self._full[surname(last)], person=True)
        if low in SEAT_NAMES or low.split()[-1] == "palace":
            return Resolution(self._seat(start, low))
        if _has_role(low) and low.split()[-1] not in _PLURAL_GROUPS:
            name = self._by_role(stripped, start)
            return Resolution(name, person=name is not None)
        group = self._group(stripped, start, end)
        if group is None and _looks_like_name(stripped, self.entities, start, end):
            return Resolution(self.canonical_person(stripped), person=True)
        return Resolution(group)

    def _coordinated(self, text: str, start: int, end: int) -> str | None:
        """ "The company and Estrenia's regulator", "Harald Voss and his lawyers": a coordinated speaker
        with a conjunct that no name ends (the regulator speaks, not Estrenia), or naming both a person
        and an organisation ("Norland and Harald Voss"), is the whole phrase, each conjunct by its
        name or as written. None when no name is inside, when a conjunct is a pronoun, or when every
        conjunct ends with a name of one kind (people, or organisations and places): the usual
        resolution applies."""
        inside = [m for m in self.entities if start <= m.start and m.end <= end and m.type in _NAME_TYPES]
        if not inside:
            return None
        parts: list[str] = []
        unnamed = False
        kinds: set[bool] = set()  # person or not
        for c_start, c_end in _conjuncts(text, start):
            conjunct = text[c_start - start : c_end - start]
            name = next((m for m in inside if c_start <= m.start and m.end == c_end), None)
            if name is not None:
                kinds.add(name.type == "PERSON")
                if "," in conjunct:  # "Britain, France and ..."
                    parts.append(conjunct)
                else:
                    parts.append(self.canonical_person(name.text) if name.type == "PERSON" else name.text)
                continue
            if _DET.sub("", conjunct).casefold() in PRONOUNS:
                return None
            unnamed = True
            if _looks_like_name(conjunct, self.entities, c_start, c_end):
                parts.append(self.canonical_person(conjunct))  # a name the model missed ("Norland")
            else:
                parts.append(_DET.sub(lambda m: m.group().lower(), conjunct) if not parts else conjunct)
        return " and ".join(parts) if unnamed or len(kinds) > 1 else None

    def _org_antecedent(self, pos: int, *, plural: bool) -> str | None:
        """ "it" / "they": the nearest organisation, place or group named as a subject before."""
        for org_pos, name in reversed(self.orgs):
            if org_pos < pos and pos - org_pos <= _ANTECEDENT_CHARS and _is_plural(name) == plural:
                return name
        return None

    def _antecedent(self, pos: int, sent_start: int) -> str | None:
        before = [s for s in self.subjects if s.pos < pos]
        same = [s for s in before if s.sent_start == sent_start]
        for pool in ([s for s in same if s.main], same, [s for s in before if s.main], before):
            if pool:
                return pool[-1].person
        return None

    def _by_role(self, role: str, pos: int) -> str | None:
        fits = [r for r in self.roles if role_matches(role, r[1])]
        if not fits:
            loose = [r for r in self.roles if role_matches(role, r[1], relaxed=True)]
            names = list(dict.fromkeys(self.canonical_person(r[2]) for r in loose))
            if len(names) != 1:
                return self._closest_to_place(role, names) if names else None
            fits = loose
        before = [r for r in fits if r[0] < pos]
        chosen = before[-1] if before else fits[0]
        return self.canonical_person(chosen[2])

    def _closest_to_place(self, role: str, names: list[str]) -> str | None:
        """Of several people fitting a role loosely ("the master of the Kremlin" ~ "President"), the one
        named most often in sentences that also name the role's place ("Kremlin"); None on a tie."""
        places = affiliation_words(role)
        if not places:
            return None
        counts = dict.fromkeys(names, 0)
        for start, end in self.sentences:
            sent = self.text[start:end].casefold()
            if any(re.search(rf"\b{re.escape(p)}\b", sent) for p in places):
                for name in names:
                    counts[name] += surname(name) in sent
        ranked = sorted(counts.values(), reverse=True)
        if ranked[0] == 0 or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=lambda n: counts[n])

    def _seat(self, pos: int, low: str) -> str | None:
        bare = low.removeprefix("the ")
        seats = [
            m for m in self.entities if m.text.casefold() in SEAT_NAMES and m.text.casefold() != "palace"
        ]
        named = [m for m in seats if m.text.casefold() == bare]
        if named:
            return named[0].text
        before = [m for m in seats if m.start < pos]
        return before[-1].text if before else None

    def _group(self, stripped: str, start: int, end: int) -> str | None:
        words = stripped.split()
        if not words:
            return None
        head = words[-1].casefold()
        if head in _STATEMENT_NOUNS and len(words) > 1 and " ".join(words[:-1]).casefold() in SEAT_NAMES:
            return " ".join(words[:-1])  # "the Kremlin statement" speaks for the Kremlin
        if head in GROUP_NOUNS:
            if len(words) == 1:
                earlier = [g for p, g in self.groups if p < start and g.split()[-1].casefold() == head]
                return earlier[-1] if earlier else (stripped if head.endswith("s") else None)
            return self._remember(start, stripped)
        inside = [m for m in self.entities if start <= m.start and m.end <= end and m.type in _SPEAKER_TYPES]
        inside = [m for m in inside if m.type != "NORP"]
        if len(inside) > 1 and _COORD.search(stripped):
            return " and ".join(dict.fromkeys(m.text for m in inside))
        return inside[0].text if inside else None

    def _remember(self, pos: int, group: str) -> str:
        self.groups.append((pos, group))
        return group


def _conjuncts(text: str, start: int) -> list[tuple[int, int]]:
    """Offsets of the conjuncts of the phrase ``text`` at ``start`` ("A and B"), edges trimmed."""
    cuts = [0, *(i for m in _COORD.finditer(text) for i in (m.start(), m.end())), len(text)]
    out = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        piece = _FLOATING.sub("", text[a:b])  # "Voss and Lindqvist both"
        lead, trail = len(piece) - len(piece.lstrip(" ,")), len(piece.rstrip(" ,"))
        if lead < trail:
            out.append((start + a + lead, start + a + trail))
    return out


def _last_per_conjunct(text: str, start: int, people: list[EntityMention]) -> list[EntityMention]:
    """The last person named in each conjunct of "Norland Mayor Tomas Brekke and Vesterland Mayor Marta
    Lindqvist": a place the small model tags as a person before a title is a modifier, not a speaker."""
    cuts = [start + m.start() for m in _COORD.finditer(text)]
    last: dict[int, EntityMention] = {}
    for m in people:
        last[sum(cut < m.start for cut in cuts)] = m
    return list(last.values())


def _is_plural(name: str) -> bool:
    """ "French officials", "Macron and Scholz" are plural; "United States", "the Kremlin" are not."""
    last = name.rsplit(maxsplit=1)[-1]
    return bool(_COORD.search(name)) or (last.islower() and last.endswith("s"))


def _looks_like_name(stripped: str, entities: list[EntityMention], start: int, end: int) -> bool:
    """A capitalised one-to-three-word phrase the NER missed ("Voss"), not a place or organisation."""
    words = stripped.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if any(
        w.casefold() in GROUP_NOUNS or w.casefold() in ROLE_NOUNS or w.casefold() in PRONOUNS for w in words
    ):
        return False
    return not any(start <= m.start and m.end <= end for m in entities)


def _has_role(low: str) -> bool:
    return any(w.strip(".,") in ROLE_NOUNS for w in low.split())


def _is_group_phrase(stripped: str, person: EntityMention) -> bool:
    """ "Macron's office": a person's name inside a group noun phrase is not the speaker."""
    words = stripped.split()
    return len(words) > 1 and words[-1].casefold() in GROUP_NOUNS and bool(_POSS.search(stripped))
