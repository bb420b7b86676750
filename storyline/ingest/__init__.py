"""Ingest: turn paths, directories and stdin into RawDoc records (or error records)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storyline.errors import UsageError
from storyline.ingest.formats import Item, kind_of, read_bytes
from storyline.records import ErrorRecord, RawDoc

__all__ = ["Item", "expand_paths", "read_inputs"]

MAX_FILE_BYTES = 200 * 1024 * 1024  # a whole file (JSONL/WARC may hold many articles)


def expand_paths(paths: Iterable[str]) -> list[tuple[str, str]]:
    """Resolve the command-line inputs into (path as given, format) pairs, directories recursively.

    Raises UsageError for a path that does not exist. Files in directories with an unknown
    extension and hidden files are skipped; a file named explicitly with an unknown extension
    is read as text (HTML is sniffed).
    """
    out: list[tuple[str, str]] = []
    for given in paths:
        if given == "-":
            out.append(("-", "jsonl"))
            continue
        p = Path(given)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    kind = kind_of(child.name)
                    if kind:
                        out.append((str(child), kind))
        elif p.exists():
            out.append((given, kind_of(p.name) or "text"))
        else:
            raise UsageError(f"no such file or directory: {given}", hint="check the path")
    return out


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawDoc | ErrorRecord]:
    """Yield every document found in ``paths`` in order; unreadable inputs become ErrorRecords."""
    for path, kind in expand_paths(paths):
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "-", "jsonl")
            continue
        try:
            p = Path(path)
            if p.stat().st_size > MAX_FILE_BYTES:
                yield ErrorRecord(path, f"too large: {p.stat().st_size // (1024 * 1024)} MB file")
                continue
            data = p.read_bytes()
        except OSError as exc:
            yield ErrorRecord(path, f"unreadable: {exc.strerror or exc}")
            continue
        yield from read_bytes(data, path, kind)
