"""LSH band tables as sorted numpy arrays: compact, picklable and cheap to extend.

Each band keeps its keys sorted with the row number of the document beside it. Adding ``m``
documents costs one ``searchsorted`` and one ``insert`` per band (linear memory moves, no Python
loop over the corpus); finding the documents that share a band key is a binary search.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from storyline.copies.fingerprint import U64

I64 = npt.NDArray[np.int64]
# (band, keys) -> for each key stored in that band, its rows in ascending order (at most ``cap``)
BandLookup = Callable[[int, Sequence[int], int], Mapping[int, Sequence[int]]]


class BandTable:
    """Sorted band keys -> document rows, for ``bands`` bands.

    With ``lookup``, the table holds only the documents added since it was opened; earlier ones
    are in a store, asked per band for the keys of the new documents (their rows are all older).
    """

    def __init__(self, bands: int, lookup: BandLookup | None = None) -> None:
        self.bands = bands
        self.lookup = lookup
        self.keys: list[U64] = [np.empty(0, dtype=np.uint64) for _ in range(bands)]
        self.rows: list[npt.NDArray[np.int32]] = [np.empty(0, dtype=np.int32) for _ in range(bands)]

    def __len__(self) -> int:
        return int(self.keys[0].size) if self.keys else 0

    def add(self, keys: U64, rows: I64) -> None:
        """Insert documents ``rows`` whose band keys are ``keys`` (shape: documents x bands)."""
        for j in range(len(self.keys)):
            column = keys[:, j]
            order = np.argsort(column, kind="stable")
            at = np.searchsorted(self.keys[j], column[order], side="right")
            self.keys[j] = np.insert(self.keys[j], at, column[order])
            self.rows[j] = np.insert(self.rows[j], at, rows[order].astype(np.int32))

    def candidates(self, keys: U64, rows: I64, cap: int) -> list[Counter[int]]:
        """For each document (already added), the other rows sharing a band, with the count of bands.

        A bucket holding more than ``cap`` rows contributes only its ``cap`` oldest rows.
        """
        found: list[Counter[int]] = [Counter() for _ in range(rows.size)]
        for j in range(len(self.keys)):
            left = np.searchsorted(self.keys[j], keys[:, j], side="left")
            right = np.searchsorted(self.keys[j], keys[:, j], side="right")
            if self.lookup is not None:
                signed = keys[:, j].view(np.int64).tolist()
                stored = self.lookup(j, sorted(set(signed)), cap)
                for i, key in enumerate(signed):
                    old = stored.get(key)
                    if old:
                        start = int(left[i])
                        found[i].update(old[:cap])
                        found[i].update(
                            self.rows[j][start : min(int(right[i]), start + cap - len(old))].tolist()
                        )
            for i in np.flatnonzero(right - left > 1).tolist():
                if self.lookup is not None and stored.get(signed[i]):
                    continue
                start = int(left[i])
                found[i].update(self.rows[j][start : min(int(right[i]), start + cap)].tolist())
        for i, row in enumerate(rows.tolist()):
            found[i].pop(row, None)
        return found
