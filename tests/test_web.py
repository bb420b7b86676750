"""The local web UI: pages, their .json twins, one error shape, read-only store."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline import pipeline
from storyline.store import Store
from storyline.web import create_app
from tests.chrome_samples import SCRAPED


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    d = tmp_path_factory.mktemp("web")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(SCRAPED)
    db = str(d / "web.db")
    with Store(db) as s:
        pipeline.analyze([str(d / "in")], s)
    return TestClient(create_app(db))


def test_index_and_its_json_twin(client: TestClient) -> None:
    html = client.get("/")
    assert html.status_code == 200 and "stories from 1 articles" in html.text
    data = client.get("/index.json").json()
    assert data["ok"] is True and data["articles"] == 1 and len(data["stories"]) == 1


def test_story_and_article_pages(client: TestClient) -> None:
    story = client.get("/index.json").json()["stories"][0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and "Estrenia and Lusova at odds" in page.text
    rep = client.get(f"/stories/{story['id']}.json").json()
    assert rep["schema"] == "storyline.report/1" and rep["story"]["id"] == story["id"]
    aid = rep["articles"][0]["id"]
    art = client.get(f"/articles/{aid}")
    assert art.status_code == 200 and "cookie notice" in art.text and "HALDEN" in art.text
    assert client.get(f"/articles/{aid}.json").json()["article"]["id"] == aid


def test_errors_share_one_json_shape(client: TestClient) -> None:
    for url in ("/stories/nope.json", "/articles/nope.json", "/no/such/page"):
        r = client.get(url)
        assert r.status_code == 404
        body = r.json()
        assert set(body) == {"ok", "status", "error", "hint"} and body["ok"] is False


def test_quotes_page(client: TestClient) -> None:
    assert client.get("/quotes").status_code == 200
    assert client.get("/quotes.json?speaker=nobody").json()["quotes"] == []


def test_missing_database_is_a_clear_error_and_is_not_created(tmp_path: Path) -> None:
    r = TestClient(create_app(str(tmp_path / "missing.db"))).get("/index.json")
    assert r.status_code == 404 and "no storyline database" in r.json()["error"]
    assert not (tmp_path / "missing.db").exists()


def test_index_groups_stories_by_storyline(tmp_path: Path) -> None:
    import json

    from tests.test_stories import Q1

    docs = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published} for a in Q1]
    later = [
        (
            "Orvalle bell tower to be rebuilt three weeks after earthquake",
            "Three weeks after the magnitude 6.1 earthquake, Orvalle mayor Carla Venturi said the San Ilario "
            "bell tower would be rebuilt stone by stone with money from the regional government in Pellona.\n\n"
            "The civil protection agency said 40 families were still living in tents near Via Roma.",
        ),
        (
            "Orvalle families still in tents as quake rebuilding begins",
            "Forty Orvalle families remain in civil protection tents three weeks after the earthquake, "
            "mayor Carla Venturi said, as builders began shoring up the apartment blocks on Via Roma.\n\n"
            "The San Ilario bell tower will be rebuilt, the regional government in Pellona said.",
        ),
    ]
    docs += [
        {"id": f"later{n}", "title": t, "text": x, "published": f"2025-03-2{5 + n}"}
        for n, (t, x) in enumerate(later)
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    db = str(tmp_path / "lines.db")
    with Store(db) as s:
        pipeline.analyze([str(tmp_path / "feed.jsonl")], s)
    client = TestClient(create_app(db))
    data = client.get("/index.json").json()
    assert len(data["stories"]) == 2 and len(data["storylines"]) == 1
    assert set(data["storylines"][0]["stories"]) == {s["id"] for s in data["stories"]}
    html = client.get("/").text
    assert html.count("Storyline:") == 1 and "Other stories" not in html
