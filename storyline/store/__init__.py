"""The SQLite store: the source of truth for incremental runs."""

from storyline.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
