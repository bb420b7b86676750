"""The sentences of a story as attributed claims: the common input of the conflict finders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.analysis._text import Sentence, article_sentences, content_words
from storyline.analysis.attribution import attribute, canonical
from storyline.records import Annotations, Article, Claim, Entity, Story


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of one article, with its source and content words."""

    sentence: Sentence
    source: str | None
    words: frozenset[str]  # content words and "@entity" tokens
    entities: frozenset[str] = frozenset()
    forms: tuple[tuple[str, str], ...] = ()  # (lower-cased surface form, "@entity" token) found

    @property
    def article(self) -> str:
        return self.sentence.article

    def claim(self, text: str | None = None) -> Claim:
        s = self.sentence
        return Claim(
            text=text or s.text, attributed_to=self.source, article=s.article, start=s.start, end=s.end
        )


def statements(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Sequence[Entity] = (),
) -> list[Statement]:
    """Every sentence of the story's articles, attributed, in article then text order."""
    wanted = set(story.articles)
    names = entity_names(entities)
    out: list[Statement] = []
    for art in articles:
        if art.id not in wanted:
            continue
        ann = annotations.get(art.id)
        for sent in article_sentences(art):
            source = canonical(attribute(sent.text, sent.start, sent.end, ann), list(entities))
            forms = mentioned(sent.text, names)
            found = frozenset(tok for _, tok in forms)
            out.append(Statement(sent, source, content_words(sent.text) | found, found, forms))
    return out


def entity_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Lower-cased surface forms → "@entity" token: names, aliases and roles held by one entity
    only ("the prime minister" → @jorunn_halvik), so a role and a name meet in the same token."""
    names: dict[str, str] = {}
    role_owner: dict[str, set[str]] = {}
    for ent in entities:
        token = "@" + "_".join(ent.name.lower().split())
        for alias in (ent.name, *ent.aliases):
            if len(alias) > 2:
                names[alias.lower()] = token
        for role in ent.roles:
            role_owner.setdefault("the " + role.lower(), set()).add(token)
    for role, owners in role_owner.items():
        if len(owners) == 1 and role not in names:
            names[role] = next(iter(owners))
    return names


def mentioned(text: str, names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(surface form, token) of every entity name, alias or unique role found in ``text``."""
    low = text.lower()
    return tuple((form, tok) for form, tok in names.items() if _contains_phrase(low, form))


def _contains_phrase(text: str, phrase: str) -> bool:
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(phrase, start + 1)
    return False


@lru_cache(maxsize=16384)
def same_source(a: str | None, b: str | None) -> bool:
    """True when two source phrases plausibly name the same speaker ("Peskov" in "Dmitry Peskov")."""
    if not a or not b:
        return False
    wa = {w for w in a.lower().replace("’s", "").split() if w[:1].isalpha() and w not in ("the", "and")}
    wb = {w for w in b.lower().replace("’s", "").split() if w[:1].isalpha() and w not in ("the", "and")}
    names_a = {w for w in wa if w[:1].isalpha()}
    return bool(names_a & wb) and not ({"officials", "official"} & wa & wb and len(wa & wb) == 1)
