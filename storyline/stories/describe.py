"""Turn the index's clusters into Story and Storyline records: titles, dates, outlets, terms, reasons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storyline.lazy import LazyMap
from storyline.records import Story, Storyline
from storyline.stories.clusters import Cluster
from storyline.stories.info import ArticleInfo
from storyline.stories.storylines import link_stories
from storyline.stories.vectors import top_terms
from storyline.text import short_id

if TYPE_CHECKING:
    from storyline.stories.index import StoryIndex

__all__ = ["StoryUpdate", "build_stories", "display_terms", "explain", "update_stories"]

_SHOWN_SHARED = 5
_STORY_TERMS = 8


def explain(vector: Mapping[str, float], cluster: Cluster, info: ArticleInfo, sim: float, size: int) -> str:
    """Why an article belongs: the heaviest terms it shares with the rest of its story, and similarity."""
    if size <= 1:
        return "only article of this story so far"
    shared = [k for k, w in vector.items() if cluster.centroid.get(k, 0.0) - w > 1e-6]
    shared.sort(key=lambda k: (k[0] != "e", -vector[k] * (cluster.centroid[k] - vector[k]), k))
    names = display_terms(shared, info.names, _SHOWN_SHARED)
    shares = f"shares {', '.join(names)}; " if names else ""
    return f"{shares}similarity {sim:.2f} to the story centroid"


def display_terms(keys: Sequence[str], names: Mapping[str, str], n: int) -> list[str]:
    """Readable forms of field-prefixed terms, without repeats (case-insensitive)."""
    out: list[str] = []
    seen: set[str] = set()
    for key in keys:
        term = key[2:]
        text = term[1:] if key[0] == "n" else names.get(term, term.replace("_", " "))
        if text.casefold() in seen or any(text.casefold() in s.split() for s in seen):
            continue
        seen.add(text.casefold())
        out.append(text)
        if len(out) == n:
            break
    return out


def _date_key(info: ArticleInfo) -> tuple[bool, str, str]:
    return (info.published is None, info.published or "", info.id)


def _story(index: StoryIndex, cluster: Cluster, storyline: str | None, copy_rep: Mapping[str, str]) -> Story:
    infos = index.infos
    members = [m for rep in cluster.reps for m in (rep, *index.copies_of.get(rep, ()))]
    ordered = sorted((infos[m] for m in members), key=_date_key)
    dates = [i.published for i in ordered if i.published]
    best = max((infos[r] for r in cluster.reps), key=lambda i: (i.similarity, -len(i.title), i.id))
    names: dict[str, str] = {}
    for rep in cluster.reps:
        for key, value in infos[rep].names.items():
            names.setdefault(key, value)
    keys = top_terms(cluster.centroid, "e", _STORY_TERMS) + top_terms(cluster.centroid, "tb", _STORY_TERMS)
    return Story(
        id=cluster.id,
        title=best.title,
        articles=tuple(i.id for i in ordered),
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
        storyline=storyline,
        outlets=tuple(sorted({i.source for i in ordered if i.source})),
        terms=tuple(display_terms(keys, names, _STORY_TERMS)),
        explanations=tuple(
            (i.id, i.note or (f"copy of {copy_rep[i.id]}; counted once" if i.id in copy_rep else ""))
            for i in ordered
        ),
    )


def _reuse(old: Story | None, index: StoryIndex, cluster: Cluster, storyline: str | None) -> Story | None:
    """The previous record of a story whose members did not change (its title, dates, outlets and
    explanations depend on nothing else), so a read after a small addition rebuilds only what changed."""
    if old is None:
        return None
    members = {m for rep in cluster.reps for m in (rep, *index.copies_of.get(rep, ()))}
    if len(old.articles) != len(members) or not members.issuperset(old.articles):
        return None
    return old if old.storyline == storyline else replace(old, storyline=storyline)


def build_stories(
    index: StoryIndex, previous: Sequence[Story]
) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
    """Stories ordered by first date, and storylines whose ids persist through ``previous``/the index."""
    earlier = {s.id: s.storyline for s in previous if s.storyline} | index.storyline_of
    groups, line_of = _link(index, earlier)
    copy_rep = {m: rep for rep, others in index.copies_of.items() for m in others}
    before = {s.id: s for s in previous}
    stories = sorted(
        (_reuse(before.get(c.id), index, c, line_of.get(c.id)) or _story(index, c, line_of.get(c.id), copy_rep)
         for c in index.clusters.values()),
        key=lambda s: (s.first is None, s.first or "", s.id),
    )  # fmt: skip
    return tuple(stories), _storylines(stories, groups, line_of)


def _link(index: StoryIndex, earlier: Mapping[str, str]) -> tuple[list[list[str]], dict[str, str]]:
    """Storyline groups (re-linking the dirty clusters) and their ids, kept from ``earlier`` by vote."""
    groups = link_stories(index.clusters, index.postings, index.params, index.links, index.dirty)
    index.dirty.clear()
    line_of: dict[str, str] = {}
    used: set[str] = set()
    for group in groups:
        votes = Counter(earlier[c] for c in group if c in earlier and earlier[c] not in used)
        line_id = votes.most_common(1)[0][0] if votes else "l" + short_id(*group[:1])
        used.add(line_id)
        line_of.update(dict.fromkeys(group, line_id))
    index.storyline_of = dict(line_of)
    return groups, line_of


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What changed since the index was last read: the records of every story that may have
    changed (rebuilt, or the stored record when its members did not change), the ids of stories
    that no longer exist, and the storylines that are new or changed or gone."""

    stories: tuple[Story, ...]
    gone: tuple[str, ...]
    storylines: tuple[Storyline, ...]
    gone_storylines: tuple[str, ...]


def update_stories(index: StoryIndex, stored: Callable[[Iterable[str]], Mapping[str, Story]]) -> StoryUpdate:
    """The same records as :func:`build_stories` with every stored story as ``previous``, for the
    stories that can have changed only: those whose centroid or members changed (``index.dirty``),
    whose representatives gained copies, or whose storyline changed. ``stored`` reads stored
    stories by id; ``index.storyline_of`` must be the one saved with them."""
    old_line_of = dict(index.storyline_of)
    dirty = set(index.dirty)
    copies = index.copies_of.changed() if isinstance(index.copies_of, LazyMap) else set(index.copies_of)
    groups, line_of = _link(index, old_line_of)
    relined = {c for c in {*line_of, *old_line_of} if line_of.get(c) != old_line_of.get(c)}
    maybe = dirty | relined | {index.cluster_of[rep] for rep in copies if rep in index.cluster_of}
    alive = sorted(c for c in maybe if c in index.clusters)
    before = stored(alive)
    copy_rep = {m: rep for c in alive for rep in index.clusters[c].reps for m in index.copies_of.get(rep, ())}
    built = {}
    for cid in alive:
        cluster, line = index.clusters[cid], line_of.get(cid)
        built[cid] = _reuse(before.get(cid), index, cluster, line) or _story(index, cluster, line, copy_rep)
    members: dict[str, set[str]] = {}
    for cid, line in old_line_of.items():
        members.setdefault(line, set()).add(cid)
    affected = [g for g in groups if built.keys() & set(g) or members.get(line_of[g[0]]) != set(g)]
    others = stored({c for g in affected for c in g} - built.keys())
    lines = _storylines([*built.values(), *others.values()], affected, line_of)
    stories = sorted(built.values(), key=lambda s: (s.first is None, s.first or "", s.id))
    return StoryUpdate(
        stories=tuple(stories),
        gone=tuple(sorted(c for c in maybe if c not in index.clusters)),
        storylines=lines,
        gone_storylines=tuple(sorted(set(old_line_of.values()) - set(line_of.values()))),
    )


def _storylines(
    stories: Sequence[Story], groups: Sequence[Sequence[str]], line_of: Mapping[str, str]
) -> tuple[Storyline, ...]:
    by_id = {s.id: s for s in stories}
    lines = []
    for group in groups:
        members = sorted((by_id[c] for c in group), key=lambda s: (s.first is None, s.first or "", s.id))
        biggest = max(members, key=lambda s: (len(s.articles), s.last or "", s.id))
        lines.append(
            Storyline(id=line_of[group[0]], title=biggest.title, stories=tuple(s.id for s in members))
        )
    return tuple(sorted(lines, key=lambda line: line.id))
