"""Copies, versions and syndicated reprints (issue 3)."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Article, CopyGroup


def find_copies(articles: Sequence[Article]) -> tuple[CopyGroup, ...]:
    """Group exact/near/version/partial copies and pick the canonical. Not implemented yet."""
    del articles
    return ()
