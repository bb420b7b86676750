"""Map the field names of JSON/JSONL inputs (ours, news-please, trafilatura) onto RawDoc."""

from __future__ import annotations

from typing import Any

from storyline.errors import InputError
from storyline.records import RawDoc

_TEXT = ("text", "maintext", "raw_text", "content", "body", "article", "description_text")
_HTML = ("html", "raw_html", "content_html", "source_html", "page")
_TITLE = ("title", "headline", "title_page", "title_rss")
_URL = ("url", "source_url", "link", "canonical_url", "uri")
_PUBLISHED = (
    "published",
    "date_publish",
    "date",
    "publish_date",
    "published_at",
    "date_published",
    "pubdate",
)
_SOURCE = ("source", "source_domain", "sitename", "site_name", "hostname", "domain", "outlet", "publisher")
_AUTHORS = ("authors", "author", "byline")
_LANGUAGE = ("language", "lang")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = _first(value, ("name", "text", "value"))
        return None if value is None else str(value)
    return str(value).strip() or None


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.replace(" and ", ";").split(";")
        return tuple(p.strip() for p in parts if p.strip())
    if isinstance(value, list):
        return tuple(a for a in (_as_str(v) for v in value) if a)
    return ()


def rawdoc_from_json(obj: Any, path: str) -> RawDoc:
    """Build a RawDoc from one decoded JSON object; raise InputError when it holds no article."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    html = _as_str(_first(obj, _HTML))
    text = _as_str(_first(obj, _TEXT))
    if not text and not html:
        raise InputError("JSON record has no 'text' or 'html' field (nor maintext/raw_html)")
    body = text if text else html
    assert body is not None
    return RawDoc(
        path=path,
        body=body,
        is_html=not text,
        id=_as_str(obj.get("id")),
        title=_as_str(_first(obj, _TITLE)),
        url=_as_str(_first(obj, _URL)),
        published=_as_str(_first(obj, _PUBLISHED)),
        source=_as_str(_first(obj, _SOURCE)),
        authors=_authors(_first(obj, _AUTHORS)),
        language=_as_str(_first(obj, _LANGUAGE)),
    )
