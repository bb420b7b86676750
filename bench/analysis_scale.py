"""Cost of per-story analysis as a story grows: entities, quotes, conflicts, summary, timeline.

    .venv/bin/python bench/analysis_scale.py [--copies 4 8 16 32]

The demo corpus is analysed into a temporary store once; its largest story (9 articles) is then
replicated K times (each replica's text gets a distinct closing line, so no two articles are
identical, and keeps the original's annotations), and the per-story analysis that
``storyline.refresh`` runs for a changed story is timed on the K x 9 articles, stage by stage, in
CPU seconds. Wire stories look like this: the same sentences and quotes carried by many outlets.
What matters is how each stage grows with the story: linear is fine, quadratic is not (a large
story at 100k articles holds about 1,500 articles).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline import analysis, nlp, pipeline
from storyline.demo import corpus_path
from storyline.records import Annotations, Article, Story, TimeExpr
from storyline.store import Store


def replicated(
    store: Store, k: int
) -> tuple[Story, list[Article], dict[str, Annotations], dict[str, tuple[TimeExpr, ...]]]:
    big = max(store.stories(), key=lambda s: len(s.articles))
    base = store.articles(big.articles)
    stored = store.annotations(big.articles)
    members: list[Article] = []
    ann: dict[str, Annotations] = {}
    times: dict[str, tuple[TimeExpr, ...]] = {}
    for n in range(k):
        for a in base:
            aid = f"{a.id}-{n}"
            members.append(
                replace(a, id=aid, text=f"{a.text}\n\nCorrection {n}: an earlier version misspelt a name.")
            )
            _version, t, notes = stored[a.id]
            ann[aid] = replace(
                notes, article=aid, quotes=tuple(replace(q, article=aid) for q in notes.quotes)
            )
            times[aid] = t
    return Story(big.id, big.title, tuple(m.id for m in members)), members, ann, times


def timed(
    story: Story, members: list[Article], ann: dict[str, Annotations], times: dict[str, tuple[TimeExpr, ...]]
) -> dict[str, float]:
    out: dict[str, float] = {}
    t = time.process_time()
    entities = nlp.link_entities(members, ann)
    out["entities"], t = time.process_time() - t, time.process_time()
    quotes = nlp.collect_quotes(members, ann, entities, [story])
    out["quotes"], t = time.process_time() - t, time.process_time()
    conflicts = analysis.find_conflicts(story, members, ann, quotes, entities, times=times)
    out["conflicts"], t = time.process_time() - t, time.process_time()
    analysis.summarize(story, members, quotes, conflicts, [])
    out["summary"], t = time.process_time() - t, time.process_time()
    analysis.build_timeline(story, members, times)
    out["timeline"] = time.process_time() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[4, 8, 16, 32])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "demo.db")) as store:
        pipeline.analyze([str(corpus_path())], store)
        print(
            f"{'articles':>8} "
            + " ".join(
                f"{s:>10}" for s in ("entities", "quotes", "conflicts", "summary", "timeline", "total")
            )
        )
        for k in args.copies:
            story, members, ann, times = replicated(store, k)
            cost = timed(story, members, ann, times)
            cells = " ".join(
                f"{cost[s]:10.2f}" for s in ("entities", "quotes", "conflicts", "summary", "timeline")
            )
            print(f"{len(members):8d} {cells} {sum(cost.values()):10.2f}", flush=True)


if __name__ == "__main__":
    main()
