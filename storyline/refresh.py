"""Corpus-level stages, incrementally.

The copy index and the story index persist in the store, so a run only fingerprints and places
the articles they have not seen. Per-story analysis (entities, quotes, timeline, conflicts,
summary) is recomputed only for stories whose membership or members changed. Results are written
in one transaction: a run killed midway leaves the previous results in place, and the next run
catches up from the articles in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline import analysis, copies, nlp, stories, temporal
from storyline.errors import StoreError
from storyline.pipeline import BATCH, annotation_version, safe_annotate
from storyline.records import Article, CopyGroup, Story
from storyline.store import Store

Progress = Callable[[str, int, int | None], None]
COPY_STATE = "copies.index"
STORY_STATE = "stories.index"
ANALYSIS_STATE = "analysis.version"
CHUNK = 2000


@dataclass(frozen=True, slots=True)
class StoryResults:
    """Everything derived for one story."""

    story: str
    rows: dict[str, Sequence[Any]]


def refresh(store: Store, *, progress: Progress, full: bool = False) -> None:
    """Update copies, stories and per-story results for articles the indexes have not seen."""
    dirty = _refresh_annotations(store, progress)
    cindex = _copy_index(store, full)
    full = full or len(cindex) == 0  # copy groups rebuilt (new index format): place stories afresh
    new_ids = [i for i in store.article_ids() if i not in cindex]
    for n, chunk in enumerate(_chunks(new_ids, CHUNK)):
        progress("copies", n * CHUNK + len(chunk), len(new_ids))
        cindex.add(store.articles(chunk))
    groups = cindex.groups()
    dirty |= set(new_ids) | _infer_published(store, groups)
    previous = store.stories()
    sindex, fresh_index = _story_index(store, full)
    unplaced = [i for i in store.article_ids() if i not in sindex.infos]
    for n, chunk in enumerate(_chunks(unplaced, CHUNK)):
        progress("stories", n * CHUNK + len(chunk), len(unplaced))
        sindex.add(store.articles(chunk), groups)
    if fresh_index and previous:
        sindex.adopt_ids(previous)
    story_list, storylines = sindex.stories(previous)
    before = {s.id: set(s.articles) for s in previous}
    version = analysis_version().encode()
    full = full or store.get_state(ANALYSIS_STATE) != version  # analysis code changed: redo every story
    todo = [s for s in story_list if full or before.get(s.id) != set(s.articles) or dirty & set(s.articles)]
    results = []
    for n, story in enumerate(todo, 1):
        results.append(analyze_story(store, story, groups))
        progress("analysing stories", n, len(todo))
    vanished = set(before) - {s.id for s in story_list}
    with store.transaction() as c:
        stored = {s.id: s for s in previous}
        changed = [s for s in story_list if stored.get(s.id) != s]
        store.write_results(c, changed, storylines, groups, {r.story: r.rows for r in results}, vanished)
        store.put_state(c, COPY_STATE, cindex.to_bytes())
        store.put_state(c, STORY_STATE, sindex.to_bytes())
        store.put_state(c, ANALYSIS_STATE, version)


def analysis_version() -> str:
    """Stored per-story results are recomputed when the analysis or NLP stage's VERSION changes."""
    return f"analysis:{getattr(analysis, 'VERSION', '0')}+nlp:{getattr(nlp, 'VERSION', '0')}"


def analyze_story(store: Store, story: Story, groups: Sequence[CopyGroup]) -> StoryResults:
    """Entities, quotes, timeline, conflicts and summary of one story."""
    members = store.articles(story.articles)
    ann = store.annotations(story.articles)
    times = {aid: t for aid, (_v, t, _n) in ann.items()}
    nlp_ann = {aid: n for aid, (_v, _t, n) in ann.items()}
    entities = nlp.link_entities(members, nlp_ann)
    quotes = tuple(
        replace(q, story=story.id) for q in nlp.collect_quotes(members, nlp_ann, entities, [story])
    )
    conflicts = analysis.find_conflicts(story, members, nlp_ann, quotes, entities)
    ids = set(story.articles)
    related = [g for g in groups if ids & set(g.members)]
    summary = analysis.summarize(story, members, quotes, conflicts, related) if len(members) > 1 else None
    return StoryResults(
        story.id,
        {
            "entity": entities,
            "quote": quotes,
            "timeline": analysis.build_timeline(story, members, times),
            "conflict": conflicts,
            "summary": (summary,) if summary and summary.sentences else (),
        },
    )


def _copy_index(store: Store, full: bool) -> copies.CopyIndex:
    def loader(ids: Sequence[str]) -> Mapping[str, Article]:
        return {a.id: a for a in store.articles(ids)}

    data = None if full else store.get_state(COPY_STATE)
    if data is not None:
        try:
            return copies.CopyIndex.from_bytes(data, loader=loader)
        except StoreError:
            pass  # unreadable or from another version: rebuild from the articles
    return copies.CopyIndex(loader=loader)


def _story_index(store: Store, full: bool) -> tuple[stories.StoryIndex, bool]:
    data = None if full else store.get_state(STORY_STATE)
    if data is not None:
        try:
            return stories.StoryIndex.from_bytes(data), False
        except StoreError:
            pass
    return stories.StoryIndex(), True


def _refresh_annotations(store: Store, progress: Progress) -> set[str]:
    """Re-annotate articles whose cached annotations are missing or from an older stage version."""
    version = annotation_version()
    stale = store.stale_annotation_ids(version)
    for start in range(0, len(stale), BATCH):
        chunk = store.articles(stale[start : start + BATCH])
        done = [(a, safe_annotate(a)[0]) for a in chunk]
        with store.transaction() as c:
            for a, (times, ann) in done:
                store.put_annotations(c, a.id, version, times, ann)
        progress("annotating", start + len(chunk), len(stale))
    return set(stale)


def _infer_published(store: Store, groups: Iterable[CopyGroup]) -> set[str]:
    """Undated articles take the date of a dated copy or version of the same article (inferred)."""
    members = {m for g in groups for m in g.members}
    dates = store.published_of(members)
    updates: dict[str, str] = {}
    for g in groups:
        stated = sorted(d[0] for m in g.members if (d := dates.get(m)) and d[0] and not d[1])
        if not stated:
            continue
        for m in g.members:
            current = dates.get(m)
            if current is not None and (current[0] is None or current[1]) and current[0] != stated[0]:
                updates[m] = stated[0]
    if not updates:
        return set()
    version = annotation_version()
    cached = store.annotations(updates)
    with store.transaction() as c:
        for a in store.articles(updates):
            date = updates[a.id]
            store.set_published(c, a.id, date, inferred=True)
            dated = replace(a, published=date, published_inferred=True)
            ann = cached[a.id][2] if a.id in cached else safe_annotate(dated)[0][1]
            store.put_annotations(c, a.id, version, temporal.tag_times(dated.text, date), ann)
    return set(updates)


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
