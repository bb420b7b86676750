"""Character spans of attributed content: whole words, no trailing punctuation."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MIN_CLAUSE_TOKENS = 3  # a content a reader would list as a quote
MIN_CONTENT_TOKENS = 2  # "said he would": still an attribution (PolNeAR counts it), not listed
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "PRODUCT", "EVENT", "WORK_OF_ART"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where", "when"})
_CONCESSIVE = frozenset({"while", "though", "although", "even", "despite", "whereas"})

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


def without_trailing_aside(span: Span) -> Span:
    """ "said the port lost money, which surprised no one", "..., while others disagreed": a comma-led
    relative or concessive clause, or a participle, closing the content is the writer's aside."""
    doc = span.doc
    last = span.end - 1
    for tok in span[MIN_CLAUSE_TOKENS:-1]:
        if tok.text != "," or tok.i + 1 > last:
            continue
        first = doc[tok.i + 1]
        root = first
        while (
            root.head.i != root.i and span.start <= root.head.i <= last and root.head.left_edge.i >= first.i
        ):
            root = root.head
        if root.right_edge.i < last:
            continue
        if _is_aside(root, first):
            return doc[span.start : tok.i]
    return span


def _is_aside(root: Token, first: Token) -> bool:
    if root.dep_ == "relcl":
        return first.lower_ in _RELATIVES or (first.dep_ == "prep" and first.nbor().lower_ in _RELATIVES)
    if root.dep_ == "advcl":
        return first.lower_ in _CONCESSIVE
    return False


def listable(span: Span) -> bool:
    """A content worth listing as a quote: a few words, or a name ("endorsed Lindqvist")."""
    return len(span) >= MIN_CLAUSE_TOKENS or (span[-1].pos_ == "PROPN" and span[-1].ent_type_ in NAME_ENTS)
