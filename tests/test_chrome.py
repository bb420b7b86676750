"""Chrome removal on scraped plain text: every kind of chrome goes, every body sentence stays."""

from __future__ import annotations

import pytest

from storyline.clean import clean, learn_recurring, source_key
from storyline.clean.chrome import split_lines, strip_chrome
from storyline.records import RawDoc
from tests.chrome_samples import BODY, SCRAPED


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return strip_chrome(SCRAPED)


def reasons(res, fragment: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.reason for r in res.removed if fragment in r.text]


def test_every_body_sentence_is_kept(result) -> None:  # type: ignore[no-untyped-def]
    for para in BODY:
        assert para in result.text


def test_body_paragraphs_are_exactly_the_kept_text(result) -> None:  # type: ignore[no-untyped-def]
    assert result.text.split("\n\n") == BODY


@pytest.mark.parametrize(
    ("fragment", "reason_part"),
    [
        ("• Politics", "page header"),
        ("Sign In", "widget"),
        ("We use cookies", "cookie"),
        ("The Halden Ledger > World", "breadcrumb"),
        ("Share", "widget"),
        ("(Photo: Meridian Press)", "caption"),
        ("MORE: Flood warnings", "related-article"),
        ("- Advertisement -", "advertising"),
        ("morning newsletter", "newsletter"),
        ("Source link", "widget"),
        ("Leave a Comment", "widget"),
        ("Harbour cranes idle", "trailer"),
        ("Read more World News", "related-article"),
        ("© 2025 The Halden Ledger", "copyright"),
        ("Privacy Policy", ""),
        ("اضافة اعلان", "advertising marker in Arabic script"),
    ],
)
def test_chrome_is_removed_with_a_reason(result, fragment: str, reason_part: str) -> None:  # type: ignore[no-untyped-def]
    assert fragment not in result.text
    found = reasons(result, fragment)
    assert found, f"{fragment!r} not recorded as removed"
    assert any(reason_part in r for r in found), found


def test_metadata_lines(result) -> None:  # type: ignore[no-untyped-def]
    assert result.title == "Estrenia and Lusova at odds over claimed dam deal"
    assert result.date_line == "March 11, 2025, 6:40 AM"
    assert result.byline == ("By Ana Ruiz",)
    assert result.credit is not None and "haldencourier.example" in result.credit


def test_repeated_caption_removed_every_time(result) -> None:  # type: ignore[no-untyped-def]
    assert len(reasons(result, "(Photo: Meridian Press)")) == 2


def test_clean_builds_article_metadata() -> None:
    a = clean(RawDoc(path="x.txt", body=SCRAPED, is_html=False))
    assert a.title == "Estrenia and Lusova at odds over claimed dam deal"
    assert a.published == "2025-03-11T06:40"
    assert a.dateline == "HALDEN"
    assert a.authors == ("Ana Ruiz",)
    assert a.origin == "haldencourier.example"
    assert a.source == "The Halden Ledger"
    assert a.language == "en"


def test_wire_credit_in_dateline_is_origin() -> None:
    text = "Dam talks resume\n\nVALMORA, Estrenia (Meridian Press) — " + BODY[1] + "\n\n" + BODY[2]
    a = clean(RawDoc(path="w.txt", body=text, is_html=False))
    assert a.dateline == "VALMORA, Estrenia"
    assert a.origin == "Meridian Press"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    para = (
        "The river commission met for the first time since the spring floods and agreed\n"
        "to publish the dam's release schedule every week, a step both governments had\n"
        "resisted for years."
    )
    assert split_lines(para) == [para.replace("\n", " ")]


def test_recurring_lines_of_a_source_are_learned() -> None:
    footer = "Valmora Daily — independent news since 1921"
    docs = [
        RawDoc(path=f"site/{i}.txt", body=f"Headline number {i} here\n\n{BODY[i]}\n\n{footer}", is_html=False)
        for i in range(4)
    ]
    recurring = learn_recurring(docs)
    assert footer in recurring[source_key(docs[0])]
    res = strip_chrome(docs[0].body, recurring[source_key(docs[0])])
    assert footer not in res.text
    assert BODY[0] in res.text


def test_text_without_chrome_is_untouched() -> None:
    text = "A plain headline about the dam\n\n" + "\n\n".join(BODY)
    res = strip_chrome(text)
    assert res.text == "\n\n".join(BODY)
    assert [r.reason for r in res.removed] == ["title (kept as metadata)"]
