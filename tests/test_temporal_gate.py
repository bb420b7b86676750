"""Quality gate: TimeML scores must not regress (skipped when ../shared/data is absent).

Floors sit a little under the measured figures in docs/bench/temporal.md, so a
real regression in the grammar or the normalisers fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from timeml_data import CORPORA, Score, Timex, data_root, read_corpus, score  # noqa: E402

from storyline.temporal.tagger import tag  # noqa: E402

FLOORS = {"strict_F1": 0.84, "relaxed_F1": 0.90, "value_F1": 0.79}


def test_timeml_scores_stay_above_floors() -> None:
    root = data_root() / "timeml"
    if not all((root / c).is_dir() for c in CORPORA):
        pytest.skip(f"TimeML data not found at {root}")
    total = Score()
    for corpus in CORPORA:
        for doc in read_corpus(root / corpus):
            found = tag(doc.text, doc.dct, narrative=corpus.startswith("wikiwars"))
            total.add(score(doc.gold, [Timex(e.start, e.end, e.value, e.type, e.text) for e in found]))
    row = total.row()
    for measure, floor in FLOORS.items():
        assert row[measure] >= floor, f"{measure} {row[measure]:.3f} < {floor}"
