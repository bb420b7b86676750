"""Content of "according to X" adjuncts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.cues import SUBJ_DEPS
from storyline.nlp.spans import trim_end
from storyline.nlp.stances import MIN_CLAUSE_TOKENS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def according_clause(cue: Token) -> Span | None:
    """ "According to X, CLAUSE" -> CLAUSE (the head's subtree without the adjunct); an adjunct
    that opens or closes its sentence (or a bracket or a part after a colon) reports all the rest."""
    whole = _according_segment(cue)
    if whole is not None:
        return whole
    head = cue.head
    if head is cue:
        return None
    left, right = head.left_edge.i, trim_end(head.right_edge).i
    lo, hi = cue.left_edge.i, cue.right_edge.i
    if lo <= left:
        left = hi + 1
        while left < right and cue.doc[left].is_punct:
            left += 1
    elif hi >= right:
        right = lo - 1
        while right > left and cue.doc[right].is_punct:
            right -= 1
    span = cue.doc[left : right + 1]
    return span if len(span) >= MIN_CLAUSE_TOKENS else None


def _according_segment(cue: Token) -> Span | None:
    doc = cue.doc
    sent = cue.sent
    lo, hi = sent.start, sent.end
    for j in range(cue.i - 1, sent.start - 1, -1):
        if doc[j].text == ")":
            break  # a closed bracket before the cue: not inside it
        if doc[j].text in (":", "("):
            lo = j + 1
            break
    for j in range(cue.i + 1, sent.end):
        if doc[j].text == "(":
            break
        if doc[j].text == ")":
            hi = j
            break
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if cue.i == lo:  # "According to X, CLAUSE"
        comma = next((j for j in range(cue.i + 2, hi) if doc[j].text == ","), None)
        span = doc[comma + 1 : hi] if comma is not None else doc[hi:hi]
    elif doc[cue.i - 1].text in (",", "—", "-", "--"):
        end = cue.i - 1
        while end > lo and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        phrase_end = min(max(t.i for t in cue.subtree), hi - 1)
        if phrase_end >= hi - 1:  # "CLAUSE, according to X."
            span = doc[lo:end]
        elif doc[phrase_end + 1].text in (",", "—", "-", "--") and _main_clause(cue.head):
            # "A, according to X, B"
            span = doc[lo:hi]
        else:
            return None
    else:
        return None
    return span if len(span) >= MIN_CLAUSE_TOKENS else None


def _main_clause(tok: Token) -> bool:
    """``tok`` is the root of its sentence or the root's subject."""
    return tok.dep_ == "ROOT" or (tok.dep_ in SUBJ_DEPS and tok.head.dep_ == "ROOT")
