"""Clean: raw documents to articles (body without chrome, metadata, removed parts with reasons)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath

from storyline.clean import meta
from storyline.clean.chrome import ChromeResult, split_lines, strip_chrome
from storyline.errors import InputError
from storyline.records import Article, RawDoc
from storyline.text import content_hash, sentences

__all__ = ["ChromeResult", "clean", "learn_recurring", "raw_hash", "source_key", "strip_chrome"]

MIN_DOCS_RECURRING = 3


def raw_hash(raw: RawDoc) -> str:
    """The idempotency key of an input: a hash of its body and URL."""
    h = hashlib.sha256(raw.body.encode("utf-8"))
    h.update(b"\x1f" + (raw.url or "").encode("utf-8"))
    return h.hexdigest()


def source_key(raw: RawDoc) -> str:
    """What groups documents of one source for learning recurring lines."""
    return raw.source or meta.host(raw.url) or str(PurePath(raw.path.split("#")[0]).parent)


def learn_recurring(
    docs: Iterable[RawDoc], known: dict[str, Counter[str]] | None = None, min_docs: int = MIN_DOCS_RECURRING
) -> dict[str, frozenset[str]]:
    """Short lines that recur in at least ``min_docs`` plain-text documents of one source.

    ``known`` holds per-source line counts from earlier runs; it is updated in place.
    """
    counts: dict[str, Counter[str]] = known if known is not None else defaultdict(Counter)
    for raw in docs:
        if raw.is_html:
            continue
        lines = {ln for ln in split_lines(raw.body) if len(ln.split()) <= 12}
        counts.setdefault(source_key(raw), Counter()).update(lines)
    return {key: frozenset(line for line, n in c.items() if n >= min_docs) for key, c in counts.items()}


def clean(raw: RawDoc, recurring: frozenset[str] = frozenset(), *, article_id: str | None = None) -> Article:
    """Turn one raw document into an Article; raise InputError when no article text is left.

    The id is ``article_id`` when given, else the input's own id, else derived from its content.
    """
    if raw.is_html:
        article = _clean_html(raw)
    else:
        article = _article(raw, strip_chrome(raw.body, recurring), html_meta=None)
    return replace(article, id=article_id) if article_id else article


def _clean_html(raw: RawDoc) -> Article:
    from storyline.clean.html import extract_html

    ex = extract_html(raw.body, raw.url)
    result = strip_chrome(ex.text, structural=False)
    result = replace(result, removed=ex.removed + result.removed)
    return _article(raw, result, html_meta=ex)


def _article(raw: RawDoc, result: ChromeResult, html_meta: object | None) -> Article:
    text = result.text.strip()
    if not text:
        raise InputError("no article text left after removing page chrome")
    place, wire = meta.dateline(text)
    h_title = getattr(html_meta, "title", None)
    h_date = getattr(html_meta, "published", None)
    h_site = getattr(html_meta, "sitename", None)
    h_url = getattr(html_meta, "url", None)
    h_authors: tuple[str, ...] = getattr(html_meta, "authors", ())
    url = raw.url or h_url
    removed_texts = [r.text for r in result.removed]
    line_source, line_date = meta.source_line(result.source_line)
    origin = wire or meta.origin_from_credit(result.credit)
    authors = raw.authors or h_authors or meta.authors_from_byline(result.byline)
    authors = tuple(a for a in authors if a != origin)  # a wire credit is not a byline
    return Article(
        id=raw.id or "a" + raw_hash(raw)[:12],
        path=raw.path,
        title=raw.title or h_title or result.title or _first_sentence(text),
        text=text,
        content_hash=content_hash(text),
        source=meta.bare_host(raw.source)
        or h_site
        or meta.host(url)
        or line_source
        or meta.site_from_copyright(removed_texts),
        origin=origin,
        url=url,
        published=meta.parse_date(raw.published)
        or meta.parse_date(h_date)
        or meta.parse_date(result.date_line)
        or line_date,
        language=raw.language or meta.language(text),
        dateline=place,
        authors=authors,
        removed=result.removed,
    )


def _first_sentence(text: str) -> str:
    start, end = next(iter(sentences(text)), (0, min(len(text), 120)))
    first = text[start:end]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
