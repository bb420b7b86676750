"""Character spans of attributed content: whole words, no trailing punctuation."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_HYPHENS = "-‐‑"


def span_chars(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)


def trim_end(tok: Token) -> Token:
    doc = tok.doc
    i = tok.i
    while i > 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i]


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` so it never begins or ends inside a word (or a hyphenated word)."""
    while end < len(text) and (
        text[end].isalnum() or (text[end] in _HYPHENS and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    while start > 0 and (
        text[start - 1].isalnum() or (text[start - 1] in _HYPHENS and start > 1 and text[start - 2].isalnum())
    ):
        start -= 1
    return start, end
