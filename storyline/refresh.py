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
from storyline.store import Store, indexes

Progress = Callable[[str, int, int | None], None]
ANALYSIS_STATE = "analysis.version"
# the indexes as whole blobs, as stores before migration 0002 kept them: read once, then saved as rows
LEGACY_COPY_STATE = "copies.index"
LEGACY_STORY_STATE = "stories.index"
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
    stored_ids = store.article_ids()
    new_ids = [i for i in stored_ids if i not in cindex]
    for n, chunk in enumerate(_chunks(new_ids, CHUNK)):
        progress("copies", n * CHUNK + len(chunk), len(new_ids))
        cindex.add(store.articles(chunk))
    sindex, fresh_index = _story_index(store, full)
    whole = full or fresh_index  # every story is placed again and compared with the stored ones
    groups = cindex.groups() if whole else _groups_of(cindex, new_ids)
    dirty |= set(new_ids) | _infer_published(store, groups)
    unplaced = [i for i in stored_ids if i not in sindex.infos]
    for n, chunk in enumerate(_chunks(unplaced, CHUNK)):
        progress("stories", n * CHUNK + len(chunk), len(unplaced))
        sindex.add(store.articles(chunk), groups)
    version = analysis_version().encode()
    redo = full or store.get_state(ANALYSIS_STATE) != version  # analysis code changed: every story
    if whole:
        previous = store.stories()
        if fresh_index and previous:
            sindex.adopt_ids(previous)
        built, storylines = sindex.stories(previous)
        story_list = list(built)
        stored = {s.id: s for s in previous}
        vanished = set(stored) - {s.id for s in story_list}
        gone_lines = store.derived_ids("storyline") - {line.id for line in storylines}
        candidates: Sequence[Story] = story_list
    else:
        update = stories.update_stories(sindex, store.stories_by_id)
        story_list, storylines, vanished = list(update.stories), update.storylines, set(update.gone)
        gone_lines = set(update.gone_storylines)
        stored = store.stories_by_id([s.id for s in story_list])
        rebuilt = {s.id for s in story_list}
        kept = store.story_ids_of(dirty) - rebuilt - vanished  # unchanged stories with re-read articles
        candidates = story_list + list(store.stories_by_id(kept).values())
        if redo:
            candidates = story_list + [s for s in store.stories() if s.id not in rebuilt | vanished]
    before = {s.id: set(s.articles) for s in stored.values()}
    todo = [s for s in candidates if redo or before.get(s.id) != set(s.articles) or dirty & set(s.articles)]
    results = []
    for n, story in enumerate(todo, 1):
        results.append(analyze_story(store, story, _related(cindex, story, groups if whole else None)))
        progress("analysing stories", n, len(todo))
    copy_changes = cindex.changes()
    if copy_changes.everything:
        changed_groups, gone_groups = cindex.groups(), store.derived_ids("copy") - {g.id for g in groups}
    else:
        changed_groups, gone_groups = copy_changes.changed_groups, set(copy_changes.gone_groups)
    with store.transaction() as c:
        changed = [s for s in story_list if stored.get(s.id) != s]
        per_story = {r.story: r.rows for r in results}
        store.write_results(
            c, changed, storylines, changed_groups, per_story, vanished,
            gone_storylines=gone_lines, gone_copies=gone_groups,
        )  # fmt: skip
        indexes.write_copies(c, copy_changes)
        indexes.write_stories(c, stories.persist.changes(sindex))
        store.put_state(c, ANALYSIS_STATE, version)
        c.execute("DELETE FROM state WHERE name IN (?, ?)", (LEGACY_COPY_STATE, LEGACY_STORY_STATE))


def _groups_of(cindex: copies.CopyIndex, ids: Iterable[str]) -> list[CopyGroup]:
    """The copy groups holding any of ``ids``, by id."""
    found = {g.id: g for i in ids if (g := cindex.group_of(i)) is not None}
    return [found[k] for k in sorted(found)]


def _related(cindex: copies.CopyIndex, story: Story, groups: Sequence[CopyGroup] | None) -> list[CopyGroup]:
    if groups is not None:
        return list(groups)
    return _groups_of(cindex, story.articles)


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
    conflicts = analysis.find_conflicts(story, members, nlp_ann, quotes, entities, times=times)
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

    source = None if full else indexes.copy_source(store.conn)
    if source is not None:
        return copies.CopyIndex.restore(source, loader=loader)
    legacy = None if full else store.get_state(LEGACY_COPY_STATE)
    if legacy is not None:
        try:
            return copies.CopyIndex.from_bytes(legacy, loader=loader)
        except StoreError:
            pass
    return copies.CopyIndex(loader=loader)  # none stored, or in another format: rebuild


def _story_index(store: Store, full: bool) -> tuple[stories.StoryIndex, bool]:
    source = None if full else indexes.story_source(store.conn)
    if source is not None:
        try:
            return stories.persist.open_index(source), False
        except StoreError:
            pass
    legacy = None if full or source is not None else store.get_state(LEGACY_STORY_STATE)
    if legacy is not None:
        try:
            return stories.StoryIndex.from_bytes(legacy), False
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
