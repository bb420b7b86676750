"""Small text utilities shared by several stages (paragraphs, sentences, hashing)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

_PARA_SPLIT = re.compile(r"\n\s*\n")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and
# an upper-case letter, digit or opening quote; common abbreviations do not end sentences.
_SENT_END = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
_ABBREV_WORDS = (
    r"Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Pres|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|a\.m|p\.m"
)
_ABBREV = re.compile(rf"\b(?:{_ABBREV_WORDS})\.$")
# anywhere in a text, and initials ("John F. Kennedy", "D.C.")
_ABBREV_OR_INITIAL = re.compile(rf"\b(?:{_ABBREV_WORDS}|[A-Z])\.")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the non-blank paragraphs of ``text``."""
    pos = 0
    for m in _PARA_SPLIT.finditer(text):
        if text[pos : m.start()].strip():
            yield _strip_span(text, pos, m.start())
        pos = m.end()
    if text[pos:].strip():
        yield _strip_span(text, pos, len(text))


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of sentences inside ``text[start:end]``, paragraph-aware."""
    end = len(text) if end is None else end
    for p_start, p_end in paragraphs(text[start:end]):
        p_start += start
        p_end += start
        s = p_start
        for m in _SENT_END.finditer(text, p_start, p_end):
            if _ABBREV.search(text[max(s, m.start() - 6) : m.start()]):
                continue
            if text[s : m.start()].strip():
                yield _strip_span(text, s, m.start())
            s = m.end()
        if text[s:p_end].strip():
            yield _strip_span(text, s, p_end)


def without_abbreviations(text: str) -> str:
    """``text`` without the periods of common abbreviations and initials ("Mr. Brekke of the U.S.
    Navy" -> "Mr Brekke of the US Navy"): a period left may end a sentence."""
    return _ABBREV_OR_INITIAL.sub(lambda m: m.group().replace(".", ""), text)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def normalize_for_hash(text: str) -> str:
    """Case-, space- and punctuation-insensitive form used for content hashes."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


# "KYIV — ", "WASHINGTON (AP) — ", "VALMORA, Estrenia (Meridian Press) — ", "MOSCOW, Feb 7 (Reuters) - ":
# a dateline opening a paragraph (a single hyphen only after a credit in brackets).
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?"
    r"(?:\s*\([^)\n]{1,40}\)\s*[—–-]{1,2}|\s*[—–]{1,2}|\s*--)\s+(?=[A-Z\"“‘'])",
    re.MULTILINE,
)


def mask_datelines(text: str) -> str:
    """``text`` with each paragraph-opening dateline blanked by spaces (offsets unchanged), so that a
    parser does not take "TESSBRUCK, Norvadia (NorPress) —" for the subject of the lead sentence."""
    return DATELINE.sub(lambda m: " " * len(m.group()), text)


# a speaking pronoun: the sentence's first word, or the subject of a closing "..., it said"
_LEADING_PRONOUN = re.compile(r"^(?:He|She|They|It)\b")
_CLOSING_PRONOUN = re.compile(
    r",[”\"’']?\s+(he|she|they|it)\s+(?:said|says|added|adds|told|tells|stated|noted|warned|explained)\b"
)


def speaker_pronoun(text: str) -> tuple[int, str] | None:
    """Where the pronoun that stands for the speaker is, and the pronoun: "He said ..." or
    "Three people were hurt, it said." (the last such closing cue), else None."""
    m = _LEADING_PRONOUN.match(text)
    if m:
        return 0, m.group()
    found = list(_CLOSING_PRONOUN.finditer(text))
    return (found[-1].start(1), found[-1].group(1)) if found else None


def with_speaker_note(text: str, speaker: str | None) -> str:
    """A speaking pronoun as an editor prints it out of context: "He [Mateo Lisandre] said ...",
    "Three people were treated for minor burns, it [the regulator] said."."""
    found = speaker_pronoun(text) if speaker else None
    if found is None:
        return text
    end = found[0] + len(found[1])
    return f"{text[:end]} [{speaker}]{text[end:]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def short_id(*parts: str, length: int = 12) -> str:
    """A stable short id derived from ``parts``."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]
