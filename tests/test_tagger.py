"""The optional trained attribution tagger: PolNeAR reading, labels, decoding, merging with the rules.

The tagger itself needs a model trained from PolNeAR (research-use data, not in the repository); the
end-to-end test trains a tiny one on synthetic articles when torch is installed (the ``tagger`` extra).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import UsageError
from storyline.nlp.cues import Attribution, Cue
from storyline.nlp.polnear import GoldAttribution, PolnearDoc, load_split, parse_ann
from storyline.nlp.tagged import merge_tagged
from storyline.nlp.tagger import Tagging, spans_of, windows
from storyline.nlp.tagger_train import encode_labels, outermost

ANN = (
    "T1\tSource 0 5\tVoss\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30;35 50\tthe call went well ... and calmly\n"
    "T4\tContent 60 80\tno source here\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "E2\tAttribution:T4 Content:T4\n"
    "E3\tAttribution:T2 Cue:T2\n"
)


def test_parse_ann_takes_discontinuous_content_whole_and_keeps_roles() -> None:
    got = parse_ann(ANN)
    assert got == (
        GoldAttribution((11, 50), (0, 5), (6, 10)),
        GoldAttribution((60, 80), None, None),
    )


def test_load_split_reads_metadata_first_annotator_and_skips_missing(tmp_path: Path) -> None:
    split = tmp_path / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "metadata.tsv").write_text("filename\tannotators\nart1\tzz|aa\nart2\taa\n", encoding="utf-8")
    (split / "text" / "art1.txt").write_text("Voss said the call went well.", encoding="utf-8")
    (split / "attributions" / "art1_aa.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "art1_zz.ann").write_text("", encoding="utf-8")
    docs = load_split(tmp_path, "train")
    assert [d.name for d in docs] == ["art1"]  # art2 has no text
    assert len(docs[0].attributions) == 2  # from annotator aa, the first sorted
    with pytest.raises(UsageError):
        load_split(tmp_path, "dev")


def test_outermost_merges_nested_and_overlapping_spans() -> None:
    assert outermost([(10, 20), (0, 50), (60, 70), (65, 80)]) == [(0, 50), (60, 80)]


def test_labels_mark_first_piece_then_inside_per_role() -> None:
    doc = PolnearDoc("x", "Voss said it went well", (GoldAttribution((10, 22), (0, 4), (5, 9)),))
    offsets = [(0, 4), (5, 9), (10, 12), (13, 17), (18, 22)]
    assert encode_labels(doc, offsets) == [[0, 1, 0], [0, 0, 1], [1, 0, 0], [2, 0, 0], [2, 0, 0]]


def test_windows_cover_every_token_with_overlap() -> None:
    assert windows(5, 8, 6) == [(0, 5)]
    wins = windows(20, 8, 6)
    assert wins[0] == (0, 8) and wins[-1] == (12, 20)
    assert {i for s, e in wins for i in range(s, e)} == set(range(20))


def _logp(rows: list[tuple[float, float, float]]) -> np.ndarray:
    return np.log(np.array(rows, dtype=np.float32))


def test_spans_by_hysteresis_whole_words_and_new_beginnings() -> None:
    text = "He said the dam will hold tomorrow, and officials agreed quietly."
    words = [
        "He",
        "said",
        "the",
        "dam",
        "will",
        "hold",
        "tomorrow",
        ",",
        "and",
        "officials",
        "agreed",
        "quiet",
    ]
    offsets = [(text.index(w), text.index(w) + len(w)) for w in words]
    o, b, i = (0.9, 0.05, 0.05), (0.1, 0.8, 0.1), (0.1, 0.1, 0.8)
    weak = (0.6, 0.1, 0.3)  # 0.4 inside: extends a span (low 0.3) but cannot start one alone (high 0.7)
    rows = [o, o, b, i, weak, i, i, o, o, weak, o, weak]
    spans = spans_of(text, offsets, _logp(rows), low=0.3, high=0.7)
    # "the dam will hold tomorrow" with its weak piece; "officials" is weak and alone: dropped;
    # "quiet" is a piece of "quietly" but weak and alone: dropped
    assert [text[s:e] for s, e, _ in spans] == ["the dam will hold tomorrow"]
    rows = [o, o, b, i, i, b, i, o, o, o, o, (0.1, 0.1, 0.8)]
    spans = spans_of(text, offsets, _logp(rows), low=0.3, high=0.7)
    # a confident B starts a new span; a piece inside a word widens to the whole word
    assert [text[s:e] for s, e, _ in spans] == ["the dam will", "hold tomorrow", "quietly"]
    assert all(0.85 < p < 0.95 for _, _, p in spans)


TEXT = (
    'Voss said the call had been calm. "We will rebuild," the minister said. '
    "Critics doubt the dam can hold another winter, the report found."
)


def _find(sub: str) -> tuple[int, int]:
    s = TEXT.index(sub)
    return s, s + len(sub)


def test_merge_keeps_rule_speaker_takes_tagged_extent_and_adds_what_rules_missed() -> None:
    sentences = [(0, 33), (34, 71), (72, len(TEXT))]
    said = _find("said")
    rule_indirect = Attribution(
        *_find("the call had been"),
        "indirect",
        *_find("the call had been"),
        Cue(*said, "said", _find("Voss")),
    )
    quote = _find('"We will rebuild,"')
    cue_at = TEXT.index("minister said") + len("minister ")
    rule_quote = Attribution(
        quote[0] + 1, quote[1] - 2, "direct", *quote, Cue(cue_at, cue_at + 4, "said", _find("the minister"))
    )
    stray = Attribution(*_find("the minister"), "indirect", *_find("the minister"))
    tagging = Tagging(
        content=(
            (*_find("the call had been calm"), 0.9),
            (*_find("Critics doubt the dam can hold another winter"), 0.8),
            (0, 3, 0.9),  # too short to keep
            (*_find("another"), 0.2),  # not sure enough
        ),
        source=((*_find("Voss"), 0.9), (*_find("the report"), 0.9)),
        cue=((*_find("found"), 0.9),),
    )
    rules = [rule_indirect, rule_quote, stray]
    everything = merge_tagged(TEXT, rules, tagging, sentences)
    assert stray in everything  # by default a rule attribution the tagger did not find stays
    merged = merge_tagged(TEXT, rules, tagging, sentences, keep_unmatched="quoted")
    by_content = {TEXT[a.content_start : a.content_end]: a for a in merged}
    assert set(by_content) == {
        "the call had been calm",  # the rule's attribution, the tagger's extent
        '"We will rebuild,"',  # a quotation the tagger missed stays; the stray indirect one does not
        "Critics doubt the dam can hold another winter",  # found by the tagger alone
    }
    kept = by_content["the call had been calm"]
    assert kept.cue == rule_indirect.cue and kept.kind == "indirect"
    new = by_content["Critics doubt the dam can hold another winter"]
    assert new.kind == "indirect" and new.cue is not None
    assert new.cue.text == "found" and new.cue.source == _find("the report")


def test_merge_marks_a_tagged_quotation_direct_with_inner_mention() -> None:
    text = 'He said: "The water is falling." Then he left.'
    q = text.index('"The')
    tagging = Tagging(content=((q, q + 24, 0.9),), source=((0, 2, 0.9),), cue=((3, 7, 0.9),))
    (a,) = merge_tagged(text, [], tagging, [(0, 33), (33, len(text))])
    assert a.kind == "direct"
    assert text[a.start : a.end] == "The water is falling."
    assert a.cue is not None and a.cue.source == (0, 2)


def test_tagger_status_without_a_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_TAGGER", str(tmp_path / "absent"))
    res = CliRunner().invoke(app, ["tagger", "status", "--json"])
    assert res.exit_code == 0, res.output
    info = json.loads(res.output)
    assert info == {"path": str(tmp_path / "absent"), "active": False}


needs_torch = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None,
    reason="the tagger extra (torch, transformers, onnx) is not installed",
)


@needs_torch
def test_train_export_and_tag_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.nlp import tagger as tagger_mod
    from storyline.nlp.tagger_train import train

    text = "Officials said the bridge will reopen in May. The river rose overnight."
    content = (text.index("the bridge"), text.index(" in May") + 7)
    gold = (GoldAttribution(content, (0, 9), (10, 14)),)
    docs = [PolnearDoc(f"d{i}", text, gold) for i in range(8)]
    manifest = train(docs, tmp_path / "tagger", epochs=1)
    assert manifest["id"].startswith("minilm-polnear-")
    assert {p.name for p in (tmp_path / "tagger").iterdir()} == {
        "manifest.json",
        "model.onnx",
        "tokenizer.json",
    }
    monkeypatch.setenv("STORYLINE_TAGGER", str(tmp_path / "tagger"))
    tagger_mod._load.cache_clear()
    loaded = tagger_mod.load_tagger()
    assert loaded is not None and loaded.id == manifest["id"]
    tagging = loaded.tag(text)
    assert all(0 <= s < e <= len(text) for s, e, _ in tagging.content + tagging.source + tagging.cue)
    tagger_mod._load.cache_clear()
