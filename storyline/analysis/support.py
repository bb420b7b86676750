"""Which articles contain a sentence: the strict lexical check behind every summary citation.

An article supports a sentence when, after unifying case, quotes and
punctuation, it contains the sentence's word sequence; or when one of its
sentences is a near-verbatim copy: at most two words differ, none of them a
number or a negation, and the character-level similarity is at least 90%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from storyline.analysis._text import article_sentences, norm_tokens, words, wordset
from storyline.records import Article

MAX_DIFFERING_TOKENS = 2
MIN_RATIO = 90.0
_CALENDAR = wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december today yesterday tomorrow"
)
_NEGATIONS = wordset("not no never n't nor neither none nobody nothing without")


def contains(article: Article, sentence: str) -> bool:
    """True when ``article`` contains ``sentence`` verbatim or as a near-verbatim copy."""
    tokens = norm_tokens(sentence)
    if not tokens:
        return False
    if _joined(tokens) in _article_key(article.id, article.text):
        return True
    return any(near_verbatim(sentence, s.text) for s in article_sentences(article))


def near_verbatim(a: str, b: str) -> bool:
    """At most two differing words, none a number, negation, name or date; ≥90% similar."""
    ta, tb = _tokens(a), _tokens(b)
    if abs(len(ta) - len(tb)) > MAX_DIFFERING_TOKENS or len(set(ta) ^ set(tb)) > 2 * MAX_DIFFERING_TOKENS:
        return False
    diff = (Counter(ta) - Counter(tb)) + (Counter(tb) - Counter(ta))
    if sum(diff.values()) > MAX_DIFFERING_TOKENS:
        return False
    names = _names(a) | _names(b)
    if any(t[:1].isdigit() or t in _NEGATIONS or t.endswith("n't") or t in names for t in diff):
        return False
    return fuzz.ratio(_joined(ta), _joined(tb)) >= MIN_RATIO


def _names(text: str) -> frozenset[str]:
    """Lower-cased words written with a capital anywhere but the sentence start (names, places, days)."""
    found = words(text)[1:]
    return frozenset(w.lower().strip("'").rstrip(".,") for w in found if w[:1].isupper()) | _CALENDAR


def supporting(sentence: str, articles: Sequence[Article]) -> tuple[str, ...]:
    """Ids of the ``articles`` that contain ``sentence`` (in the given order)."""
    return tuple(a.id for a in articles if contains(a, sentence))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    return norm_tokens(text)


def _joined(tokens: Sequence[str]) -> str:
    return " " + " ".join(tokens) + " "


@lru_cache(maxsize=256)
def _article_key(article_id: str, text: str) -> str:
    del article_id
    return _joined(norm_tokens(text))
