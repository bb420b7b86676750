"""Read PolNeAR (Newell et al., LREC 2018): political news articles with attributions in brat standoff.

A split directory holds ``metadata.tsv`` (``filename`` and ``annotators`` columns), ``text/NAME.txt``
and ``attributions/NAME_ANNOTATOR.ann``. Where an article has several annotators, the first id of the
``annotators`` column (sorted) is used, so each article has one set of attributions. A span made of
several pieces is taken from its first to its last character.

The corpus is for research use: storyline reads a copy the user has; it ships none of it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import UsageError

__all__ = ["GoldAttribution", "PolnearDoc", "load_split", "parse_ann"]

Extent = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution event: its content, and its source and cue when annotated."""

    content: Extent
    source: Extent | None = None
    cue: Extent | None = None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def load_split(base: Path, split: str) -> list[PolnearDoc]:
    """The articles of ``base/split`` that have both a text and an annotation file."""
    meta = base / split / "metadata.tsv"
    if not meta.is_file():
        raise UsageError(
            f"no PolNeAR split at {base / split}", hint="expected metadata.tsv, text/, attributions/"
        )
    docs = []
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            annotator = sorted(row["annotators"].split("|"))[0]
            ann = base / split / "attributions" / f"{row['filename']}_{annotator}.ann"
            txt = base / split / "text" / f"{row['filename']}.txt"
            if ann.exists() and txt.exists():
                text = txt.read_text(encoding="utf-8")
                docs.append(PolnearDoc(row["filename"], text, parse_ann(ann.read_text(encoding="utf-8"))))
    return docs


def _extent(spec: str) -> Extent:
    pieces = [tuple(int(x) for x in part.split()) for part in spec.split(";")]
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """The attribution events of one brat ``.ann`` text (``T`` spans linked by ``E`` lines)."""
    spans: dict[str, Extent] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, spec = parts[1].partition(" ")
            spans[parts[0]] = _extent(spec)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is not None:
            out.append(
                GoldAttribution(content, spans.get(ev.get("Source", "")), spans.get(ev.get("Cue", "")))
            )
    return tuple(out)
