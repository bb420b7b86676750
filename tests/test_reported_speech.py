"""Reported speech without quotation marks, datelines, "according to", stance and noun cues
(synthetic articles, one test per pattern; quoted speech is in test_quotes.py)."""

from __future__ import annotations

import pytest

from tests.test_quotes import only, run


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    from storyline.nlp.spacy_model import load_nlp

    load_nlp()


@pytest.mark.parametrize(
    "dateline",
    [
        "HARSTAD, Norland (Polar Press) — ",
        "HARSTAD — ",
        "HARSTAD (Polar Press) — ",
        "HARSTAD, March 3 (Polar Press) - ",
    ],
)
def test_dateline_is_neither_speaker_nor_content(dateline: str) -> None:
    """The parser took "HARSTAD —" into the lead sentence's subject or its clause until datelines were
    blanked; a place tagged as a person before a title ("Vesterland Mayor X") is not a speaker."""
    text = (
        f"{dateline}Norland Harbour Master Tomas Brekke and Vesterland Mayor Marta Lindqvist spoke by "
        "telephone on Monday for the first time since the storm closed the quay, and agreed that their "
        "deputies would meet next month.\n\n"
        f"{dateline}Kestrel Ferries is cancelling about 40 crossings a week until April, the company and "
        "the regional transport authority said on Thursday."
    )
    quotes = run(text).quotes
    assert len(quotes) == 2
    for q in quotes:
        assert q.text[:1].isalpha() and not q.text.startswith("HARSTAD"), q.text
        assert q.speaker is None or ("HARSTAD" not in q.speaker and "Norland" not in q.speaker), q.speaker
    assert quotes[0].speaker == "Tomas Brekke and Marta Lindqvist"
    assert quotes[1].text.startswith("Kestrel Ferries is cancelling")


def test_calling_a_person_is_not_a_statement() -> None:
    text = (
        "The prime minister Jorunn Halvik has called in the late afternoon the president Mateo Lisandre, "
        "one week after the recall of the ambassador."
    )
    assert run(text).quotes == ()


def contents(text: str) -> list[tuple[str, str | None]]:
    """(content, cue) of every attribution ``find_attributions`` returns, before the listing filter."""
    from storyline.nlp.attribution import find_attributions
    from storyline.nlp.spacy_model import parse

    return [
        (text[a.content_start : a.content_end], a.cue.text if a.cue is not None else None)
        for a in find_attributions(parse(text))
    ]


def test_according_to_closing_a_coordinated_sentence() -> None:
    q = only("The ferry carried 40 cars, and the port lost money, according to the harbour authority.")
    assert q.text == "The ferry carried 40 cars, and the port lost money"
    assert q.speaker_text == "the harbour authority"


def test_according_to_inside_the_sentence() -> None:
    text = "One of the plans, according to the harbour authority, is to close the north pier."
    assert contents(text) == [(text[:-1], "according to")]


def test_seem_and_be_expected_report_the_whole_clause() -> None:
    assert contents("Brakstad seemed to lose patience with the council.") == [
        ("Brakstad seemed to lose patience with the council", "seemed")
    ]
    assert contents("The council is expected to approve the budget on Friday.") == [
        ("The council is expected to approve the budget on Friday", "expected")
    ]


def test_reported_clause_without_a_closing_relative_clause() -> None:
    q = only("Voss said the money went to Halvik Shipping, which owns the north pier.")
    assert q.text == "the money went to Halvik Shipping"


def test_infinitive_after_an_organisation_does_not_end_the_clause() -> None:
    q = only("Voss said he made several requests through the Ostmark Agency to speak with the director.")
    assert q.text == "he made several requests through the Ostmark Agency to speak with the director"


def test_stance_inside_a_reported_clause_is_not_an_attribution() -> None:
    assert contents("Voss said the dockers wanted a new contract.") == [
        ("the dockers wanted a new contract", "said")
    ]


def test_object_and_prepositional_object_contents() -> None:
    assert contents("The union endorsed Lindqvist in March.") == [("Lindqvist", "endorsed")]
    assert contents("Voss voted against the harbour tax.") == [("the harbour tax", "voted")]
    assert contents("The agency reported a loss of two million crowns.") == [
        ("a loss of two million crowns", "reported")
    ]
    text = "We need a new pier, Voss said, referring to the plans of the harbour board."
    assert ("the plans of the harbour board", "referring") in contents(text)


def test_no_content_from_a_definition_or_an_addressee() -> None:
    assert contents("The term refers to the old harbour treaty of 1921.") == []
    assert contents("Eastland is urging Norland to reopen the northern quay.") == [
        ("to reopen the northern quay", "urging Norland")
    ]


def test_according_to_after_a_closed_bracket_reports_the_whole_sentence() -> None:
    text = (
        "On the dispute over the quay, where dockers have been opposing Halvik since 2014, the mayor insisted "
        "on the existing format of talks (known as the Harbour Table) which brings together four towns, "
        "according to a statement from the town hall."
    )
    assert contents(text)[0] == (text[: text.index(", according")], "according to")


def test_noun_cues_with_clause_infinitive_or_object() -> None:
    assert contents("Lund repeated her claim that the ferry had been sold twice.") == [
        ("that the ferry had been sold twice", "claim")
    ]
    assert contents("The council's decision to close the north pier angered the dockers.") == [
        ("to close the north pier", "decision")
    ]
    assert contents("Support for the harbour tax has grown among fishermen.") == [
        ("the harbour tax", "Support")
    ]
