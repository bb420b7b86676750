"""The same quote across outlets becomes one Quote with all its mentions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.nlp import collect_quotes, format_quotes
from storyline.nlp.matching import same_quote
from storyline.records import Annotations, Article, Entity, QuoteMention, Story

FIXTURES = Path(__file__).parent / "fixtures" / "nlp"


def m(article: str, text: str, speaker: str | None = "Tomas Brekke", kind: str = "direct") -> QuoteMention:
    return QuoteMention(article=article, start=0, end=len(text), text=text, kind=kind, speaker=speaker)  # type: ignore[arg-type]


BASE = "The cranes are unsafe and the harbour will stay closed until May"


@pytest.mark.parametrize(
    "other",
    [
        BASE,
        "The cranes are unsafe, and the harbour will stay closed until May.",
        "the cranes are unsafe and the harbour will stay closed",
        "The cranes are not safe and the harbour will stay closed until May",
    ],
    ids=["exact", "punctuation", "truncated", "reworded"],
)
def test_same_quote_variants(other: str) -> None:
    assert same_quote(m("a", BASE), m("b", other))


def test_different_quotes_differ() -> None:
    assert not same_quote(m("a", BASE), m("b", "Fishing quotas will be cut by a third next year"))


def test_conflicting_speakers_do_not_match() -> None:
    assert not same_quote(m("a", BASE), m("b", BASE, speaker="Anna Holm"))


def test_unknown_speaker_matches_known() -> None:
    assert same_quote(m("a", BASE), m("b", BASE, speaker=None))


def test_nested_reported_speech_in_one_article_is_not_merged() -> None:
    outer = "the ports would reopen after the cranes are repaired next spring"
    assert not same_quote(
        m("a", outer, kind="indirect"), m("a", "the cranes are repaired next spring", kind="indirect")
    )


def _articles() -> tuple[list[Article], dict[str, Annotations]]:
    data = json.loads((FIXTURES / "quote_carriers.json").read_text(encoding="utf-8"))
    arts, anns = [], {}
    for item in data:
        art = Article(
            id=item["id"],
            path=item["id"],
            title="t",
            text=item["text"],
            content_hash=item["id"],
            published=item["published"],
        )
        quotes = []
        for q in item["quotes"]:
            start = art.text.index(q["text"])
            quotes.append(
                QuoteMention(
                    article=art.id,
                    start=start,
                    end=start + len(q["text"]),
                    text=q["text"],
                    kind=q["kind"],
                    speaker_text=q["speaker_text"],
                    speaker=q["speaker"],
                    cue="said",
                )
            )
        arts.append(art)
        anns[art.id] = Annotations(article=art.id, quotes=tuple(quotes))
    return arts, anns


ENTITIES = (
    Entity(id="e1", name="Tomas Brekke", type="PERSON", aliases=("Brekke",), roles=("Harbour spokesman",)),
    Entity(
        id="e2", name="Marta Lindqvist", type="PERSON", aliases=("Lindqvist",), roles=("Eastland President",)
    ),
)


def test_collect_quotes_groups_carriers_and_finds_first() -> None:
    arts, anns = _articles()
    story = Story(id="s1", title="Harbour", articles=tuple(a.id for a in arts))
    quotes = collect_quotes(arts, anns, ENTITIES, [story])
    cranes = [q for q in quotes if "cranes" in q.text]
    assert len(cranes) == 1
    q = cranes[0]
    assert sorted(x.article for x in q.mentions) == ["late", "reprint", "wire"]
    assert q.first_article == "wire"  # earliest published, though listed second
    assert q.speaker == "Tomas Brekke"  # "Brekke" canonicalised through the entities
    assert q.story == "s1"
    assert q.kind == "direct"


def test_collect_quotes_resolves_role_noun_through_story_entities() -> None:
    arts, anns = _articles()
    quotes = collect_quotes(arts, anns, ENTITIES, [])
    president = [q for q in quotes if "tariffs" in q.text]
    assert [q.speaker for q in president] == ["Marta Lindqvist"]
    assert president[0].story is None


def test_quote_ids_are_stable_and_content_derived() -> None:
    arts, anns = _articles()
    first = collect_quotes(arts, anns, ENTITIES, [])
    again = collect_quotes(list(reversed(arts)), anns, ENTITIES, [])
    assert {q.id for q in first} == {q.id for q in again}
    assert len({q.id for q in first}) == len(first)


def test_format_quotes_filters_by_speaker() -> None:
    arts, anns = _articles()
    story = Story(id="s1", title="Harbour", articles=tuple(a.id for a in arts))
    out = format_quotes(collect_quotes(arts, anns, ENTITIES, [story]), speaker="brekke")
    assert out.startswith("story s1")
    assert "Tomas Brekke [direct]" in out
    assert "Lindqvist" not in out


def _carrier(aid: str, published: str, speaker: str) -> tuple[Article, Annotations]:
    text = f"“{BASE},” said {speaker}."
    art = Article(id=aid, path=aid, title="t", text=text, content_hash=aid, published=published)
    mention = QuoteMention(aid, 1, 1 + len(BASE), BASE, "direct", speaker_text=speaker, speaker=speaker)
    return art, Annotations(article=aid, entities=(), quotes=(mention,))


@pytest.mark.parametrize(
    "other", ["Harbour Authority", "Tomas Brekke and Marta Lindqvist", "Tomas Brekke’s office"]
)
def test_person_and_the_institution_or_pair_they_belong_to_are_one_quote(other: str) -> None:
    brekke = Entity(
        id="e1", name="Tomas Brekke", type="PERSON", aliases=(), roles=("Harbour Authority spokesman",)
    )
    (a, ann_a), (b, ann_b) = _carrier("a", "2031-03-01", other), _carrier("b", "2031-03-02", "Tomas Brekke")
    quotes = collect_quotes([a, b], {"a": ann_a, "b": ann_b}, [brekke], [])
    assert len(quotes) == 1
    assert quotes[0].speaker == "Tomas Brekke"  # the person, over the institution or the pair
    assert quotes[0].first_article == "a"


def test_person_and_an_unrelated_institution_stay_apart() -> None:
    brekke = Entity(id="e1", name="Tomas Brekke", type="PERSON", aliases=(), roles=("Harbour spokesman",))
    (a, ann_a), (b, ann_b) = (
        _carrier("a", "2031-03-01", "Fisheries Board"),
        _carrier("b", "2031-03-02", "Tomas Brekke"),
    )
    assert len(collect_quotes([a, b], {"a": ann_a, "b": ann_b}, [brekke], [])) == 2


def test_each_member_of_a_pair_of_speakers_is_canonicalised() -> None:
    (a, ann) = _carrier("a", "2031-03-01", "Brekke and Lindqvist")
    quotes = collect_quotes([a], {"a": ann}, ENTITIES, [])
    assert [q.speaker for q in quotes] == ["Tomas Brekke and Marta Lindqvist"]


def test_a_quote_split_around_its_attribution_is_one_quote_across_outlets() -> None:
    from storyline.nlp import annotate, link_entities

    first = (
        "Harbour master Tomas Brekke spoke after the inspection. "
        "“The cranes,” he said, “were built for lighter ships, not for these.” "
        "“We are closing the quay,” Brekke said. “It will reopen in May.”"
    )
    second = (
        "Tomas Brekke was blunt. “The cranes,” Brekke said, “were built for lighter ships, not for these.”"
    )
    arts = [Article(id=a, path=a, title=a, text=t, content_hash=a) for a, t in (("a", first), ("b", second))]
    ann = {a.id: annotate(a) for a in arts}
    quotes = collect_quotes(arts, ann, link_entities(arts, ann), [Story("s", "t", ("a", "b"))])
    cranes = [q for q in quotes if "cranes" in q.text]
    assert len(cranes) == 1
    assert cranes[0].text == "The cranes … were built for lighter ships, not for these."
    assert cranes[0].speaker == "Tomas Brekke"
    assert sorted(m.article for m in cranes[0].mentions) == ["a", "b"]
    mention = next(m for m in cranes[0].mentions if m.article == "a")
    assert first[mention.start : mention.end].startswith("The cranes,” he said, “were built")
    # a quote that goes on after the attribution has ended its sentence stays two quotes
    assert {q.text for q in quotes if q.mentions[0].article == "a"} >= {
        "We are closing the quay",
        "It will reopen in May.",
    }


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ('"The dam is safe," said Mr. Brekke, "and it will hold through the spring."', 1),
        ("“The dam is safe,” Dr. Marta Lindqvist of the U.S. Army said, “and it will hold.”", 1),
        ("“The dam is safe,” said Gov. Marta Lindqvist. “It will hold through the spring.”", 2),
        ("“The dam is safe,” said an engineer from the U.S. “It will hold through the spring.”", 2),
    ],
)
def test_an_abbreviation_in_the_attribution_does_not_split_a_quote(text: str, pieces: int) -> None:
    from storyline.nlp import annotate
    from storyline.nlp.matching import clean_quote_text, join_split, quote_content

    ann = annotate(Article(id="a", path="a", title="t", text=text, content_hash="a"))
    assert len([m for m in ann.quotes if m.kind == "direct"]) == 2
    joined = join_split(ann.quotes, text)
    assert len(joined) == pieces
    if pieces == 1:
        assert clean_quote_text(quote_content(joined[0])).startswith("The dam is safe … and it will hold")
