"""Quotation-mark detection (no spaCy needed)."""

from __future__ import annotations

from storyline.nlp.quotemarks import find_quotes


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_straight_double_quotes() -> None:
    assert inner('The mayor said "the bridge stays shut" on Friday.') == ["the bridge stays shut"]


def test_curly_double_quotes() -> None:
    assert inner("“We are ready,” the mayor said.") == ["We are ready,"]


def test_guillemets() -> None:
    assert inner("Le maire a dit «nous sommes prêts» hier.") == ["nous sommes prêts"]


def test_curly_single_quotes_are_not_apostrophes() -> None:
    text = "Harbour chief says port’s future ‘is not for sale’ in the Baltics’ biggest dispute"
    assert inner(text) == ["is not for sale"]


def test_straight_single_quotes_in_headline() -> None:
    assert inner("Minister vows 'no retreat' on tariffs, won't say more") == ["no retreat"]


def test_single_quote_inside_double_quote_is_not_separate() -> None:
    text = "“They called it ‘a trap’ from the start,” she said."
    assert inner(text) == ["They called it ‘a trap’ from the start,"]


def test_multi_paragraph_quote_continues() -> None:
    text = "“The first part of the plan is done.\n\n“The second part starts in May,” Voss said."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].inner_start : quotes[0].inner_end].endswith("starts in May,")
    assert quotes[0].closed


def test_unclosed_quote_ends_at_paragraph_end() -> None:
    text = "“Nobody told us anything. We waited for hours.\n\nThe ministry did not reply."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert not quotes[0].closed
    assert (
        text[quotes[0].inner_start : quotes[0].inner_end] == "Nobody told us anything. We waited for hours."
    )


def test_mixed_marks_close_each_other() -> None:
    assert inner('“The deal is off" he said') == ["The deal is off"]


def test_new_opening_mark_closes_a_pending_quote_at_its_sentence_end() -> None:
    text = "“Talks went well. The rest is open. On trade, the two sides “agreed to meet again”, it said."
    assert inner(text) == ["Talks went well. The rest is open.", "agreed to meet again"]


def test_twin_apostrophes_are_one_double_mark() -> None:
    text = "He said ''the fees are high,'' and that the fleet was ''taking a close look'' at it. Don''t."
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == ["''the fees are high,''", "''taking a close look''"]
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["the fees are high,", "taking a close look"]
