"""All conflict finders of a story, run over one shared list of attributed statements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.analysis import denials, events, numbers
from storyline.analysis.claims import statements
from storyline.records import Annotations, Article, Conflict, Entity, Quote, Story, TimeExpr


def find(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    *,
    times: Mapping[str, tuple[TimeExpr, ...]] | None = None,
) -> tuple[Conflict, ...]:
    del quotes  # quote mentions arrive through ``annotations``; kept for the stable signature
    items = statements(story, articles, annotations, entities)
    found: list[Conflict] = []
    found += denials.conflicts(story.id, items)
    found += numbers.conflicts(story.id, items, times)
    if times:
        found += events.date_conflicts(story, articles, times)
    found += events.place_conflicts(story.id, items)
    return tuple(found)
