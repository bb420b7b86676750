"""Stories and storylines (issue 3)."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Article, CopyGroup, Story, Storyline


def cluster_stories(
    articles: Sequence[Article],
    copies: Sequence[CopyGroup],
    previous: Sequence[Story] = (),
) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
    """Cluster articles into stories and link stories into storylines.

    ``previous`` are the stories already in the store, so ids stay stable. Not implemented yet:
    every article is its own story.
    """
    del copies, previous
    from storyline.text import short_id

    stories = tuple(
        Story(id="s" + short_id(a.id), title=a.title, articles=(a.id,), first=a.published, last=a.published)
        for a in articles
    )
    return stories, ()
