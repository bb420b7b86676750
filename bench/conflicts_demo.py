"""Conflicts, timeline and summaries on the demo corpus, scored against its answer key.

    .venv/bin/python bench/conflicts_demo.py

The demo corpus (storyline/demo/corpus, synthetic, written by another team member with an answer
key in MANIFEST.md) was not used to write or tune the analysis heuristics. Stories are taken from
the answer key so that only the analysis stage is measured; everything before it (ingest, cleaning,
temporal tagging, NLP, copy detection) is the project's own code.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.records import Annotations, Article, Conflict, Story, TimeExpr


def answer_key(corpus: Path) -> dict[str, Any]:
    text = (corpus / "MANIFEST.md").read_text(encoding="utf-8")
    m = re.search(r"```json answer-key\n(.*?)\n```", text, re.S)
    if m is None:
        raise SystemExit("no answer key in MANIFEST.md")
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def load(corpus: Path) -> tuple[list[Article], dict[str, tuple[TimeExpr, ...]], dict[str, Annotations]]:
    from storyline.clean import clean, learn_recurring, source_key
    from storyline.demo import corpus_files
    from storyline.ingest import read_inputs
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.spacy_model import parse
    from storyline.records import RawDoc
    from storyline.temporal import tag_times

    raws = [r for r in read_inputs(str(p) for p in corpus_files()) if isinstance(r, RawDoc)]
    recurring = learn_recurring([r for r in raws if not r.is_html])
    articles = []
    for raw in raws:
        art = clean(raw, recurring.get(source_key(raw), frozenset()))
        articles.append(replace(art, id=Path(raw.path).name))
    times = {a.id: tag_times(a.text, a.published) for a in articles}
    annotations = {a.id: annotate_doc(a, parse(a.text)) for a in articles}
    return articles, times, annotations


def _who(c: Conflict) -> list[str]:
    return [x.attributed_to or "" for x in c.claims]


def _named(names: list[str], who: list[str]) -> bool:
    return any(n.split()[-1] in w for n in names for w in who)


def check_story(key: dict[str, Any], sid: str, found: tuple[Conflict, ...]) -> list[tuple[str, bool]]:
    want = key["conflicts"].get(sid, {})
    checks = []
    if "denial" in want:
        d = want["denial"]
        ok = any(
            c.kind == "denial" and _named(d["claimants"], _who(c)) and _named(d["deniers"], _who(c))
            for c in found
        )
        checks.append((f"{sid} denial ({', '.join(d['claimants'])} vs {', '.join(d['deniers'])})", ok))
    for what, figures in want.get("number", {}).items():
        if what.startswith("not_"):
            continue
        ok = any(
            c.kind == "number"
            and not c.compatible
            and sum(any(f in x.text for x in c.claims) for f in figures) >= 2
            for c in found
        )
        checks.append((f"{sid} number conflict on {what} ({' / '.join(figures)})", ok))
        for bad in want["number"].get(f"not_a_count_of_{what}", []):
            clean = not any(c.kind == "number" and any(bad in x.text for x in c.claims) for c in found)
            checks.append((f"{sid} '{bad}' kept out of the {what} conflict", clean))
    return checks


def main() -> int:
    from storyline.analysis import build_timeline, find_conflicts, summarize
    from storyline.copies import find_copies
    from storyline.demo import corpus_path
    from storyline.nlp import collect_quotes, link_entities

    corpus = corpus_path()
    if not (corpus / "MANIFEST.md").is_file():
        print(f"skipped: demo corpus not found at {corpus}")
        return 0
    key = answer_key(corpus)
    t0 = time.perf_counter()
    articles, times, annotations = load(corpus)
    copies = find_copies(articles)
    t1 = time.perf_counter()
    print(
        f"demo corpus: {len(articles)} articles prepared in {t1 - t0:.1f}s (ingest, clean, times, NLP, copies)"
    )
    passed = total = 0
    elapsed = 0.0
    for sid, members in key["stories"].items():
        story = Story(id=sid, title=sid, articles=tuple(members))
        arts = [a for a in articles if a.id in members]
        ann = {a.id: annotations[a.id] for a in arts}
        entities = link_entities(arts, ann)
        quotes = collect_quotes(arts, ann, entities, [story])
        s0 = time.perf_counter()
        found = find_conflicts(story, arts, ann, quotes, entities, times=times)
        timeline = build_timeline(story, arts, times)
        summary = summarize(story, arts, quotes, found, [g for g in copies if set(g.members) & set(members)])
        elapsed += time.perf_counter() - s0
        print(f"\nstory {sid}: {len(arts)} articles, {len(found)} conflicts")
        for c in found:
            print(f"  [{c.kind}{' compatible' if c.compatible else ''}] {c.summary}")
        for name, ok in check_story(key, sid, found):
            passed, total = passed + ok, total + 1
            print(f"  check: {name}: {'OK' if ok else 'MISSING'}")
        dates = {e.date for e in timeline}
        expected = key["timeline"].get(sid, [])
        hit = [d for d in expected if d in dates]
        print(f"  timeline: {len(timeline)} entries; expected dates found {len(hit)}/{len(expected)}", end="")
        print(f" (missing: {', '.join(d for d in expected if d not in dates) or 'none'})")
        for e in timeline:
            print(f"      {e.date}{' (announced)' if e.announced else ''} [{len(e.articles)}] {e.text[:110]}")
        print(f"  summary: {len(summary.sentences)} sentences")
        for s in summary.sentences:
            print(f"      [{', '.join(a.split('_')[0] for a in s.articles)}] {s.text[:140]}")
    print(
        f"\nconflict checks passed: {passed}/{total}; analysis time {elapsed:.2f}s for 3 stories (after NLP)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
