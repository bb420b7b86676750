"""Copies, versions and syndicated reprints (issue 3).

``find_copies`` groups articles that are copies of one another (exact, near, version, partial),
chooses each group's original and diffs every member against it at paragraph level. ``CopyIndex``
does the same incrementally and can be persisted between runs.
"""

from __future__ import annotations

from storyline.copies.index import (
    ArticleLoader,
    CopyChanges,
    CopyIndex,
    CopySource,
    IndexParams,
    find_copies,
)

__all__ = ["ArticleLoader", "CopyChanges", "CopyIndex", "CopySource", "IndexParams", "find_copies"]
