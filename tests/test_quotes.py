"""Quote patterns and speaker resolution on synthetic articles (one test per pattern)."""

from __future__ import annotations

import pytest

from storyline.nlp import annotate
from storyline.records import Annotations, Article, QuoteMention


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    from storyline.nlp.spacy_model import load_nlp

    load_nlp()


def run(text: str) -> Annotations:
    return annotate(Article(id="a1", path="a1.txt", title="t", text=text, content_hash="h"))


def only(text: str, kind: str | None = None) -> QuoteMention:
    quotes = [q for q in run(text).quotes if kind is None or q.kind == kind]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_offsets_point_into_text() -> None:
    text = "Before.\n\n“The harbour will reopen next week,” Harald Voss said on Tuesday."
    q = only(text)
    assert text[q.start : q.end] == q.text
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == q.speaker_text == "Harald Voss"


def test_direct_quote_name_after_cue() -> None:
    q = only("“The harbour will reopen next week,” Harald Voss said on Tuesday.")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Harald Voss", "said")


def test_direct_quote_name_before_cue_with_colon() -> None:
    q = only("Marta Lindqvist said on Monday: “We will not accept any new tariffs.”")
    assert q.kind == "direct"
    assert q.text == "We will not accept any new tariffs."
    assert q.speaker == "Marta Lindqvist"


def test_straight_quotes_inverted_cue() -> None:
    q = only('"The cranes are unsafe," said Harald Voss.')
    assert (q.kind, q.speaker) == ("direct", "Harald Voss")


def test_guillemets() -> None:
    q = only("Harald Voss said: «The door is open to everyone.»")
    assert (q.text, q.speaker) == ("The door is open to everyone.", "Harald Voss")


def test_quote_split_around_attribution() -> None:
    quotes = run("“The talks were useful,” Voss said, “but nothing has been decided yet.”").quotes
    assert [q.text for q in quotes] == ["The talks were useful,", "but nothing has been decided yet."]
    assert {q.speaker for q in quotes} == {"Voss"}
    assert {q.cue for q in quotes} == {"said"}


def test_multi_sentence_quote_and_follow_up_in_same_paragraph() -> None:
    text = "“We have done our part. Now it is their turn,” Lindqvist told reporters. “There is still time.”"
    quotes = run(text).quotes
    assert [q.text for q in quotes] == [
        "We have done our part. Now it is their turn,",
        "There is still time.",
    ]
    assert all(q.speaker == "Lindqvist" and q.addressee == "reporters" for q in quotes)


def test_multi_paragraph_quote() -> None:
    text = (
        "Harald Voss spoke after the meeting.\n\n"
        "“The first phase is finished and the cranes are back.\n\n"
        "“The second phase will start in May,” he said."
    )
    q = only(text)
    assert q.text.startswith("The first phase") and q.text.endswith("start in May,")
    assert q.speaker == "Harald Voss"


def test_partial_quote_inside_reported_speech() -> None:
    q = only("Eastland officials said Voss had committed to not opening any new “fishing zones” this year.")
    assert (q.kind, q.text, q.speaker) == ("partial", "fishing zones", "Eastland officials")


def test_reported_speech_without_marks() -> None:
    q = only("Voss said the Daily Courier had reported the figures incorrectly.", kind="indirect")
    assert q.text == "the Daily Courier had reported the figures incorrectly"
    assert (q.speaker, q.cue) == ("Voss", "said")


def test_according_to() -> None:
    q = only("According to Eastland officials, the agreement covers three ports.")
    assert (q.kind, q.text, q.cue) == ("indirect", "the agreement covers three ports", "according to")
    assert q.speaker == "Eastland officials"


def test_title_and_name_speaker() -> None:
    q = only("Eastland Interior Minister Marta Lindqvist said the border would stay open.")
    assert q.speaker == "Marta Lindqvist"
    assert q.speaker_text is not None and q.speaker_text.endswith("Marta Lindqvist")


def test_surname_resolves_to_full_name() -> None:
    text = "Harald Voss arrived in Tallberg.\n\n“We are ready,” Voss said."
    assert only(text).speaker == "Harald Voss"


def test_pronoun_resolves_to_subject_not_object() -> None:
    text = "Harald Voss met Marta Lindqvist in Tallberg on Friday.\n\n“We agreed on the timetable,” he said."
    q = only(text, kind="direct")
    assert (q.speaker_text, q.speaker) == ("he", "Harald Voss")


def test_pronoun_prefers_main_clause_subject() -> None:
    text = (
        "Marta Lindqvist told a press conference that Harald Voss had brought new ideas.\n\n"
        "“Nobody will be able to divide us,” she said."
    )
    q = only(text, kind="direct")
    assert q.speaker == "Marta Lindqvist"


def test_role_noun_resolved_through_earlier_appositive() -> None:
    text = (
        "Harbour Authority spokesman Tomas Brekke confirmed the closure on Monday.\n\n"
        "Later, the harbour authority spokesman said: “The cranes are unsafe.”"
    )
    q = only(text, kind="direct")
    assert (q.speaker_text, q.speaker) == ("the harbour authority spokesman", "Tomas Brekke")


def test_unresolvable_role_noun_stays_unknown() -> None:
    q = only("“The cranes are unsafe,” the port director said.")
    assert q.speaker_text == "the port director"
    assert q.speaker is None


def test_organisation_and_group_speakers() -> None:
    text = (
        "The Kremlin said the meeting was productive. "
        "“We are confident,” the Ministry of Transport said. "
        "Eastland officials said the plan was premature."
    )
    speakers = [q.speaker for q in run(text).quotes]
    assert speakers == ["Kremlin", "Ministry of Transport", "Eastland officials"]


def test_bare_group_noun_refers_back_to_named_group() -> None:
    text = (
        "Eastland officials said the ports were closed.\n\n"
        "It “makes a deal possible,” the officials said in a note."
    )
    partial = only(text, kind="partial")
    assert partial.speaker == "Eastland officials"


def test_palace_misfire_is_not_a_person_and_resolves_to_the_seat() -> None:
    text = "On the Elysée side, the tone was warmer. The talks “opened a path to calm” said the Palace."
    ann = run(text)
    assert not [e for e in ann.entities if e.type == "PERSON"]
    assert only(text).speaker == "Elysée"


def test_unknown_speaker_stays_none() -> None:
    q = only("“Prices will rise again,” one trader said.")
    assert q.speaker_text == "one trader"
    assert q.speaker is None


def test_unattributed_pronoun_stays_none() -> None:
    q = only("“Prices will rise again,” he said.")
    assert q.speaker is None


def test_addressee_told_newspaper() -> None:
    q = only("“We expect a decision soon,” Voss told the Northern Gazette.")
    assert (q.cue, q.addressee) == ("told the Northern Gazette", "the Northern Gazette")


def test_scare_quotes_are_not_quotes() -> None:
    assert run("The so-called “Harbour Pact” was signed in 2019 by both sides.").quotes == ()


def test_headline_quote_does_not_borrow_next_paragraph_cue() -> None:
    text = "Eastland 'red lines'\n\nMarta Lindqvist told reporters that the border would stay shut."
    quotes = run(text).quotes
    assert [q.kind for q in quotes] == ["indirect"]


def test_partial_quote_goes_to_speech_verb_not_stance_verb() -> None:
    q = only("Voss said Eastland did not see “any real readiness” from its neighbours.", kind="partial")
    assert (q.speaker, q.cue) == ("Voss", "said")


# --------------------------------------------------------------------------- parse slips and hard speakers


@pytest.mark.parametrize(
    "text",
    [
        "Harbour officials said the ferry operator is moving towards de-escalating the dispute.",
        "Voss said the port would consider re-opening the northern terminal after talks.",
        "Lindqvist insisted the pier was well-built and the so-called break-water was safe.",
        "Officials said the ferry operator has committed to not launching any new sailings near the coast, "
        "a sign they said suggests the operator is moving towards de-escalating the dispute around the harbour.",
    ],
)
def test_content_never_ends_or_starts_inside_a_word(text: str) -> None:
    for q in run(text).quotes:
        before = text[q.start - 1] if q.start > 0 else " "
        after = text[q.end] if q.end < len(text) else " "
        assert not (before.isalnum() or before == "-"), q
        assert not (after.isalnum() or after == "-"), q


def test_snap_widens_a_cut_at_a_hyphen() -> None:
    from storyline.nlp.spans import snap as _snap

    text = "moving towards de-escalating the crisis"
    assert text[slice(*_snap(text, 0, len("moving towards de")))] == "moving towards de-escalating"


def test_speaker_inside_relative_clause_on_an_inanimate_subject() -> None:
    text = (
        "Harbour officials said the ferry operator has committed to not launching any new sailings near "
        "the coast, a sign they said suggests the operator is moving towards de-escalating the dispute."
    )
    suggests = [q for q in run(text).quotes if q.cue == "suggests"]
    assert len(suggests) == 1
    q = suggests[0]
    assert q.text == "the operator is moving towards de-escalating the dispute"
    assert (q.speaker_text, q.speaker) == ("they", "Harbour officials")


def test_cue_coordinated_inside_reported_clause_belongs_to_the_reporter() -> None:
    text = (
        "Harbour spokesman Tomas Brekke said Monday's talks between the unions and the port were "
        '"very useful" but suggested no one should expect a quick deal.'
    )
    quotes = run(text).quotes
    assert {q.speaker for q in quotes} == {"Tomas Brekke"}
    assert any(q.cue == "suggested" and q.text == "no one should expect a quick deal" for q in quotes)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Eastland said Monday that 300 more inspectors would be sent to the northern harbour and "
            "Westland announced that another 200 of its inspectors would go to the islands.",
            "that 300 more inspectors would be sent to the northern harbour",
        ),
        (  # the small model reads "the Polish border and Westland" as one phrase
            "Eastland said Monday that 350 more Eastland inspectors would be sent to the Polish border and "
            "Westland announced that another 200 of its inspectors would go to the islands.",
            "that 350 more Eastland inspectors would be sent to the Polish border",
        ),
    ],
)
def test_second_statement_in_one_sentence_has_its_own_speaker(text: str, first: str) -> None:
    quotes = run(text).quotes
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Eastland", first),
        ("Westland", "that another 200 of its inspectors would go to the islands"),
    ]


def test_it_resolves_to_the_organisation_or_country_subject() -> None:
    text = (
        "Eastland has put forward its own proposals that it says would ease tensions.\n\n"
        "Westland has written to the harbour board about what it says are legitimate concerns.\n\n"
        "It is demanding a permanent ban on trawling near the coast."
    )
    by_text = {q.text: q for q in run(text).quotes}
    assert by_text["would ease tensions"].speaker == "Eastland"
    assert by_text["are legitimate concerns"].speaker == "Westland"
    demanding = by_text["a permanent ban on trawling near the coast"]
    assert (demanding.speaker_text, demanding.speaker) == ("It", "Westland")


def test_coordinated_speakers_are_both_named() -> None:
    text = (
        "Harald Voss and Marta Lindqvist both spoke warmly about the talks, "
        "saying they hoped the harbour would reopen in May."
    )
    q = only(text.replace("spoke warmly about", "attended"), kind="indirect")
    assert q.speaker == "Harald Voss and Marta Lindqvist"
    assert q.text == "they hoped the harbour would reopen in May"


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("The company and Estrenia's regulator", "the company and Estrenia's regulator"),
        ("Halvik Energy and Estrenia's regulator", "Halvik Energy and Estrenia's regulator"),
        ("Harald Voss and Marta Lindqvist's lawyer", "Harald Voss and Marta Lindqvist's lawyer"),
        ("Harald Voss and his lawyers", "Harald Voss and his lawyers"),
        ("Halvik Energy and Harald Voss", "Halvik Energy and Harald Voss"),
    ],
)
def test_a_coordinated_subject_is_not_the_possessor_inside_it(subject: str, speaker: str) -> None:
    q = only(f"{subject} said the plant would close in March.")
    assert (q.speaker_text, q.speaker) == (subject, speaker)


def test_a_floating_quantifier_does_not_hide_the_name_ending_a_conjunct() -> None:
    from storyline.nlp.speakers import SpeakerResolver
    from storyline.records import EntityMention

    text = "Halvik Energy and Harald Voss both"
    resolver = SpeakerResolver(
        [EntityMention(0, 13, "Halvik Energy", "ORG"), EntityMention(18, 29, "Harald Voss", "PERSON")]
    )
    assert resolver.resolve(text, 0, len(text)).name == "Halvik Energy and Harald Voss"


def test_negated_cue_is_not_an_attribution() -> None:
    assert (
        run("Neither Voss nor Lindqvist directly mentioned such a deal at the press conference.").quotes == ()
    )
    assert run("Voss did not say the harbour would close.").quotes == ()


def test_writer_first_person_is_not_a_source() -> None:
    assert run("On the ministry side, we want to be more optimistic about the harbour.").quotes == ()


def test_role_with_country_finds_the_one_person_with_that_office() -> None:
    text = (
        'The head of Russian diplomacy said earlier this Friday that he wanted dialogue and "not a blockade". '
        'The head of diplomacy, Sergei Brandt, also noted the absence of a "serious answer".'
    )
    first = run(text).quotes[0]
    assert (first.text, first.speaker_text, first.speaker) == (
        "not a blockade",
        "The head of Russian diplomacy",
        "Sergei Brandt",
    )


def test_master_of_the_seat_is_the_leader_named_with_it() -> None:
    text = (
        "President Voss spoke with President Lindqvist on Friday. Voss repeated that he was unhappy, "
        "says the Kremlin statement.\n\n"
        "“The harbour question has been ignored by everyone,” argued the master of the Kremlin, "
        "according to the same source. Lindqvist later called the talks useful."
    )
    q = only(text, kind="direct")
    assert (q.speaker_text, q.speaker) == ("the master of the Kremlin", "Voss")


def test_statement_of_a_seat_speaks_for_the_seat() -> None:
    q = only("The harbour will reopen in May, says the Kremlin statement.")
    assert (q.speaker_text, q.speaker) == ("the Kremlin statement", "Kremlin")


def test_parenthetical_cue_reports_the_clause_around_it() -> None:
    q = only("The museum, Mr. Voss said, would make visitors face uncomfortable truths.")
    assert q.kind == "indirect"
    assert q.text == "The museum, Mr. Voss said, would make visitors face uncomfortable truths"
    assert (q.speaker_text, q.speaker) == ("Mr. Voss", "Voss")


def test_reported_clause_ends_before_a_further_speech_act() -> None:
    text = "Voss said he would order a review of the harbour defences and warned against smugglers."
    q = only(text, kind="indirect")
    assert q.text == "he would order a review of the harbour defences"


def test_twin_apostrophe_quotes() -> None:
    text = "''The fees are a disaster for the fleet,'' Harald Voss said. ''Nobody asked us.''"
    quotes = run(text).quotes
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("direct", "The fees are a disaster for the fleet,", "Harald Voss"),
        ("direct", "Nobody asked us.", "Harald Voss"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Harald Voss: Harbour Fees Will Rise Again\n\nThe board met on Monday.",
            "Harald Voss",
            "Harbour Fees Will Rise Again",
        ),
        (
            "LINDQVIST: I think the fleet needs a break this winter.",
            None,
            "I think the fleet needs a break this winter.",
        ),
    ],
    ids=["headline", "transcript"],
)
def test_speaker_label_line(text: str, speaker: str | None, content: str) -> None:
    q = only(text)
    assert (q.kind, q.text, q.cue, q.speaker) == ("indirect", content, ":", speaker)
    assert q.speaker_text == text.split(":", maxsplit=1)[0]


def test_label_before_a_quote_is_its_speaker() -> None:
    q = only("Harbour economist Marta Lindqvist: “The fees will rise again before the summer.”")
    assert (q.kind, q.text, q.speaker) == (
        "direct",
        "The fees will rise again before the summer.",
        "Marta Lindqvist",
    )


def test_a_colon_after_an_ordinary_phrase_is_not_a_label() -> None:
    assert run("Update: the harbour reopened on Tuesday morning after the storm.").quotes == ()


def test_reported_clause_stops_before_a_conjunct_holding_a_quote() -> None:
    text = "Voss said this was the first time he had heard of the plan and that he would never suggest “closing”."
    quotes = run(text).quotes
    said = [q for q in quotes if q.cue == "said"]
    assert [q.text for q in said] == ["this was the first time he had heard of the plan"]


def test_cue_without_any_speaker_is_not_listed() -> None:
    text = "Voss, who has been criticized as too reluctant to threaten painful sanctions on Eastland, said the fleet was ready."
    assert [(q.text, q.speaker) for q in run(text).quotes] == [("the fleet was ready", "Voss")]


def test_short_term_in_single_marks_is_not_a_quote() -> None:
    quotes = run(
        "Officials said the two sides had agreed on the long-running ‘Harbour Pact’ negotiations."
    ).quotes
    assert "Harbour Pact" not in [q.text for q in quotes]


def test_unattributed_speech_nested_in_attributed_speech_is_listed_once() -> None:
    text = "The harbour chief said her Eastland counterpart had assured her he was ready to talk about reopening the port."
    quotes = run(text).quotes
    assert [(q.cue, q.speaker_text) for q in quotes] == [("said", "The harbour chief")]
