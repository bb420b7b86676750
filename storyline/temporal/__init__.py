"""Temporal expressions: recognise and normalise dates against the publication date (issue 5).

Public API:

- :func:`tag_times` — TIMEX3-style :class:`~storyline.records.TimeExpr` records
  with exact offsets, normalised against the article's publication date.
- :func:`infer_published` (in :mod:`storyline.temporal.infer`) — guess an
  undated article's publication date from its dated mentions.

Submodules: ``patterns`` (regex grammar), ``triggers`` (runs each rule only
near its trigger words), ``tense`` (clause tense), ``calendar`` (arithmetic,
values, context), ``dates``/``relative``/``extent`` (normalisers), ``tagger``
(orchestration; ``tag(..., narrative=True)`` for history-style text),
``infer``.

Values follow TIMEX3: "2022-02-07", "2022-W05", "2022-02", "199" (the 1990s),
"2022-02-07TNI" (Monday night), "2022-02-08T05:05", "PT5H", "P2D", "PXW",
sets "P1W"/"P1D", "PRESENT_REF"/"PAST_REF"/"FUTURE_REF".  TIMEX3 ``mod``
("mid-February" = 2022-02 MID) is not kept: ``TimeExpr`` has no field for it.
``announced`` is True when the expression points after the anchor.
"""

from __future__ import annotations

from storyline.records import TimeExpr
from storyline.temporal.tagger import tag

__all__ = ["VERSION", "tag_times"]

VERSION = "2026.11.23-2"  # bump when rules or values change: cached annotations are keyed on it


def tag_times(text: str, anchor: str | None) -> tuple[TimeExpr, ...]:
    """Find temporal expressions in ``text`` and normalise them against ``anchor``
    (the article's publication date, "YYYY-MM-DD[THH:MM]", or None when unknown).

    Offsets point into ``text`` (``text[e.start:e.end] == e.text``). With no
    anchor, relative expressions keep unknown parts as ``X`` ("XXXX-02-20",
    "XXXX-WXX-1" for "Monday").
    """
    return tag(text, anchor)
