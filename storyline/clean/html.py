"""Main text and metadata from HTML pages, with trafilatura.

The body is extracted in trafilatura's precision mode, without reader comments; when that
leaves almost nothing (a short teaser or a paywall notice), the default mode is tried and the
longer text wins. The headline is taken out of the body when the page repeats it there.
Measured on the article-extraction benchmark in bench/extraction_eval.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storyline.errors import InputError
from storyline.records import Removed

# Below this many characters a precision-mode body is suspect: try the default mode too.
MIN_BODY_CHARS = 500

_PUBLISHED_TIME = re.compile(
    r"""(?:article:published_time|datePublished|pubdate|publish[_-]?date)["']?\s*"""
    r"""(?:content\s*=\s*|:\s*)["'](\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})""",
    re.IGNORECASE,
)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?![A-Za-z])""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when the page states the time
    authors: tuple[str, ...] = ()
    sitename: str | None = None
    url: str | None = None
    language: str | None = None  # as declared by <html lang>, primary subtag ("en")
    removed: tuple[Removed, ...] = ()
    description: str | None = None
    mode: str = "precision"  # which trafilatura mode gave the body: "precision" or "default"


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Extract the article body (no reader comments) and metadata from ``html``."""
    doc, mode = _best_document(html, url)
    if doc is None:
        raise InputError("no article text found in the HTML page")
    title = _clean(doc.title)
    text, removed = _drop_title_line(doc.text, title)
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return HtmlExtract(
        text=text,
        title=title,
        published=_published(html, doc.date),
        authors=authors,
        sitename=_clean(doc.sitename),
        url=doc.url or url,
        language=doc.language or _declared_language(html),
        removed=removed,
        description=_clean(doc.description),
        mode=mode,
    )


def _best_document(html: str, url: str | None) -> tuple[Any, str]:
    """Precision mode first; the default mode when that leaves a too short body."""
    doc = _bare(html, url, favor_precision=True)
    if doc is not None and len(doc.text) >= MIN_BODY_CHARS:
        return doc, "precision"
    fallback = _bare(html, url, favor_precision=False)
    if fallback is not None and (doc is None or len(fallback.text) > len(doc.text)):
        return fallback, "default"
    return doc, "precision"


def _bare(html: str, url: str | None, *, favor_precision: bool) -> Any:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        return None
    return doc


def _drop_title_line(text: str, title: str | None) -> tuple[str, tuple[Removed, ...]]:
    """Take the headline out of the body when the body opens with it."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and _key(first) == _key(title):
        return rest.lstrip("\n"), (Removed(first, "headline repeated in the body"),)
    return text, ()


def _published(html: str, date: str | None) -> str | None:
    """trafilatura's date, with the time of day when the page's metadata states it for that date.

    The time is kept as the page writes it (local to the outlet); its UTC offset is dropped.
    """
    if not date:
        return None
    for match in _PUBLISHED_TIME.finditer(html):
        stamp = match.group(1).replace(" ", "T")
        if stamp.startswith(date):
            try:
                return datetime.fromisoformat(stamp).strftime("%Y-%m-%dT%H:%M")
            except ValueError:
                continue
    return date


def _declared_language(html: str) -> str | None:
    match = _HTML_LANG.search(html, 0, 20_000)
    return match.group(1).lower() if match else None


def _clean(value: str | None) -> str | None:
    value = _SPACE.sub(" ", value or "").strip()
    return value or None


def _key(line: str) -> str:
    return _SPACE.sub(" ", line).strip().casefold().rstrip(".")
