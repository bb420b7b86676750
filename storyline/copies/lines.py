"""Telling article content from chrome: short lines, credit lines, headline-like lines."""

from __future__ import annotations

import re

from storyline.text import paragraphs

SHORT_WORDS = 15  # added/missing lines shorter than this are chrome or credit lines, not content
HEADLINE_WORDS = 30  # a line this short without sentence-final punctuation is a title or caption
TINY_WORDS = 5  # lines this short never count in a fingerprint
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
CHROME = re.compile(
    r"copyright|©|all rights reserved|contributed to this report|originally (appeared|published)|"
    r"follow us|sign up|subscribe|newsletter|read more|click here|advertisement|share this|"
    r"^related:|^tags:|^photo:",
    re.IGNORECASE,
)
_CHROME_HINTS = ("copyright", "©", "reserved", "contributed", "originally", "follow", "sign up", "subscri",
                 "newsletter", "read more", "click", "advertis", "share", "related", "tags", "photo")  # fmt: skip


def split_paragraphs(text: str) -> list[str]:
    """Blank-line paragraphs; texts written one paragraph per line are split at line breaks."""
    spans = list(paragraphs(text))
    if len(spans) == 1 and "\n" in text.strip():
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [text[s:e] for s, e in spans]


def has_chrome_phrase(paragraph: str) -> bool:
    """Whether a chrome/credit phrase occurs (a cheap character test first: the regex is slow)."""
    lowered = paragraph.lower()
    return any(k in lowered for k in _CHROME_HINTS) and bool(CHROME.search(paragraph))


def is_minor(paragraph: str, words: int | None = None) -> bool:
    """A short line, a headline-like line or a chrome/credit line rather than article content."""
    words = len(paragraph.split()) if words is None else words
    if words < SHORT_WORDS or has_chrome_phrase(paragraph):
        return True
    return words < HEADLINE_WORDS and not _SENTENCE_END.search(paragraph)


def is_chrome(paragraph: str) -> bool:
    """Conservative: a tiny line, or a short line with a chrome/credit phrase."""
    words = len(paragraph.split())
    return words < TINY_WORDS or (words < HEADLINE_WORDS and has_chrome_phrase(paragraph))


def content(text: str) -> str:
    """``text`` without chrome lines, unless that would leave too little to compare."""
    paras = split_paragraphs(text)
    kept = [p for p in paras if not is_chrome(p)]
    total = sum(len(p.split()) for p in paras)
    if len(kept) == len(paras) or sum(len(p.split()) for p in kept) < max(30, total / 2):
        return text
    return "\n\n".join(kept)
