"""Per-story analysis: timeline, conflicts, summary (issue 5)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.records import (
    Annotations,
    Article,
    Conflict,
    CopyGroup,
    Entity,
    Quote,
    Story,
    Summary,
    TimeExpr,
    TimelineEntry,
)


def build_timeline(
    story: Story, articles: Sequence[Article], times: Mapping[str, tuple[TimeExpr, ...]]
) -> tuple[TimelineEntry, ...]:
    """What happened when in ``story``, merged across articles. Not implemented yet."""
    del story, articles, times
    return ()


def find_conflicts(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> tuple[Conflict, ...]:
    """Denials and contradicting numbers/dates/places within ``story``. Not implemented yet."""
    del story, articles, annotations, quotes, entities
    return ()


def summarize(
    story: Story,
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    conflicts: Sequence[Conflict],
    copies: Sequence[CopyGroup],
) -> Summary:
    """An extractive summary in which every sentence cites its articles. Not implemented yet."""
    del articles, quotes, conflicts, copies
    return Summary(story=story.id, sentences=())
