"""Speaker labels: a line that opens with a name and a colon ("Voss: The port stays shut",
"LINDQVIST: We agree", "Harbour chief Tomas Brekke: “It is over”"), as in headlines and transcripts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.nlp.lexicon import GROUP_NOUNS, NOT_PERSON_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LABEL = re.compile(r"^([^\n:.!?\"“”]{2,60}?):[ \t\u00a0]+(?=\S)")
_MAX_LABEL_WORDS = 7
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP"})
# a label names someone; a phrase with a preposition is a kicker ("Telephone between X and Y: ...")
_PHRASE_WORDS = frozenset(
    {"between", "with", "in", "on", "at", "after", "before", "for", "to", "from", "over", "about", "as", "by"}
)
# one-word labels of a source that is not a name ("Poll: ...", "Historians: ...", "Q: ..." in an interview)
_SOURCE_LABELS = GROUP_NOUNS | {
    "poll",
    "survey",
    "report",
    "study",
    "historians",
    "insiders",
    "newspaper",
    "q",
}
_DASHES = re.compile(r"\s[-–—]\s")
_NOT_LABELS = frozenset(
    {"update", "note", "photo", "video", "source", "editor's note", "correction", "watch", "read more"}
)


@dataclass(frozen=True, slots=True)
class Label:
    """``source`` said ``content`` (character offsets); ``colon`` is the cue's position."""

    source: tuple[int, int]
    colon: int
    content: tuple[int, int]
    named: bool = True  # False for a source that is not a name ("Poll:", "Q:"): not listed as a quote


def speaker_labels(doc: Doc, text: str) -> list[Label]:
    """Every line of ``text`` (the text of ``doc``) that starts with a speaker label."""
    out: list[Label] = []
    pos = 0
    for line in text.split("\n"):
        label = _label(doc, text, pos, line)
        if label is not None:
            out.append(label)
        pos += len(line) + 1
    return out


def _label(doc: Doc, text: str, pos: int, line: str) -> Label | None:
    m = _LABEL.match(line)
    if m is None:
        return None
    name = m.group(1)
    dash = list(_DASHES.finditer(name))
    start = dash[-1].end() if dash else 0  # "SECTION TITLE - Jeffrey Jones:"
    name = name[start:].strip()
    words = name.split()
    if not words or len(words) > _MAX_LABEL_WORDS or name.casefold() in _NOT_LABELS:
        return None
    if any(w in _PHRASE_WORDS for w in words):
        return None
    common = len(words) == 1 and words[0].casefold() in _SOURCE_LABELS
    if not (
        _is_caps_name(words)
        or _has_speaker_entity(doc, pos + start, pos + m.end(1))
        or _named_elsewhere(doc, words)
        or common
    ):
        return None
    src_start = pos + line.index(name, start)
    content_end = pos + len(line.rstrip())
    if content_end - (pos + m.end()) < 3:
        return None
    return Label((src_start, src_start + len(name)), pos + m.end(1), (pos + m.end(), content_end), not common)


def _is_caps_name(words: list[str]) -> bool:
    """A transcript label: "TAPPER", "SEN. WARD" (capitals, not a common word)."""
    return (
        len(words) <= 3
        and all(w.isupper() and len(w.strip(".")) >= 2 for w in words)
        and not any(w.casefold() in NOT_PERSON_WORDS for w in words)
    )


def _named_elsewhere(doc: Doc, words: list[str]) -> bool:
    """ "Trump: ..." in a headline the small model does not tag: the article names a person or an
    organisation ending with the label's words."""
    if len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    tail = " ".join(words)
    return any(
        ent.label_ in _SPEAKER_ENTS and (ent.text == tail or ent.text.endswith(" " + tail))
        for ent in doc.ents
    )


def _has_speaker_entity(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text[:1].isupper():
        return False
    return any(ent.label_ in _SPEAKER_ENTS for ent in span.ents)
