"""The seed story for the analysis benchmarks: the four seed articles about the Macron–Putin talks.

Read at run time from ../shared/seeds (override with STORYLINE_SEEDS); their text never enters the
repository. Articles go through the project's own ingest and cleaner, then temporal tagging, NLP
annotation, entity linking and quote matching, exactly as ``storyline analyze`` would.

The seeds carry no publication date except 004's page stamp; the dates below were read off the
articles' own context (talks "on Monday" 7 Feb; 003 written that Monday, the others on Tuesday 8 Feb)
and are supplied only when the cleaner finds none. 002 is a different story and is left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.records import Annotations, Article, Entity, Quote, Story, TimeExpr

REPO = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("STORYLINE_SEEDS", REPO.parent / "shared" / "seeds"))
STORY = ("000", "001", "003", "004")
PUBLISHED = {"000": "2022-02-08", "001": "2022-02-08", "003": "2022-02-07", "004": "2022-02-08"}


@dataclass
class SeedStory:
    story: Story
    articles: list[Article]
    times: dict[str, tuple[TimeExpr, ...]]
    annotations: dict[str, Annotations]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]


def available() -> bool:
    return SEEDS.is_dir() and all(any(SEEDS.glob(f"{k}_*.txt")) for k in STORY)


def load_articles() -> list[Article]:
    from storyline.clean import clean
    from storyline.ingest import read_inputs
    from storyline.records import RawDoc

    paths = [str(next(SEEDS.glob(f"{k}_*.txt"))) for k in STORY]
    out = []
    for raw, key in zip(read_inputs(paths), STORY, strict=True):
        if not isinstance(raw, RawDoc):
            raise SystemExit(f"cannot read seed {key}: {raw.reason}")
        art = clean(raw)
        out.append(replace(art, id=key, published=art.published or PUBLISHED[key]))
    return out


def load() -> SeedStory:
    from storyline import nlp
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.spacy_model import parse
    from storyline.temporal import tag_times

    articles = load_articles()
    story = Story(id="seeds", title=articles[0].title, articles=STORY)
    times = {a.id: tag_times(a.text, a.published) for a in articles}
    annotations = {a.id: annotate_doc(a, parse(a.text)) for a in articles}
    entities = nlp.link_entities(articles, annotations)
    quotes = nlp.collect_quotes(articles, annotations, entities, [story])
    return SeedStory(story, articles, times, annotations, entities, quotes)
