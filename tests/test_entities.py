"""Entity mentions and canonical entities across articles."""

from __future__ import annotations

from storyline.nlp import link_entities
from storyline.nlp.entities import role_matches
from storyline.nlp.linking import role_before
from storyline.records import Annotations, Article, EntityMention
from storyline.text import short_id


def article(aid: str, text: str) -> Article:
    return Article(id=aid, path=f"{aid}.txt", title=aid, text=text, content_hash=aid)


def mentions_of(text: str, names: list[tuple[str, str]]) -> tuple[EntityMention, ...]:
    out = []
    for name, label in names:
        start = text.index(name)
        out.append(EntityMention(start, start + len(name), name, label))
    return tuple(out)


def link(*docs: tuple[str, str, list[tuple[str, str]]]):  # type: ignore[no-untyped-def]
    arts = [article(aid, text) for aid, text, _ in docs]
    anns = {aid: Annotations(aid, mentions_of(text, names)) for aid, text, names in docs}
    return link_entities(arts, anns)


def test_full_name_and_surname_merge_with_role_kept() -> None:
    text = "Harbour spokesman Tomas Brekke spoke. Later Brekke left."
    (e,) = link(("a", text, [("Tomas Brekke", "PERSON"), ("Brekke", "PERSON")]))
    assert e.name == "Tomas Brekke"
    assert "Brekke" in e.aliases
    assert e.roles == ("Harbour spokesman",)
    assert "Harbour spokesman Tomas Brekke" in e.aliases


def test_spelling_variants_merge_across_articles() -> None:
    ents = link(
        (
            "a",
            "Mykola Kovalenkov said so. Kovalenkov smiled.",
            [("Mykola Kovalenkov", "PERSON"), ("Kovalenkov", "PERSON")],
        ),
        ("b", "Mykola Kovalenkow arrived.", [("Mykola Kovalenkow", "PERSON")]),
        ("c", "Kovalenkov waved.", [("Kovalenkov", "PERSON")]),
    )
    assert len(ents) == 1
    assert ents[0].name == "Mykola Kovalenkov"
    assert ents[0].articles == ("a", "b", "c")


def test_same_surname_different_people_stay_apart() -> None:
    ents = link(
        ("a", "Anna Holm and Peter Holm met.", [("Anna Holm", "PERSON"), ("Peter Holm", "PERSON")]),
    )
    assert sorted(e.name for e in ents) == ["Anna Holm", "Peter Holm"]


def test_different_given_name_same_role_merges() -> None:
    ents = link(
        ("a", "Eastland President Oleksandr Marchuk spoke.", [("Oleksandr Marchuk", "PERSON")]),
        ("b", "Eastland President Alexander Marchuk spoke.", [("Alexander Marchuk", "PERSON")]),
    )
    assert len(ents) == 1


def test_organisation_merges_without_the_and_keeps_type() -> None:
    ents = link(
        ("a", "The Kremlin said no.", [("Kremlin", "ORG")]),
        ("b", "the Kremlin agreed.", [("Kremlin", "ORG")]),
    )
    assert [(e.name, e.type, e.articles) for e in ents] == [("Kremlin", "ORG", ("a", "b"))]


def test_place_tagged_as_person_is_relabelled() -> None:
    ents = link(
        ("a", "Talks in Tallberg ended.", [("Tallberg", "GPE")]),
        ("b", "Tallberg would not budge.", [("Tallberg", "PERSON")]),
    )
    assert [(e.name, e.type) for e in ents] == [("Tallberg", "GPE")]


def test_ids_are_content_derived_and_stable() -> None:
    docs = ("a", "Tomas Brekke spoke.", [("Tomas Brekke", "PERSON")])
    first, second = link(docs), link(docs)
    assert first[0].id == second[0].id == "e" + short_id("PERSON", "Tomas Brekke")


def test_role_before_stops_at_sentence_end_and_weekdays() -> None:
    text = "He left. On Tuesday Eastland Foreign Minister Anna Holm spoke."
    assert role_before(text, text.index("Anna")) == "Eastland Foreign Minister"
    text = "It ended in Europe. Harbour spokesman Tomas Brekke spoke."
    assert role_before(text, text.index("Tomas")) == "Harbour spokesman"
    assert role_before("Then Anna Holm spoke.", 5) is None


def test_role_matching_uses_affiliation_and_leader_class() -> None:
    assert role_matches("the French president", "French President")
    assert role_matches("the master of the Kremlin", "Russian President")
    assert role_matches("the Russian leader", "Russian President")
    assert not role_matches("the French president", "Russian President")
    assert not role_matches("the Kremlin spokesman", "Russian President")


def test_annotate_cleans_misfires() -> None:
    from storyline.nlp import annotate

    text = "The Elysée said the talks went well. Welcoming Harald Voss, the Kremlin spokesman smiled."
    ann = annotate(article("a", text))
    people = [e.text for e in ann.entities if e.type == "PERSON"]
    assert "Elysée" not in people
    assert all(not p.startswith("Welcoming") for p in people)
    assert all(text[e.start : e.end] == e.text for e in ann.entities)


def test_spellings_of_one_country_merge() -> None:
    ents = link(
        ("a", "The U.S. said no.", [("U.S.", "GPE")]),
        ("b", "The US agreed.", [("US", "GPE")]),
        ("c", "The United States and Eastland met.", [("United States", "GPE"), ("Eastland", "GPE")]),
    )
    merged = [e for e in ents if e.name != "Eastland"]
    assert len(merged) == 1
    assert set(merged[0].aliases) | {merged[0].name} == {"U.S.", "US", "United States"}
    assert merged[0].articles == ("a", "b", "c")


def test_one_name_tagged_with_two_types_is_one_entity() -> None:
    ents = link(
        ("a", "Troops left Marvola. Marvola said so.", [("Marvola", "GPE"), ("Marvola", "ORG")]),
        ("b", "In Marvola it rained.", [("Marvola", "GPE")]),
    )
    assert [(e.name, e.type, e.articles) for e in ents] == [("Marvola", "GPE", ("a", "b"))]


def test_transliterations_of_a_place_merge_and_are_never_a_person() -> None:
    ents = link(
        ("a", "Talks in Kyiv ended.", [("Kyiv", "GPE")]),
        ("b", "Separatists have opposed Kiev since 2014.", [("Kiev", "PERSON")]),
    )
    assert len(ents) == 1
    assert ents[0].type == "GPE"
    assert {ents[0].name, *ents[0].aliases} == {"Kyiv", "Kiev"}


def test_annotate_drops_lowercase_and_generic_names() -> None:
    from storyline.nlp import annotate

    text = (
        "Such was the mission of Anna Holm this Friday. The Head of State spoke at the end of the "
        "morning with her counterpart. The two Heads of State agreed. We can’t say more, the Alliance said."
    )  # the small model tags "State", "Heads of State" and "Alliance" as organisations here
    names = {e.text for e in annotate(article("a", text)).entities}
    assert "Anna Holm" in names
    assert not any(not any(ch.isupper() for ch in n) for n in names)
    assert not names & {"State", "Head of State", "Heads of State", "Alliance"}


def test_given_name_alone_joins_the_one_person_with_that_given_name() -> None:
    text = "Eastland President Tomas Brekke arrived. Welcoming him as dear Tomas, Anna Holm smiled."
    ents = link(("a", text, [("Tomas Brekke", "PERSON"), ("Tomas", "PERSON"), ("Anna Holm", "PERSON")]))
    assert sorted(e.name for e in ents) == ["Anna Holm", "Tomas Brekke"]
    both = "Tomas Brekke met Tomas Lind. Tomas left."
    ents = link(("b", both, [("Tomas Brekke", "PERSON"), ("Tomas Lind", "PERSON"), ("Tomas", "PERSON")]))
    assert len(ents) == 3  # ambiguous: the given name stays on its own
