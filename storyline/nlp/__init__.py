"""Per-article NLP (entities, quotes) and cross-article linking (issue 4)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.records import Annotations, Article, Entity, Quote, Story


def annotate(article: Article) -> Annotations:
    """Entities and quote mentions of one article (offsets into ``article.text``).

    Not implemented yet: returns empty annotations.
    """
    return Annotations(article=article.id)


def link_entities(articles: Sequence[Article], annotations: Mapping[str, Annotations]) -> tuple[Entity, ...]:
    """Merge entity mentions into canonical entities across articles. Not implemented yet."""
    del articles, annotations
    return ()


def collect_quotes(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Sequence[Entity],
    stories: Sequence[Story],
) -> tuple[Quote, ...]:
    """Group quote mentions into quotes matched across outlets. Not implemented yet."""
    del articles, annotations, entities, stories
    return ()
