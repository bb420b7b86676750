"""Progress on stderr: a live bar on a terminal, a line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from types import TracebackType


class StderrProgress:
    """Callable progress reporter ``(stage, done, total)`` used as a context manager."""

    def __init__(self, enabled: bool = True, every: float = 2.0) -> None:
        self.enabled = enabled
        self.every = every
        self._last = 0.0
        self._stage = ""
        self._tty = sys.stderr.isatty()

    def __enter__(self) -> StderrProgress:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.enabled and self._tty and self._stage:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if stage == self._stage and now - self._last < (0.2 if self._tty else self.every):
            return
        self._stage, self._last = stage, now
        count = f"{done}/{total}" if total else (str(done) if done else "")
        msg = f"storyline: {stage} {count}".rstrip()
        if self._tty:
            sys.stderr.write("\r\x1b[K" + msg)
        else:
            sys.stderr.write(msg + "\n")
        sys.stderr.flush()
