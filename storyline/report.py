"""The JSON report (contract "storyline.report/1", see docs/report-format.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from storyline.records import Article, CopyGroup, Entity, ErrorRecord, Quote, Story, to_dict
from storyline.store import Store

SCHEMA = "storyline.report/1"


def article_dict(
    article: Article, times: Sequence[Any], copy_of: str | None = None, story: str | None = None
) -> dict[str, Any]:
    d: dict[str, Any] = to_dict(article)
    d.pop("content_hash", None)
    d["times"] = [to_dict(t) for t in times]
    d["copy_of"] = copy_of
    d["story"] = story
    return d


def build_report(store: Store, article_ids: Sequence[str], errors: Sequence[ErrorRecord]) -> dict[str, Any]:
    """The report for the articles ``article_ids`` and every result that involves them."""
    ids = list(dict.fromkeys(article_ids))
    wanted = set(ids)
    articles = store.articles(ids)
    ann = store.annotations(ids)
    copies: list[CopyGroup] = [g for g in store.derived("copy") if wanted & set(g.members)]
    copy_of = {m: g.canonical for g in copies for m in g.members if m != g.canonical}
    stories: list[Story] = [s for s in store.stories() if wanted & set(s.articles)]
    story_ids = {s.id for s in stories}
    story_of = {a: s.id for s in stories for a in s.articles}
    storyline_ids = {s.storyline for s in stories if s.storyline}
    quotes: list[Quote] = [q for q in store.derived("quote") if any(m.article in wanted for m in q.mentions)]
    return {
        "schema": SCHEMA,
        "articles": [
            article_dict(a, ann[a.id][1] if a.id in ann else (), copy_of.get(a.id), story_of.get(a.id))
            for a in articles
        ],
        "copies": [_copy_dict(g) for g in copies],
        "stories": [to_dict(s) for s in stories],
        "storylines": [to_dict(s) for s in store.derived("storyline") if s.id in storyline_ids],
        "entities": [to_dict(e) for e in merge_entities(store.derived("entity")) if wanted & set(e.articles)],
        "quotes": [to_dict(q) for q in quotes],
        "timeline": [to_dict(t) for t in store.derived("timeline") if t.story in story_ids],
        "conflicts": [to_dict(c) for c in store.derived("conflict") if c.story in story_ids],
        "summaries": [to_dict(s) for s in store.derived("summary") if s.story in story_ids],
        "errors": [to_dict(e) for e in errors],
    }


def merge_entities(entities: Sequence[Entity]) -> list[Entity]:
    """One entity per id across stories: aliases, articles and roles united."""
    merged: dict[str, Entity] = {}
    for e in entities:
        m = merged.get(e.id)
        if m is None:
            merged[e.id] = e
            continue
        merged[e.id] = replace(
            m,
            aliases=tuple(dict.fromkeys(m.aliases + e.aliases)),
            articles=tuple(dict.fromkeys(m.articles + e.articles)),
            roles=tuple(dict.fromkeys(m.roles + e.roles)),
        )
    return list(merged.values())


def _copy_dict(group: CopyGroup) -> dict[str, Any]:
    return to_dict(group)  # type: ignore[no-any-return]
