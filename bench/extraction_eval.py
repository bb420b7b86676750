"""HTML main-text extraction on the scrapinghub article-extraction-benchmark pages.

Usage: .venv/bin/python bench/extraction_eval.py [--limit N] [--dump DIR]

Reads $STORYLINE_DATA/extraction (default ../shared/data/extraction): html/*.html.gz
and ground-truth.json. Scores, with the benchmark's own per-page 4-gram shingle
metric (see bench/_shingles.py), side by side:

- trafilatura.extract(html)                         (plain call, library defaults)
- trafilatura.extract(html, include_comments=False) (how the benchmark runs it)
- storyline.clean.html.extract_html(html)
- extract_html then strip_chrome(structural=False), as the pipeline cleans HTML

and prints the published anchor for trafilatura 2.0.0, then how often our
extractor finds each metadata field.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shingles import (
    Page,
    Scores,
    TpFpFn,
    bootstrap_f1,
    data_dir,
    iter_progress,
    load_pages,
    match,
    scores,
    skip_if_missing,
)

ANCHOR = ("trafilatura 2.0.0 (published)", 0.938, 0.978, 0.958)
BASELINE = "trafilatura.extract (no comments)"
Extractor = Callable[[str], str]


def trafilatura_plain(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def trafilatura_benchmark(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def storyline_body(html: str) -> str:
    from storyline.clean.html import extract_html
    from storyline.errors import InputError

    try:
        return extract_html(html).text
    except InputError:
        return ""


def storyline_clean(html: str) -> str:
    """The whole HTML path of the pipeline: extraction, then line-level chrome patterns."""
    from storyline.clean.chrome import strip_chrome

    body = storyline_body(html)
    return strip_chrome(body, structural=False).text if body else ""


SYSTEMS: dict[str, Extractor] = {
    "trafilatura.extract (defaults)": trafilatura_plain,
    "trafilatura.extract (no comments)": trafilatura_benchmark,
    "storyline extract_html": storyline_body,
    "storyline extract_html + strip_chrome": storyline_clean,
}


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    scores: Scores
    per_page: list[TpFpFn]
    pages_per_second: float


def run(name: str, fn: Extractor, pages: list[Page], dump: Path | None) -> Row:
    start = time.perf_counter()
    preds = {p.key: fn(p.html) for p in iter_progress(pages, name)}
    secs = time.perf_counter() - start
    if dump:
        slug = "".join(c if c.isalnum() else "_" for c in name)
        (dump / f"{slug}.json").write_text(json.dumps(preds, ensure_ascii=False, indent=1))
    per_page = [match(p.gold, preds[p.key]) for p in pages]
    return Row(name, scores(per_page), per_page, len(pages) / secs)


def print_rows(rows: list[Row]) -> None:
    print(f"{'system':<40} {'precision':>9} {'recall':>7} {'F1':>7} {'± 95%':>6} {'pages/s':>8}")
    name, p, r, f1 = ANCHOR
    print(f"{name:<40} {p:>9.3f} {r:>7.3f} {f1:>7.3f} {'':>6} {'':>8}")
    for row in rows:
        s, ci = row.scores, bootstrap_f1(row.per_page)
        print(
            f"{row.name:<40} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f} {ci:>6.3f} {row.pages_per_second:>8.1f}"
        )
    base = next((r for r in rows if r.name == BASELINE), None)
    for row in rows:
        if base and row.name.startswith("storyline"):
            diff = row.scores.f1 - base.scores.f1
            ci = bootstrap_f1(row.per_page, base.per_page)
            print(f"F1 of {row.name} minus {BASELINE}: {diff:+.3f} ± {ci:.3f} (paired bootstrap)")


_URL_DATE = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:[/-]|\b)")


def metadata_rates(pages: list[Page]) -> dict[str, str]:
    """Share of pages where each field was found, and date agreement with dated URLs."""
    from storyline.clean.html import extract_html
    from storyline.errors import InputError

    fields = ("title", "published", "authors", "sitename", "language")
    found = dict.fromkeys(fields, 0)
    with_time = dated = agree = 0
    for page in pages:
        try:
            ex = extract_html(page.html)
        except InputError:
            continue
        for f in fields:
            found[f] += bool(getattr(ex, f))
        with_time += "T" in (ex.published or "")
        if m := _URL_DATE.search(page.url):
            dated += 1
            agree += (ex.published or "")[:10] == "-".join(m.groups())
    out = {f: f"{n / len(pages):.3f}" for f, n in found.items()}
    out["published with time of day"] = f"{with_time / len(pages):.3f}"
    out["published = date in URL"] = f"{agree}/{dated} pages with a dated URL"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--dump", type=Path, default=None, help="write each system's outputs here")
    parser.add_argument("--only", default=None, help="run only systems whose name contains this")
    args = parser.parse_args()
    root = data_dir("extraction")
    skip_if_missing(root / "ground-truth.json")
    pages = load_pages(root, args.limit)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    rows = [run(n, fn, pages, args.dump) for n, fn in SYSTEMS.items() if not args.only or args.only in n]
    print(f"\nHTML extraction, {len(pages)} pages, per-page 4-gram shingles (benchmark metric)\n")
    print_rows(rows)
    if not args.only or "storyline" in args.only:
        print("\nstoryline extract_html metadata found (share of pages):")
        for field, rate in metadata_rates(pages).items():
            print(f"  {field:<28} {rate}")


if __name__ == "__main__":
    main()
