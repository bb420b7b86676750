"""Temporal expressions: recognise and normalise dates against the publication date (issue 5)."""

from __future__ import annotations

from storyline.records import TimeExpr


def tag_times(text: str, anchor: str | None) -> tuple[TimeExpr, ...]:
    """Find temporal expressions in ``text`` and normalise them against ``anchor``
    (the article's publication date, "YYYY-MM-DD[THH:MM]", or None when unknown).

    Offsets point into ``text``. Not implemented yet: returns nothing.
    """
    del text, anchor
    return ()
