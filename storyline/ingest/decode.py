"""Bytes to text: size limits, gzip, binary detection, charset detection, mojibake repair."""

from __future__ import annotations

import gzip
import io
import zlib

from storyline.errors import InputError

MAX_BYTES = 25 * 1024 * 1024  # per input document, after decompression

_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"RIFF",
    b"OggS",
    b"ID3",
)


def gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip ``data``; refuse output larger than ``limit``."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip data ({exc})") from exc
    if len(out) > limit:
        raise InputError(f"too large after decompression (over {limit // (1024 * 1024)} MB)")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def check_size(data: bytes, limit: int = MAX_BYTES) -> None:
    if len(data) > limit:
        raise InputError(
            f"too large: {len(data) // (1024 * 1024)} MB, the limit is {limit // (1024 * 1024)} MB"
        )


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode ``data`` to text, repairing mojibake; raise InputError for binary or empty input."""
    if not data.strip():
        raise InputError("empty input")
    if looks_binary(data):
        raise InputError("binary data, not text")
    text = _decode_charset(data)
    import ftfy

    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty input")
    return text


def _decode_charset(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text: not UTF-8 and no other encoding fits")
    if best.encoding.replace("-", "_") in _LATIN_FAMILY:
        # Single-byte Latin encodings are hard to tell apart; Windows-1252 is by far the most common.
        for enc in ("cp1252", "latin_1"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
    return str(best)


_LATIN_FAMILY = frozenset(
    [
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "iso8859_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_15",
        "latin_1",
        "mac_roman",
        "mac_latin2",
    ]
)
