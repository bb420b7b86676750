"""HTML extraction: body kept, comments and chrome out, metadata found (synthetic pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.html import HtmlExtract, _published, extract_html
from storyline.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def harbour() -> HtmlExtract:
    return extract_html(_page("harbour_article.html"))


@pytest.fixture(scope="module")
def market() -> HtmlExtract:
    return extract_html(_page("meta_tags_article.html"))


BODY_SENTENCES = [
    "Ferry crews in the port of Velmora returned to work on Thursday morning",
    "The deal raises basic pay by six percent this year",
    '"Nobody wanted the boats to stay tied up, least of all the people who sail them,"',
    "We got a fair result and we will be back on the water by the first morning sailing.",
    "tickets bought for cancelled sailings would remain valid until the end of the month.",
    "two patients had been taken to the mainland hospital by helicopter",
    "The strike was the first on the route in eleven years.",
    "which were built in the late nineteen eighties.",
]


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_every_body_sentence_is_kept(harbour: HtmlExtract, sentence: str) -> None:
    assert sentence in harbour.text


@pytest.mark.parametrize(
    "comment",
    [
        "My mother missed two appointments",
        "Six percent is more than most of us got",
        "Those old boats should have been scrapped",
        "Reader comments",
        "islandgirl77",
    ],
)
def test_reader_comments_are_excluded(harbour: HtmlExtract, comment: str) -> None:
    assert comment not in harbour.text


@pytest.mark.parametrize(
    "chrome",
    [
        "We use cookies",  # cookie box
        "Sign in",  # navigation
        "Weather",
        "Share on Facebook",  # share widget
        "Related stories",  # related links
        "Lighthouse keepers' cottage",
        "Sign up for our morning newsletter",  # newsletter box
        "All rights reserved",  # footer
        "Privacy policy",
    ],
)
def test_site_chrome_is_excluded(harbour: HtmlExtract, chrome: str) -> None:
    assert chrome not in harbour.text


def test_body_paragraphs_are_separate_lines(harbour: HtmlExtract) -> None:
    lines = [ln for ln in harbour.text.splitlines() if ln.strip()]
    assert len(lines) == 6
    assert lines[0].startswith("Ferry crews in the port of Velmora")


def test_metadata_from_json_ld_and_open_graph(harbour: HtmlExtract) -> None:
    assert harbour.title == "Ferry crews in Velmora end strike after night talks"
    assert harbour.published == "2023-05-04T14:30"  # datePublished, not dateModified
    assert harbour.authors == ("Mara Lindqvist",)
    assert harbour.sitename == "The Harbour Gazette"
    assert harbour.url == "https://harbourgazette.example/news/2023/05/04/velmora-ferry-strike-ends"
    assert harbour.description == "The three-day stoppage that stranded island commuters is over."


def test_headline_stays_out_of_the_body(harbour: HtmlExtract, market: HtmlExtract) -> None:
    for ex in (harbour, market):
        assert ex.title is not None
        assert ex.title not in ex.text


def test_headline_repeated_in_body_is_recorded_as_removed(market: HtmlExtract) -> None:
    assert [(r.text, r.reason) for r in market.removed] == [
        ("Orchard town votes to keep its weekly market", "headline repeated in the body")
    ]
    assert market.text.startswith("Residents of Brennholt voted")


def test_metadata_from_plain_meta_tags(market: HtmlExtract) -> None:
    assert market.title == "Orchard town votes to keep its weekly market"
    assert market.published == "2024-09-12T08:15"
    assert market.authors == ("Jonas Ekdahl",)
    assert market.sitename == "Valley Courier"
    assert "Copyright 2024" not in market.text
    assert "Opinion" not in market.text
    assert "1,603 backed the square" in market.text


def test_url_argument_is_kept_when_the_page_has_none() -> None:
    ex = extract_html(_page("meta_tags_article.html"), url="https://courier.example/market")
    assert ex.url == "https://courier.example/market"


def test_short_article_falls_back_to_the_default_mode() -> None:
    html = (
        "<html><head><title>Bridge reopens</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><p>The Ostvik bridge reopened to traffic on Monday after repairs.</p>"
        "<p>Engineers replaced two worn bearings under the main span.</p></article>"
        "</body></html>"
    )
    ex = extract_html(html)
    assert "The Ostvik bridge reopened to traffic on Monday after repairs." in ex.text
    assert "Engineers replaced two worn bearings under the main span." in ex.text
    assert ex.mode in ("precision", "default")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
    ],
)
def test_page_without_article_text_raises_input_error(html: str) -> None:
    with pytest.raises(InputError):
        extract_html(html)


def test_xml_declaration_is_accepted() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + _page("meta_tags_article.html")
    assert "1,603 backed the square" in extract_html(page).text


@pytest.mark.parametrize(
    ("html", "date", "expected"),
    [
        (
            '<meta property="article:published_time" content="2024-01-02T09:05:00+01:00">',
            "2024-01-02",
            "2024-01-02T09:05",
        ),
        ('{"datePublished": "2024-01-02 23:59"}', "2024-01-02", "2024-01-02T23:59"),
        ('{"datePublished": "2024-01-03T01:00:00Z"}', "2024-01-02", "2024-01-02"),  # another day
        ('{"datePublished": "2024-01-02T25:61"}', "2024-01-02", "2024-01-02"),  # not a time
        ("<p>no metadata</p>", "2024-01-02", "2024-01-02"),
        ("<p>no metadata</p>", None, None),
    ],
)
def test_published_time_of_day(html: str, date: str | None, expected: str | None) -> None:
    assert _published(html, date) == expected


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/ap= \"'\nbody&;#x")), max_size=200))
def test_arbitrary_markup_gives_text_or_input_error(html: str) -> None:
    try:
        ex = extract_html(html)
    except InputError:
        return
    assert ex.text.strip()


def test_language_declared_by_the_page(harbour: HtmlExtract) -> None:
    assert harbour.language == "en"
    page = _page("meta_tags_article.html").replace('<html lang="en">', "<html lang='nb_NO' dir=ltr>")
    assert extract_html(page).language == "nb"
    assert extract_html(page.replace("<html lang='nb_NO' dir=ltr>", "<html>")).language is None
