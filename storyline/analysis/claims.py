"""The sentences of a story as attributed claims: the common input of the conflict finders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.analysis._text import Sentence, article_sentences, content_words
from storyline.analysis.attribution import attribute, canonical
from storyline.records import Annotations, Article, Claim, Entity, Story


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of one article, with its source and content words."""

    sentence: Sentence
    source: str | None
    words: frozenset[str]

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
    out: list[Statement] = []
    for art in articles:
        if art.id not in wanted:
            continue
        ann = annotations.get(art.id)
        for sent in article_sentences(art):
            source = canonical(attribute(sent.text, sent.start, sent.end, ann), list(entities))
            out.append(Statement(sent, source, content_words(sent.text)))
    return out


def same_source(a: str | None, b: str | None) -> bool:
    """True when two source phrases plausibly name the same speaker ("Peskov" in "Dmitry Peskov")."""
    if not a or not b:
        return False
    wa = {w for w in a.lower().replace("’s", "").split() if w[:1].isalpha() and w not in ("the", "and")}
    wb = {w for w in b.lower().replace("’s", "").split() if w[:1].isalpha() and w not in ("the", "and")}
    names_a = {w for w in wa if w[:1].isalpha()}
    return bool(names_a & wb) and not ({"officials", "official"} & wa & wb and len(wa & wb) == 1)
