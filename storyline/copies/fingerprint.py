"""Word shingles and MinHash signatures of a text, computed with numpy.

Tokens are NFKC-casefolded ``\\w+`` runs. A shingle is a window of ``SHINGLE`` tokens hashed to a
64-bit integer; a text shorter than one window gives a single shingle. Shingles lying wholly inside
quotation marks are remembered separately so that a quote shared by two different articles can be
discounted (quote overlap alone must not make a copy).

The MinHash family is multiply-shift hashing ``((a * x + b) mod 2**64) >> 32`` with odd ``a``, drawn
from a fixed seed, so signatures are identical across runs and machines.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.copies.lines import content

SHINGLE = 5  # tokens per shingle
LEAD_TOKENS = 80  # the lead signature covers the first tokens, so truncated copies collide
_MIX = np.uint64(0x9E3779B97F4A7C15)
_WORD = re.compile(r"\w+")
_MARKS = re.compile(r"[“”\"«»]")
_SPLIT = re.compile(r"([“”\"«»\n])")
_OPEN = frozenset("“«")
_CLOSE = frozenset("”»")

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The shingle sets of one text (sorted, unique uint64 arrays)."""

    shingles: U64  # every shingle
    plain: U64  # shingles not wholly inside a quotation
    lead: U64  # shingles of the first LEAD_TOKENS tokens
    tokens: int

    @property
    def empty(self) -> bool:
        return self.shingles.size == 0


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Tokens of ``text`` and, for each, whether it stands inside a quotation.

    A straight quote opens when it follows a space, a bracket or a line start, and closes
    otherwise; the state resets at each line break, so an unbalanced quote cannot run on.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if not _MARKS.search(text):
        tokens = _WORD.findall(text)
        return tokens, [False] * len(tokens)
    tokens = []
    quoted: list[bool] = []
    inside = False
    pieces = _SPLIT.split(text)  # text, mark, text, mark, ..., text
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            words = _WORD.findall(piece)
            tokens.extend(words)
            quoted.extend([inside] * len(words))
        elif piece == '"':
            before = pieces[i - 1]
            inside = not before or before[-1].isspace() or before[-1] in "(["
        else:
            inside = piece in _OPEN
    return tokens, quoted


_HASHES: dict[str, int] = {}  # token -> 64-bit hash; cleared when it grows past _CACHE_LIMIT
_CACHE_LIMIT = 1 << 20


def _token_hashes(tokens: list[str]) -> U64:
    cache = _HASHES
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    out = []
    for tok in tokens:
        h = cache.get(tok)
        if h is None:
            h = cache[tok] = int.from_bytes(
                hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little"
            )
        out.append(h)
    return np.array(out, dtype=np.uint64)


def _window_hashes(hashes: U64) -> U64:
    """Hash every window of SHINGLE consecutive token hashes (order-sensitive)."""
    n = hashes.size - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE):
        acc = acc * _MIX + hashes[j : j + n]
    return acc ^ (acc >> np.uint64(29))


def fingerprint(text: str, *, whole: bool = False) -> Fingerprint:
    """Shingle sets of ``text``, leaving chrome lines out unless ``whole``."""
    tokens, quoted = tokenize(text if whole else content(text))
    if not tokens:
        empty = np.empty(0, dtype=np.uint64)
        return Fingerprint(empty, empty, empty, 0)
    hashes = _token_hashes(tokens)
    if len(tokens) < SHINGLE:
        single = _token_hashes([" ".join(tokens)])
        return Fingerprint(single, single, single, len(tokens))
    windows = _window_hashes(hashes)
    flags = np.asarray(quoted, dtype=np.int32)
    in_quote = np.convolve(flags, np.ones(SHINGLE, dtype=np.int32), mode="valid") == SHINGLE
    lead = windows[: max(1, LEAD_TOKENS - SHINGLE + 1)]  # MinHash needs no deduplication
    return Fingerprint(np.unique(windows), np.unique(windows[~in_quote]), lead, len(tokens))


class MinHasher:
    """A fixed-seed family of ``num_perm`` hash functions and LSH banding of their minima."""

    def __init__(self, num_perm: int, rows: int, seed: int) -> None:
        if num_perm % rows:
            raise ValueError("num_perm must be a multiple of rows")
        rng = np.random.default_rng(seed)
        self.a: U64 = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self.b: U64 = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self.rows = rows
        self.bands = num_perm // rows

    def signature(self, shingles: U64) -> U32:
        """MinHash signature (uint32 per permutation); all-max for an empty set."""
        if shingles.size == 0:
            return np.full(self.a.size, np.iinfo(np.uint32).max, dtype=np.uint32)
        values = (shingles[:, None] * self.a[None, :] + self.b[None, :]) >> np.uint64(32)
        minima: U32 = values.min(axis=0).astype(np.uint32)
        return minima

    def band_keys(self, signature: U32) -> U64:
        """One uint64 key per band, folding its ``rows`` minima."""
        parts = signature.reshape(self.bands, self.rows).astype(np.uint64)
        keys = np.zeros(self.bands, dtype=np.uint64)
        for j in range(self.rows):
            keys = (keys << np.uint64(32)) ^ (keys >> np.uint64(32)) ^ parts[:, j]
            if self.rows > 2:
                keys = keys * _MIX
        return keys
