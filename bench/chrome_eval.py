"""Chrome removal on plain text scraped with the whole page around the article.

Usage: .venv/bin/python bench/chrome_eval.py [--limit N] [--dump DIR] [--only NAME] [--why]

The benchmark is built at run time from $STORYLINE_DATA/extraction (default
../shared/data/extraction): each HTML page is rendered as full text (menus, footers,
related links, cookie boxes and all; see bench/_render.py) and its gold article body
(ground-truth.json) sits inside that text. Each system then gets the text only:

- nothing removed (the rendered page; its recall is the ceiling)
- storyline strip_chrome(text)
- jusText (each line wrapped as a <p>, English stoplist, default settings)
- trafilatura.extract on the same lines wrapped as <p> in a minimal HTML page

Scores per system:
- chrome lines removed: share of the page's non-body lines that are gone (also by tokens);
  a line is body when it is a line of the gold text or most of its 4-gram shingles are in it;
- body kept: share of the gold shingles present in the page that survive, and share of gold
  sentences (4+ tokens, wholly present in the page) kept whole;
- P/R/F1: the extraction benchmark's per-page 4-gram shingle metric, kept text vs gold.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _render import render_page
from _shingles import (
    data_dir,
    iter_progress,
    load_pages,
    match,
    scores,
    shingles,
    skip_if_missing,
    tokens,
)

System = Callable[[str], str]
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def keep_all(text: str) -> str:
    return text


def storyline_chrome(text: str) -> str:
    from storyline.clean.chrome import strip_chrome

    return strip_chrome(text).text


def justext_lines(text: str) -> str:
    import justext

    paragraphs = justext.justext(_as_html(text), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_lines(text: str) -> str:
    import trafilatura

    return trafilatura.extract(_as_html(text), include_comments=False) or ""


def _as_html(text: str) -> str:
    paras = "".join(f"<p>{htmllib.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><title></title></head><body>\n{paras}</body></html>"


SYSTEMS: dict[str, System] = {
    "nothing removed (ceiling)": keep_all,
    "storyline strip_chrome": storyline_chrome,
    "jusText (lines as <p>, English)": justext_lines,
    "trafilatura (lines as <p>)": trafilatura_lines,
}


@dataclass(frozen=True, slots=True)
class Case:
    """One rendered page: its lines labelled body or chrome, and the gold text."""

    key: str
    text: str
    gold: str
    lines: tuple[tuple[str, bool], ...]  # (token key, is body), lines with tokens only


def _key(text: str) -> str:
    return " ".join(tokens(text))


def build_case(key: str, html: str, gold: str) -> Case:
    text = render_page(html)
    gold_lines = {_key(line) for line in gold.splitlines()}
    gold_sh = shingles(gold)
    labelled = []
    for line in text.splitlines():
        k = _key(line)
        if not k:
            continue
        sh = shingles(line)
        in_gold = sum(1 for s in sh if s in gold_sh) / len(sh)
        is_body = k in gold_lines or (len(k.split()) >= 4 and in_gold >= 0.5)
        labelled.append((k, is_body))
    return Case(key, text, gold, tuple(labelled))


@dataclass
class Tally:
    chrome_lines: int = 0
    chrome_dropped: int = 0
    chrome_tokens: int = 0
    chrome_tokens_dropped: int = 0
    gold_shingles: int = 0
    gold_shingles_kept: int = 0
    sentences: int = 0
    sentences_kept: int = 0
    body_lines: int = 0
    body_lines_dropped: int = 0

    def add_lines(self, case: Case, kept: str) -> None:
        kept_lines = {_key(line) for line in kept.splitlines()}
        blob = f" {_key(kept)} "
        for k, is_body in case.lines:
            survived = k in kept_lines or (len(k.split()) >= 4 and f" {k} " in blob)
            n = len(k.split())
            if is_body:
                self.body_lines += 1
                self.body_lines_dropped += not survived
            else:
                self.chrome_lines += 1
                self.chrome_dropped += not survived
                self.chrome_tokens += n
                self.chrome_tokens_dropped += 0 if survived else n

    def add_body(self, case: Case, kept: str) -> None:
        page_sh = set(shingles(case.text))
        kept_sh = set(shingles(kept))
        present = set(shingles(case.gold)) & page_sh
        self.gold_shingles += len(present)
        self.gold_shingles_kept += len(present & kept_sh)
        for sentence in _SENTENCE.split(case.gold):
            sh = set(shingles(sentence))
            if len(tokens(sentence)) >= 4 and sh <= page_sh:
                self.sentences += 1
                self.sentences_kept += sh <= kept_sh


def run(name: str, fn: System, cases: list[Case], dump: Path | None) -> list[str]:
    tally = Tally()
    per_page = []
    outputs = {}
    start = time.perf_counter()
    kept_by_key = {c.key: fn(c.text) for c in iter_progress(cases, name)}  # type: ignore[arg-type]
    secs = time.perf_counter() - start
    for case in cases:
        kept = kept_by_key[case.key]
        outputs[case.key] = kept
        tally.add_lines(case, kept)
        tally.add_body(case, kept)
        per_page.append(match(case.gold, kept))
    if dump:
        slug = "".join(c if c.isalnum() else "_" for c in name)
        (dump / f"chrome_{slug}.json").write_text(json.dumps(outputs, ensure_ascii=False, indent=1))
    s = scores(per_page)
    t = tally
    return [
        name,
        f"{t.chrome_dropped / t.chrome_lines:.3f}",
        f"{t.chrome_tokens_dropped / t.chrome_tokens:.3f}",
        f"{t.gold_shingles_kept / t.gold_shingles:.3f}",
        f"{t.sentences_kept / t.sentences:.3f}",
        f"{t.body_lines_dropped}/{t.body_lines}",
        f"{s.precision:.3f}",
        f"{s.recall:.3f}",
        f"{s.f1:.3f}",
        f"{len(cases) / secs:.0f}",
    ]


def explain(cases: list[Case]) -> None:
    """Body tokens strip_chrome dropped, by the reason it recorded, and the pages losing most."""
    from storyline.clean.chrome import strip_chrome

    by_reason: Counter[str] = Counter()
    by_page: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for case in cases:
        result = strip_chrome(case.text)
        reasons = {_key(r.text): r.reason for r in reversed(result.removed)}
        kept_lines = {_key(line) for line in result.text.splitlines()}
        blob = f" {_key(result.text)} "
        for k, is_body in case.lines:
            if not is_body or k in kept_lines or (len(k.split()) >= 4 and f" {k} " in blob):
                continue
            why = reasons.get(k, "(changed: joined or inline removal)")
            by_reason[why] += len(k.split())
            by_page[case.key[:12]] += len(k.split())
            examples.setdefault(why, []).append(f"{case.key[:12]}: {k[:80]}")
    print("\nstrip_chrome: body tokens lost, by recorded reason")
    for why, n in by_reason.most_common():
        print(f"  {n:>6}  {why}")
        for example in examples[why][:3]:
            print(f"          {example}")
    print("  pages losing most body tokens:", ", ".join(f"{k} ({n})" for k, n in by_page.most_common(8)))


HEADER = [
    "system",
    "chrome lines removed",
    "chrome tokens removed",
    "gold shingles kept",
    "gold sentences kept",
    "body lines lost",
    "P",
    "R",
    "F1",
    "pages/s",
]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    for row in [HEADER, ["-" * w for w in widths], *rows]:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        print(" | ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--dump", type=Path, default=None, help="write rendered pages and outputs here")
    parser.add_argument("--only", default=None, help="run only systems whose name contains this")
    parser.add_argument("--why", action="store_true", help="explain the body lines strip_chrome drops")
    args = parser.parse_args()
    root = data_dir("extraction")
    skip_if_missing(root / "ground-truth.json")
    pages = load_pages(root, args.limit)
    cases = [build_case(p.key, p.html, p.gold) for p in pages]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        rendered = {c.key: c.text for c in cases}
        (args.dump / "rendered.json").write_text(json.dumps(rendered, ensure_ascii=False, indent=1))
    chrome = sum(1 for c in cases for _, body in c.lines if not body)
    body = sum(1 for c in cases for _, b in c.lines if b)
    print(f"\nChrome removal on {len(cases)} rendered pages: {body} body lines, {chrome} chrome lines\n")
    selected = [(n, fn) for n, fn in SYSTEMS.items() if not args.only or args.only in n or "ceiling" in n]
    print_table([run(n, fn, cases, args.dump) for n, fn in selected])
    if args.why:
        explain(cases)


if __name__ == "__main__":
    main()
