"""Plain-text listing of who said what, per story (for the ``storyline quotes`` command)."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Quote

_NO_STORY = "(no story)"


def format_quotes(quotes: Sequence[Quote], *, speaker: str | None = None) -> str:
    """One block per story: ``Speaker [kind]: “text” (article, article)``.

    ``speaker`` keeps only quotes whose speaker contains it (case-insensitive).
    """
    wanted = [
        q for q in quotes if speaker is None or (q.speaker and speaker.casefold() in q.speaker.casefold())
    ]
    by_story: dict[str, list[Quote]] = {}
    for q in wanted:
        by_story.setdefault(q.story or _NO_STORY, []).append(q)
    lines: list[str] = []
    for story, items in by_story.items():
        lines.append(f"story {story}")
        lines.extend(_line(q) for q in items)
    return "\n".join(lines)


def _line(q: Quote) -> str:
    carriers = ", ".join(dict.fromkeys(m.article for m in q.mentions))
    who = q.speaker or "(unknown)"
    return f"  {who} [{q.kind}]: “{q.text}” ({carriers})"
