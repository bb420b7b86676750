"""Readers for each input format. Each yields RawDoc or ErrorRecord, never raises for bad input."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator

from storyline.errors import InputError
from storyline.ingest.decode import check_size, decode, gunzip, is_gzip
from storyline.ingest.fields import rawdoc_from_json
from storyline.records import ErrorRecord, RawDoc

Item = RawDoc | ErrorRecord

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)", re.I)


def kind_of(name: str) -> str | None:
    """The format of a file from its name ("text", "html", "json", "jsonl", "warc"), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for suffix, kind in (
        (".txt", "text"),
        (".text", "text"),
        (".html", "html"),
        (".htm", "html"),
        (".xhtml", "html"),
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".json", "json"),
        (".warc", "warc"),
    ):
        if lower.endswith(suffix):
            return kind
    return None


def read_bytes(data: bytes, path: str, kind: str) -> Iterator[Item]:
    """Parse one input's bytes as ``kind``; bad input becomes ErrorRecords."""
    try:
        if is_gzip(data):
            data = gunzip(data)
        if kind == "warc":
            yield from _read_warc(data, path)
            return
        if kind == "jsonl":
            yield from _read_jsonl(data, path)
            return
        check_size(data)
        text = decode(data)
        if kind == "json":
            yield from _read_json(text, path)
        else:
            is_html = kind == "html" or bool(_HTML_SNIFF.match(text[:500]))
            yield RawDoc(path=path, body=text, is_html=is_html)
    except InputError as exc:
        yield ErrorRecord(path=path, reason=exc.message)


def _read_json(text: str, path: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(obj, list):
        for n, item in enumerate(obj, 1):
            yield _record(item, f"{path}#{n}")
    else:
        yield _record(obj, path)


def _record(obj: object, path: str) -> Item:
    try:
        return rawdoc_from_json(obj, path)
    except InputError as exc:
        return ErrorRecord(path=path, reason=exc.message)


def _read_jsonl(data: bytes, path: str) -> Iterator[Item]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}#{n}"
        try:
            check_size(line)
            obj = json.loads(decode(line))
        except InputError as exc:
            yield ErrorRecord(path=where, reason=exc.message)
            continue
        except json.JSONDecodeError as exc:
            yield ErrorRecord(path=where, reason=f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        yield _record(obj, where)


def _read_warc(data: bytes, path: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for n, rec in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            yield _warc_record(rec, f"{path}#{n}")
    except ArchiveLoadFailed as exc:
        yield ErrorRecord(path=path, reason=f"not a readable WARC file ({exc})")


def _warc_record(rec: object, where: str) -> Item:
    try:
        body = rec.content_stream().read()  # type: ignore[attr-defined]
        check_size(body)
        url = rec.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
        return RawDoc(path=where, body=decode(body), is_html=True, url=url)
    except InputError as exc:
        return ErrorRecord(path=where, reason=exc.message)
