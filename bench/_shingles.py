"""Shared helpers for the bench scripts: data location and the shingle metric.

The metric re-implements the one of the scrapinghub article-extraction-benchmark
(``evaluate.py``), so that our figures can sit next to the published ones:

- tokens are ``\\w+`` runs (case kept, punctuation dropped);
- shingles are 4-token windows counted as a multiset; a text shorter than four
  tokens gives one shorter shingle, an empty text gives none;
- per page, TP/FP/FN are shingle counts normalised by their sum, so long pages
  weigh no more than short ones;
- precision is averaged over the pages where TP+FP > 0 (something predicted),
  recall over the pages where TP+FN > 0 (something expected); a page scores 1
  when FP = FN = 0, and 0 when the numerator and its partner are both 0;
- F1 is the harmonic mean of the averaged precision and recall (not a mean of
  per-page F1s).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

TpFpFn = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    html: str
    gold: str
    url: str


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def data_dir(name: str) -> Path:
    """``$STORYLINE_DATA/name``, by default ``../shared/data/name`` next to the repo."""
    root = os.environ.get("STORYLINE_DATA")
    base = Path(root) if root else REPO.parent / "shared" / "data"
    return base / name


def skip_if_missing(path: Path) -> None:
    """Exit 0 with a clear message when the benchmark data is absent."""
    if not path.exists():
        print(f"skipped: data not found at {path} (set STORYLINE_DATA to its parent)")
        sys.exit(0)


def load_pages(root: Path, limit: int | None = None) -> list[Page]:
    """The extraction benchmark's pages with their gold bodies, sorted by key."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        with gzip.open(root / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as f:
            html = f.read()
        pages.append(Page(key, html, gold[key].get("articleBody") or "", gold[key].get("url", "")))
    return pages


def tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    grams = (tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))
    return Counter(g for g in grams if g)


def match(gold: str | None, pred: str | None, n: int = 4) -> TpFpFn:
    """Normalised (TP, FP, FN) of ``pred`` against ``gold`` for one page."""
    g, p = shingles(gold, n), shingles(pred, n)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(per_page: Sequence[TpFpFn]) -> Scores:
    """Benchmark-style averages over pages."""
    p = statistics.mean(_precision(*x) for x in per_page if x[0] + x[1] > 0)
    r = statistics.mean(_recall(*x) for x in per_page if x[0] + x[2] > 0)
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def iter_progress(items: Sequence[Page], label: str) -> Iterator[Page]:
    """Yield items, with a dot on stderr every 20 (benchmarks are slow)."""
    for i, item in enumerate(items, 1):
        if i % 20 == 0:
            print(f"  {label}: {i}/{len(items)}", file=sys.stderr)
        yield item


def bootstrap_f1(per_page: Sequence[TpFpFn], other: Sequence[TpFpFn] | None = None, n: int = 1000) -> float:
    """1.96 standard deviations of F1 (or of F1 minus ``other``'s F1, paired by page) over
    ``n`` bootstrap resamples of the pages, as the benchmark reports its ± (fixed seed)."""
    rng = random.Random(0)
    values = []
    for _ in range(n):
        idx = [rng.randrange(len(per_page)) for _ in per_page]
        f1 = scores([per_page[i] for i in idx]).f1
        values.append(f1 - scores([other[i] for i in idx]).f1 if other else f1)
    return 1.96 * statistics.stdev(values)
