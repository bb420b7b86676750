"""Which articles contain a sentence: the strict check behind every summary citation.

An article supports a sentence only when it contains it word for word: the
comparison unifies whitespace and curly/straight quote glyphs, nothing else (no
case, punctuation or word differences). A reprint that changed a word ("the French
comments" vs "the French officials comments") is not cited for that sentence.
:func:`near_verbatim` (at most two differing words, none a number, negation, name
or date) is kept for the benchmark, which reports how many near copies go uncited.
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


_GLYPHS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def plain(text: str) -> str:
    """Whitespace collapsed and quote glyphs made straight: the only differences citations forgive."""
    return " ".join(text.translate(_GLYPHS).split())


def contains(article: Article, sentence: str) -> bool:
    """True when ``article`` contains ``sentence`` word for word (whitespace and quote glyphs aside)."""
    key = plain(sentence)
    return bool(key) and key in _article_plain(article.id, article.text)


def nearly_contains(article: Article, sentence: str) -> bool:
    """``article`` holds a near-verbatim copy of ``sentence`` (reported, never cited)."""
    return contains(article, sentence) or any(
        near_verbatim(sentence, s.text) for s in article_sentences(article)
    )


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


@lru_cache(maxsize=4096)  # a summary checks each sentence against every article of the story
def _article_plain(article_id: str, text: str) -> str:
    del article_id
    return plain(text)
