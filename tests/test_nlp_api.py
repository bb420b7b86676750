"""The package's public API stays put (and the per-article function is never shadowed)."""

from __future__ import annotations

import importlib

import pytest

import storyline.nlp as nlp
from storyline.records import Article


def test_exported_members_are_sorted_and_callable() -> None:
    assert nlp.__all__ == sorted(nlp.__all__)
    assert all(callable(getattr(nlp, name)) for name in nlp.__all__)


def test_annotate_stays_a_function_after_submodules_load() -> None:
    importlib.import_module("storyline.nlp.annotate")
    art = Article(id="a", path="a", title="t", text="“We are ready,” Harald Voss said.", content_hash="h")
    first = nlp.annotate(art)
    second = nlp.annotate(art)
    assert callable(nlp.annotate)
    assert first == second and first.quotes[0].speaker == "Harald Voss"


def test_annotate_all_reuses_exact_reprints() -> None:
    text = "Harald Voss said the harbour would reopen in May."
    a = Article(id="a", path="a", title="t", text=text, content_hash="h")
    b = Article(id="b", path="b", title="t", text=text, content_hash="h")
    out = nlp.annotate_all([a, b])
    assert set(out) == {"a", "b"}
    assert out["b"].article == "b"
    assert [q.article for q in out["b"].quotes] == ["b"]
    assert (
        [q.text for q in out["a"].quotes]
        == [q.text for q in out["b"].quotes]
        == ["the harbour would reopen in May"]
    )


def test_annotate_reuses_a_recent_exact_reprint_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.nlp import spacy_model

    text = "“The cranes are back,” Harald Voss said on a quiet Sunday in Tallberg."
    first = nlp.annotate(Article(id="orig", path="o", title="t", text=text, content_hash="h"))

    def no_parse(_text: str) -> None:
        raise AssertionError("an exact reprint must not be parsed again")

    monkeypatch.setattr(spacy_model, "parse", no_parse)
    again = nlp.annotate(Article(id="copy", path="c", title="t", text=text, content_hash="h"))
    assert again.article == "copy"
    assert [(q.article, q.text, q.speaker) for q in again.quotes] == [
        ("copy", "The cranes are back,", "Harald Voss")
    ]
    assert again.entities == first.entities
