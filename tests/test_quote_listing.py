"""Which attributions are listed as quotes (annotate's filter after find_attributions)."""

from __future__ import annotations

import pytest

from storyline.nlp import annotate
from storyline.records import Article


def _quotes(text: str) -> list[tuple[str | None, str | None]]:
    ann = annotate(Article(id="l1", path="l1.txt", title="t", text=text, content_hash="h"))
    return [(q.cue, q.speaker) for q in ann.quotes]


def test_stance_nested_in_a_statement_is_part_of_it() -> None:
    text = (
        "Mayor Marta Lindqvist's office said in a statement that she had told the minister "
        "that Norland would seek compensation for the damage."
    )
    cues = [cue for cue, _ in _quotes(text)]
    assert "said" in cues
    assert "seek" not in cues  # Norland's seeking is what the office reported, not Norland's statement


def test_a_stance_of_its_own_is_still_listed() -> None:
    assert ("seek", "Norland") in _quotes("Norland will seek compensation for the damage to the quay.")


def test_a_kicker_with_a_preposition_is_not_a_speaker_label() -> None:
    text = (
        "Talks between Harstad and Vesterland: the mayor Marta Lindqvist has met in the late afternoon "
        "the harbour master Tomas Brekke, one week after the storm."
    )
    assert _quotes(text) == []
    assert _quotes("Marta Lindqvist: The quay will reopen next week after the repairs.") == [
        (":", "Marta Lindqvist")
    ]


def test_a_speakers_words_nested_in_their_own_statement_are_listed_once() -> None:
    text = (
        "Norland says it has no plans to close the quay and has instead put forward its own demands "
        "for guarantees that it says would ease tensions."
    )
    assert _quotes(text) == [("says", "Norland")]


_MEETING = "\n\nMarta Lindqvist and Harald Voss met in Halvik on Thursday to discuss the harbour fees."


@pytest.mark.parametrize(
    "kicker", ["Lindqvist and Voss: Thursday’s talks", "Marta Lindqvist and Harald Voss: the harbour fees"]
)
def test_a_name_list_before_a_short_noun_phrase_is_not_a_speaker_label(kicker: str) -> None:
    assert all(cue != ":" for cue, _ in _quotes(kicker + _MEETING))


@pytest.mark.parametrize(
    "said", ["the fees will rise", "the port stays shut", "no deal on the fees", "“Thursday’s talks”"]
)
def test_a_statement_negation_or_quote_after_a_name_list_is_still_a_label(said: str) -> None:
    assert (":", "Marta Lindqvist and Harald Voss") in _quotes(f"Lindqvist and Voss: {said}{_MEETING}")
