"""Conflict rules found necessary on realistic copy: inherited heads, increments, roles, sides, anchors."""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.analysis import find_conflicts
from storyline.analysis.quantities import find_quantities
from storyline.records import Article, Entity, Story, TimeExpr

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "analysis"))
from load import load_cases


def _art(aid: str, text: str, published: str = "2033-04-06") -> Article:
    return Article(id=aid, path=aid, title=aid, text=text, content_hash=aid, published=published)


def _story(*arts: Article) -> Story:
    return Story(id="s", title="t", articles=tuple(a.id for a in arts))


def test_headless_figure_takes_the_head_it_refers_to() -> None:
    (q,) = find_quantities("The aid agency put the number of people displaced at about 4,000.")
    assert q.head == "people"
    (bare,) = find_quantities("The aid agency put the figure at 4,000 on Monday.")
    assert bare.head == ""  # left for the caller to inherit from the article's previous figure


def test_headless_figure_inherits_and_conflicts() -> None:
    a = _art("a", "Officials in Marsk say more than 9,000 people fled the fire zone.")
    b = _art("b", "Regional officials say 9,400 people fled the fire zone. Rescuers put the figure at 3,000.")
    (number,) = [c for c in find_conflicts(_story(a, b), [a, b], {}, [], []) if c.kind == "number"]
    assert not number.compatible
    assert any("3,000" in x.text for x in number.claims)
    head, _, tail = number.summary.partition(" vs ")
    assert "9,400" in head and "9,000" in head and "3,000" in tail


def test_increments_are_not_totals() -> None:
    a = _art("a", "The army has 5,000 soldiers stationed near the Osterland border.")
    b = _art("b", "The army sent another 500 soldiers to the Osterland border on Monday.")
    assert find_quantities("sent another 500 soldiers")[0].increment
    assert find_quantities("350 more British soldiers")[0].increment
    assert [c for c in find_conflicts(_story(a, b), [a, b], {}, [], []) if c.kind == "number"] == []


def test_role_names_the_entity_whose_promise_is_denied() -> None:
    claim = _art(
        "a", "Mayor Lena Brisk said Governor Tomas Orell had promised new funds for the harbour wall."
    )
    denial = _art("b", "“The Governor made no promise on the harbour wall,” his spokesman Per Dahl said.")
    people = [
        Entity(id="e1", name="Tomas Orell", type="PERSON", aliases=("Orell",), roles=("Governor",)),
        Entity(id="e2", name="Lena Brisk", type="PERSON", aliases=("Brisk",), roles=("Mayor",)),
    ]
    found = find_conflicts(_story(claim, denial), [claim, denial], {}, [], people)
    (conflict,) = [c for c in found if c.kind == "denial"]
    assert {x.article for x in conflict.claims} == {"a", "b"}


def test_a_speaker_of_the_denying_side_is_not_its_target() -> None:
    a = _art(
        "a",
        "Cellworks rejected suggestions that its batteries caused the fires.\n\n"
        "“Our batteries passed every test,” said Cellworks spokeswoman Ida Lund.",
    )
    found = find_conflicts(_story(a), [a], {}, [], [])
    assert [c for c in found if c.kind == "denial"] == []


def test_same_weekday_on_different_anchors_is_not_a_date_conflict() -> None:
    text1 = "The reservoir stood at 91 percent of capacity on Tuesday, the water authority said."
    text2 = "The reservoir stood at 91 percent of capacity on Tuesday, according to the water authority."
    a, b = _art("a", text1, "2033-04-06"), _art("b", text2, "2033-04-13")
    s1, s2 = text1.index("Tuesday"), text2.index("Tuesday")
    times = {
        "a": (TimeExpr(s1, s1 + 7, "Tuesday", "2033-04-05", "DATE"),),
        "b": (TimeExpr(s2, s2 + 7, "Tuesday", "2033-04-12", "DATE"),),
    }
    found = find_conflicts(_story(a, b), [a, b], {}, [], [], times=times)
    assert [c for c in found if c.kind == "date"] == []


def test_a_standing_denial_of_plans_is_not_paired_with_a_hedged_fear() -> None:
    """ "denied it has any plans to attack" needs a target asserting plans; an attack feared in a
    hedged clause, or an expected peace plan, is not what is denied."""
    case = load_cases()["standing_denial"]
    (denial,) = [c for c in find_conflicts(case.story, case.articles, {}, [], []) if c.kind == "denial"]
    texts = " ".join(x.text for x in denial.claims)
    assert "Varna crossing" in texts
    assert "plans to attack" not in texts and "cover for an attack" not in texts
    assert "ceasefire plan" not in texts


def test_denial_heads_and_hedges() -> None:
    from storyline.analysis.denials import _heads, asserted_words, has_head

    assert _heads("Moscow has denied it has any plans to attack Kestland.") == {"plan"}
    assert "attack" not in asserted_words("Neighbours fear the units could be used for an attack.")
    assert has_head(frozenset({"attacked", "convoy"}), frozenset({"attacking"}))
    assert not has_head(frozenset({"convoy"}), frozenset({"plan"}))


def test_vague_magnitude_is_reported_as_vague_not_as_a_contradiction() -> None:
    a = _art("a", "Officials say Norvia has massed more than 60,000 troops along the Estrenia border.")
    b = _art("b", "Analysts say Norvia has 64,000 troops near the Estrenia border.")
    c = _art("c", "With thousands of Norvian troops camped near the Estrenia border, talks resumed.")
    (number,) = [x for x in find_conflicts(_story(a, b, c), [a, b, c], {}, [], []) if x.kind == "number"]
    assert not number.compatible  # read literally, "thousands" is under 10,000
    assert number.summary.startswith("Vague vs precise figures for Norvian troops near Estrenia")
    assert "which agree" in number.summary
    d = _art("d", "Officials say Norvia has 12,000 troops near the Estrenia border.")
    (precise,) = [x for x in find_conflicts(_story(a, d, c), [a, d, c], {}, [], []) if x.kind == "number"]
    assert "disagree" in precise.summary and not precise.summary.startswith("Vague")


def test_a_verdict_denial_targets_what_the_sentence_goes_on_to_deny() -> None:
    claim = _art(
        "a", "Port officials said the city had signed a contract to buy four ferries from Tolvane Yards."
    )
    denial = _art(
        "b", "Tolvane Yards dismissed the reports as false, saying no contract for ferries had been signed."
    )
    found = find_conflicts(_story(claim, denial), [claim, denial], {}, [], [])
    assert [c.kind for c in found] == ["denial"]


def test_counts_as_of_different_days_do_not_date_an_event_differently() -> None:
    a = _art("a", "As of Monday, 80 people had been treated after the Marsk chemical leak, the clinic said.")
    b = _art(
        "b", "As of Thursday, 95 people had been treated after the Marsk chemical leak, the clinic said."
    )
    times = {
        "a": (TimeExpr(6, 12, "Monday", "2033-04-04", "DATE"),),
        "b": (TimeExpr(6, 14, "Thursday", "2033-04-07", "DATE"),),
    }
    found = find_conflicts(_story(a, b), [a, b], {}, [], [], times=times)
    assert [c.kind for c in found if c.kind in ("date", "number")] == []


def test_the_one_whose_promise_is_denied_is_not_its_target_and_one_dispute_stays_one() -> None:
    claims = _art(
        "a",
        "Kestish officials said Veloria had agreed to reopen the Marrow crossing to fishing boats.\n\n"
        "The Kestish officials said Minister Olav Brandt gave the commitment on the crossing late in the "
        "evening session.",
    )
    himself = _art(
        "b",
        "Minister Olav Brandt said he had promised only that Veloria would keep its neighbour informed "
        "about the crossing.",
    )
    denial = _art(
        "c",
        "Veloria rejected the Kestish claims that it had agreed to reopen the Marrow crossing.\n\n"
        "Spokeswoman Ilse Varga said Minister Brandt made no commitment on the crossing, written or otherwise.",
    )
    people = [
        Entity(id="e1", name="Olav Brandt", type="PERSON", aliases=("Brandt",), roles=("Minister",)),
        Entity(id="e2", name="Ilse Varga", type="PERSON", aliases=("Varga",)),
    ]
    arts = [claims, himself, denial]
    found = [c for c in find_conflicts(_story(*arts), arts, {}, [], people) if c.kind == "denial"]
    assert len(found) == 1
    who = [x.attributed_to for x in found[0].claims]
    assert "Olav Brandt" not in who and not any("promised only" in x.text for x in found[0].claims)
    assert {x.article for x in found[0].claims} == {"a", "c"}


def test_denial_summary_quotes_the_claim_without_dateline_or_attribution() -> None:
    claim = _art(
        "a",
        "ARLEN, Kestland (Wirepress) — Kestland said on Monday that Veloria had agreed to reopen the crossing.",
    )
    denial = _art(
        "b",
        "Veloria on Tuesday denied that any agreement on the crossing had been reached.\n\n"
        "Fishing crews in Odda have waited for weeks.\n\nThe harbour board meets again in May.\n\n"
        "Ferry prices rose sharply over the winter.",
    )
    (conflict,) = find_conflicts(_story(claim, denial), [claim, denial], {}, [], [])
    assert conflict.summary.startswith("Kestland says “Veloria had agreed to reopen the crossing")
