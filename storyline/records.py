"""Typed, immutable records exchanged between pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing passes dicts
between stages.  ``to_dict``/``from_dict`` turn any record into JSON-ready data
and back (used by the store's caches and by the report).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
CopyKind = Literal["exact", "near", "version", "partial"]
QuoteKind = Literal["direct", "partial", "indirect"]


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as read, before cleaning.

    ``body`` is decoded text (HTML or plain); the optional fields are metadata
    the input itself carried (JSON/JSONL fields, WARC headers).
    """

    path: str
    body: str
    is_html: bool
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """An input that could not be read or cleaned, with the reason."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input that cleaning dropped, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. Every offset produced later points into ``text``."""

    id: str
    path: str
    title: str
    text: str
    content_hash: str
    source: str | None = None
    origin: str | None = None
    url: str | None = None
    published: str | None = None  # "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
    published_inferred: bool = False
    language: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression in an article's text, TIMEX3-style value."""

    start: int
    end: int
    text: str
    value: str
    type: TimeType
    announced: bool = False  # refers to a future event relative to publication


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, NORP, ...


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """One occurrence of a quote in one article (offsets into article.text)."""

    article: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker_text: str | None = None  # the speaker mention as written ("he", "Peskov")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # resolved canonical name within the article, if known
    cue: str | None = None  # "said", "told reporters"
    addressee: str | None = None  # "the Financial Times", "reporters"


@dataclass(frozen=True, slots=True)
class Annotations:
    """Per-article NLP output: entities and quote mentions."""

    article: str
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity merged across articles."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote with all its mentions across articles."""

    id: str
    text: str
    speaker: str | None
    kind: QuoteKind
    mentions: tuple[QuoteMention, ...]
    first_article: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class CopyMember:
    article: str
    similarity: float
    containment: float
    adds: tuple[str, ...] = ()  # paragraphs this member has that the canonical lacks
    lacks: tuple[str, ...] = ()  # paragraphs of the canonical this member lacks


@dataclass(frozen=True, slots=True)
class CopyGroup:
    id: str
    canonical: str
    members: tuple[str, ...]  # includes the canonical
    kind: CopyKind
    similarity: float
    evidence: tuple[str, ...] = ()  # why the canonical is the original
    details: tuple[CopyMember, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    first: str | None = None
    last: str | None = None
    storyline: str | None = None
    outlets: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    explanations: tuple[tuple[str, str], ...] = ()  # (article id, why it belongs)


@dataclass(frozen=True, slots=True)
class Storyline:
    id: str
    title: str
    stories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    story: str
    date: str
    text: str
    articles: tuple[str, ...]
    announced: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    attributed_to: str | None
    article: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    story: str
    kind: str  # "denial", "number", "date", "place"
    summary: str
    claims: tuple[Claim, ...]
    compatible: bool = False


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence as its articles print it; ``speaker`` names the person a leading "He"/"She"/"They"
    stands for (resolved by the quote finder), so a reader can show "He [Mateo Lisandre] said ..."."""

    text: str
    articles: tuple[str, ...]
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    story: str
    sentences: tuple[SummarySentence, ...]


# --------------------------------------------------------------------------
# (de)serialisation


def to_dict(record: Any) -> Any:
    """Turn a record (or nested records/tuples) into JSON-ready data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output."""
    return typing.cast(T, _convert(cls, data))


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(tp) if f.name in value
        }
        return tp(**kwargs)
    return value
