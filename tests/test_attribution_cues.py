"""Attribution patterns added after the PolNeAR train error analysis (synthetic sentences only):
what ``find_attributions`` returns (PolNeAR-style, scored by the benchmark) and what the quote
listing keeps."""

from __future__ import annotations

import pytest

from storyline.nlp import annotate
from storyline.records import Article


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    from storyline.nlp.spacy_model import load_nlp

    load_nlp()


def contents(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, source) of every attribution, before the listing filter."""
    from storyline.nlp.attribution import find_attributions
    from storyline.nlp.spacy_model import parse

    out = []
    for a in find_attributions(parse(text)):
        cue = a.cue.text if a.cue is not None else None
        source = text[slice(*a.cue.source)] if a.cue is not None and a.cue.source is not None else None
        out.append((text[a.content_start : a.content_end], cue, source))
    return out


def listed(text: str) -> list[tuple[str, str | None]]:
    ann = annotate(Article(id="a1", path="a1.txt", title="t", text=text, content_hash="h"))
    return [(q.text, q.speaker_text) for q in ann.quotes]


def test_object_content_takes_the_further_complements() -> None:
    assert contents("Westland accused the harbour board of ignoring the fishermen.") == [
        ("the harbour board of ignoring the fishermen", "accused", "Westland")
    ]
    assert contents("The mayor criticized Halvik Shipping for the long delay.") == [
        ("Halvik Shipping for the long delay", "criticized", "The mayor")
    ]


def test_object_content_leaves_out_a_time_adjunct() -> None:
    assert contents("The union endorsed Lindqvist on Tuesday.") == [("Lindqvist", "endorsed", "The union")]


def test_a_cue_of_a_quote_outside_its_phrase_still_reports_its_clause() -> None:
    text = "Voss urged the dockers to “hold the line” and said the strike would end soon."
    assert ("the strike would end soon", "said", "Voss") in contents(text)
    assert ("the strike would end soon", "Voss") in listed(text)


def test_negated_and_first_person_cues_are_attributions_but_not_listed() -> None:
    text = "Voss did not say whether the pier would reopen."
    assert contents(text) == [("whether the pier would reopen", "say", "Voss")]
    assert listed(text) == []
    text = "I think the harbour board has lost its way."
    assert contents(text) == [("the harbour board has lost its way", "think", "I")]
    assert listed(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Voss blasted the harbour plan.", ("the harbour plan", "blasted", "Senator Voss")),
        (
            "The committee approved a bill to cut harbour fees.",
            ("a bill to cut harbour fees", "approved", "The committee"),
        ),
        ("The board decided to close the north pier.", ("to close the north pier", "decided", "The board")),
        (
            "The council is critical of the new ferry schedule.",
            ("the new ferry schedule", "critical", "The council"),
        ),
        (
            "Lindqvist is hopeful that the strike will end soon.",
            ("that the strike will end soon", "hopeful", "Lindqvist"),
        ),
    ],
    ids=["dobj", "act", "xcomp", "adjective-prep", "adjective-clause"],
)
def test_learned_cue_frames_are_attributions_but_not_quotes(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert contents(text) == [expected]
    assert listed(text) == []


def test_a_noun_cue_object_keeps_its_own_attribution() -> None:
    assert contents("Lund repeated her claim that the ferry had been sold twice.") == [
        ("that the ferry had been sold twice", "claim", "her")
    ]


def test_object_content_leaves_out_a_circumstance_adjunct() -> None:
    assert contents("The mayor criticized the harbour plan at a rally in Harstad.") == [
        ("the harbour plan", "criticized", "The mayor")
    ]


def test_a_closing_concessive_or_relative_aside_is_cut() -> None:
    found = contents("Voss said the port lost money last year, while others blamed the weather.")
    assert ("the port lost money last year", "said", "Voss") in found
    assert contents("Voss said the quay belongs to Halvik, whose owners live abroad.") == [
        ("the quay belongs to Halvik", "said", "Voss")
    ]


def test_headline_label_of_a_person_named_in_the_article() -> None:
    text = "Voss: My harbour plans are not set in stone.\n\nHarald Voss spoke in Harstad on Monday."
    assert listed(text)[0] == ("My harbour plans are not set in stone.", "Voss")


def test_a_poll_label_is_an_attribution_but_not_a_quote() -> None:
    text = "Poll: Lindqvist and Voss hold narrow leads in Harstad.\n\nThe survey was published on Monday."
    assert contents(text)[0] == ("Lindqvist and Voss hold narrow leads in Harstad.", ":", "Poll")
    assert listed(text) == []


def test_a_two_word_clause_is_an_attribution_but_not_listed() -> None:
    text = "Jeff Halvik said he would."
    assert contents(text) == [("he would", "said", "Jeff Halvik")]
    assert listed(text) == []


def test_a_clause_before_a_quote_of_the_same_cue_is_not_reported_twice() -> None:
    text = "Voss said, while grateful for the effort, “we cannot say we see any path to a deal.”"
    assert [c for c in contents(text) if c[1] == "said" and "grateful" in c[0]] == []


def test_noun_cues_learned_on_train() -> None:
    assert contents("Lindqvist spoke in favor of the harbour tax.") == [
        ("the harbour tax", "favor", "Lindqvist")
    ]
    assert contents("Voss voiced doubts about the ferry schedule.") == [
        ("the ferry schedule", "doubts", "Voss")
    ]


def test_an_adjective_of_a_person_with_a_clause() -> None:
    text = "Harald Voss is confident that the strike will end soon."
    assert contents(text) == [("that the strike will end soon", "confident", "Harald Voss")]
    assert listed(text) == []


def test_a_sentence_opened_by_a_poll() -> None:
    text = "In a new poll from the Harstad Times, Lindqvist holds a narrow lead over Voss."
    assert contents(text) == [
        ("Lindqvist holds a narrow lead over Voss", "In", "a new poll from the Harstad Times")
    ]
    assert listed(text) == []


def test_a_cue_set_off_by_commas_reports_the_whole_sentence() -> None:
    text = "At times last year, aides to the mayor said, the mere mention of the ferry made him angry."
    assert contents(text) == [(text[:-1], "said", "aides")]
    assert listed(text) == [("the mere mention of the ferry made him angry", "aides")]


def test_according_to_a_quoted_title_still_reports_the_clause() -> None:
    text = "According to her ''harbour tax'' plan, firms leaving the port must repay any help they received."
    assert (
        "firms leaving the port must repay any help they received",
        "according to",
        "her ''harbour tax'' plan",
    ) in (contents(text))


def test_a_passive_cue_with_an_agent_reports_its_subject() -> None:
    text = "The harbour plan was criticized by the fishermen's union."
    assert contents(text) == [("The harbour plan", "criticized", "the fishermen's union")]
    assert listed(text) == []
    assert contents("The harbour report was released on Monday.") == []


def test_hope_without_that_reports_its_clause() -> None:
    assert contents("Lindqvist hopes the talks will succeed.") == [
        ("the talks will succeed", "hopes", "Lindqvist")
    ]


def test_a_stance_of_an_unresolved_relative_pronoun_is_not_listed() -> None:
    text = "Troops are pouring into the port, alarming towns which fear they could be used for an attack."
    assert ("they could be used for an attack", "fear", "which") in contents(text)
    assert all("attack" not in q for q, _ in listed(text))


def test_recalling_an_ambassador_is_not_a_statement_but_recalling_that_is() -> None:
    from storyline.nlp import annotate
    from storyline.records import Article

    text = "Eastland recalled its ambassador from Harrow last week. Ivo Marsk recalled that the bridge had closed twice."
    ann = annotate(Article(id="r", path="r", title="r", text=text, content_hash="r"))
    found = [(text[q.start : q.end], q.speaker) for q in ann.quotes]
    assert found == [("that the bridge had closed twice", "Ivo Marsk")]
