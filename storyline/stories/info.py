"""What the story index keeps about each article, and how copies collapse onto one representative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from storyline.records import Article, CopyGroup
from storyline.stories.features import RawFeatures

__all__ = ["ArticleInfo", "day_of", "representatives"]

_DISPLAY_NAMES = 12


def day_of(published: str | None) -> int | None:
    """Day ordinal of a "YYYY-MM-DD[THH:MM]" date; None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class ArticleInfo:
    """The few facts a story needs about a member article, plus why it belongs."""

    id: str
    title: str
    published: str | None
    source: str | None
    day: int | None
    names: dict[str, str] = field(default_factory=dict)  # normalised name -> surface form
    similarity: float = 0.0
    note: str = ""
    inferred: bool = False  # the date was guessed (from the text or a copy), not stated

    @property
    def firm_day(self) -> int | None:
        """The day when it was stated; an inferred day may join an article to a story, never keep it out."""
        return None if self.inferred else self.day

    @classmethod
    def of(cls, article: Article, raw: RawFeatures | None) -> ArticleInfo:
        names = dict(list(raw.names.items())[:_DISPLAY_NAMES]) if raw is not None else {}
        return cls(
            id=article.id,
            title=article.title,
            published=article.published,
            source=article.source,
            day=day_of(article.published),
            names=names,
            inferred=article.published_inferred,
        )


def representatives(
    fresh: Sequence[Article], copies: Sequence[CopyGroup], known: Collection[str]
) -> tuple[list[Article], dict[str, list[str]]]:
    """Articles to place (one per copy group) and, per representative, its other fresh members.

    The representative of a copy group is its canonical when present (in this batch or already
    indexed), else its first present member.  Members of a group whose representative is already
    indexed are attached to it without being placed again.
    """
    by_id = {a.id: a for a in fresh}
    present = set(by_id) | set(known)
    members: dict[str, list[str]] = {}
    covered: set[str] = set()
    for group in copies:
        here = [m for m in group.members if m in present and m not in covered]
        if len(here) < 2:
            continue
        rep = group.canonical if group.canonical in here else sorted(here)[0]
        members[rep] = [m for m in here if m != rep and m in by_id]
        covered.update(here)
    reps = [a for a in fresh if a.id not in covered or (a.id in members and a.id not in known)]
    return reps, {r: m for r, m in members.items() if m}
