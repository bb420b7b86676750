"""Precision and recall of conflict finding on labelled synthetic fixtures, and the seed-story check.

    .venv/bin/python bench/conflicts_eval.py

Fixtures (our own invented articles, tests/fixtures/analysis/): cases.json was used while writing
the heuristics; heldout.json was written afterwards and is reported separately; heldout2.json was
written after the 2026-11-23 rule changes (denial heads, hedges, vague figures) and scored once. A predicted conflict
matches an expected one when the kind (and, for numbers, the compatible flag) agree and its claims
cite every expected article; each expected conflict is matched at most once.

No published anchor exists for this task (issue 5 asks for own fixtures). The seeds (../shared/seeds,
override STORYLINE_SEEDS) are read at run time, never copied; the seed check says whether the
agreement-versus-denial and the troop-number conflict are found.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "analysis"
sys.path.insert(0, str(FIXTURES))
sys.path.insert(0, str(REPO / "bench"))

from load import Case, load_cases  # noqa: E402

from storyline.analysis import find_conflicts  # noqa: E402
from storyline.records import Conflict  # noqa: E402

KINDS = ("denial", "number", "number (compatible)", "date", "place")


def label(kind: str, compatible: bool) -> str:
    return "number (compatible)" if kind == "number" and compatible else kind


def score_case(case: Case, found: tuple[Conflict, ...]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    open_expected: list[dict[str, Any]] = list(case.expected)
    for c in found:
        arts = {x.article for x in c.claims}
        lab = label(c.kind, c.compatible)
        hit = next(
            (
                e
                for e in open_expected
                if label(e["kind"], e["compatible"]) == lab and set(e["articles"]) <= arts
            ),
            None,
        )
        if hit is None:
            fp[lab] += 1
        else:
            tp[lab] += 1
            open_expected.remove(hit)
    for e in open_expected:
        fn[label(e["kind"], e["compatible"])] += 1
    return tp, fp, fn


def evaluate(path: Path) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    cases = load_cases(path)
    notes = []
    for case in cases.values():
        found = find_conflicts(case.story, case.articles, {}, [], [], times=case.times)
        t, f, n = score_case(case, found)
        tp, fp, fn = tp + t, fp + f, fn + n
        notes += [
            f"    {case.name}: {lab}: false positives {f[lab]}, misses {n[lab]}"
            for lab in sorted(set(f) | set(n))
        ]
    print(
        f"  {path.name}: {len(cases)} stories, {sum(len(c.expected) for c in cases.values())} expected conflicts"
    )
    print(f"  {'kind':<22}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}")
    for lab in (*KINDS, "all"):
        t = sum(tp.values()) if lab == "all" else tp[lab]
        f = sum(fp.values()) if lab == "all" else fp[lab]
        n = sum(fn.values()) if lab == "all" else fn[lab]
        print(f"  {lab:<22}{t:>4}{f:>4}{n:>4}{_ratio(t, t + f):>11}{_ratio(t, t + n):>8}")
    print("\n".join(notes))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def seeds() -> None:
    import conflicts_seeds

    if not conflicts_seeds.available():
        print(f"seeds: skipped: data not found at {conflicts_seeds.SEEDS}")
        return
    s = conflicts_seeds.load()
    t0 = time.perf_counter()
    found = find_conflicts(s.story, s.articles, s.annotations, s.quotes, s.entities, times=s.times)
    elapsed = time.perf_counter() - t0
    print(f"seeds: {len(found)} conflicts in {elapsed:.2f}s (after NLP)")
    for c in found:
        print(f"  [{c.kind}{' compatible' if c.compatible else ''}] {c.summary}")
        for x in c.claims:
            print(f"      {x.article} {x.attributed_to!s:<22} {x.text[:90]}")
    denial = any(c.kind == "denial" and _sides(c, "French", ("Kremlin", "Peskov")) for c in found)
    troops = any(
        c.kind == "number" and not c.compatible and {"000", "003"} <= {x.article for x in c.claims}
        for c in found
    )
    print(f"seed check: agreement vs Kremlin denial found: {'OK' if denial else 'MISSING'}")
    print(f"seed check: incompatible troop figures (000 vs 003) found: {'OK' if troops else 'MISSING'}")


def _sides(c: Conflict, asserter: str, deniers: tuple[str, ...]) -> bool:
    who = [x.attributed_to or "" for x in c.claims]
    return any(asserter in w for w in who) and any(d in w for w in who for d in deniers)


def main() -> int:
    print("conflicts on labelled synthetic fixtures (no published anchor; own fixtures)")
    for name in ("cases.json", "heldout.json", "heldout2.json"):
        evaluate(FIXTURES / name)
    seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
