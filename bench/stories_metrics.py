"""Clustering metrics and data helpers shared by the stories benchmarks (not a benchmark itself)."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import adjusted_rand_score, v_measure_score


def data_dir() -> Path:
    """STORYLINE_DATA, else ../shared/data relative to the repository root."""
    env = os.environ.get("STORYLINE_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def bcubed_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """B-cubed F1 (Bagga & Baldwin 1998) averaged over items."""
    pairs = Counter(zip(gold, pred, strict=True))
    g_size, p_size = Counter(gold), Counter(pred)
    precision = sum(n * n / p_size[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / g_size[g] for (g, _), n in pairs.items()) / len(gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    return {
        "ARI": float(adjusted_rand_score(gold, pred)),
        "V": float(v_measure_score(gold, pred)),
        "B3F1": bcubed_f1(gold, pred),
    }


def load_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
