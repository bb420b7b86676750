"""Temporal expressions: recognise and normalise dates against the publication date (issue 5).

Public API:

- :func:`tag_times` — TIMEX3-style :class:`~storyline.records.TimeExpr` records
  with exact offsets, normalised against the article's publication date.
- :func:`infer_published` (in :mod:`storyline.temporal.infer`) — guess an
  undated article's publication date from its dated mentions.

Submodules: ``patterns`` (regex grammar), ``tense`` (clause tense),
``calendar`` (arithmetic, values), ``dates``/``relative``/``extent``
(normalisers), ``tagger`` (orchestration), ``infer``.
"""

from __future__ import annotations

from storyline.records import TimeExpr
from storyline.temporal.tagger import tag

__all__ = ["tag_times"]


def tag_times(text: str, anchor: str | None) -> tuple[TimeExpr, ...]:
    """Find temporal expressions in ``text`` and normalise them against ``anchor``
    (the article's publication date, "YYYY-MM-DD[THH:MM]", or None when unknown).

    Offsets point into ``text`` (``text[e.start:e.end] == e.text``). With no
    anchor, relative expressions keep unknown parts as ``X`` ("XXXX-02-20",
    "XXXX-WXX-1" for "Monday").
    """
    return tag(text, anchor)
