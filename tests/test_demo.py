"""The demo corpus, cleaned, against its answer key (storyline/demo/corpus/MANIFEST.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.clean import clean
from storyline.demo import corpus_path
from storyline.ingest import read_inputs
from storyline.records import Article, RawDoc


def answer_key() -> dict[str, Any]:
    text = (corpus_path() / "MANIFEST.md").read_text()
    block = re.search(r"```json answer-key\n(.*?)```", text, re.S)
    assert block, "MANIFEST.md has no answer-key block"
    return dict(json.loads(block.group(1)))


def name_of(path: str) -> str:
    p = Path(path.split("#", maxsplit=1)[0]).name
    return p + ("#" + path.split("#")[1] if "#" in path else "")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    docs = [d for d in read_inputs([str(corpus_path())]) if isinstance(d, RawDoc)]
    return {name_of(d.path): clean(d) for d in docs}


def test_every_input_is_read_and_the_manifest_is_not(cleaned: dict[str, Article]) -> None:
    assert set(cleaned) == set(answer_key()["articles"])


@pytest.mark.parametrize("field", ["title", "published", "origin", "source", "authors", "dateline"])
def test_metadata_matches_the_answer_key(cleaned: dict[str, Article], field: str) -> None:
    wrong = {}
    for name, expected in answer_key()["articles"].items():
        got: Any = getattr(cleaned[name], field)
        want = expected[field]
        if field == "authors":
            got = list(got)
        if field == "dateline" and got:
            got = got.split(",")[0]
        if field == "source" and want and want.startswith("www."):
            want = want[4:]
        if got != want:
            wrong[name] = (got, want)
    assert not wrong, wrong


def test_scraped_text_keeps_no_chrome(cleaned: dict[str, Article]) -> None:
    chrome = (
        "Sign In",
        "Source link",
        "Leave a Comment",
        "MORE:",
        "All Rights Reserved",
        "Follow US",
        "Реклама",
        "اعلان",
    )
    for name, a in cleaned.items():
        for marker in chrome:
            assert marker not in a.text, (name, marker)
