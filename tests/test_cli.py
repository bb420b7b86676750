"""The command line: exit codes, one-line errors, --json contract, read-back commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline.cli import main
from tests.chrome_samples import BODY, SCRAPED

ARTICLE_KEYS = {
    "id",
    "path",
    "title",
    "source",
    "origin",
    "published",
    "published_inferred",
    "language",
    "dateline",
    "authors",
    "text",
    "removed",
    "times",
}
REPORT_KEYS = {
    "schema",
    "articles",
    "copies",
    "stories",
    "storylines",
    "entities",
    "quotes",
    "timeline",
    "conflicts",
    "summaries",
    "errors",
}


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["storyline", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "scraped.txt").write_text(SCRAPED)
    (d / "other.txt").write_text("Harbour strike enters third day\n\n" + BODY[4] + "\n\n" + BODY[5])
    return d


def test_analyze_json_follows_the_contract(corpus: Path, db_path: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["analyze", str(corpus), "--db", db_path, "--json", "-q"], monkeypatch, capsys)
    assert code == 0
    rep = json.loads(out)
    assert set(rep) >= REPORT_KEYS and rep["schema"] == "storyline.report/1"
    assert len(rep["articles"]) == 2
    for a in rep["articles"]:
        assert set(a) >= ARTICLE_KEYS
        for t in a["times"]:
            assert a["text"][t["start"] : t["end"]] == t["text"]
    texts = {a["path"]: a for a in rep["articles"]}
    assert texts[str(corpus / "scraped.txt")]["published"] == "2025-03-11T06:40"
    for q in rep["quotes"]:
        for m in q["mentions"]:
            art = next(a for a in rep["articles"] if a["id"] == m["article"])
            assert 0 <= m["start"] < m["end"] <= len(art["text"])


def test_analyze_text_output_and_progress(corpus: Path, db_path: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["analyze", str(corpus), "--db", db_path], monkeypatch, capsys)
    assert code == 0
    assert "2 articles (2 new, 0 already in the store)" in out
    assert "Estrenia and Lusova at odds" in out
    assert "storyline:" in err  # progress goes to stderr
    code, out, _ = run(["analyze", str(corpus), "--db", db_path], monkeypatch, capsys)
    assert "(0 new, 2 already in the store)" in out


def test_some_inputs_failing_exits_1_and_reports_them(
    corpus: Path, db_path: str, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bin.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run(["analyze", str(corpus), "--db", db_path, "--json", "-q"], monkeypatch, capsys)
    assert code == 1
    rep = json.loads(out)
    assert len(rep["articles"]) == 2
    assert sorted(Path(e["path"]).name for e in rep["errors"]) == ["bin.html", "empty.txt"]
    assert "Traceback" not in err


def test_bad_usage_exits_2_with_one_line(tmp_path: Path, db_path: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["analyze", str(tmp_path / "missing"), "--db", db_path], monkeypatch, capsys)
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file or directory" in err
    code, _, _ = run(["analyze", "--no-such-option"], monkeypatch, capsys)
    assert code == 2


def test_read_back_commands(corpus: Path, db_path: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    run(["analyze", str(corpus), "--db", db_path, "-q"], monkeypatch, capsys)
    code, out, _ = run(["articles", "--db", db_path, "--json"], monkeypatch, capsys)
    rows = json.loads(out)["articles"]
    assert code == 0 and len(rows) == 2
    aid = next(r["id"] for r in rows if r["title"].startswith("Estrenia"))
    code, out, _ = run(["show", aid[:8], "--db", db_path], monkeypatch, capsys)
    assert code == 0 and "HALDEN" in out and "Removed" in out and "cookie notice" in out
    code, out, _ = run(["show", aid, "--db", db_path, "--json"], monkeypatch, capsys)
    assert json.loads(out)["id"] == aid
    code, out, _ = run(["stories", "--db", db_path, "--json"], monkeypatch, capsys)
    sid = json.loads(out)["stories"][0]["id"]
    code, out, _ = run(["story", sid, "--db", db_path, "--json"], monkeypatch, capsys)
    assert code == 0 and json.loads(out)["stories"][0]["id"] == sid
    code, out, _ = run(["quotes", "--db", db_path, "--json"], monkeypatch, capsys)
    assert code == 0 and "quotes" in json.loads(out)


def test_unknown_ids_and_missing_db_are_one_line_errors(
    tmp_path: Path, db_path: str, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["articles", "--db", str(tmp_path / "none.db")], monkeypatch, capsys)
    assert code == 1 and "no storyline database" in err and "Traceback" not in err
    run(["analyze", str(tmp_path), "--db", db_path, "-q"], monkeypatch, capsys)
    code, _, err = run(["show", "zzzz", "--db", db_path], monkeypatch, capsys)
    assert code == 1 and "no article with id 'zzzz'" in err


def test_stdin_jsonl(db_path: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    line = json.dumps({"id": "in-1", "title": "Dam talks", "text": "\n\n".join(BODY)}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    code, out, _ = run(["analyze", "-", "--db", db_path, "--json", "-q"], monkeypatch, capsys)
    assert code == 0
    assert [a["id"] for a in json.loads(out)["articles"]] == ["in-1"]


def test_rendered_text_keeps_brackets_and_citations() -> None:
    """Titles, quotes and citations in square brackets are text, not Rich markup to be swallowed."""
    from io import StringIO

    from rich.console import Console

    from storyline import render

    buf = StringIO()
    console = Console(file=buf, width=200, color_system=None)
    story = {"id": "s1", "title": "[Updated] Dam talks", "articles": ["abcdef123456"], "first": "2025-03-10"}
    rep = {
        "summaries": [
            {
                "story": "s1",
                "sentences": [{"text": "Talks began [in Valmora].", "articles": ["abcdef123456"]}],
            }
        ],
        "timeline": [
            {"story": "s1", "date": "2025-03-10", "text": "talks [day one]", "articles": ["abcdef123456"]}
        ],
        "quotes": [
            {
                "story": "s1",
                "speaker": "Ilse Marandt",
                "text": "[We] agreed",
                "kind": "direct",
                "mentions": [{}],
            }
        ],
        "conflicts": [],
    }
    arts = {"abcdef123456": {"source": "[Wire]", "title": "[Updated] Dam talks"}}
    render.story_block(console, story, rep, arts)
    out = buf.getvalue()
    for expected in (
        "[Updated] Dam talks",
        "[in Valmora].",
        "[abcdef12]",
        "[day one]",
        "[1 art.]",
        "“[We] agreed”",
        "[Wire]:",
    ):
        assert expected in out, expected


def test_a_denied_claim_is_shown_with_its_denial_cue() -> None:
    from storyline.render import quote_line

    line = quote_line(
        "Harbour Authority", "that any deal had been reached", "indirect", 2, ["denied", "denying"]
    )
    assert line.startswith("Harbour Authority (denied): “that any deal had been reached”")
    assert quote_line("Marta Lindqvist", "[we] agree", "direct", 1, ["said"]).startswith(
        "Marta Lindqvist: “\\[we] agree”"  # escaped for Rich, which would take [we] for markup
    )


def test_counts_read_as_english() -> None:
    from storyline.render import counted

    assert counted(1, "copy group") == "1 copy group"
    assert counted(4, "copy group") == "4 copy groups"
    assert counted(1, "story", "stories") == "1 story"
    assert counted(0, "story", "stories") == "0 stories"
