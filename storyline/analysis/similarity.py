"""Do two short texts say the same thing? Lexical by default, sentence embeddings when present.

The embedding model is optional (``storyline[embeddings]``) and written by another
stage; it is looked up lazily and any failure falls back to the lexical test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from storyline.analysis._text import content_words

Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]

MIN_SHARED = 2
MIN_OVERLAP = 0.3
MIN_RATIO = 80.0
MIN_COSINE = 0.72


def lexically_similar(a: str, b: str) -> bool:
    """Shared content words (≥2 and ≥30% of the shorter) or a high token-set ratio."""
    wa, wb = content_words(a), content_words(b)
    shared = len(wa & wb)
    if shared >= MIN_SHARED and shared / max(1, min(len(wa), len(wb))) >= MIN_OVERLAP:
        return True
    return bool(shared >= MIN_SHARED and fuzz.token_set_ratio(" ".join(wa), " ".join(wb)) >= MIN_RATIO)


def cosine(u: Sequence[float], v: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(u, v, strict=False))
    nu = sum(x * x for x in u) ** 0.5
    nv = sum(y * y for y in v) ** 0.5
    return dot / (nu * nv) if nu and nv else 0.0


def default_embedder() -> Embedder | None:
    """The project's sentence embedder if it is installed and importable, else None."""
    return _load_embedder()


@lru_cache(maxsize=1)
def _load_embedder() -> Embedder | None:
    try:
        from storyline import embeddings

        if not embeddings.available():
            return None
    except Exception:  # the optional stage is missing or broken: fall back to lexical
        return None

    def run(texts: Sequence[str]) -> Sequence[Sequence[float]]:
        return [[float(x) for x in row] for row in embeddings.embed(list(texts))]

    return run


def precomputed(embedder: Embedder, texts: Sequence[str]) -> Embedder | None:
    """Embed ``texts`` in one batch; the returned embedder looks them up (None if the model fails)."""
    unique = list(dict.fromkeys(texts))
    try:
        table = dict(zip(unique, embedder(unique), strict=True)) if unique else {}
    except Exception:  # a broken model must not break the analysis
        return None

    def lookup(batch: Sequence[str]) -> Sequence[Sequence[float]]:
        return [table[t] for t in batch]

    return lookup


class Similarity:
    """Pairwise "same thing" test over a fixed list of texts (embeddings computed once)."""

    def __init__(self, texts: Sequence[str], embedder: Embedder | None = None) -> None:
        self.texts = list(texts)
        self.vectors: list[Sequence[float]] | None = None
        if embedder is not None and self.texts:
            try:
                self.vectors = list(embedder(self.texts))
            except Exception:  # a broken model must not break the analysis
                self.vectors = None

    def same(self, i: int, j: int) -> bool:
        if lexically_similar(self.texts[i], self.texts[j]):
            return True
        if self.vectors is None:
            return False
        return cosine(self.vectors[i], self.vectors[j]) >= MIN_COSINE
