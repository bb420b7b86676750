"""Choosing the original of a copy group, with the evidence for the choice.

Criteria, in order: the article other members credit as their origin (``Article.origin`` naming its
outlet), the earliest publication, the most complete text, then the id (so the choice is stable).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.records import Article

_AGENCIES = {
    "ap": "ap",
    "apnews": "ap",
    "associatedpress": "ap",
    "theassociatedpress": "ap",
    "afp": "afp",
    "agencefrancepresse": "afp",
    "reuters": "reuters",
    "thomsonreuters": "reuters",
}
_SCHEME = re.compile(r"^[a-z]+://|^www\d?\.")


def outlet_key(name: str | None) -> str | None:
    """A comparable key for an outlet: "abcnews.go.com", "ABC News" -> "abcnews"; "AP" -> "ap"."""
    if not name or not name.strip():
        return None
    text = _SCHEME.sub("", name.strip().lower())
    if "." in text and " " not in text:
        text = text.split("/")[0].split(".")[0]
    key = re.sub(r"[^a-z0-9]", "", text)
    return _AGENCIES.get(key, key) or None


def credits(articles: Sequence[Article]) -> dict[str, list[str]]:
    """For each article, the ids of the other members whose ``origin`` names its outlet."""
    by_outlet: dict[str, list[str]] = {}
    for a in articles:
        key = outlet_key(a.source)
        if key:
            by_outlet.setdefault(key, []).append(a.id)
    found: dict[str, list[str]] = {a.id: [] for a in articles}
    for a in articles:
        key = outlet_key(a.origin)
        if key is None or key == outlet_key(a.source):
            continue
        for target in by_outlet.get(key, []):
            if target != a.id:
                found[target].append(a.id)
    return found


def published_key(article: Article) -> tuple[int, str, str]:
    """Sort key for publication time: dated first, then date, then time (unknown time last)."""
    if not article.published:
        return (1, "", "")
    date, _, time = article.published.partition("T")
    return (0, date, time or "99:99")


def choose(articles: Sequence[Article], words: Mapping[str, int]) -> Article:
    """The canonical article of a group; ``words`` gives each member's length in words."""
    credit = credits(articles)
    return min(articles, key=lambda a: (-len(credit[a.id]), published_key(a), -words[a.id], a.id))


def _short(ids: Sequence[str]) -> str:
    head = ", ".join(ids[:3])
    return head + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")


def evidence(
    canonical: Article,
    articles: Sequence[Article],
    words: Mapping[str, int],
    paragraphs: tuple[int, int],
) -> tuple[str, ...]:
    """Human-readable reasons why ``canonical`` is taken as the original.

    ``paragraphs`` is (content paragraphs of the canonical, distinct content paragraphs seen across
    the group); chrome and credit lines are not counted.
    """
    found: list[str] = []
    crediting = credits(articles)[canonical.id]
    if crediting:
        found.append(f"credited as origin by {_short(crediting)}")
    uncredited = sorted(
        {a.origin for a in articles if a.origin and outlet_key(a.origin) not in _sources(articles)}
    )
    if uncredited:
        found.append(f"members credit {', '.join(uncredited)} (not among the inputs)")
    others = [a for a in articles if a.id != canonical.id and a.published]
    if canonical.published and all(published_key(canonical) <= published_key(a) for a in others):
        label = "earliest published" if others else "the only dated member"
        found.append(f"{label} ({canonical.published})")
    own, total = paragraphs
    if all(words[canonical.id] >= words[a.id] for a in articles):
        found.append(f"most complete: {own} of {total} paragraphs")
    else:
        found.append(f"has {own} of {total} paragraphs")
    return tuple(found)


def _sources(articles: Sequence[Article]) -> set[str | None]:
    return {outlet_key(a.source) for a in articles}
