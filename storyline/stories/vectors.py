"""TF-IDF sub-vectors per field, a growing document-frequency table, and the field-weighted similarity.

Vectors are plain dicts keyed ``"<field letter>:<term>"`` (``b:`` body, ``t:`` title, ``e:`` names,
``l:`` lead, ``n:`` numbers, ``y:`` years).  Each field of an article vector is L2-normalised on its own; a centroid is the sum
of its members' vectors.  :func:`similarity` is the weighted mean of the per-field cosines over the
fields both sides have (body and title always count), as in Miranda et al. (2018).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from storyline.stories.features import FIELDS, RawFeatures

__all__ = [
    "FieldWeights",
    "Vector",
    "Vocabulary",
    "centroid_cosine",
    "field_norms",
    "similarity",
    "top_terms",
]

Vector = dict[str, float]

_PREFIX = {"body": "b", "title": "t", "lead": "l", "ent": "e", "num": "n", "year": "y"}
_KEEP = {"body": 100, "title": 20, "lead": 40, "ent": 50, "num": 20, "year": 10}
_ALWAYS = ("b", "t", "l")


@dataclass(frozen=True, slots=True)
class FieldWeights:
    """How much each field's cosine counts in the article-to-story similarity."""

    body: float = 0.3
    title: float = 0.1
    ent: float = 0.3
    num: float = 0.1
    lead: float = 0.5
    year: float = 0.0

    def by_prefix(self) -> dict[str, float]:
        return {"b": self.body, "t": self.title, "l": self.lead, "e": self.ent, "n": self.num, "y": self.year}


@dataclass(slots=True)
class Vocabulary:
    """Document frequencies of field-prefixed terms over every article seen so far."""

    n_docs: int = 0
    df: Counter[str] = field(default_factory=Counter)

    def add(self, raw: RawFeatures) -> None:
        self.n_docs += 1
        self.df.update(_keys(raw))

    def idf(self, key: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df.get(key, 0))) + 1.0

    def vector(self, raw: RawFeatures) -> Vector:
        """The article's TF-IDF vector: sublinear tf, each field pruned and L2-normalised."""
        out: Vector = {}
        for name in FIELDS:
            prefix = _PREFIX[name]
            weights = {
                f"{prefix}:{t}": (1.0 + math.log(c)) * self.idf(f"{prefix}:{t}")
                for t, c in raw.field(name).items()
            }
            kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: _KEEP[name]]
            norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
            out.update((k, w / norm) for k, w in kept)
        return out


def _keys(raw: RawFeatures) -> Iterable[str]:
    for name in FIELDS:
        prefix = _PREFIX[name]
        yield from (f"{prefix}:{t}" for t in raw.field(name))


def field_norms(vector: Mapping[str, float]) -> dict[str, float]:
    """L2 norm of each field of ``vector`` (absent fields are missing from the result)."""
    sums: dict[str, float] = {}
    for key, w in vector.items():
        sums[key[0]] = sums.get(key[0], 0.0) + w * w
    return {p: math.sqrt(s) for p, s in sums.items() if s > 0}


def similarity(
    vec: Mapping[str, float],
    centroid: Mapping[str, float],
    centroid_norms: Mapping[str, float],
    weights: Mapping[str, float],
) -> float:
    """Weighted mean of per-field cosines between an article vector (unit fields) and a centroid."""
    dots: dict[str, float] = {}
    for key, w in vec.items():
        c = centroid.get(key)
        if c is not None:
            dots[key[0]] = dots.get(key[0], 0.0) + w * c
    present = {key[0] for key in vec}
    total = 0.0
    weight_sum = 0.0
    for prefix, weight in weights.items():
        if weight <= 0 or (prefix not in _ALWAYS and (prefix not in present or prefix not in centroid_norms)):
            continue
        weight_sum += weight
        norm = centroid_norms.get(prefix)
        if norm and prefix in dots:
            total += weight * dots[prefix] / norm
    return total / weight_sum if weight_sum else 0.0


def centroid_cosine(a: Mapping[str, float], b: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """:func:`similarity` between two sums of article vectors (``a`` is normalised field by field)."""
    norms = field_norms(a)
    unit = {k: w / norms[k[0]] for k, w in a.items() if k[0] in norms}
    return similarity(unit, b, field_norms(b), weights)


def top_terms(vector: Mapping[str, float], prefixes: str, n: int) -> list[str]:
    """The ``n`` heaviest keys of ``vector`` among the given field prefixes."""
    keys = [k for k in vector if k[0] in prefixes]
    keys.sort(key=lambda k: (-vector[k], k))
    return keys[:n]
