"""Lexical helpers shared by the analysis modules: sentences, content words, similarity.

Content words are lower-cased, lightly stemmed and mapped onto a small synonym
table so that "deal" and "agreement", or "soldiers" and "troops", compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.records import Article
from storyline.text import sentences


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for word lists written as one string)."""
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")

STOPWORDS = wordset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either else
    even ever every few for from further had has have having he her here hers herself him himself his
    how however i if in into is it its itself just least less let like made make many may me might more
    most much must my myself neither nor not now of off on once only or other others otherwise our ours
    ourselves out over own same shall she should since so some such than that the their theirs them
    themselves then there these they this those though through thus to too under until up upon us very
    was we were what when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves said says say saying told tell according monday tuesday
    wednesday thursday friday saturday sunday today yesterday tomorrow week month year night morning
    evening afternoon january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec last next ago still already"""
)

# A word on the left is read as the word on the right (after stemming).
SYNONYMS: dict[str, str] = {
    "deal": "agreement",
    "accord": "agreement",
    "pact": "agreement",
    "agree": "agreement",
    "agreed": "agreement",
    "committed": "commitment",
    "commit": "commitment",
    "promise": "commitment",
    "promised": "commitment",
    "pledge": "commitment",
    "pledged": "commitment",
    "understanding": "agreement",
    "suspend": "halt",
    "suspended": "halt",
    "stop": "halt",
    "stopped": "halt",
    "pause": "halt",
    "releas": "release",
    "releasing": "release",
    "soldier": "troop",
    "force": "troop",
    "servicemen": "troop",
    "serviceman": "troop",
    "personnel": "troop",
    "person": "people",
    "meeting": "talk",
    "meet": "talk",
    "met": "talk",
    "negotiation": "talk",
    "discussion": "talk",
    "kyiv": "kiev",
}


_POSSESSIVE = re.compile(r"'s?$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stemmer: possessives and regular plurals/verb endings."""
    w = word.lower().replace("’", "'")
    w = _POSSESSIVE.sub("", w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return SYNONYMS.get(w, w)


def words(text: str) -> list[str]:
    """Tokens of ``text`` (words and numbers), in order."""
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def content_words(text: str) -> frozenset[str]:
    """Stemmed, synonym-mapped content words of ``text`` (no stop words, no numbers)."""
    return frozenset(_content(text))


def first_content_word(text: str) -> str | None:
    """The first content word of ``text`` (stemmed, synonym-mapped), or None."""
    return next(_content(text), None)


def _content(text: str) -> Iterator[str]:
    for w in words(text):
        if w[0].isdigit() or w.lower() in STOPWORDS or len(w) < 3:
            continue
        s = stem(w)
        if s not in STOPWORDS:
            yield s


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |a∩b| / min(|a|,|b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def norm_tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens with quotes/dashes unified: the key for strict lexical checks."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return tuple(t.lower().strip("'").rstrip(".,") for t in words(text))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with its offsets into ``article.text``."""

    article: str
    index: int
    start: int
    end: int
    text: str


def article_sentences(article: Article) -> tuple[Sentence, ...]:
    return _cached_sentences(article.id, article.text)


@lru_cache(maxsize=512)
def _cached_sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    spans = sentences(text)
    return tuple(Sentence(article_id, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans))


def sentence_at(article: Article, offset: int) -> Sentence | None:
    """The sentence of ``article`` that contains character ``offset``."""
    for sent in article_sentences(article):
        if sent.start <= offset < sent.end:
            return sent
    return None


def document_frequency(texts: Iterable[frozenset[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for bag in texts:
        for w in bag:
            df[w] = df.get(w, 0) + 1
    return df


def weighted_overlap(a: frozenset[str], b: frozenset[str], df: dict[str, int], n_docs: int) -> float:
    """Sum of IDF-like weights of the shared words (rare words count more)."""
    import math

    return sum(math.log(1 + n_docs / df.get(w, 1)) for w in a & b)


def by_id(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}
