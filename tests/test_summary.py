"""Summaries: main event first, no redundancy, conflicts represented, every citation grounded."""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analysis import find_conflicts, summarize
from storyline.analysis._text import content_words, norm_tokens, overlap
from storyline.analysis.support import contains, near_verbatim
from storyline.records import Article, CopyGroup, Story, Summary

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "analysis"))
from load import Case, load_cases

CASES = load_cases()


def _summary(case: Case, copies: tuple[CopyGroup, ...] = ()) -> Summary:
    conflicts = find_conflicts(case.story, case.articles, {}, [], [], times=case.times)
    return summarize(case.story, case.articles, [], conflicts, copies)


def _verbatim_in(article: Article, sentence: str) -> bool:
    return " ".join(norm_tokens(sentence)) in " ".join(norm_tokens(article.text))


def test_every_sentence_is_verbatim_and_cited_only_where_it_is_found() -> None:
    for case in CASES.values():
        arts = {a.id: a for a in case.articles}
        summary = _summary(case)
        assert summary.sentences, case.name
        for sent in summary.sentences:
            assert sent.articles
            assert any(_verbatim_in(arts[a], sent.text) for a in sent.articles)
            assert all(contains(arts[a], sent.text) for a in sent.articles)
            missing = [a for a in case.story.articles if a not in sent.articles]
            assert not any(_verbatim_in(arts[a], sent.text) for a in missing), (case.name, sent.text)


def test_main_event_first_and_both_sides_of_the_denial() -> None:
    summary = _summary(CASES["strait_talks"])
    assert 3 <= len(summary.sentences) <= 6
    first = content_words(summary.sentences[0].text)
    assert {"lindholm", "talk"} <= first
    texts = " ".join(s.text for s in summary.sentences)
    assert "denying that any deal" in texts
    assert "According to Kestish officials" in texts or "Kestish officials say" in texts


def test_no_redundant_sentences() -> None:
    for case in CASES.values():
        bags = [content_words(s.text) for s in _summary(case).sentences]
        assert all(overlap(a, b) <= 0.5 for a, b in combinations(bags, 2)), case.name


def test_a_differing_date_or_place_is_never_cited() -> None:
    summary = _summary(CASES["bridge_date"])
    for sent in summary.sentences:
        if "Saturday" in sent.text:
            assert sent.articles == ("d1",)
        if "Friday" in sent.text:
            assert sent.articles == ("d2",)
    for sent in _summary(CASES["treaty_place"]).sentences:
        assert len(sent.articles) == 1 or ("Lindholm" not in sent.text and "Torvik" not in sent.text)


def test_copies_use_the_canonical_and_cite_every_member() -> None:
    case = CASES["strait_talks"]
    original = next(a for a in case.articles if a.id == "b")
    reprint = Article(
        id="b2",
        path="b2",
        title=original.title,
        text=original.text
        + "\n\nSubscribers can read the full interview with the harbour pilots in our weekend edition.",
        content_hash="b2",
    )
    story = Story(id="s", title="t", articles=(*case.story.articles, "b2"))
    group = CopyGroup(id="g", canonical="b", members=("b", "b2"), kind="near", similarity=0.95)
    summary = summarize(story, [*case.articles, reprint], [], (), (group,))
    for sent in summary.sentences:
        assert "weekend edition" not in sent.text  # only the canonical contributes sentences
        if "b" in sent.articles:
            assert "b2" in sent.articles


def test_empty_story_gives_empty_summary() -> None:
    assert summarize(Story("s", "t", ()), [], [], [], []).sentences == ()


def test_near_verbatim_rules() -> None:
    a = "The Kremlin on Tuesday downplayed the French comments, denying any deal."
    assert near_verbatim(
        a, "The Kremlin on Tuesday downplayed the French officials' comments, denying any deal."
    )
    assert not near_verbatim(a, "The Kremlin on Monday downplayed the French comments, denying any deal.")
    assert not near_verbatim(
        a, "The Kremlin on Tuesday downplayed the French comments, not denying any deal."
    )
    assert not near_verbatim(
        "Police counted 3,500 marchers in the square.", "Police counted 5,300 marchers in the square."
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["harbour", "pilots", "storm", "closed", "the", "Torvik", "ferry", "late"]),
        min_size=4,
    )
)
def test_an_article_contains_each_of_its_sentences(words: list[str]) -> None:
    sentence = "The " + " ".join(words) + "."
    art = Article(id="h", path="h", title="t", text="Intro line here.\n\n" + sentence, content_hash="h")
    assert contains(art, sentence)
