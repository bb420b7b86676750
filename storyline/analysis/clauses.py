"""Cut a long sentence down to the clause around a point of interest (a date, a number).

Purely lexical: a sentence is split at semicolons, spaced dashes and at commas that
open a new clause ("..., as he began talks", "..., denying that ..."). The clause
holding the point is kept, grown with its neighbours while it is too short to read
and with a following "…, denying/saying that …" while the whole stays short;
a relative clause ("..., where he met Biden on Monday") takes its antecedent along
("Olaf Scholz, who has just returned from Washington, where he met Biden on Monday").
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(
    r"\s*;\s*|\s+[—–-]{1,2}\s+|\s*\(\s*|\s*\)\s*|\s+(?=as\s+[A-Z][a-z])|"
    r",\s+(?=(?:but|and|as|while|although|though|which|who|where|saying|denying|adding|after|"
    r"before|when|since|so|because|if|amid|alarming|according)\b)",
)
_LABEL = re.compile(r"^[A-Z]{3,}:\s*")
_RELATIVE = re.compile(r"^(?:where|which|who|whom|whose)\b", re.I)
_LEAD = re.compile(r"^(?:but|and|so|yet|also|instead|meanwhile|however|while|although)\b,?\s*", re.I)
_TRAIL = re.compile(r"[\s,;:.—–-]+$")
MIN_WORDS = 6
MAX_WORDS = 28


def clause_around(sentence: str, start: int, end: int) -> str:
    """The readable clause of ``sentence`` that contains ``sentence[start:end]``."""
    pieces = _pieces(sentence)
    idx = next((i for i, (s, e) in enumerate(pieces) if s <= start < e), 0)
    lo, hi = idx, idx
    while lo > 0 and _RELATIVE.match(sentence[pieces[lo][0] :]):
        lo -= 1
    if lo < idx:
        named = _antecedent_start(sentence, pieces[lo])
        text = sentence[named : pieces[hi][1]]
        if len(text.split()) >= MIN_WORDS:
            return tidy(_truncate(text, end - named))
    while _n_words(sentence, pieces, lo, hi) < MIN_WORDS and (lo > 0 or hi < len(pieces) - 1):
        if lo > 0:
            lo -= 1
        else:
            hi += 1
    nxt = hi + 1
    if (
        nxt < len(pieces)
        and _COMPLEMENT.match(sentence, pieces[nxt][0])
        and _n_words(sentence, pieces, lo, nxt) <= COMPLEMENT_WORDS
    ):
        hi = nxt  # "downplayed the comments, denying that any deal had been reached"
    text = sentence[pieces[lo][0] : pieces[hi][1]]
    return tidy(_truncate(text, end - pieces[lo][0]))


_COMPLEMENT = re.compile(r"(?:denying|saying|adding|calling|insisting|arguing)\b")
COMPLEMENT_WORDS = 22


_TRAILING_NAME = re.compile(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+(?:,\s*\d{1,3})?\s*$")


def _antecedent_start(sentence: str, piece: tuple[int, int]) -> int:
    """Where the antecedent of a relative clause starts: the name closing the piece before it
    ("... to meet Germany's leader Olaf Scholz, who ..." → "Olaf Scholz"), else the whole piece."""
    m = _TRAILING_NAME.search(sentence, piece[0], piece[1])
    return m.start() if m else piece[0]


def tidy(text: str) -> str:
    """Strip leading conjunctions and trailing punctuation; capitalise the first letter."""
    text = _LEAD.sub("", _LABEL.sub("", text.strip().lstrip("—–- ")))
    text = _TRAIL.sub("", text).strip(" \"'“”‘’")
    return text[:1].upper() + text[1:] if text else text


def _pieces(sentence: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(sentence):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(sentence):
        out.append((pos, len(sentence)))
    return out or [(0, len(sentence))]


def _n_words(sentence: str, pieces: list[tuple[int, int]], lo: int, hi: int) -> int:
    return len(sentence[pieces[lo][0] : pieces[hi][1]].split())


def _truncate(text: str, must_keep: int) -> str:
    """Cut ``text`` to at most MAX_WORDS words, never before character ``must_keep``."""
    words = text.split()
    if len(words) <= MAX_WORDS + 4:
        return text
    kept = 0
    for i, w in enumerate(words):
        kept += len(w) + 1
        if i + 1 >= MAX_WORDS and kept >= must_keep:
            return " ".join(words[: i + 1]) + " …"
    return text
