"""storyline: turn a pile or a stream of raw news articles into stories one can trust.

The public API is small; heavy parts (spaCy, embeddings, web) are imported lazily.
"""

from __future__ import annotations

from storyline.errors import InputError, NotFoundError, StoreError, StorylineError, UsageError
from storyline.records import (
    Annotations,
    Article,
    Claim,
    Conflict,
    CopyGroup,
    Entity,
    ErrorRecord,
    Quote,
    QuoteMention,
    RawDoc,
    Story,
    Storyline,
    Summary,
    TimeExpr,
    TimelineEntry,
)

__version__ = "0.1.0"

__all__ = [
    "Annotations",
    "Article",
    "Claim",
    "Conflict",
    "CopyGroup",
    "Entity",
    "ErrorRecord",
    "InputError",
    "NotFoundError",
    "Quote",
    "QuoteMention",
    "RawDoc",
    "StoreError",
    "Story",
    "Storyline",
    "StorylineError",
    "Summary",
    "TimeExpr",
    "TimelineEntry",
    "UsageError",
    "__version__",
]
