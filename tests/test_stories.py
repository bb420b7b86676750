"""Stories and storylines: two similar events kept apart, order independence, incremental placement,
id stability, copies counted once, time awareness. Every article here is invented."""

from __future__ import annotations

import datetime as dt
import random

from storyline.records import Article, CopyGroup
from storyline.stories import StoryIndex, cluster_stories


def art(aid: str, title: str, text: str, published: str | None, source: str = "Example Times") -> Article:
    return Article(
        id=aid,
        path=f"{aid}.txt",
        title=title,
        text=text,
        content_hash=aid,
        source=source,
        published=published,
    )


# Event Q1: an earthquake near Orvalle (magnitude 6.1, Tuesday 4 March). Event Q2: a different
# earthquake near Santa Brela (magnitude 5.4, a month later). Same topic, same country, same agency.
Q1 = [
    art(
        "q1a",
        "Magnitude 6.1 earthquake strikes near Orvalle, dozens hurt",
        "ORVALLE — A magnitude 6.1 earthquake struck near the mountain town of Orvalle on Tuesday, "
        "injuring at least 42 people and collapsing the old bell tower of the San Ilario church, the "
        "civil protection agency said.\n\nMayor Carla Venturi said rescue teams were searching two "
        "damaged apartment blocks on Via Roma.\n\nThe quake was felt as far away as the regional capital "
        "Pellona, where schools were evacuated as a precaution.",
        "2025-03-04T09:10",
        "Northgate Herald",
    ),
    art(
        "q1b",
        "Orvalle quake: bell tower falls, 42 injured",
        "The 6.1 tremor that hit Orvalle on Tuesday morning brought down the San Ilario bell tower and "
        "left 42 people injured, according to the civil protection agency.\n\nOrvalle mayor Carla "
        "Venturi asked residents to stay out of the historic centre while engineers inspect the "
        "apartment blocks on Via Roma.\n\nIn Pellona, schools were briefly evacuated.",
        "2025-03-04T12:30",
        "Daily Brief",
    ),
    art(
        "q1c",
        "Orvalle residents spend night in tents after earthquake",
        "Hundreds of Orvalle residents spent the night in tents set up by the civil protection agency "
        "after Tuesday's magnitude 6.1 earthquake damaged their homes.\n\nMayor Carla Venturi said the "
        "number of injured had risen to 45 and that the San Ilario bell tower could not be saved.\n\n"
        "Engineers declared two apartment blocks on Via Roma unsafe.",
        "2025-03-05T08:00",
        "Coastline Post",
    ),
]
Q2 = [
    art(
        "q2a",
        "Magnitude 5.4 earthquake shakes Santa Brela, no deaths reported",
        "SANTA BRELA — A magnitude 5.4 earthquake shook the fishing port of Santa Brela on Sunday, "
        "cracking the harbour wall and cutting power to 8,000 homes, the grid operator Lumenta said.\n\n"
        "Harbour master Dario Fosco said three fishing boats were damaged when the wall gave way.\n\n"
        "No deaths were reported.",
        "2025-04-06T17:45",
        "Northgate Herald",
    ),
    art(
        "q2b",
        "Santa Brela quake cracks harbour wall, 8,000 homes without power",
        "The 5.4 quake that struck Santa Brela on Sunday cracked the harbour wall and left 8,000 homes "
        "without electricity, Lumenta said.\n\nHarbour master Dario Fosco said repairs to the wall "
        "would take months and three boats were damaged.\n\nNo one was killed.",
        "2025-04-06T20:00",
        "Daily Brief",
    ),
    art(
        "q2c",
        "Power back in Santa Brela a day after earthquake",
        "Lumenta restored power to most of the 8,000 Santa Brela homes cut off by Sunday's magnitude 5.4 "
        "earthquake, the company said on Monday.\n\nHarbour master Dario Fosco said divers were "
        "inspecting the cracked harbour wall before fishing boats could return.",
        "2025-04-07T10:15",
        "Coastline Post",
    ),
]
# A distractor on another subject in the same week as Q1.
OTHER = art(
    "x1",
    "Pellona council approves new tram line",
    "Pellona's city council approved a 14-kilometre tram line linking the railway station with the "
    "university campus, councillor Marta Ruggeri said on Wednesday.\n\nConstruction is due to start "
    "next spring and cost 310 million.",
    "2025-03-05T15:00",
)


def partition(stories: tuple[object, ...]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}  # type: ignore[attr-defined]


WANT = {frozenset(a.id for a in Q1), frozenset(a.id for a in Q2), frozenset({"x1"})}


def test_two_similar_events_are_two_stories() -> None:
    stories, _ = cluster_stories([*Q1, *Q2, OTHER], ())
    assert partition(stories) == WANT


def test_partition_does_not_depend_on_input_order() -> None:
    articles = [*Q1, *Q2, OTHER]
    first, _ = cluster_stories(articles, ())
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        again, _ = cluster_stories(shuffled, ())
        assert partition(again) == partition(first)
        assert {s.id for s in again} == {s.id for s in first}  # ids named after earliest members


def test_incremental_placement_through_persisted_state_keeps_ids() -> None:
    index = StoryIndex()
    index.add([Q1[0], Q1[1], Q2[0]], ())
    before, _ = index.stories()
    restored = StoryIndex.from_bytes(index.to_bytes())
    touched = restored.add([Q1[2], Q2[1], Q2[2], OTHER], ())
    after, _ = restored.stories(before)
    assert partition(after) == WANT
    old_id = {a: s.id for s in before for a in s.articles}
    new_id = {a: s.id for s in after for a in s.articles}
    assert new_id["q1a"] == old_id["q1a"] and new_id["q2a"] == old_id["q2a"]
    assert set(touched) == {new_id["q1c"], new_id["q2b"], new_id["x1"]}


def test_copies_count_once_and_join_their_canonical() -> None:
    reprint = art("q1a-copy", Q1[0].title, Q1[0].text, None, "Tessbruck Tribune")
    group = CopyGroup(
        id="c1",
        canonical="q1a",
        members=("q1a", "q1a-copy"),
        kind="exact",
        similarity=1.0,
        evidence=("earliest published",),
    )
    stories, _ = cluster_stories([*Q1, reprint, *Q2], (group,))
    story = next(s for s in stories if "q1a" in s.articles)
    assert "q1a-copy" in story.articles
    notes = dict(story.explanations)
    assert "copy of q1a" in notes["q1a-copy"]
    assert "Tessbruck Tribune" in story.outlets


def test_story_describes_itself() -> None:
    stories, _ = cluster_stories([*Q1, *Q2, OTHER], ())
    q1 = next(s for s in stories if "q1a" in s.articles)
    assert q1.first == "2025-03-04T09:10" and q1.last == "2025-03-05T08:00"
    assert set(q1.outlets) == {"Northgate Herald", "Daily Brief", "Coastline Post"}
    assert "Orvalle" in q1.title
    assert any(t in q1.terms for t in ("Orvalle", "Carla Venturi", "Venturi"))
    for aid, why in q1.explanations:
        assert aid in q1.articles and "similarity" in why


def test_undated_article_joins_on_content() -> None:
    undated = art(
        "q2-undated",
        "Santa Brela fishermen count the cost of the quake",
        "Fishermen in Santa Brela said the magnitude 5.4 earthquake that cracked the harbour wall had "
        "kept their boats in port.\n\nHarbour master Dario Fosco said Lumenta had restored power to the "
        "fish market.",
        None,
    )
    stories, _ = cluster_stories([*Q1, *Q2, undated], ())
    assert frozenset({*(a.id for a in Q2), "q2-undated"}) in partition(stories)


def test_same_subject_weeks_apart_is_another_story_in_one_storyline() -> None:
    def three_weeks_later(published: str | None) -> str | None:
        if published is None:
            return None
        day = dt.datetime.fromisoformat(published) + dt.timedelta(days=21)
        return day.isoformat(timespec="minutes")

    later = [
        art(
            f"{a.id}-later",
            a.title.replace("Orvalle", "Orvalle aftershock"),
            a.text.replace("Tuesday", "Friday"),
            three_weeks_later(a.published),
        )
        for a in Q1
    ]
    stories, storylines = cluster_stories([*Q1, *later], ())
    assert len(stories) == 2
    assert len(storylines) == 1 and set(storylines[0].stories) == {s.id for s in stories}


def test_read_after_a_small_addition_reuses_unchanged_stories_and_agrees_with_a_full_read() -> None:
    index = StoryIndex()
    index.add([Q1[0], Q1[1], Q2[0], OTHER], ())
    before, _ = index.stories()
    restored = StoryIndex.from_bytes(index.to_bytes())
    restored.add([Q2[1]], ())
    after, lines = restored.stories(before)
    unchanged = next(s for s in before if "x1" in s.articles)
    assert next(s for s in after if "x1" in s.articles) is unchanged  # the old record, not rebuilt
    full = StoryIndex.from_bytes(restored.to_bytes())
    full.links, full.dirty = {}, set(full.clusters)  # forget what was kept: look everything up again
    again, again_lines = full.stories()
    assert again == after and again_lines == lines


def test_a_story_of_two_groups_is_split_and_one_of_one_group_is_not() -> None:
    from storyline.stories.clusters import Cluster, split_part

    weights = {"b": 1.0}

    def vec(*terms: str) -> dict[str, float]:
        return {f"b:{t}": 1 / len(terms) ** 0.5 for t in terms}

    quake = {f"q{i}": vec("quake", "orvalle", "tower", f"w{i}") for i in range(3)}
    harbour = {f"h{i}": vec("quake", "brela", "harbour", f"v{i}") for i in range(3)}
    mixed = Cluster(id="s1")
    for rep, v in {**quake, **harbour}.items():
        mixed.add(rep, v, None, 400)
    part = split_part(mixed, {**quake, **harbour}, weights, below=0.55, min_size=3)
    assert sorted(part) in (sorted(quake), sorted(harbour))
    one = {f"q{i}": vec("quake", "orvalle", "tower", "venturi", f"w{i}") for i in range(6)}
    whole = Cluster(id="s2")
    for rep, v in one.items():
        whole.add(rep, v, None, 400)
    assert split_part(whole, one, weights, below=0.55, min_size=3) == []
    some = dict(list(quake.items())[:2])  # members without a vector: kept whole
    assert split_part(mixed, some, weights, below=0.55, min_size=3) == []


def test_a_small_group_that_founded_its_own_story_rejoins_the_main_one() -> None:
    """Two undated follow-ups about the fallen bell tower, placed first (ids sort first), found a
    story; the reports of the quake itself then start another one because the pair's centroid is
    all fresco and bishop.  Each follow-up is above the threshold to the quake story once the pair
    no longer holds it (the small story is dissolved and its members placed again)."""
    from storyline.stories import StoryParams

    main = [art(f"m{i}", a.title, a.text, None, a.source) for i, a in enumerate(Q1)]
    pair = [
        art(
            "a-f1",
            "Orvalle bell tower: restorers recover fresco fragments",
            "Restorers working in the rubble of the San Ilario bell tower, brought down in Orvalle by "
            "Tuesday's magnitude 6.1 earthquake, recovered fragments of a fresco, the diocese said. "
            "Engineers were still inspecting Via Roma.\n\nBishop Anselmo Duria said the pieces would be "
            "catalogued in the cloister workshop.",
            None,
        ),
        art(
            "a-f2",
            "Fresco fragments saved from Orvalle bell tower rubble",
            "Fragments of the fresco that decorated the San Ilario bell tower in Orvalle were recovered "
            "from the rubble of Tuesday's magnitude 6.1 earthquake, Bishop Anselmo Duria said.\n\nThe "
            "diocese will catalogue them in the cloister workshop, he said.",
            None,
        ),
    ]
    kept_apart, _ = cluster_stories([*main, *pair], (), params=StoryParams(dissolve_upto=0))
    assert partition(kept_apart) == {frozenset({"a-f1", "a-f2"}), frozenset({"m0", "m1", "m2"})}
    stories, _ = cluster_stories([*main, *pair], ())
    assert partition(stories) == {frozenset({"a-f1", "a-f2", "m0", "m1", "m2"})}
    again, _ = cluster_stories([*pair, *main][::-1], ())
    assert partition(again) == partition(stories)


def test_the_split_pass_with_several_seeds_splits_two_events_and_keeps_one() -> None:
    from storyline.stories.clusters import Cluster, split_part

    weights = {"b": 1.0}

    def vec(*terms: str) -> dict[str, float]:
        return {f"b:{t}": 1 / len(terms) ** 0.5 for t in terms}

    quake = {f"q{i}": vec("quake", "orvalle", "tower", f"w{i}") for i in range(4)}
    harbour = {f"h{i}": vec("quake", "brela", "harbour", f"v{i}") for i in range(4)}
    mixed = Cluster(id="s1")
    for rep, v in {**quake, **harbour}.items():
        mixed.add(rep, v, None, 400)
    for restarts in (1, 3, 6, 20):
        part = split_part(mixed, {**quake, **harbour}, weights, below=0.55, min_size=3, restarts=restarts)
        assert sorted(part) in (sorted(quake), sorted(harbour))
    one = {f"q{i}": vec("quake", "orvalle", "tower", "venturi", f"w{i}", f"x{i % 3}") for i in range(9)}
    whole = Cluster(id="s2")
    for rep, v in one.items():
        whole.add(rep, v, None, 400)
    assert split_part(whole, one, weights, below=0.55, min_size=3, restarts=6) == []
