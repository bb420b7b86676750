"""Copy, version and reprint detection on a small invented wire story and its reprints."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.copies import CopyIndex, find_copies
from storyline.copies.groups import classify
from storyline.errors import NotFoundError, StoreError
from storyline.records import Article, CopyGroup
from storyline.text import content_hash

FIXTURES = Path(__file__).parent / "fixtures" / "copies"


def _read(name: str) -> Article:
    head, _, text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").partition("---\n")
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    return Article(
        id=meta["id"],
        path=name,
        title="",
        text=text.strip(),
        content_hash=content_hash(text),
        source=meta.get("source"),
        origin=meta.get("origin"),
        published=meta.get("published"),
    )


@pytest.fixture(scope="module")
def arts() -> dict[str, Article]:
    names = ["wire", "reprint_daily", "reprint_valley", "truncated", "updated"]
    names += ["other_gazette", "other_courier", "quote_a", "quote_b"]
    return {a.id: a for a in map(_read, names)}


@pytest.fixture(scope="module")
def groups(arts: dict[str, Article]) -> tuple[CopyGroup, ...]:
    return find_copies(list(arts.values()))


def _one(groups: tuple[CopyGroup, ...]) -> CopyGroup:
    assert len(groups) == 1, [g.members for g in groups]
    return groups[0]


def test_reprints_truncation_and_update_form_one_group(groups: tuple[CopyGroup, ...]) -> None:
    group = _one(groups)
    assert set(group.members) == {"wire", "daily", "valley", "brief", "update"}
    assert group.members[0] == group.canonical == "wire"
    assert group.kind == "version"  # the most divergent member decides


def test_articles_on_the_same_event_sharing_a_quote_are_not_copies(groups: tuple[CopyGroup, ...]) -> None:
    grouped = {m for g in groups for m in g.members}
    assert not grouped & {"gazette", "courier", "quote-a", "quote-b"}


def test_canonical_evidence_names_credit_date_and_completeness(groups: tuple[CopyGroup, ...]) -> None:
    evidence = _one(groups).evidence
    assert "credited as origin by daily, valley" in evidence
    assert "earliest published (2031-03-04T06:10)" in evidence
    assert any(e.startswith("has 8 of 9 paragraphs") for e in evidence)  # the update adds one


def test_member_kinds(arts: dict[str, Article]) -> None:
    members = [arts[i] for i in ("wire", "daily", "valley", "brief", "update")]
    _, kinds = classify(members)
    assert kinds == {"daily": "near", "valley": "near", "brief": "partial", "update": "version"}


def test_adds_and_lacks(groups: tuple[CopyGroup, ...]) -> None:
    details = {m.article: m for m in _one(groups).details}
    assert details["wire"].adds == details["wire"].lacks == ()
    # the typo ("comissions") still matches its paragraph; only chrome lines are added
    assert details["daily"].adds == (
        "Advertisement",
        "Share this article",
        "Copyright 2031 CPA Wire. All rights reserved.",
    )
    assert details["daily"].lacks == ()
    assert len(details["update"].adds) == 1 and details["update"].adds[0].startswith("By Tuesday afternoon")
    assert details["update"].lacks == ()
    assert details["brief"].adds == ("Read more at briefs.example.",)
    assert [p[:20] for p in details["brief"].lacks] == [
        "Marwood said the cra",
        "Port operators warne",
        "The harbour authorit",
        "Opposition councillo",
        "The bridge, which op",
    ]
    assert details["daily"].similarity > 0.9 > details["brief"].similarity
    assert details["brief"].containment > 0.9


def test_exact_copy(arts: dict[str, Article]) -> None:
    clone = Article("clone", "clone", "", arts["wire"].text + "\n", arts["wire"].content_hash, published=None)
    group = _one(find_copies([clone, arts["wire"]]))
    assert group.kind == "exact" and group.canonical == "wire"
    assert group.evidence == ("the only dated member (2031-03-04T06:10)", "most complete: 8 of 8 paragraphs")


@pytest.mark.parametrize(("other", "kind"), [("brief", "partial"), ("update", "version"), ("daily", "near")])
def test_pair_kinds(arts: dict[str, Article], other: str, kind: str) -> None:
    group = _one(find_copies([arts["wire"], arts[other]]))
    assert (group.canonical, group.kind) == ("wire", kind)


def test_undated_longer_text_is_canonical_of_its_truncation(arts: dict[str, Article]) -> None:
    undated = [Article(a.id, a.path, "", a.text, a.content_hash) for a in (arts["wire"], arts["brief"])]
    group = _one(find_copies(undated))
    assert group.canonical == "wire"
    assert group.evidence == ("most complete: 8 of 8 paragraphs",)  # the "Read more" line is chrome


def test_result_does_not_depend_on_input_order(arts: dict[str, Article]) -> None:
    reference = find_copies(list(arts.values()))
    for order in itertools.islice(itertools.permutations(arts.values()), 1, 60, 17):
        assert find_copies(list(order)) == reference


def test_group_id_is_stable_when_members_join(arts: dict[str, Article]) -> None:
    index = CopyIndex()
    first = _one(index.add([arts["wire"], arts["daily"]]))
    touched = _one(index.add([arts["valley"], arts["gazette"]]))
    assert touched.id == first.id and set(touched.members) == {"wire", "daily", "valley"}
    assert index.add([arts["daily"]]) == ()  # known ids are ignored
    assert _one(find_copies(list(arts.values()))).id == first.id


def test_incremental_equals_batch_and_survives_serialisation(arts: dict[str, Article]) -> None:
    everything = list(arts.values())
    index = CopyIndex()
    index.add(everything[:4])
    restored = CopyIndex.from_bytes(index.to_bytes())
    restored.add(everything[4:])
    assert restored.groups() == find_copies(everything)
    assert restored.group_of("brief") == restored.groups()[0]
    assert restored.group_of("gazette") is None
    assert len(restored) == len(everything) and "update" in restored


def test_index_with_a_loader_keeps_no_texts(arts: dict[str, Article]) -> None:
    calls: list[tuple[str, ...]] = []

    def loader(ids: object) -> dict[str, Article]:
        calls.append(tuple(ids))  # type: ignore[arg-type]
        return {i: arts[i] for i in ids}  # type: ignore[attr-defined]

    index = CopyIndex(loader=loader)
    index.add([arts["wire"], arts["gazette"]])
    touched = index.add([arts["update"]])
    assert _one(touched).members == ("wire", "update")
    assert any("wire" in c for c in calls)
    data = index.to_bytes()
    assert arts["wire"].text[:40].encode() not in data
    with pytest.raises(StoreError):
        CopyIndex.from_bytes(data)
    assert CopyIndex.from_bytes(data, loader=loader).groups() == index.groups()


def test_loader_missing_an_article_is_a_typed_error(arts: dict[str, Article]) -> None:
    index = CopyIndex(loader=lambda ids: {})
    index.add([arts["wire"]])
    with pytest.raises(NotFoundError):
        index.add([arts["daily"]])


def test_bad_index_bytes_are_a_typed_error() -> None:
    with pytest.raises(StoreError):
        CopyIndex.from_bytes(b"not a pickle")


def test_empty_and_tiny_texts(arts: dict[str, Article]) -> None:
    empty = Article("empty", "e", "", "", content_hash(""))
    tiny_a = Article("tiny-a", "a", "", "Bridge shut.", content_hash("Bridge shut."))
    tiny_b = Article("tiny-b", "b", "", "Bridge shut!", content_hash("Bridge shut!"))
    groups = find_copies([empty, tiny_a, tiny_b, arts["wire"]])
    assert [g.members for g in groups] == [("tiny-a", "tiny-b")]
    assert groups[0].kind == "exact"
    assert find_copies([]) == ()


_CHROME_LINES = [
    "Advertisement",
    "Share this article",
    "Sign up for our morning newsletter.",
    "Copyright 2031 Harbour Media. All rights reserved.",
    "Photo: the river at night",
    "Read more at example.org.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    top=st.lists(st.sampled_from(_CHROME_LINES), max_size=3),
    bottom=st.lists(st.sampled_from(_CHROME_LINES), max_size=3),
    typos=st.lists(st.integers(min_value=0, max_value=10_000), max_size=4),
)
def test_any_reprint_with_chrome_and_typos_is_a_near_copy(
    arts: dict[str, Article], top: list[str], bottom: list[str], typos: list[int]
) -> None:
    words = arts["wire"].text.split(" ")
    for t in typos:  # swap two letters of a word, as a typo would
        i = t % len(words)
        if len(words[i]) > 3:
            words[i] = words[i][1] + words[i][0] + words[i][2:]
    text = "\n\n".join([*top, " ".join(words), *bottom])
    reprint = Article("reprint", "r", "", text, content_hash(text), published="2031-03-04T12:00")
    group = _one(find_copies([reprint, arts["wire"]]))
    assert group.canonical == "wire"
    assert group.kind in ({"exact"} if text == arts["wire"].text else {"exact", "near"})


def test_public_api_is_small_and_sorted() -> None:
    import storyline.copies as copies

    assert copies.__all__ == sorted(copies.__all__)
    public = {
        n for n in dir(copies) if not n.startswith("_") and not isinstance(getattr(copies, n), type(copies))
    }
    assert public - {"annotations"} == set(copies.__all__)


def _variant(
    aid: str, paragraphs: list[str], title: str = "", published: str = "2031-03-04T12:00"
) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(aid, aid, title, text, content_hash(text), published=published)


def _wire_paragraphs(arts: dict[str, Article]) -> list[str]:
    return arts["wire"].text.split("\n\n")


def test_wire_copy_trimmed_by_its_last_paragraph_is_near_not_partial(arts: dict[str, Article]) -> None:
    trimmed = _variant("trimmed", _wire_paragraphs(arts)[:-1])
    group = _one(find_copies([arts["wire"], trimmed]))
    assert (group.canonical, group.kind) == ("wire", "near")
    assert group.details[1].lacks == (_wire_paragraphs(arts)[-1],)


def test_copy_cut_to_its_first_paragraphs_is_partial(arts: dict[str, Article]) -> None:
    cut = _variant("cut", _wire_paragraphs(arts)[:4])
    assert _one(find_copies([arts["wire"], cut])).kind == "partial"


def test_a_fragment_of_the_first_paragraph_is_partial(arts: dict[str, Article]) -> None:
    lede = _wire_paragraphs(arts)[0].split(" ")
    fragment = _variant(
        "fragment", ["Advertisement", " ".join(lede[:12]) + " …", "Read more at example.org."]
    )
    group, kinds = classify([arts["wire"], fragment])  # too short for LSH; classified once verified
    assert (group.canonical, kinds) == ("wire", {"fragment": "partial"})


def test_headline_repeated_in_the_body_is_not_added_content(arts: dict[str, Article]) -> None:
    title = (
        "Norvale harbour bridge closed for six weeks after engineers find deep cracks in two support cables."
    )
    wire = replace(arts["wire"], title=title)
    reprint = _variant("headlined", ["WATCH: " + title.upper(), *_wire_paragraphs(arts)], title="Bridge shut")
    group = _one(find_copies([wire, reprint]))
    assert group.kind == "near"
    assert group.details[1].adds == ("WATCH: " + title.upper(),)  # still listed, but not content


def test_new_dateline_and_credit_on_a_paragraph_still_match(arts: dict[str, Article]) -> None:
    paras = _wire_paragraphs(arts)
    moved = [paras[0].replace("NORVALE — ", "HARBOUR CITY (CPA Wire) — "), *paras[1:]]
    group = _one(find_copies([arts["wire"], _variant("moved", moved)]))
    assert group.kind == "near"
    assert group.details[1].adds == group.details[1].lacks == ()


def test_merged_paragraphs_are_not_lacking(arts: dict[str, Article]) -> None:
    paras = _wire_paragraphs(arts)
    merged = [paras[0], paras[1] + " " + paras[2], *paras[3:]]
    merged[-1] += " Updated at noon."
    group = _one(find_copies([arts["wire"], _variant("merged", merged)]))
    assert group.details[1].lacks == ()
    assert group.kind == "near"


_FOLLOW_UP = [
    "NORVALE — Lorry drivers staged a slow convoy along the ring road on Friday to protest against the "
    "detours they have faced since the harbour bridge was shut, bringing traffic to a crawl for two hours.",
    "Drivers' union spokesman Teodor Halm said members were losing up to three hours a day and asked the "
    "city to open a temporary lane through the port's customs area for goods vehicles.",
    "The city's transport office said it was studying the request but that customs rules made a quick "
    "change unlikely, and pointed to the two extra ferry crossings already running every hour.",
    "Several bakeries and market traders in the old town said deliveries from the northern bank now "
    "arrived after opening time, and some had started buying from suppliers on their own side of the river.",
    "A council committee will hear the engineers' full report on the cables next Thursday, when members "
    "are expected to ask why the earlier surveys did not flag the damage.",
]


@pytest.mark.parametrize("order", ["follow-up last", "follow-up first"])
def test_follow_up_repeating_one_paragraph_of_a_short_reprint_does_not_chain(
    arts: dict[str, Article], order: str
) -> None:
    """A short reprint (the wire's first two paragraphs) is a copy of the wire; a later article of the
    same outlet that repeats its second paragraph as background shares half of the short reprint, but
    it is not a copy of the wire and must not join the family through the short reprint."""
    paras = _wire_paragraphs(arts)
    cut = _variant("cut", paras[:2])
    follow = _variant("follow", [*_FOLLOW_UP[:3], paras[1], *_FOLLOW_UP[3:]])
    index = CopyIndex()
    batches = (
        [[arts["wire"], cut], [follow]] if order == "follow-up last" else [[follow], [cut, arts["wire"]]]
    )
    for batch in batches:
        index.add(batch)
    group = _one(index.groups())
    assert set(group.members) == {"wire", "cut"}
