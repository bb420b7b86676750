"""Every input format, and bad input becoming error records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.ingest import decode, read_inputs
from storyline.records import ErrorRecord, RawDoc
from tests.chrome_samples import BODY

ARTICLE = "Dam talks resume in Valmora\n\n" + "\n\n".join(BODY)
HTML = (
    "<!doctype html><html><head><title>Dam talks resume</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Dam talks resume</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>"
)


def read(paths: list[str], stdin: bytes | None = None) -> list[RawDoc | ErrorRecord]:
    return list(read_inputs(paths, stdin=io.BytesIO(stdin) if stdin is not None else None))


def test_txt_and_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(HTML)
    docs = read([str(tmp_path)])
    assert [type(d) for d in docs] == [RawDoc, RawDoc]
    assert [d.is_html for d in docs if isinstance(d, RawDoc)] == [False, True]


def test_html_sniffed_in_txt(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(HTML)
    (doc,) = read([str(tmp_path / "page.txt")])
    assert isinstance(doc, RawDoc) and doc.is_html


def test_json_article_and_array(tmp_path: Path) -> None:
    one = {
        "id": "x1",
        "title": "T",
        "text": ARTICLE,
        "url": "https://ex.example/a",
        "published": "2025-03-11",
    }
    (tmp_path / "one.json").write_text(json.dumps(one))
    (tmp_path / "many.json").write_text(json.dumps([one, {**one, "id": "x2"}]))
    docs = read([str(tmp_path / "one.json"), str(tmp_path / "many.json")])
    assert [d.id for d in docs if isinstance(d, RawDoc)] == ["x1", "x1", "x2"]
    assert docs[1].path.endswith("many.json#1")


def test_jsonl_field_names_of_news_please_and_trafilatura(tmp_path: Path) -> None:
    lines = [
        {
            "title": "A",
            "maintext": ARTICLE,
            "date_publish": "2025-03-11 06:40:00",
            "source_domain": "np.example",
            "authors": ["Ana Ruiz"],
        },
        {
            "title": "B",
            "text": ARTICLE,
            "date": "2025-03-12",
            "hostname": "tf.example",
            "author": "Tom Hale; Ana Ruiz",
        },
        {"html": HTML, "url": "https://h.example/x"},
    ]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    docs = read([str(f)])
    assert all(isinstance(d, RawDoc) for d in docs)
    a, b, c = docs
    assert isinstance(a, RawDoc) and isinstance(b, RawDoc) and isinstance(c, RawDoc)
    assert (a.source, a.published, a.authors) == ("np.example", "2025-03-11 06:40:00", ("Ana Ruiz",))
    assert (b.source, b.published, b.authors) == ("tf.example", "2025-03-12", ("Tom Hale", "Ana Ruiz"))
    assert c.is_html and c.url == "https://h.example/x"
    assert [d.path for d in docs] == [f"{f}#1", f"{f}#2", f"{f}#3"]


def test_stdin_jsonl() -> None:
    data = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode()
    (doc,) = read(["-"], stdin=data)
    assert isinstance(doc, RawDoc) and doc.id == "s1" and doc.path == "-#1"


def test_gzipped_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (doc,) = read([str(tmp_path)])
    assert isinstance(doc, RawDoc) and doc.body.startswith("Dam talks")


def test_warc_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for n, url in enumerate(["https://a.example/1", "https://b.example/2"]):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = HTML.replace("Dam talks resume", f"Dam talks resume {n}").encode()
            w.write_record(
                w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
        w.write_record(
            w.create_warc_record(
                "https://a.example/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
    docs = read([str(path)])
    assert [d.url for d in docs if isinstance(d, RawDoc)] == ["https://a.example/1", "https://b.example/2"]
    assert all(d.path.startswith(f"{path}#") for d in docs)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("nul.txt", b"abc\x00\x00\x01\x02def" * 50, "binary"),
        ("bad.json", b'{"title": "x", "text": "unterminated', "malformed JSON"),
        ("notext.json", b'{"title": "only a title"}', "no 'text'"),
        ("list.json", b"[1, 2]", "expected a JSON object"),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
    ],
)
def test_bad_input_becomes_error_record(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    docs = read([str(tmp_path / name)])
    assert docs and all(isinstance(d, ErrorRecord) for d in docs)
    assert reason in docs[0].reason  # type: ignore[union-attr]


def test_malformed_jsonl_line_does_not_stop_the_file(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        json.dumps({"text": ARTICLE}) + "\n{broken\n" + json.dumps({"text": ARTICLE + " More."}) + "\n"
    )
    docs = read([str(f)])
    assert [type(d).__name__ for d in docs] == ["RawDoc", "ErrorRecord", "RawDoc"]
    assert docs[1].path == f"{f}#2"


def test_oversized_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 100)
    from storyline.ingest import formats

    monkeypatch.setattr(formats, "check_size", lambda data: decode.check_size(data, 100))
    (tmp_path / "big.txt").write_text(ARTICLE)
    (doc,) = read([str(tmp_path / "big.txt")])
    assert isinstance(doc, ErrorRecord) and "too large" in doc.reason


def test_latin1_and_mojibake_are_repaired(tmp_path: Path) -> None:
    text = "Café owners in São Paulo said the résumé of talks was incomplete. " * 3
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "mojibake.txt").write_bytes(text.encode("utf-8").decode("latin-1").encode("utf-8"))
    docs = read([str(tmp_path / "latin1.txt"), str(tmp_path / "mojibake.txt")])
    assert [d.body for d in docs if isinstance(d, RawDoc)] == [text, text]


def test_curly_quotes_survive_decoding() -> None:
    assert decode.decode("“We agreed,” she said. ‘Fine’".encode()) == "“We agreed,” she said. ‘Fine’"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        read([str(tmp_path / "nope.txt")])


def test_hidden_and_unknown_files_in_directories_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    docs = read([str(tmp_path)])
    assert [Path(d.path).name for d in docs] == ["a.txt"]
