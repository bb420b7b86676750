"""Tense of the clause around a temporal expression, from surrounding words only.

Regex heuristics, no parser: the tense marker nearest to the expression within
its sentence wins ("said Monday he will travel" → past for Monday; "will go on
to Kyiv Tuesday" → future).  Returns ``"past"``, ``"future"`` or ``None``.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"]

_IRREGULAR_PAST = (
    "said|told|met|held|went|came|made|took|gave|left|spoke|saw|began|won|lost|sent|found|fell|rose|hit|led|"
    "flew|brought|thought|kept|got|ran|wrote|became|struck|broke|sold|bought|paid|meant|stood|knew|chose|drew|"
    "grew|shot|fought|sought|caught|taught|spent|built|felt|heard|dealt|stole|was|were|had|did|didn't|wasn't|"
    "weren't|hadn't|ago|yesterday|last|earlier|previously|already|saw|rang|swore|tore|wore|woke|froze|slid|"
    "fled|bled|fed|sped|shut|quit|cut|lit|hung|sat|dug|sank|sprang|withdrew|overthrew|underwent|forbade"
)
_FUTURE = (
    r"will|won't|wo\s+n't|'ll|shall|going\s+to|plans?\s+to|planning\s+to|is\s+to|are\s+to|expected\s+to|"
    r"expects?\s+to|scheduled|set\s+to|due\s+to|due|intends?\s+to|to\s+be\s+held|upcoming|next|would|"
    r"aims?\s+to|hopes?\s+to|tomorrow|later\s+this|coming|is\s+\w+ing|are\s+\w+ing|should|could|may|might|must"
)
_NOT_PAST_ED = frozenset(
    {
        "need",
        "speed",
        "feed",
        "seed",
        "proceed",
        "succeed",
        "exceed",
        "indeed",
        "bed",
        "red",
        "hundred",
        "united",
        "limited",
        "based",
        "related",
        "detailed",
        "scheduled",
        "expected",
        "planned",
        "proposed",
        "slated",
        "set",
        "needed",
        "supposed",
        "advanced",
        "ed",
    }
)
_MARKERS = re.compile(
    rf"(?P<fut>\b(?:{_FUTURE})\b)|(?P<past>\b(?:{_IRREGULAR_PAST}|has\s+\w+ed|have\s+\w+ed)\b)|(?P<ed>\b[a-z]{{2,}}ed\b)",
    re.I,
)
AFTER_COMMA_PENALTY = 60  # a verb after a comma usually belongs to another clause
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Sr|Jr|No|Co|Mt))(?<!\b(?:Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec|Gen|Col|Gov|Sen|Rep|Inc|Ltd|Mrs))(?<!\bSept)[.!?;][\"')\u201d]?\s+|\n|\u2014| -- "
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence-like clause holding ``text[start:end]``."""
    left = max(0, start - 160)
    lo = left
    for m in _BOUNDARY.finditer(text, left, start):
        lo = m.end()
    m2 = _BOUNDARY.search(text, end, min(len(text), end + 160))
    hi = m2.start() if m2 else min(len(text), end + 160)
    return lo, hi


def tense_at(text: str, start: int, end: int) -> Tense | None:
    """The tense nearest to ``text[start:end]`` in its clause, or None when nothing says."""
    lo, hi = clause_bounds(text, start, end)
    best: tuple[int, Tense] | None = None
    for m in _MARKERS.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        tense = _marker_tense(m)
        if tense is None:
            continue
        if m.end() <= start:
            dist = start - m.end()
        else:
            crosses = bool(re.search(r"[,;:]", text[end : m.start()]))
            dist = (m.start() - end) * 2 + (AFTER_COMMA_PENALTY if crosses else 0)
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else None


def _marker_tense(m: re.Match[str]) -> Tense | None:
    if m.group("fut"):
        return "future"
    if m.group("past"):
        return "past"
    word = m.group("ed").lower()
    return None if word in _NOT_PAST_ED else "past"
