"""Per-story analysis: timeline, conflicts, summary (issue 5).

* :func:`build_timeline` — what happened on which day, merged across articles, cited.
* :func:`find_conflicts` — denials, disagreeing numbers, dates and places.
* :func:`summarize` — a short extractive summary whose every sentence cites its articles.

Everything here is lexical and light; sentence embeddings (``storyline[embeddings]``)
are used for pairing texts when the embedding stage is installed.
"""

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

__all__ = ["VERSION", "build_timeline", "find_conflicts", "summarize"]

VERSION = "2026.11.23-6"  # bump when timeline, conflict or summary output changes (for cache keys)


def build_timeline(
    story: Story,
    articles: Sequence[Article],
    times: Mapping[str, tuple[TimeExpr, ...]],
    *,
    use_embeddings: bool = False,
) -> tuple[TimelineEntry, ...]:
    """What happened when in ``story``: one entry per (day, event), citing every reporting article.

    ``times`` maps article id to its temporal expressions. Only day-level DATE/TIME values
    count; durations, sets and vague references are skipped. Ordered by date. With
    ``use_embeddings`` (and the ``embeddings`` extra installed) same-day mentions are also
    paired by MiniLM cosine similarity; off by default, as it changed no entry on the
    seeds or the demo corpus (docs/bench/analysis.md).
    """
    from storyline.analysis import timeline
    from storyline.analysis.similarity import default_embedder

    embedder = default_embedder() if use_embeddings else None
    return timeline.build(story, articles, times, embedder)


def find_conflicts(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    *,
    times: Mapping[str, tuple[TimeExpr, ...]] | None = None,
) -> tuple[Conflict, ...]:
    """Denials, disagreeing numbers and (when ``times`` is given) disagreeing dates, and places.

    Number conflicts whose figures can all be true together are reported with
    ``compatible=True``; everything else has ``compatible=False``.
    """
    from storyline.analysis import conflicts

    return conflicts.find(story, articles, annotations, quotes, entities, times=times)


def summarize(
    story: Story,
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    conflicts: Sequence[Conflict],
    copies: Sequence[CopyGroup],
    *,
    max_sentences: int = 6,
) -> Summary:
    """An extractive summary: main event first, no redundancy, key quotes and disagreements,
    each sentence verbatim from an article and citing every article that contains it."""
    from storyline.analysis import summary

    return summary.build(story, articles, quotes, conflicts, copies, max_sentences=max_sentences)
