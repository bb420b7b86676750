"""Stories and storylines (issue 3).

:func:`cluster_stories` clusters a batch of articles; a :class:`StoryIndex` keeps the clustering
state between runs so new articles are placed without recomputing the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Article, CopyGroup, Story, Storyline
from storyline.stories import persist
from storyline.stories.describe import StoryUpdate, update_stories
from storyline.stories.index import StoryIndex
from storyline.stories.params import StoryParams
from storyline.stories.vectors import FieldWeights

__all__ = [
    "FieldWeights",
    "StoryIndex",
    "StoryParams",
    "StoryUpdate",
    "cluster_stories",
    "persist",
    "update_stories",
]


def cluster_stories(
    articles: Sequence[Article],
    copies: Sequence[CopyGroup],
    previous: Sequence[Story] = (),
    *,
    index: StoryIndex | None = None,
    params: StoryParams | None = None,
) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
    """Cluster articles into stories and link stories into storylines.

    Without ``index`` the articles are clustered from scratch (in date order, so the result does
    not depend on the order given).  With ``index`` (e.g. :meth:`StoryIndex.from_bytes` of the
    stored state) only articles it has not seen are placed, and the index is updated in place.
    ``previous`` (stories from the store) lend their ids to the new stories they overlap most,
    so ids stay stable across runs; storyline ids are kept the same way.  Members of a copy
    group count once (through their canonical) and all join the canonical's story.
    """
    if index is None:
        index = StoryIndex(params=params or StoryParams())
    index.add(articles, copies)
    if previous:
        index.adopt_ids(previous)
    return index.stories(previous)
