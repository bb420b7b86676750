"""Typed errors. The library raises these; only the CLI turns them into messages."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class. ``code`` is stable and machine-readable; ``hint`` says how to fix it."""

    code = "storyline"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(StorylineError):
    """The caller asked for something impossible (bad path, bad option)."""

    code = "usage"
    exit_code = 2


class InputError(StorylineError):
    """One input could not be read or cleaned; becomes an error record."""

    code = "input"


class StoreError(StorylineError):
    """The SQLite store could not be opened, migrated or written."""

    code = "store"


class NotFoundError(StorylineError):
    """A requested record (article, story) is not in the store."""

    code = "not_found"
    exit_code = 1


class MissingExtraError(StorylineError):
    """An optional dependency is not installed."""

    code = "missing_extra"
    exit_code = 2

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"this needs the optional dependency {module!r}",
            hint=f"pip install 'storyline[{extra}]'",
        )
