"""Throughput and peak memory of `storyline analyze` on HTML and on scraped-text inputs.

Usage: .venv/bin/python bench/throughput.py [--n 200] [--keep DIR]

Inputs are generated at run time from $STORYLINE_DATA/extraction (default
../shared/data/extraction): N HTML pages (the benchmark pages, cycled; repeats get a
marker comment so each input is distinct) and the same pages rendered as full-page text
(menus, footers and all; bench/_render.py). For each kind this runs, as a subprocess,

    .venv/bin/storyline analyze DIR --db TMP/bench.db --json > TMP/report.json

three times: one input (fixed start-up cost), all N inputs into a fresh store, and the same
N again into that store (the idempotent re-run). It prints wall time, articles/s and the
peak resident memory of the analyze process (wait4 rusage, like /usr/bin/time -v).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _render import render_page
from _shingles import REPO, data_dir, skip_if_missing

CLI = REPO / ".venv" / "bin" / "storyline"
OPTIONS = {"workers": 1}


@dataclass(frozen=True, slots=True)
class RunResult:
    label: str
    inputs: int
    articles: int
    errors: int
    seconds: float
    peak_mb: float
    exit_code: int


def make_inputs(root: Path, n: int, out: Path) -> tuple[Path, Path]:
    """Write N html pages and their rendered text under ``out``; return the two dirs."""
    pages = sorted((root / "html").glob("*.html.gz"))
    html_dir, text_dir = out / "html", out / "text"
    html_dir.mkdir(parents=True)
    text_dir.mkdir(parents=True)
    for i in range(n):
        with gzip.open(pages[i % len(pages)], "rt", encoding="utf-8") as f:
            html = f.read()
        copy = i // len(pages)
        if copy:
            html += f"\n<!-- bench copy {copy} -->\n"
        text = render_page(html) + (f"\nbench copy {copy}\n" if copy else "")
        (html_dir / f"{i:04d}.html").write_text(html, encoding="utf-8")
        (text_dir / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return html_dir, text_dir


def analyze(label: str, target: Path, db: Path, inputs: int, work: Path) -> RunResult:
    report, log = work / "report.json", work / "stderr.log"
    cmd = [str(CLI), "analyze", str(target), "--db", str(db), "--json", "--workers", str(OPTIONS["workers"])]
    start = time.perf_counter()
    with report.open("wb") as out, log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    articles = errors = -1
    try:
        doc = json.loads(report.read_text(encoding="utf-8"))
        articles, errors = len(doc.get("articles", [])), len(doc.get("errors", []))
    except (json.JSONDecodeError, OSError):
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        print(f"  {label}: no JSON report (exit {proc.returncode}): {' | '.join(tail)}", file=sys.stderr)
    return RunResult(label, inputs, articles, errors, seconds, usage.ru_maxrss / 1024, proc.returncode)


def bench_kind(kind: str, src: Path, work: Path) -> list[RunResult]:
    one = work / f"{kind}-one"
    one.mkdir()
    first = sorted(src.iterdir())[0]
    shutil.copy(first, one / first.name)
    n = len(list(src.iterdir()))
    db = work / f"{kind}.db"
    return [
        analyze(f"{kind}: 1 input (start-up)", one, work / f"{kind}-one.db", 1, work),
        analyze(f"{kind}: {n} inputs, fresh store", src, db, n, work),
        analyze(f"{kind}: {n} inputs, re-run", src, db, n, work),
    ]


def print_table(results: list[RunResult]) -> None:
    head = (
        f"{'run':<34} {'articles':>8} {'errors':>6} {'exit':>4} {'wall s':>8} {'inputs/s':>8} "
        f"{'peak RSS MB':>11}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        rate = r.inputs / r.seconds
        print(
            f"{r.label:<34} {r.articles:>8} {r.errors:>6} {r.exit_code:>4} "
            f"{r.seconds:>8.1f} {rate:>8.2f} {r.peak_mb:>11.0f}"
        )


def marginal(results: list[RunResult]) -> None:
    """Articles/s without the fixed start-up cost."""
    for i in range(0, len(results), 3):
        one, full = results[i], results[i + 1]
        extra = full.seconds - one.seconds
        if extra > 0 and full.inputs > 1:
            kind = full.label.split(":")[0]
            print(f"{kind}: {(full.inputs - 1) / extra:.2f} articles/s after start-up ({one.seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="inputs per kind")
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep the files")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="analyze --workers (peak RSS then covers the main process only)",
    )
    args = parser.parse_args()
    OPTIONS["workers"] = args.workers
    root = data_dir("extraction")
    skip_if_missing(root / "html")
    if not CLI.exists():
        print(f"skipped: the storyline CLI is not installed at {CLI}")
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        html_dir, text_dir = make_inputs(root, args.n, work / "inputs")
        results = bench_kind("html", html_dir, work) + bench_kind("text", text_dir, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"\n`storyline analyze --json --workers {OPTIONS['workers']}`, {args.n} inputs per kind, "
        f"os.cpu_count()={os.cpu_count()}\n"
    )
    print_table(results)
    print()
    marginal(results)


if __name__ == "__main__":
    main()
