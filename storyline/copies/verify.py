"""Exact verification of a candidate pair on its shingle sets.

LSH only proposes candidates; a pair becomes a copy when the shingles of the smaller text are
mostly found in the larger (containment), both over all shingles and over the shingles outside
quotations, so that two articles quoting the same statement are not taken for copies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.copies.fingerprint import U64, Fingerprint

MIN_CONTAINMENT = 0.3  # share of the smaller text's shingles found in the other
MIN_SHARED = 8  # shingles in common, so tiny texts do not match by chance
MIN_PLAIN = 20  # below this many unquoted shingles, the quote-free check is not meaningful


@dataclass(frozen=True, slots=True)
class PairScore:
    jaccard: float
    containment: float  # |A & B| / min(|A|, |B|)
    plain_containment: float  # the same over shingles outside quotations in both texts
    shared: int
    needed: int = MIN_SHARED  # shingles in common required (fewer for very short texts)

    def is_copy(self, min_containment: float = MIN_CONTAINMENT) -> bool:
        return (
            self.shared >= self.needed
            and self.containment >= min_containment
            and self.plain_containment >= min_containment
        )


def _overlap(a: U64, b: U64) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def score_pair(a: Fingerprint, b: Fingerprint) -> PairScore:
    """Jaccard and containment of two fingerprints."""
    if a.empty or b.empty:
        return PairScore(0.0, 0.0, 0.0, 0, 1)
    shared = _overlap(a.shingles, b.shingles)
    union = a.shingles.size + b.shingles.size - shared
    containment = shared / min(a.shingles.size, b.shingles.size)
    small = min(a.plain.size, b.plain.size)
    plain = _overlap(a.plain, b.plain) / small if small >= MIN_PLAIN else containment
    needed = min(MIN_SHARED, a.shingles.size, b.shingles.size)
    return PairScore(shared / union, containment, plain, shared, needed)
